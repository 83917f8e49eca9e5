"""A small bar chart of a search's hits per month over the archive's span, drawn with QPainter.

An archive of a few years shows one bar a month; a longer one would make
bars thinner than a pixel, so months are gathered into quarters, half
years, years or runs of years (TimelineBin), always whole calendar units so
that a bar can be named and clicked: clicking narrows the search to its
period (`date:2021-11`, `date:2021-01..2021-03`, `date:2021`).

Signals:
    period_chosen(str): a bar was clicked; the period in the date filter's syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reader.core.search.results import month_name

#: Months a bar may hold: a month, a quarter, half a year, a year, then runs of years.
BIN_MONTHS = (1, 3, 6, 12, 24, 60, 120, 240, 600)
#: The narrowest bar worth drawing, in pixels (its gap included).
MIN_BAR_PX = 3.0
CHART_HEIGHT = 64


@dataclass(frozen=True)
class TimelineBin:
    """One bar: `months` whole months from month number `start` (year * 12 + month - 1), and its hits."""

    start: int
    months: int
    count: int

    @property
    def end(self) -> int:
        """The bar's last month number."""
        return self.start + self.months - 1

    def period(self) -> str:
        """The bar's period in the date filter's syntax: a month, a year, or a range of either."""
        if self.months == 1:
            return month_name(self.start)
        if self.months % 12 == 0:
            first, last = self.start // 12, self.end // 12
            return f"{first:04d}" if first == last else f"{first:04d}..{last:04d}"
        return f"{month_name(self.start)}..{month_name(self.end)}"


def timeline_bins(first_month: int | None, counts: tuple[int, ...], width: float) -> list[TimelineBin]:
    """The bars for `counts` per month from `first_month`, as many as fit in `width` pixels.

    Bars hold the fewest months (BIN_MONTHS) that fit, aligned on the calendar
    (quarters on January, April...; runs of years on multiples of their length),
    so the first and last bars may reach outside the archive's span with no hits there.
    """
    if first_month is None or not counts:
        return []
    last_month = first_month + len(counts) - 1
    for size in BIN_MONTHS:
        start = first_month - first_month % size
        bars = (last_month - start) // size + 1
        if bars * MIN_BAR_PX <= width or size == BIN_MONTHS[-1]:
            break
    totals = [0] * bars
    for offset, count in enumerate(counts):
        totals[(first_month + offset - start) // size] += count
    return [TimelineBin(start + number * size, size, total) for number, total in enumerate(totals)]


class TimelineChart(QWidget):
    """Hits per month of the archive's span; hover for a bar's period and count, click to narrow to it."""

    period_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_month: int | None = None
        self._counts: tuple[int, ...] = ()
        self._bars: list[tuple[QRectF, TimelineBin]] = []
        self._hovered: TimelineBin | None = None
        #: The bar chosen with the keyboard (its index in the bars), -1 for none.
        self._current = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, CHART_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, CHART_HEIGHT)

    def set_months(self, first_month: int | None, counts: tuple[int, ...]) -> None:
        """Show `counts` hits per month from month number `first_month` (none: an empty chart)."""
        self._first_month, self._counts = first_month, tuple(counts)
        self._hovered = None
        self._current = -1
        self._layout()
        self.update()

    def bins(self) -> list[TimelineBin]:
        """The bars as drawn at the present width."""
        return [timeline_bin for _, timeline_bin in self._bars]

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._current = -1  # the bars may hold other months now
        self._layout()

    def _plot_area(self) -> QRectF:
        label_height = self.fontMetrics().height()
        return QRectF(1, 2, max(1, self.width() - 2), max(1, self.height() - label_height - 4))

    def _layout(self) -> None:
        area = self._plot_area()
        bins = timeline_bins(self._first_month, self._counts, area.width())
        self._bars = []
        if not bins:
            return
        step = area.width() / len(bins)
        for number, timeline_bin in enumerate(bins):
            self._bars.append((QRectF(area.left() + number * step, area.top(), step, area.height()), timeline_bin))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        palette = self.palette()
        area = self._plot_area()
        if self._bars:  # the archive's span, so that the months without hits show as such
            painter.fillRect(area, palette.color(palette.ColorRole.AlternateBase))
        axis = palette.color(palette.ColorRole.Mid)
        painter.setPen(axis)
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
        if not self._bars:
            return
        highest = max(timeline_bin.count for _, timeline_bin in self._bars) or 1
        bar_colour = palette.color(palette.ColorRole.Highlight)
        dark = palette.color(palette.ColorRole.Window).lightness() < 128
        # Set apart from the other bars, and not towards the background (lighter on a dark window).
        hovered_colour = QColor(bar_colour).lighter(140) if dark else QColor(bar_colour).darker(130)
        current = self._bars[self._current][1] if 0 <= self._current < len(self._bars) else None
        painter.setPen(Qt.PenStyle.NoPen)
        for slot, timeline_bin in self._bars:
            if not timeline_bin.count:
                continue
            height = max(1.0, (area.height() - 1) * timeline_bin.count / highest)
            gap = 1.0 if slot.width() >= 3 else 0.0
            bar = QRectF(slot.left(), area.bottom() - height, max(1.0, slot.width() - gap), height)
            chosen = timeline_bin is self._hovered or (timeline_bin is current and self.hasFocus())
            painter.setBrush(hovered_colour if chosen else bar_colour)
            painter.drawRect(bar)
        if current is not None and self.hasFocus():  # where the keyboard is, also for a bar too thin to see
            slot = self._bars[self._current][0]
            painter.setPen(palette.color(palette.ColorRole.Text))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(slot.left(), area.top(), max(2.0, slot.width() - 1), area.height()))
        self._paint_years(painter, area)

    def _paint_years(self, painter: QPainter, area: QRectF) -> None:
        """Year labels under the axis at the first bar of a year, as many as fit without overlapping."""
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
        metrics = painter.fontMetrics()
        top = area.bottom() + 2
        drawn_until = -float("inf")
        for slot, timeline_bin in self._bars:
            if timeline_bin.start % 12 != 0 and timeline_bin is not self._bars[0][1]:
                continue
            label = f"{timeline_bin.start // 12}"
            width = metrics.horizontalAdvance(label)
            left = min(slot.left(), self.width() - width - 1)
            if left <= drawn_until + 6:
                continue
            painter.drawText(QRectF(left, top, width + 1, metrics.height()), Qt.AlignmentFlag.AlignLeft, label)
            drawn_until = left + width

    def _bar_at(self, x: float) -> TimelineBin | None:
        """The bar with hits under `x`, if any (a month without hits is no choice)."""
        for slot, timeline_bin in self._bars:
            if slot.left() <= x < slot.right():
                return timeline_bin if timeline_bin.count else None
        return None

    def describe(self, timeline_bin: TimelineBin) -> str:
        """ "2021年11月：5 篇" — the bar's period and hits, in the interface language."""
        locale = QLocale()
        if timeline_bin.months == 1:
            year, month = divmod(timeline_bin.start, 12)
            period = (
                self.tr("%2 %1", "a month of the timeline: %1 year, %2 month's name, %3 month's number")
                .replace("%1", str(year))
                .replace("%2", locale.standaloneMonthName(month + 1))
                .replace("%3", str(month + 1))
            )
        else:
            period = timeline_bin.period().replace("..", " – ")
        count = self.tr("1 article") if timeline_bin.count == 1 else self.tr("%1 articles")
        return (
            self.tr("%1: %2", "a period of the timeline: its hits")
            .replace("%1", period)
            .replace("%2", count.replace("%1", locale.toString(timeline_bin.count)))
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            timeline_bin = self._bar_at(event.pos().x())
            if timeline_bin is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(timeline_bin), self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hovered = self._bar_at(event.position().x())
        if hovered is not self._hovered:
            self._hovered = hovered
            if hovered is None:
                self.unsetCursor()
            else:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Left / Right (Home / End) to the previous / next (first / last) bar with hits; Enter or Space chooses it."""
        with_hits = [number for number, (_, timeline_bin) in enumerate(self._bars) if timeline_bin.count]
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current in with_hits:
            self.period_chosen.emit(self._bars[self._current][1].period())
            return
        moves = {
            Qt.Key.Key_Left: lambda: [number for number in with_hits if number < self._current][-1:],
            Qt.Key.Key_Right: lambda: [number for number in with_hits if number > self._current][:1],
            Qt.Key.Key_Home: lambda: with_hits[:1],
            Qt.Key.Key_End: lambda: with_hits[-1:],
        }
        if key not in moves or not with_hits:
            super().keyPressEvent(event)
            return
        if self._current not in with_hits:  # the first key press picks the first (or last) bar with hits
            target = with_hits[-1:] if key in (Qt.Key.Key_Left, Qt.Key.Key_End) else with_hits[:1]
        else:
            target = moves[key]()
        if target:
            self.set_current(target[0])

    def set_current(self, number: int) -> None:
        """Make bar `number` the keyboard's, saying its period and hits where a tooltip would."""
        self._current = number
        slot, timeline_bin = self._bars[number]
        description = self.describe(timeline_bin)
        self.setAccessibleDescription(description)
        self.update()
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(int(slot.center().x()), 0)), description, self)

    def current_bar(self) -> TimelineBin | None:
        """The bar the keyboard is on, if any."""
        return self._bars[self._current][1] if 0 <= self._current < len(self._bars) else None

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._hovered = None
        self.unsetCursor()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            timeline_bin = self._bar_at(event.position().x())
            if timeline_bin is not None:
                self.period_chosen.emit(timeline_bin.period())
