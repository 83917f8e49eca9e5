"""Posting lists, field lengths and positions read into numpy arrays (search; posting_cache keeps them).

Apart from postings.py so that writing the index (which reads postings to
merge segments) never loads numpy: a process that only writes, or a window
that has not searched yet, does not pay for it.  Like postings.py it reads
the whoosh3 codec's private block attributes, with the public API as fallback.
"""

from __future__ import annotations

import numpy as np
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from reader.core.search.whoosh27.postings import (
    VALUES,
    WEIGHTS,
    _leaf,
    _live,
    _read_ids,
    blocks,
    deleted_documents,
    matcher_blocks,
)


def term_arrays(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(segment-local ids as int32, weights as float32) of a term's live postings; empty arrays when absent.

    The blocks are decoded by Whoosh's codec (zlib and pickle), then gathered
    into two arrays with one conversion each, not one Python object per posting.
    """
    ids: list[int] = []
    weights: list[float] = []
    for block_ids, block_weights in blocks(reader, field, text, carrying=WEIGHTS):
        ids.extend(block_ids)
        weights.extend(block_weights)
    return np.array(ids, dtype=np.int32), np.array(weights, dtype=np.float32)


def term_values(reader, field: str, text: str, wanted: np.ndarray) -> tuple[np.ndarray, list[bytes]]:
    """(the ids of `wanted` that have the term, their encoded values): only the blocks that hold them are decoded.

    `wanted` are sorted segment-local ids.  A block is skipped on its header
    (its last id) when no wanted id falls in it, so checking a phrase in a
    few candidates of a long posting list decodes only a few blocks.
    """
    found: list[int] = []
    values: list[bytes] = []
    if not len(wanted):
        return np.array(found, dtype=np.int32), values
    try:
        matcher = reader.postings(field, text)
    except TermNotFound:
        return np.array(found, dtype=np.int32), values
    deleted = deleted_documents(reader)
    leaf = _leaf(matcher)
    if leaf is None:
        block_source = matcher_blocks(matcher, deleted, weights=False, values=True)
        for block_ids, _, block_values in block_source:
            _gather(block_ids, block_values, wanted, found, values)
        return np.array(found, dtype=np.int32), values
    position = 0
    while leaf.is_active() and position < len(wanted):
        if leaf._maxid < wanted[position]:
            leaf._next_block()
            continue
        if leaf._ids is None:
            _read_ids(leaf)
        if leaf._values is None:
            leaf._read_values()
        block_ids, _, block_values = _live(leaf._ids, None, leaf._values, deleted)
        _gather(block_ids, block_values, wanted, found, values)
        position = int(np.searchsorted(wanted, leaf._maxid, side="right"))
        leaf._next_block()
    return np.array(found, dtype=np.int32), values


def _gather(block_ids, block_values, wanted: np.ndarray, found: list[int], values: list[bytes]) -> None:
    """Append the (id, value) pairs of one block whose id is wanted."""
    if not block_ids:
        return
    ids = np.asarray(block_ids, dtype=np.int32)
    hit = np.flatnonzero(np.isin(ids, wanted, assume_unique=True))
    for index in hit.tolist():
        found.append(block_ids[index])
        values.append(block_values[index])


_BYTE_TO_LENGTH = np.array([byte_to_length(code) for code in range(256)], dtype=np.float64)


def length_array(reader, field: str) -> np.ndarray:
    """Every document's length in `field` in one segment (as Whoosh stores it, a byte each), as float64.

    One read of the column instead of a column seek per document (1.1 s per
    87,000 documents at a fresh process's first search).  Falls back to
    Whoosh's public per-document call for any other kind of reader.
    """
    count = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", None)
    column = None
    if perdoc is not None and hasattr(perdoc, "_cached_reader"):
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if column is None or not all(hasattr(column, name) for name in ("_dbfile", "_basepos", "_count")):
        return np.array([reader.doc_field_length(doc, field, 0) or 0 for doc in range(count)], dtype=np.float64)
    stored = min(column._count, count)
    codes = np.zeros(count, dtype=np.uint8)
    if stored:
        codes[:stored] = np.frombuffer(column._dbfile.get(column._basepos, stored), dtype=np.uint8)
    return _BYTE_TO_LENGTH[codes]


def block_positions(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(count of each value, all their positions in order) of PackedPositions values, decoded at once.

    Each value is big-endian 32-bit integers, its count first: joined, they
    are one array, and the counts sit where each value starts.
    """
    if not values:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int32)
    flat = np.frombuffer(b"".join(values), dtype=">u4").astype(np.int32)  # positions of an article: < 2**31
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values)) // 4
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    counts = flat[starts]
    keep = np.ones(len(flat), dtype=bool)
    keep[starts] = False
    return counts, flat[keep]


def term_positions(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(segment-local ids, count of positions of each, all positions) of a PackedPositions term, in one pass."""
    ids: list[int] = []
    values: list[bytes] = []
    for block_ids, block_values in blocks(reader, field, text, carrying=VALUES):
        ids.extend(block_ids)
        values.extend(block_values)
    counts, positions = block_positions(values)
    return np.array(ids, dtype=np.int32), counts, positions


def column_texts(reader, field: str) -> list[str]:
    """Every document's value of a text column (VarBytesColumn) in one segment, read with one file read.

    Whoosh's column reader reads a value per document (a seek and a read
    each: 0.4 s for the dates of 89,000 articles); the values lie end to end,
    so they are read at once and cut by their lengths.  Falls back to
    Whoosh's reader for any other kind of column.
    """
    raw = reader.column_reader(field, translate=False)
    if not all(hasattr(raw, name) for name in ("_dbfile", "_basepos", "_lengths", "_offsets")):
        return list(reader.column_reader(field))
    lengths = list(raw._lengths)
    offsets = list(raw._offsets)
    end = max((offset + length for offset, length in zip(offsets, lengths, strict=True) if length), default=0)
    blob = raw._dbfile.get(raw._basepos, end) if end else b""
    return [
        blob[offset : offset + length].decode("utf-8") if length else ""
        for offset, length in zip(offsets, lengths, strict=True)
    ]
