"""Start the window: QApplication, translations, settings, and the first-start seed import.

The window appears at once; repairing the library and the
index, and importing the sample issues on a first start all run on worker
threads (see MainWindow.start_background_work).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.config import Paths, reading_room_lock_file, resources_dir, window_settings_file
from reader.core.errors import ReaderError
from reader.core.library.library import Library
from reader.core.reading_room_lock import is_locked
from reader.gui.main_window import MainWindow
from reader.gui.single_instance import InstanceServer, hand_over, server_name


def settings_for(paths: Paths, read_only: bool = False) -> QSettings:
    """Window settings live beside the library, so a portable install carries them along.

    Those of a library that may only be read here live in the user's config dir (config.window_settings_file).
    """
    settings_file = window_settings_file(paths, library_writable=not read_only)
    if not read_only:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(settings_file), QSettings.Format.IniFormat)


def install_translator(app: QApplication, language: str | None) -> list[QTranslator]:
    """Simplified Chinese unless English is asked for, or the system speaks English; returns the translators.

    The file dialogs follow: the system's own (native) ones speak the system's
    language, so where that is not the interface's, Qt's dialogs are used,
    which speak the interface's.
    """
    locale = QLocale(language) if language else QLocale.system()
    chinese = locale.language() != QLocale.Language.English
    spoken = QLocale.Language.Chinese if chinese else QLocale.Language.English
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, QLocale.system().language() != spoken)
    # Numbers, sizes and file types (Qt's file dialog names them) in the interface's language too.
    system = QLocale.system()
    QLocale.setDefault(system if system.language() == spoken else QLocale(spoken, QLocale.Country.AnyCountry))
    if not chinese:
        return []
    installed = []
    # Qt's own strings (OK / Cancel buttons, the file dialogs, context menus of text fields), and the
    # reader's, which also word the few of Qt's file dialog that qtbase_zh_CN lacks ("&Look in:").
    # The translator installed last is asked first, then the others: Qt's own first, ours after.
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / "reader_zh_CN.qm")):
        installed.append(ours)
    qt_translator = QTranslator(app)
    if qt_translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_translator)
    for translator in installed:
        app.installTranslator(translator)
    app._reader_translators = installed  # keep them alive as long as the app
    return installed


def starts_in_reading_room(asked: bool) -> bool:
    """Reading-room mode when asked for (--kiosk) or locked on by an archivist (gui.reading_room_lock)."""
    return asked or is_locked(reading_room_lock_file())


def run_window(paths: Paths, language: str | None = None, files: list[str] | None = None, kiosk: bool = False) -> int:
    """Open the window on the library at `paths`; import the seeds on the first start.

    `files` are imported once the window is up.  When a window is already open
    on the same library, they are handed to it instead, and it comes forward.
    `kiosk`: reading-room mode, full screen, the library read only (gui.kiosk); also
    whenever an archivist has locked it on (gui.reading_room_lock).
    """
    kiosk = starts_in_reading_room(kiosk)
    if kiosk:
        files = []  # nothing is imported in the reading room
    files = list(files or [])
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("baokan-reader")
    name = server_name(paths.data_dir)
    if hand_over(name, files):
        print("reader: the library is already open in a window; brought it forward", file=sys.stderr)
        return 0
    server = InstanceServer(name, app)
    if not server.listen():
        print(f"reader: could not claim the library for this window ({server.name}); continuing", file=sys.stderr)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "reader.svg")))
    try:
        library = Library(paths, read_only=kiosk)
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 1
    settings = settings_for(paths, read_only=library.read_only)
    install_translator(app, language or str(settings.value("language", "")) or None)
    window = MainWindow(paths, library, settings, kiosk=kiosk)
    window.showFullScreen() if kiosk else window.show()
    if library.catalog_notice is not None:  # told once the window is up; the library is whole again
        QTimer.singleShot(0, lambda: window.show_error(library.catalog_notice))
    window.restore_last_article()
    server.activated.connect(window.receive_hand_over)
    # A library the user emptied by removing issues (the samples among them) is not a new one.
    seeds_if_empty = not files and library.is_new()

    def start_work() -> None:
        """The repair, then the files asked for: once the event loop runs, so the window is painted first
        (the repair's threads would otherwise share the interpreter with the first paint)."""
        window.start_background_work(import_seeds_if_empty=seeds_if_empty)
        if files:
            window.import_paths(files)

    QTimer.singleShot(0, start_work)
    code = app.exec()
    server.close()
    # The window is gone; a write it cancelled may still be stopping (between two issues, or dropping the
    # batch at hand). The library is closed (and its lock released) only after it has.
    window.jobs.writer.waitForDone(-1)
    library.close()
    return code
