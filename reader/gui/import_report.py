"""The import report: what became of each file of an import, in the status bar and in a dialog.

After an import with rejected files, duplicates or files imported with
damaged characters (shown as U+FFFD, with their number), the dialog lists one row
per file: its name, what happened to it (imported, already present, rejected)
and why (a rejection's reason worded by reader.gui.messages), or which issue
of the library it matched.  Copy puts the whole
report on the clipboard as plain text.  For files taken from the inbox it says
where they were moved (reader.gui.inbox: `imported/` for imported and
already-present files, `rejected/` for the others) and opens those folders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.filenames import printable_name
from reader.core.library.catalog import IssueRecord
from reader.core.library.import_log import DUPLICATE, IMPORTED, REJECTED
from reader.core.library.library import ImportReport
from reader.gui.common_wording import undated, unknown_publication
from reader.gui.messages import describe
from reader.gui.plain_text import text_tooltip

#: Where the inbox watcher moves the files it handed over, by outcome (see reader.gui.inbox).
IMPORTED_FOLDER, REJECTED_FOLDER = "imported", "rejected"
#: The dialog's size where the screen allows it; a small screen gets nine tenths of its room.
PREFERRED_WIDTH, PREFERRED_HEIGHT = 960, 560
#: The table is never shorter than this, however few its rows (room to widen the dialog into).
MIN_TABLE_HEIGHT = 160

Lookup = Callable[[str], IssueRecord | None]


@dataclass
class FileRow:
    """One file of the report: its path, what happened to it, and why or as what."""

    path: str
    outcome: str
    detail: str
    rejected: bool = False
    duplicate: bool = False
    #: Imported, but with damaged characters (shown as U+FFFD).
    damaged: bool = False

    @property
    def name(self) -> str:
        """The file's name as shown: bytes that are not text escaped (Qt would silently drop them)."""
        return printable_name(Path(self.path).name)


class ImportWording(QObject):
    """The words of an import's outcome, shared by the status bar and the report dialog."""

    def summary(self, report: ImportReport) -> str:
        """One line: how many files went which way (and, after Cancel, that the rest were left alone)."""
        if report.cancelled:
            text = self.tr(
                "Import cancelled: %1 imported before the cancel (%2 already present, %3 rejected); "
                "the other files were not imported and stay where they were"
            )
        else:
            text = self.tr("%1 imported, %2 already present, %3 rejected")
        text = text.replace("%1", str(len(report.imported))).replace("%2", str(len(report.duplicates)))
        text = text.replace("%3", str(len(report.rejected)))
        if report.skipped_non_issue:
            text += self.tr("; %1 files that are not .txt skipped").replace("%1", str(report.skipped_non_issue))
        damaged = sum(1 for imported in report.imported if imported.damaged_characters)
        if damaged:
            text += self.tr("; %1 imported with damaged characters").replace("%1", str(damaged))
        return text

    def issue(self, record: IssueRecord) -> str:
        """An issue as a librarian names it: publication and date."""
        publication = record.shown_publication or unknown_publication(in_sentence=True)
        date = record.shown_date or undated(in_sentence=True)
        return f"{publication} {date}"

    def outcome(self, outcome: str) -> str:
        """What became of a file (core.library.import_log's IMPORTED, DUPLICATE, REJECTED), in a word."""
        words = {IMPORTED: self.tr("imported"), DUPLICATE: self.tr("already present"), REJECTED: self.tr("rejected")}
        return words[outcome]

    def duplicate_detail(self, record: IssueRecord | None, existing_source: str) -> str:
        """Which issue of the library a file already present matched."""
        if record is not None:
            detail = self.tr("already in the library as %1 (%2)")
            return detail.replace("%1", self.issue(record)).replace("%2", existing_source)
        # Matched a file of this import that was not stored (cancelled), or an issue removed since.
        return self.tr("the same text as %1").replace("%1", existing_source)

    def imported_detail(self, record: IssueRecord | None, issue_id: str, articles: int, damaged: int = 0) -> str:
        """The issue a file became and its articles, and its damaged characters if it had any."""
        detail = self.tr("%1, %2 articles").replace("%2", str(articles))
        detail = detail.replace("%1", self.issue(record) if record else issue_id)
        if damaged:
            detail += self.tr("; damaged characters, shown as \ufffd: %1").replace("%1", str(damaged))
        return detail

    def rows(self, report: ImportReport, lookup: Lookup) -> list[FileRow]:
        """Every file of the report: rejected first, then those already present, then those imported."""
        rows = [FileRow(r.path, self.outcome(REJECTED), describe(r), rejected=True) for r in report.rejected]
        for duplicate in sorted(report.duplicates, key=lambda d: d.path):
            detail = self.duplicate_detail(lookup(duplicate.issue_id), duplicate.existing_source)
            rows.append(FileRow(duplicate.path, self.outcome(DUPLICATE), detail, duplicate=True))
        for imported in sorted(report.imported, key=lambda i: i.path):
            record = lookup(imported.issue_id)
            detail = self.imported_detail(record, imported.issue_id, imported.articles, imported.damaged_characters)
            damaged = bool(imported.damaged_characters)
            rows.append(FileRow(imported.path, self.outcome(IMPORTED), detail, damaged=damaged))
        return rows


class ImportReportDialog(QDialog):
    """One import, one row per file (see the module docstring); resizable, and never bigger than the screen.

    Attributes:
        table: the files, with what happened to each.
        copy_button: puts the report on the clipboard as plain text.
        folder_buttons: for an inbox import, "imported"/"rejected" -> the button opening that folder.
    """

    def __init__(
        self,
        report: ImportReport,
        lookup: Lookup,
        inbox: Path | None = None,
        open_folder: Callable[[Path], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        wording = ImportWording(self)
        self.rows = wording.rows(report, lookup)
        self.setWindowTitle(self.tr("Import Report"))
        self.setSizeGripEnabled(True)
        layout = QVBoxLayout(self)
        self.summary = wording.summary(report)
        summary = QLabel(self.summary, self)
        summary.setWordWrap(True)
        font = summary.font()
        font.setBold(True)
        summary.setFont(font)
        layout.addWidget(summary)
        self.inbox_note = ""
        moved = [row for row in self.rows if inbox is not None and Path(row.path).parent == inbox]
        folders: list[str] = []
        if inbox is not None and moved:
            folders = sorted({self._goes_to(row) for row in moved}, reverse=True)  # rejected/ first
            self.inbox_note = self._inbox_note(inbox.name)
            note = QLabel(self.inbox_note, self)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)  # Enter closes, as in a message box
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Copy the whole report as plain text"))
        self.copy_button.clicked.connect(self.copy)
        self.folder_buttons: dict[str, QPushButton] = {}
        for name in folders:
            text = self.tr("Open %1 Folder").replace("%1", f"{inbox.name}/{name}/")
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            folder = inbox / name
            button.clicked.connect(lambda _checked=False, folder=folder: open_folder and open_folder(folder))
            self.folder_buttons[name] = button
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit_to_screen()

    @staticmethod
    def _goes_to(row: FileRow) -> str:
        return REJECTED_FOLDER if row.rejected else IMPORTED_FOLDER

    def _inbox_note(self, inbox_name: str) -> str:
        note = self.tr(
            "Files taken from the inbox were moved: imported and already present ones to %1, rejected ones "
            "to %2. Files not reached before a cancel stay in the inbox."
        )
        return note.replace("%1", f"{inbox_name}/{IMPORTED_FOLDER}/").replace("%2", f"{inbox_name}/{REJECTED_FOLDER}/")

    def _headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Result"), self.tr("Reason or matching issue")]

    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.rows), 3, self)
        table.setHorizontalHeaderLabels(self._headers())
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a file's number is at the end of its name
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        style = self.style()
        icons = {
            "rejected": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "duplicate": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
            "imported": style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
        }
        for number, row in enumerate(self.rows):
            cells = [QTableWidgetItem(row.name), QTableWidgetItem(row.outcome), QTableWidgetItem(row.detail)]
            cells[0].setToolTip(text_tooltip(printable_name(row.path)))
            cells[2].setToolTip(text_tooltip(row.detail))
            kind = "rejected" if row.rejected or row.damaged else "duplicate" if row.duplicate else "imported"
            cells[1].setIcon(icons[kind])
            for column, cell in enumerate(cells):
                table.setItem(number, column, cell)
        table.setColumnWidth(0, 300)
        table.setColumnWidth(1, 130)
        return table

    def _fit_to_screen(self) -> None:
        """As tall as the rows need, up to PREFERRED_HEIGHT, and never more than nine tenths of the screen."""
        screen = (self.parentWidget().screen() if self.parentWidget() else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        table = self.table
        rows = table.verticalHeader().length() + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        wanted = self.sizeHint().height() - table.sizeHint().height() + max(rows, MIN_TABLE_HEIGHT)
        height = min(wanted, PREFERRED_HEIGHT, room.height() * 9 // 10)
        self.resize(min(PREFERRED_WIDTH, room.width() * 9 // 10), height)

    def plain_text(self) -> str:
        """The report as Copy puts it on the clipboard: summary, where inbox files went, a line per file."""
        lines = [self.summary]
        if self.inbox_note:
            lines.append(self.inbox_note)
        lines += ["", "\t".join(self._headers())]
        lines += [f"{printable_name(row.path)}\t{row.outcome}\t{row.detail}" for row in self.rows]
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())
