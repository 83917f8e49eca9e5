"""Posting lists as numpy arrays on the writing side: built, joined, renumbered and written a block at a time.

Writing postings one Python object at a time (Whoosh's pool, then a list
per term, then an `array` per block) cost more CPU than segmenting the text
with jieba.  Here a term's postings are a few arrays (`PostingArrays`) that
come from the new documents (bulk_fields), from a segment being merged
(`segment_term_arrays`) or from Whoosh's pool (`from_lists`), and are
written as codec.ArrayCodec blocks by `write_terms`, many terms at once:
no Python object per posting, and per block only the pickle, zlib (not for positions) and writes.  What is written is what
ArrayPostingsWriter writes from the same postings (tests/core/test_index.py
and test_segment_merging.py compare every posting and term info with
Whoosh's own writer).
"""

from __future__ import annotations

from dataclasses import dataclass
from pickle import dumps

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_ushort
from whoosh.util.numeric import length_to_byte

from reader.core.search.whoosh27 import codec
from reader.core.search.whoosh27.arrays import (
    UNSIGNED_BY_WIDTH,
    block_positions,
    split_packed,
    stored_count_array,
    stored_weight_array,
)
from reader.core.search.whoosh27.codec import (
    DATA_PICKLE_PROTOCOL,
    FREQUENCY_COUNTS,
    POSITION_DELTAS,
    WEIGHTS_ARE_COUNTS,
    ArrayLeafMatcher,
    compressed,
    holds_counts,
    holds_position_deltas,
    stored_uncompressed,
)
from reader.core.search.whoosh27.postings import matcher_blocks

_EMPTY_IDS = np.empty(0, dtype=np.uint32)
_EMPTY_WEIGHTS = np.empty(0, dtype=np.float32)
_EMPTY_BYTES = np.empty(0, dtype=np.uint8)


@dataclass
class PostingArrays:
    """One term's postings (or several terms' end to end), in document order.

    Attributes:
        ids: document numbers, uint32, ascending.
        weights: one per posting: float64 as Whoosh computes them for new
            documents (a block's maximum weight is taken from these), float32
            as read from a stored segment; a block stores them as float32.
        values: every posting's encoded value end to end, as uint8.
        offsets: for values of varying size (positions), where each value
            starts in `values`, with the end last (n + 1 entries, int64);
            None when every value has the format's fixed size.
        value_size: bytes per value when they are fixed (0: no values).
    """

    ids: np.ndarray
    weights: np.ndarray
    values: np.ndarray
    offsets: np.ndarray | None
    value_size: int

    def __len__(self) -> int:
        return len(self.ids)

    def part(self, start: int, end: int) -> PostingArrays:
        """Postings start to end (views, no copy)."""
        if self.offsets is None:
            size = self.value_size
            return PostingArrays(
                self.ids[start:end], self.weights[start:end], self.values[start * size : end * size], None, size
            )
        return PostingArrays(
            self.ids[start:end], self.weights[start:end], self.values, self.offsets[start : end + 1], 0
        )

    def value_bytes(self) -> np.ndarray:
        """This part's values end to end."""
        if self.offsets is None:
            return self.values
        return self.values[self.offsets[0] : self.offsets[-1]]

    def value_lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    def kept(self, keep: np.ndarray) -> PostingArrays:
        """Only the postings where `keep` (a bool per posting) is true."""
        if self.offsets is None:
            values = self.values.reshape(-1, self.value_size)[keep].ravel() if self.value_size else self.values
            return PostingArrays(self.ids[keep], self.weights[keep], values, None, self.value_size)
        lengths = self.value_lengths()
        values = self.value_bytes()[np.repeat(keep, lengths)]
        return PostingArrays(self.ids[keep], self.weights[keep], values, _offsets(lengths[keep]), 0)

    def in_document_order(self) -> PostingArrays:
        """The postings sorted by document (stably; a document is in one part only, see merging.merged_postings)."""
        order = np.argsort(self.ids, kind="stable")
        if self.offsets is None:
            size = self.value_size
            values = self.values.reshape(-1, size)[order].ravel() if size else self.values
            return PostingArrays(self.ids[order], self.weights[order], values, None, size)
        lengths = self.value_lengths()[order]
        offsets = _offsets(lengths)
        at = np.repeat(self.offsets[:-1][order] - offsets[:-1], lengths) + np.arange(offsets[-1])
        return PostingArrays(self.ids[order], self.weights[order], self.values[at], offsets, 0)

    def renumbered(self, ids: np.ndarray) -> PostingArrays:
        return PostingArrays(
            ids.astype(np.uint32, copy=False), self.weights, self.values, self.offsets, self.value_size
        )


def _offsets(lengths: np.ndarray) -> np.ndarray:
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return offsets


def variable_size(ids: np.ndarray, weights: np.ndarray, values: np.ndarray, offsets: np.ndarray) -> PostingArrays:
    return PostingArrays(ids, weights, values, offsets, 0)


def fixed_size(ids: np.ndarray, weights: np.ndarray, values: np.ndarray, size: int) -> PostingArrays:
    return PostingArrays(ids, weights, values, None, size)


def format_value_size(format_) -> int | None:
    """Bytes per value of a Whoosh format, or None when values vary in size."""
    size = format_.fixed_value_size()
    return None if size is None or size < 0 else size


def joined(parts: list[PostingArrays]) -> PostingArrays:
    """The parts end to end (the caller keeps document order: each part's documents after the last's)."""
    if len(parts) == 1:
        return parts[0]
    ids = np.concatenate([part.ids for part in parts])
    weights = np.concatenate([part.weights for part in parts])
    values = np.concatenate([part.value_bytes() for part in parts])
    if parts[0].offsets is None:
        return PostingArrays(ids, weights, values, None, parts[0].value_size)
    return PostingArrays(ids, weights, values, _offsets(np.concatenate([part.value_lengths() for part in parts])), 0)


def from_lists(ids: list[int], weights: list[float], values: list, value_size: int | None) -> PostingArrays:
    """Postings held as Python lists (Whoosh's pool; a segment of another codec)."""
    id_array = np.array(ids, dtype=np.uint32)
    weight_array = np.array(weights, dtype=np.float64)  # as computed: a block's maximum weight is of these
    if value_size == 0:
        return PostingArrays(id_array, weight_array, _EMPTY_BYTES, None, 0)
    data = np.frombuffer(b"".join(value or b"" for value in values), dtype=np.uint8)
    if value_size is not None:
        return PostingArrays(id_array, weight_array, data, None, value_size)
    lengths = np.fromiter((len(value or b"") for value in values), dtype=np.int64, count=len(values))
    return PostingArrays(id_array, weight_array, data, _offsets(lengths), 0)


def segment_term_arrays(codec, postfile, terminfo, format_, deleted: np.ndarray | None) -> PostingArrays:
    """A term's live postings in a stored segment, with the segment's own document numbers.

    `deleted`: the segment's deleted document numbers, sorted, or None.

    ArrayCodec blocks are read straight into arrays; any other codec's
    blocks through Whoosh's matcher (one conversion per list).
    """
    value_size = format_value_size(format_)
    matcher = codec.postings_reader(postfile, terminfo, format_)
    if not isinstance(matcher, ArrayLeafMatcher):
        ids: list[int] = []
        weights: list[float] = []
        values: list = []
        dropped = frozenset(deleted.tolist()) if deleted is not None else frozenset()
        for block_ids, block_weights, block_values in matcher_blocks(matcher, dropped, True, True):
            ids += block_ids
            weights += block_weights
            values += block_values
        return from_lists(ids, weights, values, value_size)
    id_parts, weight_parts, value_parts, length_parts = [], [], [], []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        count = matcher._blocklength
        stored_ids, stored_weights, stored_values = matcher._data
        deltas = np.frombuffer(stored_ids, dtype=UNSIGNED_BY_WIDTH[len(stored_ids) // count])
        id_parts.append(np.cumsum(deltas, dtype=np.uint32))
        weight_parts.append(stored_weight_array(count, stored_weights, stored_values))
        if value_size is None and holds_position_deltas(stored_values):
            lengths, data = _packed_values(*block_positions(count, stored_values))
            length_parts.append(lengths)
            value_parts.append(data)
        elif value_size is None:
            lengths, data = stored_values
            length_parts.append(np.frombuffer(lengths, dtype="<u4"))
            value_parts.append(np.frombuffer(data, dtype=np.uint8))
        elif value_size and holds_counts(stored_values):
            counts = stored_count_array(count, stored_values).astype(">u4")
            value_parts.append(counts.view(np.uint8))
        elif value_size:
            value_parts.append(np.frombuffer(stored_values, dtype=np.uint8))
        matcher._next_block()
    postings = PostingArrays(
        _concatenated(id_parts, _EMPTY_IDS),
        _concatenated(weight_parts, _EMPTY_WEIGHTS),
        _concatenated(value_parts, _EMPTY_BYTES),
        _offsets(_concatenated(length_parts, _EMPTY_IDS).astype(np.int64)) if value_size is None else None,
        value_size or 0,
    )
    if deleted is not None and len(postings):
        at = np.minimum(np.searchsorted(deleted, postings.ids), len(deleted) - 1)
        keep = deleted[at] != postings.ids
        if not keep.all():
            postings = postings.kept(keep)
    return postings


def _packed_values(counts: np.ndarray, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(byte length of each, all bytes) of the PackedPositions values of postings with these positions."""
    starts = np.arange(len(counts), dtype=np.int64)
    starts[1:] += np.cumsum(counts[:-1], dtype=np.int64)  # each value's count goes before its positions
    words = np.empty(len(counts) + len(positions), dtype=">u4")
    is_count = np.zeros(len(words), dtype=bool)
    is_count[starts] = True
    words[is_count] = counts
    words[~is_count] = positions
    return ((counts.astype(np.int64) + 1) * 4).astype("<u4"), words.view(np.uint8)


class _FrequencyCounts:
    """The narrow form (codec.FREQUENCY_COUNTS) of postings' Frequency values (uint32 counts), cut per block."""

    def __init__(self, postings: PostingArrays, starts: np.ndarray) -> None:
        self.counts = np.frombuffer(postings.values, dtype=">u4").astype(np.int64)
        self.widths = _widths(np.maximum.reduceat(self.counts, starts))
        self._counts = {width: self.counts.astype(f"<u{width}").tobytes() for width in set(self.widths)}

    def block(self, number: int, start: int, end: int) -> tuple[str, bytes]:
        """The stored values of the block of postings start to end (the `number`-th block)."""
        width = self.widths[number]
        return FREQUENCY_COUNTS, self._counts[width][start * width : end * width]


class _PositionDeltas:
    """The counts-and-deltas form (codec.POSITION_DELTAS) of postings' PackedPositions values, cut per block."""

    def __init__(self, postings: PostingArrays, starts: np.ndarray, ends: np.ndarray) -> None:
        words = np.frombuffer(postings.value_bytes(), dtype=">u4")
        counts, positions = split_packed(words, postings.value_lengths() // 4)
        counts, positions = counts.astype(np.int64), positions.astype(np.int64)
        firsts = np.zeros(len(counts) + 1, dtype=np.int64)  # where each posting's positions start; the end last
        np.cumsum(counts, out=firsts[1:])
        deltas = positions.copy()
        deltas[1:] -= positions[:-1]
        has_positions = counts > 0
        deltas[firsts[:-1][has_positions]] = positions[firsts[:-1][has_positions]]  # each posting's first from 0
        self.counts = counts
        self.position_starts, self.position_ends = firsts[starts].tolist(), firsts[ends].tolist()
        self.count_widths = _widths(np.maximum.reduceat(counts, starts))
        # A 0 after the last delta: every block's start is then an index, even where the last blocks have
        # no positions (reduceat's range of a block runs to the next block's start, so none is cut short).
        widest = np.maximum.reduceat(np.append(deltas, 0), firsts[starts])
        self.delta_widths = [
            width if start < end else 1
            for width, start, end in zip(_widths(widest), self.position_starts, self.position_ends, strict=True)
        ]
        self._counts = {width: counts.astype(f"<u{width}").tobytes() for width in set(self.count_widths)}
        self._deltas = {width: deltas.astype(f"<u{width}").tobytes() for width in set(self.delta_widths)}

    def block(self, number: int, start: int, end: int) -> tuple[str, bytes, bytes]:
        """The stored values of the block of postings start to end (the `number`-th block)."""
        count_width, delta_width = self.count_widths[number], self.delta_widths[number]
        first, last = self.position_starts[number], self.position_ends[number]
        return (
            POSITION_DELTAS,
            self._counts[count_width][start * count_width : end * count_width],
            self._deltas[delta_width][first * delta_width : last * delta_width],
        )


def _field_format(fieldwriter):
    """The format of the field being written (None if the writer does not say): which narrow form it stores,
    as the codec's writer decides (codec.stores_counts, codec.stores_position_deltas)."""
    field = getattr(fieldwriter, "_fieldobj", None)
    return None if field is None else field.format


def _widths(largest: np.ndarray) -> list[int]:
    """Bytes of the narrowest unsigned integer holding each of `largest` (1, 2 or 4)."""
    return np.where(largest < 1 << 8, 1, np.where(largest < 1 << 16, 2, 4)).tolist()


def _concatenated(parts: list[np.ndarray], empty: np.ndarray) -> np.ndarray:
    if not parts:
        return empty
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


class _BlockStats:
    """What W3TermInfo.add_block reads from a postings writer, for one block written from arrays."""

    __slots__ = ("_count", "_weights", "_first", "_last", "_minlength", "_maxlength", "_maxweight")

    def __init__(self, count: int, weight: float, first: int, last: int, minlength, maxlength: int, maxweight: float):
        self._count = count
        self._weights = (weight,)  # add_block sums them
        self._first, self._last = first, last
        self._minlength, self._maxlength, self._maxweight = minlength, maxlength, maxweight

    def __len__(self) -> int:
        return self._count

    def min_id(self) -> int:
        return self._first

    def max_id(self) -> int:
        return self._last

    def min_length(self):
        return self._minlength

    def max_length(self) -> int:
        return self._maxlength

    def max_weight(self) -> float:
        return self._maxweight


#: Longer than any field length: the shortest length of a block whose documents have none is "none".
_NO_LENGTH = np.iinfo(np.int64).max


def write_terms(fieldwriter, terms: list[bytes], parts: list[PostingArrays], field_lengths: np.ndarray | None) -> None:
    """Write the terms of the field being written, each with its postings, as ArrayCodec blocks.

    What start_term, add_posting for every posting and finish_term write
    (the blocks of the postings writer's size, each term's W3TermInfo in
    the terms table), with every block's statistics and encodings computed
    for all the terms at once: the loop left per block is the pickle, zlib
    and the writes.  `field_lengths`: each document's length in the field,
    as stored (0 where none), or None.
    """
    postwriter = fieldwriter._postwriter
    limit, compression = postwriter._blocklimit, postwriter._compression
    postfile, tindex = fieldwriter._postfile, fieldwriter._tindex
    prefix = pack_ushort(fieldwriter._fieldid)
    postings = joined(parts)
    counts = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    term_starts = np.cumsum(counts) - counts
    blocks_per_term = (counts + limit - 1) // limit
    block_term_starts = np.repeat(term_starts, blocks_per_term)
    block_numbers = np.arange(len(block_term_starts)) - np.repeat(
        np.cumsum(blocks_per_term) - blocks_per_term, blocks_per_term
    )
    starts = block_term_starts + block_numbers * limit
    ends = np.minimum(starts + limit, np.repeat(term_starts + counts, blocks_per_term))

    ids, exact_weights = postings.ids, postings.weights
    # What the blocks store (float32); Whoosh's block maximum is of the weights as given to add_posting.
    weights = exact_weights.astype(np.float32, copy=False)
    deltas = ids.copy()
    deltas[1:] -= ids[:-1]
    deltas[starts] = ids[starts]  # each block's first id is stored whole
    widths = _widths(np.maximum.reduceat(deltas, starts))
    encoded_ids = {width: deltas.astype(f"<u{width}").tobytes() for width in set(widths)}
    heaviest = np.maximum.reduceat(weights, starts)
    lightest = np.minimum.reduceat(weights, starts)
    first_weights = weights[starts]
    uniform = ((heaviest == first_weights) & (lightest == first_weights)).tolist()
    if exact_weights.dtype != np.float32:
        heaviest = np.maximum.reduceat(exact_weights, starts)
    weight_sums = np.add.reduceat(weights.astype(np.float64), starts).tolist()
    weight_bytes = weights.astype("<f4", copy=False).tobytes() if not all(uniform) else b""
    if field_lengths is not None:
        lengths = field_lengths[ids]
        shortest = np.minimum.reduceat(np.where(lengths > 0, lengths, _NO_LENGTH), starts).tolist()
        longest = np.maximum.reduceat(lengths, starts).tolist()
    else:
        shortest = [_NO_LENGTH] * len(starts)
        longest = [0] * len(starts)
    narrow: _FrequencyCounts | _PositionDeltas | None = None
    format_ = _field_format(fieldwriter)
    if postings.offsets is None and postings.value_size == 4 and format_ is not None and codec.stores_counts(format_):
        narrow = _FrequencyCounts(postings, starts)
    elif postings.offsets is None:
        size = postings.value_size
        value_bytes = postings.values.tobytes()
    elif format_ is not None and codec.stores_position_deltas(format_):
        narrow = _PositionDeltas(postings, starts, ends)
    else:
        value_lengths = postings.value_lengths().astype("<u4").tobytes()
        value_bytes = postings.value_bytes().tobytes()
        value_offsets = (postings.offsets - postings.offsets[0]).tolist()

    # Blocks whose weights are their counts (a field boost of 1) store no weights of their own.
    counted = np.logical_and.reduceat(weights == narrow.counts, starts).tolist() if narrow is not None else None
    first_weights, heaviest = first_weights.astype(np.float64).tolist(), heaviest.astype(np.float64).tolist()
    firsts, lasts = ids[starts].tolist(), ids[ends - 1].tolist()
    starts, ends = starts.tolist(), ends.tolist()
    block = 0
    for term, blocks in zip(terms, blocks_per_term.tolist(), strict=True):
        terminfo = W3TermInfo()
        startoffset = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        for number in range(blocks):
            start, end = starts[block], ends[block]
            width = widths[block]
            stored_ids = encoded_ids[width][start * width : end * width]
            if uniform[block]:
                stored_weights = None if first_weights[block] == 1.0 else first_weights[block]
            elif counted is not None and counted[block]:
                stored_weights = WEIGHTS_ARE_COUNTS
            else:
                stored_weights = weight_bytes[start * 4 : end * 4]
            if narrow is not None:
                stored_values = narrow.block(block, start, end)
            elif postings.offsets is None:
                stored_values = value_bytes[start * size : end * size] if size else None
            else:
                stored_values = (
                    value_lengths[start * 4 : end * 4],
                    value_bytes[value_offsets[start] : value_offsets[end]],
                )
            data, level = compressed(
                dumps((stored_ids, stored_weights, stored_values), DATA_PICKLE_PROTOCOL),
                0 if stored_uncompressed(stored_values) else compression,  # the codec's writer's rule
            )
            minlength = None if shortest[block] == _NO_LENGTH else shortest[block]
            maxweight = max(0.0, heaviest[block])
            terminfo.add_block(
                _BlockStats(
                    end - start, weight_sums[block], firsts[block], lasts[block], minlength, longest[block], maxweight
                )
            )
            info = dumps(
                (
                    end - start,
                    lasts[block],
                    maxweight,
                    level,
                    length_to_byte(minlength),
                    length_to_byte(longest[block]),
                ),
                2,
            )
            size_on_disk = len(info) + len(data)
            postfile.write_int(-size_on_disk if number == blocks - 1 else size_on_disk)
            postfile.write(info)
            postfile.write(data)
            block += 1
        terminfo.set_extent(startoffset, postfile.tell() - startoffset)
        tindex.add(prefix + term, terminfo.to_bytes())
