"""File → Print… and File → Save Article as PDF…: the open article on paper or in a PDF (gui.printing).

A single article prints in a moment, so it is laid out on the GUI thread
(Qt's text layout wants that thread); the folder a PDF was last saved in is
remembered.  A PDF that cannot be written is one message naming the file
and the reason; nothing is left half-written under the chosen name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from reader.gui.dialogs import choose_save_path, save_folder

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

PDF_FOLDER_SETTING = "pdf_folder"
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


def pdf_file_name(publication: str | None, date: str | None, title: str | None) -> str:
    """A file name for an article's PDF: 北碚报_2022-03_标题.pdf, without characters any system refuses."""
    parts = [part for part in (publication, date, (title or "")[:40]) if part]
    name = "_".join(_UNSAFE_IN_NAMES.sub("_", part).strip("_.") for part in parts) or "article"
    return f"{name}.pdf"


class ArticleExport(QObject):
    """Prints the open article or saves it as a PDF, with its header and citation."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _document(self):
        view = self.window.article.view
        if view is None:
            return None
        from reader.gui.printing import printable_document  # printing's module: on first use, not at start-up

        return printable_document([view], [self.window.citations.citation()], self.window.article.meta_labels)

    def print_article(self) -> None:
        document = self._document()
        if document is None:
            return
        # Here, not at the top: Qt's print support is loaded when the reader prints, not at every start.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.window.article.view.title or "")
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print Article"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            document.print_(printer)

    def save_pdf(self) -> None:
        view = self.window.article.view
        document = self._document()
        if view is None or document is None:
            return
        settings = self.window.settings
        folder = save_folder(settings, PDF_FOLDER_SETTING)
        suggested = str(Path(folder) / pdf_file_name(view.publication, view.date, view.title))
        chosen = choose_save_path(
            self.window, self.tr("Save Article as PDF"), self.tr("PDF files (*.pdf)"), suggested, "pdf"
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            from reader.gui.printing import save_pdf

            save_pdf(document, path, view.title or "")
        except OSError as error:
            self.window.show_not_saved(path, error)
            return
        settings.setValue(PDF_FOLDER_SETTING, str(path.parent))
        self.window.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)
