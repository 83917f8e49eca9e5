"""Rebuilding the index and the start-up repair, as the window's status bar shows them.

Both run on the window's writer thread.  The rebuild (File → Rebuild Index)
counts the issues it indexes, can be cancelled (the core stops between two
issues and keeps the old index in use) and ends with a message saying how it
went.  The repair at start says nothing when the library is in step; when it
has issues to index again (an interrupted import, an index made by an older
parser) it counts them in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.gui.workers import Job

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow


class IndexJobs(QObject):
    """The Rebuild Index job, and the progress of the start-up repair.

    Signals:
        rebuild_over(object): the number of issues indexed by a finished rebuild, or None if it
            was cancelled or failed.
    """

    rebuild_over = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.rebuild_job: Job | None = None

    def rebuild(self, on_done: Callable[[int], None]) -> Job | None:
        """Rebuild the whole index; `on_done(count)` when the new index is in use. One rebuild at a time."""
        if self.rebuild_job is not None:
            return None
        window = self.window
        status = window.status_progress

        def work(job: Job) -> int:
            return window.library.reindex(
                progress=job.report, cancelled=lambda: job.cancelled, before_swap=window.searcher.let_go_of_files
            )

        def progress(done: int, total: int, _name: str) -> None:
            status.count(job, self._counted(self.tr("Rebuilding the index…"), done, total), done, total)

        def finished(count: int) -> None:
            self.rebuild_job = None
            status.end(job, self.tr("Index rebuilt: %1 issues").replace("%1", str(count)))
            on_done(count)
            self.rebuild_over.emit(count)

        def failed(error: Exception) -> None:
            self.rebuild_job = None
            if job.cancelled:
                status.end(job, self.tr("Rebuild cancelled; the old index is still in use"))
            else:
                status.end(job)
                window.show_error(error)
            self.rebuild_over.emit(None)

        job = window.jobs.start(window.jobs.writer, work, finished, failed, progress)
        self.rebuild_job = job
        status.begin(job, self.tr("Rebuilding the index…"), cancellable=True)
        return job

    def follow_repair(self, job: Job) -> None:
        """Count the issues a start-up repair indexes again; nothing is shown if it has none."""
        status = self.window.status_progress

        def progress(done: int, total: int, _name: str) -> None:
            status.count(job, self._counted(self.tr("Checking the library…"), done, total), done, total)

        def over(_result=None) -> None:
            if status.running(job):
                status.end(job)

        job.signals.progress.connect(progress)
        job.signals.finished.connect(over)
        job.signals.failed.connect(over)

    @staticmethod
    def _counted(message: str, done: int, total: int) -> str:
        return f"{message} {done}/{total}"
