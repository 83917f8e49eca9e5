"""File → Back Up Library…: the library (originals, catalog, bookmarks and notes) to one zip file.

Written on the writer thread (it holds the library's writer lock, so no
import runs meanwhile), with its count and Cancel in the status bar; a
cancelled or failed backup leaves no file.  Restoring is `reader restore
FILE --data-dir FOLDER` on the other PC (README), into an empty folder.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.gui.dialogs import choose_save_path, save_folder
from reader.gui.workers import Job

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

BACKUP_FOLDER_SETTING = "backup_folder"


class LibraryBackup(QObject):
    """Backs the library up on the writer thread."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: Job | None = None

    def choose_and_back_up(self) -> None:
        if self.job is not None:
            return
        settings = self.window.settings
        folder = save_folder(settings, BACKUP_FOLDER_SETTING)
        name = self.tr("library backup %1.zip").replace("%1", time.strftime("%Y-%m-%d"))
        chosen = choose_save_path(
            self.window, self.tr("Back Up Library"), self.tr("Library backups (*.zip)"), str(Path(folder) / name), "zip"
        )
        if chosen:
            settings.setValue(BACKUP_FOLDER_SETTING, str(Path(chosen).parent))
            self.back_up(Path(chosen))

    def back_up(self, target: Path) -> Job:
        window = self.window
        status = window.status_progress
        message = self.tr("Backing up the library…")

        def work(job: Job):
            return window.library.back_up(
                target, progress=lambda done, total: job.report(done, total, ""), cancelled=lambda: job.cancelled
            )

        def progress(done: int, total: int, _name: str) -> None:
            status.count(job, message, done, total)

        def finished(report) -> None:
            self.job = None
            status.end(job, self.tr("Library backed up to %1").replace("%1", str(report.path)))

        def failed(error: Exception) -> None:
            self.job = None
            if job.cancelled:
                status.end(job, self.tr("Backup cancelled; no file was written"))
            else:
                status.end(job)
                window.show_not_saved(target, error) if isinstance(error, OSError) else window.show_error(error)

        job = window.jobs.start(window.jobs.writer, work, finished, failed, progress)
        self.job = job
        status.begin(job, message, cancellable=True)
        return job
