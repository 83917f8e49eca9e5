"""Narrow changes to Whoosh's segment writer, for import speed.

An article gives Whoosh about a thousand postings (characters, bigrams,
words).  Whoosh handles each one several times in Python: a size estimate
and type checks when it enters the posting pool, a place in one big sort of
(field, term, document, weight, value) tuples when the segment is flushed,
then a method call with type checks and a field-length lookup (a column
seek) when the codec writes it.  On a 1,000-issue import that was more than
half the indexing time.  Two changes, both writing exactly what Whoosh
writes (tests/core/test_index.py compares the postings of both):

**A pool that groups postings by term as they arrive** (`TermGroupedPool`).
Whoosh hands postings over in document order, so each term's list is
already in document order; a flush then sorts the distinct terms (a few
hundred thousand) instead of every posting (millions).  Should a pool
outgrow its memory limit it falls back to Whoosh's own sorted runs on disk.

**Blocks written a term at a time** (`_write_term_blocks`).  With the
postings of a term at hand as lists, each block of 128 is filled with
slices, and the shortest and longest field lengths come from a list per
field read once (postings.FieldLengthLists), not one column read per posting.
The same flush streams in the posting lists of segments being merged
(segment_merging), after the pool's own.

Installed when reader.core.search.index is imported, before any writer (and its
worker processes, which inherit it) exists.  This relies on Whoosh 2.7
internals (`whoosh.writing.PostingPool` looked up by SegmentWriter, the
W3 codec's block buffer); pyproject.toml pins the version.  Whoosh 2.7.5
accepts a `poolclass` writer option but ignores it, hence the module swap.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from whoosh import writing
from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.writing import PostingPool, SegmentWriter

from reader.core.search.postings import FieldLengthLists
from reader.core.search.segment_merging import SOURCES_ATTRIBUTE, MergeSource, merged_postings

#: Whoosh's own pool and flush, kept so a test can compare what they write.
WhooshPostingPool = PostingPool
whoosh_flush_segment = SegmentWriter._flush_segment

#: Rough memory of one posting in a term's list (three references, a float, a small bytes)
#: and of one term's entry in the pool: only to decide when to spill, as Whoosh does.
_POSTING_BYTES = 3 * 8 + 24 + 40
_TERM_BYTES = 200


class TermGroupedPool(PostingPool):
    """A posting pool keeping each term's postings together, in the order they came.

    `terms` maps (field name, term bytes) to a flat list
    [docnum, weight, value, docnum, weight, value, ...].
    """

    def __init__(self, tempstore, segment, limitmb=128, **kwargs) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        self.terms: dict[tuple[str, bytes], list] = {}

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, value = item
        postings = self.terms.get((fieldname, tbytes))
        if postings is None:
            self.terms[fieldname, tbytes] = [docnum, weight, value]
            self.fieldnames.add(fieldname)
            self.currentsize += _TERM_BYTES
        else:
            postings += (docnum, weight, value)
        self.currentsize += _POSTING_BYTES
        if self.currentsize > self.limit:
            self.save()

    def save(self) -> None:
        """Spill to a sorted run on disk, as Whoosh's pool does (memory limit, or a parent asks)."""
        self._ungroup()
        super().save()

    def items(self, maxfiles=128):
        self._ungroup()
        return super().items(maxfiles)

    def grouped_terms(self) -> dict[tuple[str, bytes], list] | None:
        """All postings grouped by term, or None once some went to disk."""
        return None if self.runs else self.terms

    def _ungroup(self) -> None:
        """Move the grouped postings into Whoosh's flat `current` list of tuples."""
        append = self.current.append
        for (fieldname, tbytes), postings in self.terms.items():
            for at in range(0, len(postings), 3):
                append((fieldname, tbytes, postings[at], postings[at + 1], postings[at + 2]))
        self.terms = {}


def _write_term_blocks(postwriter, docnums: list, weights: list, values: list, field_lengths) -> None:
    """Fill a W3 postings writer's block buffer slice by slice, as add_posting would one by one.

    The caller has started the term and finishes it: finish_postings writes
    the last block, as it does after add_posting.
    """
    limit = postwriter._blocklimit
    for start in range(0, len(docnums), limit):
        if start:
            postwriter._write_block()  # also starts a new, empty buffer
        block_docnums = docnums[start : start + limit]
        block_weights = weights[start : start + limit]
        postwriter._ids = array("I", block_docnums)
        postwriter._weights = array("f", block_weights)
        postwriter._values = [value for value in values[start : start + limit] if value]
        postwriter._maxweight = max(0, max(block_weights))
        if field_lengths is not None:
            lengths = [length for length in map(field_lengths.__getitem__, block_docnums) if length]
            if lengths:
                postwriter._minlength = min(lengths)
                postwriter._maxlength = max(lengths)


def _grouped_source(terms: dict) -> Iterator:
    """The pool's terms in order, each with a reader of its postings (as segment_merging.PostingSource)."""
    for key in sorted(terms):
        postings = terms.pop(key)  # freed as written
        yield key, lambda postings=postings: (postings[0::3], postings[1::3], postings[2::3])


def _write_postings(fieldwriter: W3FieldWriter, schema, lengths, postings) -> None:
    """What FieldWriter.add_postings does with a sorted stream, a whole term at a time."""
    current_field = None
    field_lengths = None
    for (fieldname, tbytes), (docnums, weights, values) in postings:
        if fieldname != current_field:
            if current_field is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            current_field = fieldname
            field_lengths = lengths.lengths(fieldname) if lengths else None
        fieldwriter.start_term(tbytes)
        _write_term_blocks(fieldwriter._postwriter, docnums, weights, values, field_lengths)
        fieldwriter.finish_term()


def _flush_segment(self: SegmentWriter) -> None:
    """SegmentWriter._flush_segment, writing whole terms: from the grouped pool and from merged segments.

    Segments chosen by segment_merging.MergePolicy have their documents
    already copied (numbered after this writer's own); their postings are
    streamed in here.  When the pool went to disk, or with another codec,
    merged postings go through the pool and Whoosh's own path, as in Whoosh.
    """
    self.perdocwriter.close()
    reader = self.per_document_reader() if self.codec.length_stats else None
    lengths = FieldLengthLists(reader) if reader else None
    merging: list[MergeSource] = getattr(self, SOURCES_ATTRIBUTE, [])
    grouped = self.pool.grouped_terms() if isinstance(self.pool, TermGroupedPool) else None
    try:
        if grouped is not None and isinstance(self.fieldwriter, W3FieldWriter):
            sources = [_grouped_source(grouped)] + [source.postings(self.schema) for source in merging]
            _write_postings(self.fieldwriter, self.schema, lengths, merged_postings(sources))
        else:
            for source in merging:
                self.add_postings_to_pool(source.reader, source.docbase, source.docmap)
            self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
    finally:
        for source in merging:
            source.close()
    self.fieldwriter.close()
    if reader:
        reader.close()


def install() -> None:
    """Use the grouped pool and the term-at-a-time flush in every segment writer (idempotent)."""
    writing.PostingPool = TermGroupedPool
    SegmentWriter._flush_segment = _flush_segment
