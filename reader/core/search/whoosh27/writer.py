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
from whoosh.writing import SegmentWriter

from reader.core.search.whoosh27.codec import ArrayCodec
from reader.core.search.whoosh27.flush import flush_segment
from reader.core.search.whoosh27.pool import TermGroupedPool

#: Postings per block of a posting list (Whoosh writes 128).  Search decodes whole lists into arrays
#: (posting_cache), and each block costs a fixed ~20 µs of Python besides its zlib: 1,024 a block
#: decodes a common character's list about twice as fast.  Blocks are codec.ArrayCodec's.
BLOCK_POSTINGS = 1024


class TunedSegmentWriter(SegmentWriter):
    """A SegmentWriter whose pool groups postings by term, whose flush writes whole terms, in ArrayCodec blocks."""

    def __init__(self, ix, limitmb: int = 128, codec=None, **kwargs) -> None:
        super().__init__(ix, limitmb=limitmb, codec=codec or ArrayCodec(blocklimit=BLOCK_POSTINGS), **kwargs)
        # Whoosh's own pool has written nothing yet (it writes only when it spills): replaced whole.
        self.pool = TermGroupedPool(self._tempstorage, self.newsegment, limitmb=limitmb)

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
