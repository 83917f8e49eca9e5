"""Backing a library up to one file, and restoring it on another PC.

A backup is a zip file holding what cannot be made again: the originals
(byte-for-byte, with their sidecars), the catalog (corrections included) and
the bookmarks and notes, plus a manifest.  The index is not in it: it is a
cache, rebuilt from the originals by the repair the first time the restored
library is opened.  The databases are copied with SQLite's backup API, so a
backup taken while the window reads the library is a consistent one.

A backup is written under a temporary name and renamed when complete, so a
file of the chosen name is a whole backup; a restore goes into an empty
folder only, extracted beside it and renamed into place, and refuses a zip
that is not a backup of ours or names a path outside the library.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader import __version__
from reader.config import Paths
from reader.core.errors import Stopped

MANIFEST = "reader-backup.json"
FORMAT = 1
#: What a backup holds besides the originals: the library's databases, by their file names.
DATABASES = ("catalog.sqlite3", "bookmarks.sqlite3")
ORIGINALS = "originals"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupReport:
    """What went into a backup (or came out of one)."""

    path: Path
    originals: int
    bytes: int


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite database, even while another connection uses it."""
    with contextlib.closing(sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)) as reading:
        with contextlib.closing(sqlite3.connect(str(target))) as writing:
            reading.backup(writing)


def write_backup(
    paths: Paths, target: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> BackupReport:
    """Write the library in `paths` to the zip file `target` (see the module docstring).

    Raises OSError when it cannot be written, Stopped when `cancelled()`
    says so (nothing is left under `target` either way).
    """
    originals = sorted(path for path in paths.originals_dir.rglob("*") if path.is_file())
    partial = target.with_name(f".{target.name}.part")
    total = len(originals)
    written = 0
    try:
        with (
            tempfile.TemporaryDirectory(prefix="reader-backup-") as scratch,
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive,
        ):
            databases = []
            for name in DATABASES:
                source = paths.data_dir / name
                if source.is_file():
                    copy = Path(scratch) / name
                    _copy_database(source, copy)
                    archive.write(copy, name)
                    databases.append(name)
            for number, path in enumerate(originals):
                if cancelled and cancelled():
                    raise Stopped()
                name = (PurePosixPath(ORIGINALS) / path.relative_to(paths.originals_dir).as_posix()).as_posix()
                archive.write(path, name)
                written += path.stat().st_size
                if progress and (number % 50 == 0 or number == total - 1):
                    progress(number + 1, total)
            manifest = {
                "format": FORMAT,
                "program": f"reader {__version__}",
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "originals": total,
                "databases": databases,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return BackupReport(target, total, written)


class NotABackup(ValueError):
    """The file is not a backup this program can restore (the message says why)."""


def _checked_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The zip's members, after checking it is our backup and names nothing outside the library."""
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError) as error:
        raise NotABackup("it is not a library backup (no readable manifest)") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotABackup(f"it is a backup of another format ({manifest.get('format')!r}), this program reads {FORMAT}")
    members = []
    for member in archive.infolist():
        name = PurePosixPath(member.filename)
        if name.is_absolute() or ".." in name.parts or "\\" in member.filename or ":" in member.filename:
            raise NotABackup(f"it names a path outside the library: {member.filename}")
        if member.is_dir() or member.filename == MANIFEST:
            continue
        if member.filename not in DATABASES and name.parts[0] != ORIGINALS:
            raise NotABackup(f"it holds a file a backup does not: {member.filename}")
        members.append(member)
    return members


def restore_backup(
    source: Path, paths: Paths, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> BackupReport:
    """Restore the backup `source` into the library folder of `paths`, which must be empty or absent.

    Raises NotABackup (with the reason), FileExistsError when the folder
    already holds something, OSError when it cannot be written, Stopped when
    cancelled; in every case the folder is left as it was.
    """
    data_dir = paths.data_dir
    if data_dir.exists() and any(data_dir.iterdir()):
        raise FileExistsError(f"{data_dir} is not empty: restore into a new, empty library folder")
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile as error:
        raise NotABackup("it is not a zip file") from error
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}-restoring-", dir=data_dir.parent))
    try:
        with archive:
            members = _checked_members(archive)
            total = sum(1 for member in members if member.filename not in DATABASES)
            originals = restored = 0
            for member in members:
                if cancelled and cancelled():
                    raise Stopped()
                archive.extract(member, staging)
                restored += member.file_size
                if member.filename not in DATABASES:
                    originals += 1
                    if progress and (originals % 50 == 0 or originals == total):
                        progress(originals, total)
        if data_dir.exists():
            data_dir.rmdir()  # empty, checked above
        os.replace(staging, data_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BackupReport(data_dir, originals, restored)
