"""The results panel: total, hits with highlighted snippets (paged in as the reader scrolls), sorting, a date range."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.core.search.results import SearchResult
from reader.gui.models.hit_delegate import HitDelegate
from reader.gui.models.hits import HIT_ROLE, HitListModel, HitQuery

__all__ = ["HIT_ROLE", "HitList", "SearchPanel"]


class HitList(QListView):
    """The list of hits, telling which one the reader opened: by a click, Enter, or the arrow keys.

    The current row also changes when the model is reset by a new search and
    when the list gets the focus without one; those are not the reader's choice,
    so a change of the current row alone is never taken to mean "open this".

    Signals:
        hit_index_chosen(QModelIndex): the reader opened this row.
    """

    hit_index_chosen = Signal(QModelIndex)

    def __init__(self, model: HitListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.delegate = HitDelegate(self)
        self.setItemDelegate(self.delegate)
        model.modelReset.connect(self.delegate.forget)
        self.setUniformItemSizes(False)  # each row as tall as its own text
        self.setWordWrap(True)  # and laid out again when the width changes
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.clicked.connect(self.hit_index_chosen)
        self.activated.connect(self.hit_index_chosen)  # Enter, and a double click

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Moving through the hits with the keys opens each one reached."""
        before = QPersistentModelIndex(self.currentIndex())
        super().keyPressEvent(event)
        after = self.currentIndex()
        if after.isValid() and after != before:
            self.hit_index_chosen.emit(after)


class SearchPanel(QWidget):
    """Lists the hits of the last search, the first page at once and the next ones as the reader scrolls.

    Signals:
        hit_chosen(object): the Hit the user opened.
        options_changed(): sorting or date range changed; the search should run again.
        page_wanted(object, int): the HitQuery and offset of the next page of hits to search (see `add_page`).
    """

    hit_chosen = Signal(object)
    options_changed = Signal()
    page_wanted = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # what the reader typed shows as typed
        self.sort = QComboBox(self)
        self.sort.addItem(self.tr("By relevance"), "relevance")
        self.sort.addItem(self.tr("Newest first"), "date")
        self.dates = QLineEdit(self)
        self.dates.setPlaceholderText(self.tr("Dates, e.g. 2021-01..2021-12"))
        self.dates.setClearButtonEnabled(True)
        # The example in the field is cut short where the pane is narrow (a laptop at 125 %): said whole here.
        self.dates.setToolTip(
            self.tr("Only articles of these dates: a day (2021-11-09), a month (2021-11) or a range (2021-01..2021-12)")
        )
        self.hit_model = HitListModel(self)
        self.hit_model.page_wanted.connect(self.page_wanted)
        self.hit_model.loaded_changed.connect(self._update_summary)
        self.hits = HitList(self.hit_model, self)
        self.hits.hit_index_chosen.connect(self._chosen)
        self.sort.currentIndexChanged.connect(lambda _index: self.options_changed.emit())
        self.dates.editingFinished.connect(self.options_changed.emit)
        #: The query of the listed result (kept for "no article contains …").
        self._query = ""
        #: Shown instead of a count while no result is listed.
        self._message: str | None = None

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
        """A message instead of hits (searching, a query that cannot be understood)."""
        self._message = message
        self.hit_model.clear()

    def show_result(self, result: SearchResult, query: HitQuery | None = None) -> None:
        """List the first page of hits; with the `query` they answer, the rest pages in on scrolling."""
        self._query, self._message = result.query, None
        self.hit_model.set_result(result, query)

    def add_page(self, query: HitQuery, offset: int, result: SearchResult) -> None:
        """A page asked for by `page_wanted` has been searched."""
        self.hit_model.add_page(query, offset, result)

    def page_failed(self, query: HitQuery) -> None:
        """A page asked for could not be searched: the list stays as it is."""
        self.hit_model.page_failed(query)

    def _update_summary(self) -> None:
        model = self.hit_model
        if self._message is not None:
            self.summary.setText(self._message)
            return
        if model.total == 0:
            self.summary.setText(self.tr("No article contains “%1”.").replace("%1", self._query))
            return
        text = self.tr("%1 articles found").replace("%1", str(model.total))
        if model.loaded() < model.total:
            more = self.tr(" (%1 of %2 listed; scroll down for more)")
            text += more.replace("%1", str(model.loaded())).replace("%2", str(model.total))
        self.summary.setText(text)

    def _chosen(self, index: QModelIndex) -> None:
        self.hit_chosen.emit(index.data(HIT_ROLE))
