"""Whether the library changed on disk since a moment ago: a fingerprint of its catalog and index, cheap to take.

A window reads the catalog once at start and again after each of its own
writes; another process can change the library meanwhile: `reader import`
on the command line, or, on a library shared by a reading room, the
archivist's PC importing into the share the reading-room PCs read.  The
window takes this fingerprint every few seconds (gui.library_watch) and
reads the catalog and reopens the index only when it differs.

The fingerprint is the size and modification time of the catalog and its
write-ahead log, the names of the index's table-of-contents files (a commit
writes a new generation) and its identity file (a rebuild swaps the whole
index in): a few stat calls and one directory listing, fine on a network share.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.config import Paths

#: The index's identity file (index_files.IDENTITY_FILE; named here so a look needs no Whoosh).
_IDENTITY_FILE = "reader-index-id"


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def library_fingerprint(paths: Paths) -> tuple:
    """What identifies the library's current state on disk: equal fingerprints, nothing changed."""
    catalog = paths.catalog_file
    try:
        contents = sorted(name for name in os.listdir(paths.index_dir) if name.endswith(".toc"))
    except OSError:
        contents = []
    return (
        _stat(catalog),
        _stat(Path(f"{catalog}-wal")),
        tuple(contents),
        _stat(paths.index_dir / _IDENTITY_FILE),
    )
