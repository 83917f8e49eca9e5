"""What a search answers: hits and a total (the `reader search --json` contract).

Apart from the searcher so that the window can name them without loading
numpy and the index reader at start-up: it opens the searcher later, on its
search thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.search.snippets import Snippet


@dataclass(frozen=True)
class Hit:
    """One article found by a search."""

    issue: str
    source: str
    ordinal: int
    title: str | None
    publication: str | None
    date: str | None
    kind: str
    score: float
    snippet: Snippet

    def to_json(self) -> dict:
        """The hit as `reader search --json` prints it (a stable contract)."""
        return {
            "issue": self.issue,
            "source": self.source,
            "ordinal": self.ordinal,
            "title": self.title,
            "publication": self.publication,
            "date": self.date,
            "score": round(self.score, 4),
            "snippet": self.snippet.marked(),
        }


def month_name(number: int) -> str:
    """ "YYYY-MM" of a month number (year * 12 + month - 1)."""
    year, month = divmod(number, 12)
    return f"{year:04d}-{month + 1:02d}"


@dataclass(frozen=True)
class Facets:
    """Counts of one search's matches per paper, per year and per month of the archive's span."""

    #: (paper, matches), most matches first, then by name.
    publications: tuple[tuple[str, int], ...]
    #: (year "YYYY", matches), oldest first; only years with matches.
    years: tuple[tuple[str, int], ...]
    #: Matches per month from `first_month` on, one per month up to the archive's last dated month.
    months: tuple[int, ...]
    #: Month number (year * 12 + month - 1) of the archive's first dated month; None for an undated archive.
    first_month: int | None
    #: Matches in issues without a date, and without a paper's name.
    undated: int = 0
    unknown_publication: int = 0

    def month_counts(self) -> list[tuple[str, int]]:
        """("YYYY-MM", matches) for every month of the archive's span."""
        if self.first_month is None:
            return []
        return [(month_name(self.first_month + offset), count) for offset, count in enumerate(self.months)]

    def to_json(self) -> dict:
        """The facets as `reader search --facets --json` prints them (a documented contract)."""
        return {
            "publications": [{"publication": name, "count": count} for name, count in self.publications],
            "years": [{"year": year, "count": count} for year, count in self.years],
            "months": [{"month": month, "count": count} for month, count in self.month_counts()],
            "undated": self.undated,
            "unknown_publication": self.unknown_publication,
        }


@dataclass(frozen=True)
class SearchResult:
    """Hits of one page and the total number of matching articles."""

    query: str
    total: int
    hits: list[Hit]
    #: How all the matches spread over papers, years and months, when the search was asked for them.
    facets: Facets | None = None

    def to_json(self) -> dict:
        answer = {"query": self.query, "total": self.total, "hits": [hit.to_json() for hit in self.hits]}
        if self.facets is not None:
            answer["facets"] = self.facets.to_json()
        return answer
