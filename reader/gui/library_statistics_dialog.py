"""View → Library Statistics…: issues and articles per publication and year, reporters most credited, imports.

The figures are core.library.statistics, worked out on the window's
statistics thread: the catalog first (the dialog fills at once), then, for
issues imported before reporters were counted at import, their stored copies,
with progress and Cancel in the dialog.  It counts again whenever the library
changes while it is open (an import, a correction).  Each tab exports what it
lists as CSV (UTF-8 with a byte-order mark, so spreadsheets read the Chinese).
In reading-room mode the import history (it names files and folders) is not
shown, and nothing is exported (no file dialogs there).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ErrorKind
from reader.core.filenames import printable_name
from reader.core.library.import_log import DUPLICATE, IMPORTED, OUTCOMES, REJECTED, ImportEvent
from reader.core.library.statistics import ALL, LibraryStatistics, library_statistics, read_statistics
from reader.core.spreadsheets import csv_text
from reader.gui.common_wording import undated, unknown_publication
from reader.gui.dialogs import export_csv, screen_room
from reader.gui.import_report import ImportWording
from reader.gui.messages import describe
from reader.gui.models.statistics_tables import (
    EXPORT_ROLE,
    LAST,
    SORT_ROLE,
    FigureTable,
    align_headers,
    cell,
    date_cell,
    date_figure,
    figure,
    fit_columns,
    listed_rows,
    number_cell,
    number_figure,
    table_view,
)
from reader.gui.plain_text import text_tooltip
from reader.gui.theme import error_color
from reader.gui.workers import Job

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

TIME_FORMAT = "yyyy-MM-dd HH:mm"
#: The dialog's size where the screen allows it.
PREFERRED_WIDTH, PREFERRED_HEIGHT = 960, 640
#: The tabs, by name (the history is left out in reading-room mode).
PUBLICATIONS, REPORTERS, HISTORY = "publications", "reporters", "history"


class LibraryStatisticsDialog(QDialog):
    """The library's statistics in three tabs, counted in the background (see the module docstring).

    Attributes:
        statistics: the figures shown, None until the first count arrives.
        tabs: Publications, Reporters and (except in reading-room mode) Import History.
        publications_view, reporters_view, history_view: their tables (history_view None in reading-room mode).
        reporter_publication: the Reporters tab's choice of publication (the first item: all of them).
        reporter_find: narrows the reporters listed to names containing its text.
        rejected_only: the Import History tab lists only rejected files.
        export_button: exports the tab shown as CSV (hidden in reading-room mode).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.statistics: LibraryStatistics | None = None
        self.job: Job | None = None
        #: The library changed while a count ran: count again when it is over.
        self._again = False
        self._closed = False
        #: The reader cancelled the count of older issues: a later refresh (an import) does not start it again.
        self._declined = False
        style = self.style()
        #: The history's outcome icons, made here on the GUI thread (the rows are made on the statistics thread).
        self._outcome_icons = {
            REJECTED: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            DUPLICATE: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
            IMPORTED: style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
        }
        self.reading_room = window.kiosk is not None
        self.setWindowTitle(self.tr("Library Statistics"))
        self.setSizeGripEnabled(True)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Counting…"), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._publications_tab(), self.tr("Publications"))
        self.tabs.addTab(self._reporters_tab(), self.tr("Reporters"))
        self.history_view: QTableView | None = None
        if not self.reading_room:
            self.tabs.addTab(self._history_tab(), self.tr("Import History"))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._progress_row())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("Export as CSV…"), self)
        self.export_button.setToolTip(self.tr("Save the table shown, as listed, for a spreadsheet"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_shown)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setVisible(not self.reading_room)  # no file dialogs in reading-room mode
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        room = screen_room(window)
        self.resize(min(PREFERRED_WIDTH, room.width()), min(PREFERRED_HEIGHT, room.height()))
        window.library_changed.connect(self.refresh)
        window.imports.history_changed.connect(self.refresh)
        self.refresh()

    # -- the tabs ---------------------------------------------------------------------------------
    def _publications_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.publications_model = QStandardItemModel(0, 5, page)
        self.publications_model.setHorizontalHeaderLabels(
            [
                self.tr("Publication / year"),
                self.tr("Issues"),
                self.tr("Articles"),
                self.tr("First issue"),
                self.tr("Last issue"),
            ]
        )
        self.publications_model.setSortRole(SORT_ROLE)
        align_headers(self.publications_model, (1, 2), (3, 4))
        self.publications_view = QTreeView(page)
        self.publications_view.setModel(self.publications_model)
        self.publications_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.publications_view.setSortingEnabled(True)
        self.publications_view.setAlternatingRowColors(True)
        self.publications_view.setUniformRowHeights(True)
        self.publications_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        dates = {3: "2022-12-31", 4: "2022-12-31"}
        fit_columns(self.publications_view, {1: "9,999,999", 2: "9,999,999", **dates}, stretch=0)
        layout.addWidget(self.publications_view)
        return page

    def _reporters_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        choose = QHBoxLayout()
        self.reporter_publication = QComboBox(page)
        self.reporter_publication.addItem(self.tr("All publications"))
        self.reporter_publication.currentIndexChanged.connect(self._show_reporters)
        self.reporter_find = QLineEdit(page)
        self.reporter_find.setPlaceholderText(self.tr("Find a reporter"))
        self.reporter_find.setClearButtonEnabled(True)
        choose.addWidget(QLabel(self.tr("Publication"), page))
        choose.addWidget(self.reporter_publication, 1)
        choose.addWidget(self.reporter_find, 1)
        layout.addLayout(choose)
        self.reporters_model = FigureTable(
            [
                self.tr("Reporter"),
                self.tr("Articles"),
                self.tr("Issues"),
                self.tr("First issue"),
                self.tr("Last issue"),
                self.tr("Publications"),
            ],
            page,
        )
        align_headers(self.reporters_model, (1, 2), (3, 4))
        self.reporter_find.textChanged.connect(self._find_reporter)
        samples = {0: "欧阳某某某某", 1: "99,999", 2: "99,999", 3: "2022-12-31", 4: "2022-12-31"}
        self.reporters_view, self.reporters_note = _table_with_note(layout, self.reporters_model, 1, samples, 5)
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.rejected_only = QCheckBox(self.tr("Rejected files only"), page)
        self.rejected_only.toggled.connect(self._filter_history)
        layout.addWidget(self.rejected_only)
        self.history_model = FigureTable(
            [self.tr("Time"), self.tr("File"), self.tr("Result"), self.tr("Reason or matching issue")],
            page,
            styled=self._outcome_looks,
        )
        samples = {
            0: "2022-12-31 23:59",
            1: "北碚报_2021-11-09_第12版.txt",
            2: ImportWording(self).outcome(DUPLICATE) + "MM",
        }
        self.history_view, self.history_note = _table_with_note(layout, self.history_model, 0, samples, 3)
        self.history_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a file's number ends its name
        return page

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop reading issues; what was counted is kept"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress_label, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        self._show_progress(False)
        return row

    def _show_progress(self, shown: bool) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.setVisible(shown)

    # -- counting -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Count again: the catalog at once, then the reporters of issues not counted yet (if any)."""
        if self._closed:
            return
        if self.job is not None:  # the count under way stops; a new one starts when it is over
            self._again = True
            self.job.cancel()
            return
        self._again = False
        library = self.window_.library
        # Parentless, made here on the GUI thread: the rows are worded on the statistics thread, and the dialog
        # (with its children) may be closed and deleted meanwhile.
        wording = None if self.reading_room else ImportWording()
        self._start(lambda job: _with_history(read_statistics(library.catalog), wording, job), self._read)

    def _start(self, work, done) -> None:
        jobs = self.window_.jobs
        self.job = jobs.start(jobs.statistics, work, done, self._failed, self._progress)

    def _read(self, counted: tuple[LibraryStatistics, list | None]) -> None:
        """The catalog's figures: shown at once; the reporters of older issues are counted next."""
        statistics, history = counted
        self.job = None
        if self._closed:
            return
        if self._again:
            self.refresh()
            return
        if statistics.uncounted and not self._declined:
            library = self.window_.library
            self.progress.setRange(0, 0)
            self.progress_label.setText(self.tr("Counting the reporters of issues imported before they were counted…"))
            self.cancel_button.setEnabled(True)
            self._show_progress(True)
            # The catalog's figures just read serve again; counting changes the reporters, not the history.
            self._start(
                lambda job: library_statistics(library, job.report, lambda: job.cancelled, first=statistics),
                self._counted,
            )
        self.show_statistics(statistics, history)

    def _progress(self, done: int, total: int, _name: str) -> None:
        if self._closed or self.job is None or self.job.cancelled:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{QLocale().toString(done)} / {QLocale().toString(total)}")
        text = self.tr("Counting the reporters of issues imported before they were counted: %1 of %2")
        self.progress_label.setText(
            text.replace("%1", QLocale().toString(done)).replace("%2", QLocale().toString(total))
        )

    def _counted(self, statistics: LibraryStatistics) -> None:
        self.job = None
        if self._closed:
            return
        self._show_progress(False)
        if self._again:
            self.refresh()
            return
        self.show_statistics(statistics)

    def _failed(self, error: Exception) -> None:
        self.job = None
        if self._closed:
            return
        self._show_progress(False)
        if self._again:
            self.refresh()
            return
        self.summary.setText(describe(error))
        if self.statistics is not None:  # the reporters' note no longer says they are being read
            self.reporters_note.setText(self._reporters_note(self.chosen_publication()))

    def cancel(self) -> None:
        """Stop reading issues: the figures show what was counted, and say what was not."""
        if self.job is not None:
            self._declined = True
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def done(self, result: int) -> None:
        """The dialog closes: a count under way stops, and its result is dropped."""
        self._closed = True
        if self.job is not None:
            self.job.cancel()
        for signal in (self.window_.library_changed, self.window_.imports.history_changed):
            with contextlib.suppress(RuntimeError, TypeError):  # not connected any more
                signal.disconnect(self.refresh)
        super().done(result)

    # -- showing ------------------------------------------------------------------------------------
    def publication_name(self, publication: object) -> str:
        return publication or unknown_publication()

    def show_statistics(self, statistics: LibraryStatistics, history: list | None = None) -> None:
        """Fill the tabs with `statistics` and the history's `history_rows` (None: the history listed stays).

        Keeps the reader's choices (publication, find, filter, sorting).
        """
        self.statistics = statistics
        issues, articles = statistics.totals()
        reporters = len({credit.reporter for credit in statistics.credits})
        summary = self.tr("%1 publications, %2 issues, %3 articles; %4 reporters credited")
        values = [len(statistics.publications()), issues, articles, reporters]
        for number, value in enumerate(values, start=1):
            summary = summary.replace(f"%{number}", QLocale().toString(value))
        self.summary.setText(summary)
        self._show_publications()
        self._fill_publication_choice()
        self._show_reporters()
        if self.history_view is not None and history is not None:
            self._show_history(history)
        self.export_button.setEnabled(True)

    def _show_publications(self) -> None:
        model = self.publications_model
        view = self.publications_view
        model.removeRows(0, model.rowCount())
        statistics = self.statistics
        bold = QFont(view.font())
        bold.setBold(True)
        for publication in statistics.publications():
            name = self.publication_name(publication)
            issues, articles = statistics.totals(publication)
            years = [row for row in statistics.publication_years if row.publication == publication]
            first = min((row.first for row in years if row.first), default=None)
            last = max((row.last for row in years if row.last), default=None)
            parent = cell(name, publication if publication else LAST)
            row = [parent, number_cell(issues), number_cell(articles), date_cell(first), date_cell(last)]
            for item in row:
                item.setFont(bold)
            for year_row in years:
                year = str(year_row.year) if year_row.year is not None else undated()
                year_item = cell(year, year_row.year if year_row.year is not None else 99999, year)
                numbers = [number_cell(year_row.issues), number_cell(year_row.articles)]
                parent.appendRow([year_item, *numbers, date_cell(year_row.first), date_cell(year_row.last)])
            model.appendRow(row)
        header = view.header()
        model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        view.expandAll()

    def _fill_publication_choice(self) -> None:
        choice = self.reporter_publication
        chosen = choice.currentData() if choice.currentIndex() > 0 else ALL
        publications = self.statistics.publications()
        choice.blockSignals(True)
        while choice.count() > 1:
            choice.removeItem(1)
        for publication in publications:
            choice.addItem(self.publication_name(publication), publication)
        if chosen is not ALL and chosen in publications:
            choice.setCurrentIndex(publications.index(chosen) + 1)
        else:
            choice.setCurrentIndex(0)
        choice.blockSignals(False)

    def chosen_publication(self) -> object:
        """The publication the Reporters tab shows, or ALL."""
        choice = self.reporter_publication
        return choice.currentData() if choice.currentIndex() > 0 else ALL

    def _show_reporters(self) -> None:
        statistics = self.statistics
        if statistics is None:
            return
        publication = self.chosen_publication()
        separator = self.tr(", ")
        self.reporters_model.set_rows(
            [
                [
                    figure(credit.reporter),
                    number_figure(credit.articles),
                    number_figure(credit.issues),
                    date_figure(credit.first),
                    date_figure(credit.last),
                    figure(separator.join(self.publication_name(name) for name in credit.publications)),
                ]
                for credit in statistics.reporters(publication)
            ]
        )
        self.reporters_note.setText(self._reporters_note(publication))

    def _reporters_note(self, publication: object) -> str:
        """Articles that credit no one; issues whose reporters are not counted, and why."""
        statistics = self.statistics
        locale = QLocale()
        notes = [
            self.tr("%1 articles credit no reporter (notices, advertisements and most briefs among them).").replace(
                "%1", locale.toString(statistics.uncredited_articles(publication))
            )
        ]
        uncounted = len(statistics.uncounted)
        if uncounted and (statistics.stopped or self._declined):
            text = self.tr("Stopped: the reporters of %1 issues are not counted; open the statistics again to go on.")
            notes.append(text.replace("%1", locale.toString(uncounted)))
        elif uncounted and self.job is None:
            text = self.tr("The reporters of %1 issues are not counted: their stored copies could not be read.")
            notes.append(text.replace("%1", locale.toString(uncounted)))
        elif uncounted:
            text = self.tr("The reporters of %1 issues imported before they were counted are being read.")
            notes.append(text.replace("%1", locale.toString(uncounted)))
        if statistics.counted and not statistics.stored and self.window_.library.read_only:
            notes.append(
                self.tr(
                    "The library can only be read here: these reporters are counted again when the reader is next started."
                )
            )
        elif statistics.counted and not statistics.stored:
            notes.append(
                self.tr(
                    "These reporters could not be saved in the catalog (is the disk full?): they are counted again "
                    "when the reader is next started."
                )
            )
        return " ".join(notes)

    def _find_reporter(self, text: str) -> None:
        """List the reporters whose name holds `text` (case aside), all of them for none."""
        needle = text.strip().casefold()
        self.reporters_model.set_filter((lambda row: needle in row[0].text.casefold()) if needle else None)

    def _outcome_looks(self, made, role: int) -> object:
        """A history row's outcome cell: its icon, and the error colour of the theme shown for a rejected file."""
        if made.outcome is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._outcome_icons.get(made.outcome)
        if role == Qt.ItemDataRole.ForegroundRole and made.outcome == REJECTED:  # easy to pick out, on either theme
            return QColor(error_color(self.palette()))
        return None

    def _show_history(self, rows: list) -> None:
        self.history_model.set_rows(rows)
        self.history_note.setText(self._history_note())

    def _history_note(self) -> str:
        """How many files were rejected, and what the history cannot tell: files rejected before it was kept."""
        statistics = self.statistics
        rejected = sum(1 for event in statistics.history if event.rejected)
        note = self.tr("%1 files rejected.").replace("%1", QLocale().toString(rejected))
        if not statistics.history_kept:
            text = self.tr(
                "This library's catalog was made by an older version of the reader, which kept no import history: "
                "its issues are listed with the time they were imported; files rejected then are not known."
            )
        elif all(event.logged for event in statistics.history):
            return note
        elif statistics.history_since is None:
            text = self.tr(
                "The history is kept from now on; issues imported before are listed with the time they were "
                "imported, files rejected then are not known."
            )
        else:
            since = QDateTime.fromMSecsSinceEpoch(round(statistics.history_since * 1000)).toString(TIME_FORMAT)
            text = self.tr(
                "The history is kept from %1; issues imported before are listed with the time they were "
                "imported, files rejected then are not known."
            ).replace("%1", since)
        return f"{note} {text}"

    def _filter_history(self, rejected_only: bool) -> None:
        self.history_model.set_filter((lambda row: row[2].outcome == REJECTED) if rejected_only else None)

    # -- exporting ----------------------------------------------------------------------------------
    def shown_tab(self) -> str:
        return (PUBLICATIONS, REPORTERS, HISTORY)[self.tabs.currentIndex()]

    def export_text(self, tab: str) -> str:
        """The tab's table as CSV, as listed (sorted, filtered); numbers as plain numbers, files as whole paths."""
        if tab != PUBLICATIONS:
            return csv_text(listed_rows(self.reporters_model if tab == REPORTERS else self.history_model))
        model = self.publications_model  # one row per publication and year, the publication on each
        headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(1, model.columnCount())]
        rows = [[self.tr("Publication"), self.tr("Year"), *headers]]
        for row in range(model.rowCount()):
            parent = model.item(row, 0)
            for child in range(parent.rowCount()):
                cells = [parent.child(child, column).data(EXPORT_ROLE) for column in range(model.columnCount())]
                rows.append([parent.text(), *cells])
        return csv_text(rows)

    def export_shown(self) -> None:
        """Save the tab shown as CSV, where the reader chooses (the bookmarks' export folder is offered)."""
        if self.statistics is None:
            return
        tab = self.shown_tab()
        names = {
            PUBLICATIONS: self.tr("issues per publication and year.csv"),
            REPORTERS: self.tr("reporters.csv"),
            HISTORY: self.tr("import history.csv"),
        }
        export_csv(self, self.window_, self.tr("Export as CSV"), names[tab], self.export_text(tab))


def _table_with_note(
    layout: QVBoxLayout, model: FigureTable, sort_column: int, samples: dict[int, str], stretch: int
) -> tuple[QTableView, QLabel]:
    """A table filling the rest of a tab's layout, largest first by `sort_column`, and a note under it."""
    page = layout.parentWidget()
    view = table_view(page, model)
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
    fit_columns(view, samples, stretch=stretch)
    layout.addWidget(view, 1)
    note = QLabel(page)
    note.setWordWrap(True)
    layout.addWidget(note)
    return view, note


def _with_history(
    statistics: LibraryStatistics, wording: ImportWording | None, job
) -> tuple[LibraryStatistics, list | None]:
    """The figures and the history's rows (None without `wording`: no history shown), made where the figures
    are: on the statistics thread.

    An archive's history holds a row per file ever imported (10,000 and more):
    made on the GUI thread they took half a second at every refresh.
    """
    if wording is None or job.cancelled:  # no history shown, or the dialog closed
        return statistics, None
    return statistics, history_rows(statistics, wording)


def history_rows(statistics: LibraryStatistics, wording: ImportWording) -> list:
    """The Import History's rows: plain cells, made on any thread (icons and colours come at painting).

    `wording` is an ImportWording of no parent: it outlives a dialog closed while the rows are made.
    """
    rows = []
    for event in statistics.history:
        when = QDateTime.fromMSecsSinceEpoch(round(event.at * 1000)).toString(TIME_FORMAT)
        path = printable_name(event.source)
        name = printable_name(Path(event.source).name)
        outcome = figure(wording.outcome(event.outcome) if event.outcome in OUTCOMES else event.outcome)
        outcome.outcome = event.outcome
        detail = event_detail(event, statistics, wording)
        file_cell, detail_cell = figure(name, name, path), figure(detail)
        file_cell.tooltip, detail_cell.tooltip = text_tooltip(path), text_tooltip(detail)
        rows.append([figure(when, event.at), file_cell, outcome, detail_cell])
    return rows


def event_detail(event: ImportEvent, statistics: LibraryStatistics, wording: ImportWording) -> str:
    """Why a file was rejected, or the issue it became or matched, in the import report's words."""
    record = statistics.issues.get(event.issue) if event.issue else None
    if event.outcome == REJECTED:
        try:
            return describe(ErrorKind(event.reason), event.detail)
        except ValueError:  # a reason a later version of the reader wrote
            return event.reason or ""
    if event.outcome == DUPLICATE:
        return wording.duplicate_detail(record, str(event.detail.get("existing", "")))
    articles = int(event.detail.get("articles", 0) or 0)
    damaged = int(event.detail.get("damaged_characters", 0) or 0)
    detail = wording.imported_detail(record, event.issue or "", articles, damaged)
    if record is None:
        detail += QCoreApplication.translate("LibraryStatisticsDialog", "; removed from the library since")
    return detail
