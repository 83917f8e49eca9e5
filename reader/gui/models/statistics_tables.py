"""Tables of figures (the library's statistics): cells that sort and export as numbers, sized columns, CSV.

A cell shows its text in the interface's locale (`1,234`, dates as the
catalog has them) and keeps beside it the value its column sorts by
(SORT_ROLE) and the value a CSV export writes (EXPORT_ROLE), so a
spreadsheet gets plain numbers and whole paths whatever the window shows.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QAbstractItemModel, QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView, QWidget

#: The value a column sorts by (a number, a date, a time), where it is not the text shown.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The value a CSV export writes (a plain number, a whole path), where it is not the text shown.
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: A history row's outcome (import_log's IMPORTED, DUPLICATE, REJECTED): what "Rejected files only" filters on.
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 3
#: Sorts after every name: the unknown publication, undated rows.
LAST = "\uffff"


def cell(text: str, sort: object = None, export: object = None) -> QStandardItem:
    """A cell showing `text`, sorted by `sort` and exported as `export` (both the text unless given)."""
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(text if sort is None else sort, SORT_ROLE)
    item.setData(text if export is None else export, EXPORT_ROLE)
    return item


def number_cell(value: int) -> QStandardItem:
    """A count: in the locale's digits and separators, right-aligned, sorted and exported as a number."""
    made = cell(QLocale().toString(value), value, value)
    made.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return made


def date_cell(date: str | None) -> QStandardItem:
    """A date as the catalog shows it (to the day or the month), centred apart from the counts; none sorts last."""
    made = cell(date or "", date or LAST)
    made.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return made


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


def sorting_proxy(parent: QWidget, model: QStandardItemModel) -> QSortFilterProxyModel:
    """A proxy that sorts `model` by SORT_ROLE and filters it without regard to case."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(False)  # sorted once a whole table is filled, not at every row
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def align_headers(model: QStandardItemModel, numbers: tuple[int, ...], dates: tuple[int, ...]) -> None:
    """The headers of number and date columns aligned as their cells are (numbers right, dates centred)."""
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for columns, alignment in ((numbers, right), (dates, Qt.AlignmentFlag.AlignCenter)):
        for column in columns:
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


def csv_text(rows: list[list[object]]) -> str:
    """Rows as CSV text (write it with a UTF-8 byte-order mark: spreadsheets then read Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


def listed_rows(model: QAbstractItemModel) -> list[list[object]]:
    """The header and the rows of a flat model as listed (sorted, filtered), in their export values."""
    columns = range(model.columnCount())
    rows = [[model.headerData(column, Qt.Orientation.Horizontal) for column in columns]]
    rows += [[model.index(row, column).data(EXPORT_ROLE) for column in columns] for row in range(model.rowCount())]
    return rows
