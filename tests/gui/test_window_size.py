"""The window opens inside the screen it is on: a first start, a remembered size, a smaller screen than last time."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from reader.config import seeds_dir
from reader.gui.window_size import PREFERRED, window_frame
from tests.gui.conftest import close_window, import_and_wait, open_window

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"

#: A 1366×768 laptop at 125 % scaling, less a 40 px panel: what a reading room's PC offers.
LAPTOP = QRect(0, 0, 1093, 614 - 40)
BIG_MONITOR = QRect(0, 0, 2560, 1400)


def _centred_in(frame: QRect, available: QRect) -> bool:
    return (
        abs(frame.center().x() - available.center().x()) <= 1 and abs(frame.center().y() - available.center().y()) <= 1
    )


def test_a_first_window_takes_most_of_a_small_screen_centred():
    frame = window_frame(LAPTOP, None)
    assert LAPTOP.contains(frame)
    assert frame.width() >= 0.85 * LAPTOP.width() and frame.height() >= 0.85 * LAPTOP.height()
    assert frame.width() <= 0.9 * LAPTOP.width() + 1 and frame.height() <= 0.9 * LAPTOP.height() + 1
    assert _centred_in(frame, LAPTOP)


def test_a_first_window_on_a_big_screen_keeps_its_usual_size_centred():
    frame = window_frame(BIG_MONITOR, None)
    assert frame.size() == PREFERRED
    assert _centred_in(frame, BIG_MONITOR)


def test_a_first_window_on_a_screen_beside_another_or_under_a_top_panel_is_on_that_screen():
    second = QRect(1920, 27, 1366, 741)
    frame = window_frame(second, None)
    assert second.contains(frame) and _centred_in(frame, second)


def test_a_remembered_window_that_fits_the_screen_opens_as_it_was():
    saved = QRect(80, 40, 700, 450)
    assert window_frame(LAPTOP, saved) == saved
    assert window_frame(BIG_MONITOR, QRect(300, 200, 1800, 1100)) == QRect(300, 200, 1800, 1100)


def test_a_window_remembered_from_a_big_monitor_is_clamped_into_the_laptop_screen():
    frame = window_frame(LAPTOP, QRect(300, 200, 1800, 1100))
    assert LAPTOP.contains(frame)
    assert frame.size() == LAPTOP.size()


def test_a_window_remembered_on_a_screen_that_is_gone_is_moved_onto_this_one_keeping_its_size():
    frame = window_frame(LAPTOP, QRect(2200, 300, 800, 500))  # it was on a second monitor to the right
    assert LAPTOP.contains(frame)
    assert frame.size() == QSize(800, 500)


def test_the_window_frame_fits_the_screen_it_opens_on(qtbot, window):
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= LAPTOP.width() and minimum.height() <= LAPTOP.height()


def test_a_remembered_window_size_wins_and_one_too_big_is_fitted(qtbot, paths):
    first = open_window(qtbot, paths)
    first.setGeometry(60, 50, 640, 420)
    close_window(first)
    second = open_window(qtbot, paths)
    assert second.geometry().size() == QSize(640, 420)
    available = second.screen().availableGeometry()
    second.setGeometry(0, 0, available.width() + 700, available.height() + 500)
    close_window(second)
    third = open_window(qtbot, paths)
    assert available.contains(third.frameGeometry()), (third.frameGeometry(), available)
    close_window(third)


def test_article_titles_keep_their_room_in_a_narrow_tree(qtbot, window):
    """Articles sit four levels deep: a level's indent is one character, not Qt's 20 px, on a small laptop."""
    import_and_wait(qtbot, window, [str(SEED_000)])
    record = window.library.records()[0]
    window.open_article(record.id, 0)
    qtbot.waitUntil(lambda: window.opening is None, timeout=10000)
    index = window.tree_model.index_of_article(record.id, 0)
    assert index.parent().isValid()  # an article row, four levels down
    character = window.tree.fontMetrics().horizontalAdvance("中")
    assert window.tree.visualRect(index).left() <= 5 * character
