"""Bookmarks and notes: the reader's own marks on articles, kept apart from what the library imports.

One SQLite file in the data folder (`bookmarks.sqlite3`), never touched by an
import, a repair or a rebuild of the index, so nothing the reader wrote is lost
when the library is re-indexed or an issue re-parsed.  A bookmark names its
article by issue and place in the issue, and keeps what identifies it
besides (its title, and the passage a note is about): when a newer parser
splits the issue differently, `locate` finds the article again by those.

Each bookmark keeps the article's publication, date, page, title and
reporters as they were when it was made, so the list, the exports and
their citations need no issue to be read.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.citation import GBT7714, cite
from reader.core.model import Issue
from reader.core.spreadsheets import csv_text

SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY,
    issue_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    publication TEXT,
    date TEXT,
    page TEXT,
    reporters TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    quote TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS bookmarks_by_article ON bookmarks (issue_id, ordinal);
"""

#: The columns of a CSV export, in order (and what an import reads back).
CSV_COLUMNS = (
    "publication",
    "date",
    "page",
    "title",
    "reporters",
    "note",
    "quote",
    "citation",
    "issue_id",
    "ordinal",
    "created",
)


@dataclass(frozen=True)
class Bookmark:
    """One bookmark: an article, and optionally a note on it or on a passage of it (`quote`)."""

    id: int
    issue_id: str
    ordinal: int
    title: str
    publication: str | None
    date: str | None
    page: str | None
    reporters: tuple[str, ...]
    note: str
    quote: str
    created_at: float
    updated_at: float

    # What core.citation asks of an article.
    @property
    def kicker(self) -> None:
        return None

    @property
    def subtitle(self) -> None:
        return None


def _row_to_bookmark(row: sqlite3.Row) -> Bookmark:
    return Bookmark(
        id=row["id"],
        issue_id=row["issue_id"],
        ordinal=row["ordinal"],
        title=row["title"],
        publication=row["publication"],
        date=row["date"],
        page=row["page"],
        reporters=tuple(json.loads(row["reporters"])),
        note=row["note"],
        quote=row["quote"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _folded(text: str) -> str:
    """For finding text in notes: NFKC (full-width, radicals), case folded."""
    return unicodedata.normalize("NFKC", text).casefold()


class Bookmarks:
    """The bookmarks of one library; every method is one transaction, safe from any thread."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the bookmarks at `path`; None keeps them in memory only (a library that may only be read)."""
        self.path = path
        self._guard = threading.RLock()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        with self._guard:
            self._db.close()

    def add(
        self,
        issue_id: str,
        ordinal: int,
        article,
        note: str = "",
        quote: str = "",
    ) -> Bookmark:
        """Bookmark article `ordinal` of `issue_id`; `article` gives title, publication, date, page, reporters."""
        now = time.time()
        values = {
            "issue_id": issue_id,
            "ordinal": ordinal,
            "title": article.title or article.kicker or "",
            "publication": article.publication,
            "date": article.date,
            "page": article.page,
            "reporters": json.dumps(list(article.reporters), ensure_ascii=False),
            "note": note,
            "quote": quote,
            "created_at": now,
            "updated_at": now,
        }
        with self._guard:
            cursor = self._db.execute(
                f"INSERT INTO bookmarks ({', '.join(values)}) VALUES ({', '.join(':' + key for key in values)})",
                values,
            )
            return self.get(int(cursor.lastrowid))

    def get(self, bookmark_id: int) -> Bookmark:
        with self._guard:
            row = self._db.execute("SELECT * FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchone()
        if row is None:
            raise KeyError(bookmark_id)
        return _row_to_bookmark(row)

    def set_note(self, bookmark_id: int, note: str) -> Bookmark:
        with self._guard:
            self._db.execute(
                "UPDATE bookmarks SET note = ?, updated_at = ? WHERE id = ?", (note, time.time(), bookmark_id)
            )
            return self.get(bookmark_id)

    def follow_reparse(self, issue_id: str, issue: Issue) -> None:
        """The issue was parsed again (a newer parser): point its bookmarks at their articles as split now."""
        with self._guard:
            rows = self._db.execute("SELECT * FROM bookmarks WHERE issue_id = ?", (issue_id,)).fetchall()
            for bookmark in map(_row_to_bookmark, rows):
                found = locate(bookmark, issue)
                if found is not None and found != bookmark.ordinal:
                    self.move(bookmark.id, found)

    def move(self, bookmark_id: int, ordinal: int) -> None:
        """The article is now at `ordinal` of its issue (found again after a re-parse: `locate`)."""
        with self._guard:
            self._db.execute("UPDATE bookmarks SET ordinal = ? WHERE id = ?", (ordinal, bookmark_id))

    def remove(self, bookmark_ids: Iterable[int]) -> None:
        with self._guard:
            self._db.executemany("DELETE FROM bookmarks WHERE id = ?", [(int(i),) for i in bookmark_ids])

    def all(self) -> list[Bookmark]:
        """Every bookmark, by publication, date, place in the issue, then the order they were made."""
        with self._guard:
            rows = self._db.execute(
                "SELECT * FROM bookmarks ORDER BY coalesce(publication, ''), coalesce(date, ''), issue_id, "
                "ordinal, created_at, id"
            ).fetchall()
        return [_row_to_bookmark(row) for row in rows]

    def of_article(self, issue_id: str, ordinal: int) -> list[Bookmark]:
        with self._guard:
            rows = self._db.execute(
                "SELECT * FROM bookmarks WHERE issue_id = ? AND ordinal = ? ORDER BY created_at, id",
                (issue_id, ordinal),
            ).fetchall()
        return [_row_to_bookmark(row) for row in rows]

    def matching(self, text: str) -> list[Bookmark]:
        """Bookmarks whose note, passage, title, publication or reporters contain `text` (folded alike)."""
        needle = _folded(text.strip())
        if not needle:
            return self.all()
        return [
            bookmark
            for bookmark in self.all()
            if needle
            in _folded(
                "\n".join(
                    [bookmark.note, bookmark.quote, bookmark.title, bookmark.publication or "", *bookmark.reporters]
                )
            )
        ]

    # -- export and import ------------------------------------------------------------------------
    def to_csv(self, bookmarks: Sequence[Bookmark] | None = None, language: str = "zh") -> str:
        """The bookmarks as CSV text (write it with a UTF-8 byte-order mark: spreadsheets then read Chinese)."""
        rows = [CSV_COLUMNS]
        for bookmark in self.all() if bookmarks is None else bookmarks:
            rows.append(
                [
                    bookmark.publication or "",
                    bookmark.date or "",
                    bookmark.page or "",
                    bookmark.title,
                    "、".join(bookmark.reporters),
                    bookmark.note,
                    bookmark.quote,
                    cite(bookmark, GBT7714, language),
                    bookmark.issue_id,
                    bookmark.ordinal,
                    time.strftime("%Y-%m-%d %H:%M", time.localtime(bookmark.created_at)),
                ]
            )
        return csv_text(rows)

    def to_markdown(
        self, bookmarks: Sequence[Bookmark] | None = None, language: str = "zh", style: str = GBT7714
    ) -> str:
        """The bookmarks as Markdown: a heading per publication, each article with its citation, passage and note."""
        lines: list[str] = []
        publication: str | None = None
        for bookmark in self.all() if bookmarks is None else bookmarks:
            if bookmark.publication != publication or not lines:
                publication = bookmark.publication
                lines += [f"## {publication or ('（未知报刊）' if language == 'zh' else '(unknown paper)')}", ""]
            lines.append(f"- **{bookmark.title or '—'}** — {cite(bookmark, style, language)}")
            if bookmark.quote:
                lines += [f"  > {line}" for line in bookmark.quote.splitlines() if line.strip()]
            if bookmark.note:
                lines += [f"  {line}" for line in bookmark.note.splitlines()]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def import_csv(self, text: str) -> int:
        """Add the bookmarks of a CSV export (ours); those already here (same article, note and passage) are skipped.

        Returns how many were added.  Raises ValueError on a file without our columns.
        """
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        if not reader.fieldnames or not {"issue_id", "ordinal", "note"} <= set(reader.fieldnames):
            raise ValueError("not a bookmarks export: the columns issue_id, ordinal and note are missing")
        have = {(b.issue_id, b.ordinal, b.note, b.quote) for b in self.all()}
        added = 0
        for row in reader:
            try:
                ordinal = int(row.get("ordinal") or 0)
            except ValueError:
                continue
            key = (row.get("issue_id") or "", ordinal, row.get("note") or "", row.get("quote") or "")
            if not key[0] or key in have:
                continue
            article = _Article(
                title=row.get("title") or "",
                publication=row.get("publication") or None,
                date=row.get("date") or None,
                page=row.get("page") or None,
                reporters=tuple(name for name in (row.get("reporters") or "").split("、") if name),
            )
            self.add(key[0], ordinal, article, note=key[2], quote=key[3])
            have.add(key)
            added += 1
        return added


@dataclass(frozen=True)
class _Article:
    """What `Bookmarks.add` needs of an article, read back from an export."""

    title: str
    publication: str | None
    date: str | None
    page: str | None
    reporters: tuple[str, ...]
    kicker: str | None = None


def locate(bookmark: Bookmark, issue: Issue) -> int | None:
    """Where the bookmarked article is in `issue` as parsed now, or None when no article is it any more.

    Its place if the article there still has its title and its passage;
    else the nearest article with its title (and passage); else the first
    holding its passage.
    """
    articles = issue.articles

    def title_of(index: int) -> str:
        return (articles[index].title or articles[index].kicker or "").strip()

    def holds_passage(index: int) -> bool:
        return not bookmark.quote or bookmark.quote in "\n".join(articles[index].paragraphs)

    def is_it(index: int) -> bool:
        return (not bookmark.title or title_of(index) == bookmark.title) and holds_passage(index)

    if 0 <= bookmark.ordinal < len(articles) and is_it(bookmark.ordinal):
        return bookmark.ordinal
    if bookmark.title:
        same = [index for index in range(len(articles)) if is_it(index)]
        if same:
            return min(same, key=lambda index: abs(index - bookmark.ordinal))
    if bookmark.quote:
        return next((index for index in range(len(articles)) if holds_passage(index)), None)
    return None
