"""Exceptions of the core: a kind of error and its values, with messages a librarian can read.

Every error the core raises for a user names its `ErrorKind` and the values
its message needs (a path, the date typed, a limit).  `str(error)` is the
English sentence of `ENGLISH`, which the CLI prints on one line; the window
words the same kind and values in the interface language
(reader.gui.messages).  Neither ever shows a traceback for these.
"""

from __future__ import annotations

from enum import StrEnum

from reader.core.filenames import printable_name


class ErrorKind(StrEnum):
    """What went wrong; every kind has an English sentence here and a wording in the window."""

    # Files that cannot be imported (RejectedFile).
    NO_SUCH_FILE = "no_such_file"
    FOLDER_NOT_FILE = "folder_not_file"
    NOT_A_REGULAR_FILE = "not_a_regular_file"
    BROKEN_LINK = "broken_link"
    LINKED_FOLDER = "linked_folder"
    PERMISSION_DENIED = "permission_denied"
    UNREADABLE = "unreadable"
    EMPTY_FILE = "empty_file"
    BLANK_FILE = "blank_file"
    TOO_LARGE = "too_large"
    BINARY_FILE = "binary_file"
    UNKNOWN_ENCODING = "unknown_encoding"
    DAMAGED_TEXT = "damaged_text"
    UNPARSABLE = "unparsable"
    # Queries that cannot be understood (QuerySyntaxError).
    QUERY_NOT_A_DATE = "query_not_a_date"
    QUERY_NO_SUCH_MONTH = "query_no_such_month"
    QUERY_NO_SUCH_DAY = "query_no_such_day"
    QUERY_EMPTY_FIELD = "query_empty_field"
    QUERY_UNKNOWN_FIELD = "query_unknown_field"
    QUERY_TOO_LONG = "query_too_long"
    QUERY_NOT_TEXT = "query_not_text"
    # Corrections of an issue's details.
    NO_SUCH_ISSUE = "no_such_issue"
    NOT_CORRECTABLE = "not_correctable"
    BAD_CORRECTED_DATE = "bad_corrected_date"
    EMPTY_CORRECTION = "empty_correction"
    # The library and its index.
    REMOVAL_FAILED = "removal_failed"
    LIBRARY_BUSY = "library_busy"
    LIBRARY_BUSY_BY = "library_busy_by"
    LOCKING_UNSUPPORTED = "locking_unsupported"
    LIBRARY_READ_ONLY = "library_read_only"
    INDEX_NOT_READY = "index_not_ready"
    STOPPED = "stopped"
    REBUILD_STOPPED = "rebuild_stopped"
    INDEXING_FAILED = "indexing_failed"
    ORIGINAL_MISSING = "original_missing"
    WRITE_FAILED = "write_failed"
    CATALOG_REBUILT = "catalog_rebuilt"
    CATALOG_UNUSABLE = "catalog_unusable"
    INDEX_IN_USE = "index_in_use"
    ORIGINALS_FOLDER_MISSING = "originals_folder_missing"
    # The installation.
    WHOOSH_VERSION = "whoosh_version"


#: The English sentence of each kind, filled in with its values by str.format.
ENGLISH: dict[ErrorKind, str] = {
    ErrorKind.NO_SUCH_FILE: "the file does not exist",
    ErrorKind.FOLDER_NOT_FILE: "this is a folder, not a file",
    ErrorKind.NOT_A_REGULAR_FILE: "this is not a file but a device, a pipe or a socket, which the reader does not read",
    ErrorKind.BROKEN_LINK: "this is a link to a file that does not exist",
    ErrorKind.LINKED_FOLDER: "this is a link to a folder, which is not followed; import that folder itself",
    ErrorKind.PERMISSION_DENIED: "the file cannot be read (permission denied)",
    ErrorKind.UNREADABLE: "the file cannot be read ({detail})",
    ErrorKind.EMPTY_FILE: "the file is empty",
    ErrorKind.BLANK_FILE: "the file contains no text, only blank lines",
    ErrorKind.TOO_LARGE: "the file is too large to be a newspaper issue ({megabytes} MB; the limit is {limit} MB)",
    ErrorKind.BINARY_FILE: "this is a binary file, not a text file",
    ErrorKind.UNKNOWN_ENCODING: "the text is in an unknown encoding (not UTF-8, UTF-16 or GB18030)",
    ErrorKind.DAMAGED_TEXT: "the text is damaged: it is not valid {codec}",
    ErrorKind.UNPARSABLE: "the text could not be split into articles ({detail})",
    ErrorKind.QUERY_NOT_A_DATE: "“{value}” is not a date: write 2021, 2021-11 or 2021-11-09",
    ErrorKind.QUERY_NO_SUCH_MONTH: "“{value}” has no such month",
    ErrorKind.QUERY_NO_SUCH_DAY: "“{value}” has no such day",
    ErrorKind.QUERY_EMPTY_FIELD: "“{field}:” needs something after the colon",
    ErrorKind.QUERY_UNKNOWN_FIELD: "unknown field “{field}:”; use title:, date: or publication:",
    ErrorKind.QUERY_TOO_LONG: "the query is too long ({length} characters; the limit is {limit})",
    ErrorKind.QUERY_NOT_TEXT: "the query “{value}” holds bytes that are not text in this system's encoding",
    ErrorKind.NO_SUCH_ISSUE: "there is no issue with id {issue_id} in the library",
    ErrorKind.NOT_CORRECTABLE: "“{key}” cannot be corrected; only {allowed}",
    ErrorKind.BAD_CORRECTED_DATE: "“{value}” is not a date: write 2021-11-09 or 2021-11",
    ErrorKind.EMPTY_CORRECTION: "the {key} cannot be empty; clear the correction instead",
    ErrorKind.REMOVAL_FAILED: "nothing was removed: {detail}",
    ErrorKind.LIBRARY_BUSY: (
        "another copy of the reader is changing the library in {folder}; wait until it has finished, or close it"
    ),
    ErrorKind.LIBRARY_BUSY_BY: (
        "another copy of the reader (process {pid} on {host}) is changing the library in {folder}; "
        "wait until it has finished, or close it"
    ),
    ErrorKind.LOCKING_UNSUPPORTED: (
        "the library in {folder} cannot be locked against other copies of the reader ({detail}); "
        "keep the library on a local disk (--data-dir)"
    ),
    ErrorKind.LIBRARY_READ_ONLY: (
        "the library in {folder} can only be read here: its folder cannot be written (a read-only drive or "
        "network share, or files of another user account), so nothing can be imported, corrected or removed "
        "and the index cannot be rebuilt"
    ),
    ErrorKind.INDEX_NOT_READY: (
        "the library has no up-to-date search index yet: import issues (reader import) or rebuild it (reader reindex)"
    ),
    ErrorKind.STOPPED: "stopped on request; the rest is done next time",
    ErrorKind.REBUILD_STOPPED: "the rebuild of the index was stopped; the old index is still in use",
    ErrorKind.INDEXING_FAILED: "nothing of this batch was indexed: {detail}",
    ErrorKind.ORIGINAL_MISSING: (
        "the library's copy of {source} is missing ({copy}); put it back, or import the file again"
    ),
    ErrorKind.INDEX_IN_USE: (
        "the rebuilt index could not replace the one in {folder} ({detail}): another program has it open; "
        "the old index is still in use; close other windows of the reader and rebuild again"
    ),
    ErrorKind.CATALOG_UNUSABLE: "the library's catalog {catalog} cannot be used ({detail}); nothing was changed",
    ErrorKind.CATALOG_REBUILT: (
        "the library's catalog was damaged; it has been rebuilt from the stored issues, "
        "and the damaged file is kept as {kept_as}"
    ),
    ErrorKind.WRITE_FAILED: "could not write {file} ({detail}); the import stopped there",
    ErrorKind.ORIGINALS_FOLDER_MISSING: (
        "the library's folder of stored issues is missing ({folder}); is the drive holding it connected? "
        "Nothing was changed"
    ),
    ErrorKind.WHOOSH_VERSION: (
        "the installed Whoosh is version {installed}, but this reader works only with Whoosh {required}: "
        "reinstall the reader (pip install .) to get it"
    ),
}


class ReaderError(Exception):
    """Base class of every error the core reports to a user; `str()` is its English sentence.

    Attributes:
        kind: what went wrong.
        values: what the sentence names, by the names of ENGLISH's placeholders (all strings).
    """

    def __init__(self, kind: ErrorKind, **values: object) -> None:
        self.kind = ErrorKind(kind)
        self.values = {name: str(value) for name, value in values.items()}
        super().__init__(self.english())

    def english(self) -> str:
        """The kind's English sentence with the values filled in."""
        return ENGLISH[self.kind].format(**self.values)


class RejectedFile(ReaderError):
    """An input file that cannot be imported; `str()` is "path: reason".

    Attributes:
        path: the file as it was given.
    """

    def __init__(self, path: str, kind: ErrorKind, **values: object) -> None:
        self.path = path
        super().__init__(kind, **values)

    @property
    def reason(self) -> str:
        """Why not, in plain English: what `reader import` prints and its JSON holds."""
        return super().english()

    def english(self) -> str:
        """The file and why, as the CLI prints it: "path: reason"."""
        return f"{printable_name(self.path)}: {self.reason}"


class LibraryBusy(ReaderError):
    """Another process is writing to the same library; named by its pid and host when its lock file says them."""

    def __init__(self, folder: object, pid: int | None = None, host: str | None = None) -> None:
        if pid is None:
            super().__init__(ErrorKind.LIBRARY_BUSY, folder=folder)
        else:
            super().__init__(ErrorKind.LIBRARY_BUSY_BY, folder=folder, pid=pid, host=host)


class LockingUnsupported(ReaderError):
    """The file system refuses locks (some network drives); writing unlocked could corrupt the library."""

    def __init__(self, folder: object, detail: object) -> None:
        super().__init__(ErrorKind.LOCKING_UNSUPPORTED, folder=folder, detail=detail)


class QuerySyntaxError(ReaderError):
    """A search query that cannot be understood."""


class IndexNotReady(ReaderError):
    """The search index does not exist yet or was built by an older version."""

    def __init__(self) -> None:
        super().__init__(ErrorKind.INDEX_NOT_READY)


class Stopped(ReaderError):
    """A long job (repair, rebuild) stopped on request between two issues; the rest is done next time."""

    def __init__(self, kind: ErrorKind = ErrorKind.STOPPED, **values: object) -> None:
        super().__init__(kind, **values)
