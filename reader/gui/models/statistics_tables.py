"""Tables of figures (the library's statistics): cells that sort and export as numbers, sized columns, CSV.

A cell shows its text in the interface's locale (`1,234`, dates as the
catalog has them) and keeps beside it the value its column sorts by
(SORT_ROLE) and the value a CSV export writes (EXPORT_ROLE), so a
spreadsheet gets plain numbers and whole paths whatever the window shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView, QWidget

#: The value a column sorts by (a number, a date, a time), where it is not the text shown.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The value a CSV export writes (a plain number, a whole path), where it is not the text shown.
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: Sorts after every name: the unknown publication, undated rows.
LAST = "\uffff"


@dataclass(slots=True)
class Figure:
    """One cell of a table of figures: the text shown, the values it sorts and exports by, and its looks."""

    text: str
    sort: object
    export: object
    alignment: Qt.AlignmentFlag | None = None
    tooltip: str | None = None
    #: A history row's outcome (import_log's IMPORTED, DUPLICATE, REJECTED), on the cell that shows it: what
    #: "Rejected files only" filters on, and what the dialog's `styled` colours and decorates.
    outcome: str | None = None


def figure(text: str, sort: object = None, export: object = None) -> Figure:
    """A cell showing `text`, sorted by `sort` and exported as `export` (both the text unless given)."""
    return Figure(text, text if sort is None else sort, text if export is None else export)


def number_figure(value: int) -> Figure:
    """A count: in the locale's digits and separators, right-aligned, sorted and exported as a number."""
    return Figure(QLocale().toString(value), value, value, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def date_figure(date: str | None) -> Figure:
    """A date as the catalog shows it (to the day or the month), centred apart from the counts; none sorts last."""
    return Figure(date or "", date or LAST, date or "", Qt.AlignmentFlag.AlignCenter)


def item(made: Figure) -> QStandardItem:
    """The cell as an item of a QStandardItemModel (the publications' tree)."""
    result = QStandardItem(made.text)
    result.setEditable(False)
    result.setData(made.sort, SORT_ROLE)
    result.setData(made.export, EXPORT_ROLE)
    if made.alignment is not None:
        result.setTextAlignment(made.alignment)
    return result


def cell(text: str, sort: object = None, export: object = None) -> QStandardItem:
    """A tree item showing `text`, sorted by `sort` and exported as `export` (see figure)."""
    return item(figure(text, sort, export))


def number_cell(value: int) -> QStandardItem:
    return item(number_figure(value))


def date_cell(date: str | None) -> QStandardItem:
    return item(date_figure(date))


class FigureTable(QAbstractTableModel):
    """A flat table of Figure rows that sorts and filters itself in Python.

    Why not QStandardItemModel and a QSortFilterProxyModel: an archive of
    10,000 issues has an import history of 10,000 rows and more, and making
    40,000 items took about 0.4 s of the GUI thread at every refresh, a
    proxy's sort as long again (a Python call per comparison).  Rows of plain
    cells are made in a few tens of milliseconds, sorted with one key per row.
    Cells hold only text and numbers, so rows can be made on a worker thread;
    what depends on the window's theme (an icon, a colour) is asked of
    `styled(cell, role)` when a cell is painted.
    """

    def __init__(self, headers: list[str], parent=None, styled: Callable[[Figure, int], object] | None = None) -> None:
        super().__init__(parent)
        self._styled = styled
        self._headers = list(headers)
        self._header_alignment: dict[int, Qt.AlignmentFlag] = {}
        self._rows: list[list[Figure]] = []
        self._shown: list[list[Figure]] = []
        self._keep: Callable[[list[Figure]], bool] | None = None
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[list[Figure]]) -> None:
        """Show these rows, filtered and sorted as the table was."""
        self.beginResetModel()
        self._rows = rows
        self._arrange()
        self.endResetModel()

    def set_filter(self, keep: Callable[[list[Figure]], bool] | None) -> None:
        """List only the rows `keep` accepts (None: all of them)."""
        self.beginResetModel()
        self._keep = keep
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        shown = self._rows if self._keep is None else [row for row in self._rows if self._keep(row)]
        if self._order is not None:
            column, order = self._order
            descending = order == Qt.SortOrder.DescendingOrder  # ties keep their order either way
            shown = sorted(shown, key=lambda row: _sort_key(row[column].sort), reverse=descending)
        self._shown = list(shown)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's sort values (what a click on its header asks)."""
        if not 0 <= column < len(self._headers):
            return
        self.layoutAboutToBeChanged.emit()
        # The selection (persistent indexes) follows its rows to where the sort puts them.
        before = self.persistentIndexList()
        held = [(self._shown[index.row()], index.column()) for index in before]
        self._order = (column, order)
        self._arrange()
        row_of = {id(row): number for number, row in enumerate(self._shown)}
        self.changePersistentIndexList(before, [self.index(row_of[id(row)], column) for row, column in held])
        self.layoutChanged.emit()

    def set_header_alignment(self, column: int, alignment: Qt.AlignmentFlag) -> None:
        self._header_alignment[column] = alignment

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._header_alignment.get(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        made = self._shown[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return made.text
        value = _ROLE_VALUES.get(role, _nothing)(made)
        if value is None and self._styled is not None:
            return self._styled(made, role)
        return value


def _nothing(_made: Figure) -> None:
    return None


_ROLE_VALUES: dict[int, Callable[[Figure], object]] = {
    SORT_ROLE: lambda made: made.sort,
    EXPORT_ROLE: lambda made: made.export,
    Qt.ItemDataRole.TextAlignmentRole: lambda made: made.alignment,
    Qt.ItemDataRole.ToolTipRole: lambda made: made.tooltip,
}


def _sort_key(value: object) -> tuple:
    """Numbers before text, each in its own order (a column holds one kind, LAST aside)."""
    if isinstance(value, (int, float)):
        return (0, value, "")
    return (1, 0, str(value))


def table_view(parent: QWidget, model) -> QTableView:
    """A read-only table of whole rows, sortable by any column, a line of text high."""
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    # As high as a line of text, as the publications' tree is (a CJK font's own leading is generous).
    view.verticalHeader().setMinimumSectionSize(1)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.horizontalHeader().setHighlightSections(False)
    return view


def align_headers(model: QStandardItemModel | FigureTable, numbers: tuple[int, ...], dates: tuple[int, ...]) -> None:
    """The headers of number and date columns aligned as their cells are (numbers right, dates centred)."""
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for columns, alignment in ((numbers, right), (dates, Qt.AlignmentFlag.AlignCenter)):
        for column in columns:
            if isinstance(model, FigureTable):
                model.set_header_alignment(column, alignment)
            else:
                model.setHeaderData(column, Qt.Orientation.Horizontal, alignment, Qt.ItemDataRole.TextAlignmentRole)


def fit_columns(view: QTableView | QTreeView, samples: dict[int, str], stretch: int) -> None:
    """Columns as wide as their sample text (and their header) need; `stretch` takes the rest."""
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    metrics = view.fontMetrics()
    model = view.model()
    for column, sample in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        heading = header.fontMetrics().horizontalAdvance(title) + 40  # and the sort arrow
        width = max(metrics.horizontalAdvance(sample), heading)
        header.resizeSection(column, width + 3 * metrics.averageCharWidth())
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def listed_rows(model: QAbstractItemModel) -> list[list[object]]:
    """The header and the rows of a flat model as listed (sorted, filtered), in their export values."""
    columns = range(model.columnCount())
    rows = [[model.headerData(column, Qt.Orientation.Horizontal) for column in columns]]
    rows += [[model.index(row, column).data(EXPORT_ROLE) for column in columns] for row in range(model.rowCount())]
    return rows
