"""The window's worker threads and the jobs running on them.

Four single-thread pools, one per kind of work, so that none waits for
another and two writers never meet:
  writer      imports, corrections, removals, the rebuild, the start-up repair;
  search      searches and the searcher's (re)opening;
  reading     reading and parsing an issue for the tree and the article pane;
  statistics  the library's statistics (which may read every issue of an older library once).
When the window closes, every job is cancelled and its result dropped: a
closed window's library is closed too, so no callback may touch it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool

from reader.gui.workers import Job


def _single_thread_pool(parent: QObject) -> QThreadPool:
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    return pool


class JobRunner(QObject):
    """Start jobs on the window's pools, deliver their results unless the window is closing."""

    def __init__(self, show_error: Callable[[Exception], None], parent: QObject) -> None:
        super().__init__(parent)
        self.writer = _single_thread_pool(self)
        self.search = _single_thread_pool(self)
        self.reading = _single_thread_pool(self)
        self.statistics = _single_thread_pool(self)
        #: Tells the reader of a failed job (a message box); the default of `start`'s `on_failed`.
        self.show_error = show_error
        #: The window is closing: jobs still running stop at their next chance, their results are dropped.
        self.closing = False
        self._jobs: set[Job] = set()

    def start(
        self,
        pool: QThreadPool,
        function: Callable[[Job], object],
        on_done: Callable[[object], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Job:
        """Run `function(job)` on `pool`; `on_failed` defaults to a message box."""
        job = Job(function)
        self._jobs.add(job)

        def finished(result) -> None:
            self._jobs.discard(job)
            if on_done and not self.closing:
                on_done(result)

        def failed(error: Exception) -> None:
            self._jobs.discard(job)
            if not self.closing:
                (on_failed or self.show_error)(error)

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        if on_progress:
            job.signals.progress.connect(on_progress)
        pool.start(job)
        return job

    def close(self, wait_ms: int) -> None:
        """Cancel every job and wait (at most `wait_ms` per pool) for the running ones to stop."""
        self.closing = True
        for job in list(self._jobs):
            job.abandoned = True
            job.cancel()
        for pool in (self.writer, self.search, self.reading, self.statistics):
            pool.waitForDone(wait_ms)
