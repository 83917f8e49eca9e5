"""Flushing a segment a term at a time: from the grouped pool and from segments being merged.

Whoosh's flush hands the codec one posting at a time, with type checks and
a field-length lookup (a column seek) per posting.  With a term's postings
at hand as lists (pool.TermGroupedPool, merging.MergeSource), each block
(writer.BLOCK_POSTINGS) is filled with slices, and the shortest and longest field lengths come
from a list per field read once (postings.FieldLengthLists).  What is
written is exactly what Whoosh writes: tests/core/test_index.py and
test_segment_merging.py compare every posting.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.writing import SegmentWriter

from reader.core.search.whoosh27.merging import SOURCES_ATTRIBUTE, MergeSource, merged_postings
from reader.core.search.whoosh27.pool import TermGroupedPool
from reader.core.search.whoosh27.postings import FieldLengthLists


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


def _grouped_source(pool: TermGroupedPool) -> Iterator:
    """The pool's terms in order (spilled runs included), each with a reader of its postings (as merging does)."""
    for key, postings in pool.grouped_postings():
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
    lengths = FieldLengthLists(reader) if reader else None
    merging: list[MergeSource] = getattr(writer, SOURCES_ATTRIBUTE, [])
    grouped = isinstance(writer.pool, TermGroupedPool)
    try:
        if grouped and isinstance(writer.fieldwriter, W3FieldWriter):
            sources = [_grouped_source(writer.pool)] + [source.postings(writer.schema) for source in merging]
            _write_postings(writer.fieldwriter, writer.schema, lengths, merged_postings(sources))
        else:
            for source in merging:
                writer.add_postings_to_pool(source.reader, source.docbase, source.docmap)
            writer.fieldwriter.add_postings(writer.schema, lengths, writer.pool.iter_postings())
    finally:
        for source in merging:
            source.close()
    writer.fieldwriter.close()
    if reader:
        reader.close()
