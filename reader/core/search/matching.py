"""Which articles match a query, exactly, as sorted arrays of Whoosh document numbers.

Matching is kept apart from ranking because scoring every hit in Python is
what makes Whoosh slow on common terms: here each term becomes a sorted
array of document numbers (posting_cache), and AND, OR, NOT and date
filters are array operations that run in native code.  The total is the
length of the array; ranking then only has to find the best few of it.

A term of one character is a term of the character field and two characters
a term of the bigram field: both exact.  A longer term, quoted or not, is
found by its rarest bigram (by the term dictionary's document frequency, no
posting read) and then checked at the bigram positions of those candidates
only, so that it matches exactly the articles that contain it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from whoosh.searching import Searcher as WhooshSearcher

from reader.core.search.analysis import literal_index_terms
from reader.core.search.posting_cache import EMPTY_IDS, PostingCache
from reader.core.search.query import DateRange, Query, Term
from reader.core.search.sorted_arrays import difference, distinct, intersect, union
from reader.core.search.whoosh27.arrays import column_texts

#: Bits of a (document, start position) key kept for the position: an article under 4 G characters.
_POSITION_BITS = 32


class DateTable:
    """Issue dates of all live documents of one searcher, read once: date -> document numbers."""

    def __init__(self, searcher: WhooshSearcher) -> None:
        self.size = searcher.doc_count_all()
        by_date: dict[str, list[int]] = {}
        for subsearcher, base in searcher.leaf_searchers():
            reader = subsearcher.reader()
            if not reader.has_column("date"):
                continue  # an empty index
            deleted = reader.has_deletions()
            for doc, value in enumerate(column_texts(reader, "date")):
                if value and not (deleted and reader.is_deleted(doc)):
                    by_date.setdefault(value, []).append(doc + base)
        self.by_date = {value: np.array(docs, dtype=np.int32) for value, docs in by_date.items()}
        self._ranks: np.ndarray | None = None

    def within(self, dates: DateRange) -> np.ndarray:
        """Documents dated inside the range; a month-only date counts by its month."""
        parts = [
            docs
            for value, docs in self.by_date.items()
            if dates.start[: len(value)] <= value <= dates.end[: len(value)]
        ]
        return np.sort(np.concatenate(parts)) if parts else EMPTY_IDS  # an article has one date: distinct already

    def ranks(self) -> np.ndarray:
        """Each document's date as a rank that sorts like the date strings (-1: undated)."""
        if self._ranks is None:
            ranks = np.full(self.size, -1, dtype=np.int32)
            for rank, value in enumerate(sorted(self.by_date)):
                ranks[self.by_date[value]] = rank
            self._ranks = ranks
        return self._ranks


class DocSets:
    """Computes the sorted document-number array of each term and of a whole query on one searcher."""

    def __init__(self, cache: PostingCache, date_table: Callable[[], DateTable]) -> None:
        self.cache = cache
        self._date_table = date_table

    def postings(self, field: str, text: str) -> np.ndarray:
        """Live documents whose `field` contains the token `text`."""
        return self.cache.ids(field, text)

    def checked_offsets(self, field: str, grams: list[str]) -> list[int]:
        """Offsets of the bigrams that fix every character of a phrase (0, 2, 4, ... and the last), rarest first."""
        offsets = sorted(set(range(0, len(grams), 2)) | {len(grams) - 1})
        return sorted(offsets, key=lambda offset: (self.cache.document_frequency(field, grams[offset]), offset))

    def literal(self, term: Term) -> np.ndarray:
        """Articles containing the term exactly (the term's searchable form: see analysis)."""
        field, keys = literal_index_terms(term.text, term.headline_only)
        if len(keys) <= 1:
            return self.postings(field, keys[0]) if keys else EMPTY_IDS
        return self.cache.literal((field, *keys), lambda: self._phrase(field, keys))

    def _phrase(self, field: str, grams: list[str]) -> np.ndarray:
        """Documents where the bigrams stand at consecutive positions.

        Bigrams at offsets 0, 2, 4, ... and the last one already fix every
        character of the phrase, so only those are checked, rarest first:
        the rarest one's documents and positions are decoded in one pass, and
        each further bigram's positions are read only for the candidates
        still standing when they are a small part of its list (only their
        blocks are read: posting_cache.reads_part); else its whole list is
        taken as it is, since picking them out of it costs more than the
        intersection saves.  Positions
        become (document, start) keys, and each check is an intersection.
        """
        keys: np.ndarray | None = None
        candidates: np.ndarray | None = None
        for offset in self.checked_offsets(field, grams):
            gram = grams[offset]
            if not self.cache.reads_part(field, gram, candidates):
                candidates = None  # the whole list is decoded: the intersection below leaves out the rest anyway
            docs, counts, positions = self.cache.positions(field, gram, candidates)
            starts = _start_keys(docs, counts, positions, offset)
            keys = starts if keys is None else intersect(keys, starts)
            candidates = distinct((keys >> _POSITION_BITS).astype(np.int32))
            if not len(candidates):
                return EMPTY_IDS
        return candidates if candidates is not None else EMPTY_IDS

    def dates(self, dates: DateRange) -> np.ndarray:
        """Articles of issues dated inside the range."""
        return self._date_table().within(dates)

    def matching(self, query: Query) -> np.ndarray:
        """The exact sorted array of articles the query finds."""
        result: np.ndarray | None = None
        for group in _cheapest_first(query.groups):
            alternatives = _union(self.literal(term) for term in group)
            result = alternatives if result is None else intersect(result, alternatives)
            if not len(result):
                return EMPTY_IDS
        if query.dates:
            dated = self.dates(query.dates)
            result = dated if result is None else intersect(result, dated)
        if query.publications:
            published = self.publications(query.publications)
            result = published if result is None else intersect(result, published)
        if result is None:
            result = self.cache.live_documents()
        if query.excluded_publications and len(result):
            result = difference(result, self.publications(query.excluded_publications))
        for term in query.excluded:
            if not len(result):
                break
            result = difference(result, self.literal(term))
        return result

    def publications(self, names: Iterable[str]) -> np.ndarray:
        """Articles of any of these papers (the publication as the catalog shows it, corrections applied)."""
        return _union(self.postings("publication", name) for name in names)


def _start_keys(docs: np.ndarray, counts: np.ndarray, positions: np.ndarray, offset: int) -> np.ndarray:
    """Sorted unique (document << 32 | phrase start) keys of one bigram's positions in `docs`."""
    if not len(docs):
        return np.empty(0, dtype=np.int64)
    starts = positions.astype(np.int64) - offset
    keys = (np.repeat(docs.astype(np.int64), counts) << _POSITION_BITS) | np.maximum(starts, 0)
    # Already sorted and unique: documents ascending, positions ascending within each.
    return keys[starts >= 0]  # a bigram nearer the start than its offset cannot end the phrase there


def _union(arrays: Iterable[np.ndarray]) -> np.ndarray:
    """The sorted union of sorted document arrays (an OR)."""
    found = EMPTY_IDS
    for ids in arrays:
        found = union(found, ids)
    return found


def _cheapest_first(groups: Iterable[list[Term]]) -> list[list[Term]]:
    """Evaluate longer (rarer) terms first so that intersections shrink early."""
    return sorted(groups, key=lambda group: -min(len(term.text) for term in group))
