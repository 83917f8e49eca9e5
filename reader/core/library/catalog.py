"""The catalog: one SQLite row per imported issue, the library's table of contents.

A row is written `pending` before the issue's articles go into the index and
turned `indexed` after the index commit; a pending row found at start-up
means an import was interrupted, and the library repairs it.  Issues the user
removed are logged in `removed` (id, source file name, time), so that a
library emptied on purpose is not taken for a new one.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.library.access import open_read_only

SCHEMA = """
CREATE TABLE IF NOT EXISTS issues (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    codec TEXT NOT NULL,
    size INTEGER NOT NULL,
    publication TEXT,
    publication_origin TEXT NOT NULL DEFAULT 'unknown',
    date TEXT,
    date_precision TEXT,
    date_origin TEXT NOT NULL DEFAULT 'unknown',
    page TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    corrections TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'pending',
    imported_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS issues_by_date ON issues (publication, date);
CREATE TABLE IF NOT EXISTS removed (
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    removed_at REAL NOT NULL
);
"""

PENDING = "pending"
INDEXED = "indexed"


@dataclass
class IssueRecord:
    """What the catalog knows of one imported issue."""

    id: str
    source: str
    stored_name: str
    codec: str
    size: int
    publication: str | None
    publication_origin: str
    date: str | None
    date_precision: str | None
    date_origin: str
    page: str | None
    articles: int
    corrections: dict
    state: str
    imported_at: float

    @property
    def shown_publication(self) -> str | None:
        """The publication as the user corrected it, else as parsed."""
        return self.corrections.get("publication", self.publication)

    @property
    def shown_date(self) -> str | None:
        """The date as the user corrected it, else as parsed."""
        return self.corrections.get("date", self.date)

    def to_json(self) -> dict:
        """The issue as `reader list --json` prints it (a stable contract)."""
        return {
            "id": self.id,
            "source": self.source,
            "publication": self.shown_publication,
            "date": self.shown_date,
            "articles": self.articles,
        }


def _serialized(method):
    """Run a Catalog method under the catalog's lock.

    The window reads the catalog on the GUI thread while imports write it on a
    worker thread, through one connection: the lock keeps each method one
    whole transaction, so a read never lands inside a half-written batch.
    """

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._guard:
            return method(self, *args, **kwargs)

    return locked


class Catalog:
    """Access to the catalog database; every method is one transaction, safe from any thread."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        """Open (or create) the catalog; `read_only` opens it without writing anything (access.open_read_only)."""
        self._guard = threading.RLock()
        self.read_only = read_only
        self._path = path
        if read_only:
            self._db = open_read_only(path, SCHEMA)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
            self._db.commit()
        self._db.row_factory = sqlite3.Row

    @_serialized
    def close(self) -> None:
        self._db.close()

    def reopen(self) -> None:
        """Read the catalog as it is on disk now (another process or PC wrote it).

        Only a read-only catalog needs it: it may be a copy in memory taken
        at opening (access.open_read_only).  A writable one's connection sees
        every commit already.  The new copy is read before the lock is taken,
        so that the GUI thread's reads do not wait for a slow share meanwhile.

        Raises FileNotFoundError, keeping what was read before, when the
        catalog is not there (a share gone for a moment): it is not an empty
        library, as open_read_only would take a missing catalog for.
        """
        if not self.read_only:
            return
        fresh = open_read_only(self._path, SCHEMA)
        if not self._path.is_file():  # open_read_only took it for a new library: an empty catalog
            fresh.close()
            raise FileNotFoundError(f"the catalog is not there now: {self._path}")
        fresh.row_factory = sqlite3.Row
        with self._guard:
            self._db, stale = fresh, self._db
            stale.close()

    def _record(self, row: sqlite3.Row) -> IssueRecord:
        values = dict(row)
        corrections = values["corrections"]
        # Most issues were never corrected: no JSON to parse for them (the window reads every record at start).
        values["corrections"] = json.loads(corrections) if corrections and corrections != "{}" else {}
        return IssueRecord(**values)

    @_serialized
    def get(self, issue_id: str) -> IssueRecord | None:
        row = self._db.execute("SELECT * FROM issues WHERE id = ?", (issue_id,)).fetchone()
        return self._record(row) if row else None

    @_serialized
    def contains(self, issue_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM issues WHERE id = ?", (issue_id,)).fetchone() is not None

    @_serialized
    def all(self) -> list[IssueRecord]:
        """Every issue, by publication and date (undated last), then source name."""
        rows = self._db.execute(
            "SELECT * FROM issues ORDER BY publication IS NULL, publication, date IS NULL, date, source"
        ).fetchall()
        return [self._record(row) for row in rows]

    @_serialized
    def ids(self, state: str | None = None) -> set[str]:
        if state is None:
            rows = self._db.execute("SELECT id FROM issues")
        else:
            rows = self._db.execute("SELECT id FROM issues WHERE state = ?", (state,))
        return {row[0] for row in rows}

    @_serialized
    def add_pending(self, records: list[IssueRecord]) -> None:
        """Record issues about to be indexed, all in one transaction."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO issues VALUES "
                "(:id, :source, :stored_name, :codec, :size, :publication, :publication_origin, :date, "
                ":date_precision, :date_origin, :page, :articles, :corrections, :state, :imported_at)",
                [
                    dict(vars(record), corrections=json.dumps(record.corrections, ensure_ascii=False))
                    for record in records
                ],
            )

    @_serialized
    def mark_indexed(self, issue_ids: list[str]) -> None:
        with self._db:
            self._db.executemany("UPDATE issues SET state = ? WHERE id = ?", [(INDEXED, i) for i in issue_ids])

    @_serialized
    def mark_pending(self, issue_ids: list[str]) -> None:
        """To be indexed again by the next repair (their originals could not be read this time)."""
        with self._db:
            self._db.executemany("UPDATE issues SET state = ? WHERE id = ?", [(PENDING, i) for i in issue_ids])

    @_serialized
    def update_metadata(self, record: IssueRecord) -> None:
        """Store re-parsed metadata (reindex) without touching corrections."""
        with self._db:
            self._db.execute(
                "UPDATE issues SET publication = ?, publication_origin = ?, date = ?, date_precision = ?, "
                "date_origin = ?, page = ?, articles = ? WHERE id = ?",
                (
                    record.publication,
                    record.publication_origin,
                    record.date,
                    record.date_precision,
                    record.date_origin,
                    record.page,
                    record.articles,
                    record.id,
                ),
            )

    @_serialized
    def set_corrections(self, issue_id: str, corrections: dict) -> None:
        with self._db:
            self._db.execute(
                "UPDATE issues SET corrections = ? WHERE id = ?",
                (json.dumps(corrections, ensure_ascii=False), issue_id),
            )

    @_serialized
    def remove(self, issue_ids: list[str]) -> None:
        with self._db:
            self._db.executemany("DELETE FROM issues WHERE id = ?", [(i,) for i in issue_ids])

    @_serialized
    def remove_logged(self, records: list[IssueRecord]) -> None:
        """Delete the rows of issues the user removed and log the removal, in one transaction."""
        removed_at = now()
        with self._db:
            self._db.executemany("DELETE FROM issues WHERE id = ?", [(record.id,) for record in records])
            self._db.executemany(
                "INSERT INTO removed VALUES (?, ?, ?)", [(record.id, record.source, removed_at) for record in records]
            )

    @_serialized
    def has_removals(self) -> bool:
        """True once the user has removed an issue from this library."""
        try:
            return self._db.execute("SELECT 1 FROM removed LIMIT 1").fetchone() is not None
        except sqlite3.OperationalError:  # read only, from a version before removals were logged
            return False

    @_serialized
    def counts(self) -> tuple[int, int]:
        """(issues, articles) in the library."""
        row = self._db.execute("SELECT COUNT(*), COALESCE(SUM(articles), 0) FROM issues").fetchone()
        return int(row[0]), int(row[1])

    def __iter__(self) -> Iterator[IssueRecord]:
        return iter(self.all())


def now() -> float:
    return time.time()
