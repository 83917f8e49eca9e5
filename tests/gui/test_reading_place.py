"""What is open and where the reader is in it: only the reader changes the article; highlights, tree, matches, position."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor

from reader.config import seeds_dir
from reader.gui.article_view import THEMES
from reader.gui.models.hits import HIT_ROLE
from tests.gui.conftest import close_window, ready_window, search_in, shown

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"
# In 000: article 6 (核酸 13 times, a long one) and article 7 (核酸 6 times); in 001: article 3 (核酸 12 times).


@pytest.fixture
def reading(qtbot, seeded_paths):
    """A window on a library holding the five seeds, ready to search, active as in front of a reader."""
    window = ready_window(qtbot, seeded_paths)
    window.activateWindow()
    qtbot.waitActive(window)
    yield window
    close_window(window)


def _issue(window, prefix: str) -> str:
    return next(record.id for record in window.library.records() if record.source.startswith(prefix))


_search = search_in


def _row_of(window, issue_id: str, ordinal: int) -> int:
    model = window.results.hit_model
    for row in range(model.rowCount()):
        hit = model.index(row).data(HIT_ROLE)
        if (hit.issue, hit.ordinal) == (issue_id, ordinal):
            return row
    raise AssertionError(f"no hit for {issue_id}:{ordinal}")


def _click_hit(qtbot, window, row: int) -> None:
    hits = window.results.hits
    index = window.results.hit_model.index(row)
    hits.scrollTo(index)
    qtbot.mouseClick(hits.viewport(), Qt.MouseButton.LeftButton, pos=hits.visualRect(index).center())
    shown(qtbot, window)


def _click_in_tree(qtbot, window, issue_id: str, ordinal: int):
    window.issues.load(issue_id)  # the tree lists an issue's articles once the issue is read
    qtbot.waitUntil(lambda: window.issues.titles(issue_id) is not None, timeout=10000)
    index = window.tree_model.index_of_article(issue_id, ordinal)
    parent = index.parent()
    while parent.isValid():
        window.tree.expand(parent)
        parent = parent.parent()
    window.tree.scrollTo(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=window.tree.visualRect(index).center())
    shown(qtbot, window)
    return index


def _shown_as_selected(window, index) -> bool:
    """Whether the tree's pixels on screen show the row highlighted (sampled in the row's top line)."""
    rect = window.tree.visualRect(index)
    point = window.tree.viewport().mapTo(window, QPoint(rect.center().x(), rect.top() + 1))
    image = window.screen().grabWindow(window.winId()).toImage()
    ratio = image.devicePixelRatio()
    color = image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))
    return color != window.tree.palette().base().color()


def _highlighted(window) -> bool:
    return window.article.match_count() > 0 and THEMES[window.theme]["mark"] in window.article.toHtml()


# -- 1. the article being read changes only by the reader's hand ------------------------------------------------


def _new_search(qtbot, window) -> None:
    _search(qtbot, window, "疫苗")


def _sort_by_date(qtbot, window) -> None:
    with qtbot.waitSignal(window.search_done, timeout=60000):
        window.results.sort.setCurrentIndex(1)


def _date_range(qtbot, window) -> None:
    with qtbot.waitSignal(window.search_done, timeout=60000):
        qtbot.keyClicks(window.results.dates, "2021-01..2022-12")
        qtbot.keyClick(window.results.dates, Qt.Key.Key_Return)


def _import_finishing(qtbot, window, tmp_path) -> None:
    copy = tmp_path / "扫描件" / SEED_000.name
    copy.parent.mkdir()
    shutil.copy(SEED_000, copy)
    with qtbot.waitSignal(window.search_done, timeout=60000):  # the search runs again on the new library
        window.import_paths([str(copy)])


def _focus_back_on_the_results(qtbot, window) -> None:
    _new_search(qtbot, window)  # the list has no current row now
    window.search_box.setFocus()
    window.results.hits.setFocus(Qt.FocusReason.ActiveWindowFocusReason)  # as after a dialog closes
    assert window.results.hits.hasFocus() and window.results.hits.currentIndex().row() == 0  # Qt made hit 1 current


@pytest.mark.parametrize(
    "trigger", [_new_search, _sort_by_date, _date_range, _import_finishing, _focus_back_on_the_results]
)
def test_the_open_article_stays_when_the_results_change(qtbot, reading, tmp_path, trigger):
    window = reading
    _search(qtbot, window, "核酸")
    _click_hit(qtbot, window, 0)
    chosen, history = window.current, list(window.history.entries)
    text = window.article.toPlainText()
    if trigger is _import_finishing:
        trigger(qtbot, window, tmp_path)
    else:
        trigger(qtbot, window)
    assert window.current == chosen
    assert window.article.toPlainText() == text
    assert window.history.entries == history  # no visit nobody chose
    assert not window.forward_action.isEnabled()


def test_clicks_enter_and_arrow_keys_in_the_results_open_hits(qtbot, reading):
    window = reading
    result = _search(qtbot, window, "核酸")
    hits = [(hit.issue, hit.ordinal) for hit in result.hits]
    _click_hit(qtbot, window, 1)
    assert window.current == hits[1]
    qtbot.keyClick(window.results.hits, Qt.Key.Key_Down)
    shown(qtbot, window)
    assert window.current == hits[2]
    qtbot.keyClick(window.results.hits, Qt.Key.Key_Up)
    shown(qtbot, window)
    assert window.current == hits[1]
    window.open_article(hits[0][0], 0)  # elsewhere, then back to the hit with Enter
    qtbot.keyClick(window.results.hits, Qt.Key.Key_Return)
    shown(qtbot, window)
    assert window.current == hits[1] and _highlighted(window)


# -- 2. highlights belong to an article opened from a hit ---------------------------------------------------------


def test_highlights_only_on_an_article_opened_from_a_hit(qtbot, reading):
    window = reading
    issue_000, issue_001 = _issue(window, "000"), _issue(window, "001")
    _search(qtbot, window, "核酸")
    _click_hit(qtbot, window, _row_of(window, issue_000, 6))
    assert _highlighted(window)

    _click_in_tree(qtbot, window, issue_001, 3)  # contains 核酸 too
    assert window.current == (issue_001, 3)
    assert not _highlighted(window) and window.match_label.text() == ""
    assert window.article.verticalScrollBar().value() == 0  # the headline in view

    window.step_article(-1)
    shown(qtbot, window)
    assert not _highlighted(window)
    window.go_history(-1)
    shown(qtbot, window)
    window.go_history(-1)  # back to the hit: its highlights again
    assert window.current == (issue_000, 6) and _highlighted(window)
    window.go_history(1)
    shown(qtbot, window)
    assert not _highlighted(window) and window.article.verticalScrollBar().value() == 0

    window.go_history(-1)
    shown(qtbot, window)
    window.search_box.clear()
    assert window.current == (issue_000, 6)
    assert not _highlighted(window) and window.match_label.text() == ""


# -- 3. the tree follows the open article ------------------------------------------------------------------------


def test_the_tree_shows_the_article_opened_from_a_hit_history_or_stepping(qtbot, reading):
    window = reading
    issue_000 = _issue(window, "000")
    model = window.tree_model
    row_5 = _click_in_tree(qtbot, window, issue_000, 5)
    qtbot.waitUntil(lambda: _shown_as_selected(window, row_5), timeout=5000)
    _search(qtbot, window, "核酸")

    _click_hit(qtbot, window, _row_of(window, issue_000, 6))
    row_6 = model.index_of_article(issue_000, 6)
    assert window.tree.currentIndex() == row_6
    qtbot.waitUntil(lambda: _shown_as_selected(window, row_6) and not _shown_as_selected(window, row_5), timeout=5000)

    window.go_history(-1)
    shown(qtbot, window)
    assert window.tree.currentIndex() == row_5
    qtbot.waitUntil(lambda: _shown_as_selected(window, row_5) and not _shown_as_selected(window, row_6), timeout=5000)

    window.step_article(2)
    shown(qtbot, window)
    row_7 = model.index_of_article(issue_000, 7)
    assert window.tree.currentIndex() == row_7
    qtbot.waitUntil(lambda: _shown_as_selected(window, row_7) and not _shown_as_selected(window, row_5), timeout=5000)
    assert [visit[:2] for visit in window.history.entries[1:]] == [(issue_000, 5), (issue_000, 7)]  # none by the tree


# -- 4. F3 / Shift+F3 ----------------------------------------------------------------------------------------------


def test_f3_marks_the_current_match_apart_and_keeps_it_in_view(qtbot, reading):
    window = reading
    issue_000 = _issue(window, "000")
    _search(qtbot, window, "核酸")
    _click_hit(qtbot, window, _row_of(window, issue_000, 6))
    article = window.article
    total = article.match_count()
    text = article.toPlainText()
    starts = [i for i in range(len(text)) if text.startswith("核酸", i)]
    assert len(starts) == total > 3
    no, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    for modifier, expected in ((None, 1), (no, 2), (no, 3), (shift, 2), (shift, 1), (shift, total), (no, 1)):
        if modifier is not None:
            qtbot.keyClick(window, Qt.Key.Key_F3, modifier)
        (current,) = article.extraSelections()
        assert current.cursor.selectionStart() == starts[expected - 1]
        assert current.cursor.selectedText() == "核酸"
        assert current.format.background().color() != QColor(THEMES["light"]["mark"])  # apart from the others
        assert article.viewport().rect().contains(article.cursorRect(current.cursor))
        assert window.match_label.text() == f"match {expected} of {total}"
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # set again in a larger size
    (current,) = article.extraSelections()
    assert current.cursor.selectionStart() == starts[1]
    assert window.match_label.text() == f"match 2 of {total}"


# -- 5. text size and theme keep the reading position --------------------------------------------------------------


def test_text_size_and_theme_keep_the_reading_position(qtbot, reading):
    window = reading
    issue_000 = _issue(window, "000")
    _click_in_tree(qtbot, window, issue_000, 6)  # long: it scrolls
    article = window.article
    bar = article.verticalScrollBar()
    assert bar.maximum() > 200
    bar.setValue(bar.maximum() // 2)
    place = article.cursorForPosition(QPoint(0, 0)).position()  # the first character in view

    def top_of_place() -> int:
        cursor = QTextCursor(article.document())
        cursor.setPosition(place)
        return article.cursorRect(cursor).top()

    before = top_of_place()
    for change in (
        lambda: qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier),
        lambda: qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier),
        lambda: window.dark_action.trigger(),
    ):
        size, theme = window.font_size, window.theme
        change()
        assert (window.font_size, window.theme) != (size, theme)
        assert abs(top_of_place() - before) <= 2
