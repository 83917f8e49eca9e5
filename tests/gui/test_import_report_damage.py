"""The window's import report says which file was imported with damaged characters, and how many."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from reader.config import resources_dir, seeds_dir
from reader.core.library.library import Imported, ImportReport
from reader.gui.import_report import ImportReportDialog, ImportWording
from tests.gui.conftest import import_and_wait

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"


def _damaged_copy(folder):
    data = bytearray(SEED_000.read_bytes())
    place = data.index("疫".encode()) if "疫".encode() in data else data.index(b"\xe5")
    data[place] = 0xFF  # the first byte of a Chinese character lost
    path = folder / "北碚报_损坏.txt"
    path.write_bytes(bytes(data))
    return path


def test_a_file_imported_with_damaged_characters_is_reported_with_their_number(qtbot, window, tmp_path):
    damaged = _damaged_copy(tmp_path)
    import_and_wait(qtbot, window, [str(damaged)])
    dialog = window.imports.report_dialog
    assert isinstance(dialog, ImportReportDialog) and dialog.isVisible()  # shown though nothing was rejected
    table = dialog.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == damaged.name
    assert table.item(0, 1).text() == "imported"
    assert table.item(0, 2).text().endswith("; damaged characters, shown as \ufffd: 1")
    assert dialog.summary == "1 imported, 0 already present, 0 rejected; 1 imported with damaged characters"


def test_the_damage_is_worded_in_chinese(qtbot):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        report = ImportReport(imported=[Imported("/稿件/北碚报.txt", "0123456789abcdef0123", 9, 3)])
        wording = ImportWording()
        [row] = wording.rows(report, lambda _issue_id: None)
        assert row.detail.endswith("；损坏的字符（显示为 \ufffd）：3 个") and row.damaged
        assert "1 个文件导入时有损坏的字符" in wording.summary(report)
    finally:
        QCoreApplication.removeTranslator(translator)
