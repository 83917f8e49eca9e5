"""View → Whole Issue: an issue as one scroll of its articles, the tree following, each issue's place remembered."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from reader.gui.article_view import BODY, HEAD, ISSUE, KeptPlace
from reader.gui.main_window import MainWindow
from reader.gui.reading_positions import KEPT, ReadingPositions
from tests.gui.conftest import close_window, open_window, ready_window, shown
from tests.gui.test_reading_place import _click_hit, _issue, _row_of, _search


@pytest.fixture
def whole(qtbot, seeded_paths):
    window = ready_window(qtbot, seeded_paths)
    window.resize(1000, 700)
    window.actions_.whole_issue.trigger()
    assert window.whole_issue
    yield window
    close_window(window)


def _open(qtbot, window: MainWindow, issue_id: str, ordinal: int) -> None:
    window.open_article(issue_id, ordinal)
    qtbot.waitUntil(lambda: window.opening is None and window.current is not None, timeout=10000)
    shown(qtbot, window)


def test_an_issue_reads_as_one_scroll_and_the_tree_follows(qtbot, whole):
    window = whole
    issue = _issue(window, "000")
    _open(qtbot, window, issue, 3)
    pane = window.article
    assert pane.views is not None and len(pane.views) > 8
    text = pane.toPlainText()
    assert all(view.title in text for view in pane.views if view.title)  # every article in the one scroll
    assert window.current == (issue, 3) and pane.view.ordinal == 3
    assert window.tree.currentIndex() == window.tree_model.index_of_article(issue, 3)

    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())  # the reader scrolls to the end
    qtbot.waitUntil(lambda: window.current[1] > 3, timeout=5000)
    last = window.current[1]
    assert pane.view.ordinal == last
    assert window.tree.currentIndex() == window.tree_model.index_of_article(issue, last)
    assert window.history.entries[-1][:2] == (issue, 3)  # scrolling is no visit

    window.step_article(-1)  # Ctrl+PgUp: the article before, in the same scroll
    qtbot.waitUntil(lambda: window.current == (issue, last - 1), timeout=5000)
    assert pane.views is not None and pane.view.ordinal == last - 1


def test_each_issue_reopens_where_the_reader_left_it(qtbot, whole):
    window = whole
    first, second = _issue(window, "000"), _issue(window, "001")
    _open(qtbot, window, first, 5)
    place = window.article.reading_place()
    _open(qtbot, window, second, 0)
    window.open_issue(first)
    qtbot.waitUntil(lambda: window.current is not None and window.current[0] == first, timeout=10000)
    shown(qtbot, window)
    assert window.current == (first, 5)
    assert abs(window.article.reading_place() - place) < 40  # the same line, give or take

    window.save_state()
    again = ReadingPositions(window.settings)  # as the next session reads them
    assert again.get(first)[0] == 5 and again.get(second) == (0, again.get(second)[1])


def _open_hit(qtbot, window: MainWindow, query: str, ordinal: int):
    """Search `query` and click the hit of article `ordinal` of issue 000: (its issue id, the pane)."""
    issue = _issue(window, "000")
    _search(qtbot, window, query)
    _click_hit(qtbot, window, _row_of(window, issue, ordinal))
    qtbot.waitUntil(lambda: window.current == (issue, ordinal), timeout=10000)
    return issue, window.article


def test_a_hit_opens_the_whole_issue_at_its_first_match(qtbot, whole):
    window, _, pane = whole, *_open_hit(qtbot, whole, "核酸", 7)
    assert pane.views is not None and pane.match_count() > 0
    start = pane.article_start(7)
    assert pane._matches[pane._current][0] >= start  # the current match is in the hit's article
    assert pane.view.ordinal == 7
    title = pane.views[7].title
    assert title and title[:8] in window.citations.citation()  # a citation cites the article in view
    assert all(view.title[:8] not in window.citations.citation() for view in pane.views[:7] if view.title)


def test_whole_issue_off_shows_one_article_again_and_is_remembered(qtbot, whole):
    window = whole
    issue = _issue(window, "000")
    _open(qtbot, window, issue, 2)
    window.actions_.whole_issue.trigger()
    qtbot.waitUntil(lambda: window.article.views is None, timeout=10000)
    assert window.current == (issue, 2) and window.article.view.ordinal == 2
    window.save_state()
    assert str(window.settings.value("whole_issue")).lower() == "false"


def test_an_issue_opened_an_article_at_a_time_starts_at_its_first_article(qtbot, whole):
    """A place kept while the issue was read whole is no place to start reading it an article at a time."""
    window = whole
    issue, other = _issue(window, "000"), _issue(window, "001")
    _open(qtbot, window, issue, 3)
    _open(qtbot, window, other, 0)  # leaving the issue keeps its place: article 3
    assert window.reading_positions.get(issue)[0] == 3
    window.actions_.whole_issue.trigger()
    window.open_issue(issue)  # as a day in the issue calendar opens it
    qtbot.waitUntil(lambda: window.current == (issue, 0), timeout=10000)


def test_reading_positions_keep_the_most_recent_issues(qtbot, seeded_paths):
    window = open_window(qtbot, seeded_paths)
    positions = ReadingPositions(window.settings)
    for number in range(KEPT + 5):
        positions.remember(f"issue-{number}", 1, KeptPlace(BODY, number, 0))
    positions.remember("issue-0", 2, KeptPlace(HEAD, 7, 1))  # read again: most recent
    positions.save()
    kept = ReadingPositions(window.settings)
    assert kept.get("issue-0") == (2, KeptPlace(HEAD, 7, 1))
    assert kept.get("issue-1") is None and kept.get(f"issue-{KEPT + 4}") == (1, KeptPlace(BODY, KEPT + 4, 0))
    window.settings.setValue("reading_positions", "not json")
    assert ReadingPositions(window.settings).get("issue-0") is None
    window.settings.setValue("reading_positions", '{"issue-0": [2, 700]}')  # as an earlier version kept it
    assert ReadingPositions(window.settings).get("issue-0") == (2, KeptPlace(ISSUE, 700))
    window.settings.setValue("reading_positions", '{"issue-0": [2, 1, 30]}')  # counted in the open article
    assert ReadingPositions(window.settings).get("issue-0") == (2, KeptPlace(BODY, 30, None))

    positions = ReadingPositions(window.settings)
    positions.remember("issue-0", 3, KeptPlace(BODY, 9, 3))  # counted in the open article: kept as before
    positions.remember("issue-1", 3, KeptPlace(HEAD, 4, 2))
    positions.save()
    assert json.loads(window.settings.value("reading_positions")) == {"issue-0": [3, 1, 9], "issue-1": [3, 0, 4, 2]}
    close_window(window)


def _top_of(pane, position: int) -> int:
    """How far below the top of the view the document position `position` is (pixels)."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position)
    return pane.cursorRect(cursor).top()


def test_an_article_too_short_to_reach_the_top_is_the_one_open_when_asked_for(qtbot, whole):
    window = whole
    issue = _issue(window, "000")
    _open(qtbot, window, issue, 0)
    pane = window.article
    last = len(pane.views) - 1  # 遗失启事: a two-line notice, on the last screen with the end of the article before
    _open(qtbot, window, issue, last)  # a click in the tree
    qtbot.wait(200)  # whatever Qt lays out or scrolls later
    assert _top_of(pane, pane.article_start(last)) > 0  # it cannot reach the top of the view
    assert window.current == (issue, last) and pane.view.ordinal == last
    assert window.tree.currentIndex() == window.tree_model.index_of_article(issue, last)
    assert pane.view.title == pane.views[last].title  # citing, printing, bookmarking: the notice

    window.step_article(-1)  # Ctrl+PgUp, then Ctrl+PgDown back to it
    qtbot.waitUntil(lambda: window.current == (issue, last - 1), timeout=5000)
    window.step_article(1)
    qtbot.waitUntil(lambda: window.current == (issue, last), timeout=5000)
    assert pane.view.ordinal == last

    bar = pane.verticalScrollBar()
    bar.setValue(0)  # the reader scrolls: the article at the top is the open one again
    qtbot.waitUntil(lambda: window.current == (issue, 0), timeout=5000)
    assert pane.view.ordinal == 0


def _article_of(pane, position: int) -> int:
    """The ordinal of the article of the whole issue that the document position `position` is in."""
    return max(view.ordinal for view in pane.views if pane.article_start(view.ordinal) <= position)


def test_each_match_stepped_to_makes_its_article_the_open_one(qtbot, whole):
    window, issue, pane = whole, *_open_hit(qtbot, whole, "核酸", 6)
    seen = set()
    for _ in range(pane.match_count()):
        pane.step_match(1)  # F3
        ordinal = _article_of(pane, pane._matches[pane._current][0])
        seen.add(ordinal)
        assert pane.view.ordinal == ordinal and window.current == (issue, ordinal)
        assert window.tree.currentIndex() == window.tree_model.index_of_article(issue, ordinal)
    assert len(seen) > 1  # the matches of several articles


def test_a_note_on_a_passage_goes_to_the_article_the_passage_is_in(qtbot, whole, monkeypatch):
    window = whole
    issue = _issue(window, "000")
    _open(qtbot, window, issue, 3)
    pane = window.article
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() - pane.viewport().height() // 3)  # the reader scrolls back: the end of article 2 on top
    qtbot.waitUntil(lambda: window.current == (issue, 2), timeout=5000)
    below = pane.article_start(3)
    assert 0 < _top_of(pane, below) < pane.viewport().height() - 80  # article 3's head lower on the screen
    cursor = QTextCursor(pane.document())
    cursor.setPosition(below + 2)
    cursor.setPosition(below + 6, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)  # a passage selected there
    assert window.current == (issue, 2)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: ("一条笔记", True))
    window.bookmarks_panel.note_article()
    (bookmark,) = window.library.bookmarks.all()
    assert bookmark.quote == cursor.selectedText().strip()
    assert bookmark.ordinal == 3 and bookmark.title == pane.views[3].title


def test_the_issue_open_at_closing_reopens_where_it_was_left(qtbot, seeded_paths):
    window = open_window(qtbot, seeded_paths)
    window.resize(1000, 700)
    window.set_whole_issue(True)
    issue = _issue(window, "000")
    _open(qtbot, window, issue, 6)  # a long article
    pane = window.article
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() + 400)  # the reader reads on, in the same article
    qtbot.waitUntil(lambda: window.current == (issue, 6) and pane.reading_place() > pane.article_start(6) + 100)
    place = pane.reading_place()
    close_window(window)  # the reader closes the window (saving its state)

    again = open_window(qtbot, seeded_paths)  # the next session
    again.resize(1000, 700)
    again.restore_last_article()
    qtbot.waitUntil(lambda: again.opening is None and again.current == (issue, 6), timeout=10000)
    assert abs(again.article.reading_place() - place) < 40  # the same line, give or take
    close_window(again)


def _text_at_top_after_a_header_change(
    qtbot, seeded_paths, monkeypatch, ordinal, read_on, height: int = 700, issue_prefix: str = "000"
) -> tuple[str, str]:
    """Open article `ordinal` of an issue whole, `read_on(pane)`, close; reopen with every header line
    some lines longer (as another language or a corrected date could make it a few characters longer):
    (the text at the top then, the text about the top now)."""
    window = open_window(qtbot, seeded_paths)
    window.resize(1000, height)
    window.set_whole_issue(True)
    issue = _issue(window, issue_prefix)
    if ordinal < 0:  # counted from the end
        _open(qtbot, window, issue, 0)
        ordinal = window.article.views[ordinal].ordinal
    _open(qtbot, window, issue, ordinal)
    read_on(window.article)
    pane = window.article
    at_top = pane.toPlainText()[pane.reading_place() : pane.reading_place() + 12]
    close_window(window)

    labels = MainWindow.meta_labels
    monkeypatch.setattr(
        MainWindow, "meta_labels", lambda self: {key: value + " " + "·" * 300 for key, value in labels(self).items()}
    )
    again = open_window(qtbot, seeded_paths)
    again.resize(1000, height)
    again.restore_last_article()
    qtbot.waitUntil(lambda: again.opening is None and again.current == (issue, ordinal), timeout=10000)
    pane = again.article
    assert "·" * 300 in pane.toPlainText()
    place = pane.cursorForPosition(QPoint(0, 0)).position()  # the character at the top of the view itself
    about_top = pane.toPlainText()[place - 40 : place + 52]  # give or take part of a line (the view scrolls by lines)
    close_window(again)
    return at_top, about_top


def test_a_place_kept_under_one_header_comes_back_under_another(qtbot, seeded_paths, monkeypatch):
    """The header lines above the place changed between sessions (the interface's language, a corrected
    date): the reader comes back to the same text, not to a place moved by the difference."""

    def read_on(pane):  # in the same, long article
        bar = pane.verticalScrollBar()
        bar.setValue(bar.value() + 400)
        qtbot.waitUntil(lambda: pane.view.ordinal == 6 and pane.reading_place() > pane.article_start(6) + 100)

    at_top, about_top = _text_at_top_after_a_header_change(qtbot, seeded_paths, monkeypatch, 6, read_on)
    assert at_top in about_top


def test_a_place_in_a_short_last_article_is_kept_in_the_article_at_the_top(qtbot, seeded_paths, monkeypatch):
    """The last articles of an issue are too short to reach the top of a tall view: the top shows an
    article some way before the open one, with header lines between.  The place is counted in the article
    at the top, so longer header lines do not move it."""

    def read_on(pane):
        last = pane.views[-1].ordinal
        assert pane.view.ordinal == last
        assert pane.reading_place() < pane.article_start(last - 1)  # another header line between

    at_top, about_top = _text_at_top_after_a_header_change(
        qtbot,
        seeded_paths,
        monkeypatch,
        -1,
        read_on,
        height=1800,
        issue_prefix="002",  # its last two: 331, 20 characters
    )
    assert at_top in about_top


@pytest.mark.parametrize(
    ("open_article", "opens_at"),
    [(99, 0), (2, 2)],  # the open article gone too: the issue's start; else the open article's start
)
def test_a_place_in_an_article_the_issue_no_longer_has_opens_at_an_article_start(qtbot, whole, open_article, opens_at):
    """The issue was parsed again into fewer articles since (or the setting was damaged): it still opens."""
    window = whole
    issue = _issue(window, "000")
    window.reading_positions.remember(issue, open_article, KeptPlace(BODY, 5, 99))
    window.open_issue(issue)
    qtbot.waitUntil(lambda: window.opening is None and window.current == (issue, opens_at), timeout=10000)
    pane = window.article
    assert pane.view.ordinal == opens_at
    assert abs(pane.reading_place() - pane.article_start(opens_at)) < 40  # its start, give or take a line
