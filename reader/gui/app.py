"""Start the window: QApplication, translations, settings, and the first-start seed import.

The window appears at once; repairing the library, loading jieba and the
index, and importing the sample issues on a first start all run on worker
threads (see MainWindow.start_background_work).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.config import Paths, resources_dir
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.gui.main_window import MainWindow


def settings_for(paths: Paths) -> QSettings:
    """Window settings live beside the library, so a portable install carries them along."""
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.data_dir / "window.ini"), QSettings.Format.IniFormat)


def install_translator(app: QApplication, language: str | None) -> None:
    """Simplified Chinese unless English is asked for, or the system speaks English."""
    locale = QLocale(language) if language else QLocale.system()
    if locale.language() == QLocale.Language.English:
        return
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm")):
        app.installTranslator(translator)
        app._reader_translator = translator  # keep it alive as long as the app


def run_window(paths: Paths, language: str | None = None) -> int:
    """Open the window on the library at `paths`; import the seeds on the first start."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("baokan-reader")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "reader.svg")))
    settings = settings_for(paths)
    install_translator(app, language or str(settings.value("language", "")) or None)
    try:
        library = Library(paths)
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 1
    window = MainWindow(paths, library, settings)
    window.show()
    window.restore_last_article()
    window.start_background_work(import_seeds_if_empty=True)
    code = app.exec()
    library.close()
    return code
