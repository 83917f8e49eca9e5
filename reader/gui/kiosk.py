"""Reading-room mode (`reader --kiosk`): full screen, reading and searching only, reset after idle time.

The window opens the library for reading only (as a read-only library:
importing, the inbox and watched folders, correcting, removing and
rebuilding are disabled, drops refused), and also disables what opens a
file dialog or changes the reader's settings (save as PDF, back up, the
bookmarks' export, import and PDF, the language).  Bookmarks and notes are
kept in memory for the session.  After IDLE_MINUTES without a key, click or
scroll (the setting `kiosk_idle_minutes` changes it), the next reader finds
the window as it started: bookmarks, search and the places kept in issues
read whole cleared, the newest issue open.  Printing stays (Qt's print dialog chooses a printer, not a
file).  An archivist can lock the mode on with a password (File → Lock
Reading-Room Mode…, gui.reading_room_lock): it then starts at every start
until unlocked.  Lock the computer's own session as well: the reader cannot
stop someone from leaving the program (Ctrl+Q, the system's keys).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from reader.gui.first_start import opening_issue
from reader.gui.setting_values import number_setting, timer_ms

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

IDLE_MINUTES = 5
IDLE_SETTING = "kiosk_idle_minutes"
#: Input that counts as someone reading.
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class KioskMode(QObject):
    """The window's reading-room state: what is disabled, and the idle reset."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        for action in window.actions_.file_dialogs + window.actions_.language_menu.actions():
            action.setEnabled(False)
        window.bookmarks_panel.set_files_allowed(False)
        window.actions_.lock_reading_room.setVisible(False)
        # Only a lock to open: started with --kiosk and no lock, any password would "unlock" nothing.
        window.actions_.unlock_reading_room.setVisible(window.reading_room_lock.locked())
        minutes = number_setting(window.settings, IDLE_SETTING, IDLE_MINUTES)
        if minutes <= 0:
            minutes = IDLE_MINUTES
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(timer_ms(minutes * 60, shortest_ms=1))
        self.idle.timeout.connect(self.reset)
        QApplication.instance().installEventFilter(self)
        self.idle.start()

    def stop(self) -> None:
        """The window closes: no more resets, no more watching input."""
        self.idle.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in ACTIVITY:
            self.idle.start()  # restarts the countdown
        return False

    def reset(self) -> None:
        """Back to the start, for the next reader: bookmarks, search and open panels cleared, the newest issue open."""
        window = self.window
        bookmarks = window.library.bookmarks
        bookmarks.remove(bookmark.id for bookmark in bookmarks.all())
        window.bookmarks_panel.find.clear()
        window.bookmarks_panel.refresh()
        window.bookmarks_panel.hide()
        window.search_box.clear()
        window.results.clear()
        window.results.reset_options()
        window.forget_reading()  # what this reader read, and where, is no one else's; nor may Back step through it
        newest = opening_issue(window.records)
        if newest is not None:
            window.open_article(newest.id, 0, remember=False)
        self.idle.start()
