"""The reader window: it builds its parts and wires them together.

Thin by design.  The library and the searcher live in reader.core; the
window's parts each have one concern and a module of their own:
  jobs.JobRunner            the worker threads (writer, search, reading) and closing within seconds;
  live_searcher.LiveSearcher  when the searcher may open and must reopen;
  search_controller         the search box, the results panel, paging;
  imports.Imports           imports from dialogs, drops, the inbox and watched folders;
  index_jobs, removal, corrections  Rebuild Index, the start-up repair's progress, removing, correcting;
  issue_loader.IssueLoader  issues read and parsed off the GUI thread, the recent ones kept;
  history.History           Back and Forward;
  library_watch.LibraryWatch  what another process or PC wrote to the library, shown without a restart;
  actions.WindowActions     menus, toolbar and shortcuts;
  models/                   the issue tree and the hit list.
What is left here is the tree and the article pane (which article is open,
and only the reader's own action changes it), the window's remembered
state, and the small commands that need no module of their own.

Signals:
    library_changed(): the library's contents changed (tree rebuilt).
    search_done(object): a SearchResult reached the results panel.
    import_done(object): an ImportReport came back from the worker.
    correction_done(str): an issue's details were corrected (its id).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeView,
    QWidget,
)
from shiboken6 import isValid

from reader.config import Paths, seeds_dir
from reader.core.library.catalog import IssueRecord
from reader.core.library.library import ImportReport, Library
from reader.core.model import Issue
from reader.core.reading import article_view
from reader.core.search.results import Hit
from reader.gui.actions import LANGUAGES, WindowActions
from reader.gui.article_export import ArticleExport
from reader.gui.article_view import ArticlePane, KeptPlace
from reader.gui.bookmarks_panel import BookmarksPanel
from reader.gui.citations import Citations
from reader.gui.corrections import IssueCorrections
from reader.gui.dialogs import FolderPathDialog, WatchedFoldersDialog, bring_to_front
from reader.gui.first_start import opening_issue, welcome_html
from reader.gui.history import History
from reader.gui.imports import Imports
from reader.gui.inbox import InboxWatcher
from reader.gui.index_jobs import IndexJobs
from reader.gui.issue_loader import IssueLoader
from reader.gui.jobs import JobRunner
from reader.gui.kiosk import KioskMode
from reader.gui.library_backup import LibraryBackup
from reader.gui.library_watch import LibraryWatch
from reader.gui.live_searcher import LiveSearcher
from reader.gui.messages import describe
from reader.gui.models.issue_tree import IssueTreeModel
from reader.gui.plain_text import plain_message
from reader.gui.read_only import ReadOnlyLibrary
from reader.gui.reading_positions import ReadingPositions
from reader.gui.reading_room_lock import ReadingRoomLock
from reader.gui.removal import IssueRemoval
from reader.gui.search_controller import SearchController
from reader.gui.search_panel import SearchPanel
from reader.gui.setting_values import number_setting
from reader.gui.status_progress import StatusProgress
from reader.gui.theme import WindowTheme, initial_theme
from reader.gui.window_size import ASSUMED_FRAME, window_frame
from reader.gui.workers import Job

DEFAULT_FONT_SIZE = 15
MIN_FONT_SIZE, MAX_FONT_SIZE = 10, 32
#: How long a closing window waits for running jobs to stop (they stop between two issues).
CLOSE_WAIT_MS = 5000
#: Beside the library: which files of the user's watched folders were already handled.
WATCHED_RECORD = "watched-files.json"


class MainWindow(QMainWindow):
    """The main window of the reader (see the module docstring)."""

    library_changed = Signal()
    search_done = Signal(object)
    import_done = Signal(object)
    correction_done = Signal(str)

    def __init__(self, paths: Paths, library: Library, settings: QSettings, kiosk: bool = False) -> None:
        """`kiosk`: reading-room mode (gui.kiosk); the library must then be opened read only."""
        super().__init__()
        self.paths = paths
        self.library = library
        self.settings = settings
        self.jobs = JobRunner(self.show_error, self)
        self.searcher = LiveSearcher(paths.index_dir, self.jobs)
        self.issues = IssueLoader(library.load_issue, self.jobs, self)
        self.history = History()
        #: The issue calendar and the statistics dialog, while open (None until first asked for).
        self.issue_calendar: QWidget | None = None
        self.library_statistics: QWidget | None = None
        #: The article shown: (issue id, ordinal).
        self.current: tuple[str, int] | None = None
        #: The catalog's records the tree shows (read off the GUI thread at start, again after each write).
        self.records: list[IssueRecord] = []
        #: The article the reader asked for last, shown once its issue is read (see open_article).
        self._wanted: tuple[str, int] | None = None
        #: Issues are shown whole, as one scroll (View → Whole Issue), with each one's place remembered.
        self.whole_issue = str(settings.value("whole_issue", "false")).lower() == "true"
        self.reading_positions = ReadingPositions(settings)
        #: The issue the pane shows whole, if it does.
        self._whole_issue_id: str | None = None
        self.font_size = int(number_setting(settings, "font_size", DEFAULT_FONT_SIZE))
        self.theme = initial_theme(settings.value("theme"))
        self.window_theme = WindowTheme(QGuiApplication.instance())

        self.setWindowTitle(self.tr("Newspaper Reader"))
        self.setAcceptDrops(True)
        self._build_widgets()
        self.imports = Imports(self)
        self.imports.import_done.connect(self.import_done)
        self.index_jobs = IndexJobs(self)
        self.removal = IssueRemoval(self)
        self.corrections = IssueCorrections(self)
        self.corrections.corrected.connect(self.correction_done)
        self.citations = Citations(self)
        self.article_export = ArticleExport(self)
        self.backup = LibraryBackup(self)
        self.reading_room_lock = ReadingRoomLock(self)
        self.bookmarks_panel = BookmarksPanel(self)
        self.bookmarks_panel.open_requested.connect(lambda issue_id, ordinal: self.open_article(issue_id, ordinal))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.bookmarks_panel)
        self.bookmarks_panel.hide()  # until asked for (View → Bookmarks) or a bookmark is made; the layout remembers
        self.actions_ = WindowActions(self, str(settings.value("language", "")))
        self._update_history_actions()
        self._restore_layout()
        self.apply_theme()
        # The catalog is read on the reading thread once the event loop runs: a 10,000-issue archive's
        # records took a quarter of a second, and the window is painted first; the tree fills when they arrive.
        self.tree_pending = True
        QTimer.singleShot(
            0, lambda: self.jobs.start(self.jobs.reading, lambda job: self.library.records(), self._first_records)
        )
        self.inbox = InboxWatcher(
            paths.inbox_dir,
            self._watched_folders(),
            paths.data_dir / WATCHED_RECORD,
            self,
            active=not library.read_only,
        )
        self.inbox.files_ready.connect(self.imports.import_inbox_files)
        #: Shows what another process or PC wrote to the library (a reading room's shared library).
        self.library_watch = LibraryWatch(self)
        #: Set on a library that may only be read here (read_only): nothing changes it from this window.
        self.read_only = None
        self.kiosk: KioskMode | None = None
        if kiosk:
            self.read_only = ReadOnlyLibrary(
                self, self.tr("Reading-room mode: reading and searching only"), self.tr("Reading room")
            )
            self.kiosk = KioskMode(self)
        elif library.read_only:
            self.read_only = ReadOnlyLibrary(self)

    # -- construction ----------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.tree_model = IssueTreeModel(self._article_titles, self)
        self.issues.titles_ready.connect(self._titles_ready)
        self.tree = QTreeView(self)
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        # Four levels (publication, year, month, issue) above an article: Qt's 20 px a level would leave
        # a narrow tree (a laptop at 125 %) three or four characters of each title.
        self.tree.setIndentation(max(12, self.fontMetrics().horizontalAdvance("中")))
        self.tree.activated.connect(self._tree_activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.selectionModel().currentChanged.connect(lambda current, _previous: self._tree_activated(current))
        self.article = ArticlePane(self)
        self.article.match_changed.connect(self._match_changed)
        self.article.article_in_view.connect(self._article_scrolled_in)
        self.results = SearchPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.tree, self.article, self.results):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.setCentralWidget(self.splitter)

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search the archive (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip(self.syntax_help())
        self.search_box.setMinimumWidth(360)
        self.searching = SearchController(self.search_box, self.results, self.searcher, self.jobs)
        self.searching.search_done.connect(self.search_done)
        self.searching.hit_opened.connect(self.open_hit)
        self.searching.search_cleared.connect(self._search_cleared)

        self.library_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.hide()
        self.match_label = QLabel(self)
        status = self.statusBar()
        status.addWidget(self.library_label)
        status.addPermanentWidget(self.match_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self.status_progress = StatusProgress(status, self.progress, self.cancel_button)

    # -- the window's commands, for its parts, drops, a second start and tests ----------------
    @property
    def back_action(self):
        return self.actions_.back

    @property
    def forward_action(self):
        return self.actions_.forward

    @property
    def dark_action(self):
        return self.actions_.dark_theme

    def import_paths(self, paths: list[str], on_done=None, from_inbox: bool = False) -> Job:
        return self.imports.import_paths(paths, on_done, from_inbox)

    def run_search(self) -> None:
        self.searching.run()

    def cancel_import(self) -> None:
        """Cancel: the import or rebuild under way stops after the file or issue at hand."""
        self.status_progress.cancel()

    # -- state -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty() and self.restoreGeometry(geometry)
        self._fit_to_screen(self.geometry() if restored else None)
        for key, restore in (("window_state", self.restoreState), ("splitter", self.splitter.restoreState)):
            value = self.settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)

    def _fit_to_screen(self, saved: QRect | None) -> None:
        """Open inside the available area of the screen (see window_size); maximized or full screen stays so."""
        if self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            return
        saved_frame = saved.marginsAdded(ASSUMED_FRAME) if saved is not None else None
        screen = (QGuiApplication.screenAt(saved_frame.center()) if saved_frame else None) or self.screen()
        frame = window_frame(screen.availableGeometry(), saved_frame)
        self.setGeometry(frame.marginsRemoved(ASSUMED_FRAME))

    def save_state(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("font_size", self.font_size)
        self.settings.setValue("theme", self.theme)
        self.settings.setValue("whole_issue", self.whole_issue)
        if self.current:
            self.settings.setValue("last_article", f"{self.current[0]}:{self.current[1]}")
        self._remember_place()
        self.reading_positions.save()
        self.settings.sync()

    def restore_last_article(self) -> None:
        value = str(self.settings.value("last_article", ""))
        issue_id, _, ordinal = value.partition(":")
        if issue_id and ordinal.isdigit() and self.library.catalog.contains(issue_id):
            # A whole issue where the reader left it (save_state keeps the place), not at the article's start.
            left = self.reading_positions.get(issue_id)
            place = left[1] if self.whole_issue and left is not None and left[0] == int(ordinal) else None
            self.open_article(issue_id, int(ordinal), place=place)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Close within seconds whatever runs: long jobs stop between two issues, nothing waits on the GUI.

        Nothing the jobs need may come from this thread while it waits: the
        index-ready flag is set by the repair job itself, and released here too
        so that a search waiting for it gives up.
        """
        self.save_state()
        self.library_watch.stop()
        if self.kiosk is not None:
            self.kiosk.stop()
        self.jobs.closing = True
        self.searcher.release_waiters()
        self.jobs.close(CLOSE_WAIT_MS)
        super().closeEvent(event)

    def show_error(self, error: Exception | str) -> None:
        """Tell of an error in a message box: a core error worded in the interface language (messages)."""
        if self.jobs.closing:
            return  # a job stopped by the close: nothing to tell
        message = error if isinstance(error, str) else describe(error)
        QMessageBox.warning(self, self.tr("Newspaper Reader"), plain_message(message))  # file names as typed

    def show_not_saved(self, path: object, error: Exception) -> None:
        """A file the reader asked for (a PDF, an export, a backup) could not be written: name it and say why."""
        self.show_error(self.tr("Could not save %1: %2").replace("%1", str(path)).replace("%2", str(error)))

    def start_background_work(self, import_seeds_if_empty: bool) -> None:
        """Repair the library, warm up search, and on a first start import the sample issues."""
        library, searcher = self.library, self.searcher
        if library.read_only:  # nothing to repair, nothing to import: search the index as it is
            searcher.index_ready.set()
            searcher.warm_up()
            return

        def repair(job: Job):
            try:
                return library.repair(cancelled=lambda: job.cancelled, progress=job.report)
            finally:
                # Set here, on the worker, not in a slot: a closing window blocks its event loop
                # while it waits for the search thread, which waits for this flag.
                searcher.index_ready.set()

        def repaired_then_look(_report) -> None:
            self.refresh_tree()
            self.inbox.look_soon()  # files that arrived while the window was closed

        self.index_jobs.follow_repair(self.jobs.start(self.jobs.writer, repair, repaired_then_look))
        self.searcher.warm_up()
        if import_seeds_if_empty and self.library.is_new():
            self.article.show_notice(welcome_html(importing_samples=True))
            self.import_paths([str(seeds_dir())], on_done=self._samples_imported)

    def _samples_imported(self, _report: ImportReport) -> None:
        if self.current is None and self._wanted is None:  # none came in (cancelled): no promise left
            self.article.show_notice(welcome_html(importing_samples=False))

    # -- the tree and the article pane ------------------------------------------------------
    def _expanded_keys(self) -> set[tuple]:
        return {self.tree_model.node(index).key for index in self.tree_model.walk(self.tree.isExpanded)}

    def _first_records(self, records: list[IssueRecord]) -> None:
        """The catalog as read at start-up: the first tree (unless a write has refreshed it meanwhile)."""
        if self.tree_pending:
            self.refresh_tree(records)

    def refresh_tree(self, records: list[IssueRecord] | None = None) -> None:
        """Rebuild the tree from the catalog, keeping open branches open and the open article in view."""
        self.tree_pending = False
        if records is None:
            records = self.library.records()
        self.records = records
        expanded = self._expanded_keys()
        self.tree_model.set_records(records)
        for index in self.tree_model.indexes_of_keys(expanded):
            self.tree.expand(index)
        issues = len(records)
        articles = sum(record.articles for record in records)
        self.library_label.setText(
            self.tr("%1 issues, %2 articles").replace("%1", str(issues)).replace("%2", str(articles))
        )
        if self.current and self.library.catalog.contains(self.current[0]):
            self._show_in_tree(*self.current)  # the rebuilt tree keeps the open article in view
        elif records and self._wanted is None:
            self.open_article(opening_issue(records).id, 0)
        self.library_changed.emit()

    def _article_titles(self, record: IssueRecord) -> list[str] | None:
        """The tree's titles of an issue's articles: None while the issue is read (they arrive by signal)."""
        titles = self.issues.titles(record.id)
        if titles is None:
            self.issues.load(record.id)
        return titles

    def _titles_ready(self, issue_id: str, titles: list[str]) -> None:
        """An issue was read: the tree lists its articles if it was expanded, and selects the open one."""
        self.tree_model.set_titles(issue_id, titles)
        if self.current and self.current[0] == issue_id:
            self._show_in_tree(*self.current)

    def _tree_activated(self, index) -> None:
        node = self.tree_model.node(index)
        if node.kind == "article" and node.record is not None and node.ordinal is not None:
            if self.current != (node.record.id, node.ordinal):
                self.open_article(node.record.id, node.ordinal)
        elif node.kind == "issue" and node.record is not None and self.whole_issue:
            if self.current is None or self.current[0] != node.record.id:
                self.open_issue(node.record.id)

    def open_issue(self, issue_id: str) -> None:
        """Open an issue: read whole, where the reader left it in the scroll; an article at a time, at its start.

        (Places are kept only of issues read whole: an article remembered from then is no place to start now.)
        """
        left = self.reading_positions.get(issue_id) if self.whole_issue else None
        if left is None:
            self.open_article(issue_id, 0)
        else:
            self.open_article(issue_id, left[0], place=left[1])

    def set_whole_issue(self, whole: bool) -> None:
        """View → Whole Issue: show issues as one scroll, or an article at a time; the open article stays."""
        if whole == self.whole_issue:
            return
        self._remember_place()
        self.whole_issue = whole
        self.settings.setValue("whole_issue", whole)
        if self.current:
            self.open_article(*self.current, remember=False)

    def _article_scrolled_in(self, ordinal: int) -> None:
        """In a whole issue, the article at the top of the view is the open one: the tree follows."""
        if self._whole_issue_id is None or self.article.views is None:
            return
        self.current = (self._whole_issue_id, ordinal)
        self._show_in_tree(self._whole_issue_id, ordinal)
        self._remember_place()

    def _remember_place(self) -> None:
        """Keep where the reader is in the issue shown whole (reading_positions)."""
        if self._whole_issue_id is not None and self.article.views is not None and self.article.view is not None:
            self.reading_positions.remember(
                self._whole_issue_id, self.article.view.ordinal, self.article.place_to_keep()
            )

    def open_article(
        self,
        issue_id: str,
        ordinal: int,
        remember: bool = True,
        needles: tuple[str, ...] = (),
        place: KeptPlace | None = None,
    ) -> None:
        """Show an article, highlighting `needles` (given only for a hit), and select it in the tree.

        The issue is read on the reading thread unless it is kept already; if
        the reader asks for another article meanwhile, this one is not shown.
        `place`: in a whole issue, a reading position to return to (open_issue).
        """
        wanted = self._wanted = (issue_id, ordinal)

        def show(issue: Issue) -> None:
            if self._wanted == wanted:
                self._wanted = None
                self._show_article(issue, issue_id, ordinal, remember, needles, place)

        def not_read() -> None:
            if self._wanted == wanted:
                self._wanted = None

        self.issues.load(issue_id, show, not_read)

    @property
    def opening(self) -> tuple[str, int] | None:
        """The article asked for and not shown yet (its issue is being read), else None."""
        return self._wanted

    def meta_labels(self) -> dict[str, str]:
        """The words of an article's header line, in the interface language (the pane and printouts)."""
        return {
            "page": self.tr("page %1"),
            "reporters": self.tr("reporters: %1"),
            "position": self.tr("article %1 of %2"),
        }

    def _show_article(
        self,
        issue: Issue,
        issue_id: str,
        ordinal: int,
        remember: bool,
        needles: tuple[str, ...],
        place: KeptPlace | None = None,
    ) -> None:
        if not 0 <= ordinal < len(issue.articles):
            if place is None or not issue.articles:
                return
            ordinal, place = 0, None  # a kept place in an article the issue no longer has: its start instead
        self._remember_place()  # of the issue the pane leaves, or of the place it leaves in it
        self.current = (issue_id, ordinal)
        if remember:
            self.history.visit(issue_id, ordinal, needles)
        self._update_history_actions()
        if not self.whole_issue:
            self._whole_issue_id = None
            self.article.show_article(article_view(issue, ordinal), list(needles), self.meta_labels())
        elif self._whole_issue_id == issue_id and self.article.views is not None and not needles and place is None:
            self.article.go_to_article(ordinal)  # the same issue: only scrolled
        else:
            self._whole_issue_id = issue_id
            views = [article_view(issue, number) for number in range(len(issue.articles))]
            self.article.show_issue(views, ordinal, list(needles), self.meta_labels(), place)
            self.current = (issue_id, self.article.view.ordinal)
        self._show_in_tree(*self.current)

    def _show_in_tree(self, issue_id: str, ordinal: int) -> None:
        """Select the open article in the tree, expanding the way to it.

        The selection model's signals stay on, so the tree repaints its highlight;
        `_tree_activated` opens nothing because the article is `current` already.
        """
        index = self.tree_model.index_of_article(issue_id, ordinal)
        if not index.isValid() or self.tree.currentIndex() == index:
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def step_article(self, step: int) -> None:
        if self.current:
            self.open_article(self.current[0], self.current[1] + step)

    def go_history(self, step: int) -> None:
        visit = self.history.step(step)
        if visit is not None:
            issue_id, ordinal, needles = visit
            self.open_article(issue_id, ordinal, remember=False, needles=needles)

    def forget_reading(self) -> None:
        """What was read and where, for the reading room's next reader: no places, no Back or Forward.

        The issue on the pane is let go first, or leaving it would keep its place again.
        """
        self._whole_issue_id = None
        self.reading_positions.forget_all()
        self.history.clear()
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def _match_changed(self, current: int, total: int) -> None:
        self.match_label.setText(
            self.tr("match %1 of %2").replace("%1", str(current)).replace("%2", str(total)) if total else ""
        )

    def open_hit(self, hit: Hit, needles: tuple[str, ...] = ()) -> None:
        if self.library.catalog.contains(hit.issue):
            self.open_article(hit.issue, hit.ordinal, needles=needles)

    def _search_cleared(self) -> None:
        """The search box was emptied: no article keeps the search's highlights, nor will Back bring them."""
        self.history.forget_needles()
        self.article.clear_highlights()

    # -- library commands -------------------------------------------------------------------------
    def rebuild_index(self) -> Job | None:
        """Rebuild the index from the stored originals; searches use the old one until it is done (index_jobs)."""

        def done(_count: int) -> None:
            self.searcher.library_written()
            self.refresh_tree()

        return self.index_jobs.rebuild(done)

    def open_folder(self, folder: Path) -> None:
        """Open a folder in the file manager; where there is none (a locked-down PC), show its path to copy."""
        with contextlib.suppress(OSError):  # a library that may only be read: its inbox may not be there
            folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            dialog = FolderPathDialog(str(folder), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

    # -- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            if self.read_only is not None:
                self.read_only.refuse_drop()
                return
            event.acceptProposedAction()
            self.statusBar().showMessage(self.tr("Drop to import these issues"))

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.statusBar().clearMessage()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- reading comfort ---------------------------------------------------------------------------
    def change_font(self, step: int) -> None:
        self.font_size = (
            DEFAULT_FONT_SIZE if step == 0 else max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, self.font_size + step))
        )
        self.apply_theme()

    def toggle_theme(self) -> None:
        self.theme = "dark" if self.dark_action.isChecked() else "light"
        self.apply_theme()

    def apply_theme(self) -> None:
        """Theme to the whole window, theme and text size to the article pane (which keeps the reader's place)."""
        self.window_theme.apply(self.theme)
        self.article.set_appearance(self.theme, self.font_size)

    def _beside(self, open_now: QWidget | None, make: Callable[[], QWidget]) -> QWidget:
        """A dialog beside the window (not modal, deleted on close): the one open already brought forward,
        else a new one from `make()` (a second would only duplicate, or wait behind, the first)."""
        if open_now is not None and isValid(open_now) and open_now.isVisible():
            bring_to_front(open_now)
            return open_now
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_issue_calendar(self) -> None:
        """View → Issue Calendar…: beside the window, so that a day's issue can be read from it."""
        from reader.gui.issue_calendar_dialog import IssueCalendarDialog  # on first use: not at start-up

        self.issue_calendar = self._beside(self.issue_calendar, lambda: IssueCalendarDialog(self))

    def show_library_statistics(self) -> None:
        """View → Library Statistics…: beside the window; it counts in the background."""
        from reader.gui.library_statistics_dialog import LibraryStatisticsDialog  # on first use

        self.library_statistics = self._beside(self.library_statistics, lambda: LibraryStatisticsDialog(self))

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def syntax_help(self) -> str:
        # One literal, so that lupdate finds it.
        return self.tr(
            '疫苗 接种 — both words\n疫苗 OR 核酸 — either\n疫苗 -儿童 — without 儿童\n"核酸检测采样" — the exact phrase\ntitle:文明 — in the headline\ndate:2021-11 or date:2021-01-01..2021-12-31 — by date\npublication:北碚报 — in that paper only'
        )

    def show_syntax_help(self) -> None:
        QMessageBox.information(self, self.tr("Search Syntax"), self.syntax_help())

    # -- other instances, settings, corrections ------------------------------------------------------
    def receive_hand_over(self, files: list[str]) -> None:
        """A later start of the app on this library: come forward and import what it was given."""
        bring_to_front(self)
        if files:
            self.import_paths(files)

    def choose_language(self, value: str) -> None:
        self.settings.setValue("language", value)
        for action, (option, _name) in zip(self.actions_.language_menu.actions(), LANGUAGES, strict=True):
            action.setChecked(option == value)
        QMessageBox.information(
            self, self.tr("Language"), self.tr("The new language is used from the next start of the reader.")
        )

    def _watched_folders(self) -> list[Path]:
        value = self.settings.value("watched_folders", [])
        folders = [value] if isinstance(value, str) else list(value or [])
        return [Path(folder) for folder in folders if folder]

    def edit_watched_folders(self) -> None:
        dialog = WatchedFoldersDialog(str(self.paths.inbox_dir), [str(f) for f in self._watched_folders()], self)
        if dialog.exec():
            self.set_watched_folders(dialog.folders())

    def set_watched_folders(self, folders: list[str]) -> None:
        self.settings.setValue("watched_folders", folders)
        self.inbox.set_folders([Path(folder) for folder in folders])

    def forget_issues(self, issue_ids: set[str]) -> None:
        """Issues removed, here or on another PC: out of the cache and Back/Forward, and off the pane if open there."""
        self.issues.forget(issue_ids)
        self.history.forget_issues(issue_ids)
        self._update_history_actions()
        if self._wanted and self._wanted[0] in issue_ids:
            self._wanted = None
        if self.current and self.current[0] in issue_ids:
            self.current = None
            self.article.show_notice(welcome_html(importing_samples=False))

    def _tree_menu(self, position) -> None:
        node = self.tree_model.node(self.tree.indexAt(position))
        if node.record is None:
            return
        menu = QMenu(self)
        correct = menu.addAction(
            self.tr("Correct Issue Details…"), lambda: self.corrections.correct_issue(node.record.id)
        )
        correct.setEnabled(self.read_only is None)
        menu.addAction(self.removal.action)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def issues_removed(self, issue_ids: set[str]) -> None:
        """Forget removed issues (history, the open article), then show and search the library as it is now."""
        self.forget_issues(issue_ids)
        self.refresh_tree()
        self.searcher.library_written(then=self.searching.run)  # a removal leaves a current index
