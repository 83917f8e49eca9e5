"""Whoosh field types that turn an article's text into postings in one pass.

Whoosh's generic path yields a Token object per character, bigram and word
and folds them through its formats' `word_values`: on a 1,000-issue import
that was about a fifth of the indexing time, for rows these fields compute
with a Counter (frequencies) or one dict of lists (bigram positions).  The
rows are exactly what Whoosh's own Frequency format, and the Positions
format with packed integers (PackedPositions), would store; the analyzers
stay on the fields for anything in Whoosh that asks for them.

The project's own segment writer does not call `index`: it builds these
fields' postings for many documents at once (bulk_fields), the same
postings; `index` is Whoosh's way, for any other writer.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Iterator
from functools import cache

from whoosh.fields import TEXT
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE, pack_uint

from reader.core.search.analysis import bigram_tokens, char_tokens, variant_tokens, word_tokens
from reader.core.search.whoosh27.analyzers import bigram_analyzer, char_analyzer, word_analyzer

#: (term as UTF-8 bytes, frequency, weight, encoded value): one posting of a document.
Row = tuple[bytes, int, float, bytes]

_PACKED_COUNTS = [pack_uint(count) for count in range(256)]


class PackedPositions(Positions):
    """Whoosh's Positions, with the positions as big-endian 32-bit integers instead of pickled deltas.

    The count comes first, as in Whoosh (its decode_frequency and decode_weight
    read it), then each position, absolute.  Why: a phrase check reads the
    positions of thousands of candidates; pickled, each value was a
    pickle.loads, where these decode a whole block at once with numpy
    (whoosh27.arrays.list_positions).  They are also smaller (8 bytes for
    one position instead of 12).  Whoosh's public API reads them through
    this format's decode_positions.
    """

    def encode(self, poslist) -> bytes:
        return struct.pack(f">{len(poslist) + 1}I", len(poslist), *poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        count = (len(valuestring) - _INT_SIZE) // _INT_SIZE
        return list(struct.unpack(f">{count}I", valuestring[_INT_SIZE : _INT_SIZE + count * _INT_SIZE]))


def _positions_value(places: list[int]) -> bytes:
    """PackedPositions.encode: the count, then each position."""
    return struct.pack(f">{len(places) + 1}I", len(places), *places)


@cache
def _single_position_value(position: int) -> bytes:
    return _positions_value([position])


def _packed_count(count: int) -> bytes:
    return _PACKED_COUNTS[count] if count < 256 else pack_uint(count)


def _frequency_rows(counts: Counter, field_boost: float) -> Iterator[Row]:
    """Rows of whoosh.formats.Frequency: the value is the packed count."""
    for term, count in counts.items():
        yield term.encode("utf-8"), count, count * field_boost, _packed_count(count)


class CharField(TEXT):
    """Every character of the text, with its count (exact match of one character).

    Also the variant tokens of the characters printed other than in their
    searchable form (analysis.variant_tokens): ranking puts the articles
    printed as the query is typed first.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(analyzer=char_analyzer(), phrase=False, **kwargs)

    def index(self, value: str, **kwargs) -> Iterator[Row]:
        counts = Counter(char_tokens(value))
        counts.pop(None, None)
        counts.update(variant_tokens(value))
        return _frequency_rows(counts, self.format.field_boost)


class BigramField(TEXT):
    """Character bigrams with their positions (exact match of a longer string, as a phrase; PackedPositions)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(analyzer=bigram_analyzer(), phrase=True, **kwargs)
        self.format = PackedPositions(field_boost=self.format.field_boost)

    def index(self, value: str, **kwargs) -> Iterator[Row]:
        positions: dict[str, list[int]] = {}
        for position, gram in enumerate(bigram_tokens(value)):
            if gram is not None:
                places = positions.get(gram)
                if places is None:
                    positions[gram] = [position]
                else:
                    places.append(position)
        field_boost = self.format.field_boost
        for gram, places in positions.items():
            count = len(places)
            # Most bigrams occur once in an article: their encodings are kept, one per position.
            value_bytes = _single_position_value(places[0]) if count == 1 else _positions_value(places)
            yield gram.encode("utf-8"), count, count * field_boost, value_bytes


class WordField(TEXT):
    """jieba words with their counts (ranking of whole-word matches)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(analyzer=word_analyzer(), phrase=False, **kwargs)

    def index(self, value: str, **kwargs) -> Iterator[Row]:
        counts = Counter(word_tokens(value))
        return _frequency_rows(counts, self.format.field_boost)
