"""New issues written by another process or PC appear in the window without a restart.

On a library shared by a reading room, the archivist's PC imports into the
share that the reading-room PCs read; on any PC, `reader import` may run
while the window is open.  Every POLL_SECONDS (the setting
`library_poll_seconds` changes it; 0 turns it off) the window takes the
library's fingerprint (core.library.changes) on its reading thread; when it
differs, the catalog is read again (reopened where it is a read-only copy),
and if its records differ from the tree's, the tree is rebuilt and the
searcher reopened, as after the window's own imports (issues corrected or
removed elsewhere are read anew); when only the index changed (a rebuild
swapped in), the searcher alone reopens.  A share that is gone for a moment
(no catalog, no index) changes nothing and tells no one: the next look tries
again.  Nothing is looked at while the window itself is writing (its own
writes refresh it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from reader.gui.setting_values import number_setting, timer_ms

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
        #: The searcher could not reopen on what changed: it reopens at the next look.
        self.search_stale = False
        seconds = number_setting(window.settings, POLL_SETTING, POLL_SECONDS)  # 0 or less: off
        self.timer = QTimer(self)
        self.timer.setInterval(timer_ms(seconds))
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
                return last, fingerprint, None
            library.reload()
            return last, fingerprint, library.records()

        window.jobs.start(window.jobs.reading, read, self._looked, self._failed)

    def _looked(self, result) -> None:
        self.looking = False
        last, fingerprint, records = result
        self.fingerprint = fingerprint
        window = self.window
        if records is None or window.jobs.writer.activeThreadCount():
            return
        if records == window.records:
            # The same issues, another index: a rebuild swapped in elsewhere (its fingerprint: the index's files),
            # perhaps before the first look (Searcher.refresh does nothing when its view is current).
            if self.search_stale or last is None or fingerprint[2:] != last[2:]:
                self.search_stale = False
                window.searcher.library_written(on_failed=self._not_reopened)
            return
        known = {record.id: record for record in records}
        # Issues corrected elsewhere: read anew, not served as they were (their dates, in citations).
        changed = [record.id for record in window.records if record.id in known and known[record.id] != record]
        if changed:
            window.issues.forget(changed)
        # Removed elsewhere: Back must not lead to them, nor the pane go on showing one.
        removed = {record.id for record in window.records if record.id not in known}
        if removed:
            window.forget_issues(removed)
        window.refresh_tree(records)
        self.search_stale = False
        # The search at hand sees the new issues.
        window.searcher.library_written(then=window.searching.run, on_failed=self._not_reopened)

    def _failed(self, _error: Exception) -> None:
        """A share that went away for a moment: try again at the next look, telling no one."""
        self.looking = False

    def _not_reopened(self, _error: Exception) -> None:
        """The index could not be opened (a share gone, a rebuild being swapped in): again at the next look."""
        self.fingerprint, self.search_stale = None, True
