"""Whether this process may change a library or only read it, and opening its catalog to read only.

A reading-room PC may be given a library it can only read: a read-only
network share, a write-protected USB drive, files another account owns.  Such
a library is opened without taking the writer lock, repairing or creating
anything; its catalog is opened through SQLite's read-only URI:

* when the catalog has a `-wal` or `-shm` file beside it (a writer elsewhere
  has it open, or was killed), `mode=ro`, which reads the write-ahead log
  through the existing `-shm` and sees what the writer commits;
* when it has neither (closed cleanly: everything is in the main file),
  `mode=ro&immutable=1`, because a read-only folder would not let SQLite
  create the `-shm` file `mode=ro` needs for a WAL database, and one created
  in a folder another account writes would belong to the wrong account.
  Immutable means unlocked: it is copied into memory at once and the file let
  go, so a writer starting later elsewhere cannot change it under the reader
  (who sees its imports at the next start);
* a log whose `-shm` cannot be created (copied without it): read from a
  snapshot, the catalog and its log copied to a private temporary folder
  and loaded into memory, the copy deleted at once;
* no catalog at all: an empty one, in memory.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import quote

from reader.config import Paths

#: OS errors that mean "you may not write here" (and not a full disk or a bad path).
REFUSED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def can_write(path: Path) -> bool:
    """Whether `path` (a file or folder that exists) may be written by this process."""
    flags = os.W_OK | (os.X_OK if path.is_dir() else 0)
    return os.access(path, flags)


def library_is_writable(paths: Paths) -> bool:
    """Whether this process may change the library: its folder (or, missing, the folder to make it in) and its files.

    A quick look with os.access; what it cannot see (a share that refuses
    writes it says it allows) is caught when the catalog or the lock is opened
    (Library falls back to reading then, see `refuses_writing`).
    """
    folder = paths.data_dir
    if not folder.exists():
        parent = next((p for p in folder.parents if p.exists()), None)
        return parent is not None and can_write(parent)
    parts = (folder, paths.catalog_file, paths.lock_file, paths.index_dir, paths.originals_dir)
    return all(can_write(path) for path in parts if path.exists())


def refuses_writing(error: BaseException) -> bool:
    """Whether an error opening the library for writing means it may only be read here."""
    if isinstance(error, sqlite3.OperationalError):
        message = str(error).lower()
        return "readonly" in message or "read-only" in message or "unable to open" in message
    return isinstance(error, OSError) and error.errno in REFUSED_ERRNOS


def _uri(path: Path, **options: str) -> str:
    query = "&".join(f"{name}={value}" for name, value in options.items())
    return f"file:{quote(path.as_posix())}?{query}"


def _readable(db: sqlite3.Connection) -> sqlite3.Connection:
    """The connection, once a query has read the schema (SQLite opens files lazily)."""
    db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return db


def open_read_only(catalog: Path, schema: str) -> sqlite3.Connection:
    """A connection that only reads `catalog`, writing nothing beside it (see the module docstring)."""
    if not catalog.exists():
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.executescript(schema)
        return db
    wal, shm = Path(f"{catalog}-wal"), Path(f"{catalog}-shm")
    if not wal.exists() and not shm.exists():
        return _into_memory(sqlite3.connect(_uri(catalog, mode="ro", immutable="1"), uri=True))
    try:
        return _readable(sqlite3.connect(_uri(catalog, mode="ro"), uri=True, timeout=30, check_same_thread=False))
    except sqlite3.OperationalError:
        if not wal.exists() or wal.stat().st_size == 0:  # the main file holds everything
            return _into_memory(sqlite3.connect(_uri(catalog, mode="ro", immutable="1"), uri=True))
        return _snapshot(catalog, wal)


def _into_memory(db: sqlite3.Connection) -> sqlite3.Connection:
    """A copy in memory of what `db` holds; `db` is closed."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        db.backup(memory)
    finally:
        db.close()
    return _readable(memory)


def _snapshot(catalog: Path, wal: Path) -> sqlite3.Connection:
    """The catalog with its log applied, in memory: read from a copy in a private temporary folder."""
    with tempfile.TemporaryDirectory(prefix="baokan-reader-catalog-") as folder:
        copy = Path(folder) / catalog.name
        shutil.copyfile(catalog, copy)
        shutil.copyfile(wal, Path(f"{copy}-wal"))
        return _into_memory(sqlite3.connect(str(copy)))
