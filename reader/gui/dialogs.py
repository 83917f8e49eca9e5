"""Small dialogs of the window: correcting an issue's details, choosing watched folders, a folder's path.

Also the file dialogs that choose what to import or watch: Qt's own file
dialog (used where the system's speaks another language than the interface)
opens by default too small for its columns (name, size, type, date), so it
is given a size, fitted to the screen.

The first two only collect what the user typed; the window applies it.  The
correction dialog checks a date itself, before it closes, so a typing mistake
is pointed out where it was made and nothing typed is lost (the library checks
it again).  Paths are shown in read-only fields that scroll, so a long file
name on a network share never makes a dialog wider than a laptop's screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMimeDatabase, QSize, QStandardPaths, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ErrorKind
from reader.core.files import write_atomically
from reader.core.library.catalog import IssueRecord
from reader.core.library.library import CORRECTABLE, CORRECTED_DATE
from reader.core.spreadsheets import CSV_ENCODING
from reader.gui.messages import describe
from reader.gui.plain_text import text_tooltip
from reader.gui.theme import error_color

#: The size of a file dialog where the screen has room for it (else nine tenths of the screen).
FILE_DIALOG_SIZE = QSize(960, 620)
#: The correction dialog's width where the screen allows: room for a file name and a publication.
CORRECTION_WIDTH = 520


def screen_room(widget: QWidget | None) -> QSize:
    """Nine tenths of the available area of the screen `widget` is on (else of the primary screen)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    return QSize(room.width() * 9 // 10, room.height() * 9 // 10)


def file_dialog(parent: QWidget | None, caption: str, name_filter: str = "", folders: bool = False) -> QFileDialog:
    """A file dialog choosing existing files (or a folder), big enough to show its columns, within the screen."""
    dialog = QFileDialog(parent, caption, "", name_filter)
    if folders:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.resize(FILE_DIALOG_SIZE.boundedTo(screen_room(parent)))
    widen_columns(dialog)
    return dialog


def widen_columns(dialog: QFileDialog) -> None:
    """Qt's own dialog sizes its columns for its default size: give size, type and date their text's width.

    The name takes the rest, and the places on the left room for their names.
    (A native dialog has no such widgets; nothing to do then.)
    """
    files = dialog.findChild(QTreeView, "treeView")
    if files is not None:
        metrics = files.fontMetrics()
        modified = QLocale.system().toString(
            QDateTime(QDate(2022, 12, 28), QTime(23, 59)), QLocale.FormatType.ShortFormat
        )
        samples = {1: "999.9 KiB", 2: QMimeDatabase().mimeTypeForName("text/plain").comment(), 3: modified}
        header = files.header()
        for column, sample in samples.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 3 * metrics.averageCharWidth())
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    splitter = dialog.findChild(QSplitter, "splitter")
    if splitter is not None and splitter.count() == 2:
        places = splitter.fontMetrics().horizontalAdvance("Computer  ") + 48
        splitter.setSizes([places, max(dialog.width() - places, 1)])


def choose_paths(parent: QWidget | None, caption: str, name_filter: str = "", folders: bool = False) -> list[str]:
    """Ask for existing files (or one folder); an empty list when the user cancels."""
    dialog = file_dialog(parent, caption, name_filter, folders)
    return dialog.selectedFiles() if dialog.exec() else []


def save_folder(settings, key: str) -> str:
    """The folder a save dialog offers: where the user saved this kind of file last (`key`), else Documents."""
    return str(settings.value(key, "")) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )


def bring_to_front(window: QWidget) -> None:
    """A window already open comes forward: restored if minimized, raised and given the focus."""
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


#: Where exports (bookmarks, missing issues, statistics) were last saved, in window.ini.
EXPORT_FOLDER_SETTING = "bookmarks_folder"


def export_csv(parent: QWidget, window, caption: str, file_name: str, text: str) -> Path | None:
    """Ask where to save `text` as CSV for spreadsheets (offering `file_name` in the export folder) and write it.

    The folder is remembered for the next export.  A file that cannot be
    written is said in the window (`show_not_saved`).  Returns the path
    written, None when the reader cancelled or it failed.
    """
    settings = window.settings
    target = choose_save_path(
        parent,
        caption,
        QCoreApplication.translate("Export", "CSV for spreadsheets (*.csv)"),
        str(Path(save_folder(settings, EXPORT_FOLDER_SETTING)) / file_name),
        "csv",
    )
    if not target or not write_export(window, Path(target), text.encode(CSV_ENCODING)):
        return None
    return Path(target)


def write_export(window, target: Path, data: bytes) -> bool:
    """Write an export the reader chose to save; remember its folder for the next export.

    Written whole or not at all (core.files.write_atomically): a full USB
    stick or a file held open by a spreadsheet leaves an earlier export of
    the same name as it was, not half of a new one.  A failure is said in
    the window (`show_not_saved`) and returns False.
    """
    try:
        write_atomically(target, data)
    except OSError as error:
        window.show_not_saved(target, error)
        return False
    window.settings.setValue(EXPORT_FOLDER_SETTING, str(target.parent))
    return True


def choose_save_path(parent: QWidget | None, caption: str, name_filter: str, suggested: str, suffix: str) -> str | None:
    """Ask where to save a new file (offering `suggested`, a full path); None when the user cancels."""
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested)
    dialog.resize(FILE_DIALOG_SIZE.boundedTo(screen_room(parent)))
    widen_columns(dialog)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else None


def path_field(path: str, parent: QWidget) -> QLineEdit:
    """A path shown whole but never widening its dialog: read-only, selectable, scrolled when long."""
    field = QLineEdit(path, parent)
    field.setReadOnly(True)
    field.setCursorPosition(0)
    field.setToolTip(text_tooltip(path))
    field.setMinimumWidth(200)
    return field


class CorrectionDialog(QDialog):
    """Publication, date and page of one issue; an empty field means "as the parser found it"."""

    def __init__(self, record: IssueRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("Correct Issue Details"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Leave a field empty to use what was read from the file (shown in grey)."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        source = path_field(record.source, self)
        source.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the keyboard goes to the fields to correct
        form.addRow(self.tr("File"), source)
        parsed = {"publication": record.publication, "date": record.date, "page": record.page}
        labels = {
            "publication": self.tr("Publication"),
            "date": self.tr("Date (2021-11-09 or 2021-11)"),
            "page": self.tr("Page"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for key in CORRECTABLE:
            edit = QLineEdit(record.corrections.get(key, ""), self)
            edit.setPlaceholderText(parsed[key] or self.tr("(not found in the file)"))
            edit.setClearButtonEnabled(True)
            form.addRow(labels[key], edit)
            self.fields[key] = edit
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it shows what was typed
        self.error.setStyleSheet(f"color: {error_color(self.palette())};")  # readable in either theme
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # what was typed shows as typed
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields["date"].textEdited.connect(lambda _text: self.error.hide())
        hint = self.sizeHint()
        self.resize(max(hint.width(), min(CORRECTION_WIDTH, screen_room(parent).width())), hint.height())

    def accept(self) -> None:
        """Close only when the date, if any, is one the library takes; else say why and keep the input."""
        date = self.fields["date"].text().strip()
        if date and not CORRECTED_DATE.match(date):
            self.error.setText(describe(ErrorKind.BAD_CORRECTED_DATE, {"value": date}))
            self.error.show()
            self._make_room()
            self.fields["date"].setFocus()
            self.fields["date"].selectAll()
            return
        super().accept()

    def _make_room(self) -> None:
        """Grow to show the error below the fields; the layout would otherwise squeeze the fields to make room."""
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if needed > self.height():
            self.resize(width, needed)

    def changes(self) -> dict[str, str | None]:
        """What Library.correct needs: a value to set, or None to clear a correction."""
        return {key: (edit.text().strip() or None) for key, edit in self.fields.items()}


class WatchedFoldersDialog(QDialog):
    """The folders imported automatically besides the library's own inbox."""

    def __init__(self, inbox: str, folders: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watched Folders"))
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "New issue files in these folders are imported automatically. Files in the inbox are moved "
                "to its imported/ or rejected/ folder afterwards; files in your own folders are left where "
                "they are and remembered."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        inbox_row = QFormLayout()
        inbox_field = path_field(inbox, self)
        inbox_field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the keyboard goes to the list of folders
        inbox_row.addRow(self.tr("Inbox:"), inbox_field)
        layout.addLayout(inbox_row)
        self.list = QListWidget(self)
        self.list.addItems(folders)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add Folder…"), self)
        add.clicked.connect(self._add)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.clicked.connect(self._remove)
        row.addWidget(add)
        row.addWidget(self.remove)
        row.addStretch()
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add(self) -> None:
        for folder in choose_paths(self, self.tr("Watch Folder"), folders=True)[:1]:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        if folder not in self.folders():
            self.list.addItem(folder)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def folders(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]


class FolderPathDialog(QDialog):
    """A folder no file manager could open: its path, to select or copy into one by hand.

    Attributes:
        copy_button: puts the path on the clipboard.
    """

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Folder Location"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "No file manager could open this folder. Its location is below: copy it into a file manager "
                "or a file dialog."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.path = path_field(path, self)
        layout.addWidget(self.path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy Path"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(path))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # As tall as the note needs at this width: the size hint's height is that of a narrower dialog.
        width = min(560, screen_room(parent).width())
        self.resize(
            width, layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        )
