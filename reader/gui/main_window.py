"""The reader window: issue tree, article pane, search, imports, and remembered state.

Thin by design: the library and the searcher live in reader.core; long work
(import, repair, rebuild, search) runs as `Job`s on two single-thread pools,
one that writes the library and one that searches it, so a search never waits
for an import and two writers never meet.

Signals:
    library_changed(): the library's contents changed (tree rebuilt).
    search_done(object): a SearchResult reached the results panel.
    import_done(object): an ImportReport came back from the worker.
    correction_done(str): an issue's details were corrected (its id).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeView,
)

from reader.config import Paths, seeds_dir
from reader.core.errors import Stopped
from reader.core.library.catalog import IssueRecord
from reader.core.library.library import WRITING_INDEX, ImportReport, Library
from reader.core.model import Issue
from reader.core.reading import article_view
from reader.core.search.analysis import jieba_tokenizer
from reader.core.search.query import parse_query
from reader.core.search.searcher import Hit, Searcher, SearchResult
from reader.gui.article_view import ArticlePane
from reader.gui.dialogs import CorrectionDialog, FolderPathDialog, WatchedFoldersDialog
from reader.gui.first_start import opening_issue, welcome_html
from reader.gui.import_report import ImportReportDialog, ImportWording
from reader.gui.inbox import InboxWatcher
from reader.gui.index_jobs import IndexJobs
from reader.gui.issue_tree import IssueTreeModel
from reader.gui.messages import describe
from reader.gui.models.hits import HitQuery
from reader.gui.removal import IssueRemoval
from reader.gui.search_panel import SearchPanel
from reader.gui.status_progress import StatusProgress
from reader.gui.theme import WindowTheme, initial_theme
from reader.gui.window_size import ASSUMED_FRAME, window_frame
from reader.gui.workers import Job

DEFAULT_FONT_SIZE = 15
MIN_FONT_SIZE, MAX_FONT_SIZE = 10, 32
#: Hits searched at a time: the first page with the search, the next ones as the reader scrolls to the end.
SEARCH_PAGE = 50
ISSUE_CACHE = 16
#: How long a closing window waits for running jobs to stop (they stop between two issues).
CLOSE_WAIT_MS = 5000
#: Beside the library: which files of the user's watched folders were already handled.
WATCHED_RECORD = "watched-files.json"
#: Interface languages offered in the View menu: (settings value, name in its own language).
LANGUAGES = (("", None), ("zh_CN", "简体中文"), ("en", "English"))


class MainWindow(QMainWindow):
    """The main window of the reader (see the module docstring)."""

    library_changed = Signal()
    search_done = Signal(object)
    import_done = Signal(object)
    correction_done = Signal(str)

    def __init__(self, paths: Paths, library: Library, settings: QSettings) -> None:
        super().__init__()
        self.paths = paths
        self.library = library
        self.settings = settings
        self.writer_pool = QThreadPool(self)
        self.writer_pool.setMaxThreadCount(1)
        self.search_pool = QThreadPool(self)
        self.search_pool.setMaxThreadCount(1)
        self._searcher: Searcher | None = None
        #: Set once the start-up repair has made the index current; searches wait for it.
        self._index_ready = threading.Event()
        #: The window is closing: jobs still running stop at their next chance, their results are dropped.
        self._closing = False
        self._jobs: set[Job] = set()
        self._import_job: Job | None = None
        self.import_report_dialog: ImportReportDialog | None = None
        self._issues: OrderedDict[str, Issue] = OrderedDict()
        self._search_serial = 0
        #: Visited articles: (issue id, ordinal, the search terms highlighted when it was opened from a hit).
        self._history: list[tuple[str, int, tuple[str, ...]]] = []
        self._history_at = -1
        self._current: tuple[str, int] | None = None
        #: The terms of the search whose hits are listed; an article opened from one of them highlights them.
        self._needles: tuple[str, ...] = ()
        self.font_size = int(settings.value("font_size", DEFAULT_FONT_SIZE))
        self.theme = initial_theme(settings.value("theme"))
        self.window_theme = WindowTheme(QApplication.instance())

        self.setWindowTitle(self.tr("Newspaper Reader"))
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._restore_layout()
        self.apply_theme()
        self.refresh_tree()
        self.inbox = InboxWatcher(paths.inbox_dir, self._watched_folders(), paths.data_dir / WATCHED_RECORD, self)
        self.inbox.files_ready.connect(self.import_inbox_files)

    # -- construction ----------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.tree_model = IssueTreeModel(self._article_titles, self)
        self.tree = QTreeView(self)
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.activated.connect(self._tree_activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.selectionModel().currentChanged.connect(lambda current, _previous: self._tree_activated(current))
        self.article = ArticlePane(self)
        self.article.match_changed.connect(self._match_changed)
        self.results = SearchPanel(self)
        self.results.hit_chosen.connect(self.open_hit)
        self.results.options_changed.connect(self.run_search)
        self.results.page_wanted.connect(self.search_page)
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
        self.search_box.returnPressed.connect(self.run_search)
        self.search_box.textChanged.connect(self._search_text_changed)
        self.search_box.setMinimumWidth(360)

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
        self.index_jobs = IndexJobs(self)

    def _action(self, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self._action(self.tr("Import Files…"), self.choose_files, QKeySequence.StandardKey.Open))
        menu.addAction(self._action(self.tr("Import Folder…"), self.choose_folder, "Ctrl+Shift+O"))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Open Inbox Folder"), lambda: self._open_folder(self.paths.inbox_dir)))
        menu.addAction(self._action(self.tr("Watched Folders…"), self.edit_watched_folders))
        menu.addAction(self._action(self.tr("Open Data Folder"), lambda: self._open_folder(self.paths.data_dir)))
        menu.addAction(self._action(self.tr("Rebuild Index"), self.rebuild_index))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit))

        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addAction(self._action(self.tr("Find"), self.focus_search, ["Ctrl+F", "Ctrl+K"]))
        menu.addAction(self._action(self.tr("Copy Article with Citation"), self.copy_article, "Ctrl+Shift+C"))
        menu.addSeparator()
        self.correct_action = self._action(self.tr("Correct Issue Details…"), self.correct_current_issue, "Ctrl+E")
        menu.addAction(self.correct_action)
        self.removal = IssueRemoval(self)
        menu.addAction(self.removal.action)

        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self._action(self.tr("Larger Text"), lambda: self.change_font(1), ["Ctrl++", "Ctrl+="]))
        menu.addAction(self._action(self.tr("Smaller Text"), lambda: self.change_font(-1), "Ctrl+-"))
        menu.addAction(self._action(self.tr("Normal Text Size"), lambda: self.change_font(0), "Ctrl+0"))
        self.dark_action = self._action(self.tr("Dark Theme"), self.toggle_theme, "Ctrl+Shift+D", checkable=True)
        self.dark_action.setChecked(self.theme == "dark")
        menu.addAction(self.dark_action)
        menu.addAction(self._action(self.tr("Full Screen"), self.toggle_full_screen, "F11"))
        menu.addSeparator()
        self.language_menu = menu.addMenu(self.tr("Language"))
        chosen = str(self.settings.value("language", ""))
        for value, name in LANGUAGES:
            action = QAction(name or self.tr("System Language"), self)
            action.setCheckable(True)
            action.setChecked(value == chosen)
            action.triggered.connect(lambda _checked=False, value=value: self.choose_language(value))
            self.language_menu.addAction(action)

        menu = self.menuBar().addMenu(self.tr("&Go"))
        self.back_action = self._action(self.tr("Back"), lambda: self.go_history(-1), QKeySequence.StandardKey.Back)
        self.forward_action = self._action(
            self.tr("Forward"), lambda: self.go_history(1), QKeySequence.StandardKey.Forward
        )
        menu.addAction(self.back_action)
        menu.addAction(self.forward_action)
        menu.addAction(self._action(self.tr("Previous Article"), lambda: self.step_article(-1), "Ctrl+PgUp"))
        menu.addAction(self._action(self.tr("Next Article"), lambda: self.step_article(1), "Ctrl+PgDown"))
        menu.addAction(self._action(self.tr("Next Match"), lambda: self.article.step_match(1), "F3"))
        menu.addAction(self._action(self.tr("Previous Match"), lambda: self.article.step_match(-1), "Shift+F3"))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Issue Tree"), lambda: self.tree.setFocus(), "Ctrl+1"))
        menu.addAction(self._action(self.tr("Article"), lambda: self.article.setFocus(), "Ctrl+2"))
        menu.addAction(self._action(self.tr("Search Results"), self.results.focus_hits, "Ctrl+3"))

        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(
            self._action(self.tr("Search Syntax"), self.show_syntax_help, QKeySequence.StandardKey.HelpContents)
        )

        toolbar = self.addToolBar(self.tr("Search"))
        toolbar.setObjectName("search-toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)
        self._update_history_actions()

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
        if self._current:
            self.settings.setValue("last_article", f"{self._current[0]}:{self._current[1]}")
        self.settings.sync()

    def restore_last_article(self) -> None:
        value = str(self.settings.value("last_article", ""))
        issue_id, _, ordinal = value.partition(":")
        if issue_id and ordinal.isdigit() and self.library.catalog.contains(issue_id):
            self.open_article(issue_id, int(ordinal))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Close within seconds whatever runs: long jobs stop between two issues, nothing waits on the GUI.

        Nothing the jobs need may come from this thread while it waits here:
        the index-ready flag is set by the repair job itself, and set here too
        so that a search waiting for it gives up.
        """
        self.save_state()
        self._closing = True
        for job in list(self._jobs):
            job.cancel()
        self._index_ready.set()
        self.writer_pool.waitForDone(CLOSE_WAIT_MS)
        self.search_pool.waitForDone(CLOSE_WAIT_MS)
        super().closeEvent(event)

    # -- jobs ----------------------------------------------------------------------------
    def _start(self, pool: QThreadPool, function, on_done=None, on_failed=None, on_progress=None) -> Job:
        job = Job(function)
        self._jobs.add(job)

        def finished(result) -> None:
            self._jobs.discard(job)
            if on_done and not self._closing:  # a closed window's library is closed too
                on_done(result)

        def failed(error: Exception) -> None:
            self._jobs.discard(job)
            if not self._closing:
                (on_failed or self.show_error)(error)

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        if on_progress:
            job.signals.progress.connect(on_progress)
        pool.start(job)
        return job

    def show_error(self, error: Exception | str) -> None:
        """Tell of an error in a message box: a core error worded in the interface language (messages)."""
        if self._closing:
            return  # a job stopped by the close: nothing to tell
        QMessageBox.warning(self, self.tr("Newspaper Reader"), error if isinstance(error, str) else describe(error))

    def start_background_work(self, import_seeds_if_empty: bool) -> None:
        """Repair the library, warm up search, and on a first start import the sample issues."""

        def repair(job: Job):
            try:
                return self.library.repair(cancelled=lambda: job.cancelled, progress=job.report)
            finally:
                # Set here, on the worker, not in a slot: a closing window blocks its event loop
                # while it waits for the search thread, which waits for this flag.
                self._index_ready.set()

        def repaired_then_look(_report) -> None:
            self.refresh_tree()
            self.inbox.look_soon()  # files that arrived while the window was closed

        self.index_jobs.follow_repair(self._start(self.writer_pool, repair, repaired_then_look))
        self._start(self.search_pool, lambda job: self._ensure_searcher())
        if import_seeds_if_empty and not self.library.records():
            self.article.show_notice(welcome_html(importing_samples=True))
            self.import_paths([str(seeds_dir())], on_done=self._samples_imported)

    def _samples_imported(self, _report: ImportReport) -> None:
        if self._current is None:  # none came in (cancelled): the welcome stays, without the promise
            self.article.show_notice(welcome_html(importing_samples=False))

    def _ensure_searcher(self) -> Searcher:
        """The searcher, opened on the search thread once the index is ready.

        jieba (about a second to load) is loaded here too, at start-up, so the
        first search the reader types does not wait for it.
        """
        if self._searcher is None:
            jieba_tokenizer()
            self._index_ready.wait()
            if self._closing:
                raise Stopped()  # the window is closing
            self._searcher = Searcher(self.paths.index_dir)
        return self._searcher

    # -- the tree and the article pane ------------------------------------------------------
    def _expanded_keys(self) -> set[tuple]:
        return {self.tree_model.node(index).key for index in self.tree_model.walk(self.tree.isExpanded)}

    def refresh_tree(self) -> None:
        records = self.library.records()
        expanded = self._expanded_keys()
        self.tree_model.set_records(records)
        for index in self.tree_model.indexes_of_keys(expanded):  # open branches stay open after an import
            self.tree.expand(index)
        issues = len(records)
        articles = sum(record.articles for record in records)
        self.library_label.setText(
            self.tr("%1 issues, %2 articles").replace("%1", str(issues)).replace("%2", str(articles))
        )
        self._issues.clear()
        if self._current and self.library.catalog.contains(self._current[0]):
            self._show_in_tree(*self._current)  # the rebuilt tree keeps the open article in view
        elif records:
            self.open_article(opening_issue(records).id, 0)
        self.library_changed.emit()

    def _issue(self, issue_id: str) -> Issue:
        if issue_id in self._issues:
            self._issues.move_to_end(issue_id)
        else:
            self._issues[issue_id] = self.library.load_issue(issue_id)
            while len(self._issues) > ISSUE_CACHE:
                self._issues.popitem(last=False)
        return self._issues[issue_id]

    def _article_titles(self, record: IssueRecord) -> list[str]:
        issue = self._issue(record.id)
        return [
            article.title or article.kicker or (article.paragraphs[0][:24] if article.paragraphs else "")
            for article in issue.articles
        ]

    def _tree_activated(self, index) -> None:
        node = self.tree_model.node(index)
        if node.kind == "article" and node.record is not None and node.ordinal is not None:
            if self._current != (node.record.id, node.ordinal):
                self.open_article(node.record.id, node.ordinal)

    def open_article(self, issue_id: str, ordinal: int, remember: bool = True, needles: tuple[str, ...] = ()) -> None:
        """Show an article, highlighting `needles` (given only for a hit), and select it in the tree."""
        issue = self._issue(issue_id)
        if not 0 <= ordinal < len(issue.articles):
            return
        self._current = (issue_id, ordinal)
        already_there = self._history_at >= 0 and self._history[self._history_at][:2] == self._current
        if remember and already_there:  # a click and a double click on a hit both open it
            self._history[self._history_at] = (issue_id, ordinal, needles)
        elif remember:
            del self._history[self._history_at + 1 :]
            self._history.append((issue_id, ordinal, needles))
            self._history_at = len(self._history) - 1
        self._update_history_actions()
        labels = {
            "page": self.tr("page %1"),
            "reporters": self.tr("reporters: %1"),
            "position": self.tr("article %1 of %2"),
        }
        self.article.show_article(article_view(issue, ordinal), list(needles), labels)
        self._show_in_tree(issue_id, ordinal)

    def _show_in_tree(self, issue_id: str, ordinal: int) -> None:
        """Select the open article in the tree, expanding the way to it.

        The selection model's signals stay on, so the tree repaints its highlight;
        `_tree_activated` opens nothing because the article is `_current` already.
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
        if self._current:
            self.open_article(self._current[0], self._current[1] + step)

    def go_history(self, step: int) -> None:
        target = self._history_at + step
        if 0 <= target < len(self._history):
            self._history_at = target
            issue_id, ordinal, needles = self._history[target]
            self.open_article(issue_id, ordinal, remember=False, needles=needles)

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self._history_at > 0)
        self.forward_action.setEnabled(self._history_at < len(self._history) - 1)

    def _match_changed(self, current: int, total: int) -> None:
        self.match_label.setText(
            self.tr("match %1 of %2").replace("%1", str(current)).replace("%2", str(total)) if total else ""
        )

    # -- search ----------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        query = " ".join(part for part in (text, self.results.date_filter()) if part)
        try:
            parsed = parse_query(query)
        except Exception as error:  # a QuerySyntaxError, worded in the interface language
            self.results.show_message(describe(error))
            return
        self._needles = tuple(term.text for term in parsed.positive_terms())
        self._search_serial += 1
        request = HitQuery(query, self.results.sort_by_date(), self._search_serial)
        self.results.show_message(self.tr("Searching…"))

        def search(job: Job) -> tuple[HitQuery, SearchResult]:
            searcher = self._ensure_searcher()
            return request, searcher.search(query, limit=SEARCH_PAGE, sort_by_date=request.sort_by_date)

        self._start(self.search_pool, search, self._search_finished, lambda error: self._search_failed(request, error))

    def _search_failed(self, request: HitQuery, error: Exception) -> None:
        if request.serial == self._search_serial:  # else a newer search is on its way
            self.results.show_message(describe(error))

    def _search_finished(self, outcome: tuple[HitQuery, SearchResult]) -> None:
        request, result = outcome
        if request.serial != self._search_serial:
            return  # a newer search is on its way
        self.results.show_result(result, request)
        self.search_done.emit(result)

    def search_page(self, request: HitQuery, offset: int) -> None:
        """The next page of the listed hits (the reader scrolled to the end), searched on the search thread."""
        if request.serial != self._search_serial:
            return

        def search(job: Job) -> SearchResult:
            searcher = self._ensure_searcher()
            return searcher.search(request.text, limit=SEARCH_PAGE, sort_by_date=request.sort_by_date, offset=offset)

        def failed(error: Exception) -> None:
            self.results.page_failed(request)
            self.show_error(error)

        self._start(self.search_pool, search, lambda page: self.results.add_page(request, offset, page), failed)

    def open_hit(self, hit: Hit) -> None:
        if self.library.catalog.contains(hit.issue):
            self.open_article(hit.issue, hit.ordinal, needles=self._needles)

    def _search_text_changed(self, text: str) -> None:
        if not text.strip():
            self.end_search()

    def end_search(self) -> None:
        """The search box was emptied: no hits listed, and no article keeps the search's highlights."""
        self._search_serial += 1  # a search under way is no longer wanted
        self._needles = ()
        self._history = [(issue_id, ordinal, ()) for issue_id, ordinal, _needles in self._history]
        self.results.clear()
        self.article.clear_highlights()

    # -- importing -------------------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import Files"), "", self.tr("Issue files (*.txt)"))
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import Folder"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str], on_done=None, from_inbox: bool = False) -> Job:
        """Import files and folders on the writer thread, with progress in the status bar.

        `from_inbox`: the inbox watcher moves the files afterwards, and the report says where.
        """

        def work(job: Job) -> ImportReport:
            return self.library.import_paths(paths, progress=job.report, cancelled=lambda: job.cancelled)

        def finished(report: ImportReport) -> None:
            self._import_job = None
            self._import_finished(report, job, from_inbox)
            if on_done:
                on_done(report)

        def failed(error: Exception) -> None:
            self._import_job = None
            self.status_progress.end(job)
            self.show_error(error)

        job = self._start(self.writer_pool, work, finished, failed, lambda *args: self._import_progress(job, *args))
        self._import_job = job
        self.status_progress.begin(job, self.tr("Importing…"), cancellable=True)
        return job

    def _import_progress(self, job: Job, done: int, total: int, name: str) -> None:
        if name == WRITING_INDEX:  # no count to show: a busy bar, not a full one that looks finished
            self.status_progress.busy(job, self.tr("Writing the search index…"))
        else:
            self.status_progress.count(job, self.tr("Importing %1").replace("%1", name), done, total)

    def cancel_import(self) -> None:
        """Cancel: the import or rebuild under way stops after the file or issue at hand."""
        self.status_progress.cancel()

    def _import_finished(self, report: ImportReport, job: Job, from_inbox: bool = False) -> None:
        self._index_ready.set()  # a finished import has left a current index
        self.status_progress.end(job, ImportWording().summary(report))
        self.refresh_tree()
        self._start(self.search_pool, lambda job: self._ensure_searcher().refresh(), lambda _r: self.run_search())
        self.import_done.emit(report)
        if report.rejected or report.duplicates:
            self.show_import_report(report, from_inbox)

    def show_import_report(self, report: ImportReport, from_inbox: bool = False) -> None:
        """One dismissible dialog per import: every file, what became of it and why (import_report)."""
        if self.import_report_dialog is not None:
            self.import_report_dialog.close()
            self.import_report_dialog.deleteLater()
        inbox = self.paths.inbox_dir if from_inbox else None
        self.import_report_dialog = ImportReportDialog(report, self.library.catalog.get, inbox, self._open_folder, self)
        self.import_report_dialog.show()

    def import_inbox_files(self, files: list[str]) -> None:
        def done(report: ImportReport) -> None:
            rejected = {r.path for r in report.rejected}
            handled = rejected | {i.path for i in report.imported} | {d.path for d in report.duplicates}
            self.inbox.files_done({path: path in rejected for path in files if path in handled})
            self.inbox.release([path for path in files if path not in handled])  # a cancelled import

        self.import_paths(files, on_done=done, from_inbox=True)

    def rebuild_index(self) -> Job | None:
        """Rebuild the index from the stored originals; searches use the old one until it is done (index_jobs)."""

        def done(_count: int) -> None:
            self._index_ready.set()
            self._start(self.search_pool, lambda job: self._ensure_searcher().refresh())
            self.refresh_tree()

        return self.index_jobs.rebuild(done)

    def _open_folder(self, folder: Path) -> None:
        """Open a folder in the file manager; where there is none (a locked-down PC), show its path to copy."""
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            dialog = FolderPathDialog(str(folder), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

    # -- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
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

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def copy_article(self) -> None:
        text = self.article.plain_text_with_citation()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.statusBar().showMessage(self.tr("Article copied with its citation"), 4000)

    def syntax_help(self) -> str:
        # One literal, so that lupdate finds it.
        return self.tr(
            '疫苗 接种 — both words\n疫苗 OR 核酸 — either\n疫苗 -儿童 — without 儿童\n"核酸检测采样" — the exact phrase\ntitle:文明 — in the headline\ndate:2021-11 or date:2021-01-01..2021-12-31 — by date'
        )

    def show_syntax_help(self) -> None:
        QMessageBox.information(self, self.tr("Search Syntax"), self.syntax_help())

    # -- other instances, settings, corrections ------------------------------------------------------
    def receive_hand_over(self, files: list[str]) -> None:
        """A later start of the app on this library: come forward and import what it was given."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if files:
            self.import_paths(files)

    def choose_language(self, value: str) -> None:
        self.settings.setValue("language", value)
        for action, (option, _name) in zip(self.language_menu.actions(), LANGUAGES, strict=True):
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

    def _tree_menu(self, position) -> None:
        node = self.tree_model.node(self.tree.indexAt(position))
        if node.record is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Correct Issue Details…"), lambda: self.correct_issue(node.record.id))
        menu.addAction(self.removal.action)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def issues_removed(self, issue_ids: set[str]) -> None:
        """Forget removed issues (history, the open article), then show and search the library as it is now."""
        self._index_ready.set()  # a removal leaves a current index, as an import does
        self._history = [entry for entry in self._history if entry[0] not in issue_ids]
        self._history_at = len(self._history) - 1
        self._update_history_actions()
        if self._current and self._current[0] in issue_ids:
            self._current = None
            self.article.show_notice(welcome_html(importing_samples=False))
        self.refresh_tree()
        self._start(self.search_pool, lambda job: self._ensure_searcher().refresh(), lambda _r: self.run_search())

    def correct_current_issue(self) -> None:
        node = self.tree_model.node(self.tree.currentIndex())
        issue_id = node.record.id if node.record else (self._current[0] if self._current else None)
        if issue_id:
            self.correct_issue(issue_id)

    def correct_issue(self, issue_id: str) -> None:
        record = self.library.catalog.get(issue_id)
        if record is None:
            return
        dialog = CorrectionDialog(record, self)
        if dialog.exec():
            self.apply_correction(issue_id, dialog.changes())

    def apply_correction(self, issue_id: str, changes: dict[str, str | None]) -> Job:
        """Correct on the writer thread (the index is rewritten), then rebuild the tree."""

        def corrected(_record) -> None:
            self.refresh_tree()
            self._start(self.search_pool, lambda job: self._ensure_searcher().refresh())
            self.statusBar().showMessage(self.tr("Issue details corrected"), 4000)
            self.correction_done.emit(issue_id)

        return self._start(self.writer_pool, lambda job: self.library.correct(issue_id, **changes), corrected)
