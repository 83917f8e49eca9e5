"""New issues written by another process or PC appear in the window without a restart.

On a library shared by a reading room, the archivist's PC imports into the
share that the reading-room PCs read; on any PC, `reader import` may run
while the window is open.  Every POLL_SECONDS (the setting
`library_poll_seconds` changes it; 0 turns it off) the window takes the
library's fingerprint (core.library.changes) on its reading thread; when it
differs, the catalog is read again (reopened where it is a read-only copy),
and if its records differ from the tree's, the tree is rebuilt and the
searcher reopened, as after the window's own imports.  Nothing is looked at
while the window itself is writing (its own writes refresh it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

POLL_SECONDS = 10
POLL_SETTING = "library_poll_seconds"


class LibraryWatch(QObject):
    """Polls the library's fingerprint and shows what changed on disk."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.fingerprint: tuple | None = None
        self.looking = False
        seconds = float(window.settings.value(POLL_SETTING, POLL_SECONDS) or 0)
        self.timer = QTimer(self)
        self.timer.setInterval(max(50, int(seconds * 1000)))
        self.timer.timeout.connect(self.look)
        if seconds > 0:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def look(self) -> None:
        """Take the fingerprint on the reading thread; read the catalog again only if it changed."""
        window = self.window
        if self.looking or window.jobs.closing or window.jobs.writer.activeThreadCount():
            return
        self.looking = True
        library = window.library
        last = self.fingerprint

        def read(job):
            fingerprint = library.fingerprint()
            if fingerprint == last:
                return fingerprint, None
            library.reload()
            return fingerprint, library.records()

        window.jobs.start(window.jobs.reading, read, self._looked, self._failed)

    def _looked(self, result) -> None:
        self.looking = False
        fingerprint, records = result
        self.fingerprint = fingerprint
        window = self.window
        if records is None or window.jobs.writer.activeThreadCount() or records == window.records:
            return
        window.refresh_tree(records)
        window.searcher.library_written(then=window.searching.run)  # the search at hand sees the new issues

    def _failed(self, _error: Exception) -> None:
        """A share that went away for a moment: try again at the next look, telling no one."""
        self.looking = False
