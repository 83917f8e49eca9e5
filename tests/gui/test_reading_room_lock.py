"""The archivist's password on reading-room mode: locked on at every start, unlocked only with the password."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from reader.config import reading_room_lock_file
from reader.core import reading_room_lock as lock_module
from reader.core.reading_room_lock import is_locked, lock
from reader.gui.app import starts_in_reading_room
from reader.gui.reading_room_lock import PasswordDialog, ReadingRoomLock
from tests.gui.conftest import close_window, open_window
from tests.gui.test_kiosk import _kiosk_window


@pytest.fixture(autouse=True)
def quick_hash(monkeypatch):
    monkeypatch.setattr(lock_module, "ITERATIONS", 1000)


def _answers(monkeypatch, password: str | None) -> list:
    asked = []
    monkeypatch.setattr(
        ReadingRoomLock, "ask_password", lambda lock, title, text, confirm: asked.append(confirm) or password
    )
    return asked


def test_an_archivist_locks_reading_room_mode_from_a_normal_window(qtbot, paths, monkeypatch):
    window = open_window(qtbot, paths)
    assert window.actions_.lock_reading_room.isVisible() and not window.actions_.unlock_reading_room.isVisible()
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[1]))
    asked = _answers(monkeypatch, None)
    window.actions_.lock_reading_room.trigger()  # cancelled
    assert asked == [True] and not is_locked(reading_room_lock_file()) and not told
    _answers(monkeypatch, "阅览室锁")
    window.actions_.lock_reading_room.trigger()
    assert is_locked(reading_room_lock_file()) and told
    assert starts_in_reading_room(False)
    close_window(window)


def test_the_next_start_is_a_normal_window_once_unlocked():
    assert not starts_in_reading_room(False)
    assert starts_in_reading_room(True)


def test_the_reading_room_unlocks_with_the_password_only(qtbot, paths, monkeypatch):
    lock(reading_room_lock_file(), "secret")
    window = _kiosk_window(qtbot, paths)
    assert window.actions_.unlock_reading_room.isVisible() and not window.actions_.lock_reading_room.isVisible()
    warned, questions = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args: questions.append(args[2]) or QMessageBox.StandardButton.No
    )
    asked = _answers(monkeypatch, "wrong")
    window.actions_.unlock_reading_room.trigger()
    assert asked == [False] and warned and is_locked(reading_room_lock_file())
    _answers(monkeypatch, "secret")
    window.actions_.unlock_reading_room.trigger()
    assert questions and not is_locked(reading_room_lock_file())
    assert window.isVisible()  # "Quit now?" answered No
    assert not window.actions_.unlock_reading_room.isVisible()  # nothing left to unlock
    window.close()
    window.library.close()


def test_the_password_dialog_accepts_only_two_equal_passwords_long_enough(qtbot):
    dialog = PasswordDialog(None, "Lock", "why", confirm=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.password.setText("abc")
    assert not ok.isEnabled() and dialog.hint.text()
    dialog.password.setText("abcd")
    dialog.again.setText("abce")
    assert not ok.isEnabled() and dialog.hint.text()
    dialog.again.setText("abcd")
    assert ok.isEnabled() and not dialog.hint.text()

    unlock = PasswordDialog(None, "Unlock", "why", confirm=False)
    qtbot.addWidget(unlock)
    assert unlock.again is None
    assert not unlock.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    unlock.password.setText("x")
    assert unlock.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_reading_room_started_with_kiosk_and_no_lock_offers_no_unlock(qtbot, paths):
    """Nothing to unlock: no Unlock that takes any password and says the mode is off from the next start."""
    assert not is_locked(reading_room_lock_file())
    window = _kiosk_window(qtbot, paths)
    assert not window.actions_.unlock_reading_room.isVisible()
    assert not window.actions_.lock_reading_room.isVisible()
    window.close()
    window.library.close()
