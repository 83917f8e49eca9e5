"""The status bar's progress bar and Cancel button, shared by the window's long writer jobs.

Imports, the index rebuild and the start-up repair run one after another on
the writer thread; each says what it does in its own words, through this one
place.  Cancel asks every cancellable job shown to stop; until the job has
stopped (between two files or issues), the status and the bar say
"Cancelling…", whatever progress still arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from reader.gui.workers import Job

#: How long a job's closing message stays in the status bar.
MESSAGE_MS = 15000


class StatusProgress(QObject):
    """Progress bar, Cancel button and status message of the jobs under way.

    Attributes:
        bar: the progress bar (busy while there is no count to show).
        button: Cancel; shown while a cancellable job runs, disabled once it was pressed.
    """

    def __init__(self, status_bar: QStatusBar, bar: QProgressBar, button: QPushButton) -> None:
        super().__init__(status_bar)
        self.status_bar = status_bar
        self.bar = bar
        self.button = button
        #: Jobs shown, in the order they began: what each said last, and whether Cancel stops it.
        self._jobs: dict[Job, tuple[str, bool]] = {}

    def begin(self, job: Job, message: str, cancellable: bool) -> None:
        """Show a job that starts (or is queued): a busy bar, its message, Cancel if it can stop."""
        self._jobs[job] = (message, cancellable)
        self.busy(job, message)
        self._show_button()

    def busy(self, job: Job, message: str) -> None:
        """The job works on something it cannot count: a busy bar and its message."""
        if self._cancelling(job):
            return
        self._remember(job, message)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.status_bar.showMessage(message)

    def count(self, job: Job, message: str, done: int, total: int) -> None:
        """The job has done `done` of `total`; a job not begun is shown from here (without Cancel)."""
        if self._cancelling(job):
            return
        self._remember(job, message)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} / {total}")
        self.bar.show()
        self.status_bar.showMessage(message)

    def cancel(self) -> bool:
        """Ask the cancellable jobs shown to stop; True if there was one."""
        jobs = [job for job, (_message, cancellable) in self._jobs.items() if cancellable and not job.cancelled]
        if not jobs:
            return False
        for job in jobs:
            job.cancel()
        text = self.tr("Cancelling…")
        if self.bar.maximum() == 0:  # a busy bar draws no text
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
        self.bar.setFormat(text)
        self.status_bar.showMessage(text)
        self.button.setEnabled(False)
        return True

    def end(self, job: Job, message: str = "") -> None:
        """The job is over: show what another job still under way said, or hide bar and button."""
        self._jobs.pop(job, None)
        if self._jobs:
            latest = next(reversed(self._jobs))
            self.busy(latest, self._jobs[latest][0])
            self._show_button()
            if message:
                self.status_bar.showMessage(message, MESSAGE_MS)
            return
        self.bar.hide()
        self.bar.setRange(0, 0)
        self.bar.resetFormat()
        self.button.hide()
        self.button.setEnabled(True)
        if message:
            self.status_bar.showMessage(message, MESSAGE_MS)
        else:
            self.status_bar.clearMessage()

    def running(self, job: Job) -> bool:
        """True while the job is shown (begun, or counted, and not ended)."""
        return job in self._jobs

    def _cancelling(self, job: Job) -> bool:
        return job.cancelled and self._jobs.get(job, ("", False))[1]

    def _remember(self, job: Job, message: str) -> None:
        self._jobs[job] = (message, self._jobs.get(job, ("", False))[1])

    def _show_button(self) -> None:
        cancellable = [job for job, (_message, can) in self._jobs.items() if can]
        self.button.setVisible(bool(cancellable))
        self.button.setEnabled(any(not job.cancelled for job in cancellable))
