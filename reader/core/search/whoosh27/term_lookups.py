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

A term is looked up in each segment's hash table (whoosh3's term file)
directly (_TermTable): Whoosh's own lookup takes 25 µs a segment through
its layers, two exceptions for a term the segment lacks, and re-encodes
the term for each; this takes about a third of that.  A long phrase asks
for some sixty candidate words (query_words), most of them in no segment:
at 10,000 issues that was 8 ms of a 12-character phrase's first search.

Reads the whoosh3 codec's private term reader, like postings.py, and falls
back to the public API for any other kind of segment reader.  No numpy: the
command line's search for a name the archive never printed stays cheap.
"""

from __future__ import annotations

from hashlib import md5
from typing import NamedTuple

from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.filedb.filetables import _lengths as _LENGTHS
from whoosh.filedb.filetables import _pointer as _SLOT
from whoosh.filedb.filetables import md5_hash
from whoosh.filedb.structfile import StructFile
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


class _TermTable:
    """One segment's whoosh3 term table, read as Whoosh's OrderedHashReader lays it out.

    Its layout is whoosh.filedb.filetables' (a slot: _SLOT, the key's hash and
    where its item is; an item: _LENGTHS of the key and value, then both).
    The same slots probed in the same order as HashReader.ranges_for_key,
    the first item whose key matches taken, as Whoosh's `term_info` takes it
    (tests compare the two on every term of an index and on absent ones).
    """

    def __init__(self, terms) -> None:
        index = terms._tindex
        self.tables = index.tables
        self.hash = index.hashfn
        self.key = terms._keycoder  # the field's number, then the term
        dbfile = index.dbfile
        if type(dbfile) is StructFile:  # a file (on disk, or in a compound file): its own seek and read
            raw = dbfile.file

            def get(position: int, length: int) -> bytes:
                raw.seek(position)
                return raw.read(length)

            self.get = get
        else:  # a file in memory (Whoosh's BufferFile): sliced, leaving the shared position alone, as Whoosh does
            self.get = dbfile.get

    @classmethod
    def of(cls, reader) -> _TermTable | None:
        """The table of a whoosh3 segment reader; None for any other kind (then Whoosh's API is asked)."""
        terms = getattr(reader, "_terms", None)
        try:
            return cls(terms) if terms is not None and isinstance(terms._tindex.tables, list) else None
        except AttributeError:
            return None

    def term_info(self, field: str, tbytes: bytes) -> W3TermInfo | None:
        """The term's TermInfo, or None when the segment lacks it."""
        value = self._value(self.key(field, tbytes))
        return None if value is None else W3TermInfo.from_bytes(value)

    def _value(self, key: bytes) -> bytes | None:
        if self.hash is md5_hash:  # its last 32 bits, without the hex string Whoosh makes of it
            keyhash = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")
        else:
            keyhash = self.hash(key)
        table_start, slots = self.tables[keyhash & 255]
        if not slots:
            return None
        get = self.get
        table_end = table_start + slots * _SLOT.size
        slot = table_start + ((keyhash >> 8) % slots) * _SLOT.size
        for _ in range(slots):
            slot_hash, item = _SLOT.unpack(get(slot, _SLOT.size))
            if not item:
                return None
            if slot_hash == keyhash:
                head = get(item, _LENGTHS.size + len(key))
                key_length, value_length = _LENGTHS.unpack_from(head)
                if key_length == len(key) and head[_LENGTHS.size :] == key:
                    return get(item + _LENGTHS.size + key_length, value_length)
            slot += _SLOT.size
            if slot == table_end:
                slot = table_start
        return None


def _entry(reader, table: _TermTable | None, field: str, text: str, tbytes: bytes | None):
    """The term's TermInfo in one segment (a _PublicEntry for other readers), or None when it lacks the term."""
    if table is not None and tbytes is not None:
        return table.term_info(field, tbytes)
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
        self._tables = [_TermTable.of(reader) for reader in readers]
        self._entries: dict[tuple[str, str], tuple] = {}

    def entries(self, field: str, text: str) -> tuple:
        """The term's entry in each segment, None where a segment lacks it."""
        key = (field, text)
        found = self._entries.get(key)
        if found is None:
            if len(self._entries) * max(1, len(self.readers)) >= MAX_ENTRIES:
                self._entries.clear()
            tbytes = self._term_bytes(field, text)
            found = self._entries[key] = tuple(
                _entry(reader, table, field, text, tbytes)
                for reader, table in zip(self.readers, self._tables, strict=True)
            )
        return found

    def _term_bytes(self, field: str, text: str) -> bytes | None:
        """The term as its field encodes it: once for every segment (they share the index's schema)."""
        reader = self.readers[0] if self.readers else None
        if reader is None or not hasattr(reader, "_text_to_bytes"):
            return None
        try:
            return reader._text_to_bytes(field, text)
        except (TermNotFound, KeyError, ValueError):  # a field the schema lacks: each segment says so Whoosh's way
            return None

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
