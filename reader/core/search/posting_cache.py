"""Posting lists of one searcher as numpy arrays of global document numbers, decoded once and kept.

Why: matching and ranking are set operations and sums over posting lists.
Done on arrays they run in native code; the cost left is reading and
decoding the blocks (whoosh27.arrays), paid once per term and view of
the index: the arrays are kept, least recently used dropped first, within
a memory budget.  A searcher's refresh (a new view) starts a new cache.

Global numbers are a segment's local numbers plus its base, as Whoosh's
own searcher numbers them; segments come in base order, so concatenated
arrays stay sorted.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from whoosh.searching import Searcher as WhooshSearcher

from reader.core.search.analysis import SEARCH_FORMS, VARIANT_MARK
from reader.core.search.sorted_arrays import contains
from reader.core.search.whoosh27.arrays import length_array, list_arrays, list_positions
from reader.core.search.whoosh27.postings import deleted_documents
from reader.core.search.whoosh27.term_lookups import TermLookups

#: Memory kept for decoded posting lists (8 bytes a posting, about 14 with a bigram's positions): the
#: common characters and bigrams of a reading session stay decoded; a long list costs more to decode
#: than to keep.
CACHE_BYTES = 64 * 1024 * 1024
EMPTY_IDS = np.empty(0, dtype=np.int32)
#: positions() for some documents reads only their blocks when they are under 1 / PART_SHARE of the list.
PART_SHARE = 4
EMPTY_WEIGHTS = np.empty(0, dtype=np.float32)


class PostingCache:
    """Decoded posting lists, field lengths and document frequencies of one Whoosh searcher."""

    def __init__(self, searcher: WhooshSearcher, budget: int = CACHE_BYTES, lookups: TermLookups | None = None) -> None:
        self.searcher = searcher
        self.leaves = [(subsearcher.reader(), base) for subsearcher, base in searcher.leaf_searchers()]
        #: The view's term-dictionary entries, shared with the searcher that asked first whether a term exists.
        readers = [reader for reader, _ in self.leaves]
        if lookups is not None and list(map(id, lookups.readers)) != list(map(id, readers)):
            # Its entries would point into other segments' files.
            raise ValueError("term lookups of another view of the index")
        self.lookups = lookups if lookups is not None else TermLookups(readers)
        self.size = searcher.doc_count_all()
        self.budget = budget
        #: (field, term) -> (ids, weights); ("literal", field prefix, *tokens) -> (ids, no weights);
        #: ("positions", field, term) -> (ids, counts, positions).
        self._arrays: OrderedDict[tuple, tuple[np.ndarray, ...]] = OrderedDict()
        self._bytes = 0
        self._lengths: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None
        self._variants: dict[str, list[str]] | None = None
        self._positional_fields: dict[str, bool] = {}

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(sorted global ids as int32, weights) of the live documents whose `field` has `text`.

        Weights are float32, or the int32 counts of a positional field (the same values).
        """
        if self._positional(field):
            # A block's positions are read with its ids anyway: decoded once, kept once.
            # A bigram's weight is its count (field boost 1).
            ids, counts, _ = self.positions(field, text)
            return ids, counts
        key = (field, text)
        cached = self._arrays.get(key)
        if cached is not None:
            self._arrays.move_to_end(key)
            return cached
        arrays = list_arrays(self._segments(field, text))
        self._keep(key, arrays)
        return arrays

    def _segments(self, field: str, text: str, docs: np.ndarray | None = None) -> list[tuple]:
        """(reader, the term's postings or None, base) of each segment, as arrays.list_* read a term.

        With `docs` (sorted global ids), the postings of a segment holding none of them are not opened.
        """
        return [
            (reader, self.lookups.source(segment, field, text) if _holds_some(docs, reader, base) else None, base)
            for segment, (reader, base) in enumerate(self.leaves)
        ]

    def _positional(self, field: str) -> bool:
        """Whether the field's postings carry positions (the bigram fields), read from the schema once."""
        if field not in self._positional_fields:
            schema_field = self.searcher.schema[field]
            self._positional_fields[field] = (
                schema_field.format.supports("positions") and schema_field.format.field_boost == 1.0
            )
        return self._positional_fields[field]

    def ids(self, field: str, text: str) -> np.ndarray:
        return self.postings(field, text)[0]

    def literal(self, key: tuple, find: Callable[[], np.ndarray]) -> np.ndarray:
        """The documents of a term found by `find()` (a phrase check), kept like a posting list.

        A phrase's positions are checked once per view: the next search for
        it (the next page, the same query sorted by date) is only array work.
        """
        key = ("literal", *key)
        cached = self._arrays.get(key)
        if cached is not None:
            self._arrays.move_to_end(key)
            return cached[0]
        found = find()
        self._keep(key, (found, EMPTY_WEIGHTS))
        return found

    def _keep(self, key: tuple, arrays: tuple[np.ndarray, ...]) -> None:
        self._arrays[key] = arrays
        self._bytes += sum(array.nbytes for array in arrays)
        while self._bytes > self.budget and len(self._arrays) > 1:
            _, dropped = self._arrays.popitem(last=False)
            self._bytes -= sum(array.nbytes for array in dropped)

    def document_frequency(self, field: str, text: str) -> int:
        """Documents with the term, from the term dictionary (no posting is read; deleted ones still counted)."""
        return self.lookups.doc_frequency(field, text)

    def positions(self, field: str, text: str, docs: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        """(ids, count of positions of each, all positions) of a positional term, for `docs` only if given.

        The whole list is decoded (and kept) when no documents are named or
        they are a good part of it: a block's ids and positions are read
        together anyway.  For a few documents of a long list, only the
        blocks that hold them are read (_some_positions).
        """
        key = ("positions", field, text)
        cached = self._arrays.get(key)
        if cached is None and self.reads_part(field, text, docs):
            return self._some_positions(field, text, docs)
        if cached is None:
            cached = list_positions(self._segments(field, text))
            self._keep(key, cached)
        else:
            self._arrays.move_to_end(key)
        if docs is None:
            return cached
        ids, counts, flat = cached
        wanted = contains(docs, ids)
        return ids[wanted], counts[wanted], flat[np.repeat(wanted, counts)]

    def reads_part(self, field: str, text: str, docs: np.ndarray | None) -> bool:
        """Whether positions() for `docs` reads only the blocks holding them: they are a small part of the list.

        Else the whole list is decoded (a block's ids and positions are read together anyway).
        """
        return docs is not None and len(docs) * PART_SHARE < self.document_frequency(field, text)

    def _some_positions(self, field: str, text: str, docs: np.ndarray) -> tuple[np.ndarray, ...]:
        """positions() of the sorted global `docs` only, reading only the blocks that hold them (not kept)."""
        return list_positions(self._segments(field, text, docs), docs)

    def lengths(self, field: str) -> np.ndarray:
        """Every document's length in `field` (float64, by global number)."""
        if field not in self._lengths:
            parts = [length_array(reader, field) for reader, _ in self.leaves]
            self._lengths[field] = np.concatenate(parts) if parts else np.empty(0)
        return self._lengths[field]

    def live_documents(self) -> np.ndarray:
        """Global numbers of every document not deleted (a query with only exclusions or a date)."""
        if self._live is None:
            parts = []
            for reader, base in self.leaves:
                local = np.arange(reader.doc_count_all(), dtype=np.int32)
                deleted = deleted_documents(reader)
                if deleted:
                    local = np.setdiff1d(local, np.fromiter(deleted, dtype=np.int32), assume_unique=True)
                parts.append(local + base)
            self._live = np.concatenate(parts) if parts else EMPTY_IDS
        return self._live

    def variant_forms(self) -> dict[str, list[str]]:
        """Searchable character -> the other printed forms of it the index holds (analysis.variant_tokens).

        Read from the term dictionaries of the chars fields once per view: an
        archive in simplified characters has none, a traditional one a few thousand.
        """
        if self._variants is None:
            by_form: dict[str, list[str]] = {}
            for reader, _ in self.leaves:
                fields = set(reader.indexed_field_names())
                for field in ("chars", "headline_chars"):
                    if field not in fields:
                        continue
                    for term in reader.expand_prefix(field, VARIANT_MARK):
                        printed = (term.decode("utf-8") if isinstance(term, bytes) else term)[len(VARIANT_MARK) :]
                        if not printed:
                            continue  # the character "~" itself
                        forms = by_form.setdefault(printed.translate(SEARCH_FORMS), [])
                        if printed not in forms:
                            forms.append(printed)
            self._variants = by_form
        return self._variants


def _holds_some(docs: np.ndarray | None, reader, base: int) -> bool:
    """Whether the segment at `base` holds any of the sorted global `docs` (None: all documents)."""
    if docs is None:
        return True
    low, high = np.searchsorted(docs, [base, base + reader.doc_count_all()])
    return bool(high > low)
