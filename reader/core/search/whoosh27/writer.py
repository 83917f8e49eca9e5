"""The project's segment writer: Whoosh's, with the grouped pool and the term-at-a-time flush.

Whoosh 2.7.5 accepts a `poolclass` writer option but ignores it, and
`Index.writer()` always builds a stock SegmentWriter; so the writer is a
subclass, built by `open_segment_writer` instead of `ix.writer()`.  Nothing
in Whoosh is changed: a stock writer still writes as Whoosh does (the tests
compare the two), and a process that never asks for this writer never gets it.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh.index import clean_files
from whoosh.util.text import utf8encode
from whoosh.writing import SegmentWriter

from reader.core.search.whoosh27.bulk_fields import TextPostingsBuilder
from reader.core.search.whoosh27.codec import ArrayCodec
from reader.core.search.whoosh27.flush import flush_segment
from reader.core.search.whoosh27.pool import TermGroupedPool

#: Postings per block of a posting list (Whoosh writes 128).  Search decodes whole lists into arrays
#: (posting_cache), and each block costs a fixed ~20 µs of Python besides its zlib: 1,024 a block
#: decodes a common character's list about twice as fast.  Blocks are codec.ArrayCodec's.
BLOCK_POSTINGS = 1024


class TunedSegmentWriter(SegmentWriter):
    """A SegmentWriter whose text fields' postings are built in bulk (bulk_fields), the rest grouped by term,
    and whose flush writes whole terms, in ArrayCodec blocks.

    Attributes:
        text_postings: the new documents' CharField, BigramField and WordField postings.
    """

    def __init__(self, ix, limitmb: int = 128, codec=None, **kwargs) -> None:
        super().__init__(ix, limitmb=limitmb, codec=codec or ArrayCodec(blocklimit=BLOCK_POSTINGS), **kwargs)
        # Whoosh's own pool has written nothing yet (it writes only when it spills): replaced whole.
        self.pool = TermGroupedPool(self._tempstorage, self.newsegment, limitmb=limitmb)
        self.text_postings = TextPostingsBuilder()
        #: Whether the flush writes ArrayCodec blocks from arrays (flush.py); else every field goes Whoosh's way.
        self.writes_arrays = isinstance(self.codec, ArrayCodec)

    def add_document(self, **fields) -> None:
        """Whoosh's add_document, with the text fields' postings gathered by `text_postings`.

        A field keeps Whoosh's path (field.index, the pool) when it is of
        another type or asks for what bulk building does not do (a boost, a
        list of values, vectors, spelling).  A document that fails is
        taken back from `text_postings` too, as Whoosh cancels it.
        """
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                fieldboost = self._field_boost(fields, fieldname, docboost)
                if self._bulk(field, value, fieldboost):
                    length = self.text_postings.add(fieldname, field, docnum, value)
                    self._add_per_document(fields, fieldname, field, value, length if field.scorable else 0)
                else:
                    self._add_whooshs_way(fields, fieldname, field, value, fieldboost, docnum)
        except Exception:
            perdocwriter.cancel_doc()
            self.text_postings.cancel_document(docnum)
            raise
        perdocwriter.finish_doc()
        self.text_postings.document_done()
        self._added = True
        self.docnum += 1

    def _bulk(self, field, value, fieldboost: float) -> bool:
        return (
            self.writes_arrays
            and field.indexed
            and fieldboost == 1.0
            and isinstance(value, str)
            and not field.vector
            and not field.separate_spelling()
            and self.text_postings.handles(field)
        )

    def _add_per_document(self, fields: dict, fieldname: str, field, value, length: int) -> None:
        """The stored value, length and column value of one field (as Whoosh's add_document)."""
        customval = fields.get(f"_stored_{fieldname}", value)
        self.perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
        column = field.column_type
        if column and customval is not None:
            self.perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))

    def _add_whooshs_way(self, fields: dict, fieldname: str, field, value, fieldboost: float, docnum: int) -> None:
        """One field as Whoosh's add_document adds it: its rows to the pool, spelling, vectors, then per document."""
        length = 0
        if field.indexed:
            for tbytes, freq, weight, vbytes in field.index(value):
                if field.scorable:
                    length += freq
                self.pool.add((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
        if field.separate_spelling():
            spellfield = field.spelling_fieldname(fieldname)
            for word in field.spellable_words(value):
                self.pool.add((spellfield, utf8encode(word)[0], 0, 1, None))
        if field.vector:
            vitems = field.vector.word_values(value, field.analyzer, mode="index")
            vitems = sorted((text, weight, vbytes) for text, _, weight, vbytes in vitems)
            self.perdocwriter.add_vector_items(fieldname, field, vitems)
        self._add_per_document(fields, fieldname, field, value, length)

    def _flush_segment(self) -> None:
        flush_segment(self)

    def cancel(self) -> None:
        """Give up: close this writer's files and delete every segment file the index does not list.

        Whoosh's own cancel leaves the new segment's files until a later
        commit deletes them; this deletes them, and those of segments that
        worker processes began for this writer, while the write lock is
        still held (as a commit does, with Whoosh's own clean-up).
        """
        self._check_state()
        self._close_segment()
        clean_files(self.storage, self.indexname, self.generation - 1, self.segments)
        self._finish()

    def commit_with_segments(self, other_segments: Callable[[], list], mergetype=None) -> None:
        """Commit, adding finished segments written by other writers of this index to the table of contents.

        What SegmentWriter.commit does, but this writer's own segment (its
        documents, then those of segments the merge policy merges) is written
        first, then `other_segments()` is asked for the segments of the
        others (subsegments.finish_subsegment, meanwhile written by worker
        processes), which go before this writer's own in the index.  One
        table-of-contents write: the documents of every segment become
        searchable together, or none of them does.
        """
        self._check_state()
        final_segments = self._merge_segments(mergetype, None, None)
        own_segment = None
        if self._added:
            own_segment = self._finalize_segment()
        else:
            self._close_segment()
        final_segments += [segment for segment in other_segments() if segment.doc_count_all()]
        if own_segment is not None:
            final_segments.append(own_segment)
        self._commit_toc(final_segments)
        self._finish()


def open_segment_writer(ix, **options) -> TunedSegmentWriter:
    """The project's writer on `ix` (holding Whoosh's write lock), with Whoosh's writer options."""
    return TunedSegmentWriter(ix, **options)
