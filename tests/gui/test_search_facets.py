"""Facets in the results panel: hits per paper and year as links, the timeline chart, and narrowing by them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reader.core.search.results import Facets
from reader.gui.search_facets import SHOWN_PUBLICATIONS, FacetsView
from reader.gui.timeline_chart import TimelineBin, TimelineChart, timeline_bins
from tests.gui.conftest import close_window, ready_window, search_in

NOV_2021 = 2021 * 12 + 10


_search = search_in


def _rerun(qtbot, window, action):
    """Do what makes the panel search again (a facet clicked), and wait for that search."""
    with qtbot.waitSignal(window.search_done, timeout=60000) as blocker:
        action()
    return blocker.args[0]


def test_bins_are_months_when_they_fit_and_whole_calendar_units_when_not():
    counts = tuple(range(24))  # Nov 2021 .. Oct 2023
    monthly = timeline_bins(NOV_2021, counts, width=300)
    assert [(b.start, b.months, b.count) for b in monthly[:2]] == [(NOV_2021, 1, 0), (NOV_2021 + 1, 1, 1)]
    quarterly = timeline_bins(NOV_2021, counts, width=30)
    assert all(b.months == 3 and b.start % 3 == 0 for b in quarterly)
    assert quarterly[0].start == 2021 * 12 + 9  # October 2021: the quarter the first month is in
    assert sum(b.count for b in quarterly) == sum(counts)
    yearly = timeline_bins(NOV_2021, counts, width=9)
    assert [(b.period(), b.count) for b in yearly] == [
        ("2021", 0 + 1),
        ("2022", sum(range(2, 14))),
        ("2023", sum(range(14, 24))),
    ]
    assert timeline_bins(None, (), 100) == [] and timeline_bins(NOV_2021, (), 100) == []


def test_a_bar_names_its_period_in_the_date_filters_syntax():
    assert TimelineBin(NOV_2021, 1, 5).period() == "2021-11"
    assert TimelineBin(2021 * 12, 3, 5).period() == "2021-01..2021-03"
    assert TimelineBin(2020 * 12, 24, 5).period() == "2020..2021"
    centuries = timeline_bins(1900 * 12, (1,) * (12 * 120), width=10)  # more than any bar size fits: the widest
    assert centuries[0].months == 600 and sum(b.count for b in centuries) == 12 * 120


def _chart(qtbot, counts: tuple[int, ...]) -> TimelineChart:
    """A chart shown 240 pixels wide, of `counts` hits a month from November 2021."""
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(240, 64)
    chart.set_months(NOV_2021, counts)
    chart.show()
    return chart


def test_a_bar_without_hits_cannot_be_chosen(qtbot):
    chart = _chart(qtbot, (0, 4, 0))
    chosen = []
    chart.period_chosen.connect(chosen.append)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(chart.width() / 6), 20))  # November: none
    assert chosen == []


def test_the_keyboard_moves_between_bars_with_hits_and_enter_chooses(qtbot):
    chart = _chart(qtbot, (2, 0, 0, 7, 0))
    chart.setFocus()
    chosen = []
    chart.period_chosen.connect(chosen.append)
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # the first bar with hits
    assert chart.current_bar().period() == "2021-11" and "2" in chart.accessibleDescription()
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # over the empty months
    assert chart.current_bar().period() == "2022-02"
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # no further bar with hits: stays
    assert chart.current_bar().period() == "2022-02"
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert chosen == ["2021-11"]


def test_clicking_a_bar_chooses_its_period_and_the_tooltip_counts_its_hits(qtbot):
    chart = _chart(qtbot, (0, 4, 0))
    bars = chart.bins()
    assert [b.period() for b in bars] == ["2021-11", "2021-12", "2022-01"]
    x = int(chart.width() * 1.5 / 3)  # the middle bar
    with qtbot.waitSignal(chart.period_chosen) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x, 20))
    assert blocker.args == ["2021-12"]
    assert "4" in chart.describe(bars[1]) and "2021" in chart.describe(bars[1])


def _facets(publications, years=(("2021", 3),), first_month=NOV_2021, months=(3,)):
    return Facets(tuple(publications), tuple(years), tuple(months), first_month)


def test_facets_list_papers_and_years_as_links_that_narrow(qtbot):
    view = FacetsView()
    qtbot.addWidget(view)
    view.show_facets(_facets([("北碚报", 2), ("渝<中>报", 1)]))
    assert view.isVisibleTo(view.parentWidget() or view)
    text = view.publications.text()
    assert "北碚报" in text and "渝&lt;中&gt;报" in text  # a name is text, never markup
    with qtbot.waitSignal(view.publication_chosen) as blocker:
        view.publications.linkActivated.emit("publication:1")
    assert blocker.args == ["渝<中>报"]
    with qtbot.waitSignal(view.period_chosen) as blocker:
        view.years.linkActivated.emit("year:2021")
    assert blocker.args == ["2021"]
    view.show_facets(None)
    assert view.isHidden()


def test_many_papers_are_summed_up_after_the_first_few(qtbot):
    view = FacetsView()
    qtbot.addWidget(view)
    papers = [(f"报{number:02d}", 100 - number) for number in range(SHOWN_PUBLICATIONS + 3)]
    view.show_facets(_facets(papers))
    text = view.publications.text()
    assert f"报{SHOWN_PUBLICATIONS - 1:02d}" in text and f"报{SHOWN_PUBLICATIONS:02d}" not in text
    rest = [count for _, count in papers[SHOWN_PUBLICATIONS:]]
    assert text.split(" · ")[-1] == f"and {len(rest)} more papers ({sum(rest)})"


def test_the_window_narrows_a_search_by_paper_and_by_period_and_widens_it_again(qtbot, seeded_paths):
    window = ready_window(qtbot, seeded_paths)
    try:
        everything = _search(qtbot, window, "疫情")
        panel = window.results
        facets = everything.facets
        assert panel.facets.isVisible() and panel.facets.timeline.isVisible()
        assert sum(count for _, count in facets.publications) == everything.total
        paper, count = facets.publications[-1]
        number = len(facets.publications) - 1
        narrowed = _rerun(qtbot, window, lambda: panel.facets.publications.linkActivated.emit(f"publication:{number}"))
        assert narrowed.total == count < everything.total
        assert panel.publication.isVisible() and paper in panel.publication.text()
        assert window.search_box.text() == "疫情"  # the narrowing is the panel's, not written into the query
        assert {hit.publication for hit in narrowed.hits} == {paper}
        year, in_year = narrowed.facets.years[0]
        by_year = _rerun(qtbot, window, lambda: panel.facets.years.linkActivated.emit(f"year:{year}"))
        assert by_year.total == in_year and panel.dates.text() == year
        widened = _rerun(qtbot, window, panel.publication.click)
        assert panel.publication.isHidden() and widened.total == dict(everything.facets.years)[year]
        # a bar of the timeline narrows to its month
        chart = panel.facets.timeline
        month_bar = next(b for b in chart.bins() if b.count)
        by_month = _rerun(qtbot, window, lambda: chart.period_chosen.emit(month_bar.period()))
        assert by_month.total == month_bar.count and panel.dates.text() == month_bar.period()
        # while a search runs, the last one's facets stay where they are
        window.search_box.setText("疫苗")
        window.run_search()
        assert panel.facets.isVisible()
        qtbot.waitSignal(window.search_done, timeout=60000).wait()
        # no hits: no facets
        _search(qtbot, window, "量子纠缠")
        assert panel.facets.isHidden()
    finally:
        close_window(window)


def test_a_paper_narrows_a_query_that_names_papers_itself_and_says_so_when_nothing_is_left(qtbot, seeded_paths):
    window = ready_window(qtbot, seeded_paths)
    try:
        both = _search(qtbot, window, "的 publication:北碚报 publication:渝中报")
        panel = window.results
        number = [name for name, _ in both.facets.publications].index("渝中报")
        narrowed = _rerun(qtbot, window, lambda: panel.facets.publications.linkActivated.emit(f"publication:{number}"))
        assert narrowed.total == dict(both.facets.publications)["渝中报"] < both.total
        nothing = _search(qtbot, window, "的 publication:北碚报")  # the panel still narrows to 渝中报
        assert nothing.total == 0
        assert panel.summary.text() == "No article of 渝中报 contains “的 publication:北碚报”."
    finally:
        close_window(window)


def test_an_ampersand_in_a_papers_name_is_shown_not_taken_for_a_shortcut(qtbot):
    from reader.gui.search_panel import SearchPanel

    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.narrow_to_publication("A&B Times")
    assert panel.publication.text() == "A&&B Times ✕" and panel.publication_filter() == "A&B Times"


def test_links_take_the_link_colour_of_the_theme_switched_to(qtbot):
    from PySide6.QtGui import QPalette

    from reader.gui.theme import dark_palette

    view = FacetsView()
    qtbot.addWidget(view)
    view.show_facets(_facets([("北碚报", 2)]))
    dark = dark_palette()
    view.setPalette(dark)  # as the dark theme reaches it
    link = dark.color(QPalette.ColorRole.Link).name()
    assert link in view.publications.text() and link in view.years.text()
