"""Two narrow changes to Whoosh's segment writer, for import speed.

**Field lengths read once per field.**
When a segment is flushed, Whoosh asks the per-document reader for the
length of the posting's field in the posting's document once per posting
(to note each block's shortest and longest document): a column seek and
read in Python for every one of ~1,000 postings per article, a third of
the commit time on a 1,000-issue import.  `_flush_segment` below is
Whoosh 2.7's own, except that the reader it hands over answers from a list
per field read once (postings.FieldLengthLists, which ranking uses too).  The data written is unchanged.

**A leaner posting pool.**  `PostingPool.add` runs once per posting (about
a thousand per article) and spends most of its time on type assertions and
a size estimate of nine terms; `LeanPostingPool` keeps the same estimate in
one expression and skips the assertions (our fields always hand it bytes).
It goes in through Whoosh's public `poolclass` writer option.

The lengths change is installed when reader.core.index is imported, before any writer (and its
worker processes, which inherit it) exists.  Pinned to the Whoosh version
in pyproject.toml; tests/core/test_index.py checks that both write the same segment.
"""

from __future__ import annotations

from whoosh.writing import PostingPool, SegmentWriter

from .postings import FieldLengthLists

#: PostingPool.add's estimate of a posting's memory, less its variable parts.
_POSTING_OVERHEAD = 28 + 4 * 5 + 21 + 26 + 18 + 16 + 21


class LeanPostingPool(PostingPool):
    """PostingPool with a cheaper `add` (same memory estimate, no assertions)."""

    def add(self, item) -> None:
        # item = (fieldname, term bytes, docnum, weight, value bytes)
        self.fieldnames.add(item[0])
        self.currentsize += _POSTING_OVERHEAD + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)


def _flush_segment(self: SegmentWriter) -> None:
    self.perdocwriter.close()
    reader = self.per_document_reader() if self.codec.length_stats else None
    postings = self.pool.iter_postings()
    self.fieldwriter.add_postings(self.schema, FieldLengthLists(reader) if reader else None, postings)
    self.fieldwriter.close()
    if reader:
        reader.close()


#: Whoosh's own, kept so a test can compare what the two write.
whoosh_flush_segment = SegmentWriter._flush_segment


def install() -> None:
    """Use the cached lengths in every segment writer of this process (idempotent)."""
    SegmentWriter._flush_segment = _flush_segment
