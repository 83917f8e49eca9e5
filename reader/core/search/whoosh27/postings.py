"""Read a term's posting list block by block, as arrays rather than one posting at a time.

Whoosh's public matcher API costs a few microseconds per posting in Python;
the whoosh3 codec already keeps each block (writer.BLOCK_POSTINGS) as arrays, so
reading those directly makes set building and scoring several times faster.
Only this module reads those private attributes, and it
falls back to the public API for any other kind of matcher.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate

from whoosh.reading import TermNotFound

from reader.core.search.whoosh27.codec import ArrayLeafMatcher

#: What a block carries besides its ids: the weights (scoring) or the encoded values (positions).
WEIGHTS, VALUES = "weights", "values"


def _leaf(matcher):
    """The whoosh3 leaf matcher under Whoosh's deletion filter, or None for any other kind."""
    leaf = getattr(matcher, "child", matcher)  # SegmentReader wraps it in a FilterMatcher
    has_blocks = all(hasattr(leaf, name) for name in ("_read_ids", "_read_weights", "_read_values", "_next_block"))
    return leaf if has_blocks else None


def _live(ids: tuple[int, ...], weights, values, deleted: frozenset[int]):
    """Drop deleted documents from one block (most blocks have none)."""
    if not deleted or deleted.isdisjoint(ids):
        return ids, weights, values
    keep = [index for index, doc in enumerate(ids) if doc not in deleted]
    return (
        tuple(ids[i] for i in keep),
        None if weights is None else [weights[i] for i in keep],
        None if values is None else [values[i] for i in keep],
    )


def _read_ids(leaf) -> None:
    """The block's document numbers: Whoosh's _read_ids, decoding the deltas in C (accumulate)."""
    if leaf._byteids or isinstance(leaf, ArrayLeafMatcher):  # the latter decodes its own format
        leaf._read_ids()
        return
    if leaf._data is None:
        leaf._read_data()
    leaf._ids = tuple(accumulate(leaf._data[0]))


def matcher_blocks(matcher, deleted: frozenset[int], weights: bool, values: bool) -> Iterator[tuple]:
    """(ids, weights or None, values or None) of a matcher's postings but `deleted`, a block at a time."""
    leaf = _leaf(matcher)
    if leaf is None:  # public API: one posting at a time, as one block
        ids, block_weights, block_values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            if weights:
                block_weights.append(matcher.weight())
            if values:
                block_values.append(matcher.value())
            matcher.next()
        yield _live(tuple(ids), block_weights if weights else None, block_values if values else None, deleted)
        return
    while leaf.is_active():
        if leaf._ids is None:
            _read_ids(leaf)
        if weights and leaf._weights is None:
            leaf._read_weights()
        if values and leaf._values is None:
            leaf._read_values()
        yield _live(leaf._ids, leaf._weights if weights else None, leaf._values if values else None, deleted)
        leaf._next_block()


def deleted_documents(reader) -> frozenset[int]:
    """A segment's deleted document numbers (empty for most segments)."""
    return reader.deleted_docs_set if reader.has_deletions() else frozenset()


def blocks(reader, field: str, text: str, carrying: str | None = WEIGHTS) -> Iterator[tuple[tuple[int, ...], object]]:
    """(segment-local ids, weights / values / None) of a term's live postings, one block at a time.

    Deleted documents are dropped here, from the block arrays, so a segment
    with deletions (after a correction or a repair) keeps the fast path.
    """
    try:
        matcher = reader.postings(field, text)  # one term lookup, not `in` and then postings
    except TermNotFound:
        return
    deleted = deleted_documents(reader)
    for ids, weights, values in matcher_blocks(matcher, deleted, carrying == WEIGHTS, carrying == VALUES):
        yield ids, (weights if carrying == WEIGHTS else values)


class FieldLengthLists:
    """One segment's per-document field lengths, read once per field into a list.

    Whoosh reads a length with a column seek per call; ranking (per match)
    and segment flushing (per posting) ask for thousands.  Works on a segment
    reader or on a writer's per-document reader: both answer
    `doc_field_length(doc, field, default)` and `doc_count_all()`.
    """

    def __init__(self, reader) -> None:
        self._reader = reader
        self._lists: dict[str, list[int]] = {}

    def lengths(self, fieldname: str) -> list[int]:
        if fieldname not in self._lists:
            read = self._reader.doc_field_length
            # Whoosh answers None, not the default, for a document without the field.
            self._lists[fieldname] = [read(doc, fieldname, 0) or 0 for doc in range(self._reader.doc_count_all())]
        return self._lists[fieldname]

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return self.lengths(fieldname)[docnum]


def live_terms(reader, field: str) -> set[str]:
    """The terms of `field` that at least one live document of this segment has."""
    terms = {term.decode("utf-8") for term in reader.lexicon(field)}
    if not reader.has_deletions():
        return terms  # a segment's lexicon holds only terms its documents had
    return {term for term in terms if any(ids for ids, _ in blocks(reader, field, term, carrying=None))}
