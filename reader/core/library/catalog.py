"""The catalog: one SQLite row per imported issue, the library's table of contents.

A row is written `pending` before the issue's articles go into the index and
turned `indexed` after the index commit; a pending row found at start-up
means an import was interrupted, and the library repairs it.  Issues the user
removed are logged in `removed` (id, source file name, time), so that a
library emptied on purpose is not taken for a new one.

Two tables serve the library's statistics (core.library.statistics):
`credits` holds, per issue, the articles credited to each reporter, and
under the empty name the articles that credit no one, a row every counted
issue has (so an issue with no row was imported before the table existed);
it is written with the issue's row, rewritten when the issue is parsed
again, and deleted with it.  `import_log` keeps one row per file an import
looked at (core.library.import_log).  Tables are made with IF NOT EXISTS, so
an older catalog gains them when it is next opened for writing; one opened
read only may lack them, which `credits()` and `import_log()` say by None.
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
CREATE TABLE IF NOT EXISTS credits (
    issue TEXT NOT NULL,
    reporter TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (issue, reporter)
);
CREATE TABLE IF NOT EXISTS import_log (
    at REAL NOT NULL,
    source TEXT NOT NULL,
    outcome TEXT NOT NULL,
    issue TEXT,
    reason TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
-- relocate_logged finds a file's newest row by its path once per file an inbox moves.
CREATE INDEX IF NOT EXISTS import_log_source ON import_log (source);
"""

#: Per issue, the articles credited to each reporter; the empty name counts those that credit no one.
Credits = dict[str, dict[str, int]]
#: A row of the import log: (at, source, outcome, issue, reason, detail as JSON).
LogRow = tuple[float, str, str, str | None, str | None, str]

#: The import log's newest rows kept (Catalog.log_imports).
IMPORT_LOG_ROWS = 20_000

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
        #: Credits counted that could not be stored (a catalog that may only be read, a write that failed): kept
        #: for this session, so that a reading room reads its older issues once, not at every look at them.
        self._unstored_credits: Credits = {}
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
    def add_pending(self, records: list[IssueRecord], credits: Credits | None = None) -> None:
        """Record issues about to be indexed, with their reporters' `credits`, all in one transaction."""
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
            if credits:
                self._write_credits(credits)

    def _write_credits(self, credits: Credits) -> None:
        """Replace the credits of the issues named (inside the caller's transaction); issues not listed get none."""
        self._db.executemany("DELETE FROM credits WHERE issue = ?", [(issue_id,) for issue_id in credits])
        self._db.executemany(
            "INSERT INTO credits SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM issues WHERE id = ?)",
            [
                (issue_id, reporter, articles, issue_id)
                for issue_id, counts in credits.items()
                for reporter, articles in counts.items()
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
    def update_metadata(self, record: IssueRecord, credits: dict[str, int] | None = None) -> None:
        """Store re-parsed metadata (reindex) and the reporters' `credits`, without touching corrections."""
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
            if credits is not None:
                self._write_credits({record.id: credits})

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
            self._delete_issues(issue_ids)

    def _delete_issues(self, issue_ids: list[str]) -> None:
        """The issues' rows and their credits (inside the caller's transaction)."""
        for issue_id in issue_ids:
            self._unstored_credits.pop(issue_id, None)
        self._db.executemany("DELETE FROM issues WHERE id = ?", [(i,) for i in issue_ids])
        self._db.executemany("DELETE FROM credits WHERE issue = ?", [(i,) for i in issue_ids])

    @_serialized
    def remove_logged(self, records: list[IssueRecord]) -> None:
        """Delete the rows of issues the user removed and log the removal, in one transaction."""
        removed_at = now()
        with self._db:
            self._delete_issues([record.id for record in records])
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
    def has_table(self, name: str) -> bool:
        """Whether the catalog has the table `name` (one opened read only may be of an older version)."""
        row = self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

    @_serialized
    def credits(self) -> Credits | None:
        """Every counted issue's credits, with those kept unstored (set_credits); None where there are none and
        the catalog has no such table (read only, older)."""
        if not self.has_table("credits"):
            return dict(self._unstored_credits) if self._unstored_credits else None
        found: Credits = {}
        for issue_id, reporter, articles in self._db.execute("SELECT issue, reporter, articles FROM credits"):
            found.setdefault(issue_id, {})[reporter] = int(articles)
        return {**self._unstored_credits, **found}  # stored ones are newer (a re-parse, a re-import)

    @_serialized
    def set_credits(self, credits: Credits, store: bool = True) -> bool:
        """Store the credits of issues counted after their import (those no longer listed are left out).

        Where the catalog may only be read, the write fails (a full disk, a
        catalog another process holds) or `store` is False (an earlier write
        of the same count failed: not another 30 s wait for the lock), they
        are kept in memory for this session instead, and credits() gives
        them all the same.  Returns whether they were stored.
        """
        if store and not self.read_only:
            try:
                with self._db:
                    self._write_credits(credits)
                return True
            except sqlite3.Error:
                pass
        self._unstored_credits.update(credits)
        return False

    @_serialized
    def log_imports(self, rows: list[LogRow]) -> None:
        """Add rows to the import log, in one transaction, keeping its newest IMPORT_LOG_ROWS rows.

        Bounded: importing an archive's folder again for its few new issues logs
        every file already present once more.  Whole imports are let go, oldest
        first, never the newest one nor part of one (its rejected files are what
        a librarian looks for); their issues are still listed in the history,
        from the catalog, with the time they were imported.
        """
        with self._db:
            self._db.executemany("INSERT INTO import_log VALUES (?, ?, ?, ?, ?, ?)", rows)
            # The imports older than the one holding the IMPORT_LOG_ROWS-th newest row (an import's rows share its time).
            self._db.execute(
                "DELETE FROM import_log WHERE at < (SELECT at FROM import_log ORDER BY rowid DESC LIMIT 1 OFFSET ?)",
                (IMPORT_LOG_ROWS,),
            )

    @_serialized
    def relocate_logged(self, moves: dict[str, str]) -> None:
        """Files moved after their import (out of the inbox): the newest log row of each names where it is now."""
        with self._db:
            self._db.executemany(
                "UPDATE import_log SET source = ? WHERE rowid = (SELECT MAX(rowid) FROM import_log WHERE source = ?)",
                [(new, old) for old, new in moves.items()],
            )

    @_serialized
    def import_log(self) -> list[LogRow] | None:
        """The import log in the order it was written; None where the catalog has no such table (read only, older)."""
        if not self.has_table("import_log"):
            return None
        rows = self._db.execute("SELECT at, source, outcome, issue, reason, detail FROM import_log ORDER BY rowid")
        return [tuple(row) for row in rows]

    @_serialized
    def counts(self) -> tuple[int, int]:
        """(issues, articles) in the library."""
        row = self._db.execute("SELECT COUNT(*), COALESCE(SUM(articles), 0) FROM issues").fetchone()
        return int(row[0]), int(row[1])

    def __iter__(self) -> Iterator[IssueRecord]:
        return iter(self.all())


def now() -> float:
    return time.time()
