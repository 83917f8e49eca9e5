"""Under the search options: where a search's hits are — per paper, per year, and a timeline by month.

Each paper and year is a link that narrows the search to it (the keyboard
reaches them with Tab); each bar of the timeline narrows it to its period.
The counts are of all the hits, not only the page listed (core.search.facets).

Signals:
    publication_chosen(str): a paper's link was clicked.
    period_chosen(str): a year or a bar of the timeline was clicked; the period in the date filter's syntax.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.search.results import Facets
from reader.gui.common_wording import undated, unknown_publication
from reader.gui.timeline_chart import TimelineChart

#: Papers named with their counts; the rest are summed up ("and 12 more papers").
SHOWN_PUBLICATIONS = 8
_PUBLICATION_LINK = "publication:"
_YEAR_LINK = "year:"


class FacetsView(QWidget):
    """Hits per paper and per year as links, and the timeline chart (see the module docstring)."""

    publication_chosen = Signal(str)
    period_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facets: Facets | None = None
        self.publications = self._link_label()
        self.years = self._link_label()
        self.timeline = TimelineChart(self)
        self.timeline.setToolTip(self.tr("Hits per month; click a bar to search only its period"))
        self.timeline.setAccessibleName(self.tr("Hits per month"))
        self.timeline.period_chosen.connect(self.period_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.publications)
        layout.addWidget(self.years)
        layout.addWidget(self.timeline)

    def _link_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.linkActivated.connect(self._link_activated)
        return label

    def show_facets(self, facets: Facets | None) -> None:
        """Show a search's facets; None (no search, no hits) hides them."""
        self._facets = facets
        self.setVisible(facets is not None)
        if facets is None:
            self.timeline.set_months(None, ())
            return
        locale = QLocale()
        # The palette's link colour said in each link: a label keeps the colour of when its text was set,
        # and the dark theme's blue on the light theme's would be unreadable (changeEvent sets it anew).
        style = f'style="color: {self.palette().color(QPalette.ColorRole.Link).name()}"'
        entries = [
            f'<a href="{_PUBLICATION_LINK}{number}" {style}>{html.escape(name)}</a>&nbsp;{locale.toString(count)}'
            for number, (name, count) in enumerate(facets.publications[:SHOWN_PUBLICATIONS])
        ]
        rest = facets.publications[SHOWN_PUBLICATIONS:]
        if rest:
            entries.append(
                html.escape(
                    self.tr("and %1 more papers (%2)")
                    .replace("%1", locale.toString(len(rest)))
                    .replace("%2", locale.toString(sum(count for _, count in rest)))
                )
            )
        if facets.unknown_publication:
            entries.append(
                html.escape(unknown_publication(in_sentence=True))
                + "&nbsp;"
                + locale.toString(facets.unknown_publication)
            )
        self.publications.setText(self._line(self.tr("Papers:"), entries))
        years = [
            f'<a href="{_YEAR_LINK}{year}" {style}>{year}</a>&nbsp;{locale.toString(count)}'
            for year, count in facets.years
        ]
        if facets.undated:
            years.append(html.escape(undated(in_sentence=True)) + "&nbsp;" + locale.toString(facets.undated))
        self.years.setText(self._line(self.tr("Years:"), years))
        self.years.setVisible(bool(years))
        self.timeline.set_months(facets.first_month, facets.months)
        self.timeline.setVisible(facets.first_month is not None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """A theme switched: the links are laid out again, in the new palette's link colour."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) and self._facets is not None:
            self.show_facets(self._facets)

    @staticmethod
    def _line(caption: str, entries: list[str]) -> str:
        return f"{html.escape(caption)} " + " · ".join(entries)

    def _link_activated(self, link: str) -> None:
        if link.startswith(_PUBLICATION_LINK):
            number = int(link.removeprefix(_PUBLICATION_LINK))
            if self._facets is not None and 0 <= number < len(self._facets.publications):
                self.publication_chosen.emit(self._facets.publications[number][0])
        elif link.startswith(_YEAR_LINK):
            self.period_chosen.emit(link.removeprefix(_YEAR_LINK))
