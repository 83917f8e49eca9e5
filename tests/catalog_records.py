"""Catalog rows made up for tests that need issues without importing any (calendars, statistics)."""

from __future__ import annotations

from reader.core.library.catalog import IssueRecord


def issue_record(number, publication, date, page=None, articles=1, corrections=None) -> IssueRecord:
    """An indexed issue `id<number>` of `publication` on `date` (to the day or the month)."""
    return IssueRecord(
        id=f"id{number}",
        source=f"{number}.txt",
        stored_name=f"{number}.txt",
        codec="utf-8",
        size=1,
        publication=publication,
        publication_origin="file name",
        date=date,
        date_precision="day" if date and len(date) == 10 else "month",
        date_origin="file name",
        page=page,
        articles=articles,
        corrections=corrections or {},
        state="indexed",
        imported_at=0.0,
    )
