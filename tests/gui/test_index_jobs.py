"""Rebuild Index and the start-up repair, as the status bar shows them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from reader.core.search import index as index_module
from tests.gui.conftest import close_window, hold_at, open_window


def _rebuild_action(window) -> QAction:
    return next(action for action in window.findChildren(QAction) if action.text() == "Rebuild Index")


def _record_status(window) -> list[tuple[str, bool]]:
    """Every status message, with whether the progress bar was shown at that moment."""
    seen: list[tuple[str, bool]] = []
    window.statusBar().messageChanged.connect(lambda text: seen.append((text, window.progress.isVisible())))
    return seen


def test_rebuild_index_counts_the_issues_and_says_when_it_is_done(qtbot, seeded_paths):
    window = open_window(qtbot, seeded_paths)
    seen = _record_status(window)
    with qtbot.waitSignal(window.index_jobs.rebuild_over, timeout=60000) as blocker:
        _rebuild_action(window).trigger()
        assert window.cancel_button.isVisible() and window.cancel_button.isEnabled()
    assert blocker.args == [5]
    texts = [text for text, _bar in seen]
    assert texts[0] == "Rebuilding the index…"
    assert "Rebuilding the index… 5/5" in texts
    assert all(bar for text, bar in seen if text.startswith("Rebuilding"))
    assert not any("Importing" in text for text in texts)
    assert window.statusBar().currentMessage() == "Index rebuilt: 5 issues"
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()
    close_window(window)


def test_a_cancelled_rebuild_keeps_the_old_index_and_says_so(qtbot, seeded_paths, monkeypatch, _no_modal_boxes):
    window = open_window(qtbot, seeded_paths)
    identity = index_module.index_identity(seeded_paths.index_dir)
    # Cancel while the first issue is being indexed.
    indexing, release = hold_at(monkeypatch, window.library, "_reparsed_for_index")
    with qtbot.waitSignal(window.index_jobs.rebuild_over, timeout=60000) as blocker:
        window.rebuild_index()
        qtbot.waitUntil(indexing.is_set, timeout=30000)
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        assert window.statusBar().currentMessage() == "Cancelling…"
        release.set()
    assert blocker.args == [None]
    assert window.statusBar().currentMessage() == "Rebuild cancelled; the old index is still in use"
    assert not _no_modal_boxes  # a cancel is not an error
    assert index_module.index_identity(seeded_paths.index_dir) == identity
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()
    close_window(window)


def test_the_start_up_repair_shows_its_progress_while_it_reindexes(qtbot, seeded_paths):
    (seeded_paths.index_dir / index_module.VERSION_FILE).write_text(f"{index_module.SCHEMA_VERSION}.1")
    window = open_window(qtbot, seeded_paths)
    seen = _record_status(window)
    with qtbot.waitSignal(window.library_changed, timeout=60000):
        window.start_background_work(import_seeds_if_empty=False)
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=10000)
    checking = [(text, bar) for text, bar in seen if text.startswith("Checking the library…")]
    assert ("Checking the library… 5/5", True) in checking
    assert all(bar for _text, bar in checking)
    assert not window.cancel_button.isVisible()
    assert index_module.index_is_current(seeded_paths.index_dir)
    close_window(window)


def test_a_start_up_repair_with_nothing_to_do_shows_nothing(qtbot, seeded_paths):
    window = open_window(qtbot, seeded_paths)
    seen = _record_status(window)
    with qtbot.waitSignal(window.library_changed, timeout=60000):
        window.start_background_work(import_seeds_if_empty=False)
    assert seen == []
    assert not window.progress.isVisible()
    close_window(window)


def test_a_rebuild_swaps_only_after_the_windows_searcher_let_go_of_the_old_index(qtbot, seeded_paths, monkeypatch):
    """Windows cannot rename a folder with open files in it: the searcher closes first, and reopens after."""
    window = open_window(qtbot, seeded_paths)
    with qtbot.waitSignal(window.library_changed, timeout=60000):
        window.start_background_work(import_seeds_if_empty=False)
    window.search_box.setText("核酸")
    with qtbot.waitSignal(window.search_done, timeout=60000) as before:
        window.run_search()
    open_at_swap = []
    swap = index_module.swap_in

    def swapping(new_dir, index_dir):
        open_at_swap.append(window.searcher._searcher is not None)
        swap(new_dir, index_dir)

    monkeypatch.setattr(index_module, "swap_in", swapping)
    with qtbot.waitSignal(window.index_jobs.rebuild_over, timeout=60000):
        window.rebuild_index()
    assert open_at_swap == [False]
    with qtbot.waitSignal(window.search_done, timeout=60000) as after:
        window.run_search()
    assert after.args[0].total == before.args[0].total  # searching the new index
    close_window(window)
