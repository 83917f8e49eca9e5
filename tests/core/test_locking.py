"""One writer per library: the lock excludes other processes, names its owner, and dies with it (not its children)."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import ErrorKind, LibraryBusy, LockingUnsupported
from reader.core.library import locking
from reader.core.library.locking import LOCKED_REGION, FlockLocks, LockOwner, MsvcrtLocks, WriterLock, read_owner

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(os.name != "posix", reason="fork, SIGKILL and flock are POSIX")


class FakeMsvcrt:
    """msvcrt.locking as Windows does it: `nbytes` from the descriptor's position, excluding other handles."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}  # (file, offset, length) -> descriptor
        self.calls: list[tuple[str, int, int]] = []  # (mode, position, nbytes)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append(("lock" if mode == self.LK_NBLCK else "unlock", position, nbytes))
        key = (os.fstat(fd).st_ino, position, nbytes)
        if mode == self.LK_UNLCK:
            del self.held[key]
            return
        file = key[0]
        for other_file, offset, length in self.held:
            if other_file == file and offset < position + nbytes and position < offset + length:
                raise OSError(errno.EACCES, "Permission denied")
        self.held[key] = fd


@pytest.fixture
def fake_windows(monkeypatch) -> FakeMsvcrt:
    msvcrt = FakeMsvcrt()
    monkeypatch.setattr(locking, "LOCKS", MsvcrtLocks(msvcrt))
    return msvcrt


def test_on_windows_every_process_locks_the_same_byte_whatever_the_file_holds(tmp_path, fake_windows):
    lock_file = tmp_path / "图书馆" / "library.lock"
    first = WriterLock(lock_file)
    first.acquire()
    assert read_owner(lock_file).pid == os.getpid()  # the record moved the file's end; the locked byte did not
    with pytest.raises(LibraryBusy):
        WriterLock(lock_file).acquire()
    first.release()
    second = WriterLock(lock_file)
    second.acquire()
    second.release()
    offset, length = LOCKED_REGION
    assert fake_windows.calls == [
        ("lock", offset, length),
        ("lock", offset, length),
        ("unlock", offset, length),
        ("lock", offset, length),
        ("unlock", offset, length),
    ]
    assert offset > 4096  # beyond the record, which a busy process must be able to read


@pytest.mark.parametrize("code", [errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL])
def test_a_file_system_without_locks_is_refused_rather_than_written_unlocked(tmp_path, monkeypatch, code):
    class NoLocks:
        LOCK_EX, LOCK_NB, LOCK_UN = 2, 4, 8

        @staticmethod
        def flock(fd, operation):
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr(locking, "LOCKS", FlockLocks(NoLocks))
    folder = tmp_path / "网络盘"
    lock = WriterLock(folder / "library.lock")
    with pytest.raises(LockingUnsupported) as caught:
        lock.acquire()
    assert caught.value.kind == ErrorKind.LOCKING_UNSUPPORTED and not lock.held
    assert caught.value.values == {"folder": str(folder), "detail": os.strerror(code)}
    assert str(caught.value).startswith(f"the library in {folder} cannot be locked against other copies")


def test_the_lock_file_names_its_owner_while_held_and_nobody_after(tmp_path):
    lock_file = tmp_path / "library.lock"
    with WriterLock(lock_file) as lock:
        owner = read_owner(lock_file)
        assert (owner.pid, owner.host) == (os.getpid(), socket.gethostname())
        assert not os.get_inheritable(lock._fd)
    assert read_owner(lock_file) is None
    assert lock_file.exists()  # never deleted: see the module docstring of locking


def test_a_record_left_by_an_owner_that_died_is_taken_over(tmp_path):
    lock_file = tmp_path / "library.lock"
    dead = LockOwner(pid=2**22 + 17, host=socket.gethostname(), started=1)
    lock_file.write_text(dead.to_text(), encoding="utf-8")
    with WriterLock(lock_file) as lock:
        assert lock.previous_owner == dead
        assert read_owner(lock_file).pid == os.getpid()


def _start_holder(lock_file: Path, child: str = "none") -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.lock_holder", str(lock_file), child],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


@POSIX
def test_a_second_process_is_told_which_process_holds_the_library(tmp_path):
    lock_file = tmp_path / "图书馆" / "library.lock"
    holder = _start_holder(lock_file)
    try:
        assert holder.stdout.readline().split() == ["held", str(holder.pid)]
        with pytest.raises(LibraryBusy) as caught:
            WriterLock(lock_file).acquire()
        assert caught.value.kind == ErrorKind.LIBRARY_BUSY_BY
        assert (caught.value.values["pid"], caught.value.values["host"]) == (str(holder.pid), socket.gethostname())
        holder.stdin.close()  # the holder releases the lock and ends
        assert holder.wait() == 0
    finally:
        holder.kill()
        holder.wait()
    with WriterLock(lock_file):
        pass


@POSIX
@pytest.mark.parametrize("child", ["fork", "spawn"])
def test_a_child_of_a_killed_writer_does_not_keep_the_library_locked(tmp_path, child):
    lock_file = tmp_path / "图书馆" / "library.lock"
    holder = _start_holder(lock_file, child)
    child_pid = None
    try:
        lines = {holder.stdout.readline().strip() for _ in range(3)}  # the child's "alive" may come first
        assert "alive" in lines and f"held {holder.pid}" in lines
        child_pid = int(next(line for line in lines if line.startswith("child ")).split()[1])
        with pytest.raises(LibraryBusy):
            WriterLock(lock_file).acquire()
        holder.send_signal(signal.SIGKILL)
        assert holder.wait() == -signal.SIGKILL
        os.kill(child_pid, 0)  # the child lives on
        with WriterLock(lock_file) as lock:
            assert lock.previous_owner.pid == holder.pid  # the killed writer's record, taken over
    finally:
        holder.kill()
        holder.wait()
        if child_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child_pid, signal.SIGKILL)
