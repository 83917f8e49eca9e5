"""The reading-room lock: a password only its archivist knows turns reading-room mode off."""

from __future__ import annotations

import json

import pytest

from reader.core import files as files_module
from reader.core import reading_room_lock as lock_module
from reader.core.reading_room_lock import is_locked, lock, password_hash, password_matches, unlock


@pytest.fixture(autouse=True)
def quick_hash(monkeypatch):
    monkeypatch.setattr(lock_module, "ITERATIONS", 1000)


def test_a_password_matches_its_own_hash_only():
    stored = password_hash("阅览室2026")
    assert password_matches("阅览室2026", stored)
    assert not password_matches("阅览室2025", stored)
    assert not password_matches("", stored)
    assert "阅览室" not in stored and stored.startswith("pbkdf2_sha256$1000$")


def test_the_same_password_is_stored_differently_each_time():
    assert password_hash("secret") != password_hash("secret")


@pytest.mark.parametrize("stored", ["", "garbage", "md5$1$a$b", "pbkdf2_sha256$x$!!$!!", "pbkdf2_sha256$1000$AAAA"])
def test_a_malformed_hash_matches_nothing(stored):
    assert not password_matches("secret", stored)


def test_lock_then_unlock_with_the_password(tmp_path):
    lock_file = tmp_path / "config" / "reading-room-lock.json"
    assert not is_locked(lock_file)
    lock(lock_file, "secret")
    assert is_locked(lock_file)
    assert "secret" not in lock_file.read_text(encoding="utf-8")
    assert not unlock(lock_file, "wrong")
    assert is_locked(lock_file)
    assert unlock(lock_file, "secret")
    assert not is_locked(lock_file) and not lock_file.exists()
    assert [path.name for path in lock_file.parent.iterdir()] == []  # no partial file left


def test_a_short_password_is_refused_and_nothing_is_written(tmp_path):
    lock_file = tmp_path / "reading-room-lock.json"
    with pytest.raises(ValueError):
        lock(lock_file, "abc")
    assert not lock_file.exists()


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"password": 3}', ""])
def test_a_damaged_lock_file_counts_as_no_lock(tmp_path, content):
    lock_file = tmp_path / "reading-room-lock.json"
    lock_file.write_text(content, encoding="utf-8")
    assert not is_locked(lock_file)


@pytest.mark.parametrize(
    "stored",
    [
        "garbage",  # damaged
        "scrypt$16384$c2FsdA==$ZGlnZXN0",  # another algorithm (a later version)
        "pbkdf2_sha256$x$c2FsdA==$ZGlnZXN0",  # a damaged number of rounds
        "pbkdf2_sha256$99999999999$c2FsdA==$ZGlnZXN0",  # rounds no version writes (hours to check)
        "pbkdf2_sha256$1000$!!$ZGlnZXN0",  # a damaged salt
    ],
)
def test_a_lock_no_password_could_open_counts_as_no_lock(tmp_path, stored):
    """The module's promise (and the README's): a damaged lock file is no lock, never one no password opens."""
    lock_file = tmp_path / "reading-room-lock.json"
    lock_file.write_text(json.dumps({"password": stored}), encoding="utf-8")
    assert not is_locked(lock_file)
    assert unlock(lock_file, "anything")


def test_a_lock_that_cannot_be_written_leaves_no_partial_file(tmp_path, monkeypatch):
    lock_file = tmp_path / "reading-room-lock.json"

    def refused(*_args):
        raise PermissionError("the lock file is held open")

    monkeypatch.setattr(files_module.os, "replace", refused)
    with pytest.raises(OSError):
        lock(lock_file, "secret")
    assert list(tmp_path.iterdir()) == [] and not is_locked(lock_file)
