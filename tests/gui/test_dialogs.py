"""The small dialogs: they fit a laptop screen whatever the paths, and a folder is shown when it cannot be opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeDatabase, QSize, Qt
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QTreeView

from reader.config import seeds_dir
from reader.core.errors import ErrorKind, RejectedFile
from reader.core.library.library import Duplicate, ImportReport
from reader.gui.dialogs import FILE_DIALOG_SIZE, CorrectionDialog, FolderPathDialog, WatchedFoldersDialog, widen_columns
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
    window.imports.show_report(ImportReport(rejected=rejected, duplicates=duplicates), from_inbox=True)
    dialogs = [
        CorrectionDialog(record, window),
        WatchedFoldersDialog(LONG_PATH, [LONG_PATH, "/home/读者/报纸"], window),
        FolderPathDialog(LONG_PATH, window),
        window.imports.report_dialog,
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


def test_a_refused_date_is_explained_below_the_fields_without_squeezing_them(qtbot, window):
    import_and_wait(qtbot, window, [str(seeds_dir() / "000_3ec1d81f3cd0b893.txt")])
    dialog = CorrectionDialog(window.library.records()[0], window)
    qtbot.addWidget(dialog)
    dialog.show()
    heights = {key: field.height() for key, field in dialog.fields.items()}
    dialog.fields["date"].setText("二〇二一年十一月九日 星期二 农历十月初五")  # an error of two lines or more
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.isVisible()
    for key, field in dialog.fields.items():
        assert field.height() >= min(heights[key], field.sizeHint().height()), key
        assert field.height() >= field.sizeHint().height() - 2, key  # underscores and descenders stay visible
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())
    assert _fits(dialog.frameGeometry().size())


def test_the_correction_dialog_leaves_room_for_a_file_name(qtbot, window):
    import_and_wait(qtbot, window, [str(seeds_dir() / "000_3ec1d81f3cd0b893.txt")])
    dialog = CorrectionDialog(window.library.records()[0], window)
    qtbot.addWidget(dialog)
    dialog.show()
    source = dialog.findChild(QLineEdit)
    assert source.text() == "000_3ec1d81f3cd0b893.txt"
    assert source.width() >= source.fontMetrics().horizontalAdvance(source.text()) + 8  # shown whole


def _file_dialog_sizes(window, monkeypatch) -> list[QSize]:
    sizes = []

    def record(dialog):
        sizes.append(dialog.size())
        return 0  # cancelled

    monkeypatch.setattr(QFileDialog, "exec", record)
    window.imports.choose_files()
    window.imports.choose_folder()
    watched = WatchedFoldersDialog("/tmp/inbox", [], window)
    watched._add()
    watched.deleteLater()
    return sizes


def test_the_file_dialogs_are_big_enough_for_their_columns_and_fit_the_screen(qtbot, window, monkeypatch):
    """Qt's own file dialog opens at about 630×410: name, size, type and date come out elided."""
    room = window.screen().availableGeometry().size()
    wanted = FILE_DIALOG_SIZE.boundedTo(QSize(room.width() * 9 // 10, room.height() * 9 // 10))
    sizes = _file_dialog_sizes(window, monkeypatch)
    assert len(sizes) == 3
    for size in sizes:
        assert size == wanted
        assert size.width() <= room.width() and size.height() <= room.height()


def test_the_watched_folders_dialog_gives_the_keyboard_to_the_folder_list_not_the_inbox_path(qtbot, window):
    dialog = WatchedFoldersDialog(LONG_PATH, ["/home/读者/报纸"], window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    focused = dialog.focusWidget()
    assert not (isinstance(focused, QLineEdit) and focused.isReadOnly()), focused


def test_the_file_dialogs_columns_show_a_files_size_and_type_whole(qtbot, window):
    """Qt's dialog keeps the column widths of its last (smaller) use: they are widened to their text."""
    QApplication.instance().setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    try:
        dialog = QFileDialog(window, "导入文件", "", "报纸文本文件 (*.txt)")
    finally:
        QApplication.instance().setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)
    qtbot.addWidget(dialog)
    files = dialog.findChild(QTreeView, "treeView")
    header, metrics = files.header(), files.fontMetrics()
    for column in (1, 2, 3):
        header.resizeSection(column, 40)  # as a small dialog's saved state leaves them: "pla…ent"
    widen_columns(dialog)
    dialog.show()
    samples = {1: "17.60 KiB", 2: QMimeDatabase().mimeTypeForName("text/plain").comment()}
    for column, text in samples.items():
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 8, (column, text)
    assert header.sectionSize(0) >= header.sectionSize(2)  # the name takes the room left


def test_the_folder_path_dialog_is_as_tall_as_its_note_needs(qtbot, window):
    dialog = FolderPathDialog("/home/读者/.local/share/baokan-reader/inbox", window)
    qtbot.addWidget(dialog)
    dialog.show()
    layout = dialog.layout()
    assert dialog.height() <= layout.totalHeightForWidth(dialog.width()) + 2  # no gap above the note
