"""GUI fixtures: a main window on a fresh data dir; modal message boxes never block a test."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.core.library.library import Library
from reader.gui.app import settings_for
from reader.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: shown.append(args))
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: shown.append(args))
    return shown


def open_window(qtbot, paths) -> MainWindow:
    library = Library(paths)
    window = MainWindow(paths, library, settings_for(paths))
    qtbot.addWidget(window)
    window.show()
    shown(qtbot, window)  # a library with issues opens the newest one
    return window


def ready_window(qtbot, paths) -> MainWindow:
    """A window whose start-up repair is done, so that it searches at once (not after the library watch's first look)."""
    window = open_window(qtbot, paths)
    with qtbot.waitSignal(window.library_changed, timeout=60000):
        window.start_background_work(import_seeds_if_empty=False)
    return window


def search_in(qtbot, window: MainWindow, text: str):
    """Type `text` in the search box, search, and return the SearchResult listed."""
    window.search_box.setText(text)
    with qtbot.waitSignal(window.search_done, timeout=60000) as blocker:
        window.run_search()
    return blocker.args[0]


def close_window(window: MainWindow) -> None:
    window.window_theme.apply("light")  # the theme is the application's: the next test starts light
    window.close()
    window.library.close()


@pytest.fixture
def window(qtbot, paths):
    opened = open_window(qtbot, paths)
    yield opened
    close_window(opened)


def import_and_wait(qtbot, window, paths: list[str], timeout: int = 90000):
    with qtbot.waitSignal(window.import_done, timeout=timeout) as blocker:
        window.import_paths(paths)
    shown(qtbot, window)  # an import into an empty window opens the newest issue
    return blocker.args[0]


def shown(qtbot, window, timeout: int = 10000) -> None:
    """Wait until the tree is filled and the article asked for last is on screen (both read on the reading thread)."""
    qtbot.waitUntil(lambda: not window.tree_pending and window.opening is None, timeout=timeout)


def hold_at(monkeypatch, target, name: str) -> tuple[threading.Event, threading.Event]:
    """Make `target.name` wait, each call, until released: a long job caught in the middle (for Cancel, Close).

    Returns (reached, release): `reached` is set when the job gets there; set `release` to let it go on.
    """
    real = getattr(target, name)
    reached, release = threading.Event(), threading.Event()

    def held(*args, **kwargs):
        reached.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, held)
    return reached, release
