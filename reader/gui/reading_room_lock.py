"""File → Lock Reading-Room Mode… / Unlock Reading-Room Mode…: the archivist's password on reading-room mode.

Locked, the reader opens in reading-room mode (gui.kiosk) at every start
on this computer's user account, with or without `--kiosk`; in that mode
the File menu offers Unlock (only while locked: a reading room started
with `--kiosk` alone has nothing to unlock), which asks for the password
and then offers to quit, so that the next start is a normal window.  The password is kept
hashed (core.reading_room_lock).  Checking it takes about a tenth of a
second, on the GUI thread while the dialog is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.config import reading_room_lock_file
from reader.core.reading_room_lock import MIN_PASSWORD_LENGTH, is_locked, lock, unlock

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow


class PasswordDialog(QDialog):
    """Asks for a password; with `confirm`, twice, and OK only once both agree and are long enough."""

    def __init__(self, parent: QWidget | None, title: str, explanation: str, confirm: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = QLabel(explanation)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password:"), self.password)
        self.again: QLineEdit | None = None
        if confirm:
            self.again = QLineEdit()
            self.again.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(self.tr("Again:"), self.again)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setObjectName("passwordHint")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.password, self.again):
            if field is not None:
                field.textChanged.connect(self._check)
        self._check()
        self.resize(420, self.sizeHint().height())

    def _check(self) -> None:
        """OK only for a password that can be set (confirm) or has been typed (unlock); the hint says why not."""
        typed = self.password.text()
        hint = ""
        if self.again is None:
            usable = bool(typed)
        elif len(typed) < MIN_PASSWORD_LENGTH:
            usable = False
            hint = self.tr("At least %n characters.", "", MIN_PASSWORD_LENGTH)
        elif typed != self.again.text():
            usable = False
            hint = self.tr("The two passwords differ.") if self.again.text() else ""
        else:
            usable = True
        self.hint.setText(hint)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(usable)


class ReadingRoomLock(QObject):
    """The lock and unlock commands of the window's File menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @staticmethod
    def locked() -> bool:
        return is_locked(reading_room_lock_file())

    def ask_password(self, title: str, explanation: str, confirm: bool) -> str | None:
        """The password typed, or None when the dialog was cancelled (tests replace this)."""
        dialog = PasswordDialog(self.window, title, explanation, confirm)
        return dialog.password.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def lock(self) -> None:
        password = self.ask_password(
            self.tr("Lock Reading-Room Mode"),
            self.tr(
                "From the next start, the reader opens in reading-room mode on this computer: full screen, "
                "reading and searching only. Only this password turns it off again (File → Unlock "
                "Reading-Room Mode…). Lock the computer's own account as well."
            ),
            confirm=True,
        )
        if password is None:
            return
        try:
            lock(reading_room_lock_file(), password)
        except (OSError, ValueError) as error:
            self.window.show_error(self.tr("Could not lock reading-room mode: %1").replace("%1", str(error)))
            return
        QMessageBox.information(
            self.window,
            self.tr("Reading-Room Mode Locked"),
            self.tr("Reading-room mode is locked. It starts the next time the reader opens."),
        )

    def unlock(self) -> None:
        password = self.ask_password(
            self.tr("Unlock Reading-Room Mode"),
            self.tr("The archivist's password turns reading-room mode off for this computer."),
            confirm=False,
        )
        if password is None:
            return
        try:
            unlocked = unlock(reading_room_lock_file(), password)
        except OSError as error:
            self.window.show_error(self.tr("Could not unlock reading-room mode: %1").replace("%1", str(error)))
            return
        if not unlocked:
            QMessageBox.warning(self.window, self.tr("Unlock Reading-Room Mode"), self.tr("Wrong password."))
            return
        self.window.actions_.unlock_reading_room.setVisible(False)  # nothing left to unlock
        answer = QMessageBox.question(
            self.window,
            self.tr("Reading-Room Mode Unlocked"),
            self.tr("Reading-room mode is unlocked: the reader opens as usual from the next start. Quit now?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window.close()
