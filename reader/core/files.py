"""Files written whole or not at all: the library's originals and sidecars, the reading-room lock."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` so that `target` is either absent (or as it was) or complete, never half-written.

    A temporary file beside it is written, flushed to the disk and renamed over
    it; on any failure (a full disk, a file held open) the temporary file goes.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
