"""The core's errors in the interface language: one tr() wording per ErrorKind, for every place that shows one.

The core raises a ReaderError with a kind and its values, and its `str()` is
an English sentence for the command line.  The window never shows that
sentence: it passes the error (or a kind and its values) to `describe`, which
fills the kind's wording, translated like any other text of the window, with
the values.  The text returned is plain (no HTML entities): show it in a
widget that takes plain text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QObject

from reader.core.errors import ErrorKind, ReaderError

#: %1 … %9 in a wording, each replaced by a value.
PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, values: list[str]) -> str:
    """Put the values in for %1, %2 … in one pass, so a value that holds "%2" itself stays as it is."""
    return PLACEHOLDER.sub(lambda match: values[int(match.group(1)) - 1], template)


class ErrorWording(QObject):
    """The wording of each ErrorKind, and of an unexpected error (a bug), in the interface language."""

    def wordings(self) -> dict[ErrorKind, tuple[str, tuple[str, ...]]]:
        """Each kind's wording and the names of the values it takes, in the order of %1, %2 …"""
        return {
            ErrorKind.NO_SUCH_FILE: (self.tr("the file does not exist"), ()),
            ErrorKind.FOLDER_NOT_FILE: (self.tr("this is a folder, not a file"), ()),
            ErrorKind.NOT_A_REGULAR_FILE: (
                self.tr("this is not a file but a device, a pipe or a socket, which the reader does not read"),
                (),
            ),
            ErrorKind.BROKEN_LINK: (self.tr("this is a link to a file that does not exist"), ()),
            ErrorKind.LINKED_FOLDER: (
                self.tr("this is a link to a folder, which is not followed; import that folder itself"),
                (),
            ),
            ErrorKind.PERMISSION_DENIED: (self.tr("the file cannot be read (permission denied)"), ()),
            ErrorKind.UNREADABLE: (self.tr("the file cannot be read (%1)"), ("detail",)),
            ErrorKind.EMPTY_FILE: (self.tr("the file is empty"), ()),
            ErrorKind.BLANK_FILE: (self.tr("the file contains no text, only blank lines"), ()),
            ErrorKind.TOO_LARGE: (
                self.tr("the file is too large to be a newspaper issue (%1 MB; the limit is %2 MB)"),
                ("megabytes", "limit"),
            ),
            ErrorKind.BINARY_FILE: (self.tr("this is a binary file, not a text file"), ()),
            ErrorKind.UNKNOWN_ENCODING: (
                self.tr("the text is in an unknown encoding (not UTF-8, UTF-16 or GB18030)"),
                (),
            ),
            ErrorKind.DAMAGED_TEXT: (self.tr("the text is damaged: it is not valid %1"), ("codec",)),
            ErrorKind.UNPARSABLE: (self.tr("the text could not be split into articles (%1)"), ("detail",)),
            ErrorKind.QUERY_NOT_A_DATE: (
                self.tr("“%1” is not a date: write 2021, 2021-11 or 2021-11-09"),
                ("value",),
            ),
            ErrorKind.QUERY_NO_SUCH_MONTH: (self.tr("“%1” has no such month"), ("value",)),
            ErrorKind.QUERY_NO_SUCH_DAY: (self.tr("“%1” has no such day"), ("value",)),
            ErrorKind.QUERY_EMPTY_FIELD: (self.tr("“%1:” needs something after the colon"), ("field",)),
            ErrorKind.QUERY_UNKNOWN_FIELD: (
                self.tr("unknown field “%1:”; use title:, date: or publication:"),
                ("field",),
            ),
            ErrorKind.QUERY_TOO_LONG: (
                self.tr("the query is too long (%1 characters; the limit is %2)"),
                ("length", "limit"),
            ),
            ErrorKind.QUERY_NOT_TEXT: (
                self.tr("the query “%1” holds bytes that are not text in this system's encoding"),
                ("value",),
            ),
            ErrorKind.NO_SUCH_ISSUE: (self.tr("there is no issue with id %1 in the library"), ("issue_id",)),
            ErrorKind.NOT_CORRECTABLE: (self.tr("“%1” cannot be corrected; only %2"), ("key", "allowed")),
            ErrorKind.BAD_CORRECTED_DATE: (
                self.tr("“%1” is not a date: write it as 2021-11-09, or 2021-11 for a month."),
                ("value",),
            ),
            ErrorKind.EMPTY_CORRECTION: (
                self.tr("the %1 cannot be empty; clear the correction instead"),
                ("key",),
            ),
            ErrorKind.REMOVAL_FAILED: (self.tr("nothing was removed: %1"), ("detail",)),
            ErrorKind.LIBRARY_BUSY: (
                self.tr(
                    "another copy of the reader is changing the library in %1; wait until it has finished, or close it"
                ),
                ("folder",),
            ),
            ErrorKind.LIBRARY_BUSY_BY: (
                self.tr(
                    "another copy of the reader (process %1 on %2) is changing the library in %3; "
                    "wait until it has finished, or close it"
                ),
                ("pid", "host", "folder"),
            ),
            ErrorKind.LOCKING_UNSUPPORTED: (
                self.tr(
                    "the library in %1 cannot be locked against other copies of the reader (%2); "
                    "keep the library on a local disk"
                ),
                ("folder", "detail"),
            ),
            ErrorKind.LIBRARY_READ_ONLY: (
                self.tr(
                    "the library in %1 can only be read here: its folder cannot be written (a read-only drive or "
                    "network share, or files of another user account), so nothing can be imported, corrected or "
                    "removed and the index cannot be rebuilt"
                ),
                ("folder",),
            ),
            ErrorKind.INDEX_NOT_READY: (
                self.tr(
                    "the library has no up-to-date search index yet: import issues, or rebuild it "
                    "(File → Rebuild Index)"
                ),
                (),
            ),
            ErrorKind.STOPPED: (self.tr("stopped on request; the rest is done next time"), ()),
            ErrorKind.REBUILD_STOPPED: (
                self.tr("the rebuild of the index was stopped; the old index is still in use"),
                (),
            ),
            ErrorKind.INDEXING_FAILED: (self.tr("nothing of this batch was indexed: %1"), ("detail",)),
            ErrorKind.ORIGINAL_MISSING: (
                self.tr("the library's copy of %1 is missing (%2); put it back, or import the file again"),
                ("source", "copy"),
            ),
            ErrorKind.INDEX_IN_USE: (
                self.tr(
                    "the rebuilt index could not replace the one in %1 (%2): another program has it open; "
                    "the old index is still in use; close other windows of the reader and rebuild again"
                ),
                ("folder", "detail"),
            ),
            ErrorKind.CATALOG_UNUSABLE: (
                self.tr("the library's catalog %1 cannot be used (%2); nothing was changed"),
                ("catalog", "detail"),
            ),
            ErrorKind.CATALOG_REBUILT: (
                self.tr(
                    "the library's catalog was damaged; it has been rebuilt from the stored issues, "
                    "and the damaged file is kept as %1"
                ),
                ("kept_as",),
            ),
            ErrorKind.WRITE_FAILED: (
                self.tr("could not write %1 (%2); the import stopped there"),
                ("file", "detail"),
            ),
            ErrorKind.ORIGINALS_FOLDER_MISSING: (
                self.tr(
                    "the library's folder of stored issues is missing (%1); is the drive holding it connected? "
                    "Nothing was changed"
                ),
                ("folder",),
            ),
            ErrorKind.WHOOSH_VERSION: (
                self.tr(
                    "the installed Whoosh is version %1, but this reader works only with Whoosh %2: "
                    "reinstall the reader (pip install .) to get it"
                ),
                ("installed", "required"),
            ),
        }

    def field_names(self) -> dict[str, str]:
        """The correctable details, as the correction dialog names them."""
        return {"publication": self.tr("publication"), "date": self.tr("date"), "page": self.tr("page")}

    def template(self, kind: ErrorKind) -> str:
        """The kind's wording with its placeholders, in the interface language."""
        return self.wordings()[ErrorKind(kind)][0]

    def describe(self, error: BaseException | ErrorKind, values: Mapping[str, object] | None = None) -> str:
        """An error (or a kind and its values) in plain words of the interface language."""
        if isinstance(error, ReaderError):
            kind, values = error.kind, error.values
        elif isinstance(error, BaseException):  # a bug: its own words are all there is to show
            unexpected = self.tr("Something went wrong that the reader did not expect: %1")
            return fill(unexpected, [f"{type(error).__name__}: {error}"])
        else:
            kind, values = ErrorKind(error), values or {}
        template, names = self.wordings()[kind]
        return fill(template, [self._value(kind, name, values) for name in names])

    def _value(self, kind: ErrorKind, name: str, values: Mapping[str, object]) -> str:
        """One value as the wording shows it: the names of correctable details in the interface language."""
        value = str(values.get(name, ""))
        fields = self.field_names()
        if name == "key" and kind == ErrorKind.EMPTY_CORRECTION:
            return fields.get(value, value)
        if name == "allowed":  # "publication, date, page"
            return self.tr(", ").join(fields.get(key, key) for key in value.split(", "))
        return value


def describe(error: BaseException | ErrorKind, values: Mapping[str, object] | None = None) -> str:
    """`ErrorWording.describe` for callers without a wording object at hand."""
    return ErrorWording().describe(error, values)
