"""The text fields of a segment's new documents, turned into postings with numpy rather than one token at a time.

An article's characters, bigrams and words make about a thousand
postings; built token by token in Python (field rows, Whoosh's pool, a
list per term) they cost several times the CPU of jieba's segmentation.
Here each document's text becomes an array of token codes when it is added
(its folded characters, as analysis.char_tokens gives them, with a line
break marked), and its jieba words an array of word ids; every CHUNK_TOKENS
tokens the chunk's postings are built at once (`_group`: one sort of the
(term, document) keys, counts and positions from the sorted runs), and the
flush joins the chunks term by term (flush.py).  The postings are exactly
those the fields' own `index` methods give (whoosh27.fields), which
tests/core/test_index.py checks against Whoosh's own writer.

Token codes: a character token is its code point; a token of several
characters (NFKC expands a few: ℃ is "°c") and a variant token (CharField)
get a code from SYNTHETIC_BASE up, numbered per segment.  A bigram is its
two codes in one 64-bit key.  Code-point order is UTF-8 byte order, so
the terms come out in Whoosh's lexicon order without sorting strings, unless
a synthetic code is among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from reader.core.search import analysis
from reader.core.search.analysis import SEARCH_FORMS, char_tokens, spaced_line, variant_tokens
from reader.core.search.whoosh27.fields import BigramField, CharField, WordField
from reader.core.search.whoosh27.posting_arrays import PostingArrays, fixed_size, variable_size

#: The code of a line break between two tokens (analysis.char_tokens' None): no token, no bigram across it.
BREAK = ord("\n")
#: Codes of tokens that are not one character, from just past Unicode's last code point.
SYNTHETIC_BASE = 0x110000
#: Bits of one code in a bigram key (two codes in a 64-bit key; synthetic codes below 2**22).
CODE_BITS = 22
#: Tokens gathered before a chunk's postings are built: bounds the memory of the arrays the build sorts.
CHUNK_TOKENS = 4_000_000

_BIGRAM_LOW = np.uint64((1 << CODE_BITS) - 1)
_DOC_MASK = np.uint64(0xFFFFFFFF)


class TokenCodes(dict):
    """Tokens of more than one character (and variant tokens) to their synthetic codes, numbered on first sight."""

    def __missing__(self, token: str) -> int:
        code = SYNTHETIC_BASE + len(self)
        if code >= 1 << CODE_BITS:
            raise ValueError("too many distinct multi-character tokens in one segment")
        self[token] = code
        return code

    def text(self, code: int) -> str:
        if code < SYNTHETIC_BASE:
            return chr(code)
        if not hasattr(self, "_by_code") or len(self._by_code) != len(self):
            self._by_code = {value: key for key, value in self.items()}
        return self._by_code[code]


def text_codes(text: str, codes: TokenCodes) -> np.ndarray:
    """The token codes of `text` (uint32), one per position of analysis.char_tokens, BREAK for its None."""
    folded_lines = []
    for line in text.split("\n"):
        spaced = spaced_line(line)
        folded = spaced.translate(SEARCH_FORMS)
        if len(folded) != len(spaced) or "\n" in folded:  # a character folds to several: token by token
            return _token_codes(char_tokens(text), codes)
        folded_lines.append(folded)
    return np.frombuffer("\n".join(folded_lines).encode("utf-32-le"), dtype="<u4")


def _token_codes(tokens: list[str | None], codes: TokenCodes) -> np.ndarray:
    return np.array(
        [BREAK if token is None else ord(token) if len(token) == 1 else codes[token] for token in tokens],
        dtype=np.uint32,
    )


class WordIds(dict):
    """jieba words to ids, numbered on first sight (one vocabulary per segment)."""

    def __missing__(self, word: str) -> int:
        number = self[word] = len(self)
        return number


@dataclass
class FieldPostings:
    """One field's postings from a chunk of documents: its terms in lexicon order and where each one's start.

    Attributes:
        terms: each term as UTF-8 bytes, in byte order.
        starts: where each term's postings start in `postings`, then the end.
    """

    terms: list[bytes]
    starts: np.ndarray
    postings: PostingArrays

    def items(self) -> Iterator[tuple[bytes, PostingArrays]]:
        starts = self.starts.tolist()
        part = self.postings.part
        for number, term in enumerate(self.terms):
            yield term, part(starts[number], starts[number + 1])


class _FieldBuffer:
    """One text field's documents since the last chunk: their numbers and token arrays."""

    def __init__(self, name: str, boost: float) -> None:
        self.name = name
        self.boost = boost
        self.docnums: list[int] = []
        self.arrays: list[np.ndarray] = []
        self.tokens = 0

    def add(self, docnum: int, array: np.ndarray) -> None:
        self.docnums.append(docnum)
        self.arrays.append(array)
        self.tokens += len(array)

    def taken(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(every token end to end, each token's document, each token's position in it); the buffer emptied."""
        lengths = np.fromiter(map(len, self.arrays), dtype=np.int64, count=len(self.arrays))
        tokens = np.concatenate(self.arrays) if self.arrays else np.empty(0, dtype=np.uint32)
        docs = np.repeat(np.array(self.docnums, dtype=np.uint32), lengths)
        starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
        positions = np.arange(len(tokens), dtype=np.int64) - starts
        self.docnums, self.arrays, self.tokens = [], [], 0
        return tokens, docs, positions


class TextPostingsBuilder:
    """A segment's CharField, BigramField and WordField postings, gathered per document and built per chunk.

    `add` takes a document's value for one such field and returns the
    field's length in that document (what Whoosh stores for ranking);
    `field_postings` gives each field's chunks, in order, for the flush.
    """

    def __init__(self) -> None:
        self.codes = TokenCodes()
        self.word_ids = WordIds()
        self.buffers: dict[str, _FieldBuffer] = {}
        self.chunks: dict[str, list[FieldPostings]] = {}
        self.kinds: dict[str, type] = {}
        self._last_text: str | None = None
        self._last_codes: np.ndarray | None = None

    @staticmethod
    def handles(field) -> bool:
        return isinstance(field, (CharField, BigramField, WordField))

    def add(self, fieldname: str, field, docnum: int, value: str) -> int:
        buffer = self.buffers.get(fieldname)
        if buffer is None:
            buffer = self.buffers[fieldname] = _FieldBuffer(fieldname, field.format.field_boost)
            self.kinds[fieldname] = type(field)
            self.chunks[fieldname] = []
        if isinstance(field, WordField):
            words = analysis.word_tokens(value)
            array = np.fromiter(map(self.word_ids.__getitem__, words), dtype=np.uint32, count=len(words))
            length = len(array)
        else:
            codes = self._text_codes(value)
            if isinstance(field, CharField):
                array = codes[codes != BREAK]
                variants = variant_tokens(value)
                if variants:
                    array = np.concatenate([array, np.array([self.codes[v] for v in variants], dtype=np.uint32)])
                length = len(array)
            else:
                array = codes
                pairs = len(codes) - 1
                length = int(pairs - np.count_nonzero((codes[:-1] == BREAK) | (codes[1:] == BREAK))) if pairs > 0 else 0
        buffer.add(docnum, array)
        return length

    def document_done(self) -> None:
        """After each document: build a chunk of any field that has gathered CHUNK_TOKENS tokens."""
        for buffer in self.buffers.values():
            if buffer.tokens >= CHUNK_TOKENS:
                self._build_chunk(buffer)

    def cancel_document(self, docnum: int) -> None:
        """Take back what a document that failed half-way added (chunks are built between documents only)."""
        for buffer in self.buffers.values():
            while buffer.docnums and buffer.docnums[-1] == docnum:
                buffer.docnums.pop()
                buffer.tokens -= len(buffer.arrays.pop())

    def _text_codes(self, value: str) -> np.ndarray:
        """The text's codes, kept for the next field: chars and bigrams (headline and body) index the same text."""
        if self._last_text is not value and self._last_text != value:
            self._last_text, self._last_codes = value, text_codes(value, self.codes)
        return self._last_codes

    def _build_chunk(self, buffer: _FieldBuffer) -> None:
        if not buffer.docnums:
            return
        tokens, docs, positions = buffer.taken()
        kind = self.kinds[buffer.name]
        if kind is BigramField:
            postings = self._bigram_postings(tokens, docs, positions, buffer.boost)
        elif kind is CharField:
            postings = _frequency_postings(tokens, docs, buffer.boost, self._char_texts)
        else:
            postings = _frequency_postings(tokens, docs, buffer.boost, self._word_texts)
        if postings is not None:
            self.chunks[buffer.name].append(postings)

    def field_postings(self) -> dict[str, list[FieldPostings]]:
        """Every field's chunks of postings, the last one built now (each chunk's documents after the last's)."""
        for buffer in self.buffers.values():
            self._build_chunk(buffer)
        return self.chunks

    def _char_texts(self, codes: np.ndarray) -> list[str] | None:
        """The terms of `codes`, or None when code order is already term order (no synthetic code)."""
        if not len(codes) or int(codes[-1]) < SYNTHETIC_BASE:
            return None
        return [self.codes.text(code) for code in codes.tolist()]

    def _word_texts(self, ids: np.ndarray) -> list[str]:
        words = list(self.word_ids)
        return [words[number] for number in ids.tolist()]

    def _bigram_texts(self, keys: np.ndarray) -> list[str] | None:
        firsts, seconds = (keys >> np.uint64(CODE_BITS)), (keys & _BIGRAM_LOW)
        if not len(keys) or (int(firsts.max()) < SYNTHETIC_BASE and int(seconds.max()) < SYNTHETIC_BASE):
            return None
        text = self.codes.text
        return [text(first) + text(second) for first, second in zip(firsts.tolist(), seconds.tolist(), strict=True)]

    def _bigram_postings(self, tokens, docs, positions, boost: float) -> FieldPostings | None:
        if len(tokens) < 2:
            return None
        firsts, seconds = tokens[:-1], tokens[1:]
        keep = (docs[:-1] == docs[1:]) & (firsts != BREAK) & (seconds != BREAK)
        keys = (firsts[keep].astype(np.uint64) << np.uint64(CODE_BITS)) | seconds[keep].astype(np.uint64)
        if not len(keys):
            return None
        terms, ranks = _ranked_terms(keys, self._bigram_texts, bigrams=True)
        # Stable: a document's positions stay ascending, also where two keys spell one term (_ranked_terms).
        order = np.argsort((ranks << np.uint64(32)) | docs[:-1][keep].astype(np.uint64), kind="stable")
        ranks, posting_docs, places = ranks[order], docs[:-1][keep][order], positions[:-1][keep][order]
        # A posting starts where the (term, document) pair changes.
        change = np.ones(len(order), dtype=bool)
        change[1:] = (ranks[1:] != ranks[:-1]) | (posting_docs[1:] != posting_docs[:-1])
        first = np.flatnonzero(change)
        counts = np.diff(np.append(first, len(order)))
        # PackedPositions values end to end: each posting's count, then its positions (big-endian uint32).
        words = np.empty(len(order) + len(first), dtype=">u4")
        count_at = first + np.arange(len(first))
        is_position = np.ones(len(words), dtype=bool)
        is_position[count_at] = False
        words[count_at] = counts
        words[is_position] = places
        offsets = np.zeros(len(first) + 1, dtype=np.int64)
        np.cumsum((counts + 1) * 4, out=offsets[1:])
        postings = variable_size(posting_docs[first], _weights(counts, boost), words.view(np.uint8), offsets)
        return FieldPostings(terms, _term_starts(ranks[first], len(first)), postings)


def _weights(counts: np.ndarray, boost: float) -> np.ndarray:
    """Each posting's weight as Whoosh computes it (count * field boost, float64), as float32 when that is exact.

    A block stores float32, but Whoosh's block header holds the largest
    weight as computed (count * 1.1 is not a float32): float64 is kept for
    write_terms only where float32 would change it (half the memory otherwise).
    """
    weights = counts * boost
    narrow = weights.astype(np.float32)
    return narrow if np.array_equal(narrow, weights) else weights


def _ranked_terms(keys: np.ndarray, texts, bigrams: bool) -> tuple[list[bytes], np.ndarray]:
    """(the distinct terms as UTF-8 bytes in byte order, each key's rank among them as uint64).

    `texts` gives the distinct keys' terms, or None when key order is term order.
    Two keys may spell one term (bigrams of tokens NFKC made of several
    characters: "…" is "...", so "…" then "." and "." then "…" are both
    "...."): they get one rank, as Whoosh sees one term.
    """
    distinct, inverse = np.unique(keys, return_inverse=True)
    strings = texts(distinct)
    if strings is None:
        return _code_terms(distinct, bigrams), inverse.astype(np.uint64)
    encoded = [string.encode("utf-8") for string in strings]
    order = sorted(range(len(encoded)), key=encoded.__getitem__)
    ordered = [encoded[number] for number in order]
    new_term = np.ones(len(ordered), dtype=bool)
    new_term[1:] = np.fromiter(map(bytes.__ne__, ordered[1:], ordered[:-1]), dtype=bool, count=len(ordered) - 1)
    rank_of = np.empty(len(order), dtype=np.uint64)
    rank_of[np.array(order, dtype=np.int64)] = np.cumsum(new_term, dtype=np.uint64) - np.uint64(1)
    return list(dict.fromkeys(ordered)), rank_of[inverse]


def _code_terms(distinct: np.ndarray, bigrams: bool) -> list[bytes]:
    """Terms of keys below SYNTHETIC_BASE: one code point, or two in a bigram key."""
    if not bigrams:
        return [chr(code).encode("utf-8") for code in distinct.tolist()]
    firsts = (distinct >> np.uint64(CODE_BITS)).tolist()
    seconds = (distinct & _BIGRAM_LOW).tolist()
    return [(chr(first) + chr(second)).encode("utf-8") for first, second in zip(firsts, seconds, strict=True)]


def _term_starts(posting_ranks: np.ndarray, count: int) -> np.ndarray:
    """Where each term's postings start (ranks run 0, 1, ... with no gap), then the end."""
    change = np.ones(len(posting_ranks), dtype=bool)
    change[1:] = posting_ranks[1:] != posting_ranks[:-1]
    return np.append(np.flatnonzero(change), count)


def _frequency_postings(tokens, docs, boost: float, texts) -> FieldPostings | None:
    """Postings of a Frequency field: one per (term, document), its count as weight and packed value."""
    if not len(tokens):
        return None
    terms, ranks = _ranked_terms(tokens.astype(np.uint64, copy=False), texts, bigrams=False)
    keys, counts = np.unique((ranks << np.uint64(32)) | docs.astype(np.uint64), return_counts=True)
    postings = fixed_size(
        (keys & _DOC_MASK).astype(np.uint32),
        _weights(counts, boost),
        counts.astype(">u4").view(np.uint8),
        4,
    )
    return FieldPostings(terms, _term_starts(keys >> np.uint64(32), len(keys)), postings)
