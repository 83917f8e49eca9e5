"""A process that holds a library's writer lock for tests/core/test_locking.py (run with `python -m`).

    python -m tests.core.lock_holder LOCK_FILE [none|fork|spawn]

Takes the lock and prints `held PID`; with `fork` or `spawn` it then starts a
child that outlives it (forked as multiprocessing forks Whoosh's index
workers, or a new program) and prints `child PID` once the child runs.  It
releases the lock and exits when its stdin closes; tests kill it instead to
see what the child keeps.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

from reader.core.library.locking import WriterLock


def _say(line: str) -> None:
    """One line on stdout in a single write, so the lines of parent and child never interleave."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def _live_on() -> None:
    """The forked child: says it runs, then waits to be killed."""
    _say("alive")
    signal.pause()


def main(lock_file: str, child: str) -> None:
    lock = WriterLock(Path(lock_file))
    lock.acquire()
    _say(f"held {os.getpid()}")
    if child == "fork":
        process = multiprocessing.get_context("fork").Process(target=_live_on)
        process.start()
        _say(f"child {process.pid}")
    elif child == "spawn":
        # close_fds=False: the child gets every descriptor the parent lets be inherited.
        code = "import os, signal; os.write(1, b'alive\\n'); signal.pause()"
        process = subprocess.Popen([sys.executable, "-c", code], close_fds=False)
        _say(f"child {process.pid}")
    sys.stdin.read()
    lock.release()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "none")
