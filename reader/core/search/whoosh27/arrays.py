"""Posting lists, field lengths and positions read into numpy arrays (search; posting_cache keeps them).

Apart from postings.py so that a window that has not searched yet does not
load numpy (writing the index uses it too: posting_arrays, bulk_fields).  Like postings.py it reads
the whoosh3 codec's private block attributes, with the public API as fallback.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from whoosh.util.numeric import byte_to_length

from reader.core.search.whoosh27.codec import ArrayLeafMatcher, holds_position_deltas, weights_are_counts
from reader.core.search.whoosh27.postings import _leaf, deleted_documents, matcher_blocks

EMPTY_INT32 = np.empty(0, dtype=np.int32)
#: numpy's little-endian unsigned integers by byte width, as the codec stores ids, counts and deltas.
UNSIGNED_BY_WIDTH = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}


def _array_leaf(matcher) -> ArrayLeafMatcher | None:
    """The matcher's ArrayLeafMatcher, or None for any other kind (or no matcher: an absent term)."""
    leaf = _leaf(matcher) if matcher is not None else None
    return leaf if isinstance(leaf, ArrayLeafMatcher) else None


def _raw_blocks(leaf: ArrayLeafMatcher, wanted: np.ndarray | None) -> Iterator[tuple[int, tuple]]:
    """(posting count, stored tuple) of each block, skipping on its header a block holding no `wanted` id."""
    position = 0
    while leaf.is_active():
        if wanted is not None:
            if position >= len(wanted):
                return
            if leaf._maxid < wanted[position]:
                leaf._next_block()
                continue
            position = int(np.searchsorted(wanted, leaf._maxid, side="right"))
        if leaf._data is None:
            leaf._read_data()
        yield leaf._blocklength, leaf._data
        leaf._next_block()


def _block_ids(count: int, stored_ids: bytes) -> np.ndarray:
    deltas = np.frombuffer(stored_ids, dtype=UNSIGNED_BY_WIDTH[len(stored_ids) // count])
    return np.cumsum(deltas, dtype=np.int32)


def stored_weight_array(count: int, stored_weights, stored_values) -> np.ndarray:
    """The float32 weights of one ArrayCodec block of `count` postings (see codec: how weights are stored)."""
    if stored_weights is None:
        return np.ones(count, dtype=np.float32)
    if isinstance(stored_weights, float):
        return np.full(count, stored_weights, dtype=np.float32)
    if weights_are_counts(stored_weights):
        return stored_count_array(count, stored_values).astype(np.float32)
    return np.frombuffer(stored_weights, dtype="<f4")


def stored_count_array(count: int, stored_values) -> np.ndarray:
    """Each posting's count in a block whose values are counts or positions in the narrow forms (codec)."""
    stored_counts = stored_values[1]
    return np.frombuffer(stored_counts, dtype=UNSIGNED_BY_WIDTH[len(stored_counts) // count])


def _kept(ids: np.ndarray, reader, wanted: np.ndarray | None) -> np.ndarray | None:
    """Which of `ids` to keep (live, and wanted if asked), or None for all of them."""
    deleted = deleted_documents(reader)
    keep = None
    if deleted:
        keep = ~np.isin(ids, np.fromiter(deleted, dtype=np.int32, count=len(deleted)))
    if wanted is not None:
        is_wanted = np.isin(ids, wanted, assume_unique=True)
        keep = is_wanted if keep is None else keep & is_wanted
    return keep


def term_arrays(reader, matcher) -> tuple[np.ndarray, np.ndarray]:
    """(segment-local ids as int32, weights as float32) of the live postings of a term's `matcher` in `reader`.

    `matcher` is None for a term the segment lacks (empty arrays): see term_lookups.

    Blocks written by codec.ArrayCodec are read straight into arrays; any
    other block is decoded by Whoosh's codec and gathered with one
    conversion per array, not one Python object per posting.
    """
    leaf = _array_leaf(matcher)
    if leaf is not None:
        id_parts, weight_parts = [], []
        for count, (stored_ids, stored_weights, stored_values) in _raw_blocks(leaf, None):
            id_parts.append(_block_ids(count, stored_ids))
            weight_parts.append(stored_weight_array(count, stored_weights, stored_values))
        ids, weights = _joined(id_parts, np.int32), _joined(weight_parts, np.float32)
        keep = _kept(ids, reader, None)
        return (ids, weights) if keep is None else (ids[keep], weights[keep])
    id_list: list[int] = []
    weight_list: list[float] = []
    if matcher is not None:
        for block_ids, block_weights, _ in matcher_blocks(matcher, deleted_documents(reader), True, False):
            id_list.extend(block_ids)
            weight_list.extend(block_weights)
    return np.array(id_list, dtype=np.int32), np.array(weight_list, dtype=np.float32)


def _joined(parts: list[np.ndarray], dtype) -> np.ndarray:
    if not parts:
        return np.empty(0, dtype=dtype)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def term_positions(reader, matcher, wanted: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(segment-local ids, count of positions of each, all positions) of a PackedPositions term's live postings.

    `matcher` is the term's in `reader`, None where the segment lacks it.

    With `wanted` (sorted segment-local ids), only those documents, and only
    the blocks that hold them are decoded: checking a phrase in a few
    candidates of a long posting list reads a few blocks.  Blocks written by
    codec.ArrayCodec hold their values as arrays: a block's positions are a
    few numpy calls, whatever the number of postings (block_positions).
    """
    if wanted is not None and not len(wanted):
        return EMPTY_INT32, EMPTY_INT32, EMPTY_INT32
    leaf = _array_leaf(matcher)
    if leaf is None:
        if matcher is None:
            return EMPTY_INT32, EMPTY_INT32, EMPTY_INT32
        return _public_positions(reader, matcher, wanted)
    id_parts, count_parts, position_parts = [], [], []
    for count, (stored_ids, _, stored_values) in _raw_blocks(leaf, wanted):
        id_parts.append(_block_ids(count, stored_ids))
        counts, positions = block_positions(count, stored_values)
        count_parts.append(counts)
        position_parts.append(positions)
    ids = _joined(id_parts, np.int32)
    counts, positions = _joined(count_parts, np.int32), _joined(position_parts, np.int32)
    keep = _kept(ids, reader, wanted)
    if keep is None:
        return ids, counts, positions
    return ids[keep], counts[keep], positions[np.repeat(keep, counts)]


def block_positions(count: int, stored_values) -> tuple[np.ndarray, np.ndarray]:
    """(count of positions of each posting, all positions) of one ArrayCodec block of `count` postings, as int32.

    Reads both forms a block's positions may have (codec): counts and deltas, or the
    older PackedPositions values joined with their lengths.
    """
    if not holds_position_deltas(stored_values):
        lengths, joined = stored_values
        sizes = np.frombuffer(lengths, dtype="<u4").astype(np.int64) // 4
        return split_packed(np.frombuffer(joined, dtype=">u4"), sizes)
    stored_deltas = stored_values[2]
    counts = stored_count_array(count, stored_values).astype(np.int32)
    total = int(counts.sum())
    if not total:
        return counts, EMPTY_INT32
    running = np.zeros(total + 1, dtype=np.int64)  # the sum of the deltas before each one
    np.cumsum(np.frombuffer(stored_deltas, dtype=UNSIGNED_BY_WIDTH[len(stored_deltas) // total]), out=running[1:])
    firsts = np.zeros(count, dtype=np.int64)
    np.cumsum(counts[:-1], out=firsts[1:])
    # Each posting's deltas start again from 0: its positions are the running sum less the sum before it.
    return counts, (running[1:] - np.repeat(running[firsts], counts)).astype(np.int32)


def split_packed(flat: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(count of each value, all positions) of PackedPositions values end to end; `sizes` in 32-bit words.

    Each value is its count, then its positions: the counts sit where each value starts.
    """
    flat = flat.astype(np.int32)  # positions within an article: < 2**31
    if not len(sizes):
        return EMPTY_INT32, EMPTY_INT32
    starts = np.zeros(len(sizes), dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    keep = np.ones(len(flat), dtype=bool)
    keep[starts] = False
    return flat[starts], flat[keep]


def _public_positions(reader, matcher, wanted: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """term_positions for blocks of any other codec: Whoosh decodes them, the values are joined once."""
    ids: list[int] = []
    values: list[bytes] = []
    for block_ids, _, block_values in matcher_blocks(matcher, deleted_documents(reader), False, True):
        ids.extend(block_ids)
        values.extend(block_values)
    id_array = np.array(ids, dtype=np.int32)
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values)) // 4
    counts, positions = split_packed(np.frombuffer(b"".join(values), dtype=">u4"), sizes)
    if wanted is None:
        return id_array, counts, positions
    keep = np.isin(id_array, wanted, assume_unique=True)
    return id_array[keep], counts[keep], positions[np.repeat(keep, counts)]


_BYTE_TO_LENGTH = np.array([byte_to_length(code) for code in range(256)], dtype=np.float64)


def length_array(reader, field: str) -> np.ndarray:
    """Every document's length in `field` in one segment (as Whoosh stores it, a byte each), as float64.

    One read of the column instead of a column seek per document (1.1 s per
    87,000 documents at a fresh process's first search).  `reader` is a
    segment's reader or a per-document reader (a writer's, at its flush).  Falls back to
    Whoosh's public per-document call for any other kind of reader.
    """
    count = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", reader)  # a segment's reader, or a writer's per-document reader
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
