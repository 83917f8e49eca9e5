"""An exclusive, non-blocking lock on a file: one writer per library at a time."""

from __future__ import annotations

import os
from pathlib import Path

from reader.core.errors import LibraryBusy

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class WriterLock:
    """Held while a process changes the library; released on `release()` or exit.

    The lock dies with the process, so a crash never leaves the library locked.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = None
        self._depth = 0  # re-entrant: an import calls repair() while holding it

    def acquire(self) -> None:
        """Take the lock or raise LibraryBusy naming the reason in plain words."""
        if self._handle is not None:
            self._depth += 1
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")
        if not _try_lock(handle):
            handle.close()
            raise LibraryBusy(self.path.parent)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        self._depth = 1

    def release(self) -> None:
        if self._handle is None:
            return
        self._depth -= 1
        if self._depth > 0:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
