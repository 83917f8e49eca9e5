"""A second `reader import` waits for the copy of the reader that is changing the library, then goes on."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reader.config import resolve_paths, seeds_dir
from reader.core.errors import LibraryBusy
from reader.core.library.locking import WriterLock

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the lock holder is a POSIX process")

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"


@pytest.fixture
def holder(paths):
    """Another process holding the library's writer lock until its stdin closes (tests.core.lock_holder)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.core.lock_holder", str(paths.lock_file)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().split() == ["held", str(process.pid)]
    yield process
    process.kill()
    process.wait()


def _reader(paths, *argv: str) -> subprocess.Popen:
    env = dict(os.environ, READER_DATA_DIR=str(paths.data_dir), PYTHONUTF8="1")
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _waiting_line(pid: int) -> str:
    host = socket.gethostname()
    return f"reader: waiting for another copy of the reader (process {pid} on {host}) to finish changing the library…\n"


def test_a_second_import_waits_for_the_first_then_imports(paths, holder):
    second = _reader(paths, "import", "--json", str(SEED_000))
    try:
        assert second.stderr.readline() == _waiting_line(holder.pid)  # it waits: the holder still has the lock
        holder.stdin.close()  # the first copy finishes
        assert holder.wait(timeout=60) == 0
        out, err = second.communicate(timeout=300)
    finally:
        second.kill()
    assert second.returncode == 0, err
    assert err == ""  # the waiting line was said once
    assert [Path(item["path"]).name for item in json.loads(out)["imported"]] == [SEED_000.name]


def test_wait_0_refuses_at_once_naming_the_process(paths, holder):
    second = _reader(paths, "import", "--wait", "0", str(SEED_000))
    out, err = second.communicate(timeout=300)
    assert second.returncode == 1
    host = socket.gethostname()
    assert err.startswith(f"reader: another copy of the reader (process {holder.pid} on {host}) is changing")
    assert "waiting" not in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "command", [["reindex"], ["remove", "0123456789abcdef"], ["correct", "0123456789ab", "--page", "2"]]
)
def test_every_command_that_changes_the_library_waits_and_gives_up_after_its_wait(paths, holder, command):
    second = _reader(paths, *command, "--wait", "0.3")
    out, err = second.communicate(timeout=300)
    assert second.returncode == 1
    lines = err.splitlines(keepends=True)
    assert lines[0] == _waiting_line(holder.pid)
    assert lines[1].startswith(f"reader: another copy of the reader (process {holder.pid} on")
    assert len(lines) == 2


def test_the_lock_can_wait_for_its_owner_and_tells_once(paths, holder):
    lock = WriterLock(resolve_paths(paths.data_dir).lock_file)
    told: list[LibraryBusy] = []
    lock.on_wait = told.append
    with pytest.raises(LibraryBusy):
        lock.acquire(timeout=0.5)
    assert [busy.values["pid"] for busy in told] == [str(holder.pid)]
    holder.stdin.close()
    lock.acquire(timeout=120)  # taken once the holder has let go
    assert lock.held
    lock.release()
