"""The library: imported originals, the catalog and the index kept in step.

Import is all-or-nothing per file: the original is stored and a `pending`
catalog row written before its articles go into the index; the row turns
`indexed` only after the index commit.  `repair()` finds whatever an
interrupted import or a hand-edited data folder left out of step, and fixes it
from the originals, which are never modified.  Removal is all-or-nothing too
(reader.core.library.removal describes its steps); repair finishes or undoes a removal
a crash interrupted.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.config import Paths, jieba_cache_for
from reader.core.errors import ErrorKind, LibraryBusy, ReaderError, RejectedFile, Stopped
from reader.core.faults import reach
from reader.core.filenames import printable_name, storable_name
from reader.core.files import write_atomically
from reader.core.library import access
from reader.core.library.bookmarks import Bookmarks
from reader.core.library.catalog import INDEXED, PENDING, Catalog, IssueRecord, now
from reader.core.library.changes import library_fingerprint
from reader.core.library.credits import issue_credits
from reader.core.library.import_log import import_events
from reader.core.library.locking import WriterLock
from reader.core.library.removal import RemovalReport, RemovedIssue, Trash, resolve_ids
from reader.core.library.sidecars import SIDECAR_SUFFIX, Sidecar, read_sidecar, sidecar_name
from reader.core.model import Issue
from reader.core.parsing.decode import decode_issue_bytes, read_issue
from reader.core.search.jieba_loader import configure_jieba_cache

ISSUE_SUFFIXES = (".txt",)
#: Issues per index commit in a big import or a rebuild.  Each commit writes a segment
#: per process, and every segment costs each search a lookup per token, so batches
#: are as large as memory allows: on 1,000 synthetic issues, 500 per batch peaked at
#: 250 MB per process and left 4 segments (150 per batch: 150 MB and 14 segments).
BATCH_ISSUES = 500
#: Bytes of issue files per commit of an import: a batch of big issues (a daily of twenty pages has
#: ten times the text of a district weekly) is cut sooner, so that the batch held in memory and the
#: postings built from it (whoosh27.bulk_fields) stay about the size 500 such weeklies make.
BATCH_BYTES = 24 * 1024 * 1024


def _batch_full(issues: int, held_bytes: int) -> bool:
    """Whether a batch of `issues` whose files hold `held_bytes` is one commit's worth (imports, repairs, rebuilds)."""
    return issues >= BATCH_ISSUES or held_bytes >= BATCH_BYTES


def _batches(items: list, sizes: list[int]) -> Iterator[tuple[int, list]]:
    """(index of the first, the batch) of `items` cut into commits as an import cuts them (_batch_full)."""
    start = 0
    while start < len(items):
        end, held = start, 0
        while end < len(items) and (end == start or not _batch_full(end - start, held)):
            held += sizes[end]
            end += 1
        yield start, items[start:end]
        start = end


def _search_index():
    """The index module, imported on first use: Whoosh (~0.15 s) is no part of the window's start-up.

    The window opens the library and reads its catalog before it is painted;
    the index is first needed by the repair, which starts after the first paint.
    """
    from reader.core.search import index

    return index


def _parse(text: str, source: str) -> Issue:
    """The parser, imported on first use: its ~200 regular expressions are no part of the window's start-up."""
    from reader.core.parsing.parse import parse_text

    return parse_text(text, source)


#: What a user may correct of an issue's metadata.
CORRECTABLE = ("publication", "date", "page")
CORRECTED_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")

#: SQLite's answers for a file that is not a sound database (SQLITE_CORRUPT, SQLITE_NOTADB): only these set
#: a catalog aside as damaged; any other error (a full disk, an I/O error) leaves it where it is.
DAMAGED_DATABASE = {11, 26}

#: progress(done, total, name): files (or issues) done, how many in all, the one being read;
#: the name is WRITING_INDEX while a batch is written to the index (and segments merged).
ProgressCallback = Callable[[int, int, str], None]
WRITING_INDEX = ""
CancelCheck = Callable[[], bool]


def issue_id_for(text: str) -> str:
    """Identity of an issue: a hash of its decoded text, so re-encoded copies are duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass
class Imported:
    """A file imported; `damaged_characters` places of it were damaged bytes, shown as U+FFFD (decode.py)."""

    path: str
    issue_id: str
    articles: int
    damaged_characters: int = 0

    @property
    def warning(self) -> str | None:
        """What the user should know of the file, in English (the CLI's words), or None."""
        if not self.damaged_characters:
            return None
        places = "1 character" if self.damaged_characters == 1 else f"{self.damaged_characters} characters"
        return f"imported, but {places} could not be read (damaged bytes) and are shown as \ufffd"


@dataclass
class Duplicate:
    path: str
    issue_id: str
    existing_source: str


@dataclass
class ImportReport:
    """What one import did, file by file."""

    imported: list[Imported] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected: list[RejectedFile] = field(default_factory=list)
    skipped_non_issue: int = 0
    cancelled: bool = False

    def to_json(self) -> dict:
        """The report as `reader import --json` prints it (a stable contract)."""
        return {
            "imported": [
                {"path": storable_name(i.path), "id": i.issue_id, "articles": i.articles} for i in self.imported
            ],
            "duplicates": [
                {"path": storable_name(d.path), "id": d.issue_id, "existing": d.existing_source}
                for d in self.duplicates
            ],
            "rejected": [{"path": storable_name(r.path), "reason": r.reason} for r in self.rejected],
            "skipped": self.skipped_non_issue,
            "cancelled": self.cancelled,
            "warnings": [
                {
                    "path": storable_name(i.path),
                    "id": i.issue_id,
                    "damaged_characters": i.damaged_characters,
                    "warning": i.warning,
                }
                for i in self.imported
                if i.warning
            ],
        }


@dataclass
class RepairReport:
    """Differences between library and index that `repair()` fixed."""

    reindexed: list[str] = field(default_factory=list)
    removed_from_index: list[str] = field(default_factory=list)
    recovered_originals: list[str] = field(default_factory=list)
    missing_originals: list[str] = field(default_factory=list)
    #: Originals of an interrupted removal: put back (it had not happened) or deleted (it had).
    restored_from_trash: list[str] = field(default_factory=list)
    deleted_from_trash: list[str] = field(default_factory=list)
    #: Stopped on request (the window closing); what was left is repaired at the next start.
    cancelled: bool = False

    def changed(self) -> bool:
        return bool(
            self.reindexed
            or self.removed_from_index
            or self.recovered_originals
            or self.missing_originals
            or self.restored_from_trash
            or self.deleted_from_trash
        )


@dataclass
class _Prepared:
    """A file read, decoded and parsed, ready to be stored and indexed."""

    path: str
    data: bytes
    issue_id: str
    issue: Issue
    codec: str
    damaged: int = 0


def expand_paths(paths: Iterable[str | bytes | os.PathLike]) -> tuple[list[str], list[RejectedFile], int]:
    """Files to import from files and folders (folders recursively, `.txt` only).

    Returns (files, rejections, count of non-.txt files skipped).  What a folder
    holds that cannot be read is rejected with its reason rather than passed
    over in silence: links to folders (not followed, so a link cannot loop or
    reach outside the folder), and `.txt` entries that are broken links, pipes
    or devices.  Names that are not valid text stay as the OS gave them
    (surrogate-escaped), so the file can still be opened.
    """
    files: list[str] = []
    rejected: list[RejectedFile] = []
    skipped = 0
    for raw in paths:
        path = Path(os.fsdecode(raw))
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_symlink() and child.is_dir():
                    rejected.append(RejectedFile(str(child), ErrorKind.LINKED_FOLDER))
                elif child.is_dir():
                    continue
                elif child.suffix.lower() not in ISSUE_SUFFIXES:
                    skipped += 1
                elif child.is_file():
                    files.append(str(child))
                elif child.is_symlink() and not child.exists():
                    rejected.append(RejectedFile(str(child), ErrorKind.BROKEN_LINK))
                else:
                    rejected.append(RejectedFile(str(child), ErrorKind.NOT_A_REGULAR_FILE))
        elif path.exists() or path.is_symlink():
            files.append(str(path))
        else:
            rejected.append(RejectedFile(str(path), ErrorKind.NO_SUCH_FILE))
    return files, rejected, skipped


@contextlib.contextmanager
def _write_failure_named(target: Path) -> Iterator[None]:
    """A full disk or an I/O error while writing `target` becomes one WRITE_FAILED line naming it.

    What was completely written before is listed (or indexed) by the next repair.
    """
    try:
        yield
    except (OSError, sqlite3.OperationalError) as error:
        detail = getattr(error, "strerror", None) or error
        raise ReaderError(ErrorKind.WRITE_FAILED, file=target, detail=detail) from error


def _apply_corrections(issue: Issue, corrections: dict) -> Issue:
    """Overlay the user's corrections of publication, date and page on a parsed issue."""
    if "publication" in corrections:
        issue.publication, issue.publication_origin = corrections["publication"], "corrected"
    if "date" in corrections:
        issue.date, issue.date_origin = corrections["date"], "corrected"
        issue.date_precision = "day" if corrections["date"] and len(corrections["date"]) == 10 else "month"
    if "page" in corrections:
        issue.page = corrections["page"]
    return issue


class Library:
    """One library on disk; the only object that writes to it.

    Attributes:
        read_only: the library may only be read here (a read-only drive or share, another account's
            files; see reader.core.library.access): it was opened without its lock, repairing nothing,
            and every method that would change it raises LIBRARY_READ_ONLY.
    """

    def __init__(self, paths: Paths, read_only: bool = False) -> None:
        """Open the library at `paths`; `read_only`: for reading only even where it could be written
        (a reading-room PC in kiosk mode), else only where it cannot be written."""
        self.paths = paths
        #: Where a damaged catalog was set aside at this opening (it was rebuilt from the sidecars), else None.
        self.damaged_catalog: Path | None = None
        #: What to tell the user about it (one line), else None.
        self.catalog_notice: ReaderError | None = None
        self.read_only = read_only or not access.library_is_writable(paths)
        if not self.read_only:
            try:
                paths.data_dir.mkdir(parents=True, exist_ok=True)
                self.catalog = self._open_catalog()
            except (OSError, sqlite3.OperationalError) as error:  # a share that refuses what os.access allowed
                if not access.refuses_writing(error):
                    raise
                self.read_only = True
        if self.read_only:
            self.damaged_catalog = self.catalog_notice = None
            self.catalog = Catalog(paths.catalog_file, read_only=True)
        configure_jieba_cache(jieba_cache_for(paths, library_writable=not self.read_only))
        #: The reader's bookmarks and notes; kept for the session only where the library may only be read.
        self.bookmarks = self._open_bookmarks()
        self._lock = WriterLock(paths.lock_file)
        self._index = None
        #: The catalog was set aside as damaged and the originals are not listed again yet (the next repair does).
        self._relisting = self.damaged_catalog is not None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the writer lock while the library is changed; LIBRARY_READ_ONLY where it may only be read."""
        if self.read_only:
            raise ReaderError(ErrorKind.LIBRARY_READ_ONLY, folder=self.paths.data_dir)
        try:
            self._lock.acquire()
        except OSError as error:  # the lock file cannot be made: a folder that refuses what os.access allowed
            if not access.refuses_writing(error):
                raise
            self.read_only = True
            raise ReaderError(ErrorKind.LIBRARY_READ_ONLY, folder=self.paths.data_dir) from error
        try:
            yield
        finally:
            self._lock.release()

    def _open_catalog(self) -> Catalog:
        """The catalog; a damaged one (not a database any more) is set aside, kept, and a new one started."""
        try:
            return Catalog(self.paths.catalog_file)
        except sqlite3.DatabaseError as error:
            if access.refuses_writing(error):
                raise  # not damaged: it may only be read here
            if getattr(error, "sqlite_errorcode", None) not in DAMAGED_DATABASE:
                # A full disk, an I/O error, a file that cannot be opened: the catalog may be sound.
                raise ReaderError(ErrorKind.CATALOG_UNUSABLE, catalog=self.paths.catalog_file, detail=error) from error
            catalog = self.paths.catalog_file
            aside = catalog.with_name(f"{catalog.stem}-damaged-{time.strftime('%Y%m%d-%H%M%S')}{catalog.suffix}")
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.replace(f"{catalog}{suffix}", f"{aside}{suffix}")
            self.damaged_catalog = aside
            self.catalog_notice = ReaderError(ErrorKind.CATALOG_REBUILT, kept_as=aside)
            try:
                return Catalog(catalog)
            except sqlite3.DatabaseError as again:
                raise ReaderError(ErrorKind.CATALOG_UNUSABLE, catalog=catalog, detail=again) from again

    def is_new(self) -> bool:
        """Nothing was ever imported here: no issue listed, none stored, none removed (a first start)."""
        if self.catalog.counts()[0] or self.catalog.has_removals():  # a count, not every record (10,000 at start)
            return False
        return not any(self.paths.originals_dir.glob("*/*.txt"))

    def _open_bookmarks(self) -> Bookmarks:
        """The library's bookmarks; in memory for the session where they cannot be kept in the library."""
        if not self.read_only:
            try:
                return Bookmarks(self.paths.bookmarks_file)
            except (OSError, sqlite3.Error) as error:  # a share that refuses what os.access allowed
                if not access.refuses_writing(error):
                    raise
        return Bookmarks(None)

    def close(self) -> None:
        self.catalog.close()
        self.bookmarks.close()
        self._lock.release()

    def wait_for_other_writers(self, seconds: float, waiting: Callable[[LibraryBusy], None] | None = None) -> None:
        """Have every change through this object wait up to `seconds` while another process changes the library.

        `waiting` is told once, with the LibraryBusy naming that process, when a
        wait begins; past `seconds` the change raises that LibraryBusy.  0 (the
        default) refuses at once.
        """
        self._lock.wait_seconds = seconds
        self._lock.on_wait = waiting

    # -- reading -------------------------------------------------------------
    def fingerprint(self) -> tuple:
        """The library's state on disk (changes.library_fingerprint): compare two to see whether it changed."""
        return library_fingerprint(self.paths)

    def reload(self) -> None:
        """See what another process or PC wrote since this library was opened.

        Only a library that may only be read here needs it: its catalog may
        be a copy taken at opening, read again now.  A writable library's
        catalog connection sees every commit, and Whoosh reads the index's
        newest generation whenever a searcher opens.
        """
        if self.read_only:
            self.catalog.reopen()

    @property
    def index(self):
        """The Whoosh index, opened (or created, unless the library may only be read) on first use."""
        if self._index is None:
            self._index = _search_index().open_index(self.paths.index_dir, create=not self.read_only)
        return self._index

    def records(self) -> list[IssueRecord]:
        return self.catalog.all()

    def original_path(self, record: IssueRecord) -> Path:
        return self.paths.originals_dir / record.stored_name

    def _parse_original(self, record: IssueRecord) -> Issue:
        path = self.original_path(record)
        try:
            data = path.read_bytes()
        except FileNotFoundError as error:
            raise ReaderError(ErrorKind.ORIGINAL_MISSING, source=record.source, copy=path) from error
        text, _ = decode_issue_bytes(data, record.source)
        return _parse(text, record.source)

    def _sidecar_path(self, record: IssueRecord) -> Path:
        return self.paths.originals_dir / sidecar_name(record.stored_name)

    def _write_sidecar(self, record: IssueRecord) -> None:
        sidecar = Sidecar(record.source, record.codec, record.imported_at, dict(record.corrections))
        write_atomically(self._sidecar_path(record), sidecar.to_bytes())

    def _write_missing_sidecars(self, records) -> None:
        """Libraries made before sidecars existed get theirs at the next repair (none where it cannot write)."""
        for record in records:
            if not self._sidecar_path(record).exists() and self.original_path(record).is_file():
                with contextlib.suppress(OSError):
                    self._write_sidecar(record)

    def _check_originals_folder(self, records) -> None:
        """Stop, changing nothing, when the catalog lists issues but their folder is gone (an unplugged drive)."""
        if records and not self.paths.originals_dir.is_dir():
            raise ReaderError(ErrorKind.ORIGINALS_FOLDER_MISSING, folder=self.paths.originals_dir)

    def _reparsed_for_index(self, record: IssueRecord) -> Issue:
        """Parse an original again for the index, keeping the catalog's parsed metadata current.

        The parser may have improved since the import (a new PARSER_VERSION makes
        the next start re-index everything): the article count, publication and
        date it reads now are stored, corrections stay as they are.
        """
        issue = self._parse_original(record)
        self.catalog.update_metadata(
            self._record_for(_Prepared("", b"", record.id, issue, record.codec)), issue_credits(issue)
        )
        self.bookmarks.follow_reparse(record.id, issue)
        return _apply_corrections(issue, record.corrections)

    def load_issue(self, issue_id: str) -> Issue:
        """Parse an imported issue again from its original, with the user's corrections."""
        record = self.catalog.get(issue_id)
        if record is None:
            raise KeyError(issue_id)
        return _apply_corrections(self._parse_original(record), record.corrections)

    # -- importing -----------------------------------------------------------
    def _prepare(self, path: str, name: str | None = None) -> _Prepared:
        """Read, decode and parse a file; `name` is the file name the parser reads (default: the path's)."""
        data, decoded = read_issue(path)
        try:
            issue = _parse(decoded.text, name or storable_name(os.path.basename(path)))
        except Exception as error:  # a parser bug must not stop the other files
            raise RejectedFile(path, ErrorKind.UNPARSABLE, detail=error) from error
        return _Prepared(path, data, issue_id_for(decoded.text), issue, decoded.codec, decoded.damaged)

    def _record_for(self, prepared: _Prepared) -> IssueRecord:
        issue = prepared.issue
        return IssueRecord(
            id=prepared.issue_id,
            source=issue.source,
            stored_name=f"{prepared.issue_id[:2]}/{prepared.issue_id}.txt",
            codec=prepared.codec,
            size=len(prepared.data),
            publication=issue.publication,
            publication_origin=issue.publication_origin,
            date=issue.date,
            date_precision=issue.date_precision,
            date_origin=issue.date_origin,
            page=issue.page,
            articles=len(issue.articles),
            corrections={},
            state=PENDING,
            imported_at=now(),
        )

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        abandoned: CancelCheck | None = None,
    ) -> ImportReport:
        """Import files and folders; see the module docstring for the guarantees.

        `cancelled`: stop reading files; those read so far are still imported.
        `abandoned`: stop now, the batch at hand included (the window is closing: nothing may run on).
        """
        with self._writing():
            self.repair()
            started = now()
            files, rejected, skipped = expand_paths(paths)
            report = ImportReport(rejected=rejected, skipped_non_issue=skipped)
            try:
                self._import_files(files, report, progress, cancelled, abandoned)
            finally:  # what was done before a failure (a full disk) is history too
                self._log_import(report, started)
            report.rejected.sort(key=lambda r: r.path)
            return report

    def relocate_logged(self, moves: dict[str, str]) -> None:
        """Files moved after their import (the inbox's to imported/ or rejected/): the history names where they are.

        Never fails: the history would only keep the path the file had.
        """
        try:
            with self._writing():
                self.catalog.relocate_logged({storable_name(old): storable_name(new) for old, new in moves.items()})
        except (ReaderError, sqlite3.Error, OSError, ValueError):  # busy elsewhere, a full disk: the old path stays
            pass

    def _log_import(self, report: ImportReport, started: float) -> None:
        """Keep the import's files in the catalog's import log (core.library.import_log); never fail the import."""
        try:
            self.catalog.log_imports([event.row() for event in import_events(report, started)])
        except (sqlite3.Error, OSError, ValueError):  # a full disk, a locked catalog: the import stands as it is
            pass

    def _import_files(
        self,
        files: list[str],
        report: ImportReport,
        progress: ProgressCallback | None,
        cancelled: CancelCheck | None,
        abandoned: CancelCheck | None,
    ) -> None:
        """Read, store and index `files` in batches, recording in `report` what became of each."""
        seen: dict[str, str] = {}
        batch: list[_Prepared] = []
        batch_bytes = 0
        read = 0  # files looked at so far

        def store(batch: list[_Prepared]) -> None:
            if progress:
                progress(read, len(files), WRITING_INDEX)

            if abandoned and abandoned():  # nothing more may be written
                report.cancelled = True
                return

            # What was read before a cancel is still imported; a cancel while a batch is indexed drops it.
            def stop() -> bool:
                return bool((abandoned and abandoned()) or (not report.cancelled and cancelled and cancelled()))

            self._store_batch(batch, report, stop if (cancelled or abandoned) else None)

        for path in files:
            if (cancelled and cancelled()) or (abandoned and abandoned()):
                report.cancelled = True
                break
            if progress:
                progress(read, len(files), printable_name(os.path.basename(path)))
            read += 1
            try:
                prepared = self._prepare(path)
            except RejectedFile as rejection:
                report.rejected.append(rejection)
                continue
            existing = self.catalog.get(prepared.issue_id)
            if existing or prepared.issue_id in seen:
                source = existing.source if existing else seen[prepared.issue_id]
                report.duplicates.append(Duplicate(path, prepared.issue_id, source))
                continue
            seen[prepared.issue_id] = prepared.issue.source
            batch.append(prepared)
            batch_bytes += len(prepared.data)
            if _batch_full(len(batch), batch_bytes):
                store(batch)
                batch, batch_bytes = [], 0
                if report.cancelled:
                    break
        if batch:
            store(batch)
        if progress and not report.cancelled:
            progress(len(files), len(files), "")

    def _store_batch(self, batch: list[_Prepared], report: ImportReport, cancelled: CancelCheck | None) -> None:
        """Store originals, record them pending, index them in one commit, mark them indexed.

        Cancelled while indexing (`cancelled`, asked while worker processes
        index a big batch), the batch is not imported: its rows and copies go.
        """
        records = [self._record_for(prepared) for prepared in batch]
        for prepared, record in zip(batch, records, strict=True):
            with _write_failure_named(self._sidecar_path(record)):  # first: no original is ever without its record
                self._write_sidecar(record)
            with _write_failure_named(self.original_path(record)):
                write_atomically(self.original_path(record), prepared.data)
        reach("stored-before-rows")
        with _write_failure_named(self.paths.catalog_file):
            self.catalog.add_pending(records, {prepared.issue_id: issue_credits(prepared.issue) for prepared in batch})
        reach("rows-before-index")
        try:
            # A full disk here leaves the rows pending: the next repair indexes them.
            with (
                _write_failure_named(self.paths.index_dir),
                _search_index().writing(self.index, len(batch), cancelled) as writer,
            ):
                for prepared in batch:
                    _search_index().add_issue(writer, prepared.issue_id, prepared.issue)
        except Stopped:
            self.catalog.remove([record.id for record in records])
            for record in records:
                with contextlib.suppress(OSError):  # else repair lists it again and indexes it
                    (self.paths.originals_dir / record.stored_name).unlink()
                    self._sidecar_path(record).unlink()
            report.cancelled = True
            return
        reach("committed-before-marked")
        self.catalog.mark_indexed([record.id for record in records])
        report.imported.extend(Imported(p.path, p.issue_id, len(p.issue.articles), p.damaged) for p in batch)

    def correct(self, issue_id: str, **changes: str | None) -> IssueRecord:
        """Set (a value) or clear (None) the user's correction of publication, date or page.

        Corrections live in the catalog, apart from what the parser found, so
        they survive `reindex` and a re-import of the same file.
        """
        with self._writing():
            record = self.catalog.get(issue_id)
            if record is None:
                raise ReaderError(ErrorKind.NO_SUCH_ISSUE, issue_id=issue_id)
            corrections = dict(record.corrections)
            for key, value in changes.items():
                if key not in CORRECTABLE:
                    raise ReaderError(ErrorKind.NOT_CORRECTABLE, key=key, allowed=", ".join(CORRECTABLE))
                if value is None:
                    corrections.pop(key, None)
                    continue
                value = value.strip()
                if key == "date" and not CORRECTED_DATE.match(value):
                    raise ReaderError(ErrorKind.BAD_CORRECTED_DATE, value=value)
                if not value:
                    raise ReaderError(ErrorKind.EMPTY_CORRECTION, key=key)
                corrections[key] = value
            # The article text is indexed again with the correction: without its copy that cannot be done,
            # and nothing is changed (an unplugged drive must not be re-created by a sidecar either).
            self._check_originals_folder([record])
            if not self.original_path(record).is_file():
                raise ReaderError(ErrorKind.ORIGINAL_MISSING, source=record.source, copy=self.original_path(record))
            try:
                self._write_sidecar(replace(record, corrections=corrections))
            except OSError as error:
                raise ReaderError(
                    ErrorKind.WRITE_FAILED, file=self._sidecar_path(record), detail=error.strerror or error
                ) from error
            # Pending until the index holds the corrected documents: a crash or a failure in between is
            # finished by the next repair instead of leaving the index with the old details for good.
            self.catalog.mark_pending([issue_id])
            self.catalog.set_corrections(issue_id, corrections)
            self._rewrite_in_index([issue_id])
            return self.catalog.get(issue_id)

    # -- removing ------------------------------------------------------------
    def remove(self, issue_ids: Iterable[str]) -> RemovalReport:
        """Remove issues: their originals, catalog rows (corrections included) and index documents.

        Ids may be whole or unique prefixes of MIN_ID_PREFIX characters.  All or
        nothing: if any id names no single issue, nothing is removed and the
        report says which; if a step fails, everything is put back and the
        error raised (reader.core.library.removal describes the steps).
        """
        with self._writing():
            self.repair()
            records = {record.id: record for record in self.catalog.all()}
            chosen, unknown = resolve_ids(issue_ids, set(records))
            report = RemovalReport(unknown=unknown)
            if unknown or not chosen:
                return report
            doomed = [records[issue_id] for issue_id in chosen]
            try:
                self._remove_records(doomed)
            except (OSError, sqlite3.Error) as error:  # a full disk, a file in use, a read-only folder
                raise ReaderError(ErrorKind.REMOVAL_FAILED, detail=error) from error
            report.removed = [RemovedIssue(record.id, record.source) for record in doomed]
            return report

    def _remove_records(self, records: list[IssueRecord]) -> None:
        """The steps of a removal, each undone if a later one fails (see reader.core.library.removal)."""
        trash = Trash(self.paths.trash_dir, self.paths.originals_dir)
        stored = [record.stored_name for record in records]
        # A copy already gone (moved by hand) leaves only its row and index documents to remove.
        names = [
            name
            for name in stored + [sidecar_name(name) for name in stored]
            if (self.paths.originals_dir / name).exists()
        ]
        trash.put(names)
        index_committed = False
        try:
            with _search_index().writing(self.index, 0) as writer:
                for record in records:
                    _search_index().delete_issue(writer, record.id)
            index_committed = True
            self.catalog.remove_logged(records)  # the point of no return
        except BaseException:
            # Put back what can be put back now; whatever fails here, repair() does at the next start.
            with contextlib.suppress(Exception):
                trash.take_back(names)
            if index_committed:
                with contextlib.suppress(Exception):
                    self._rewrite_in_index([record.id for record in records])
            raise
        with contextlib.suppress(OSError):  # removed all the same; repair() empties the trash
            trash.empty(names)

    # -- keeping library and index in step -------------------------------------
    def back_up(
        self, target: Path, progress: Callable[[int, int], None] | None = None, cancelled: CancelCheck | None = None
    ):
        """Write the library to the backup file `target` (core.library.backup), holding the writer lock
        so that no import adds an original meanwhile (a library that may only be read is simply read)."""
        from reader.core.library.backup import write_backup

        if self.read_only:
            return write_backup(self.paths, target, progress, cancelled)
        with self._writing():
            return write_backup(self.paths, target, progress, cancelled)

    def repair(self, cancelled: CancelCheck | None = None, progress: ProgressCallback | None = None) -> RepairReport:
        """Make the index match the library again after an interruption or hand edits.

        `cancelled` is asked between issues: a cancelled repair drops the batch
        it was writing (its issues stay pending) and the next repair goes on.
        `progress` hears of each issue re-indexed (nothing when all is in step).
        """
        with self._writing():
            report = RepairReport()
            self._settle_trash(report)
            _search_index().recover_interrupted_swap(self.paths.index_dir)
            recovered = self._recover_unlisted_originals(report)
            if self._relisting:  # after a damaged catalog: what the index holds is searchable as it is
                in_index = _search_index().indexed_issue_ids(self.index)
                self.catalog.mark_indexed([record.id for record in recovered if record.id in in_index])
                self._relisting = False
            records = {record.id: record for record in self.catalog.all()}
            self._check_originals_folder(records)
            self._write_missing_sidecars(records.values())
            for record in list(records.values()):
                if not self.original_path(record).is_file():
                    # Kept, with its articles in the index: an unplugged drive or a file put back by hand
                    # must not cost the catalog row and its corrections.  Indexed again once it is back.
                    report.missing_originals.append(record.source)
                    del records[record.id]
            if records and not _search_index().index_is_current(self.paths.index_dir):
                # Made by an older parser (or schema): rebuilt beside it, searched meanwhile.
                try:
                    self.reindex(progress=progress, cancelled=cancelled)
                except Stopped:
                    report.cancelled = True
                    return report
                report.reindexed = sorted(records)
                return report
            indexed = _search_index().indexed_issue_ids(self.index)
            stale = sorted(indexed - set(records) - set(self.catalog.ids()))
            to_index = sorted(
                issue_id for issue_id, record in records.items() if record.state != INDEXED or issue_id not in indexed
            )
            if not stale and not to_index:
                return report
            try:
                self._rewrite_in_index(to_index, remove=stale, cancelled=cancelled, progress=progress)
            except Stopped:
                report.cancelled = True
                return report
            report.removed_from_index = stale
            report.reindexed = to_index
            return report

    def _rewrite_in_index(
        self,
        issue_ids: list[str],
        remove: list[str] = (),
        cancelled: CancelCheck | None = None,
        progress: ProgressCallback | None = None,
    ) -> None:
        """Replace the documents of `issue_ids` from their originals and drop those of `remove`.

        In commits of BATCH_ISSUES issues or BATCH_BYTES (_batches), each marking its rows indexed, so a
        whole-library repair (after a schema change) neither spills the posting
        pool nor loses finished batches to an interruption.  `progress` hears
        of each issue (done, how many, its source) and of each commit.
        """
        if remove:
            with _search_index().writing(self.index, 0) as writer:
                for issue_id in remove:
                    _search_index().delete_issue(writer, issue_id)
        total = len(issue_ids)
        # One issue (a correction) is one batch whatever its size: the catalog is read for sizes only when it matters.
        sizes = {record.id: record.size for record in self.catalog.all()} if total > 1 else {}
        for start, batch in _batches(issue_ids, [sizes.get(issue_id, 0) for issue_id in issue_ids]):
            with _search_index().writing(self.index, len(batch), cancelled) as writer:
                for issue_id in batch:
                    _search_index().delete_issue(writer, issue_id)
                for done, issue_id in enumerate(batch, start=start):
                    if cancelled and cancelled():
                        raise Stopped  # leaves `writing`, which drops the half-written batch
                    record = self.catalog.get(issue_id)
                    if record is not None:
                        if progress:
                            progress(done, total, record.source)
                        _search_index().add_issue(writer, issue_id, self._reparsed_for_index(record))
                if progress:
                    progress(start + len(batch), total, WRITING_INDEX)
            self.catalog.mark_indexed(batch)
        if progress and total:
            progress(total, total, "")

    def _settle_trash(self, report: RepairReport) -> None:
        """Originals left in the trash by an interrupted removal: back if still listed, else deleted."""
        listed = {record.stored_name for record in self.catalog.all()}
        listed |= {sidecar_name(name) for name in listed}
        restored, deleted = Trash(self.paths.trash_dir, self.paths.originals_dir).settle(listed)
        originals = [name for name in restored if not name.endswith(SIDECAR_SUFFIX)]  # sidecars went along
        report.restored_from_trash = originals
        report.deleted_from_trash = [name for name in deleted if not name.endswith(SIDECAR_SUFFIX)]

    def _recover_unlisted_originals(self, report: RepairReport) -> list[IssueRecord]:
        """Originals on disk with no catalog row (a crash between the two, a lost catalog): list them again."""
        if not self.paths.originals_dir.is_dir():
            return []
        known = self.catalog.ids()
        orphans = [p for p in self.paths.originals_dir.glob("*/*.txt") if p.stem not in known]
        recovered = []
        credits = {}
        for path in orphans:
            sidecar = read_sidecar(path.with_suffix(SIDECAR_SUFFIX))
            try:
                prepared = self._prepare(str(path), name=sidecar.source if sidecar else None)
            except RejectedFile:
                continue
            if prepared.issue_id != path.stem:
                continue
            record = self._record_for(prepared)
            if sidecar:  # listed again as it was: its name, import time and corrections
                record = replace(
                    record,
                    source=sidecar.source,
                    codec=sidecar.codec,
                    imported_at=sidecar.imported_at,
                    corrections=sidecar.corrections,
                )
            else:
                record.source = path.name
            recovered.append(record)
            credits[record.id] = issue_credits(prepared.issue)
            report.recovered_originals.append(record.source)
        if recovered:
            self.catalog.add_pending(recovered, credits)
        return recovered

    def reindex(
        self,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        before_swap: Callable[[], None] | None = None,
    ) -> int:
        """Rebuild the whole index from the originals; return the number of issues indexed.

        The new index is written beside the old one, which searches keep using,
        and swapped in whole when it is complete; a crash or a failure midway
        leaves the old one (index.recover_interrupted_swap).  Stopped on request
        (`cancelled`, asked between issues) it raises Stopped and changes nothing.
        `before_swap` is called just before the swap: a searcher of this process
        lets go of the old index's files there (Windows cannot rename a folder
        with open files in it).
        """
        with self._writing():
            records = self.catalog.all()
            self._check_originals_folder(records)
            missing = [record for record in records if not self.original_path(record).is_file()]
            if missing:  # they cannot be indexed again: indexed once they are back (their rows stay, pending)
                self.catalog.mark_pending([record.id for record in missing])
                records = [record for record in records if record not in missing]
            new_dir = _search_index().rebuild_dir(self.paths.index_dir)
            try:
                rebuilt = _search_index().create_index(new_dir)
                for start, batch in _batches(records, [record.size for record in records]):
                    with _search_index().writing(rebuilt, len(batch), cancelled) as writer:
                        for done, record in enumerate(batch, start=start):
                            if cancelled and cancelled():
                                raise Stopped(ErrorKind.REBUILD_STOPPED)
                            if progress:
                                progress(done, len(records), record.source)
                            _search_index().add_issue(writer, record.id, self._reparsed_for_index(record))
                        if progress:
                            progress(start + len(batch), len(records), WRITING_INDEX)
                self._index = None
                reach("rebuild-before-swap")
                if before_swap:
                    before_swap()
                try:
                    _search_index().swap_in(new_dir, self.paths.index_dir)
                except OSError as error:  # Windows: another program has the index's files open
                    detail = error.strerror or error
                    raise ReaderError(ErrorKind.INDEX_IN_USE, folder=self.paths.index_dir, detail=detail) from error
            finally:
                if new_dir.exists():
                    shutil.rmtree(new_dir, ignore_errors=True)
            self.catalog.mark_indexed([record.id for record in records])
            if progress:
                progress(len(records), len(records), "")
            return len(records)
