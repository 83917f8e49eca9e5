"""Removing issues from the window: the "Remove Issue…" action, its confirmation, and the job.

The removal runs on the window's writer thread (`Library.remove`, all or
nothing); when it is done the window forgets the removed issues and refreshes
the tree and the search results.  A file removed this way stays where it was
imported from, and is not imported again from a watched folder: the watcher's
record of handled files is left as it is (a file that changes is looked at
again, as before).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QMessageBox

from reader.core.library.catalog import IssueRecord
from reader.core.library.removal import RemovalReport
from reader.gui.common_wording import undated, unknown_publication
from reader.gui.workers import Job

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

#: Issues named in the confirmation's text; a longer list goes to its details.
NAMED_ISSUES = 10


class IssueRemoval(QObject):
    """The "Remove Issue…" action of the Edit menu and the tree's context menu, for the selected issues.

    Installing it lets the tree select several rows (Ctrl- and Shift-click); a
    selected article stands for its issue.

    Signals:
        removal_done(object): the RemovalReport of a finished removal.
    """

    removal_done = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("Remove Issue…"), window)
        self.action.triggered.connect(self.remove_selected)
        window.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._job: Job | None = None

    def selected_records(self) -> list[IssueRecord]:
        """The issues selected in the tree (else the current row's), each once, in the order selected."""
        tree = self.window.tree
        indexes = tree.selectionModel().selectedIndexes() or [tree.currentIndex()]
        records: dict[str, IssueRecord] = {}
        for index in indexes:
            record = self.window.tree_model.node(index).record if index.isValid() else None
            if record is not None:
                records.setdefault(record.id, record)
        return list(records.values())

    def remove_selected(self) -> None:
        """Ask, then remove the selected issues."""
        records = self.selected_records()
        if not records:
            self.window.statusBar().showMessage(self.tr("Select the issues to remove in the tree"), 4000)
        elif self._job is None and self.confirm(records):
            self.remove(records)

    def confirmation_box(self, records: list[IssueRecord]) -> tuple[QMessageBox, QAbstractButton]:
        """The question naming the issues (file, publication, date), and its Remove button."""
        if len(records) == 1:
            question = self.tr("Remove this issue from the library?")
        else:
            question = self.tr("Remove these %1 issues from the library?").replace("%1", str(len(records)))
        lines = [self._describe(record) for record in records]
        shown = lines[:NAMED_ISSUES]
        if len(lines) > NAMED_ISSUES:
            shown.append(self.tr("… and %1 more").replace("%1", str(len(lines) - NAMED_ISSUES)))
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove Issues"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # issue names come from files
        box.setText(question + "\n\n" + "\n".join(shown))
        if len(records) == 1:
            consequences = self.tr(
                "The copy of its file kept in the library's data folder is deleted, with its articles in the "
                "search and any corrections made to it. The file it was imported from is not touched: import "
                "it again to bring the issue back."
            )
        else:
            consequences = self.tr(
                "The copies of their files kept in the library's data folder are deleted, with their articles "
                "in the search and any corrections made to them. The files they were imported from are not "
                "touched: import them again to bring the issues back."
            )
        box.setInformativeText(consequences)
        if len(lines) > NAMED_ISSUES:
            box.setDetailedText("\n".join(lines))
        remove_button = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        return box, remove_button

    def confirm(self, records: list[IssueRecord]) -> bool:
        """Show the confirmation; True if the user chose Remove."""
        box, remove_button = self.confirmation_box(records)
        box.exec()
        return box.clickedButton() is remove_button

    def remove(self, records: list[IssueRecord]) -> Job:
        """Remove the issues on the writer thread; the window is refreshed when it is done."""
        issue_ids = [record.id for record in records]
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Removing…"))
        library = self.window.library
        jobs = self.window.jobs
        self._job = jobs.start(jobs.writer, lambda _job: library.remove(issue_ids), self._finished, self._failed)
        return self._job

    def _finished(self, report: RemovalReport) -> None:
        self._job = None
        self.action.setEnabled(True)
        self.window.issues_removed({issue.issue_id for issue in report.removed})
        message = self.tr("%1 issues removed").replace("%1", str(len(report.removed)))
        if report.unknown:  # removed meanwhile by another copy of the reader: nothing was removed
            message = self.tr("These issues are no longer in the library; nothing was removed")
        self.window.statusBar().showMessage(message, 6000)
        self.removal_done.emit(report)

    def _failed(self, error: Exception) -> None:
        self._job = None
        self.action.setEnabled(True)
        self.window.statusBar().clearMessage()
        self.window.show_error(error)

    def _describe(self, record: IssueRecord) -> str:
        publication = record.shown_publication or unknown_publication(in_sentence=True)
        date = record.shown_date or undated(in_sentence=True)
        # One text with its punctuation, so that the Chinese reads "文件 — 报刊，日期".
        line = self.tr("%1 — %2, %3")
        return line.replace("%1", record.source).replace("%2", publication).replace("%3", date)
