"""A library this process may only read, for tests: real permissions where they bind, else the probe says so.

Root writes through any permission bits, so as root the library's probe
(access.library_is_writable) is told the library cannot be written; the
read-only open path runs all the same, and `snapshot` shows that nothing
in the folder was created, changed or removed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader.core.library import access

AS_ROOT = getattr(os, "geteuid", lambda: -1)() == 0


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folder` (itself included): its size and modification time."""
    found = {".": (0, folder.stat().st_mtime_ns)} if folder.exists() else {}
    for path in folder.rglob("*"):
        info = path.lstat()
        found[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return found


def make_read_only(folder: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Let this process only read the library in `folder` (chmod, undone after the test; as root, the probe)."""
    if AS_ROOT:
        monkeypatch.setattr(access, "library_is_writable", lambda paths: False)
        return
    changed = [folder, *folder.rglob("*")]
    modes = {path: path.stat().st_mode for path in changed}
    for path in reversed(changed):  # files before their folders
        mode = modes[path]
        os.chmod(path, stat.S_IMODE(mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))

    def restore() -> None:
        for path in changed:
            os.chmod(path, stat.S_IMODE(modes[path]))

    request.addfinalizer(restore)
