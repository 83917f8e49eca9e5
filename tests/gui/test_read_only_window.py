"""The window on a library it may only read: it browses and searches, says so once, and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent

from reader.config import seeds_dir
from reader.core.library.library import Library
from reader.gui.app import settings_for
from reader.gui.main_window import MainWindow
from tests.gui.conftest import shown
from tests.read_only import make_read_only, snapshot

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"
REFUSAL = "can only be read here: "


def _open(qtbot, paths) -> MainWindow:
    library = Library(paths)
    window = MainWindow(paths, library, settings_for(paths, read_only=library.read_only))
    qtbot.addWidget(window)
    window.show()
    shown(qtbot, window)
    return window


def test_a_read_only_library_is_browsed_and_searched_and_nothing_changes_it(
    qtbot, seeded_paths, tmp_path, monkeypatch, request, _no_modal_boxes
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "用户配置"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "用户缓存"))
    make_read_only(seeded_paths.data_dir, monkeypatch, request)
    before = snapshot(seeded_paths.data_dir)
    window = _open(qtbot, seeded_paths)
    try:
        assert window.library.read_only and window.current is not None  # the newest issue is open
        assert window.read_only.label.isVisible() and window.read_only.label.text() == "Read only"
        assert REFUSAL in window.statusBar().currentMessage()  # said once, when the window opens
        changing = window.actions_.changing
        assert {action.text() for action in changing} >= {"Import Files…", "Rebuild Index", "Remove Issue…"}
        assert not any(action.isEnabled() for action in changing)

        window.start_background_work(import_seeds_if_empty=True)  # no repair, no sample import
        window.search_box.setText("北碚")
        with qtbot.waitSignal(window.search_done, timeout=60000) as blocker:
            window.run_search()
        assert blocker.args[0].total > 0

        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(SEED_000))])
        drag = QDragEnterEvent(
            QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        drag.ignore()
        window.dragEnterEvent(drag)
        assert not drag.isAccepted() and REFUSAL in window.statusBar().currentMessage()

        window.import_paths([str(SEED_000)])  # a file handed over by a second start: refused, with the reason
        qtbot.waitUntil(lambda: bool(_no_modal_boxes), timeout=30000)
        assert REFUSAL in _no_modal_boxes[-1][2]
        assert len(window.library.records()) == 5
    finally:
        window.close()  # the window's settings go to the user's config dir
        window.library.close()
    assert snapshot(seeded_paths.data_dir) == before
    assert (tmp_path / "用户配置" / "baokan-reader" / "window.ini").is_file()
