"""The results panel: total, hits with highlighted snippets, sorting and a date range."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.search import Hit, SearchResult
from reader.core.snippets import MARK_CLOSE, MARK_OPEN

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def snippet_html(hit: Hit) -> str:
    """Escaped title line and snippet, matches in bold on a highlight."""
    marked = escape(hit.snippet.marked(MARK_OPEN, MARK_CLOSE))
    marked = marked.replace(escape(MARK_OPEN), '<b style="background-color:#ffe28a; color:#000">')
    marked = marked.replace(escape(MARK_CLOSE), "</b>")
    meta = " · ".join(part for part in (hit.publication, hit.date) if part)
    return f"<b>{escape(hit.title or '—')}</b><br/><small>{escape(meta)}</small><br/>{marked}"


class HitList(QListWidget):
    """The list of hits, telling which one the reader opened: by a click, Enter, or the arrow keys.

    The current item also changes when the list is refilled by a new search and
    when the list gets the focus without one; those are not the reader's choice,
    so `currentItemChanged` is never taken to mean "open this".

    Signals:
        item_chosen(QListWidgetItem): the reader opened this item.
    """

    item_chosen = Signal(QListWidgetItem)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemClicked.connect(self.item_chosen)
        self.itemActivated.connect(self.item_chosen)  # Enter, and a double click

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Moving through the hits with the keys opens each one reached."""
        before = self.currentItem()
        super().keyPressEvent(event)
        after = self.currentItem()
        if after is not None and after is not before:
            self.item_chosen.emit(after)


class SearchPanel(QWidget):
    """Lists the hits of the last search.

    Signals:
        hit_chosen(object): the Hit the user opened.
        options_changed(): sorting or date range changed; the search should run again.
    """

    hit_chosen = Signal(object)
    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.sort = QComboBox(self)
        self.sort.addItem(self.tr("By relevance"), "relevance")
        self.sort.addItem(self.tr("Newest first"), "date")
        self.dates = QLineEdit(self)
        self.dates.setPlaceholderText(self.tr("Dates, e.g. 2021-01..2021-12"))
        self.dates.setClearButtonEnabled(True)
        self.hits = HitList(self)
        self.hits.setWordWrap(True)
        self.hits.setAlternatingRowColors(True)
        self.hits.item_chosen.connect(self._chosen)
        self.sort.currentIndexChanged.connect(lambda _index: self.options_changed.emit())
        self.dates.editingFinished.connect(self.options_changed.emit)

        options = QHBoxLayout()
        options.addWidget(self.sort)
        options.addWidget(self.dates, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.hits, 1)
        self.clear()

    def clear(self) -> None:
        """No search: the hint instead of hits."""
        self.show_message(self.tr("Type in the search box and press Enter."))

    def sort_by_date(self) -> bool:
        return self.sort.currentData() == "date"

    def date_filter(self) -> str:
        """The date range as query syntax (empty when none is given)."""
        text = self.dates.text().strip()
        return f"date:{text}" if text else ""

    def focus_hits(self) -> None:
        """Keyboard focus to the hit list (arrow keys then open hits one by one)."""
        self.hits.setFocus()

    def show_message(self, message: str) -> None:
        self.summary.setText(escape(message))
        self.hits.clear()

    def show_result(self, result: SearchResult) -> None:
        self.hits.clear()
        if result.total == 0:
            self.summary.setText(self.tr("No article contains “%1”.").replace("%1", escape(result.query)))
            return
        shown = len(result.hits)
        text = self.tr("%1 articles found").replace("%1", str(result.total))
        if shown < result.total:
            text += self.tr(" (showing the first %1)").replace("%1", str(shown))
        self.summary.setText(text)
        for hit in result.hits:
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            item.setToolTip(hit.snippet.text)
            label = QLabel(snippet_html(hit))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(4, 4, 4, 4)
            item.setSizeHint(label.sizeHint())
            self.hits.addItem(item)
            self.hits.setItemWidget(item, label)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.hit_chosen.emit(item.data(HIT_ROLE))
