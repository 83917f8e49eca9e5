"""Whoosh's W3 codec with each posting block stored as packed arrays instead of pickled Python objects.

Whoosh pickles a block as a tuple of a Python int per document number,
a float per weight and a `bytes` per encoded value: reading a 1,024-posting
block of a bigram unpickled about 3,000 objects (a third of a search's time
on a fresh view of a 10,000-issue archive, the rest mostly zlib).  This codec
stores the same block as a pickled tuple of three byte strings instead:

- the document-number deltas as unsigned integers of the narrowest width
  that holds them (1, 2 or 4 bytes, little-endian; the width is the data's
  length over the block's posting count, which the block header gives);
- the weights as Whoosh minifies them (None when all 1.0, one float when
  all equal), else as little-endian float32 (what Whoosh's block buffer
  holds anyway: `array("f")`);
- counts (whoosh.formats.Frequency: the character and word fields) as a
  pair (FREQUENCY_COUNTS, counts) of the narrowest width, where Whoosh
  stores four bytes each; other fixed-size values joined (as Whoosh);
- positions (fields.PackedPositions) as a triple (POSITION_DELTAS, counts,
  deltas): each document's count of positions, and its positions as the
  difference from the one before (the first from 0), each array unsigned of
  the narrowest width that holds it.  Such a block is stored uncompressed:
  the deltas take about two bytes a position where zlib made four bytes
  into one and a half, and reading them is one numpy decode where zlib cost
  half of a phrase check's time on a long posting list (and a fifth of the
  writing).  Blocks of earlier versions hold other variable-size values as
  a pair (their lengths as little-endian uint32, the values joined) and
  still read, as do blocks holding a Frequency's counts as four bytes each.
  Where each weight is its posting's count (a field boost of 1: every field
  but the headline words), the weights are stored as WEIGHTS_ARE_COUNTS
  instead of again as floats: a block of counts is then about a third of
  what zlib had to unpack before.

The tuple is pickled with protocol 4 rather than 2, and left uncompressed
when short (UNCOMPRESSED_BELOW) or holding position deltas (the block
header says so, as Whoosh's format allows: any reader of this codec reads
either; stored_uncompressed).  Everything else (block header, term info, file layout) is
Whoosh's, so Whoosh's own matcher code reads the header and skips blocks
unchanged.
The matcher below decodes the arrays back into the tuples Whoosh's
public API expects (merging, the public-API fallbacks, tests); search reads
the byte strings straight into numpy (whoosh27.arrays).  Segments written
by an older codec keep their own codec (pickled with the segment), and
still read.  The segment writer builds these blocks from arrays
(posting_arrays.write_terms); this writer is Whoosh's path for postings
given one at a time.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from itertools import accumulate, chain
from operator import sub
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3PostingsWriter
from whoosh.formats import Frequency
from whoosh.system import _INT_SIZE, pack_uint
from whoosh.util.numeric import length_to_byte

#: Pickle protocol of a block's data tuple.  Whoosh pickles it with protocol 2, which stores a
#: `bytes` as text to be encoded back to Latin-1 on loading: protocol 4 stores it as it is, the
#: data is about a tenth smaller and a 1,024-posting block loads in less than half the time.
#: Whoosh's reader unpickles any protocol, so blocks of either kind read.
DATA_PICKLE_PROTOCOL = 4

#: Blocks whose pickled data is shorter are stored uncompressed (0 in the block header, which
#: Whoosh's reader honours per block): zlib's set-up costs tens of microseconds a call, more than
#: the few bytes it saves on the short posting lists of most terms, at writing and at reading.
UNCOMPRESSED_BELOW = 512


#: First item of a block's stored positions in the counts-and-deltas form (see the module docstring).
POSITION_DELTAS = "deltas"


#: First item of a block's stored counts of a Frequency format (see the module docstring).
FREQUENCY_COUNTS = "frequencies"
#: A block's stored weights when each is its posting's count (stored with the values: counts or positions).
WEIGHTS_ARE_COUNTS = "counts"


def _is_marker(stored, marker: str) -> bool:
    """Whether a stored item is the marker (a str: never compared with bytes, which warns under -b)."""
    return isinstance(stored, str) and stored == marker


def weights_are_counts(stored_weights) -> bool:
    """Whether a block's stored weights are the WEIGHTS_ARE_COUNTS marker (its values then hold the counts)."""
    return _is_marker(stored_weights, WEIGHTS_ARE_COUNTS)


def holds_counts(stored_values) -> bool:
    """Whether a block's stored values are a Frequency's counts in the narrow form."""
    return (
        isinstance(stored_values, tuple) and len(stored_values) == 2 and _is_marker(stored_values[0], FREQUENCY_COUNTS)
    )


def holds_position_deltas(stored_values) -> bool:
    """Whether a block's stored values are positions as counts and deltas (else: Whoosh's or the older pair)."""
    return (
        isinstance(stored_values, tuple) and len(stored_values) == 3 and _is_marker(stored_values[0], POSITION_DELTAS)
    )


def stored_uncompressed(stored_values) -> bool:
    """Whether a block holding these values is stored without zlib: positions in the counts-and-deltas form.

    Their narrow deltas take about the room zlib made of the absolute
    positions, and zlib was half of a phrase check's time on a long list.
    Counts stay compressed: stored without zlib they made the 10,000-issue
    index a fifth larger (572 -> 684 MB) and searches no faster (an
    interleaved A/B of the first-run mix on both indexes).
    """
    return holds_position_deltas(stored_values)


def compressed(data: bytes, level: int) -> tuple[bytes, int]:
    """(the block data as stored, the compression level for its header)."""
    if not level or len(data) < UNCOMPRESSED_BELOW:
        return data, 0
    return zlib.compress(data, level), level


#: array typecodes of unsigned integers by byte width (1, 2 and 4 bytes on every platform CPython supports).
UNSIGNED_BY_WIDTH = {1: "B", 2: "H", 4: "I"}
_LITTLE_ENDIAN = sys.byteorder == "little"


def _little_endian_bytes(values: array) -> bytes:
    """The array's items as little-endian bytes, whatever the machine's byte order."""
    if not _LITTLE_ENDIAN:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _from_little_endian(typecode: str, data: bytes) -> array:
    values = array(typecode)
    values.frombytes(data)
    if not _LITTLE_ENDIAN:
        values.byteswap()
    return values


def narrowest_unsigned(numbers) -> array:
    """`numbers` (non-negative, < 2**32) in an array of the narrowest unsigned type that holds the largest."""
    largest = max(numbers, default=0)
    typecode = "B" if largest < 1 << 8 else "H" if largest < 1 << 16 else "I"
    return array(typecode, numbers)


def id_deltas(ids) -> array:
    """Each document number minus the one before it (the first minus 0), as Whoosh's delta_encode."""
    return narrowest_unsigned(list(map(sub, ids, chain((0,), ids))))


def position_deltas(values) -> tuple[str, bytes, bytes]:
    """PackedPositions values (count, then each position, big-endian uint32) as stored: counts and deltas."""
    counts: list[int] = []
    deltas: list[int] = []
    for value in values:
        numbers = array("I", value)
        if _LITTLE_ENDIAN:
            numbers.byteswap()
        counts.append(numbers[0])
        deltas.extend(map(sub, numbers[1:], chain((0,), numbers[1:])))
    return (
        POSITION_DELTAS,
        _little_endian_bytes(narrowest_unsigned(counts)),
        _little_endian_bytes(narrowest_unsigned(deltas)),
    )


def frequency_counts(values) -> tuple[str, bytes]:
    """Frequency values (each a count as a big-endian uint32) as stored: the counts, narrowest width."""
    counts = array("I", b"".join(values))
    if _LITTLE_ENDIAN:
        counts.byteswap()
    return FREQUENCY_COUNTS, _little_endian_bytes(narrowest_unsigned(counts))


def stored_counts(stored_values, postings: int) -> array:
    """Each posting's count in a block whose values are counts or positions in the narrow forms."""
    counts = stored_values[1]
    return _from_little_endian(UNSIGNED_BY_WIDTH[len(counts) // postings], counts)


def packed_positions(stored_values, postings: int) -> list[bytes]:
    """The PackedPositions value of each of a block's `postings` from its counts and deltas."""
    _, _, stored_deltas = stored_values
    counts = stored_counts(stored_values, postings)
    total = sum(counts)
    deltas = _from_little_endian(UNSIGNED_BY_WIDTH[len(stored_deltas) // total], stored_deltas) if total else ()
    values, start = [], 0
    for count in counts:
        numbers = array("I", [count])
        numbers.extend(accumulate(deltas[start : start + count]))
        if _LITTLE_ENDIAN:
            numbers.byteswap()
        values.append(numbers.tobytes())
        start += count
    return values


def stores_position_deltas(format_) -> bool:
    """Whether a field's positions are stored as counts and deltas (PackedPositions; fields imports no codec)."""
    from reader.core.search.whoosh27.fields import PackedPositions

    return isinstance(format_, PackedPositions)


def stores_counts(format_) -> bool:
    """Whether a field's values are counts stored in the narrow form (Whoosh's Frequency: a uint32 each)."""
    return isinstance(format_, Frequency) and format_.fixed_value_size() == _INT_SIZE


class ArrayPostingsWriter(W3PostingsWriter):
    """W3PostingsWriter whose blocks hold byte strings (see the module docstring)."""

    def _mini_ids(self) -> bytes:
        return _little_endian_bytes(id_deltas(self._ids))

    def _mini_weights(self):
        weights = self._weights
        if not isinstance(weights, array) or weights.typecode != "f":
            weights = array("f", weights)
        first = weights[0]
        if weights.count(first) == len(weights):
            return None if first == 1.0 else first
        return _little_endian_bytes(weights)

    def _mini_values(self):
        fixedsize = self._format.fixed_value_size()
        if fixedsize is not None and fixedsize >= 0:
            return frequency_counts(self._values) if stores_counts(self._format) else super()._mini_values()
        values = self._values
        if stores_position_deltas(self._format):
            return position_deltas(values)
        return _little_endian_bytes(array("I", map(len, values))), b"".join(values)

    def _write_block(self, last=False):
        """Whoosh's _write_block, the data tuple pickled with DATA_PICKLE_PROTOCOL, short data left uncompressed."""
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        values = self._mini_values()
        weights = self._mini_weights()
        if isinstance(weights, bytes) and (holds_position_deltas(values) or holds_counts(values)):
            if list(self._weights) == list(stored_counts(values, len(self._ids))):
                weights = WEIGHTS_ARE_COUNTS
        data = dumps((self._mini_ids(), weights, values), DATA_PICKLE_PROTOCOL)
        databytes, level = compressed(data, 0 if stored_uncompressed(values) else self._compression)
        ids = self._ids
        infobytes = dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                level,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):
    """W3LeafMatcher reading ArrayPostingsWriter's blocks into the tuples Whoosh's matcher API expects."""

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        data = self._data[0]
        width = len(data) // self._blocklength
        self._ids = tuple(accumulate(_from_little_endian(UNSIGNED_BY_WIDTH[width], data)))

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        weights = self._data[1]
        if weights_are_counts(weights):
            self._weights = array("f", stored_counts(self._data[2], self._blocklength))
        elif weights is None:
            self._weights = array("f", [1.0]) * self._blocklength
        elif isinstance(weights, float):
            self._weights = array("f", [weights]) * self._blocklength
        else:
            self._weights = _from_little_endian("f", weights)

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        if holds_counts(self._data[2]):
            self._values = tuple(map(pack_uint, stored_counts(self._data[2], self._blocklength)))
            return
        if self._fixedsize is not None and self._fixedsize >= 0:
            super()._read_values()
            return
        if holds_position_deltas(self._data[2]):
            self._values = tuple(packed_positions(self._data[2], self._blocklength))
            return
        lengths, joined = self._data[2]
        ends = list(accumulate(_from_little_endian("I", lengths)))
        self._values = tuple(joined[start:end] for start, end in zip(chain((0,), ends), ends, strict=False))


class ArrayCodec(W3Codec):
    """W3Codec writing and reading posting blocks as packed arrays (document postings; vectors stay Whoosh's)."""

    def postings_writer(self, dbfile, byteids=False):
        if byteids:
            return super().postings_writer(dbfile, byteids=byteids)
        return ArrayPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=False,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
