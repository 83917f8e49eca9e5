"""A library shared by a reading room: what the archivist imports appears in an open window without a restart."""

from __future__ import annotations

from reader.config import seeds_dir
from reader.core.library import changes
from reader.core.library.library import Library
from reader.core.search.index_files import IDENTITY_FILE, index_identity
from reader.gui.app import settings_for
from reader.gui.kiosk import IDLE_SETTING
from reader.gui.library_watch import POLL_SECONDS, POLL_SETTING
from reader.gui.main_window import DEFAULT_FONT_SIZE, MainWindow
from tests.gui.conftest import close_window, import_and_wait, open_window, shown
from tests.gui.test_kiosk import _kiosk_window


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


def _reading_room(qtbot, paths, poll_seconds=0.2) -> MainWindow:
    """A reading-room window on the library at `paths`, read only, looking at it every `poll_seconds`."""
    return _kiosk_window(qtbot, paths, **{IDLE_SETTING: 60, POLL_SETTING: poll_seconds})


def _first_import(qtbot, paths) -> None:
    setup = open_window(qtbot, paths)  # the archivist's first import, in a normal window
    import_and_wait(qtbot, setup, [str(seeds_dir() / "001_be03ec69b60a77f1.txt")])
    close_window(setup)


def test_a_share_gone_for_a_moment_leaves_the_tree_as_it_was_and_tells_no_one(qtbot, paths, _no_modal_boxes):
    _first_import(qtbot, paths)
    window = _reading_room(qtbot, paths)
    qtbot.waitUntil(lambda: len(window.records) == 1, timeout=10000)
    qtbot.wait(600)  # a few looks at the library as it is
    aside = paths.data_dir.with_name("away")
    paths.data_dir.rename(aside)  # the share went away
    qtbot.wait(1500)  # several looks meanwhile
    assert len(window.records) == 1 and window.tree_model.rowCount() >= 1  # not an empty library
    assert _no_modal_boxes == []  # no message box in front of the reading room
    aside.rename(paths.data_dir)  # and came back

    archivist = Library(paths)
    archivist.import_paths([seeds_dir() / "000_3ec1d81f3cd0b893.txt"])
    archivist.close()
    qtbot.waitUntil(lambda: len(window.records) == 2, timeout=20000)
    assert _no_modal_boxes == []
    window.close()
    window.library.close()


def test_a_rebuild_on_the_archivists_pc_reopens_the_reading_rooms_search(qtbot, paths, _no_modal_boxes):
    _first_import(qtbot, paths)
    window = _reading_room(qtbot, paths)
    qtbot.waitUntil(lambda: len(window.records) == 1, timeout=10000)
    with qtbot.waitSignal(window.search_done, timeout=20000):
        window.search_box.setText("北碚")
        window.run_search()
    before = window.searcher._searcher._identity
    qtbot.waitUntil(lambda: window.library_watch.fingerprint is not None, timeout=10000)  # it has looked

    archivist = Library(paths)
    archivist.reindex()  # the same issues, a new index swapped in
    archivist.close()
    after = index_identity(paths.index_dir)
    assert after != before
    qtbot.waitUntil(lambda: window.searcher._searcher._identity == after, timeout=20000)
    with qtbot.waitSignal(window.search_done, timeout=20000) as searched:
        window.run_search()
    assert searched.args[0].total > 0
    assert _no_modal_boxes == []
    window.close()
    window.library.close()


def test_numbers_mistyped_in_window_ini_are_the_defaults(qtbot, paths):
    settings = settings_for(paths)
    settings.setValue(POLL_SETTING, "10s")
    settings.setValue("font_size", "big")
    window = MainWindow(paths, Library(paths), settings)  # not a window that fails to open
    qtbot.addWidget(window)
    assert window.library_watch.timer.interval() == POLL_SECONDS * 1000 and window.library_watch.timer.isActive()
    assert window.font_size == DEFAULT_FONT_SIZE
    close_window(window)


def test_an_issue_removed_on_the_archivists_pc_leaves_back_and_forward_and_the_pane(qtbot, paths, _no_modal_boxes):
    setup = open_window(qtbot, paths)
    import_and_wait(qtbot, setup, [str(seeds_dir())])
    close_window(setup)
    window = _reading_room(qtbot, paths)
    qtbot.waitUntil(lambda: len(window.records) == 5, timeout=10000)
    first, second = window.records[0], window.records[1]
    window.open_article(first.id, 0)
    shown(qtbot, window)
    window.open_article(second.id, 0)
    shown(qtbot, window)
    assert window.back_action.isEnabled()

    archivist = Library(paths)
    archivist.remove([first.id, second.id])  # the one Back leads to, and the one on the pane
    archivist.close()

    qtbot.waitUntil(lambda: len(window.records) == 3, timeout=20000)
    assert not window.back_action.isEnabled()  # Back no longer leads to an issue that is gone
    shown(qtbot, window)
    assert window.current is None or window.current[0] not in {first.id, second.id}  # nor does the pane show one
    assert not _no_modal_boxes  # and no error box on the way
    window.close()
    window.library.close()
