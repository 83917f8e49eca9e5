"""Files written whole or not at all: the library's originals and sidecars, the reading-room lock, exports."""

from __future__ import annotations

import functools
import os
import re
import tempfile
from pathlib import Path

#: What a new file's permissions are masked with where the process's umask cannot be read without changing it.
_USUAL_UMASK = 0o022


def write_atomically(target: Path, data: bytes, private: bool = False) -> None:
    """Write `data` so that `target` is either absent (or as it was) or complete, never half-written.

    A temporary file beside it is written, flushed to the disk and renamed over
    it; on any failure (a full disk, a file held open) the temporary file goes.
    The file gets the permissions a plain write would give it (those of the
    file it replaces, else the usual ones under the umask), not the
    owner-only ones of a temporary file: an export is for others to open too.
    `private`: owner-only all the same (a password's hash).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix" and not private:
            os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _mode_for(target: Path) -> int:
    """The permissions `target` has now, or those open() would give a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


@functools.cache
def _umask() -> int:
    """The process's umask, read without setting it (os.umask sets it, for every thread at once): Linux
    says it in /proc/self/status; elsewhere the usual one.  Read once: an import writes thousands of files."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return _USUAL_UMASK
    found = re.search(r"^Umask:\s*([0-7]+)", status, re.MULTILINE)
    return int(found.group(1), 8) if found else _USUAL_UMASK
