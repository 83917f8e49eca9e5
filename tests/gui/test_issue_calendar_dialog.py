"""View → Issue Calendar: a weekly paper's year painted, its summary, a day opening its issue, missing exported."""

from __future__ import annotations

import csv
import datetime as dt
import io

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from reader.config import seeds_dir
from reader.gui import dialogs
from reader.gui.issue_calendar_dialog import DUPLICATE, ISSUE, MISSING, OFF_RHYTHM
from tests.gui.conftest import import_and_wait

SEED = seeds_dir() / "000_3ec1d81f3cd0b893.txt"


def weekly_issues(folder, skip=(3,), duplicate=1, off_rhythm="2021-02-14"):
    """Eight Wednesdays of 2021 as issue files (one skipped, one twice, one more on a Sunday)."""
    text = SEED.read_text(encoding="utf-8")
    days = [dt.date(2021, 1, 6) + dt.timedelta(weeks=week) for week in range(8)]
    names = [(day.isoformat(), "") for index, day in enumerate(days) if index not in skip]
    names += [(days[duplicate].isoformat(), "b"), (off_rhythm, "")]
    files = []
    for number, (day, suffix) in enumerate(names):
        path = folder / f"北碚报_{day}{suffix}.txt"
        path.write_text(f"{text}\n第{number}号\n", encoding="utf-8")  # each file its own issue
        files.append(str(path))
    return days, files


def test_the_calendar_of_a_weekly_paper(qtbot, window, tmp_path, monkeypatch):
    days, files = weekly_issues(tmp_path)
    import_and_wait(qtbot, window, files)
    window.show_issue_calendar()
    dialog = window.issue_calendar
    assert dialog.publication.currentText() == "北碚报" and dialog.year.currentText() == "2021"
    summary = dialog.summary.text()
    assert "(" in summary and "8" in summary  # weekly (Wednesday); 8 days with an issue (7 Wednesdays and a Sunday)
    grid = dialog.grid
    assert grid.state(days[0]) == ISSUE
    assert grid.state(days[3]) == MISSING
    assert grid.state(days[1]) == DUPLICATE
    assert grid.state(dt.date(2021, 2, 14)) == OFF_RHYTHM
    assert grid.state(dt.date(2021, 1, 7)) is None

    dialog.resize(900, 700)
    dialog.show()
    QApplication.processEvents()
    grid.repaint()
    rect = next(rect for rect, day in grid._cells if day == days[2])
    press = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress,
        rect.center(),
        QPointF(),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    grid.mousePressEvent(press)
    qtbot.waitUntil(lambda: window.current is not None and window.current[0] in dialog.current().days[days[2]])

    target = tmp_path / "missing.csv"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *args: str(target))
    dialog.export_missing()
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[1] == ["北碚报", days[3].isoformat(), "Wednesday", "weekly"]
    dialog.close()


def test_a_library_without_dated_issues_says_so(qtbot, window):
    window.show_issue_calendar()
    dialog = window.issue_calendar
    assert dialog.summary.text()  # "No dated issues yet."
    dialog.close()
