"""The issue calendar: per publication, the days with an issue, the days its rhythm expects and lack one,
duplicates, and dates that do not fit its rhythm.

The rhythm is read from the dates present, by weekday: a weekday that
carries at least a tenth of a paper's issues (and two of them) is one of its
publishing days, so a weekly paper out on Wednesdays expects every
Wednesday, a twice-weekly one two days, a daily seven.  Between a paper's
first and last issue, an expected day with no issue is *missing*; an issue
on a day outside its rhythm is *off rhythm* (a misdated file, or a special
issue: worth a look); two files of the same date and page (or both without
a page) are *duplicates* (files of different pages of one day are that
issue's pages, and count once).  Issues dated only to the month are counted
but placed on no day.  A paper with fewer than MIN_DATED issues dated to the
day, or no clear publishing day, is *irregular*: nothing is expected of it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.library.catalog import IssueRecord
from reader.core.spreadsheets import csv_text

#: Fewer issues dated to the day than this and no rhythm is inferred.
MIN_DATED = 4
#: A weekday is a publishing day when it carries at least this share of the paper's issues (and two).
DAY_SHARE = 0.1

#: In the CSV export (whatever the system's locale).
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

DAILY, WEEKDAYS, WEEKLY, TWICE_WEEKLY, DAYS_A_WEEK, IRREGULAR = (
    "daily",
    "weekdays",
    "weekly",
    "twice weekly",
    "days a week",
    "irregular",
)


@dataclass(frozen=True)
class Rhythm:
    """How often a paper comes out: a kind, and its publishing weekdays (0 = Monday)."""

    kind: str
    weekdays: frozenset[int] = frozenset()

    def expects(self, day: dt.date) -> bool:
        return self.kind != IRREGULAR and day.weekday() in self.weekdays


def infer_rhythm(days: Iterable[dt.date]) -> Rhythm:
    """The rhythm the dates show (each day once, whatever the number of files of that day)."""
    distinct = set(days)
    if len(distinct) < MIN_DATED:
        return Rhythm(IRREGULAR)
    by_weekday = Counter(day.weekday() for day in distinct)
    publishing = frozenset(
        weekday for weekday, count in by_weekday.items() if count >= 2 and count >= DAY_SHARE * len(distinct)
    )
    if not publishing:
        return Rhythm(IRREGULAR)
    kind = {7: DAILY, 1: WEEKLY, 2: TWICE_WEEKLY}.get(len(publishing), DAYS_A_WEEK)
    if publishing == frozenset(range(5)):
        kind = WEEKDAYS
    return Rhythm(kind, publishing)


@dataclass
class PublicationCalendar:
    """One paper's calendar (see the module docstring)."""

    publication: str
    rhythm: Rhythm
    #: Day -> the ids of the issues dated that day (several: its pages, or duplicates).
    days: dict[dt.date, list[str]] = field(default_factory=dict)
    missing: list[dt.date] = field(default_factory=list)
    off_rhythm: list[dt.date] = field(default_factory=list)
    #: Day -> ids of files of that day with the same page (or none): the same issue twice.
    duplicates: dict[dt.date, list[str]] = field(default_factory=dict)
    #: Ids of issues dated only to a month (or not at all): counted, on no day.
    undated: list[str] = field(default_factory=list)

    @property
    def first(self) -> dt.date | None:
        return min(self.days) if self.days else None

    @property
    def last(self) -> dt.date | None:
        return max(self.days) if self.days else None

    def years(self) -> list[int]:
        return sorted({day.year for day in self.days} | {day.year for day in self.missing})


def _day(text: str | None) -> dt.date | None:
    if not text or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def issue_calendars(records: Iterable[IssueRecord]) -> dict[str, PublicationCalendar]:
    """Each publication's calendar, from the catalog's records (as corrected), by publication name."""
    by_publication: dict[str, list[IssueRecord]] = {}
    for record in records:
        by_publication.setdefault(record.shown_publication or "", []).append(record)
    calendars = {}
    for publication, group in sorted(by_publication.items()):
        calendar = PublicationCalendar(publication, Rhythm(IRREGULAR))
        pages: dict[tuple[dt.date, str], list[str]] = {}
        for record in group:
            day = _day(record.shown_date)
            if day is None:
                calendar.undated.append(record.id)
                continue
            calendar.days.setdefault(day, []).append(record.id)
            page = str(record.corrections.get("page", record.page) or "")
            pages.setdefault((day, page), []).append(record.id)
        for (day, _page), ids in sorted(pages.items()):
            if len(ids) > 1:
                calendar.duplicates.setdefault(day, []).extend(ids)
        calendar.rhythm = infer_rhythm(calendar.days)
        if calendar.rhythm.kind != IRREGULAR and calendar.days:
            day, last = calendar.first, calendar.last
            while day <= last:
                if calendar.rhythm.expects(day) and day not in calendar.days:
                    calendar.missing.append(day)
                day += dt.timedelta(days=1)
            calendar.off_rhythm = sorted(day for day in calendar.days if not calendar.rhythm.expects(day))
        calendars[publication] = calendar
    return calendars


def missing_csv(calendars: Iterable[PublicationCalendar]) -> str:
    """The missing issues as CSV (publication, date, weekday, rhythm), for a spreadsheet or an order to a library."""
    rows = [["publication", "date", "weekday", "rhythm"]]
    for calendar in calendars:
        for day in calendar.missing:
            rows.append([calendar.publication, day.isoformat(), WEEKDAY_NAMES[day.weekday()], calendar.rhythm.kind])
    return csv_text(rows)
