"""Flushing a segment a term at a time: the new documents' postings and those of segments being merged.

Whoosh's flush hands the codec one posting at a time, with type checks and
a field-length lookup (a column seek) per posting.  Here every source gives
whole terms as arrays (posting_arrays.PostingArrays): the text fields built
in bulk (bulk_fields), the other fields from the grouped pool
(pool.TermGroupedPool), and the segments a merge takes in
(merging.MergeSource); a term's parts are joined in document order and
written a block at a time (posting_arrays.write_term), with the shortest and
longest field lengths from one array per field.  What is written is exactly
what Whoosh writes: tests/core/test_index.py and test_segment_merging.py
compare every posting.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.writing import SegmentWriter

from reader.core.search.whoosh27.arrays import length_array
from reader.core.search.whoosh27.bulk_fields import FieldPostings
from reader.core.search.whoosh27.merging import SOURCES_ATTRIBUTE, MergeSource, PostingSource, merged_postings
from reader.core.search.whoosh27.pool import TermGroupedPool
from reader.core.search.whoosh27.posting_arrays import format_value_size, from_lists, write_terms
from reader.core.search.whoosh27.postings import FieldLengthLists


def _pool_source(pool: TermGroupedPool, schema) -> PostingSource:
    """The pool's terms in order (spilled runs included), each with a reader of its postings as arrays."""
    for key, postings in pool.grouped_postings():
        size = format_value_size(schema[key[0]].format)
        yield key, lambda postings=postings, size=size: from_lists(postings[0::3], postings[1::3], postings[2::3], size)


def _chunk_source(fieldname: str, chunk: FieldPostings) -> PostingSource:
    for term, postings in chunk.items():
        yield (fieldname, term), lambda postings=postings: postings


#: Terms (and postings) written together by posting_arrays.write_terms: enough to amortise its
#: numpy calls over many short posting lists, few enough to bound the memory of their copy.
WINDOW_TERMS = 4096
WINDOW_POSTINGS = 1 << 20


def _write_postings(fieldwriter: W3FieldWriter, schema, lengths, postings) -> None:
    """What FieldWriter.add_postings does with a sorted stream, a window of whole terms at a time."""
    current_field = None
    field_lengths = None
    terms: list[bytes] = []
    parts: list = []
    held = 0

    def write_window() -> None:
        nonlocal held
        if terms:
            write_terms(fieldwriter, terms, parts, field_lengths)
            terms.clear()
            parts.clear()
            held = 0

    for (fieldname, tbytes), term_postings in postings:
        if fieldname != current_field:
            write_window()
            if current_field is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            current_field = fieldname
            field_lengths = length_array(lengths, fieldname).astype("int64") if lengths else None
        terms.append(tbytes)
        parts.append(term_postings)
        held += len(term_postings)
        if len(terms) >= WINDOW_TERMS or held >= WINDOW_POSTINGS:
            write_window()
    write_window()
    if current_field is not None:
        fieldwriter.finish_field()


def flush_segment(writer: SegmentWriter) -> None:
    """What SegmentWriter._flush_segment does, writing whole terms: the pool's, then merged segments'.

    Segments chosen by merging.MergePolicy have their documents already
    copied (numbered after the writer's own); their postings are streamed in
    here, with the pool's (from memory and from its spilled runs).  With
    another codec, merged postings go through the pool and Whoosh's own
    path, as in Whoosh.
    """
    writer.perdocwriter.close()
    reader = writer.per_document_reader() if writer.codec.length_stats else None
    merging: list[MergeSource] = getattr(writer, SOURCES_ATTRIBUTE, [])
    grouped = isinstance(writer.pool, TermGroupedPool)
    try:
        if grouped and isinstance(writer.fieldwriter, W3FieldWriter) and getattr(writer, "writes_arrays", False):
            sources = [_pool_source(writer.pool, writer.schema)]
            text_postings = writer.text_postings.field_postings()
            for fieldname, chunks in sorted(text_postings.items()):
                sources += [_chunk_source(fieldname, chunk) for chunk in chunks]
            sources += [source.postings(writer.schema) for source in merging]
            # Only a field both in the pool and built in bulk (a boosted document, Whoosh's own merge)
            # can have a term's parts out of document order.
            in_order = not (writer.pool.fieldnames & text_postings.keys())
            _write_postings(writer.fieldwriter, writer.schema, reader, merged_postings(sources, in_order))
        else:
            for source in merging:
                writer.add_postings_to_pool(source.reader, source.docbase, source.docmap)
            lengths = FieldLengthLists(reader) if reader else None
            writer.fieldwriter.add_postings(writer.schema, lengths, writer.pool.iter_postings())
    finally:
        for source in merging:
            source.close()
    writer.fieldwriter.close()
    if reader:
        reader.close()
