"""Removing issues from the library, all or nothing, in steps a crash cannot leave half done.

`Library.remove` takes these steps, under the library's writer lock:

1. the originals move into the data dir's trash folder (a rename each; if one
   cannot be moved, those already moved go back and nothing is removed);
2. the issues' documents are deleted from the index, in one commit;
3. the catalog rows are deleted and the removal logged, in one SQLite
   transaction: the point of no return;
4. the originals in the trash are deleted.

A failure in steps 1-3 puts everything back before the error is reported: the
originals return, and if the index commit had gone through, the issues are
indexed again.  After a crash, `Library.repair()` settles the trash by the
catalog, the library's table of contents: an original whose row is still
there goes back (the removal did not happen; repair then re-indexes it if
step 2 had committed), one whose row is gone is deleted (it did happen).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: A prefix of an id names an issue when it is this long and no other id starts with it.
MIN_ID_PREFIX = 8


@dataclass
class RemovedIssue:
    """One issue taken out of the library."""

    issue_id: str
    source: str


@dataclass
class RemovalReport:
    """What one removal did: every issue removed, or nothing and the ids that named no single issue.

    Attributes:
        removed: the issues removed, in the order they were asked for.
        unknown: each id given that names no single issue, with the reason (nothing is removed then).
    """

    removed: list[RemovedIssue] = field(default_factory=list)
    unknown: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        """The report as `reader remove --json` prints it (a stable contract)."""
        return {
            "removed": [{"id": issue.issue_id, "source": issue.source} for issue in self.removed],
            "unknown": list(self.unknown),
        }


def resolve_ids(given: Iterable[str], known: set[str]) -> tuple[list[str], dict[str, str]]:
    """Match ids as given (whole, or a unique prefix of MIN_ID_PREFIX characters) to the library's ids.

    Returns the ids matched (each once, in the order given) and, for each text
    that matches no single issue, why not.
    """
    matched: list[str] = []
    unknown: dict[str, str] = {}
    for text in given:
        wanted = text.strip().lower()
        if wanted in known:
            candidates = [wanted]
        elif len(wanted) >= MIN_ID_PREFIX:
            candidates = [issue_id for issue_id in known if issue_id.startswith(wanted)]
        else:
            unknown[text] = (
                f"no issue has this id; give the id as `reader list` prints it, or its first {MIN_ID_PREFIX} characters"
            )
            continue
        if len(candidates) == 1:
            if candidates[0] not in matched:
                matched.append(candidates[0])
        elif candidates:
            unknown[text] = f"{len(candidates)} issues have ids starting with this; give more of the id"
        else:
            unknown[text] = "no issue has this id (see `reader list`)"
    return matched, unknown


class Trash:
    """The data dir's trash folder: originals wait there while their removal is under way.

    A file keeps its place relative to the originals folder (`ab/abcdef….txt`),
    so it can always be put back where it came from.
    """

    def __init__(self, trash_dir: Path, originals_dir: Path) -> None:
        self.trash_dir = trash_dir
        self.originals_dir = originals_dir

    def put(self, stored_names: list[str]) -> None:
        """Move these originals into the trash; if one cannot be moved, put the others back and raise."""
        moved: list[str] = []
        try:
            for name in stored_names:
                target = self.trash_dir / name
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.originals_dir / name, target)
                moved.append(name)
        except BaseException:
            self.take_back(moved)
            raise

    def take_back(self, stored_names: list[str]) -> None:
        """Return these originals from the trash (their removal did not happen)."""
        for name in stored_names:
            source = self.trash_dir / name
            if source.exists():
                (self.originals_dir / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, self.originals_dir / name)
        self._prune()

    def empty(self, stored_names: list[str]) -> None:
        """Delete these originals for good (their removal happened)."""
        for name in stored_names:
            (self.trash_dir / name).unlink(missing_ok=True)
            folder = (self.originals_dir / name).parent
            if folder != self.originals_dir:
                with contextlib.suppress(OSError):  # its folder in the originals, if now empty
                    folder.rmdir()
        self._prune()

    def settle(self, listed: set[str]) -> tuple[list[str], list[str]]:
        """After a crash: put back what the catalog still lists (`listed` stored names), delete the rest.

        Returns the stored names put back and those deleted.
        """
        if not self.trash_dir.is_dir():
            return [], []
        restored, deleted = [], []
        for path in sorted(p for p in self.trash_dir.rglob("*") if p.is_file()):
            name = path.relative_to(self.trash_dir).as_posix()
            if name in listed:
                original = self.originals_dir / name
                original.parent.mkdir(parents=True, exist_ok=True)
                if original.exists():  # the same issue imported again since: that copy is as good
                    path.unlink()
                else:
                    os.replace(path, original)
                restored.append(name)
            else:
                path.unlink()
                deleted.append(name)
        self._prune()
        return restored, deleted

    def _prune(self) -> None:
        """Drop empty folders of the trash (and the trash itself when empty)."""
        if not self.trash_dir.is_dir():
            return
        for folder in sorted((p for p in self.trash_dir.rglob("*") if p.is_dir()), reverse=True):
            with contextlib.suppress(OSError):
                folder.rmdir()
        with contextlib.suppress(OSError):
            self.trash_dir.rmdir()
