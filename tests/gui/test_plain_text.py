"""Text from issue files and from the reader's typing is shown as text: tooltips, labels, message boxes."""

from __future__ import annotations

from PySide6.QtGui import (
    Qt,  # QtGui's Qt namespace has mightBeRichText
    QTextDocument,
)

from reader.core.search.results import Hit, SearchResult
from reader.core.search.snippets import Snippet
from reader.gui.models.hits import HitListModel
from reader.gui.plain_text import plain_message, text_tooltip

HOSTILE = '会议<b>纪要</b> <img src="file:///etc/passwd"> A&amp;B «引» 第二行\n第三行'


def _rendered(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def test_a_tooltip_shows_markup_and_line_breaks_literally(qapp):
    tip = text_tooltip(HOSTILE)
    assert Qt.mightBeRichText(tip) and "<img" not in tip and "<b>" not in tip
    assert _rendered(tip) == HOSTILE


def test_a_hits_tooltip_is_its_snippet_as_text(qapp):
    model = HitListModel()
    snippet = Snippet(HOSTILE, ((0, 2),))
    hit = Hit("x", "x.txt", 0, "标题", "北碚报", "2021-11-09", "news", 1.0, snippet)
    model.set_result(SearchResult(query="会议", total=1, hits=[hit]))
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert _rendered(tip) == HOSTILE


def test_a_message_that_looks_like_html_is_shown_as_typed(qapp):
    assert _rendered(plain_message("“<b>2021</b>” is not a date")) == "“<b>2021</b>” is not a date"
    assert plain_message("the file is empty") == "the file is empty"
