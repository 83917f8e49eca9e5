"""The reader window, driven as a user would (offscreen)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader.config import seeds_dir
from reader.core.library.library import Library
from reader.core.search import index as index_module
from reader.core.search.index import indexed_issue_ids
from reader.gui.inbox import InboxWatcher
from reader.gui.main_window import WATCHED_RECORD
from tests.gui.conftest import close_window, import_and_wait, open_window, shown

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"
SEED_001 = seeds_dir() / "001_be03ec69b60a77f1.txt"


def _top_labels(window) -> list[str]:
    model = window.tree_model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_first_start_imports_the_seeds_and_the_tree_shows_them(qtbot, window):
    with qtbot.waitSignal(window.import_done, timeout=90000) as blocker:
        window.start_background_work(import_seeds_if_empty=True)
    assert len(blocker.args[0].imported) == 5
    assert _top_labels(window) == ["北碚报", "渝中报"]
    assert "5" in window.library_label.text()


def test_choosing_an_article_shows_it(qtbot, window):
    import_and_wait(qtbot, window, [str(SEED_000)])
    record = window.library.records()[0]
    window.open_article(record.id, 1)
    shown(qtbot, window)
    text = window.article.toPlainText()
    assert "我区全面开展3至11周岁儿童新冠病毒疫苗接种工作" in text
    assert "本报讯(记者 田济中)" in text
    assert window.tree_model.node(window.tree.currentIndex()).ordinal == 1


def test_search_shows_hits_and_opening_one_highlights_the_matches(qtbot, window):
    import_and_wait(qtbot, window, [str(seeds_dir())])
    window.search_box.setText('"核酸检测采样"')
    with qtbot.waitSignal(window.search_done, timeout=60000) as blocker:
        window.run_search()
    assert blocker.args[0].total == 2
    assert window.results.hit_model.rowCount() == 2
    assert "2" in window.results.summary.text()
    hits = window.results.hits
    qtbot.mouseClick(hits.viewport(), Qt.MouseButton.LeftButton, pos=hits.visualRect(hits.model().index(0, 0)).center())
    shown(qtbot, window)
    assert window.article.match_count() >= 1
    assert "background-color:#ffe28a" in window.article.toHtml()  # matches are highlighted
    assert "核酸检测采样" in window.article.toPlainText()
    total = window.article.match_count()
    assert window.match_label.text() == f"match 1 of {total}"
    window.article.step_match(1)
    assert window.match_label.text() == f"match {2 if total > 1 else 1} of {total}"


def test_drop_of_a_file_and_of_a_folder_imports_them(qtbot, window, tmp_path):
    folder = tmp_path / "新到报纸"
    folder.mkdir()
    shutil.copy(seeds_dir() / "001_be03ec69b60a77f1.txt", folder)
    (folder / "说明.doc").write_bytes(b"not an issue")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED_000)), QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        window.dropEvent(event)
    report = blocker.args[0]
    assert len(report.imported) == 2 and report.skipped_non_issue == 1
    assert len(window.library.records()) == 2


def test_a_file_copied_into_the_inbox_is_imported_once(qtbot, window, paths):
    target = paths.inbox_dir / SEED_000.name
    shutil.copy(SEED_000, target)
    window.inbox.scan()  # first look: the file may still be growing
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        window.inbox.scan()  # unchanged since: handed over
    assert len(blocker.args[0].imported) == 1
    qtbot.waitUntil(lambda: (paths.inbox_dir / "imported" / SEED_000.name).exists(), timeout=10000)
    assert not target.exists()
    window.inbox.scan()
    window.inbox.scan()
    assert len(window.library.records()) == 1


def test_a_bad_file_is_reported_and_nothing_else_is_disturbed(qtbot, window, tmp_path):
    import_and_wait(qtbot, window, [str(SEED_000)])
    bad = tmp_path / "坏.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    report = import_and_wait(qtbot, window, [str(bad)])
    assert [r.reason for r in report.rejected] == ["this is a binary file, not a text file"]
    dialog = window.imports.report_dialog
    assert dialog.isVisible()
    assert [dialog.table.item(0, column).text() for column in range(3)] == [
        "坏.txt",
        "rejected",
        "this is a binary file, not a text file",
    ]
    assert len(window.library.records()) == 1


def test_cancelling_an_import_leaves_a_consistent_library(qtbot, window):
    with qtbot.waitSignal(window.import_done, timeout=90000) as blocker:
        job = window.import_paths([str(seeds_dir())])
        job.cancel()
    report = blocker.args[0]
    assert report.cancelled
    records = window.library.records()
    assert indexed_issue_ids(window.library.index) == {r.id for r in records}
    assert not window.library.repair().changed()


def test_font_size_and_theme_persist_across_a_restart(qtbot, paths):
    first = open_window(qtbot, paths)
    first.change_font(+3)
    first.dark_action.setChecked(True)
    first.toggle_theme()
    size = first.font_size
    close_window(first)
    second = open_window(qtbot, paths)
    assert (second.font_size, second.theme) == (size, "dark")
    assert second.dark_action.isChecked()
    close_window(second)


def test_article_text_is_escaped(qtbot, window, tmp_path):
    hostile = tmp_path / "恶意.txt"
    hostile.write_text(
        '区里召开会议\n\n本报讯 会上展示了<img src="file:///etc/passwd">和<a href="http://x">链接</a>。\n',
        encoding="utf-8",
    )
    import_and_wait(qtbot, window, [str(hostile)])
    window.open_article(window.library.records()[0].id, 0)
    shown(qtbot, window)
    assert '<img src="file:///etc/passwd">' in window.article.toPlainText()
    assert "<img" not in window.article.toHtml().replace("&lt;img", "")
    assert not window.article.openLinks()


def test_back_and_forward_skip_repeated_openings(qtbot, window):
    import_and_wait(qtbot, window, [str(SEED_000)])  # opens the newest issue's first article
    issue_id = window.library.records()[0].id
    window.open_article(issue_id, 2)
    shown(qtbot, window)
    window.open_article(issue_id, 2)  # a hit selected, then activated
    window.open_article(issue_id, 5)
    shown(qtbot, window)
    visited = []
    while window.back_action.isEnabled():
        window.go_history(-1)
        shown(qtbot, window)
        visited.append(window.current[1])
    assert visited == [2, 0]
    window.go_history(1)
    shown(qtbot, window)
    window.go_history(1)
    shown(qtbot, window)
    assert window.current == (issue_id, 5) and not window.forward_action.isEnabled()


def test_the_open_article_stays_selected_when_the_tree_is_rebuilt(qtbot, window):
    import_and_wait(qtbot, window, [str(seeds_dir())])
    record = window.library.records()[0]
    window.open_article(record.id, 3)
    shown(qtbot, window)
    window.refresh_tree()  # as after any import
    current = window.tree.currentIndex()
    assert current.isValid()
    assert window.tree_model.node(current).ordinal == 3
    assert window.tree.isExpanded(current.parent())


def test_a_cancelled_inbox_import_leaves_the_files_not_reached_in_the_inbox(qtbot, window, paths):
    seeds = sorted(seeds_dir().glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, paths.inbox_dir / seed.name)
    window.inbox.files_ready.connect(lambda _files: window.cancel_import())  # runs after the window's own slot
    window.inbox.scan()
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        window.inbox.scan()
    report = blocker.args[0]
    assert report.cancelled
    imported_names = {Path(i.path).name for i in report.imported}
    moved = {p.name for p in (paths.inbox_dir / "imported").glob("*.txt")}
    waiting = {p.name for p in paths.inbox_dir.glob("*.txt")}
    assert moved == imported_names  # nothing moved that is not in the library
    assert waiting == {seed.name for seed in seeds} - imported_names
    assert waiting  # the cancel came before the last file


def test_the_window_start_indexes_issues_left_out_of_the_index(qtbot, paths, monkeypatch):
    """One issue's articles were lost from the index, another's import crashed before its commit."""
    library = Library(paths)
    library.import_paths([str(SEED_000)])
    with index_module.writing(library.index, 0) as writer:
        index_module.delete_issue(writer, library.records()[0].id)
    real_add = index_module.add_issue

    def power_cut(writer, issue_id, issue):
        raise RuntimeError("power cut")

    monkeypatch.setattr(index_module, "add_issue", power_cut)
    with pytest.raises(RuntimeError):
        library.import_paths([str(SEED_001)])
    monkeypatch.setattr(index_module, "add_issue", real_add)
    library.close()

    window = open_window(qtbot, paths)
    try:
        window.start_background_work(import_seeds_if_empty=False)
        window.search_box.setText("疫情")  # in both issues; the search waits for the start-up repair
        with qtbot.waitSignal(window.search_done, timeout=60000) as blocker:
            window.run_search()
        assert {hit.issue for hit in blocker.args[0].hits} == {record.id for record in window.library.records()}
    finally:
        close_window(window)


def test_inbox_files_move_to_rejected_or_imported_keeping_their_names(qtbot, window, paths):
    bad = paths.inbox_dir / "坏报纸.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    shutil.copy(SEED_001, paths.inbox_dir / SEED_001.name)
    window.inbox.scan()
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        window.inbox.scan()
    assert [Path(r.path).name for r in blocker.args[0].rejected] == ["坏报纸.txt"]
    rejected, imported = paths.inbox_dir / "rejected", paths.inbox_dir / "imported"
    assert (rejected / "坏报纸.txt").read_bytes() == b"\x00\x01\x02" * 50
    assert (imported / SEED_001.name).read_bytes() == SEED_001.read_bytes()
    assert not list(paths.inbox_dir.glob("*.txt"))
    assert not (imported / "坏报纸.txt").exists()


def test_a_second_rejected_file_of_the_same_name_does_not_overwrite_the_first(qtbot, paths):
    watcher = InboxWatcher(paths.inbox_dir, [], paths.data_dir / WATCHED_RECORD)
    arriving = paths.inbox_dir / "坏报纸.txt"
    arriving.write_bytes(b"first")
    watcher.files_done({str(arriving): True})
    arriving.write_bytes(b"second")
    watcher.files_done({str(arriving): True})
    rejected = paths.inbox_dir / "rejected"
    assert (rejected / "坏报纸.txt").read_bytes() == b"first"
    others = [p for p in rejected.iterdir() if p.name != "坏报纸.txt"]
    assert [p.read_bytes() for p in others] == [b"second"]
    assert others[0].name.startswith("坏报纸") and others[0].suffix == ".txt"
    assert not arriving.exists() and not (paths.inbox_dir / "imported").exists()
