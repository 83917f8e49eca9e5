"""Issues are read and parsed off the GUI thread, once, and a slow read never shows an article nobody wants now."""

from __future__ import annotations

import threading

import pytest

from reader.core.library.library import Library
from reader.gui.app import settings_for
from reader.gui.main_window import MainWindow
from tests.gui.conftest import close_window, shown


@pytest.fixture
def recorded(qtbot, seeded_paths):
    """A window on the five seeds whose library records each issue it reads and the thread reading it."""
    library = Library(seeded_paths)
    reads: list[tuple[str, threading.Thread]] = []
    load = library.load_issue

    def recording(issue_id: str):
        reads.append((issue_id, threading.current_thread()))
        return load(issue_id)

    library.load_issue = recording
    window = MainWindow(seeded_paths, library, settings_for(seeded_paths))
    qtbot.addWidget(window)
    window.show()
    shown(qtbot, window)
    yield window, reads
    close_window(window)


def _expand_every_issue(qtbot, window) -> None:
    model = window.tree_model
    for record in window.library.records():
        index = model.index_of_issue(record.id)
        parent = index.parent()
        while parent.isValid():
            window.tree.expand(parent)
            parent = parent.parent()
        window.tree.expand(index)
        qtbot.waitUntil(lambda index=index: model.rowCount(index) > 0, timeout=10000)


def test_the_gui_thread_never_reads_an_issue(qtbot, recorded):
    window, reads = recorded
    _expand_every_issue(qtbot, window)
    records = window.library.records()
    for record in records:
        window.open_article(record.id, 1)
        shown(qtbot, window)
        window.step_article(1)
        shown(qtbot, window)
    window.go_history(-1)
    shown(qtbot, window)
    assert {issue_id for issue_id, _thread in reads} == {record.id for record in records}
    assert all(thread is not threading.main_thread() for _issue_id, thread in reads)


def test_an_issue_is_parsed_once_for_the_tree_and_its_articles(qtbot, recorded):
    window, reads = recorded
    _expand_every_issue(qtbot, window)
    record = window.library.records()[0]
    for ordinal in range(record.articles):
        window.open_article(record.id, ordinal)
        shown(qtbot, window)
    window.refresh_tree()  # as after an import: nothing read again
    assert [issue_id for issue_id, _thread in reads].count(record.id) == 1


def test_an_article_asked_for_while_another_issue_is_read_is_the_one_shown(qtbot, seeded_paths):
    library = Library(seeded_paths)
    records = library.records()
    slow, quick = records[0].id, records[1].id
    release = threading.Event()
    load = library.load_issue

    def held(issue_id: str):
        if issue_id == slow:
            release.wait(10)
        return load(issue_id)

    library.load_issue = held
    window = MainWindow(seeded_paths, library, settings_for(seeded_paths))
    qtbot.addWidget(window)
    try:
        window.issues.load(quick)
        qtbot.waitUntil(lambda: window.issues.cached(quick) is not None, timeout=10000)
        window.open_article(slow, 2)  # its issue is being read…
        window.open_article(quick, 1)  # …when the reader chooses another, already read
        assert window.current == (quick, 1)
        release.set()
        qtbot.waitUntil(lambda: window.issues.cached(slow) is not None, timeout=10000)
        assert window.current == (quick, 1)  # the slow issue came in and changed nothing
        assert [visit[:2] for visit in window.history.entries][-1] == (quick, 1)
        assert window.tree_model.node(window.tree.currentIndex()).ordinal == 1
    finally:
        release.set()
        close_window(window)


def test_an_unreadable_original_is_told_and_the_article_stays(qtbot, recorded, _no_modal_boxes):
    window, _reads = recorded
    opened = window.current
    record = next(record for record in window.library.records() if record.id != opened[0])
    window.library.original_path(record).unlink()
    window.open_article(record.id, 0)
    shown(qtbot, window)
    assert len(_no_modal_boxes) == 1 and record.source in str(_no_modal_boxes[0])  # one message naming it
    assert window.current == opened and window.article.view.ordinal == opened[1]  # the open article stays
