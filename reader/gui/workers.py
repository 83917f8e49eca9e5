"""Run work off the GUI thread and hand results back through signals.

Every long job (import, rebuild, search) is a `Job`: a QRunnable that calls a
plain function, catches every exception, and emits `finished(result)` or
`failed(error)` with the exception itself, so that the window words it in the
interface language (reader.gui.messages).  Signals cross to the GUI thread by
Qt's queued connections; a job never touches a widget.
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
        failed(object): the exception the function raised: a ReaderError (its kind and values say
            what went wrong), or any other for a bug.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Call `function(job)` on a worker thread; the function may report progress and check `cancelled`."""

    def __init__(self, function: Callable[[Job], Any]) -> None:
        super().__init__()
        self.function = function
        self.signals = JobSignals()
        self.cancelled = False
        #: The window is closing: stop at once, dropping even work a plain cancel would finish.
        self.abandoned = False
        self.setAutoDelete(False)  # the window keeps a reference while the job runs

    def cancel(self) -> None:
        self.cancelled = True

    def report(self, done: int, total: int, what: str) -> None:
        self.signals.progress.emit(done, total, what)

    def run(self) -> None:
        try:
            result = self.function(self)
        except Exception as error:  # never let an exception escape into Qt
            if not isinstance(error, ReaderError):
                traceback.print_exc()
            # Without its traceback, the error keeps no frame of this thread alive on its way to the GUI.
            self._emit(self.signals.failed, error.with_traceback(None))
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal, value) -> None:
        """Deliver a result; if the window that asked for it is already gone, drop it quietly."""
        try:
            signal.emit(value)
        except RuntimeError:  # "Signal source has been deleted" at shutdown
            pass
