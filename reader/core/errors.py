"""Exceptions of the core, with messages a librarian can read.

The CLI prints `str(error)` on one line; the window shows it in its import
report.  Neither ever shows a traceback for these.
"""

from __future__ import annotations


class ReaderError(Exception):
    """Base class of every error the core reports to a user."""


class RejectedFile(ReaderError):
    """An input file that cannot be imported; the message says why in plain words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LibraryBusy(ReaderError):
    """Another process is writing to the same library."""


class QuerySyntaxError(ReaderError):
    """A search query that cannot be understood."""


class IndexNotReady(ReaderError):
    """The search index does not exist yet or was built by an older version."""


class Stopped(ReaderError):
    """A long job (repair, rebuild) stopped on request between two issues; the rest is done next time."""
