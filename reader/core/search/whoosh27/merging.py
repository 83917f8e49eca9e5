"""Keep the index in a few segments: a size-tiered merge policy and a merge that streams term by term.

Every index commit adds segments (two per batch of a big import), and a
search pays for each segment it looks into: a term lookup per query token
per segment.  An archive imported batch by batch would end up with hundreds.
Whoosh's own merge policy (MERGE_SMALL) never merges segments of the sizes
our batches write, and its merge moves every posting through Python one at
a time and through the sorting pool, which spilled to disk: merging a
1,000-issue index took minutes.

`MergePolicy` is a Whoosh merge policy (`writer.commit(mergetype=...)`).
Segments fall in tiers by document count (each tier FACTOR times the one
below); when a tier holds FACTOR segments, they are merged together with all
smaller ones.  Every document is thus rewritten about once per tier it
climbs, and an index of N documents keeps at most FACTOR - 1 segments per
tier: a handful.

The policy copies the merged segments' stored fields and lengths into the
writer's new segment (Whoosh's `write_per_doc`, which also drops deleted
documents) and leaves their postings to the flush (whoosh27.flush), which
streams them term by term in lexicon order, a whole posting list at a time.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby, pairwise
from operator import itemgetter

import numpy as np
from whoosh.codec.whoosh3 import _lenfield
from whoosh.reading import SegmentReader

from reader.core.search.whoosh27.posting_arrays import PostingArrays, joined, segment_term_arrays
from reader.core.search.whoosh27.postings import deleted_documents

#: A tier holds segments of up to FACTOR times the documents of the tier below.
FACTOR = 4
#: Segments smaller than FACTOR times this many documents (a few dozen issues) form the lowest tier.
UNIT_DOCS = 100
#: Attribute of a writer listing the segments whose postings its flush must merge in.
SOURCES_ATTRIBUTE = "_reader_merge_sources"

#: (field name, term bytes) and a function reading that term's postings.
PostingSource = Iterator[tuple[tuple[str, bytes], Callable[[], PostingArrays]]]


def tier(doc_count: int) -> int:
    """0 for segments under FACTOR * UNIT_DOCS documents, 1 for up to FACTOR times more, ..."""
    level = 0
    bound = UNIT_DOCS * FACTOR
    while doc_count >= bound:
        level += 1
        bound *= FACTOR
    return level


def segments_to_merge(segments: list) -> list:
    """The segments the tiered policy merges now (none, or at least two)."""
    by_tier: dict[int, list] = {}
    for segment in segments:
        by_tier.setdefault(tier(segment.doc_count()), []).append(segment)
    full = [level for level, members in by_tier.items() if len(members) >= FACTOR]
    if not full:
        return []
    top = max(full)
    return [segment for segment in segments if tier(segment.doc_count()) <= top]


@dataclass
class MergeSource:
    """A segment being merged: its reader and where its documents went in the new segment."""

    reader: SegmentReader
    docbase: int
    docmap: dict[int, int] | None  # old -> new number of each live document; None: docbase + old
    _docmap_cache: np.ndarray | None = None
    _deleted_cache: tuple | None = None

    @property
    def deleted(self) -> frozenset[int]:
        return deleted_documents(self.reader)

    def postings(self, schema) -> PostingSource:
        """Every term of the segment, in lexicon order, with a reader of its renumbered postings."""
        terms = self.reader._terms  # W3TermsReader: walked with its term infos, no lookup per term
        codec = self.reader._codec
        for (fieldname, tbytes), terminfo in terms.items():
            if fieldname in schema:
                yield (fieldname, tbytes), self._reader_of(codec, terms, schema[fieldname], terminfo)

    def _reader_of(self, codec, terms, field, terminfo) -> Callable[[], PostingArrays]:
        def read() -> PostingArrays:
            postings = segment_term_arrays(codec, terms._postfile, terminfo, field.format, self._deleted_array())
            if self.docmap is None:
                return postings.renumbered(postings.ids.astype(np.int64) + self.docbase)
            return postings.renumbered(self._docmap_array()[postings.ids])

        return read

    def _deleted_array(self) -> np.ndarray | None:
        """The deleted document numbers, sorted, or None when there are none (made once)."""
        if self._deleted_cache is None:
            deleted = self.deleted
            self._deleted_cache = (np.sort(np.fromiter(deleted, dtype=np.uint32, count=len(deleted))),)
        return self._deleted_cache[0] if len(self._deleted_cache[0]) else None

    def _docmap_array(self) -> np.ndarray:
        """`docmap` as an array indexed by old number (-1 for deleted documents), made once."""
        if self._docmap_cache is None:
            size = self.reader.doc_count_all()
            mapping = np.full(size, -1, dtype=np.int64)
            mapping[np.fromiter(self.docmap.keys(), dtype=np.int64)] = np.fromiter(self.docmap.values(), dtype=np.int64)
            self._docmap_cache = mapping
        return self._docmap_cache

    def close(self) -> None:
        self.reader.close()


def merged_postings(
    sources: list[PostingSource], in_order: bool = False
) -> Iterator[tuple[tuple[str, bytes], PostingArrays]]:
    """Each term of any source, in order, with its postings from every source, in document order.

    Sources list their terms in (field, term) order, and mostly their
    documents after those of the sources before them: their parts are
    joined in source order, and sorted by document where they are not in
    order.  That happens when the pool holds documents of a text field that
    went Whoosh's way (a boost) among those built in bulk, or those of
    segments Whoosh's own merge (add_reader) put in the pool, all after the
    new documents.  `in_order`: the caller knows they are in order (no check).
    A term whose postings were all deleted is left out.
    """
    stream = heapq.merge(*sources, key=itemgetter(0))  # stable: ties keep the sources' order
    for key, group in groupby(stream, key=itemgetter(0)):
        parts = [postings for postings in (read() for _, read in group) if len(postings)]
        if not parts:
            continue
        postings = joined(parts)
        if (
            not in_order
            and len(parts) > 1
            and not all(int(before.ids[-1]) < int(after.ids[0]) for before, after in pairwise(parts))
        ):
            postings = postings.in_document_order()
        yield key, postings


def _note_missing_length_columns(reader: SegmentReader, schema) -> None:
    """Tell Whoosh's per-document reader once which fields have no length column.

    Copying a segment's documents (write_per_doc) asks for every document's
    length in every field; for a field without lengths (the ID fields)
    Whoosh looks for the column's file each time: 107,000 file-system calls
    to merge 9,000 articles.  A column it has looked up is cached, and a
    cached None means "none": each missing one is looked up here, once.
    """
    perdoc = getattr(reader, "_perdoc", None)
    cache = getattr(perdoc, "_readers", None)
    if not isinstance(cache, dict) or not hasattr(perdoc, "has_column"):
        return
    for name in schema.names():
        column = _lenfield(name)
        if column not in cache and not perdoc.has_column(column):
            cache[column] = None


class MergePolicy:
    """Whoosh merge policy: merge the segments `choose` picks (by default a full tier, see module doc).

    `choose=list` merges every segment into the new one (an optimize
    without Whoosh's slow path).
    """

    def __init__(self, choose: Callable[[list], list] = segments_to_merge) -> None:
        self.choose = choose

    def __call__(self, writer, segments: list) -> list:
        chosen = self.choose(segments)
        if len(chosen) < 2:
            return segments
        sources = getattr(writer, SOURCES_ATTRIBUTE, [])
        for segment in chosen:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            _note_missing_length_columns(reader, writer.schema)
            fieldnames = set(writer.schema.names()) | {
                name for name in reader.indexed_field_names() if name in writer.schema
            }
            docbase = writer.docnum
            docmap = writer.write_per_doc(fieldnames, reader)
            sources.append(MergeSource(reader, docbase, docmap))
        setattr(writer, SOURCES_ATTRIBUTE, sources)
        writer._added = True  # the new segment must be written even with no new documents
        chosen_ids = {id(segment) for segment in chosen}
        return [segment for segment in segments if id(segment) not in chosen_ids]
