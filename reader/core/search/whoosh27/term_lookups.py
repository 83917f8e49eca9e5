"""Term-dictionary entries of one view of the index, each looked up once.

A search asks about each term of a query several times: whether any
segment has it at all (a query that cannot match is answered before numpy
is loaded), its document frequency (bigrams are checked rarest first; BM25's
idf) and then its posting list.  Whoosh answers each question by hashing the
term and probing the hash table of every segment's term dictionary in
Python, some 20 µs a segment: on a 10,000-issue archive of six segments a
tenth of a first search went into asking the same questions again.  Here a
term's entry in each segment (Whoosh's TermInfo: document frequency, and
where the postings lie) is read once per view and kept, and the postings
are opened straight from it.

Reads the whoosh3 codec's private term reader, like postings.py, and falls
back to the public API for any other kind of segment reader.  No numpy: the
command line's search for a name the archive never printed stays cheap.
"""

from __future__ import annotations

from typing import NamedTuple

from whoosh.reading import TermNotFound

from reader.core.search.whoosh27.codec import ArrayCodec

#: Entries (terms times segments) kept per view before they are forgotten and read again: a reading
#: room searching all day asks about tens of thousands of terms (query_words tries many candidate
#: words), and an entry is a TermInfo of about 360 bytes: at most about 30 MB.
MAX_ENTRIES = 80_000


class PostingRegion(NamedTuple):
    """Where a term's postings lie in a segment written by codec.ArrayCodec (whoosh27.arrays reads them).

    Search reads such postings straight from the file: a Whoosh matcher would
    read the first block's header on opening (two seeks, three reads) only
    for search to read the region again.
    """

    postfile: object
    offset: int
    length: int

    @classmethod
    def at(cls, postfile, offset: int, length) -> PostingRegion:
        """The region as Whoosh's TermInfo or matcher gives it: a term info read from disk has its length as a
        1-tuple (Whoosh's unpack_int without [0])."""
        return cls(postfile, offset, length[0] if isinstance(length, tuple) else length)


class _PublicEntry:
    """A term's entry in a reader without a whoosh3 term dictionary (an empty index): the public API's answers."""

    def __init__(self, frequency: int) -> None:
        self.frequency = frequency

    def doc_frequency(self) -> int:
        return self.frequency


def _entry(reader, field: str, text: str):
    """The term's TermInfo in one segment (a _PublicEntry for other readers), or None when it lacks the term."""
    terms = getattr(reader, "_terms", None)
    if terms is None or not hasattr(terms, "term_info") or not hasattr(reader, "_text_to_bytes"):
        frequency = reader.doc_frequency(field, text)
        return _PublicEntry(frequency) if frequency else None
    try:
        return terms.term_info(field, reader._text_to_bytes(field, text))
    except (TermNotFound, KeyError):
        return None


class TermLookups:
    """Each term's entry in every segment of one view; `readers` in the view's (base) order."""

    def __init__(self, readers: list) -> None:
        self.readers = readers
        self._entries: dict[tuple[str, str], tuple] = {}

    def entries(self, field: str, text: str) -> tuple:
        """The term's entry in each segment, None where a segment lacks it."""
        key = (field, text)
        found = self._entries.get(key)
        if found is None:
            if len(self._entries) * max(1, len(self.readers)) >= MAX_ENTRIES:
                self._entries.clear()
            found = self._entries[key] = tuple(_entry(reader, field, text) for reader in self.readers)
        return found

    def doc_frequency(self, field: str, text: str) -> int:
        """Documents with the term in any segment (deleted ones still counted, as Whoosh counts them)."""
        return sum(entry.doc_frequency() for entry in self.entries(field, text) if entry is not None)

    def postings(self, segment: int, field: str, text: str):
        """Whoosh's matcher of the term's postings in the `segment`-th reader (deletions not filtered), or None."""
        entry = self.entries(field, text)[segment]
        if entry is None:
            return None
        reader = self.readers[segment]
        if isinstance(entry, _PublicEntry):
            return reader.postings(field, text)
        tbytes = reader._text_to_bytes(field, text)
        terms = reader._terms
        return terms._codec.postings_reader(terms._postfile, entry, reader.schema[field].format, term=(field, tbytes))

    def source(self, segment: int, field: str, text: str):
        """The term's postings in the `segment`-th reader for whoosh27.arrays: a PostingRegion where
        ArrayCodec wrote them, else Whoosh's matcher (postings()), None where the segment lacks the term."""
        entry = self.entries(field, text)[segment]
        if entry is None:
            return None
        terms = getattr(self.readers[segment], "_terms", None)
        codec = getattr(terms, "_codec", None)
        if not isinstance(codec, ArrayCodec) or isinstance(entry, _PublicEntry) or entry.is_inlined():
            return self.postings(segment, field, text)
        return PostingRegion.at(terms._postfile, *entry.extent())
