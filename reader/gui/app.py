"""Start the window: the QApplication, translations, first-start seed import.

A placeholder window until the reader window lands (issue: the reader window);
it already does the first-start import off the GUI thread, with progress.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale, QObject, QRunnable, Qt, QThreadPool, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from reader.config import Paths, resources_dir, seeds_dir
from reader.core.library import ImportReport, Library


class _ImportSignals(QObject):
    """Signals of an import job.

    Signals:
        progress(int, int, str): files done, files in all, current file name.
        finished(object): the ImportReport.
        failed(str): a message for the user.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class ImportJob(QRunnable):
    """Import paths into a library on a worker thread; never touches a widget."""

    def __init__(self, library: Library, paths: list[str]) -> None:
        super().__init__()
        self.library = library
        self.paths = paths
        self.signals = _ImportSignals()
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            report = self.library.import_paths(
                self.paths, progress=self.signals.progress.emit, cancelled=lambda: self._cancelled
            )
        except Exception as error:  # reported to the user, never raised into Qt
            self.signals.failed.emit(str(error))
            return
        self.signals.finished.emit(report)


class PlaceholderWindow(QMainWindow):
    """A minimal window that shows the library's size and import progress."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle(self.tr("Newspaper Reader"))
        self.resize(1000, 700)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.message)
        self.show_library_size()

    def show_library_size(self) -> None:
        issues, articles = self.library.catalog.counts()
        self.message.setText(self.tr("%1 issues, %2 articles").replace("%1", str(issues)).replace("%2", str(articles)))

    def show_progress(self, done: int, total: int, name: str) -> None:
        self.statusBar().showMessage(self.tr("Importing %1 / %2").replace("%1", str(done)).replace("%2", str(total)))

    def import_finished(self, report: ImportReport) -> None:
        self.statusBar().clearMessage()
        self.show_library_size()


def _install_translator(app: QApplication, language: str | None) -> None:
    """Simplified Chinese by default; English when asked for or when the system speaks it."""
    locale = QLocale(language) if language else QLocale.system()
    if locale.language() == QLocale.Language.English:
        return
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm")):
        app.installTranslator(translator)


def run_window(paths: Paths, language: str | None = None) -> int:
    """Open the window on the library at `paths`; import the seeds on the first start."""
    app = QApplication.instance() or QApplication(sys.argv)
    _install_translator(app, language)
    library = Library(paths)
    window = PlaceholderWindow(library)
    window.show()
    if not library.records():
        job = ImportJob(library, [str(seeds_dir())])
        job.signals.progress.connect(window.show_progress)
        job.signals.finished.connect(window.import_finished)
        QThreadPool.globalInstance().start(job)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()
    library.close()
    return code
