"""The statistics' flat tables: rows of plain cells that sort and filter themselves (FigureTable)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.gui.models.statistics_tables import (
    EXPORT_ROLE,
    LAST,
    SORT_ROLE,
    FigureTable,
    date_figure,
    figure,
    listed_rows,
    number_figure,
)


def _table() -> FigureTable:
    table = FigureTable(["Reporter", "Articles", "Last issue"])
    rows = [
        [figure("霍吕"), number_figure(197), date_figure("2022-04-28")],
        [figure("熊辉"), number_figure(85), date_figure(None)],
        [figure("Alice"), number_figure(1200), date_figure("2021-10")],
        [figure("齐宏"), number_figure(85), date_figure("2022-04")],
    ]
    table.set_rows(rows)
    return table


def _column(table: FigureTable, column: int) -> list[str]:
    return [table.index(row, column).data() for row in range(table.rowCount())]


def test_numbers_sort_as_numbers_and_ties_keep_their_order_either_way():
    table = _table()
    table.sort(1, Qt.SortOrder.DescendingOrder)
    assert _column(table, 0) == ["Alice", "霍吕", "熊辉", "齐宏"]  # 1,200 above 197: not as text
    table.sort(1, Qt.SortOrder.AscendingOrder)
    assert _column(table, 0) == ["熊辉", "齐宏", "霍吕", "Alice"]


def test_a_missing_date_sorts_last_and_exports_empty():
    table = _table()
    table.sort(2, Qt.SortOrder.AscendingOrder)
    assert _column(table, 2) == ["2021-10", "2022-04", "2022-04-28", ""]
    assert table.index(3, 2).data(SORT_ROLE) == LAST and table.index(3, 2).data(EXPORT_ROLE) == ""


def test_a_filter_lists_only_the_rows_it_keeps_and_new_rows_stay_filtered_and_sorted():
    table = _table()
    table.sort(1, Qt.SortOrder.DescendingOrder)
    table.set_filter(lambda row: row[1].sort < 200)
    assert _column(table, 0) == ["霍吕", "熊辉", "齐宏"]
    table.set_rows(
        [[figure("甲"), number_figure(5), date_figure(None)], [figure("乙"), number_figure(900), date_figure(None)]]
    )
    assert _column(table, 0) == ["甲"]
    table.set_filter(None)
    assert _column(table, 0) == ["乙", "甲"]


def test_cells_answer_the_roles_views_and_exports_ask():
    table = _table()
    made = figure("rejected")
    made.tooltip = "why"
    table.set_rows([[made, number_figure(1234), date_figure("2021-10")]])
    assert table.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "why"
    assert table.index(0, 1).data(EXPORT_ROLE) == 1234
    assert table.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert listed_rows(table) == [["Reporter", "Articles", "Last issue"], ["rejected", 1234, "2021-10"]]


def test_the_selection_follows_its_row_when_the_table_is_sorted(qtbot):
    from PySide6.QtWidgets import QTableView

    table = _table()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(table)
    view.selectRow(_column(table, 0).index("熊辉"))
    table.sort(1, Qt.SortOrder.DescendingOrder)
    chosen = view.selectionModel().selectedRows()
    assert [index.data() for index in chosen] == ["熊辉"]
