"""Facets of a search: how its matches spread over papers, years and the months of the archive.

A reader who finds 3,000 articles wants to know where they are before
reading any: which papers, which years, and when the subject came and went.
Counting that per search must cost nothing next to the search itself, so
each view of the index labels every article once (FacetLabels: its paper's
number, its month's number, from the publication postings and the date
table), and a search's facets are then three bincounts over its matches.

The timeline spans the whole archive (its first to its last dated month),
not only the months with hits: a chart of a subject over the archive shows
the empty years too.
"""

from __future__ import annotations

import numpy as np

from reader.core.search.matching import DateTable
from reader.core.search.posting_cache import PostingCache
from reader.core.search.results import Facets


class FacetLabels:
    """Each document's paper number and month number in one view of the index (-1: none), made once."""

    def __init__(self, cache: PostingCache, dates: DateTable) -> None:
        size = cache.size
        reader = cache.searcher.reader()
        names = sorted(
            name
            for name in (term.decode("utf-8") for term in reader.lexicon("publication"))
            if name  # an issue without a paper's name is indexed with an empty one
        )
        self.publication_names = names
        self.publication = np.full(size, -1, dtype=np.int32)
        for number, name in enumerate(names):
            self.publication[cache.ids("publication", name)] = number
        self.month = np.full(size, -1, dtype=np.int32)
        self.year = np.full(size, -1, dtype=np.int32)
        months = []
        for value, docs in dates.by_date.items():
            year, month = _year_and_month(value)
            if year is None:
                continue
            self.year[docs] = year
            if month is not None:
                self.month[docs] = year * 12 + month - 1
                months.append(year * 12 + month - 1)
        self.first_month = min(months) if months else None
        self.last_month = max(months) if months else None

    def facets(self, matches: np.ndarray) -> Facets:
        """The facets of a search's matches (sorted document numbers)."""
        publication = self.publication[matches]
        known = publication[publication >= 0]
        by_publication = np.bincount(known, minlength=len(self.publication_names))
        publications = sorted(
            ((self.publication_names[number], int(count)) for number, count in enumerate(by_publication) if count),
            key=lambda pair: (-pair[1], pair[0]),
        )
        year = self.year[matches]
        dated_years = year[year >= 0]
        years: list[tuple[str, int]] = []
        if len(dated_years):
            first_year = int(dated_years.min())
            counts = np.bincount(dated_years - first_year)
            years = [(f"{first_year + offset:04d}", int(count)) for offset, count in enumerate(counts) if count]
        months: tuple[int, ...] = ()
        if self.first_month is not None and self.last_month is not None:
            month = self.month[matches]
            month = month[month >= 0] - self.first_month
            months = tuple(int(count) for count in np.bincount(month, minlength=self.last_month - self.first_month + 1))
        return Facets(
            publications=tuple(publications),
            years=tuple(years),
            months=months,
            first_month=self.first_month,
            undated=int(len(year) - len(dated_years)),
            unknown_publication=int(len(publication) - len(known)),
        )


def _year_and_month(value: str) -> tuple[int | None, int | None]:
    """(year, month) of a stored date "YYYY-MM-DD", "YYYY-MM" or "YYYY"; (None, None) when it is none of them."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
    except ValueError:
        return None, None
    if month is not None and not 1 <= month <= 12:
        month = None
    return year, month
