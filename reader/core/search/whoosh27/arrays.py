"""Posting lists, field lengths and positions read into numpy arrays (search; posting_cache keeps them).

Apart from postings.py so that a window that has not searched yet does not
load numpy (writing the index uses it too: posting_arrays, bulk_fields).
Postings written by codec.ArrayCodec are read from the file as Whoosh lays
them out (_raw_blocks) and decoded for all of a term's segments at once
(list_arrays, list_positions); other segments go through Whoosh's matcher
(the public API and postings.py).  term_arrays and term_positions are the
same for one segment.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from io import BytesIO
from pickle import load as load_pickle
from pickle import loads

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.util.numeric import byte_to_length

from reader.core.search.sorted_arrays import contains
from reader.core.search.whoosh27.codec import ArrayLeafMatcher, holds_position_deltas, weights_are_counts
from reader.core.search.whoosh27.postings import _leaf, deleted_documents, matcher_blocks
from reader.core.search.whoosh27.term_lookups import PostingRegion

EMPTY_INT32 = np.empty(0, dtype=np.int32)
#: A posting block's length as Whoosh writes it before the block (StructFile.write_int).
_BLOCK_LENGTH = struct.Struct("!i")
#: numpy's little-endian unsigned integers by byte width, as the codec stores ids, counts and deltas.
UNSIGNED_BY_WIDTH = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}


def _region(source) -> PostingRegion | None:
    """Where the postings of `source` (a PostingRegion, or a matcher) lie, if ArrayCodec wrote them; else None."""
    if source is None or isinstance(source, PostingRegion):
        return source
    leaf = _leaf(source)
    if not isinstance(leaf, ArrayLeafMatcher):
        return None
    return PostingRegion.at(leaf._postfile, leaf._startoffset, leaf._length)


def _raw_blocks(where: PostingRegion, wanted: np.ndarray | None) -> Iterator[tuple[int, tuple]]:
    """(posting count, stored tuple) of each block, skipping on its header a block holding no `wanted` id.

    The term's postings are read from the file at once and cut into blocks
    here, as Whoosh lays them out (its magic, then per block: a signed
    length, negative for the last; the pickled header; the data, zlib'd if
    the header says so).  Whoosh's matcher reads each block with a seek and
    two reads and unpickles its header from the file: two thirds of reading a
    1,000-posting block of positions, before any decoding.
    """
    region = where.postfile.get(where.offset, where.length)
    if region[: len(WHOOSH3_HEADER_MAGIC)] != WHOOSH3_HEADER_MAGIC:  # as Whoosh's matcher checks
        raise ValueError(f"no posting list at offset {where.offset} (block tag {region[:4]!r})")
    headers = BytesIO(region)
    start, position = len(WHOOSH3_HEADER_MAGIC), 0
    while start < len(region):
        (length,) = _BLOCK_LENGTH.unpack_from(region, start)  # of the header and data; negative: the last block
        end = start + _BLOCK_LENGTH.size + abs(length)
        headers.seek(start + _BLOCK_LENGTH.size)
        count, max_id, _, compression, _, _ = load_pickle(headers)
        if wanted is not None and position >= len(wanted):
            return
        if wanted is None or max_id >= wanted[position]:
            if wanted is not None:
                position = int(np.searchsorted(wanted, max_id, side="right"))
            data = region[headers.tell() : end]
            yield count, loads(zlib.decompress(data) if compression else data)
        if length < 0:
            return
        start = end


def _unsigned_run(parts: list[bytes], lengths: list[int]) -> np.ndarray:
    """Narrow unsigned arrays end to end as one int64 array: each part holds `lengths[i]` numbers of one width.

    The codec stores each block's numbers in the narrowest width that holds
    them (a part's width is its byte length over its count); the blocks of
    one list mostly share a width, and then the bytes are joined and read at once.
    """
    widths = {len(part) // length for part, length in zip(parts, lengths, strict=True) if length}
    if len(widths) <= 1:
        width = widths.pop() if widths else 1
        return np.frombuffer(b"".join(parts), dtype=UNSIGNED_BY_WIDTH[width]).astype(np.int64)
    return np.concatenate(
        [
            np.frombuffer(part, dtype=UNSIGNED_BY_WIDTH[len(part) // length]).astype(np.int64)
            for part, length in zip(parts, lengths, strict=True)
            if length
        ]
    )


def restarting_cumsum(deltas: np.ndarray, starts: np.ndarray, origins: np.ndarray | None = None) -> np.ndarray:
    """Running sums of `deltas` (int64, changed in place) that start again at each offset in `starts`.

    `starts` are sorted, distinct, the first 0, each run non-empty: a
    posting list's document numbers restart at each block, a posting's
    positions at each posting.  Each run starts from 0, or from its value in
    `origins` (a block's segment base: global document numbers).  One cumsum
    for the whole list instead of one per run: each run's first delta is made
    to cancel the sum of the run before it.  (The sums of the runs are read
    off a first cumsum: np.add.reduceat took three times as long as both.)
    """
    if len(starts) > 1:
        running_at_ends = np.cumsum(deltas)[starts[1:] - 1]
        deltas[starts[1:]] -= np.diff(running_at_ends, prepend=0)
    if origins is not None and len(starts):
        deltas[starts] += np.diff(origins, prepend=0)
    return np.cumsum(deltas)


def _exclusive_cumsum(counts: np.ndarray) -> np.ndarray:
    """Where each run starts when runs of these lengths lie end to end."""
    starts = np.zeros(len(counts), dtype=np.int64)
    if len(counts) > 1:
        np.cumsum(counts[:-1], out=starts[1:])
    return starts


def _run_ids(blocks: list[tuple[int, tuple]], bases: list[int] | None = None) -> np.ndarray:
    """The document numbers (int32) of blocks read by _raw_blocks, end to end: each block's deltas start from 0.

    With `bases` (each block's segment base), global numbers.
    """
    lengths = [count for count, _ in blocks]
    deltas = _unsigned_run([data[0] for _, data in blocks], lengths)
    origins = None if bases is None else np.array(bases, dtype=np.int64)
    return restarting_cumsum(deltas, _exclusive_cumsum(np.array(lengths, dtype=np.int64)), origins).astype(np.int32)


def _run_weights(blocks: list[tuple[int, tuple]]) -> np.ndarray:
    """The float32 weights of blocks read by _raw_blocks, end to end (counts read at once where they are the weights)."""
    if blocks and all(weights_are_counts(data[1]) for _, data in blocks):
        return _unsigned_run([data[2][1] for _, data in blocks], [count for count, _ in blocks]).astype(np.float32)
    return _joined([stored_weight_array(count, *data[1:]) for count, data in blocks], np.float32)


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


class _SegmentRun:
    """Blocks of a term in consecutive ArrayCodec segments, decoded as one list of global document numbers.

    A term's list is spread over the index's segments (six at 10,000 issues);
    decoded segment by segment, a short list (a headline bigram) cost its
    dozen numpy calls six times over.
    """

    def __init__(self) -> None:
        self.blocks: list[tuple[int, tuple]] = []
        self.bases: list[int] = []
        self.deleted: list[np.ndarray] = []

    def add(self, reader, base: int, blocks: Iterator[tuple[int, tuple]]) -> None:
        added = list(blocks)
        self.blocks += added
        self.bases += [base] * len(added)
        deleted = deleted_documents(reader)
        if deleted and added:
            self.deleted.append(np.fromiter(deleted, dtype=np.int32, count=len(deleted)) + base)

    def ids(self) -> np.ndarray:
        return _run_ids(self.blocks, self.bases)

    def kept(self, ids: np.ndarray, wanted: np.ndarray | None) -> np.ndarray | None:
        """Which of `ids` to keep (live, and wanted if asked), or None for all of them."""
        keep = None
        if self.deleted:
            keep = ~np.isin(ids, np.concatenate(self.deleted))
        if wanted is not None:
            is_wanted = contains(wanted, ids)
            keep = is_wanted if keep is None else keep & is_wanted
        return keep


def list_arrays(segments: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """(global ids as int32, weights as float32) of a term's live postings in `segments`.

    `segments` are (reader, the term's postings in it, base) in base order:
    the postings as TermLookups.source gives them (a PostingRegion, a Whoosh
    matcher, or None where the segment lacks the term).  Blocks written by
    codec.ArrayCodec are read straight into arrays, all segments' at once;
    any other block is decoded by Whoosh's codec and gathered with one
    conversion per array, not one Python object per posting.
    """
    pieces = _pieces(segments, None, _run_arrays, lambda reader, matcher, _local: _public_arrays(reader, matcher))
    return _joined([ids for ids, _ in pieces], np.int32), _joined([weights for _, weights in pieces], np.float32)


def _pieces(segments: list[tuple], wanted: np.ndarray | None, decode_run, decode_public) -> list[tuple]:
    """A term's postings in `segments`, as pieces of arrays in base order (global ids first in each).

    Consecutive ArrayCodec segments make one _SegmentRun, decoded by
    `decode_run(run, wanted)`; any other segment is decoded alone by
    `decode_public(reader, matcher, its wanted ids)`.  With `wanted` (sorted
    global ids), a segment holding none of them is not read at all.
    """
    pieces: list[tuple] = []
    run = _SegmentRun()
    for reader, postings, base in segments:
        local = None
        if wanted is not None:
            low, high = np.searchsorted(wanted, [base, base + reader.doc_count_all()])
            if low == high:
                continue
            local = wanted[low:high] - base
        where = _region(postings)
        if where is not None:
            run.add(reader, base, _raw_blocks(where, local))
        elif postings is not None:
            pieces.append(decode_run(run, wanted))
            run = _SegmentRun()
            ids, *rest = decode_public(reader, postings, local)
            pieces.append((ids + base, *rest))
    pieces.append(decode_run(run, wanted))
    return pieces


def _run_arrays(run: _SegmentRun, wanted: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    ids, weights = run.ids(), _run_weights(run.blocks)
    keep = run.kept(ids, wanted)
    return (ids, weights) if keep is None else (ids[keep], weights[keep])


def _public_arrays(reader, matcher) -> tuple[np.ndarray, np.ndarray]:
    id_list: list[int] = []
    weight_list: list[float] = []
    for block_ids, block_weights, _ in matcher_blocks(matcher, deleted_documents(reader), True, False):
        id_list.extend(block_ids)
        weight_list.extend(block_weights)
    return np.array(id_list, dtype=np.int32), np.array(weight_list, dtype=np.float32)


def term_arrays(reader, matcher) -> tuple[np.ndarray, np.ndarray]:
    """list_arrays of one segment: segment-local ids; `matcher` (or a PostingRegion) None for a term it lacks."""
    return list_arrays([(reader, matcher, 0)])


def _joined(parts: list[np.ndarray], dtype) -> np.ndarray:
    if not parts:
        return np.empty(0, dtype=dtype)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def list_positions(segments: list[tuple], wanted: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """(global ids, count of positions of each, all positions) of a PackedPositions term's live postings.

    `segments` are (reader, the term's postings in it, base) in base order, as for list_arrays.

    With `wanted` (sorted global ids), only those documents, and only
    the blocks that hold them are decoded: checking a phrase in a few
    candidates of a long posting list reads a few blocks.  Blocks written by
    codec.ArrayCodec hold their values as arrays: all the blocks of all the
    segments are decoded with a few numpy calls together (_run_positions).
    """
    if wanted is not None and not len(wanted):
        return EMPTY_INT32, EMPTY_INT32, EMPTY_INT32
    pieces = _pieces(segments, wanted, _run_positions_kept, _public_positions)
    return tuple(_joined([piece[column] for piece in pieces], np.int32) for column in range(3))


def _run_positions_kept(run: _SegmentRun, wanted: np.ndarray | None) -> tuple[np.ndarray, ...]:
    ids = run.ids()
    counts, positions = _run_positions(run.blocks)
    keep = run.kept(ids, wanted)
    if keep is None:
        return ids, counts, positions
    return ids[keep], counts[keep], positions[np.repeat(keep, counts)]


def term_positions(reader, matcher, wanted: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """list_positions of one segment: segment-local ids and `wanted`; `matcher` None where the segment lacks the term."""
    return list_positions([(reader, matcher, 0)], wanted)


def block_positions(count: int, stored_values) -> tuple[np.ndarray, np.ndarray]:
    """(count of positions of each posting, all positions) of one ArrayCodec block of `count` postings, as int32.

    Reads both forms a block's positions may have (codec): counts and deltas, or the
    older PackedPositions values joined with their lengths.
    """
    if not holds_position_deltas(stored_values):
        lengths, joined = stored_values
        sizes = np.frombuffer(lengths, dtype="<u4").astype(np.int64) // 4
        return split_packed(np.frombuffer(joined, dtype=">u4"), sizes)
    return _run_positions([(count, (None, None, stored_values))])


def _run_positions(blocks: list[tuple[int, tuple]]) -> tuple[np.ndarray, np.ndarray]:
    """(counts, positions) as int32 of blocks read by _raw_blocks, end to end (block_positions of each, joined).

    Blocks in the counts-and-deltas form are decoded together: the counts
    and deltas of all of them are read at once and summed in one pass
    (restarting_cumsum), instead of a dozen numpy calls per block.
    """
    if not all(holds_position_deltas(data[2]) for _, data in blocks):
        decoded = [block_positions(count, data[2]) for count, data in blocks]
        return _joined([counts for counts, _ in decoded], np.int32), _joined([flat for _, flat in decoded], np.int32)
    counts = _unsigned_run([data[2][1] for _, data in blocks], [count for count, _ in blocks])
    ends = np.cumsum([count for count, _ in blocks], dtype=np.int64)
    block_totals = np.diff(np.cumsum(counts)[ends - 1], prepend=0) if blocks else counts  # positions per block
    deltas = _unsigned_run([data[2][2] for _, data in blocks], block_totals.tolist())
    firsts = _exclusive_cumsum(counts)
    positions = restarting_cumsum(deltas, firsts[counts > 0])  # each posting's deltas start from 0
    return counts.astype(np.int32), positions.astype(np.int32)


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
    """list_positions for a segment of any other codec: Whoosh decodes its blocks, the values are joined once."""
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
