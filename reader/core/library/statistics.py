"""The library's statistics: issues and articles per publication and year, reporters most credited, imports.

Everything is read from the catalog, as corrected (an issue counts under the
publication and year the user gave it, IssueRecord.shown_*); issues without a
year have a row of their own.  Reporters are counted from the catalog's
`credits`, written at import (core.library.credits).  An issue imported before
credits were kept has none: `library_statistics` reads its original once,
reports progress, can be stopped, and stores what it counted where the library
may be written (a library that may only be read counts again next time).  The
import history is the catalog's import log; issues imported before the log
was kept are listed from their catalog rows, without the files rejected then.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.core.library.catalog import Catalog, Credits, IssueRecord
from reader.core.library.credits import UNCREDITED, issue_credits
from reader.core.library.import_log import IMPORTED, ImportEvent

if TYPE_CHECKING:
    from reader.core.library.library import Library

#: Counted credits are stored every this many issues, so that a stopped count keeps what it did.
STORE_EVERY = 200


class _All:
    """Every publication together (`ALL`)."""

    def __repr__(self) -> str:
        return "ALL"


#: `LibraryStatistics.reporters(ALL)`: every publication together.
ALL = _All()


@dataclass(frozen=True)
class PublicationYear:
    """One publication's issues and articles in one year (None: its issues with no year, or no publication)."""

    publication: str | None
    year: int | None
    issues: int
    articles: int
    #: The earliest and latest date of those issues (as shown: to the day or the month), None if none is dated.
    first: str | None = None
    last: str | None = None


@dataclass(frozen=True)
class ReporterCredit:
    """A reporter's articles and the issues they are in, in one publication or in all of them together."""

    reporter: str
    #: The publications that credit the reporter, the one with most of their articles first.
    publications: tuple[str | None, ...]
    articles: int
    issues: int
    #: The earliest and latest date of those issues (as shown: to the day or the month), None if none is dated.
    first: str | None
    last: str | None


@dataclass
class LibraryStatistics:
    """What the statistics dialog shows (see the module docstring).

    Attributes:
        issues: the catalog's records by id (as corrected).
        publication_years: per publication and year, sorted (unknown publication and undated last).
        credits: per reporter and publication.
        uncredited: per publication, the articles that credit no reporter.
        history: the import history, newest first; `logged` False for issues listed from the catalog.
        history_kept: the catalog keeps an import log (a catalog of an older version, read only, does not).
        history_since: when the log's first entry was written, None while it has none.
        uncounted: ids of issues whose reporters are not counted (their original could not be read,
            or the count was stopped).
        counted: the credits counted from originals this time (where they could not be stored the
            catalog keeps them for the session: Catalog.set_credits).
        stored: what was counted is stored in the catalog (False: the library may only be read here,
            or writing failed).
        stopped: the count was stopped on request.
    """

    issues: dict[str, IssueRecord]
    publication_years: list[PublicationYear]
    credits: list[ReporterCredit]
    uncredited: dict[str | None, int]
    history: list[ImportEvent]
    history_kept: bool
    history_since: float | None
    uncounted: list[str] = field(default_factory=list)
    counted: Credits = field(default_factory=dict)
    stored: bool = True
    stopped: bool = False

    def publications(self) -> list[str | None]:
        """The publications, in the order of `publication_years`."""
        return list(dict.fromkeys(row.publication for row in self.publication_years))

    def totals(self, publication: object = ALL) -> tuple[int, int]:
        """(issues, articles) of one publication, or of the library."""
        rows = [row for row in self.publication_years if publication is ALL or row.publication == publication]
        return sum(row.issues for row in rows), sum(row.articles for row in rows)

    def reporters(self, publication: object = ALL) -> list[ReporterCredit]:
        """Reporters by articles credited, most first, in one publication or in all of them together."""
        if publication is not ALL:
            chosen = [credit for credit in self.credits if credit.publications == (publication,)]
        else:
            together: dict[str, list[ReporterCredit]] = defaultdict(list)
            for credit in self.credits:
                together[credit.reporter].append(credit)
            chosen = [
                ReporterCredit(
                    reporter,
                    tuple(credit.publications[0] for credit in sorted(group, key=lambda c: -c.articles)),
                    sum(credit.articles for credit in group),
                    sum(credit.issues for credit in group),  # an issue is of one publication only
                    _earliest(credit.first for credit in group),
                    _latest(credit.last for credit in group),
                )
                for reporter, group in together.items()
            ]
        return sorted(chosen, key=lambda credit: (-credit.articles, -credit.issues, credit.reporter))

    def uncredited_articles(self, publication: object = ALL) -> int:
        """Articles that credit no reporter, in one publication or in all of them together."""
        return sum(count for name, count in self.uncredited.items() if publication is ALL or name == publication)


def _earliest(dates) -> str | None:
    return min(filter(None, dates), default=None)


def _latest(dates) -> str | None:
    return max(filter(None, dates), default=None)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def publication_years(records: list[IssueRecord]) -> list[PublicationYear]:
    """Issues and articles per shown publication and year; unknown publication and undated rows last."""
    counts: dict[tuple[str | None, int | None], list] = defaultdict(lambda: [0, 0, None, None])
    for record in records:
        date = record.shown_date
        count = counts[(record.shown_publication or None, _year(date))]
        count[0] += 1
        count[1] += record.articles
        count[2], count[3] = _earliest([count[2], date]), _latest([count[3], date])
    order = sorted(counts, key=lambda key: (key[0] is None, key[0] or "", key[1] is None, key[1] or 0))
    return [PublicationYear(publication, year, *counts[(publication, year)]) for publication, year in order]


def reporter_credits(
    records: list[IssueRecord], credits: Credits
) -> tuple[list[ReporterCredit], dict[str | None, int]]:
    """Per reporter and shown publication: articles, issues, first and last date; and the uncredited articles."""
    found: dict[tuple[str, str | None], list] = {}
    uncredited: dict[str | None, int] = defaultdict(int)
    for record in records:
        publication = record.shown_publication or None
        date = record.shown_date
        for reporter, articles in credits.get(record.id, {}).items():
            if reporter == UNCREDITED:
                uncredited[publication] += articles
                continue
            entry = found.setdefault((reporter, publication), [0, 0, None, None])
            entry[0] += articles
            entry[1] += 1
            entry[2] = _earliest([entry[2], date])
            entry[3] = _latest([entry[3], date])
    rows = [ReporterCredit(reporter, (publication,), *entry) for (reporter, publication), entry in found.items()]
    return rows, dict(uncredited)


def import_history(records: list[IssueRecord], log: list | None) -> list[ImportEvent]:
    """The log's entries and the issues it does not list as imported (from their catalog rows), newest first."""
    events = [ImportEvent.from_row(row) for row in log or []]
    logged = {event.issue for event in events if event.outcome == IMPORTED}
    events += [
        ImportEvent(
            record.imported_at, record.source, IMPORTED, record.id, detail={"articles": record.articles}, logged=False
        )
        for record in records
        if record.id not in logged
    ]
    # Newest import first; within one import, as the log has them (rejected, already present, imported): a stable sort.
    return sorted(events, key=lambda event: -event.at)


def read_statistics(catalog: Catalog) -> LibraryStatistics:
    """The statistics from the catalog alone (quick: no issue is read).

    Issues the catalog has no credits for are listed in `uncounted`.
    """
    records = catalog.all()
    stored = catalog.credits() or {}
    log = catalog.import_log()
    credit_rows, uncredited = reporter_credits(records, stored)
    return LibraryStatistics(
        issues={record.id: record for record in records},
        publication_years=publication_years(records),
        credits=credit_rows,
        uncredited=uncredited,
        history=import_history(records, log),
        history_kept=log is not None,
        history_since=min((row[0] for row in log or ()), default=None),
        uncounted=[record.id for record in records if record.id not in stored],
    )


def count_missing_credits(
    library: Library,
    records: list[IssueRecord],
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Credits, bool, bool]:
    """Count the reporters of issues imported before credits were kept, from their originals.

    Returns (the credits counted, whether they are stored in the catalog,
    whether the count was stopped).  Stored every STORE_EVERY issues (in
    memory for the session where the library may only be read), so that a
    stop keeps what was done; an original that cannot be read (missing,
    unplugged) is left uncounted.
    """
    counted: Credits = {}
    waiting: Credits = {}
    store = not library.read_only
    stopped = False
    reported = False

    def keep() -> None:
        nonlocal store
        if waiting:  # kept in memory where they cannot be stored (Catalog.set_credits): not read again this session
            store = library.catalog.set_credits(waiting, store=store)
        waiting.clear()

    for done, record in enumerate(records):
        if cancelled and cancelled():
            stopped = True
            break
        issue_id = record.id
        if progress:
            progress(done, len(records), record.source)
        # Whatever stops one issue being read (a missing copy, a removed issue, or a parser bug, as an import
        # would reject it) leaves that issue uncounted, not the rest; it is tried again next time.
        try:
            counted[issue_id] = waiting[issue_id] = issue_credits(library.load_issue(issue_id))
        except (ReaderError, KeyError, OSError):
            pass
        except Exception:  # a bug, not a bad file: said on stderr once, the count goes on
            if not reported:
                traceback.print_exc()
                reported = True
        if len(waiting) >= STORE_EVERY:
            keep()
    keep()
    if progress and not stopped:
        progress(len(records), len(records), "")
    return counted, store, stopped


def library_statistics(
    library: Library,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    first: LibraryStatistics | None = None,
) -> LibraryStatistics:
    """The whole statistics: from the catalog, the reporters of issues not counted yet read from their originals.

    `first`: read_statistics(catalog) when the caller has it already (the catalog is not read again).
    """
    first = first or read_statistics(library.catalog)
    if not first.uncounted:
        return first
    missing = [first.issues[issue_id] for issue_id in first.uncounted]
    counted, stored, stopped = count_missing_credits(library, missing, progress, cancelled)
    # Only the reporters change: the records, years and history just read serve again.  The catalog has
    # every count now (stored, or kept for the session where it could not be: Catalog.set_credits).
    credits = library.catalog.credits() or {}
    credit_rows, uncredited = reporter_credits(list(first.issues.values()), credits)
    uncounted = [issue_id for issue_id in first.issues if issue_id not in credits]
    return replace(
        first,
        credits=credit_rows,
        uncredited=uncredited,
        uncounted=uncounted,
        counted=counted,
        stored=stored,
        stopped=stopped,
    )
