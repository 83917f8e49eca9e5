"""Reading-room mode: reading and searching only, bookmarks for the session, the window reset after idle time."""

from __future__ import annotations

from reader.config import seeds_dir
from reader.core.library.library import Library
from reader.gui.app import settings_for
from reader.gui.kiosk import IDLE_MINUTES, IDLE_SETTING
from reader.gui.main_window import MainWindow
from tests.gui.conftest import close_window, import_and_wait, open_window, shown


def _kiosk_window(qtbot, paths, **setting_values):
    """A reading-room window on the library at `paths`, read only; reset after under a second unless
    `setting_values` say otherwise (window.ini names and values)."""
    library = Library(paths, read_only=True)
    settings = settings_for(paths)  # in the data dir: a test writes nothing to the user's config
    for name, value in {IDLE_SETTING: 0.01, **setting_values}.items():
        settings.setValue(name, value)
    window = MainWindow(paths, library, settings, kiosk=True)
    qtbot.addWidget(window)
    window.show()
    window.start_background_work(import_seeds_if_empty=False)
    shown(qtbot, window)
    return window


def test_the_reading_room_reads_searches_and_forgets(qtbot, paths):
    setup = open_window(qtbot, paths)  # the archivist imports first, in a normal window
    import_and_wait(qtbot, setup, [str(seeds_dir() / "001_be03ec69b60a77f1.txt")])
    close_window(setup)

    window = _kiosk_window(qtbot, paths)
    assert window.kiosk is not None and window.library.read_only
    assert not any(action.isEnabled() for action in window.actions_.changing)
    assert not any(action.isEnabled() for action in window.actions_.file_dialogs)
    assert not any(action.isEnabled() for action in window.actions_.language_menu.actions())
    assert not any(button.isEnabled() for button in window.bookmarks_panel.file_buttons)
    assert window.library.bookmarks.path is None  # kept in memory for the session

    record = window.library.records()[0]
    window.open_article(record.id, 2)
    shown(qtbot, window)
    window.open_article(record.id, 3)
    shown(qtbot, window)
    assert window.back_action.isEnabled()
    window.bookmarks_panel.bookmark_article()
    assert window.library.bookmarks.all()
    window.search_box.setText("疫情")
    window.results.dates.setText("2021")
    window.results.narrow_to_publication("北碚报")
    window.results.sort.setCurrentIndex(1)
    window.set_whole_issue(True)  # the issue read whole: its place is kept as the reader scrolls and leaves it
    shown(qtbot, window)

    qtbot.waitUntil(lambda: not window.library.bookmarks.all(), timeout=10000)  # idle: reset for the next reader
    shown(qtbot, window)
    assert window.search_box.text() == "" and not window.bookmarks_panel.isVisible()
    assert window.results.date_filter() == "" and window.results.publication_filter() is None  # nor its filters
    assert not window.results.sort_by_date()
    assert window.current[1] == 0
    assert window.reading_positions.get(record.id) is None  # the next reader does not inherit it
    assert not window.back_action.isEnabled() and not window.history.entries  # nor step Back through it
    window.close()
    window.library.close()


def test_an_idle_time_mistyped_in_window_ini_is_the_default(qtbot, paths):
    window = _kiosk_window(qtbot, paths, **{IDLE_SETTING: "5 min"})  # not a window that fails to open
    assert window.kiosk.idle.interval() == IDLE_MINUTES * 60_000
    window.close()
    window.library.close()
