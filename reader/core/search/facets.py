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
        self.month = np.full(size, -1, dtype=np.int32)  # the year is month // 12
        for value, docs in dates.by_date.items():
            number = month_number(value)
            if number is not None:
                self.month[docs] = number
        dated = self.month[self.month >= 0]
        self.first_month = int(dated.min()) if len(dated) else None
        self.last_month = int(dated.max()) if len(dated) else None

    def facets(self, matches: np.ndarray) -> Facets:
        """The facets of a search's matches (sorted document numbers)."""
        publication = self.publication[matches]
        known = publication[publication >= 0]
        by_publication = np.bincount(known, minlength=len(self.publication_names))
        publications = sorted(
            ((self.publication_names[number], int(count)) for number, count in enumerate(by_publication) if count),
            key=lambda pair: (-pair[1], pair[0]),
        )
        month = self.month[matches]
        dated = month[month >= 0]
        years: list[tuple[str, int]] = []
        months: tuple[int, ...] = ()
        if len(dated):
            first_year = int(dated.min()) // 12
            counts = np.bincount(dated // 12 - first_year)
            years = [(f"{first_year + offset:04d}", int(count)) for offset, count in enumerate(counts) if count]
            span = self.last_month - self.first_month + 1
            months = tuple(int(count) for count in np.bincount(dated - self.first_month, minlength=span))
        elif self.first_month is not None:
            months = (0,) * (self.last_month - self.first_month + 1)
        return Facets(
            publications=tuple(publications),
            years=tuple(years),
            months=months,
            first_month=self.first_month,
            undated=int(len(month) - len(dated)),
            unknown_publication=int(len(publication) - len(known)),
        )


def month_number(value: str) -> int | None:
    """year * 12 + month - 1 of a stored date ("YYYY-MM-DD" or "YYYY-MM"); None for "" (undated)."""
    try:
        year, month = int(value[:4]), int(value[5:7])
    except ValueError:
        return None
    return year * 12 + month - 1 if 1 <= month <= 12 else None
