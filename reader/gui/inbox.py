"""Watch inbox folders and hand over issue files once they have finished arriving.

A copy into the inbox arrives in bursts and may still be written when the
folder changes, so the watcher waits for a quiet moment (debounce) and only
hands over a file whose size and modification time have not changed between
two looks.  After the import, the window moves each file into `imported/` or
`rejected/` under the inbox, so no file is imported twice or retried forever.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

ISSUE_SUFFIX = ".txt"
DONE_FOLDERS = ("imported", "rejected")
QUIET_MS = 1500


class InboxWatcher(QObject):
    """Emits `files_ready` with files that have stopped changing in the watched folders.

    Signals:
        files_ready(list): paths (str) of complete issue files.
    """

    files_ready = Signal(list)

    def __init__(self, folders: list[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folders = folders
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
        self._watcher = QFileSystemWatcher([str(folder) for folder in folders], self)
        self._watcher.directoryChanged.connect(self._changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self.scan)
        self._last_seen: dict[str, tuple[int, int]] = {}
        self._handed_over: set[str] = set()

    def _changed(self, _folder: str) -> None:
        self._timer.start()  # restart: wait for the burst to end

    def candidates(self) -> list[Path]:
        """Issue files directly in the watched folders."""
        found = []
        for folder in self.folders:
            if folder.is_dir():
                found += [p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() == ISSUE_SUFFIX]
        return found

    def scan(self) -> None:
        """Hand over files unchanged since the last look; look again later for the others."""
        ready, waiting = [], False
        for path in self.candidates():
            key = str(path)
            if key in self._handed_over:
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            signature = (stat.st_size, stat.st_mtime_ns)
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

    def file_done(self, path: str, rejected: bool) -> None:
        """Move a handled file out of the inbox (it stays in the library's originals if imported)."""
        source = Path(path)
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
            return  # left in place, but remembered as handed over: not imported again this session
        self._handed_over.discard(path)
        self._last_seen.pop(path, None)
