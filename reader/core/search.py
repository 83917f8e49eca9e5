"""Run a parsed query against the index and return ranked hits with snippets.

Each term must occur literally: it becomes a phrase of characters over the
`chars` field (or `headline_chars` for `title:`), which is exact.  Ranking
adds optional clauses on jieba words and on the headline, so an article where
the term is a whole word, or in the headline, comes before one where the
characters merely occur inside other words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from whoosh import query as wq
from whoosh.index import Index

from .analysis import char_tokens, word_tokens
from .index import open_index
from .query import DateRange, Query, Term, parse_query
from .snippets import Snippet, make_snippet

#: Weight of the exact character phrase relative to the ranking clauses.
CHARS_WEIGHT = 0.3
HEADLINE_CHARS_WEIGHT = 2.0


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


def _char_phrase(field_name: str, text: str, boost: float = 1.0) -> wq.Query:
    """A query matching `text` literally in a per-character field."""
    tokens = char_tokens(text.replace("\n", " "))
    tokens = [token for token in tokens if token is not None]
    while tokens and tokens[0] == " ":
        tokens.pop(0)
    while tokens and tokens[-1] == " ":
        tokens.pop()
    if not tokens:
        return wq.NullQuery
    if len(tokens) == 1:
        return wq.Term(field_name, tokens[0], boost=boost)
    return wq.Phrase(field_name, tokens, boost=boost)


def _term_query(term: Term) -> wq.Query:
    """Literal match required; word and headline matches raise the score."""
    if term.headline_only:
        required = _char_phrase("headline_chars", term.text, HEADLINE_CHARS_WEIGHT)
        ranking = [wq.Term("headline_words", word) for word in word_tokens(term.text)]
    else:
        required = _char_phrase("chars", term.text, CHARS_WEIGHT)
        words = word_tokens(term.text)
        ranking = [wq.Term("words", word) for word in words]
        ranking += [wq.Term("headline_words", word) for word in words]
        ranking.append(_char_phrase("headline_chars", term.text, HEADLINE_CHARS_WEIGHT))
    ranking = [clause for clause in ranking if clause is not wq.NullQuery]
    if not ranking:
        return required
    return wq.AndMaybe(required, wq.Or(ranking))


def _exclusion_query(term: Term) -> wq.Query:
    field_name = "headline_chars" if term.headline_only else "chars"
    return _char_phrase(field_name, term.text)


def _date_query(dates: DateRange) -> wq.Query:
    """Articles of issues dated inside the range (month-precision dates by month)."""
    by_day = wq.TermRange("day", dates.start, dates.end)
    by_month = wq.TermRange("month", dates.start[:7], dates.end[:7])
    return wq.Or([by_day, by_month])


def build_whoosh_query(query: Query) -> wq.Query:
    """Translate the parsed query into a Whoosh query."""
    clauses = []
    for group in query.groups:
        alternatives = [_term_query(term) for term in group]
        clauses.append(alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives))
    if query.dates:
        clauses.append(_date_query(query.dates))
    positive: wq.Query = wq.And(clauses) if len(clauses) > 1 else clauses[0]
    if query.excluded:
        positive = wq.AndNot(positive, wq.Or([_exclusion_query(term) for term in query.excluded]))
    return positive


class Searcher:
    """An open index ready for queries; reopen cheaply with `refresh()` after imports."""

    def __init__(self, index_dir: Path) -> None:
        self.index: Index = open_index(index_dir)
        self._searcher = self.index.searcher()

    def refresh(self) -> None:
        """See the latest committed state of the index."""
        self._searcher = self._searcher.refresh()

    def close(self) -> None:
        self._searcher.close()

    def document_count(self) -> int:
        return self._searcher.doc_count()

    def search(self, text: str, limit: int | None = 20, sort_by_date: bool = False) -> SearchResult:
        """Search with the query syntax of query.py; `limit=None` returns every hit."""
        parsed = parse_query(text)
        if parsed.is_empty():
            return SearchResult(text, 0, [])
        whoosh_query = build_whoosh_query(parsed)
        if sort_by_date:
            results = self._searcher.search(whoosh_query, limit=limit, sortedby="date", reverse=True)
        else:
            results = self._searcher.search(whoosh_query, limit=limit)
        needles = [term.text for term in parsed.positive_terms()]
        hits = []
        for result in results:
            fields = result.fields()
            hits.append(
                Hit(
                    issue=fields["issue"],
                    source=fields.get("source", ""),
                    ordinal=fields["ordinal"],
                    title=fields.get("title"),
                    publication=fields.get("publication") or None,
                    date=fields.get("date") or None,
                    kind=fields.get("kind", "news"),
                    score=float(result.score or 0.0),
                    snippet=make_snippet(fields.get("text", ""), needles),
                )
            )
        return SearchResult(text, len(results), hits)
