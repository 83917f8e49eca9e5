"""What an import tells the librarian: each file and why, where inbox files went, and how a cancel ended."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTranslator
from PySide6.QtGui import QDesktopServices, QGuiApplication

from reader.config import resources_dir, seeds_dir
from reader.core.errors import ErrorKind, RejectedFile
from reader.core.library.library import Duplicate, ImportReport
from reader.gui.dialogs import FolderPathDialog
from reader.gui.import_report import ImportReportDialog, ImportWording
from tests.gui.conftest import hold_at, import_and_wait

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"
SEED_001 = seeds_dir() / "001_be03ec69b60a77f1.txt"
#: A 1366×768 laptop at 125 % scaling, in logical pixels.
LAPTOP = QSize(1093, 614)


def _bad_files(folder: Path) -> tuple[Path, Path]:
    empty = folder / "空白稿.txt"
    empty.write_bytes(b"")
    binary = folder / "扫描件.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    return empty, binary


def _rows(dialog: ImportReportDialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {
        table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
        for row in range(table.rowCount())
    }


def test_the_report_lists_every_file_with_what_happened_and_why(qtbot, window, tmp_path):
    import_and_wait(qtbot, window, [str(SEED_000)])
    record = window.library.records()[0]
    folder = tmp_path / "送来的稿件"
    folder.mkdir()
    empty, binary = _bad_files(folder)
    copy = folder / "北碚报副本.txt"
    shutil.copy(SEED_000, copy)
    shutil.copy(SEED_001, folder / SEED_001.name)

    import_and_wait(qtbot, window, [str(folder)])

    dialog = window.imports.report_dialog
    assert isinstance(dialog, ImportReportDialog) and dialog.isVisible()
    rows = _rows(dialog)
    assert rows[empty.name] == ("rejected", "the file is empty")
    assert rows[binary.name] == ("rejected", "this is a binary file, not a text file")
    expected = f"already in the library as {record.shown_publication} {record.shown_date} ({SEED_000.name})"
    assert rows[copy.name] == ("already present", expected)
    assert rows[SEED_001.name][0] == "imported"
    assert list(rows)[:2] == sorted([empty.name, binary.name])  # what needs attention comes first
    # Resizable, and it fits a laptop screen.
    assert dialog.isSizeGripEnabled() and dialog.maximumWidth() > LAPTOP.width()
    size = dialog.frameGeometry().size()
    assert size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height()
    # Copy: the whole report as plain text.
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "1 imported, 1 already present, 2 rejected" in copied
    assert f"{empty}\trejected\tthe file is empty" in copied
    assert f"{copy}\talready present\t{expected}" in copied
    assert not dialog.folder_buttons  # not an inbox import: nothing was moved


def test_an_import_without_rejections_or_duplicates_shows_no_report(qtbot, window):
    import_and_wait(qtbot, window, [str(SEED_000)])
    assert window.imports.report_dialog is None


def test_an_inbox_report_says_where_the_files_went_and_opens_that_folder(qtbot, window, paths, monkeypatch):
    import_and_wait(qtbot, window, [str(SEED_000)])
    inbox = paths.inbox_dir
    binary = inbox / "扫描件.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    shutil.copy(SEED_000, inbox / "又一份.txt")
    window.inbox.scan()
    with qtbot.waitSignal(window.import_done, timeout=60000):
        window.inbox.scan()
    dialog = window.imports.report_dialog
    assert dialog.isVisible()
    assert "inbox/imported/" in dialog.inbox_note and "inbox/rejected/" in dialog.inbox_note
    assert (inbox / "rejected" / binary.name).is_file() and (inbox / "imported" / "又一份.txt").is_file()
    assert dialog.inbox_note in dialog.plain_text()

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(dialog.folder_buttons["rejected"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_buttons["imported"], Qt.MouseButton.LeftButton)
    assert opened == [str(inbox / "rejected"), str(inbox / "imported")]
    # Where no file manager opens it, the window's fallback shows the folder's path to copy.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    qtbot.mouseClick(dialog.folder_buttons["rejected"], Qt.MouseButton.LeftButton)
    fallback = window.findChild(FolderPathDialog)
    assert fallback is not None and fallback.path.text() == str(inbox / "rejected")


def test_after_cancel_the_status_says_cancelling_then_how_many_were_imported(qtbot, window, monkeypatch):
    reading, release = hold_at(monkeypatch, window.library, "_prepare")  # Cancel while the first file is read
    job = window.import_paths([str(seeds_dir())])
    seen_after_cancel = []
    job.signals.progress.connect(
        lambda *_args: seen_after_cancel.append(window.progress.text()) if job.cancelled else None
    )
    messages = []
    qtbot.waitUntil(reading.is_set, timeout=30000)
    window.statusBar().messageChanged.connect(messages.append)
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        assert window.statusBar().currentMessage() == "Cancelling…"
        assert window.progress.text() == "Cancelling…" and not window.cancel_button.isEnabled()
        release.set()
    report = blocker.args[0]
    assert report.cancelled and len(report.imported) == 1
    assert seen_after_cancel and set(seen_after_cancel) == {"Cancelling…"}  # the index was still written
    assert set(messages[:-1]) == {"Cancelling…"}
    assert messages[-1].startswith("Import cancelled: 1 imported before the cancel")
    assert "the other files were not imported and stay where they were" in messages[-1]
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()


def test_the_report_speaks_chinese(qtbot, window):
    import_and_wait(qtbot, window, [str(SEED_000)])
    record = window.library.records()[0]
    report = ImportReport(duplicates=[Duplicate("/收件/副本.txt", record.id, record.source)])
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = ImportReportDialog(report, window.library.catalog.get, window.paths.inbox_dir.parent / "收件")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "导入报告"
        assert _rows(dialog)["副本.txt"] == (
            "已存在",
            f"资料库中已有：{ImportWording().issue(record)}（{record.source}）",
        )
        assert dialog.summary == "导入 0 期，1 期已存在，0 个文件被拒绝"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_report_shows_names_that_are_not_text_and_unreadable_files_escaped(qtbot, tmp_path):
    """Qt drops the bytes of a name that are not UTF-8: the report shows them escaped instead."""
    not_text = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xff\xfe.txt"))
    pipe = str(tmp_path / "管道.txt")
    report = ImportReport(
        rejected=[RejectedFile(not_text, ErrorKind.EMPTY_FILE), RejectedFile(pipe, ErrorKind.NOT_A_REGULAR_FILE)]
    )
    dialog = ImportReportDialog(report, lambda _id: None)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(row, 0).text(): dialog.table.item(row, 2).text() for row in range(2)}
    assert rows == {
        "\\xff\\xfe.txt": "the file is empty",
        "管道.txt": "this is not a file but a device, a pipe or a socket, which the reader does not read",
    }
    assert f"{tmp_path}/\\xff\\xfe.txt\trejected\tthe file is empty" in dialog.plain_text()
