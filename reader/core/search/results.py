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


@dataclass(frozen=True)
class SearchResult:
    """Hits of one page and the total number of matching articles."""

    query: str
    total: int
    hits: list[Hit]

    def to_json(self) -> dict:
        return {"query": self.query, "total": self.total, "hits": [hit.to_json() for hit in self.hits]}
