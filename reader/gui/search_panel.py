"""The results panel: total, hits with highlighted snippets (paged in as the reader scrolls), sorting, a date range.

Under the options, the facets of the search (search_facets): its hits per
paper, per year and per month; clicking one narrows the search to that paper
(a removable button beside the sort order says so) or that period (the
date field shows it).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.search.results import SearchResult
from reader.gui.models.hit_delegate import HitDelegate
from reader.gui.models.hits import HIT_ROLE, HitListModel, HitQuery
from reader.gui.search_facets import FacetsView

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
        options_changed(): sorting, date range or paper changed; the search should run again.
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
        #: The paper the search is narrowed to ("" for all), shown as a button that removes it.
        self._publication = ""
        self.publication = QToolButton(self)
        self.publication.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.publication.setToolTip(self.tr("Search all papers again"))
        self.publication.clicked.connect(lambda: self.narrow_to_publication(""))
        self.publication.hide()
        self.facets = FacetsView(self)
        self.facets.publication_chosen.connect(self.narrow_to_publication)
        self.facets.period_chosen.connect(self.narrow_to_period)
        self.facets.hide()
        #: The query of the listed result (kept for "no article contains …").
        self._query = ""
        #: Shown instead of a count while no result is listed.
        self._message: str | None = None

        options = QHBoxLayout()
        options.addWidget(self.sort)
        options.addWidget(self.publication)
        options.addWidget(self.dates, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.facets)
        layout.addWidget(self.hits, 1)
        self.clear()

    def clear(self) -> None:
        """No search: the hint instead of hits."""
        self.show_message(self.tr("Type in the search box and press Enter."))

    def reset_options(self) -> None:
        """Relevance order, no date range, every paper: the panel as the next reader of a reading room finds it."""
        self.sort.blockSignals(True)
        self.sort.setCurrentIndex(0)
        self.sort.blockSignals(False)
        self.dates.clear()
        self._publication = ""
        self.publication.hide()

    def sort_by_date(self) -> bool:
        return self.sort.currentData() == "date"

    def date_filter(self) -> str:
        """The date range as query syntax (empty when none is given)."""
        text = self.dates.text().strip()
        return f"date:{text}" if text else ""

    def publication_filter(self) -> str | None:
        """The paper the search is narrowed to (None: every paper the query allows)."""
        return self._publication or None

    def narrow_to_publication(self, name: str) -> None:
        """Search only this paper ("" for all papers again)."""
        if name == self._publication:
            return
        self._publication = name
        self.publication.setText(self.tr("%1 ✕").replace("%1", name.replace("&", "&&")))  # & is no shortcut
        self.publication.setVisible(bool(name))
        self.options_changed.emit()

    def narrow_to_period(self, period: str) -> None:
        """Search only this period (date filter syntax: 2021, 2021-11, 2021-01..2021-03)."""
        if period == self.dates.text().strip():
            return
        self.dates.setText(period)
        self.options_changed.emit()

    def focus_hits(self) -> None:
        """Keyboard focus to the hit list (arrow keys then open hits one by one)."""
        self.hits.setFocus()

    def show_message(self, message: str) -> None:
        """A message instead of hits (searching, a query that cannot be understood)."""
        self._message = message
        self.facets.show_facets(None)
        self.hit_model.clear()

    def show_searching(self, message: str) -> None:
        """A search is under way: its message instead of hits, the last search's facets kept meanwhile.

        Kept, not hidden: a paper, year or bar clicked stays where it was (and
        keeps the keyboard focus), and the list does not jump up and back.
        """
        self._message = message
        self.hit_model.clear()

    def show_result(self, result: SearchResult, query: HitQuery | None = None) -> None:
        """List the first page of hits; with the `query` they answer, the rest pages in on scrolling."""
        self._query, self._message = result.query, None
        self.facets.show_facets(result.facets if result.total else None)
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
            paper = model.query.publication if model.query else None
            if paper:
                text = self.tr("No article of %2 contains “%1”.").replace("%2", paper)
            else:
                text = self.tr("No article contains “%1”.")
            self.summary.setText(text.replace("%1", self._query))
            return
        text = self.tr("%1 articles found").replace("%1", str(model.total))
        if model.loaded() < model.total:
            more = self.tr(" (%1 of %2 listed; scroll down for more)")
            text += more.replace("%1", str(model.loaded())).replace("%2", str(model.total))
        self.summary.setText(text)

    def _chosen(self, index: QModelIndex) -> None:
        self.hit_chosen.emit(index.data(HIT_ROLE))
