"""Read a term's posting list block by block, as arrays rather than one posting at a time.

Whoosh's public matcher API costs a few microseconds per posting in Python;
the whoosh3 codec already keeps each block (up to 128 postings) as arrays, so
reading those directly makes set building and scoring several times faster.
This module is the only place that touches those private attributes, and it
falls back to the public API for any other matcher (or a segment with deletions).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from itertools import accumulate

#: whoosh.formats.Positions values: a 4-byte count, then the pickled position deltas.
_COUNT_BYTES = 4


def _blocks_supported(matcher, reader) -> bool:
    return (
        hasattr(matcher, "_read_ids")
        and hasattr(matcher, "_read_weights")
        and hasattr(matcher, "_next_block")
        and not reader.has_deletions()
    )


def posting_blocks(reader, field: str, text: str, weights: bool = True) -> Iterator[tuple[tuple[int, ...], list]]:
    """(segment-local ids, weights or None) of a term's live postings, one block at a time."""
    if (field, text) not in reader:
        return
    matcher = reader.postings(field, text)
    if _blocks_supported(matcher, reader):
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            if weights and matcher._weights is None:
                matcher._read_weights()
            yield matcher._ids, (matcher._weights if weights else None)
            matcher._next_block()
        return
    ids, values = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        values.append(matcher.weight() if weights else None)
        matcher.next()
    yield tuple(ids), (values if weights else None)


def posting_set(searcher, field: str, text: str) -> set[int]:
    """Global numbers of the live documents whose `field` contains the term `text`."""
    documents: set[int] = set()
    for subsearcher, base in searcher.leaf_searchers():
        reader = subsearcher.reader()
        for ids, _ in posting_blocks(reader, field, text, weights=False):
            documents.update(ids if base == 0 else (doc + base for doc in ids))
    return documents


def position_blocks(reader, field: str, text: str) -> Iterator[tuple[tuple[int, ...], tuple]]:
    """(segment-local ids, encoded positions) of a positional field's postings, by block."""
    if (field, text) not in reader:
        return
    matcher = reader.postings(field, text)
    if _blocks_supported(matcher, reader) and hasattr(matcher, "_read_values"):
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            if matcher._values is None:
                matcher._read_values()
            yield matcher._ids, matcher._values
            matcher._next_block()
        return
    ids, values = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        values.append(matcher.value())
        matcher.next()
    yield tuple(ids), tuple(values)


def decode_positions(value: bytes) -> list[int]:
    """Positions from a whoosh.formats.Positions value (pickled deltas; the final STOP may be cut)."""
    body = value[_COUNT_BYTES:]
    if not body.endswith(b"."):
        body += b"."
    return list(accumulate(pickle.loads(body)))
