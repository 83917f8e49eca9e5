"""The Bookmarks panel and commands: bookmark an article, note on it or on a passage, list, find, export, import.

The bookmarks live in the library (core.library.bookmarks); this is their
window side.  The panel is a dock (View → Bookmarks, `Ctrl+Shift+B`) listing
them by publication, then date and place, with the note beside each; its
search box finds text in notes, passages, titles and reporters.  Export
writes CSV (with a byte-order mark, so spreadsheets read Chinese) or
Markdown with citations; import reads a CSV export back, skipping what is
already here.  All of it is small SQLite work, done on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.citation import cite
from reader.core.errors import ReaderError
from reader.core.library.bookmarks import Bookmark
from reader.core.reading import article_view
from reader.core.spreadsheets import CSV_ENCODING
from reader.gui.citations import interface_language
from reader.gui.common_wording import unknown_publication
from reader.gui.dialogs import EXPORT_FOLDER_SETTING, choose_paths, choose_save_path, save_folder, write_export
from reader.gui.plain_text import text_tooltip

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

BOOKMARK_ROLE = Qt.ItemDataRole.UserRole


class BookmarksPanel(QDockWidget):
    """The dock listing the library's bookmarks.

    Signals:
        open_requested(str, int): the reader chose a bookmark: open article `ordinal` of issue `id`.
    """

    open_requested = Signal(str, int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Bookmarks"))
        self.setObjectName("bookmarks-dock")
        self.window_ = window
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.find = QLineEdit(body)
        self.find.setPlaceholderText(self.tr("Find in notes"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.refresh)
        layout.addWidget(self.find)
        self.tree = QTreeWidget(body)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree)
        buttons = QHBoxLayout()
        #: The buttons that open a file dialog (off in reading-room mode: set_files_allowed).
        self.file_buttons: list[QPushButton] = []
        for text, slot, opens_files in (
            (self.tr("Edit Note…"), self.edit_note, False),
            (self.tr("Remove"), self.remove_selected, False),
            (self.tr("Export…"), self.export, True),
            (self.tr("PDF…"), self.save_pdf, True),
            (self.tr("Import…"), self.import_file, True),
        ):
            button = QPushButton(text, body)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if opens_files:
                self.file_buttons.append(button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.refresh()

    def set_files_allowed(self, allowed: bool) -> None:
        """Whether export, import and PDF (which open a file dialog) may be used."""
        for button in self.file_buttons:
            button.setEnabled(allowed)

    @property
    def bookmarks(self):
        return self.window_.library.bookmarks

    def refresh(self) -> None:
        """List the bookmarks the search box finds (all when it is empty), grouped by publication.

        Each bookmark is a row "date · title"; its passage (in quotes) and its
        note are rows under it, in grey, so they read whole in a narrow dock.
        """
        self.tree.clear()
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        groups: dict[str, QTreeWidgetItem] = {}
        for bookmark in self.bookmarks.matching(self.find.text()):
            publication = bookmark.publication or unknown_publication()
            group = groups.get(publication)
            if group is None:
                group = groups[publication] = QTreeWidgetItem(self.tree, [publication])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            label = " · ".join(part for part in (bookmark.date, bookmark.title or self.tr("(untitled)")) if part)
            item = QTreeWidgetItem(group, [label])
            item.setData(0, BOOKMARK_ROLE, bookmark.id)
            tip = "\n\n".join(
                part for part in (bookmark.title, bookmark.quote and f"“{bookmark.quote}”", bookmark.note) if part
            )
            item.setToolTip(0, text_tooltip(tip))
            for text in (bookmark.quote and f"“{bookmark.quote}”", bookmark.note):
                if text:
                    line = QTreeWidgetItem(item, [" ".join(text.split())])
                    line.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    line.setForeground(0, muted)
                    line.setToolTip(0, text_tooltip(tip))
        self.tree.expandAll()

    # -- the window's commands ---------------------------------------------------------------------
    def _passage(self) -> str:
        """The text selected in the article pane, if any (a note on it keeps it)."""
        selected = self.window_.article.textCursor().selectedText()
        return selected.replace("\u2029", "\n").strip()  # Qt marks paragraph breaks with U+2029

    def bookmark_article(self) -> None:
        """Edit → Bookmark Article: the open article (once); with a passage selected, a note on it."""
        window = self.window_
        if window.article.view is None or window.current is None:
            return
        if self._passage():
            self.note_article()
            return
        issue_id, ordinal = window.current
        if any(not bookmark.quote for bookmark in self.bookmarks.of_article(issue_id, ordinal)):
            window.statusBar().showMessage(self.tr("This article is already bookmarked"), 4000)
        else:
            self.bookmarks.add(issue_id, ordinal, window.article.view)
            window.statusBar().showMessage(self.tr("Article bookmarked"), 4000)
        self.show()
        self.refresh()

    def note_article(self) -> None:
        """Edit → Add Note…: a note on the open article, or on the passage selected in it."""
        window = self.window_
        if window.article.view is None or window.current is None:
            return
        passage = self._passage()
        # In a whole issue the passage may be in another article than the open one (lower on the screen).
        view = window.article.article_of_selection() if passage else window.article.view
        label = f"“{passage}”" if passage else (view.title or self.tr("(untitled)"))
        note, accepted = QInputDialog.getMultiLineText(self, self.tr("Add Note"), label[:200], "")
        if not accepted:
            return
        self.bookmarks.add(window.current[0], view.ordinal, view, note=note.strip(), quote=passage)
        self.show()
        self.refresh()

    def selected(self) -> list[Bookmark]:
        ids = [item.data(0, BOOKMARK_ROLE) for item in self.tree.selectedItems()]
        return [self.bookmarks.get(bookmark_id) for bookmark_id in ids if bookmark_id is not None]

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, BOOKMARK_ROLE) is None and item.parent() is not None:
            item = item.parent()  # a note's or passage's row opens its bookmark's article
        bookmark_id = item.data(0, BOOKMARK_ROLE)
        if bookmark_id is not None:
            bookmark = self.bookmarks.get(bookmark_id)
            self.open_requested.emit(bookmark.issue_id, bookmark.ordinal)

    def edit_note(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        bookmark = chosen[0]
        note, accepted = QInputDialog.getMultiLineText(
            self, self.tr("Edit Note"), bookmark.title or self.tr("(untitled)"), bookmark.note
        )
        if accepted:
            self.bookmarks.set_note(bookmark.id, note)
            self.refresh()

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            self.bookmarks.remove(bookmark.id for bookmark in chosen)
            self.refresh()

    def _folder(self) -> str:
        return save_folder(self.window_.settings, EXPORT_FOLDER_SETTING)

    def export(self) -> None:
        """Save the bookmarks listed (all, or those the search box found) as CSV or Markdown."""
        listed = self.bookmarks.matching(self.find.text())
        csv_filter, markdown_filter = self.tr("CSV for spreadsheets (*.csv)"), self.tr("Markdown (*.md)")
        chosen = choose_save_path(
            self.window_,
            self.tr("Export Bookmarks"),
            f"{csv_filter};;{markdown_filter}",
            str(Path(self._folder()) / self.tr("bookmarks.csv")),
            "csv",
        )
        if not chosen:
            return
        path = Path(chosen)
        language = interface_language()
        if path.suffix.lower() in (".md", ".markdown"):
            data = self.bookmarks.to_markdown(listed, language, self.window_.citations.style).encode("utf-8")
        else:
            data = self.bookmarks.to_csv(listed, language).encode(CSV_ENCODING)
        if not write_export(self.window_, path, data):
            return
        self.window_.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)

    def save_pdf(self) -> None:
        """The selected bookmarks' articles (else all those listed) as one PDF, each from a new page.

        Their issues are read on the reading thread (each once); the PDF is
        laid out on the GUI thread when they are in.
        """
        chosen = self.selected() or self.bookmarks.matching(self.find.text())
        if not chosen:
            return
        suggested = str(Path(self._folder()) / self.tr("bookmarked articles.pdf"))
        target = choose_save_path(
            self.window_, self.tr("Save Bookmarked Articles as PDF"), self.tr("PDF files (*.pdf)"), suggested, "pdf"
        )
        if not target:
            return
        library = self.window_.library
        wanted = list(dict.fromkeys((bookmark.issue_id, bookmark.ordinal) for bookmark in chosen))

        def read(job) -> tuple[list, list[str]]:
            views, missing = [], []
            issues: dict[str, object] = {}
            for issue_id, ordinal in wanted:
                if job.cancelled:
                    break
                try:
                    issue = issues.get(issue_id) or issues.setdefault(issue_id, library.load_issue(issue_id))
                except (KeyError, OSError, ReaderError):
                    missing.append(issue_id)
                    continue
                if 0 <= ordinal < len(issue.articles):
                    views.append(article_view(issue, ordinal))
            return views, missing

        def write(result) -> None:
            from reader.gui.printing import printable_document, save_pdf  # on first use, not at start-up

            views, missing = result
            if not views:
                self.window_.show_error(self.tr("None of these articles can be read: their issues are gone."))
                return
            document = printable_document(
                views,
                [cite(view, self.window_.citations.style, interface_language()) for view in views],
                self.window_.meta_labels(),
            )
            path = Path(target)
            try:
                save_pdf(document, path, self.tr("Bookmarked articles"))
            except OSError as error:
                self.window_.show_not_saved(path, error)
                return
            self.window_.settings.setValue(EXPORT_FOLDER_SETTING, str(path.parent))
            message = self.tr("Saved %1").replace("%1", str(path))
            if missing:
                message += " " + self.tr("(%1 articles left out: their issues are gone)").replace(
                    "%1", str(len(missing))
                )
            self.window_.statusBar().showMessage(message, 8000)

        self.window_.jobs.start(self.window_.jobs.reading, read, write)

    def import_file(self) -> None:
        """Add the bookmarks of a CSV export (of this library or another reader's)."""
        files = choose_paths(self.window_, self.tr("Import Bookmarks"), self.tr("CSV for spreadsheets (*.csv)"))
        for name in files:
            try:
                added = self.bookmarks.import_csv(Path(name).read_text(encoding=CSV_ENCODING))
            except (OSError, UnicodeDecodeError, ValueError) as error:
                self.window_.show_error(
                    self.tr("Could not import %1: %2").replace("%1", name).replace("%2", str(error))
                )
                continue
            self.window_.statusBar().showMessage(self.tr("Bookmarks imported: %1").replace("%1", str(added)), 5000)
        self.refresh()
