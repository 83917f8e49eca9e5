"""Run work off the GUI thread and hand results back through signals.

Every long job (import, rebuild, search) is a `Job`: a QRunnable that calls a
plain function, catches every exception, and emits `finished(result)` or
`failed(message)`.  Signals cross to the GUI thread by Qt's queued
connections; a job never touches a widget.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.core.errors import ReaderError


class JobSignals(QObject):
    """Signals of a job.

    Signals:
        progress(int, int, str): units done, units in all, what is being worked on.
        finished(object): the function's result.
        failed(str): a message for the user.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Call `function(job)` on a worker thread; the function may report progress and check `cancelled`."""

    def __init__(self, function: Callable[[Job], Any]) -> None:
        super().__init__()
        self.function = function
        self.signals = JobSignals()
        self.cancelled = False
        self.setAutoDelete(False)  # the window keeps a reference while the job runs

    def cancel(self) -> None:
        self.cancelled = True

    def report(self, done: int, total: int, what: str) -> None:
        self.signals.progress.emit(done, total, what)

    def run(self) -> None:
        try:
            result = self.function(self)
        except ReaderError as error:
            self._emit(self.signals.failed, str(error))
        except Exception as error:  # never let an exception escape into Qt
            traceback.print_exc()
            self._emit(self.signals.failed, f"{type(error).__name__}: {error}")
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal, value) -> None:
        """Deliver a result; if the window that asked for it is already gone, drop it quietly."""
        try:
            signal.emit(value)
        except RuntimeError:  # "Signal source has been deleted" at shutdown
            pass
