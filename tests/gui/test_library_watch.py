"""A library shared by a reading room: what the archivist imports appears in an open window without a restart."""

from __future__ import annotations

from reader.config import seeds_dir
from reader.core.library import changes
from reader.core.library.library import Library
from reader.core.search.index_files import IDENTITY_FILE
from reader.gui.app import settings_for
from reader.gui.library_watch import POLL_SETTING
from reader.gui.main_window import MainWindow
from tests.gui.conftest import close_window, import_and_wait, open_window, shown


def test_the_fingerprint_names_the_index_identity_file_the_index_writes():
    assert changes._IDENTITY_FILE == IDENTITY_FILE


def test_a_read_only_library_reloaded_sees_another_writers_import(paths):
    writer = Library(paths)
    reader = Library(paths, read_only=True)
    before = reader.fingerprint()
    assert reader.records() == []
    writer.import_paths([seeds_dir() / "001_be03ec69b60a77f1.txt"])
    assert reader.fingerprint() != before
    reader.reload()
    assert [record.source for record in reader.records()] == ["001_be03ec69b60a77f1.txt"]
    assert reader.fingerprint() == reader.fingerprint()  # unchanged while nothing is written
    writer.close()
    reader.close()


def test_a_reading_room_window_shows_and_finds_what_the_archivist_imports(qtbot, paths):
    setup = open_window(qtbot, paths)  # the archivist's first import, in a normal window
    import_and_wait(qtbot, setup, [str(seeds_dir() / "001_be03ec69b60a77f1.txt")])
    close_window(setup)

    library = Library(paths, read_only=True)  # a reading-room PC: the shared library, read only
    settings = settings_for(paths)
    settings.setValue(POLL_SETTING, 0.2)
    window = MainWindow(paths, library, settings, kiosk=True)
    qtbot.addWidget(window)
    window.show()
    window.start_background_work(import_seeds_if_empty=False)
    shown(qtbot, window)
    qtbot.waitUntil(lambda: len(window.records) == 1, timeout=10000)

    archivist = Library(paths)  # meanwhile, on the archivist's PC
    archivist.import_paths([seeds_dir() / "000_3ec1d81f3cd0b893.txt"])
    archivist.close()

    qtbot.waitUntil(lambda: len(window.records) == 2, timeout=20000)
    assert window.tree_model.rowCount() >= 1
    with qtbot.waitSignal(window.search_done, timeout=20000) as searched:
        window.search_box.setText("徐永德")
        window.run_search()
    sources = {hit.source for hit in searched.args[0].hits}
    assert "000_3ec1d81f3cd0b893.txt" in sources
    window.close()
    library.close()
