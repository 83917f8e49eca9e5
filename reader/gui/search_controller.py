"""Searching from the window: the search box, the results panel and the search thread.

A search is parsed on the GUI thread (a syntax error is told at once, in the
interface language) and run on the search thread; further pages are searched
as the reader scrolls to the end of the list.  Each search has a serial
number: a result that comes back after a newer search was started is dropped,
so the list never shows an older query's hits.

Signals:
    search_done(object): a SearchResult reached the results panel.
    hit_opened(object, tuple): the reader opened a hit (the Hit, and the search terms to highlight).
    search_cleared(): the search box was emptied; no article keeps the search's highlights.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit

from reader.core.search.query import parse_query
from reader.core.search.results import Hit, SearchResult
from reader.gui.jobs import JobRunner
from reader.gui.live_searcher import LiveSearcher
from reader.gui.messages import describe
from reader.gui.models.hits import HitQuery
from reader.gui.search_panel import SearchPanel

#: Hits searched at a time: the first page with the search, the next ones as the reader scrolls to the end.
SEARCH_PAGE = 50


class SearchController(QObject):
    """Runs the searches typed in `box` and lists their hits in `results` (see the module docstring)."""

    search_done = Signal(object)
    hit_opened = Signal(object, tuple)
    search_cleared = Signal()

    def __init__(self, box: QLineEdit, results: SearchPanel, searcher: LiveSearcher, jobs: JobRunner) -> None:
        super().__init__(box)
        self.box = box
        self.results = results
        self.searcher = searcher
        self.jobs = jobs
        self._serial = 0
        #: The terms of the search whose hits are listed; an article opened from one of them highlights them.
        self.needles: tuple[str, ...] = ()
        box.returnPressed.connect(self.run)
        box.textChanged.connect(self._text_changed)
        results.hit_chosen.connect(self._hit_chosen)
        results.options_changed.connect(self.run)
        results.page_wanted.connect(self.search_page)

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def run(self) -> None:
        """Search what the box says (with the panel's date range, paper and order); nothing for an empty box.

        The first page comes with the facets of all the hits (per paper, year and month).
        """
        text = self.box.text().strip()
        if not text:
            return
        query = " ".join(part for part in (text, self.results.date_filter()) if part)
        try:
            parsed = parse_query(query)
        except Exception as error:  # a QuerySyntaxError, worded in the interface language
            self.results.show_message(describe(error))
            return
        self.needles = tuple(term.text for term in parsed.positive_terms())
        self._serial += 1
        request = HitQuery(query, self.results.sort_by_date(), self._serial, self.results.publication_filter())
        self.results.show_searching(self.tr("Searching…"))

        def search(job) -> tuple[HitQuery, SearchResult]:
            searcher = self.searcher.get()
            result = searcher.search(
                query,
                limit=SEARCH_PAGE,
                sort_by_date=request.sort_by_date,
                facets=True,
                publication=request.publication,
            )
            return request, result

        self.jobs.start(self.jobs.search, search, self._finished, lambda error: self._failed(request, error))

    def _failed(self, request: HitQuery, error: Exception) -> None:
        if request.serial == self._serial:  # else a newer search is on its way
            self.results.show_message(describe(error))

    def _finished(self, outcome: tuple[HitQuery, SearchResult]) -> None:
        request, result = outcome
        if request.serial != self._serial:
            return  # a newer search is on its way
        self.results.show_result(result, request)
        self.search_done.emit(result)

    def search_page(self, request: HitQuery, offset: int) -> None:
        """The next page of the listed hits (the reader scrolled to the end), searched on the search thread."""
        if request.serial != self._serial:
            return

        def search(job) -> SearchResult:
            searcher = self.searcher.get()
            return searcher.search(
                request.text,
                limit=SEARCH_PAGE,
                sort_by_date=request.sort_by_date,
                offset=offset,
                publication=request.publication,
            )

        def failed(error: Exception) -> None:
            self.results.page_failed(request)
            self.jobs.show_error(error)

        self.jobs.start(self.jobs.search, search, lambda page: self.results.add_page(request, offset, page), failed)

    def _hit_chosen(self, hit: Hit) -> None:
        self.hit_opened.emit(hit, self.needles)

    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self.end()

    def end(self) -> None:
        """The search box was emptied: no hits listed, no search under way wanted, no highlights kept."""
        self._serial += 1
        self.needles = ()
        self.results.clear()
        self.search_cleared.emit()
