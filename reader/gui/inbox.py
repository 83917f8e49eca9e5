"""Watch inbox folders and hand over issue files once they have finished arriving.

A copy into the inbox arrives in bursts and may still be written when the
folder changes, so the watcher waits for a quiet moment (debounce) and only
hands over a file whose size and modification time have not changed between
two looks.  After the import, each file of the library's inbox is moved into
`imported/` or `rejected/` under it; a file in a folder the user added is left
where it is and its size and time are recorded in a small JSON file, so in
neither case is a file imported twice or retried forever (a changed file is
looked at again).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QThreadPool, QTimer, Signal

from reader.gui.workers import Job

ISSUE_SUFFIX = ".txt"
DONE_FOLDERS = ("imported", "rejected")
QUIET_MS = 1500


def candidates(folders: list[Path]) -> list[Path]:
    """Issue files directly in these folders (a folder that cannot be read is skipped)."""
    found = []
    for folder in folders:
        try:
            found += [p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() == ISSUE_SUFFIX]
        except OSError:
            continue  # a folder on a drive that went away
    return found


def signatures(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Size and modification time of every issue file in the folders, by path: what a look sees."""
    seen = {}
    for path in candidates(folders):
        try:
            stat = path.stat()
        except OSError:
            continue
        seen[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return seen


class InboxWatcher(QObject):
    """Emits `files_ready` with files that have stopped changing in the watched folders.

    `inbox` is the library's own inbox (handled files are moved out of it);
    `folders` are the user's (handled files are recorded in `record_file`).
    An inactive watcher (on a library that may only be read) makes, watches and hands over nothing.

    Signals:
        files_ready(list): paths (str) of complete issue files.
        looked(): a look in the background has been considered.
    """

    files_ready = Signal(list)
    looked = Signal()

    def __init__(
        self, inbox: Path, folders: list[Path], record_file: Path, parent: QObject | None = None, active: bool = True
    ) -> None:
        super().__init__(parent)
        self.inbox = inbox
        self.active = active
        if active:
            self.inbox.mkdir(parents=True, exist_ok=True)
        self.folders: list[Path] = []
        self._record_file = record_file
        self._recorded: dict[str, list[int]] = self._read_record()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self.look_in_background)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._look: Job | None = None
        self._look_again = False
        self._last_seen: dict[str, tuple[int, int]] = {}
        self._handed_over: set[str] = set()
        self.set_folders(folders)

    def set_folders(self, folders: list[Path]) -> None:
        """Watch the inbox and these folders (those that exist now), and look at them soon."""
        if not self.active:
            return
        self.folders = [folder for folder in folders if folder.is_dir() and folder != self.inbox]
        watched = self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._watcher.addPaths([str(folder) for folder in [self.inbox, *self.folders]])
        self.look_soon()

    def look_soon(self) -> None:
        """Scan after a quiet moment (at start, files may have arrived while the window was closed)."""
        if self.active:
            self._timer.start()

    def _changed(self, _folder: str) -> None:
        self._timer.start()  # restart: wait for the burst to end

    def scan(self) -> None:
        """Look at the watched folders now, on this thread (see look_in_background)."""
        self.consider(signatures([self.inbox, *self.folders]))

    def look_in_background(self) -> None:
        """Look at the folders on a pool thread, then `consider` what was seen here.

        Listing and stat-ing a folder of thousands of files, or a folder on a
        network share, can take seconds: never on the GUI thread.  One look at
        a time; a change during a look asks for another one after it.
        """
        if self._look is not None:
            self._look_again = True
            return
        folders = [self.inbox, *self.folders]
        self._look = Job(lambda _job: signatures(folders))
        self._look.signals.finished.connect(self._looked)
        self._look.signals.failed.connect(self._looked)
        self._pool.start(self._look)

    def _looked(self, seen) -> None:
        self._look = None
        if isinstance(seen, dict):
            self.consider(seen)
        if self._look_again:
            self._look_again = False
            self._timer.start()
        self.looked.emit()

    def consider(self, seen: dict[str, tuple[int, int]]) -> None:
        """Hand over files unchanged since the last look; look again later for the others."""
        ready, waiting = [], False
        for key, signature in seen.items():
            if key in self._handed_over:
                continue
            if self._recorded.get(key) == list(signature):
                continue  # handled in an earlier session and unchanged since
            if self._last_seen.get(key) == signature:
                ready.append(key)
                self._handed_over.add(key)
            else:
                self._last_seen[key] = signature
                waiting = True
        if waiting:
            self._timer.start()
        if ready:
            self.files_ready.emit(ready)

    def files_done(self, outcomes: dict[str, bool]) -> dict[str, str]:
        """Never hand these files over again (path -> rejected?): move them out of the inbox,
        or record those in a user's folder (one write of the record for the whole import).

        Returns where the inbox's files went (old path -> new path), for the import history.
        """
        recorded = False
        moves: dict[str, str] = {}
        for path, rejected in outcomes.items():
            source = Path(path)
            if source.parent == self.inbox:
                target = self._move_out_of_inbox(source, rejected)
                if target is not None:
                    moves[path] = str(target)
                continue
            signature = self._last_seen.get(path)
            if signature:
                self._recorded[path] = list(signature)
                recorded = True
            self._handed_over.discard(path)
        if recorded:
            self._write_record()
        return moves

    def release(self, paths: list[str]) -> None:
        """Files handed over but not handled (the import was cancelled): look at them again later.

        Not at once: that would restart the import the user just cancelled;
        the next change in the folder or the next start picks them up.
        """
        for path in paths:
            self._handed_over.discard(path)
            self._last_seen.pop(path, None)

    def _move_out_of_inbox(self, source: Path, rejected: bool) -> Path | None:
        target_dir = source.parent / ("rejected" if rejected else "imported")
        target_dir.mkdir(exist_ok=True)
        target = target_dir / source.name
        counter = 1
        while target.exists():
            target = target_dir / f"{source.stem} ({counter}){source.suffix}"
            counter += 1
        try:
            shutil.move(str(source), str(target))
        except OSError:
            return None  # left in place, but remembered as handed over: not imported again this session
        self._handed_over.discard(str(source))
        self._last_seen.pop(str(source), None)
        return target

    def _read_record(self) -> dict[str, list[int]]:
        try:
            record = json.loads(self._record_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return record if isinstance(record, dict) else {}

    def _write_record(self) -> None:
        temporary = self._record_file.with_suffix(".tmp")
        try:
            temporary.write_text(json.dumps(self._recorded, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self._record_file)
        except OSError:
            pass  # only costs a second look (and a "already present") next session
