"""The hits of a search as a list model that pages in further hits as the reader scrolls to the end."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from reader.core.search.results import Hit, SearchResult
from reader.gui.plain_text import text_tooltip

HIT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class HitQuery:
    """What a list of hits answers: the query as searched, its order, and which search of the window it was."""

    text: str
    sort_by_date: bool
    serial: int
    #: The paper the search was narrowed to in the results panel (None: as the query says).
    publication: str | None = None


def meta_line(hit: Hit) -> str:
    """The line "publication · date", leaving out what the hit does not know."""
    return " · ".join(part for part in (hit.publication, hit.date) if part)


class HitListModel(QAbstractListModel):
    """The hits of one search, a page at a time, up to the search's total.

    The model never searches itself: `fetchMore` (called by the view when the
    reader scrolls to the last row) emits `page_wanted`, whoever runs searches
    runs the next page off the GUI thread, and hands it back to `add_page`.
    One page is asked for at a time; a page for another search, or one that
    no longer follows the last row, is dropped.

    Signals:
        page_wanted(object, int): the HitQuery and the offset (rows listed) of the next page to search.
        loaded_changed(): the rows or the total changed (a new result, a page added, paging stopped).

    Attributes:
        query: the HitQuery listed; None when nothing is listed or the result cannot page.
        total: the number of matching articles, listed or not.
    """

    page_wanted = Signal(object, int)
    loaded_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self.query: HitQuery | None = None
        self.total = 0
        #: A page was asked for and has not come yet.
        self._waiting = False
        #: Paging stopped (a page failed): no more asking until the next result.
        self._stopped = False

    # -- the result ---------------------------------------------------------------------
    def set_result(self, result: SearchResult, query: HitQuery | None = None) -> None:
        """List the first page of a search; `query` lets it page on (without one, only these hits)."""
        self.beginResetModel()
        self._hits = list(result.hits)
        self.query = query
        self.total = result.total if query is not None else len(result.hits)
        self._waiting = self._stopped = False
        self.endResetModel()
        self.loaded_changed.emit()

    def clear(self) -> None:
        """Nothing listed."""
        self.set_result(SearchResult("", 0, []))

    def add_page(self, query: HitQuery, offset: int, result: SearchResult) -> None:
        """Append the page searched for `query` from `offset`, if it is still the page wanted."""
        if query != self.query or offset != len(self._hits):
            return
        self._waiting = False
        hits = result.hits
        if hits:
            self.beginInsertRows(QModelIndex(), offset, offset + len(hits) - 1)
            self._hits.extend(hits)
            self.endInsertRows()
        # The index may have changed between two pages: an empty page ends the list where it is.
        self.total = max(len(self._hits), result.total) if hits else len(self._hits)
        self.loaded_changed.emit()

    def page_failed(self, query: HitQuery) -> None:
        """The page for `query` could not be searched: stop asking (a new search starts over)."""
        if query == self.query:
            self._waiting = False
            self._stopped = True
            self.loaded_changed.emit()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def loaded(self) -> int:
        """Rows listed so far."""
        return len(self._hits)

    # -- Qt's model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:  # also what typing a few letters in the list looks for
            return hit.title or "—"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return "\n".join(part for part in (hit.title or "—", meta_line(hit), hit.snippet.text) if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text_tooltip(hit.snippet.text)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 - Qt override
        return (
            not parent.isValid()
            and self.query is not None
            and not self._waiting
            and not self._stopped
            and len(self._hits) < self.total
        )

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 - Qt override
        """Ask for the next page; its rows come later, by `add_page`."""
        if self.canFetchMore(parent):
            self._waiting = True
            self.page_wanted.emit(self.query, len(self._hits))
