"""File → Back Up Library…: written on the writer thread, the status bar says so; the file restores."""

from __future__ import annotations

import zipfile

from reader.config import seeds_dir
from reader.core.library.backup import MANIFEST
from reader.gui import library_backup
from tests.gui.conftest import import_and_wait


def test_back_up_from_the_window(qtbot, window, tmp_path, monkeypatch):
    import_and_wait(qtbot, window, [str(seeds_dir() / "000_3ec1d81f3cd0b893.txt")])
    target = tmp_path / "备份.zip"
    monkeypatch.setattr(library_backup, "choose_save_path", lambda *args: str(target))
    window.backup.choose_and_back_up()
    qtbot.waitUntil(lambda: window.backup.job is None, timeout=60000)
    with zipfile.ZipFile(target) as archive:
        assert MANIFEST in archive.namelist() and any(name.startswith("originals/") for name in archive.namelist())
    assert str(target) in window.statusBar().currentMessage()
    assert window.settings.value(library_backup.BACKUP_FOLDER_SETTING) == str(tmp_path)


def test_a_backup_that_cannot_be_written_is_one_message(qtbot, window, tmp_path, monkeypatch, _no_modal_boxes):
    target = tmp_path / "no such folder" / "b.zip"
    monkeypatch.setattr(library_backup, "choose_save_path", lambda *args: str(target))
    window.backup.choose_and_back_up()
    qtbot.waitUntil(lambda: window.backup.job is None, timeout=60000)
    assert len(_no_modal_boxes) == 1 and "b.zip" in _no_modal_boxes[0][2]
