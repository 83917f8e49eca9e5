"""The issue calendar: rhythm from the dates present, missing days, duplicates, off-rhythm and undated issues."""

from __future__ import annotations

import csv
import datetime as dt
import io

from reader.core.library.issue_calendar import (
    DAILY,
    IRREGULAR,
    TWICE_WEEKLY,
    WEEKDAYS,
    WEEKLY,
    infer_rhythm,
    issue_calendars,
    missing_csv,
)
from tests.catalog_records import issue_record


def _record(number, publication, date, page=None, corrections=None):
    return issue_record(number, publication, date, page=page, corrections=corrections)


def _days(start, count, step):
    first = dt.date.fromisoformat(start)
    return [first + dt.timedelta(days=step * index) for index in range(count)]


def test_rhythms_are_read_from_the_weekdays():
    assert infer_rhythm(_days("2021-01-06", 20, 7)).kind == WEEKLY  # Wednesdays
    assert infer_rhythm(_days("2021-01-04", 30, 1)).kind == DAILY
    weekdays = [day for day in _days("2021-01-04", 40, 1) if day.weekday() < 5]
    assert infer_rhythm(weekdays).kind == WEEKDAYS
    twice = sorted(_days("2021-01-05", 10, 7) + _days("2021-01-08", 10, 7))  # Tuesdays and Fridays
    rhythm = infer_rhythm(twice)
    assert (rhythm.kind, rhythm.weekdays) == (TWICE_WEEKLY, frozenset({1, 4}))
    assert infer_rhythm(_days("2021-01-06", 3, 7)).kind == IRREGULAR  # too few to tell


def test_a_weekly_papers_missing_duplicate_off_rhythm_and_undated_issues():
    wednesdays = _days("2021-01-06", 10, 7)
    records = [_record(index, "北碚报", day.isoformat()) for index, day in enumerate(wednesdays) if index != 4]
    records.append(_record(50, "北碚报", wednesdays[2].isoformat()))  # the same issue again
    records.append(_record(51, "北碚报", "2021-02-14"))  # a Sunday: off rhythm
    records.append(_record(52, "北碚报", "2021-03"))  # dated to the month only
    records.append(_record(53, "北碚报", wednesdays[3].isoformat(), page="2"))  # page 2 of that day: not a duplicate
    records.append(
        _record(54, "渝中报", None, corrections={"publication": "北碚报", "date": wednesdays[4].isoformat()})
    )
    calendar = issue_calendars(records)["北碚报"]
    assert calendar.rhythm.kind == WEEKLY
    assert calendar.missing == []  # the corrected record fills the fifth Wednesday
    assert calendar.duplicates == {wednesdays[2]: ["id2", "id50"]}
    assert calendar.off_rhythm == [dt.date(2021, 2, 14)]
    assert calendar.undated == ["id52"]
    assert sorted(calendar.days[wednesdays[3]]) == ["id3", "id53"]

    without_correction = [record for record in records if record.id != "id54"]
    calendar = issue_calendars(without_correction)["北碚报"]
    assert calendar.missing == [wednesdays[4]]
    rows = list(csv.reader(io.StringIO(missing_csv([calendar]))))
    assert rows == [
        ["publication", "date", "weekday", "rhythm"],
        ["北碚报", wednesdays[4].isoformat(), "Wednesday", WEEKLY],
    ]


def test_an_irregular_paper_expects_nothing():
    records = [_record(1, "某报", "2021-01-01"), _record(2, "某报", "2021-05-09")]
    calendar = issue_calendars(records)["某报"]
    assert (calendar.rhythm.kind, calendar.missing, calendar.off_rhythm) == (IRREGULAR, [], [])
    assert calendar.years() == [2021]
