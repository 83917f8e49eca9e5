"""The results panel's date range field says what it takes, even where its example is cut short."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from reader.config import resources_dir
from reader.gui.search_panel import SearchPanel


def test_the_date_field_explains_its_syntax_in_a_tooltip_in_chinese_too(qtbot):
    panel = SearchPanel()
    qtbot.addWidget(panel)
    assert "2021-01..2021-12" in panel.dates.toolTip() and "2021-11-09" in panel.dates.toolTip()
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        chinese = SearchPanel()
        qtbot.addWidget(chinese)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert "某个月（2021-11）" in chinese.dates.toolTip()
