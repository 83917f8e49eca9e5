"""Paints a search hit: its title, publication · date, and the snippet with the matches highlighted."""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.core.search.results import Hit
from reader.gui.article_view import THEMES
from reader.gui.models.hits import HIT_ROLE, meta_line

#: Space around a row's text, in pixels.
PADDING_X, PADDING_Y = 6, 5
#: Space between the title, the publication line and the snippet.
LINE_GAP = 2


def hit_document(hit: Hit, font: QFont, muted: QColor, mark: QColor, mark_text: QColor | None) -> QTextDocument:
    """The text of one row, built with a cursor (no HTML to parse); the text colour comes when it is painted."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    cursor = QTextCursor(document)
    plain = QTextCharFormat()
    title = QTextCharFormat()
    title.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(hit.title or "—", title)
    spaced = QTextBlockFormat()
    spaced.setTopMargin(LINE_GAP)
    meta = meta_line(hit)
    if meta:
        small = QTextCharFormat()
        small.setForeground(muted)
        if font.pointSizeF() > 0:
            small.setFontPointSize(font.pointSizeF() * 0.9)
        cursor.insertBlock(spaced, small)
        cursor.insertText(meta, small)
    cursor.insertBlock(spaced, plain)
    found = QTextCharFormat()
    found.setBackground(mark)
    if mark_text is not None:
        found.setForeground(mark_text)
    text, last = hit.snippet.text, 0
    for start, end in hit.snippet.spans:
        cursor.insertText(text[last:start], plain)
        cursor.insertText(text[start:end], found)
        last = end
    cursor.insertText(text[last:], plain)
    return document


class HitDelegate(QStyledItemDelegate):
    """Paints each hit as wrapped text, and makes each row exactly as tall as that text.

    A row's text is laid out once and kept (by row) for the look it was made
    for: the list asks every row's size when it lays itself out, so the cache
    is what makes a page of hits cheap.  Rows only ever come at the end, so a
    row number stays the same hit until the model is reset (`forget`).
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        #: row -> (the look it was made for, its text)
        self._documents: dict[int, tuple[tuple, QTextDocument]] = {}
        #: text colour (rgba) -> a palette to paint a row's text with
        self._palettes: dict[int, QPalette] = {}

    def forget(self) -> None:
        """Drop every row's text (the model was reset)."""
        self._documents.clear()

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width() if option.rect.isValid() else self._view.viewport().width()
        return max(width - 2 * PADDING_X, 40)

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, selected: bool):
        palette = option.palette
        active = QPalette.ColorGroup.Active  # the same look whichever group the view paints with
        dark = palette.color(active, QPalette.ColorRole.Base).lightness() < 128
        mark = QColor(THEMES["dark" if dark else "light"]["mark"])
        mark_text = None if dark else QColor("#000000")
        muted = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        look = (option.font.key(), muted.rgba(), mark.rgba(), dark)
        cached = self._documents.get(index.row())
        if cached is None or cached[0] != look:
            document = hit_document(index.data(HIT_ROLE), option.font, muted, mark, mark_text)
            self._documents[index.row()] = (look, document)
        else:
            document = cached[1]
        width = self._text_width(option)
        if document.textWidth() != width:
            document.setTextWidth(width)
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        if index.data(HIT_ROLE) is None:
            return super().sizeHint(option, index)
        document = self._document(option, index, selected=False)
        height = math.ceil(document.size().height())
        return QSize(self._text_width(option) + 2 * PADDING_X, height + 2 * PADDING_Y)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The style's background, selection and focus frame (the option carries no text), then the text.

        As few calls into Qt as it takes: a row is painted at every step of a scroll.
        """
        if index.data(HIT_ROLE) is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._document(option, index, selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self._text_palette(option.palette, selected)
        context.clip = QRectF(0, 0, document.textWidth(), option.rect.height() - PADDING_Y)
        offset = QPointF(option.rect.left() + PADDING_X, option.rect.top() + PADDING_Y)
        painter.translate(offset)
        document.documentLayout().draw(painter, context)
        painter.translate(-offset)

    def _text_palette(self, palette: QPalette, selected: bool) -> QPalette:
        """A palette whose Text is the colour of this row's text (the document's text has none of its own)."""
        color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        text = self._palettes.get(color.rgba())
        if text is None:
            text = self._palettes[color.rgba()] = QPalette(palette)
            text.setColor(QPalette.ColorRole.Text, color)
        return text
