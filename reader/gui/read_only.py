"""A library the reader may only read, in the window: browse and search, change nothing.

A reading-room PC may be given a library on a read-only drive or share
(reader.core.library.access).  The window then disables every command that
would change it (importing, the inbox and watched folders, correcting,
removing, rebuilding), refuses drops with the reason in the status bar, and
says once, in the status bar, that the library is read only; a permanent
label there keeps the reason in its tooltip.  Whatever still reaches the
library (a file handed over by a second start) is refused by the core with
the same reason, shown as any error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from reader.core.errors import ErrorKind
from reader.gui.messages import describe

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

#: How long the reason stays in the status bar after the window opens.
NOTICE_MS = 15000


class ReadOnlyLibrary(QObject):
    """The window's read-only state: its commands disabled, its notice shown.

    Attributes:
        reason: why nothing can be changed, in the interface language.
        label: the status bar's permanent "Read only" label.
    """

    def __init__(self, window: MainWindow, reason: str | None = None, label: str | None = None) -> None:
        """`reason` and `label` say why, where it is not the library's folder (reading-room mode: gui.kiosk)."""
        super().__init__(window)
        self.window = window
        self.reason = reason or describe(ErrorKind.LIBRARY_READ_ONLY, {"folder": window.paths.data_dir})
        for action in window.actions_.changing:
            action.setEnabled(False)
            action.setToolTip(self.reason)
        self.label = QLabel(label or self.tr("Read only"), window)
        self.label.setToolTip(self.reason)
        window.statusBar().addPermanentWidget(self.label)
        # Once the window is shown: a message shown before hides none of the status bar's widgets, which
        # then appear over it (QStatusBar hides only the visible ones).
        QTimer.singleShot(0, lambda: window.statusBar().showMessage(self.reason, NOTICE_MS))

    def refuse_drop(self) -> None:
        """Files dragged over the window: say why they cannot be dropped."""
        self.window.statusBar().showMessage(self.reason, NOTICE_MS)
