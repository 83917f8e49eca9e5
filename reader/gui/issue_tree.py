"""The issue tree: publication > year > month > issue > articles, as a lazy item model.

Built from catalog records (cheap rows), so a library of 10,000 issues opens
at once; an issue's articles are read from its original only when the issue
is expanded (`fetchMore`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QObject, Qt

from reader.core.library.catalog import IssueRecord

UNDATED = "undated"


@dataclass
class Node:
    """One row of the tree."""

    label: str
    kind: str  # "publication", "year", "month", "issue", "article"
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    record: IssueRecord | None = None
    ordinal: int | None = None
    fetched: bool = True
    #: Stable across rebuilds (publication, year, month or issue id), to restore expansion.
    key: tuple = ()

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


def _issue_label(record: IssueRecord, articles_text: str) -> str:
    date = record.shown_date or record.source
    page = record.corrections.get("page") or ""
    page_text = f" 第{page}版" if page else ""
    return f"{date}{page_text}  ({articles_text})"


class IssueTreeModel(QAbstractItemModel):
    """Publications, years, months, issues and (lazily) their articles."""

    def __init__(self, load_titles: Callable[[IssueRecord], list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_titles = load_titles
        self._root = Node("", "root")

    # -- building --------------------------------------------------------------
    def set_records(self, records: list[IssueRecord]) -> None:
        """Rebuild the tree from catalog records (sorted by date within each publication)."""
        self.beginResetModel()
        root = Node("", "root")
        index: dict[tuple, Node] = {}

        def child(parent: Node, key: tuple, label: str, kind: str) -> Node:
            if key not in index:
                node = Node(label, kind, parent, key=key)
                parent.children.append(node)
                index[key] = node
            return index[key]

        undated_label = self.tr("Undated")
        unknown_label = self.tr("Unknown publication")
        for record in sorted(
            records, key=lambda r: (r.shown_publication or "\uffff", r.shown_date or "\uffff", r.source)
        ):
            publication = record.shown_publication or unknown_label
            pub_node = child(root, (publication,), publication, "publication")
            date = record.shown_date
            if date:
                year_node = child(pub_node, (publication, date[:4]), self.year_label(date[:4]), "year")
                month_node = child(year_node, (publication, date[:7]), self.month_label(date[5:7]), "month")
                parent = month_node
            else:
                parent = child(pub_node, (publication, UNDATED), undated_label, "year")
            articles_text = self.tr("%n articles").replace("%n", str(record.articles))
            parent.children.append(
                Node(
                    _issue_label(record, articles_text),
                    "issue",
                    parent,
                    record=record,
                    fetched=False,
                    key=("issue", record.id),
                )
            )
        self._root = root
        self.endResetModel()

    def year_label(self, year: str) -> str:
        return self.tr("{year}", "year node of the issue tree").format(year=year)

    def month_label(self, month: str) -> str:
        """ "11月" in Chinese, "November" in English."""
        number = int(month) if month.isdigit() and 1 <= int(month) <= 12 else 0
        if not number:
            return month
        name = QLocale(QLocale.Language.English).standaloneMonthName(number)
        return self.tr("{name}", "month node; {number} is 1-12, {name} the English name").format(
            name=name, number=number
        )

    # -- Qt model interface ------------------------------------------------------
    def _node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: QModelIndex) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        node = self._node(parent)
        return bool(node.children) or (node.kind == "issue" and not node.fetched)

    def canFetchMore(self, parent: QModelIndex) -> bool:  # noqa: N802
        node = self._node(parent)
        return node.kind == "issue" and not node.fetched

    def fetchMore(self, parent: QModelIndex) -> None:  # noqa: N802
        node = self._node(parent)
        if node.fetched or node.record is None:
            return
        node.fetched = True
        titles = self._load_titles(node.record)
        if not titles:
            return
        self.beginInsertRows(parent, 0, len(titles) - 1)
        untitled = self.tr("(untitled)")
        node.children = [
            Node(title or untitled, "article", node, record=node.record, ordinal=ordinal)
            for ordinal, title in enumerate(titles)
        ]
        self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return node.label
        return None

    # -- lookups -------------------------------------------------------------------
    def node(self, index: QModelIndex) -> Node:
        return self._node(index)

    def walk(self, descend: Callable[[QModelIndex], bool]) -> list[QModelIndex]:
        """Rows for which `descend` is true, looking only inside such rows (cheap on a big tree)."""
        found: list[QModelIndex] = []
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                if descend(index):
                    found.append(index)
                    pending.append(index)
        return found

    def indexes_of_keys(self, keys: set[tuple]) -> list[QModelIndex]:
        """Rows whose `Node.key` is in `keys`, looking only inside such rows."""
        return self.walk(lambda index: self._node(index).key in keys)

    def index_of_article(self, issue_id: str, ordinal: int) -> QModelIndex:
        """The model index of an article, fetching its issue's articles if needed."""
        for pub in self._root.children:
            for year in pub.children:
                for month_or_issue in year.children:
                    issues = month_or_issue.children if month_or_issue.kind == "month" else [month_or_issue]
                    for issue in issues:
                        if issue.record and issue.record.id == issue_id:
                            issue_index = self.createIndex(issue.row(), 0, issue)
                            self.fetchMore(issue_index)
                            if 0 <= ordinal < len(issue.children):
                                return self.createIndex(ordinal, 0, issue.children[ordinal])
                            return issue_index
        return QModelIndex()
