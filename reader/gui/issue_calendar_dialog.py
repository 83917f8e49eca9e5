"""View → Issue Calendar…: per publication, a year of days with an issue, missing, duplicated or off rhythm.

The calendar itself is core.library.issue_calendar (from the catalog, no
issue is read); this dialog paints a year as twelve month grids, says the
paper's rhythm and counts, opens an issue when its day is clicked, and
exports the missing issues as CSV.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.issue_calendar import (
    DAILY,
    DAYS_A_WEEK,
    IRREGULAR,
    TWICE_WEEKLY,
    WEEKDAYS,
    WEEKLY,
    PublicationCalendar,
    issue_calendars,
    missing_csv,
)
from reader.gui.common_wording import unknown_publication
from reader.gui.dialogs import export_csv

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

#: Day states and their colours (legible on the light and the dark theme alike).
ISSUE, MISSING, DUPLICATE, OFF_RHYTHM = "issue", "missing", "duplicate", "off rhythm"
COLORS = {
    ISSUE: QColor("#4f9a5b"),
    MISSING: QColor("#d9534f"),
    DUPLICATE: QColor("#e69a28"),
    OFF_RHYTHM: QColor("#8a63c9"),
}
MONTH_COLUMNS = 4
CELL = 22


class YearCalendar(QWidget):
    """Twelve month grids of one year of one paper, each day coloured by its state.

    Signals:
        day_clicked(object): a day (datetime.date) with an issue was clicked.
    """

    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar: PublicationCalendar | None = None
        self.year = dt.date.today().year
        self._cells: list[tuple[QRectF, dt.date]] = []
        self._missing: set[dt.date] = set()
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(MONTH_COLUMNS * (7 * CELL + 16), (12 // MONTH_COLUMNS) * (8 * CELL + 10))

    def show_year(self, calendar: PublicationCalendar | None, year: int) -> None:
        self.calendar, self.year = calendar, year
        self._missing = set(calendar.missing) if calendar else set()
        self.update()

    def state(self, day: dt.date) -> str | None:
        calendar = self.calendar
        if calendar is None:
            return None
        if day in calendar.duplicates:
            return DUPLICATE
        if day in calendar.days:
            return OFF_RHYTHM if day in calendar.off_rhythm else ISSUE
        if day in self._missing:
            return MISSING
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        locale = QLocale()
        text = self.palette().color(self.foregroundRole())
        muted = self.palette().color(self.palette().ColorRole.PlaceholderText)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.8))
        self._cells = []
        month_width = self.width() / MONTH_COLUMNS
        month_height = self.height() / (12 // MONTH_COLUMNS)
        cell = min(month_width / 7.5, month_height / 8.5)
        for month in range(1, 13):
            left = ((month - 1) % MONTH_COLUMNS) * month_width + (month_width - 7 * cell) / 2
            top = ((month - 1) // MONTH_COLUMNS) * month_height
            painter.setPen(text)
            painter.setFont(self.font())
            painter.drawText(
                QRectF(left, top, 7 * cell, cell), Qt.AlignmentFlag.AlignCenter, locale.standaloneMonthName(month)
            )
            painter.setFont(small)
            painter.setPen(muted)
            for weekday in range(7):
                name = locale.dayName(weekday + 1, QLocale.FormatType.NarrowFormat)
                painter.drawText(
                    QRectF(left + weekday * cell, top + cell, cell, cell), Qt.AlignmentFlag.AlignCenter, name
                )
            day = dt.date(self.year, month, 1)
            row = 0
            while day.month == month:
                rect = QRectF(left + day.weekday() * cell + 1, top + (row + 2) * cell + 1, cell - 2, cell - 2)
                state = self.state(day)
                if state in (ISSUE, DUPLICATE, OFF_RHYTHM):
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(COLORS[state])
                    painter.drawRoundedRect(rect, 3, 3)
                    painter.setPen(QColor("white"))
                elif state == MISSING:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(QPen(COLORS[MISSING], 1.5))
                    painter.drawRoundedRect(rect, 3, 3)
                    painter.setPen(COLORS[MISSING])
                else:
                    painter.setPen(muted)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
                self._cells.append((rect, day))
                if day.weekday() == 6:
                    row += 1
                day += dt.timedelta(days=1)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for rect, day in self._cells:
            if rect.contains(point) and self.calendar is not None and day in self.calendar.days:
                self.day_clicked.emit(day)
                return
        super().mousePressEvent(event)


class IssueCalendarDialog(QDialog):
    """The issue calendar of the library's papers, a year at a time."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Issue Calendar"))
        self.calendars = issue_calendars(window.records)  # the tree's: no catalog read on the GUI thread
        layout = QVBoxLayout(self)
        choose = QHBoxLayout()
        self.publication = QComboBox(self)
        for name in self.calendars:
            self.publication.addItem(name or unknown_publication(), name)
        self.year = QComboBox(self)
        choose.addWidget(QLabel(self.tr("Publication"), self))
        choose.addWidget(self.publication, 1)
        choose.addWidget(QLabel(self.tr("Year"), self))
        choose.addWidget(self.year)
        layout.addLayout(choose)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.grid = YearCalendar(self)
        self.grid.day_clicked.connect(self.open_day)
        layout.addWidget(self.grid, 1)
        layout.addLayout(self._legend())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        export = QPushButton(self.tr("Export Missing Issues…"), self)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self.export_missing)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.publication.currentIndexChanged.connect(self._publication_chosen)
        self.year.currentIndexChanged.connect(self._show)
        self._publication_chosen()

    def _legend(self) -> QHBoxLayout:
        legend = QHBoxLayout()
        names = {
            ISSUE: self.tr("issue"),
            MISSING: self.tr("missing"),
            DUPLICATE: self.tr("duplicate"),
            OFF_RHYTHM: self.tr("off its rhythm"),
        }
        for state, name in names.items():
            swatch = QLabel(self)
            swatch.setFixedSize(12, 12)
            color = COLORS[state].name()
            # As the days are drawn: a missing day is an outline, the others are filled.
            style = f"border: 2px solid {color};" if state == MISSING else f"background: {color};"
            swatch.setStyleSheet(f"{style} border-radius: 2px;")
            legend.addWidget(swatch)
            legend.addWidget(QLabel(name, self))
            legend.addSpacing(12)
        legend.addStretch(1)
        return legend

    def current(self) -> PublicationCalendar | None:
        return self.calendars.get(self.publication.currentData()) if self.publication.count() else None

    def _publication_chosen(self) -> None:
        calendar = self.current()
        self.year.blockSignals(True)
        self.year.clear()
        for year in calendar.years() if calendar else []:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.count() - 1)
        self.year.blockSignals(False)
        self._show()

    def rhythm_text(self, calendar: PublicationCalendar) -> str:
        locale = QLocale()
        separator = ", " if locale.language() == QLocale.Language.English else "、"
        names = (locale.dayName(day + 1, QLocale.FormatType.ShortFormat) for day in sorted(calendar.rhythm.weekdays))
        days = separator.join(names)
        kinds = {
            DAILY: self.tr("daily"),
            WEEKDAYS: self.tr("on weekdays"),
            WEEKLY: self.tr("weekly (%1)"),
            TWICE_WEEKLY: self.tr("twice a week (%1)"),
            DAYS_A_WEEK: self.tr("on %1"),
            IRREGULAR: self.tr("irregular (too few dated issues to tell)"),
        }
        return kinds[calendar.rhythm.kind].replace("%1", days)

    def _show(self) -> None:
        calendar = self.current()
        year = self.year.currentData()
        if calendar is None or year is None:
            self.summary.setText(self.tr("No dated issues yet."))
            self.grid.show_year(None, dt.date.today().year)
            return
        self.summary.setText(
            self.tr(
                "Comes out %1. %2 days with an issue from %3 to %4; %5 missing, %6 duplicated, %7 off its rhythm, %8 dated to the month only."
            )
            .replace("%1", self.rhythm_text(calendar))
            .replace("%2", str(len(calendar.days)))
            .replace("%3", calendar.first.isoformat())
            .replace("%4", calendar.last.isoformat())
            .replace("%5", str(len(calendar.missing)))
            .replace("%6", str(len(calendar.duplicates)))
            .replace("%7", str(len(calendar.off_rhythm)))
            .replace("%8", str(len(calendar.undated)))
        )
        self.grid.show_year(calendar, year)

    def open_day(self, day: dt.date) -> None:
        calendar = self.current()
        if calendar is not None and day in calendar.days:
            self.window_.open_issue(sorted(calendar.days[day])[0])

    def export_missing(self) -> None:
        text = missing_csv(self.calendars.values())
        export_csv(self, self.window_, self.tr("Export Missing Issues"), self.tr("missing issues.csv"), text)
