"""The small dialogs: they fit a laptop screen whatever the paths, and a folder is shown when it cannot be opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLineEdit

from reader.config import seeds_dir
from reader.core.errors import ErrorKind, RejectedFile
from reader.core.library.library import Duplicate, ImportReport
from reader.gui.dialogs import CorrectionDialog, FolderPathDialog, WatchedFoldersDialog
from tests.gui.conftest import import_and_wait

#: A 1366×768 laptop at 125 % scaling, in logical pixels.
LAPTOP = QSize(1093, 614)
#: A path with no place to break a line: a scanner's export on a network share.
LONG_PATH = "/mnt/档案室共享/" + "Beibei_Daily_scanner_export_batch_0001_" * 6 + "page_01.txt"


def _fits(size: QSize) -> bool:
    return size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height()


def test_every_dialog_fits_a_laptop_screen_at_125_percent_even_with_long_paths(qtbot, window):
    import_and_wait(qtbot, window, [str(seeds_dir() / "000_3ec1d81f3cd0b893.txt")])
    record = window.library.records()[0]
    record.source = LONG_PATH.rsplit("/", 1)[1] * 2
    rejected = [RejectedFile(LONG_PATH, ErrorKind.UNREADABLE, detail="不是文本文件 " * 20)] * 200
    duplicates = [Duplicate(LONG_PATH, record.id, record.source)] * 200
    window.show_import_report(ImportReport(rejected=rejected, duplicates=duplicates), from_inbox=True)
    dialogs = [
        CorrectionDialog(record, window),
        WatchedFoldersDialog(LONG_PATH, [LONG_PATH, "/home/读者/报纸"], window),
        FolderPathDialog(LONG_PATH, window),
        window.import_report_dialog,
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert _fits(dialog.frameGeometry().size()), (type(dialog).__name__, dialog.frameGeometry())
        assert _fits(dialog.minimumSizeHint()), (type(dialog).__name__, dialog.minimumSizeHint())


def _action(window, text: str) -> QAction:
    return next(action for action in window.findChildren(QAction) if action.text() == text)


@pytest.mark.parametrize(("action", "folder"), [("Open Inbox Folder", "inbox_dir"), ("Open Data Folder", "data_dir")])
def test_a_folder_that_no_file_manager_opens_is_shown_with_its_path_to_copy(
    qtbot, window, paths, monkeypatch, action, folder
):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    _action(window, action).trigger()
    expected = str(getattr(paths, folder))
    assert opened and opened[0].toLocalFile() == expected
    dialog = window.findChild(FolderPathDialog)
    assert dialog is not None and dialog.isVisible()
    field = dialog.findChild(QLineEdit)
    assert field.text() == expected and field.isReadOnly()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == expected


def test_a_folder_a_file_manager_opens_shows_no_dialog(qtbot, window, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    _action(window, "Open Inbox Folder").trigger()
    assert window.findChild(FolderPathDialog) is None
