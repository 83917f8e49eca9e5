"""The issue tree: publication > year > month > issue > articles, as a lazy item model.

Built from catalog records (cheap rows), so a library of 10,000 issues opens
at once; an issue's articles are listed only when the issue is expanded
(`fetchMore`).  Their titles come from `titles_for`, which answers at once
for an issue already read and otherwise returns None and has the issue read
off the GUI thread: the titles then arrive by `set_titles`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QObject, Qt

from reader.core.library.catalog import IssueRecord
from reader.gui.common_wording import undated, unknown_publication
from reader.gui.plain_text import text_tooltip

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


class _Labels(dict):
    """A label per key, made by `make` the first time the key is asked for."""

    def __init__(self, make: Callable) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key) -> str:
        self[key] = label = self._make(key)
        return label


class IssueTreeModel(QAbstractItemModel):
    """Publications, years, months, issues and (lazily) their articles."""

    def __init__(self, titles_for: Callable[[IssueRecord], list[str] | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles_for = titles_for
        self._root = Node("", "root")
        #: Issue nodes by issue id, for the titles that arrive later and for finding an article.
        self._issue_nodes: dict[str, Node] = {}

    # -- building --------------------------------------------------------------
    def set_records(self, records: list[IssueRecord]) -> None:
        """Rebuild the tree from catalog records (sorted by date within each publication)."""
        self.beginResetModel()
        root = Node("", "root")
        index: dict[tuple, Node] = {}
        issue_nodes: dict[str, Node] = {}

        def child(parent: Node, key: tuple, label: str, kind: str) -> Node:
            if key not in index:
                node = Node(label, kind, parent, key=key)
                parent.children.append(node)
                index[key] = node
            return index[key]

        undated_label = undated()
        unknown_label = unknown_publication()
        # Labels made once each, not once per issue: the tree of a 10,000-issue archive is built at start.
        years = _Labels(self.year_label)
        months = _Labels(self.month_label)
        counts = _Labels(lambda count: self.tr("%n articles").replace("%n", str(count)))
        for record in sorted(
            records, key=lambda r: (r.shown_publication or "\uffff", r.shown_date or "\uffff", r.source)
        ):
            publication = record.shown_publication or unknown_label
            pub_node = child(root, (publication,), publication, "publication")
            date = record.shown_date
            if date:
                year_node = child(pub_node, (publication, date[:4]), years[date[:4]], "year")
                month_node = child(year_node, (publication, date[:7]), months[date[5:7]], "month")
                parent = month_node
            else:
                parent = child(pub_node, (publication, UNDATED), undated_label, "year")
            articles_text = counts[record.articles]
            node = Node(
                _issue_label(record, articles_text),
                "issue",
                parent,
                record=record,
                fetched=False,
                key=("issue", record.id),
            )
            parent.children.append(node)
            issue_nodes[record.id] = node
        self._root = root
        self._issue_nodes = issue_nodes
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
        titles = self._titles_for(node.record)
        if titles is not None:
            self._add_articles(node, parent, titles)

    def set_titles(self, issue_id: str, titles: list[str]) -> None:
        """An issue was read: list its articles if the tree asked for them (an expanded issue) and has none."""
        node = self._issue_nodes.get(issue_id)
        if node is not None and node.fetched and not node.children:
            self._add_articles(node, self.createIndex(node.row(), 0, node), titles)

    def _add_articles(self, node: Node, parent: QModelIndex, titles: list[str]) -> None:
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
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return text_tooltip(node.label)
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

    def index_of_issue(self, issue_id: str) -> QModelIndex:
        issue = self._issue_nodes.get(issue_id)
        return self.createIndex(issue.row(), 0, issue) if issue is not None else QModelIndex()

    def index_of_article(self, issue_id: str, ordinal: int) -> QModelIndex:
        """The model index of an article (its issue's, while the issue's articles are not listed yet)."""
        issue_index = self.index_of_issue(issue_id)
        if not issue_index.isValid():
            return issue_index
        issue = self._node(issue_index)
        self.fetchMore(issue_index)
        if 0 <= ordinal < len(issue.children):
            return self.createIndex(ordinal, 0, issue.children[ordinal])
        return issue_index
