"""Which articles match a query, exactly, as sets of Whoosh document numbers.

Matching is kept apart from ranking because scoring every hit in Python is
what makes Whoosh slow on common terms: here each term becomes a set of
document numbers read straight from posting lists, and AND, OR, NOT and date
filters are set operations that run in C.  The total is the size of the set;
ranking (search.py) then only has to find the best few of it.

A term of one character is a term of the character field and two characters
a term of the bigram field: both exact.  A longer term matches the articles
that contain all its bigrams, which can never miss an article containing the
term; a quoted phrase, and any term used to exclude, is then checked against
the bigram positions, so that it matches only articles containing it literally.
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh.searching import Searcher as WhooshSearcher

from reader.core.search.analysis import bigram_tokens, char_tokens
from reader.core.search.query import DateRange, Query, Term
from reader.core.search.whoosh27.postings import VALUES, blocks, decode_positions, posting_set


def literal_tokens(text: str) -> list[str]:
    """The searchable characters of a term, spaces inside it kept as one " "."""
    tokens = [token for token in char_tokens(text.replace("\n", " ")) if token is not None]
    while tokens and tokens[0] == " ":
        tokens.pop(0)
    while tokens and tokens[-1] == " ":
        tokens.pop()
    return tokens


def literal_grams(text: str) -> list[str]:
    """The bigrams of a term (empty for a term of one character)."""
    return [gram for gram in bigram_tokens("".join(literal_tokens(text))) if gram is not None]


def field_prefix(term: Term) -> str:
    return "headline_" if term.headline_only else ""


class DateTable:
    """Issue dates of all live documents of one searcher, read once: date -> document numbers."""

    def __init__(self, searcher: WhooshSearcher) -> None:
        self.by_date: dict[str, list[int]] = {}
        self.date_of: dict[int, str] = {}
        for subsearcher, base in searcher.leaf_searchers():
            reader = subsearcher.reader()
            if not reader.has_column("date"):
                continue  # an empty index
            column = reader.column_reader("date")
            deleted = reader.has_deletions()
            for doc, value in enumerate(column):
                if value and not (deleted and reader.is_deleted(doc)):
                    self.by_date.setdefault(value, []).append(doc + base)
                    self.date_of[doc + base] = value

    def within(self, dates: DateRange) -> set[int]:
        """Documents dated inside the range; a month-only date counts by its month."""
        matched: set[int] = set()
        for value, docs in self.by_date.items():
            if dates.start[: len(value)] <= value <= dates.end[: len(value)]:
                matched.update(docs)
        return matched


class DocSets:
    """Computes document-number sets for one query on one searcher, with a per-query cache."""

    def __init__(self, searcher: WhooshSearcher, date_table: DateTable | None = None) -> None:
        self.searcher = searcher
        self._date_table = date_table
        self._postings: dict[tuple[str, str], set[int]] = {}

    def postings(self, field: str, text: str) -> set[int]:
        """Live documents whose `field` contains the token `text`."""
        key = (field, text)
        if key not in self._postings:
            self._postings[key] = posting_set(self.searcher, field, text)
        return self._postings[key]

    def all_documents(self) -> set[int]:
        return set(self.searcher.reader().all_doc_ids())

    def literal(self, term: Term, exact: bool) -> set[int]:
        """Articles containing the term (exactly, or as all its bigrams when `exact` is False)."""
        prefix = field_prefix(term)
        tokens = literal_tokens(term.text)
        if not tokens:
            return set()
        if len(tokens) == 1:
            return self.postings(prefix + "chars", tokens[0])
        grams = literal_grams(term.text)
        by_rarity = sorted(set(grams), key=lambda gram: len(self.postings(prefix + "bigrams", gram)))
        candidates = set(self.postings(prefix + "bigrams", by_rarity[0]))
        for gram in by_rarity[1:]:
            candidates &= self.postings(prefix + "bigrams", gram)
            if not candidates:
                return candidates
        if not exact or len(grams) == 1:
            return candidates
        return self._verify_phrase(prefix + "bigrams", grams, candidates)

    def _verify_phrase(self, field: str, grams: list[str], candidates: set[int]) -> set[int]:
        """Keep the candidates where the bigrams stand at consecutive positions.

        Bigrams at offsets 0, 2, 4, ... and the last one already fix every
        character of the phrase, so only those are checked, rarest first.
        Positions are read block by block and decoded only for candidates
        still in the running: several times faster than Whoosh's span matcher.
        """
        offsets = sorted(set(range(0, len(grams), 2)) | {len(grams) - 1})
        offsets.sort(key=lambda offset: len(self.postings(field, grams[offset])))
        verified: set[int] = set()
        for subsearcher, base in self.searcher.leaf_searchers():
            reader = subsearcher.reader()
            size = reader.doc_count_all()
            starts: dict[int, set[int]] = {doc - base: set() for doc in candidates if base <= doc < base + size}
            first = True
            for offset in offsets:
                if not starts:
                    break
                narrowed: dict[int, set[int]] = {}
                for ids, values in blocks(reader, field, grams[offset], carrying=VALUES):
                    for index, doc in enumerate(ids):
                        if doc not in starts:
                            continue
                        here = {position - offset for position in decode_positions(values[index])}
                        kept = here if first else starts[doc] & here
                        if kept:
                            narrowed[doc] = kept
                starts, first = narrowed, False
            verified.update(doc + base for doc in starts)
        return verified

    def dates(self, dates: DateRange) -> set[int]:
        """Articles of issues dated inside the range."""
        if self._date_table is None:
            self._date_table = DateTable(self.searcher)
        return self._date_table.within(dates)

    def matching(self, query: Query) -> set[int]:
        """The exact set of articles the query finds."""
        result: set[int] | None = None
        for group in _cheapest_first(query.groups):
            alternatives: set[int] = set()
            for term in group:
                alternatives |= self.literal(term, exact=term.quoted)
            result = alternatives if result is None else result & alternatives
            if not result:
                return set()
        if query.dates:
            dated = self.dates(query.dates)
            result = dated if result is None else result & dated
        if result is None:
            result = self.all_documents()
        for term in query.excluded:
            if not result:
                break
            result = result - self.literal(term, exact=True)
        return result


def _cheapest_first(groups: Iterable[list[Term]]) -> list[list[Term]]:
    """Evaluate longer (rarer) terms first so that intersections shrink early."""
    return sorted(groups, key=lambda group: -min(len(term.text) for term in group))
