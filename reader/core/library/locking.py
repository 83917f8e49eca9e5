"""An exclusive, non-blocking lock on a file: one writer per library at a time.

The lock is the operating system's (flock on POSIX, a byte-range lock on
Windows), so it dies with the process that holds it: a crash or a kill never
leaves the library locked.  Two traps remain, and this module closes both:

* A child process that inherits the lock's file descriptor keeps the lock
  alive after its parent died (the index's worker processes once outlived a
  killed import and kept the library locked).  The descriptor is opened
  close-on-exec and non-inheritable, and a forked child closes its copy at
  once (`os.register_at_fork`), so only the process that took the lock holds it.
* On Windows msvcrt.locking locks from the file's current position: every
  process must lock the same byte, whatever the file holds (`LOCKED_REGION`).

The lock file also records its owner (`LockOwner`: pid, host, start), so
that "the library is busy" can say which process holds it.  The file is never
deleted: a process that opened it just before another deleted it would lock
an orphaned inode while a third locks the new file, and both would write.
A record left by a process that died holding the lock is simply overwritten
by the next owner, since the operating system has already released its lock.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from reader.core.errors import LibraryBusy, LockingUnsupported

#: (offset, length) of the bytes every process locks on Windows.  Far beyond the
#: owner record at the start of the file, because a Windows byte-range lock also
#: stops other processes *reading* those bytes, and a busy process reads the record.
LOCKED_REGION = (1 << 30, 1)

#: How often a waiting writer tries the lock again.
WAIT_POLL_SECONDS = 0.2

#: Errors that mean "another process holds the lock" (the rest mean locking does not work here).
_BUSY_ERRNOS = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


@dataclass(frozen=True)
class LockOwner:
    """Who holds a library's lock, as the lock file records it.

    Attributes:
        pid: the owner's process id.
        host: the name of the machine it runs on (a library on a shared drive has several).
        started: when the process started, in clock ticks since boot (Linux; else None),
            which tells a reused pid from the owner itself.
    """

    pid: int
    host: str
    started: int | None = None

    def to_text(self) -> str:
        """The record as written to the lock file: one line of JSON."""
        return json.dumps({"pid": self.pid, "host": self.host, "started": self.started, "since": time.time()})

    @classmethod
    def from_text(cls, text: str) -> LockOwner | None:
        """The owner a lock file names, or None for an empty or foreign record."""
        try:
            record = json.loads(text)
            return cls(int(record["pid"]), str(record["host"]), record.get("started"))
        except (ValueError, TypeError, KeyError):
            return None


def process_start_ticks(pid: int) -> int | None:
    """When a process started (clock ticks since boot, from /proc), or None where that is not cheap to know."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    fields = stat[stat.rfind(b")") + 2 :].split()
    try:
        return int(fields[19])  # field 22 of stat(5)
    except (IndexError, ValueError):
        return None


def current_owner() -> LockOwner:
    """This process as a lock owner."""
    return LockOwner(os.getpid(), socket.gethostname(), process_start_ticks(os.getpid()))


def read_owner(path: Path) -> LockOwner | None:
    """The owner a lock file records, or None when it records none (released, or not yet written)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return LockOwner.from_text(handle.read(4096))
    except OSError:
        return None


class FlockLocks:
    """Whole-file flock locks (POSIX): tied to the open file, released when its last descriptor closes."""

    def __init__(self, fcntl_module: ModuleType) -> None:
        self.fcntl = fcntl_module

    def lock(self, fd: int) -> None:
        """Take the lock without waiting; OSError when it cannot be taken."""
        self.fcntl.flock(fd, self.fcntl.LOCK_EX | self.fcntl.LOCK_NB)

    def unlock(self, fd: int) -> None:
        self.fcntl.flock(fd, self.fcntl.LOCK_UN)


class MsvcrtLocks:
    """Byte-range locks of Windows' C runtime, always on LOCKED_REGION.

    msvcrt.locking locks `length` bytes from the descriptor's current position,
    so the position is set first: a file opened for appending (as this lock once
    was) would have each process lock a different byte and exclude no one.
    """

    def __init__(self, msvcrt_module: ModuleType) -> None:
        self.msvcrt = msvcrt_module

    def lock(self, fd: int) -> None:
        offset, length = LOCKED_REGION
        os.lseek(fd, offset, os.SEEK_SET)
        self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, length)

    def unlock(self, fd: int) -> None:
        offset, length = LOCKED_REGION
        os.lseek(fd, offset, os.SEEK_SET)
        self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, length)


def platform_locks() -> FlockLocks | MsvcrtLocks:
    """The lock primitives of this operating system."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only (tests use a fake msvcrt)
        import msvcrt

        return MsvcrtLocks(msvcrt)
    import fcntl

    return FlockLocks(fcntl)


#: Replaced by tests to run the Windows code with a fake msvcrt.
LOCKS = platform_locks()

#: Locks this process holds, which a forked child must let go of.
_HELD: weakref.WeakSet[WriterLock] = weakref.WeakSet()


def _let_go_in_child() -> None:
    """In a forked child: close the inherited lock descriptors, without unlocking.

    flock locks belong to the open file shared with the parent: unlocking
    here would release the parent's lock, while closing only drops the
    child's reference, so the lock lives exactly as long as the parent.
    """
    for lock in list(_HELD):
        lock._forget()
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_let_go_in_child)


def _open_flags() -> int:
    """Read-write, created if missing, never truncated, and not inherited by any child process."""
    return os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)


class WriterLock:
    """Held while a process changes the library; released on `release()` or exit.

    Attributes:
        path: the lock file (in the library's folder).
        previous_owner: the owner a stale record named when this lock was taken
            (a process that died holding it), else None.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.previous_owner: LockOwner | None = None
        #: How long `with lock:` waits for another process to release the lock (0: refuse at once).
        self.wait_seconds: float = 0.0
        #: Told once, with the LibraryBusy naming the owner, when a wait begins.
        self.on_wait: Callable[[LibraryBusy], None] | None = None
        self._fd: int | None = None
        self._depth = 0  # re-entrant: an import calls repair() while holding it

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float | None = None) -> None:
        """Take the lock, waiting up to `timeout` seconds (default `wait_seconds`) while another process holds it.

        Raises LibraryBusy naming the owner when the wait ends with the lock
        still held (at once with a timeout of 0), or LockingUnsupported.
        The lock is polled every WAIT_POLL_SECONDS: flock cannot both wait
        and give up after a time, and the owner may be on another machine.
        """
        if self._fd is not None:
            self._depth += 1
            return
        timeout = self.wait_seconds if timeout is None else timeout
        deadline = time.monotonic() + max(0.0, timeout)
        told = False
        while True:
            try:
                self._take()
                return
            except LibraryBusy as busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise
                if not told and self.on_wait is not None:
                    self.on_wait(busy)
                told = True
                time.sleep(min(WAIT_POLL_SECONDS, left))

    def _take(self) -> None:
        """Take the lock without waiting, or raise LibraryBusy / LockingUnsupported."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, _open_flags(), 0o644)
        try:
            os.set_inheritable(fd, False)
            try:
                LOCKS.lock(fd)
            except OSError as error:
                if error.errno in _BUSY_ERRNOS:
                    owner = read_owner(self.path)
                    raise LibraryBusy(self.path.parent, *((owner.pid, owner.host) if owner else ())) from None
                raise LockingUnsupported(self.path.parent, error.strerror or error) from None
            self.previous_owner = _read_fd(fd)  # release() clears the record: one left here outlived its owner
            with contextlib.suppress(OSError):  # a full disk: the lock holds all the same, only unnamed
                _write_fd(fd, current_owner().to_text())
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self._depth = 1
        _HELD.add(self)

    def release(self) -> None:
        """Give the lock up (when the outermost holder releases it); the record is cleared first."""
        if self._fd is None:
            return
        self._depth -= 1
        if self._depth > 0:
            return
        fd, self._fd = self._fd, None
        _HELD.discard(self)
        try:
            with contextlib.suppress(OSError):
                _write_fd(fd, "")
            LOCKS.unlock(fd)
        finally:
            os.close(fd)

    def _forget(self) -> None:
        """Drop this process's copy of the descriptor without unlocking (see _let_go_in_child)."""
        fd, self._fd, self._depth = self._fd, None, 0
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _read_fd(fd: int) -> LockOwner | None:
    """The record in an open lock file (None if it cannot be read: the record only names, the lock excludes)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return LockOwner.from_text(os.read(fd, 4096).decode("utf-8", errors="replace"))
    except OSError:
        return None


def _write_fd(fd: int, text: str) -> None:
    """Replace the record in an open lock file."""
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, text.encode("utf-8"))
