"""The hits model pages in further hits as the reader scrolls, the search running off the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QModelIndex, Qt

from reader.core.search.searcher import Hit, Searcher, SearchResult
from reader.core.search.snippets import Snippet
from reader.gui import search_controller
from reader.gui.models.hits import HIT_ROLE, HitListModel, HitQuery
from tests.gui.conftest import close_window, ready_window, search_in, shown

ROOT = QModelIndex()


def _hit(number: int) -> Hit:
    text = f"第{number}篇：区里开展核酸检测采样。"
    start = text.index("核酸")
    return Hit(
        f"期{number}",
        "北碚报.txt",
        number,
        f"标题{number}",
        "北碚报",
        "2021-11-05",
        "news",
        1.0,
        Snippet(text, ((start, start + 2),)),
    )


def _page(start: int, count: int, total: int) -> SearchResult:
    return SearchResult("核酸", total, [_hit(number) for number in range(start, min(start + count, total))])


def test_the_model_asks_for_one_page_at_a_time_until_the_total(qtbot):
    model = HitListModel()
    query = HitQuery("核酸", False, 1)
    model.set_result(_page(0, 10, 25), query)
    asked = []
    model.page_wanted.connect(lambda wanted, offset: asked.append((wanted, offset)))
    assert model.rowCount() == 10 and model.canFetchMore(ROOT)

    model.fetchMore(ROOT)
    model.fetchMore(ROOT)  # the view asks again while the page is on its way: one request only
    assert asked == [(query, 10)] and not model.canFetchMore(ROOT)
    model.add_page(HitQuery("疫苗", False, 0), 10, _page(10, 10, 25))  # a page of an older search
    model.add_page(query, 0, _page(0, 10, 25))  # not the page that follows the last row
    assert model.rowCount() == 10
    with qtbot.waitSignal(model.rowsInserted):
        model.add_page(query, 10, _page(10, 10, 25))
    assert model.rowCount() == 20 and model.canFetchMore(ROOT)

    model.fetchMore(ROOT)
    model.add_page(query, 20, _page(20, 10, 25))
    assert model.rowCount() == 25 and not model.canFetchMore(ROOT)
    assert [model.index(row).data(HIT_ROLE).ordinal for row in range(25)] == list(range(25))
    assert asked[-1] == (query, 20)


def test_a_failed_page_stops_the_paging_and_a_new_result_starts_over(qtbot):
    model = HitListModel()
    query = HitQuery("核酸", True, 3)
    model.set_result(_page(0, 10, 25), query)
    model.fetchMore(ROOT)
    model.page_failed(query)
    assert model.rowCount() == 10 and not model.canFetchMore(ROOT)
    model.set_result(_page(0, 10, 25), HitQuery("核酸", True, 4))
    assert model.canFetchMore(ROOT)
    model.set_result(_page(0, 10, 25))  # no query: these hits only
    assert not model.canFetchMore(ROOT)


@pytest.fixture
def searching(qtbot, seeded_paths, monkeypatch):
    """A window on the five seeds, with pages of five hits, recording the threads that search."""
    monkeypatch.setattr(search_controller, "SEARCH_PAGE", 5)
    threads = []
    search = Searcher.search

    def recording(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return search(self, *args, **kwargs)

    monkeypatch.setattr(Searcher, "search", recording)
    window = ready_window(qtbot, seeded_paths)
    window.threads = threads
    yield window
    close_window(window)


_search = search_in


@pytest.mark.parametrize("newest_first", [False, True])
def test_scrolling_to_the_end_lists_every_hit_in_order(qtbot, searching, newest_first):
    window = searching
    if newest_first:
        window.results.sort.blockSignals(True)
        window.results.sort.setCurrentIndex(1)
        window.results.sort.blockSignals(False)
    first = _search(qtbot, window, "的")
    model, hits = window.results.hit_model, window.results.hits
    assert first.total > 4 * 5 and len(first.hits) == 5
    assert f"5 of {first.total}" in window.results.summary.text()
    qtbot.mouseClick(hits.viewport(), Qt.MouseButton.LeftButton, pos=hits.visualRect(model.index(0)).center())
    assert window.current == (first.hits[0].issue, first.hits[0].ordinal)
    opened, history = window.current, list(window.history.entries)

    while model.rowCount() < first.total:
        listed = model.rowCount()
        hits.scrollToBottom()
        qtbot.waitUntil(lambda listed=listed: model.rowCount() > listed, timeout=60000)
    hits.scrollToBottom()
    assert model.rowCount() == first.total and not model.canFetchMore(ROOT)
    assert "of" not in window.results.summary.text() and str(first.total) in window.results.summary.text()

    assert len(window.threads) >= 1 + 4 and threading.main_thread() not in window.threads  # pages too
    expected = window.searcher.get().search("的", limit=None, sort_by_date=newest_first).hits
    listed = [model.index(row).data(HIT_ROLE) for row in range(model.rowCount())]
    assert [(hit.issue, hit.ordinal) for hit in listed] == [(hit.issue, hit.ordinal) for hit in expected]
    assert window.current == opened and window.history.entries == history  # new rows open nothing


def test_the_arrow_keys_go_on_past_the_first_page(qtbot, searching):
    window = searching
    first = _search(qtbot, window, "的")
    model, hits = window.results.hit_model, window.results.hits
    qtbot.mouseClick(hits.viewport(), Qt.MouseButton.LeftButton, pos=hits.visualRect(model.index(0)).center())
    target = 3 * 5 + 2  # in the fourth page
    while hits.currentIndex().row() < target:
        row, listed = hits.currentIndex().row(), model.rowCount()
        qtbot.keyClick(hits, Qt.Key.Key_Down)
        if hits.currentIndex().row() == row:  # at the last row listed: the next page is on its way
            qtbot.waitUntil(lambda listed=listed: model.rowCount() > listed, timeout=60000)
        else:
            shown(qtbot, window)
            hit = model.hit(hits.currentIndex().row())
            assert window.current == (hit.issue, hit.ordinal)
    shown(qtbot, window)
    assert first.total > target and window.current == (model.hit(target).issue, model.hit(target).ordinal)
