"""Segments written by worker processes, for a parent writer to commit.

A worker opens a writer without Whoosh's write lock (the parent holds it),
adds its share of the documents and finishes its segment without touching
the table of contents; the parent commits all segments at once
(writer.TunedSegmentWriter.commit_with_segments).  A worker that stops
before that deletes its segment's files (`discard_subsegment`); whatever a
killed worker leaves, the parent's cancel deletes (writer.TunedSegmentWriter.cancel).
Whoosh's MpWriter uses the same private steps (`_lk`, `_finalize_segment`,
`_close_segment`).
"""

from __future__ import annotations

import contextlib

from whoosh.filedb.filestore import FileStorage

from reader.core.search.whoosh27.writer import TunedSegmentWriter


def open_subsegment_writer(index_dir: str, options: dict, schema) -> TunedSegmentWriter:
    """A writer of one new segment of the index in `index_dir`, for a worker process.

    With the program's `schema`: the one pickled in the index names the modules
    of an older version of the program (index._open_files).
    """
    ix = FileStorage(index_dir, supports_mmap=False).open_index(schema=schema)
    return TunedSegmentWriter(ix, _lk=False, **options)


def segment_name(writer: TunedSegmentWriter) -> str:
    """The name every file of the writer's new segment starts with."""
    return writer.newsegment.segment_id()


def finish_subsegment(writer: TunedSegmentWriter):
    """Write the segment's postings and close its files; the segment object, for the parent to commit."""
    return writer._finalize_segment()


def discard_subsegment(writer: TunedSegmentWriter) -> None:
    """Close the writer's files and delete its segment's."""
    with contextlib.suppress(Exception):
        writer._close_segment()
    delete_segment_files(writer.storage, segment_name(writer))


def delete_segment_files(storage, name: str) -> None:
    """Delete every file of the segment `name` (what a commit's clean-up would, later)."""
    for filename in list(storage.list()):
        if filename.startswith(name + "."):
            with contextlib.suppress(OSError):  # Windows: still open in a dying process
                storage.delete_file(filename)
