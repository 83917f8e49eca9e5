"""Importing from the window: chosen files and folders, drops, the inbox and watched folders.

An import runs on the writer thread with its progress (and a Cancel button)
in the status bar; when it ends the status bar sums it up, the tree and the
searcher are brought up to date, the search at hand is run again, and a
dialog lists the files that were refused or were already in the library.

Signals:
    import_done(object): an ImportReport came back from the worker.
    history_changed(): the import history was rewritten (inbox files logged where they went), nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.core.library.library import WRITING_INDEX, ImportReport
from reader.gui.dialogs import choose_paths
from reader.gui.workers import Job

if TYPE_CHECKING:
    from reader.gui.import_report import ImportReportDialog
    from reader.gui.main_window import MainWindow


class Imports(QObject):
    """The window's imports (see the module docstring)."""

    import_done = Signal(object)
    history_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        self.report_dialog: ImportReportDialog | None = None

    def choose_files(self) -> None:
        files = choose_paths(self.window, self.tr("Import Files"), self.tr("Issue files (*.txt)"))
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folders = choose_paths(self.window, self.tr("Import Folder"), folders=True)
        if folders:
            self.import_paths(folders[:1])

    def import_paths(
        self,
        paths: list[str],
        on_done: Callable[[ImportReport], None] | None = None,
        from_inbox: bool = False,
        on_failed: Callable[[], None] | None = None,
    ) -> Job:
        """Import files and folders on the writer thread, with progress in the status bar.

        `from_inbox`: the inbox watcher moves the files afterwards, and the report says where.
        """
        window = self.window
        library = window.library

        def work(job: Job) -> ImportReport:
            return library.import_paths(
                paths, progress=job.report, cancelled=lambda: job.cancelled, abandoned=lambda: job.abandoned
            )

        def finished(report: ImportReport) -> None:
            self.job = None
            self._finished(report, job, from_inbox)
            if on_done:
                on_done(report)

        def failed(error: Exception) -> None:
            self.job = None
            window.status_progress.end(job)
            window.show_error(error)
            if on_failed:
                on_failed()

        jobs = window.jobs
        job = jobs.start(jobs.writer, work, finished, failed, lambda *args: self._progress(job, *args))
        self.job = job
        window.status_progress.begin(job, self.tr("Importing…"), cancellable=True)
        return job

    def _progress(self, job: Job, done: int, total: int, name: str) -> None:
        status = self.window.status_progress
        if name == WRITING_INDEX:  # no count to show: a busy bar, not a full one that looks finished
            status.busy(job, self.tr("Writing the search index…"))
        else:
            status.count(job, self.tr("Importing %1").replace("%1", name), done, total)

    def _finished(self, report: ImportReport, job: Job, from_inbox: bool) -> None:
        window = self.window
        from reader.gui.import_report import ImportWording  # the report's module: loaded after start-up

        window.status_progress.end(job, ImportWording().summary(report))
        window.refresh_tree()
        window.searcher.library_written(then=window.searching.run)  # the search at hand sees the new issues
        self.import_done.emit(report)
        if report.rejected or report.duplicates or any(item.damaged_characters for item in report.imported):
            self.show_report(report, from_inbox)

    def show_report(self, report: ImportReport, from_inbox: bool = False) -> None:
        """One dismissible dialog per import: every file, what became of it and why (import_report)."""
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        window = self.window
        inbox = window.paths.inbox_dir if from_inbox else None
        from reader.gui.import_report import ImportReportDialog

        self.report_dialog = ImportReportDialog(report, window.library.catalog.get, inbox, window.open_folder, window)
        self.report_dialog.show()

    def import_inbox_files(self, files: list[str]) -> None:
        """Files the inbox watcher found: imported, then moved out of the inbox (refused ones to rejected/)."""

        def done(report: ImportReport) -> None:
            rejected = {r.path for r in report.rejected}
            handled = rejected | {i.path for i in report.imported} | {d.path for d in report.duplicates}
            window = self.window
            moves = window.inbox.files_done({path: path in rejected for path in files if path in handled})
            if moves:  # the history names where the files went, not the inbox they left
                library = window.library
                window.jobs.start(
                    window.jobs.writer,
                    lambda job: library.relocate_logged(moves),
                    lambda _: self.history_changed.emit(),  # not library_changed: no issue came or went
                )
            self.window.inbox.release([path for path in files if path not in handled])  # a cancelled import

        # A failed import (a full disk) hands the files back: the watcher offers them again later.
        self.import_paths(files, on_done=done, from_inbox=True, on_failed=lambda: self.window.inbox.release(files))
