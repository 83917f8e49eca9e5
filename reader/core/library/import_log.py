"""The import history: one entry per file an import looked at, kept in the catalog's `import_log`.

`Library.import_paths` logs each file of its report: imported (its issue,
its articles), already present (the issue it matched), or rejected (the
ErrorKind and the values of its reason, so that the window words it in the
interface language as the import report does).  A file is logged under the
path it was given, its bytes that are not text escaped (filenames).  All files
of one import share its start time.  Writing the log never fails an import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.filenames import storable_name
from reader.core.library.catalog import LogRow

if TYPE_CHECKING:
    from reader.core.library.library import ImportReport

IMPORTED, DUPLICATE, REJECTED = "imported", "duplicate", "rejected"
OUTCOMES = (IMPORTED, DUPLICATE, REJECTED)


@dataclass(frozen=True)
class ImportEvent:
    """What became of one file of an import.

    Attributes:
        at: when the import began (seconds since the epoch).
        source: the file as it was given (a path), or, for an issue listed from the catalog, its file name.
        outcome: IMPORTED, DUPLICATE or REJECTED.
        issue: the issue imported, or the one a duplicate matched; None for a rejected file.
        reason: a rejection's ErrorKind (its value), else None.
        detail: a rejection's values; an import's `articles` and `damaged_characters`; a duplicate's
            `existing` (the source name of the issue it matched).
        logged: False for an issue listed from the catalog, imported before the history was kept.
    """

    at: float
    source: str
    outcome: str
    issue: str | None = None
    reason: str | None = None
    detail: dict = field(default_factory=dict, compare=False)
    logged: bool = True

    @property
    def rejected(self) -> bool:
        return self.outcome == REJECTED

    def row(self) -> LogRow:
        """The event as the catalog keeps it."""
        detail = storable_name(json.dumps(self.detail, ensure_ascii=False))  # a value may name a file too
        return (self.at, storable_name(self.source), self.outcome, self.issue, self.reason, detail)

    @classmethod
    def from_row(cls, row: LogRow) -> ImportEvent:
        at, source, outcome, issue, reason, detail = row
        try:
            values = json.loads(detail) if detail else {}
        except ValueError:
            values = {}
        return cls(float(at), source, outcome, issue, reason, values if isinstance(values, dict) else {})


def import_events(report: ImportReport, at: float) -> list[ImportEvent]:
    """The files of an import's report as log entries: rejected, already present, imported, each by path."""
    events = [
        ImportEvent(at, rejection.path, REJECTED, reason=str(rejection.kind), detail=dict(rejection.values))
        for rejection in sorted(report.rejected, key=lambda r: r.path)
    ]
    events += [
        ImportEvent(at, duplicate.path, DUPLICATE, duplicate.issue_id, detail={"existing": duplicate.existing_source})
        for duplicate in sorted(report.duplicates, key=lambda d: d.path)
    ]
    events += [
        ImportEvent(
            at,
            imported.path,
            IMPORTED,
            imported.issue_id,
            detail={"articles": imported.articles, "damaged_characters": imported.damaged_characters},
        )
        for imported in sorted(report.imported, key=lambda i: i.path)
    ]
    return events
