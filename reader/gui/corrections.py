"""Correcting an issue's details (publication, date, page) from the window.

The dialog checks what is typed before it closes (dialogs.CorrectionDialog);
the correction itself runs on the writer thread, because the issue's
documents in the index are rewritten with it, and the tree is rebuilt after.

Signals:
    corrected(str): an issue's details were corrected (its id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.gui.dialogs import CorrectionDialog
from reader.gui.workers import Job

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow


class IssueCorrections(QObject):
    """Edit → Correct Issue Details… and the tree's context menu entry."""

    corrected = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def correct_current_issue(self) -> None:
        """The issue selected in the tree, else the open article's."""
        window = self.window
        node = window.tree_model.node(window.tree.currentIndex())
        issue_id = node.record.id if node.record else (window.current[0] if window.current else None)
        if issue_id:
            self.correct_issue(issue_id)

    def correct_issue(self, issue_id: str) -> None:
        record = self.window.library.catalog.get(issue_id)
        if record is None:
            return
        dialog = CorrectionDialog(record, self.window)
        if dialog.exec():
            self.apply(issue_id, dialog.changes())

    def apply(self, issue_id: str, changes: dict[str, str | None]) -> Job:
        """Correct on the writer thread (the index is rewritten), then show the issue where it now belongs."""
        window = self.window
        library = window.library

        def corrected(_record) -> None:
            window.issues.forget([issue_id])
            window.refresh_tree()
            window.searcher.library_written()
            window.statusBar().showMessage(self.tr("Issue details corrected"), 4000)
            self.corrected.emit(issue_id)

        return window.jobs.start(window.jobs.writer, lambda job: library.correct(issue_id, **changes), corrected)
