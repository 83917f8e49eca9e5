"""Hits are painted, not built from widgets: rows as tall as their text, matches highlighted, counted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFont, QFontMetrics, QImage, QTextLayout
from PySide6.QtWidgets import QLabel, QWidget

from reader.config import resources_dir
from reader.core.search.results import Hit, SearchResult
from reader.core.search.snippets import Snippet
from reader.gui.article_view import THEMES
from reader.gui.models.hit_delegate import LINE_GAP, PADDING_Y
from reader.gui.models.hits import HitQuery
from reader.gui.search_panel import SearchPanel

MATCH = "核酸"


def _hit(ordinal: int, snippet: str, title: str = "全区开展核酸检测") -> Hit:
    start = snippet.index(MATCH)
    spans = ((start, start + len(MATCH)),)
    return Hit("期号", "北碚报.txt", ordinal, title, "北碚报", "2021-11-05", "news", 1.0, Snippet(snippet, spans))


def _panel(qtbot, width: int = 320) -> SearchPanel:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _chars_per_line(panel: SearchPanel) -> int:
    metrics = QFontMetrics(panel.hits.font())
    return panel.hits.viewport().width() // metrics.horizontalAdvance("测")


def _line_height(font: QFont) -> float:
    """The height of a line of Chinese text (its glyphs come from a CJK font with its own line spacing)."""
    layout = QTextLayout("全区核酸检测", font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    return line.height()


def test_a_page_of_hits_adds_no_widget_per_row(qtbot):
    panel = _panel(qtbot)
    widgets_before = len(panel.hits.findChildren(QWidget))
    hits = [_hit(number, f"第{number}篇：区里开展{MATCH}检测采样。") for number in range(100)]
    panel.show_result(SearchResult(MATCH, 250, hits), HitQuery(MATCH, False, 1))
    qtbot.waitUntil(lambda: panel.hits.visualRect(panel.hit_model.index(0)).height() > 0)
    model = panel.hit_model
    assert model.rowCount() == 100
    assert all(panel.hits.indexWidget(model.index(row)) is None for row in range(100))
    assert len(panel.hits.findChildren(QWidget)) == widgets_before
    assert not panel.hits.findChildren(QLabel)
    assert "100 of 250" in panel.summary.text()


def test_rows_are_as_tall_as_their_text(qtbot):
    panel = _panel(qtbot)
    per_line = _chars_per_line(panel)
    one_line = f"区里开展{MATCH}检测。"
    three_lines = (f"全区{MATCH}检测采样点" * per_line)[: per_line * 5 // 2]  # two and a half lines
    panel.show_result(SearchResult(MATCH, 2, [_hit(0, one_line), _hit(1, three_lines)]), HitQuery(MATCH, False, 1))
    view, model = panel.hits, panel.hit_model

    def heights() -> tuple[int, int]:
        return view.visualRect(model.index(0)).height(), view.visualRect(model.index(1)).height()

    qtbot.waitUntil(lambda: heights()[0] > 0)
    short, tall = heights()
    line = _line_height(view.font())
    # title, publication · date and the snippet: three lines of text and no more
    assert short <= 3 * line + 2 * PADDING_Y + 2 * LINE_GAP + 2
    assert 2 * line - 2 <= tall - short <= 2 * line + 2

    panel.resize(panel.width() * 2 // 3, panel.height())  # narrower: the long snippet wraps once more
    qtbot.waitUntil(lambda: heights()[1] >= tall + line - 2, timeout=5000)
    assert heights()[0] == short


def test_matches_are_painted_highlighted(qtbot):
    panel = _panel(qtbot)
    panel.show_result(SearchResult(MATCH, 1, [_hit(0, f"区里开展{MATCH}检测。")]))
    qtbot.waitUntil(lambda: panel.hits.visualRect(panel.hit_model.index(0)).height() > 0)
    image = panel.hits.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    mark = THEMES["light"]["mark"]
    row = panel.hits.visualRect(panel.hit_model.index(0))
    found = {image.pixelColor(x, y).name() for y in range(row.top(), row.bottom(), 2) for x in range(0, row.width(), 2)}
    assert mark in found
    assert panel.hits.palette().color(panel.hits.backgroundRole()).name() != mark


def test_the_summary_counts_the_listed_hits_in_chinese(qtbot):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        panel = _panel(qtbot)
        hits = [_hit(number, f"区里开展{MATCH}检测。") for number in range(50)]
        panel.show_result(SearchResult(MATCH, 120, hits), HitQuery(MATCH, False, 1))
        assert panel.summary.text() == "找到 120 篇文章（已列出 50 / 120 篇，向下滚动查看更多）"
        panel.add_page(HitQuery(MATCH, False, 1), 50, SearchResult(MATCH, 120, hits + hits[:20]))
        assert panel.summary.text() == "找到 120 篇文章"
    finally:
        QCoreApplication.removeTranslator(translator)
