"""Files written whole or not at all (core.files.write_atomically), with the permissions a plain write gives."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader.core import files
from reader.core.files import write_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX's")


def test_a_file_is_written_whole_and_replaces_the_old_one(tmp_path):
    target = tmp_path / "一个文件夹" / "导出.csv"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [path.name for path in target.parent.iterdir()] == ["导出.csv"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "导出.csv"
    target.write_bytes(b"earlier")

    def full_disk(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_atomically(target, b"later")
    assert target.read_bytes() == b"earlier"
    assert [path.name for path in tmp_path.iterdir()] == ["导出.csv"]


@posix_only
def test_a_new_file_gets_the_permissions_of_a_plain_write_not_a_temporary_files(tmp_path):
    plain = tmp_path / "plain"
    plain.write_bytes(b"x")
    target = tmp_path / "written"
    write_atomically(target, b"x")
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


@posix_only
def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_the_umask_is_read_without_being_changed():
    before = os.umask(0o022)
    os.umask(before)
    files._umask.cache_clear()
    expected = before if Path("/proc/self/status").is_file() else files._USUAL_UMASK
    assert files._umask() == expected
    assert os.umask(before) == before  # not changed by reading it


@posix_only
def test_a_private_file_stays_owner_only(tmp_path):
    target = tmp_path / "lock.json"
    write_atomically(target, b"{}", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
