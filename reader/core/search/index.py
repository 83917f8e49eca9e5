"""Writing the Whoosh index: adding or removing whole issues (its files and schema: index_files.py).

One document per article.  The index is a cache of the library: it can be
deleted at any time and rebuilt from the originals (`reader reindex`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from whoosh import index as whoosh_index

from reader.core.model import Issue
from reader.core.search.index_files import (  # noqa: F401 (the index's files, named here for its writers)
    IDENTITY_FILE,
    INDEX_VERSION,
    SCHEMA_VERSION,
    VERSION_FILE,
    build_schema,
    create_index,
    index_identity,
    index_is_current,
    open_index,
    rebuild_dir,
    recover_interrupted_swap,
    swap_in,
    swap_survivor,
)
from reader.core.search.pooled_writer import PooledWriter
from reader.core.search.whoosh27.merging import MergePolicy
from reader.core.search.whoosh27.postings import live_terms
from reader.core.search.whoosh27.writer import TunedSegmentWriter, open_segment_writer

#: A writer of the index: the project's segment writer, or worker processes for a big batch.
Writer = TunedSegmentWriter | PooledWriter

#: From this many issues in one batch on, indexing uses worker processes (pooled_writer).
PARALLEL_THRESHOLD = 40
#: Memory for postings per writer process.  Past it the pool spills grouped, sorted runs to a
#: temporary file in the index folder and merges them back term by term (whoosh27.pool).
POOL_MB = 256


def article_documents(issue_id: str, issue: Issue) -> Iterable[dict]:
    """The documents of one issue, one per article, in parse order."""
    date = issue.date or ""
    for ordinal, article in enumerate(issue.articles):
        headline = "\n".join(article.headline_parts())
        body_parts = ([article.byline] if article.byline else []) + article.paragraphs
        body = "\n".join(body_parts)
        whole = headline + "\n" + body  # one object for both fields: pickled once to the index workers
        document = {
            "issue": issue_id,
            "ordinal": ordinal,
            "source": issue.source,
            "publication": issue.publication or "",
            "date": date,
            "kind": article.kind,
            "title": article.title,
            "text": "\n".join(article.text_parts()),
            "headline_chars": headline,
            "headline_bigrams": headline,
            "headline_words": headline,
            "chars": whole,
            "bigrams": whole,
            "words": body,
        }
        yield document


#: Every writer's options.  compound=False: a searcher then reads each segment file
#: directly rather than through Whoosh's Python compound-file layer (faster
#: searches), and a commit skips assembling the compound file.
_WRITER_OPTIONS = {"limitmb": POOL_MB, "compound": False}


def open_writer(ix: whoosh_index.Index, expected_issues: int, cancelled: Callable[[], bool] | None = None) -> Writer:
    """A writer sized for the job: worker processes for big batches, the project's segment writer otherwise.

    `cancelled` is asked while worker processes index (a single writer is
    quick enough to finish).
    """
    if expected_issues >= PARALLEL_THRESHOLD:
        return PooledWriter(ix, expected_issues, _WRITER_OPTIONS, cancelled)
    return open_segment_writer(ix, **_WRITER_OPTIONS)


@contextmanager
def writing(
    ix: whoosh_index.Index, expected_issues: int, cancelled: Callable[[], bool] | None = None
) -> Iterator[Writer]:
    """A writer (see open_writer) committed when the block ends, cancelled if it fails.

    The commit also merges segments when a size tier is full (whoosh27.merging).

    Cancelling releases Whoosh's write lock and drops the half-written
    segments at once, rather than whenever the writer is collected.  A
    cancel asked for while worker processes index raises Stopped.
    """
    writer = open_writer(ix, expected_issues, cancelled)
    try:
        yield writer
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=MergePolicy())


def add_issue(writer: Writer, issue_id: str, issue: Issue) -> None:
    """Queue the articles of one issue in `writer`."""
    for document in article_documents(issue_id, issue):
        writer.add_document(**document)


def delete_issue(writer: Writer, issue_id: str) -> None:
    """Queue removal of every article of one issue."""
    writer.delete_by_term("issue", issue_id)


def indexed_issue_ids(ix: whoosh_index.Index) -> set[str]:
    """Ids of the issues that have at least one live document in the index.

    From each segment's lexicon of the `issue` field, not the stored fields:
    repair runs before every import, and unpickling every article's stored
    fields took 0.45 s per 1,000 issues against 0.03 s.
    """
    ids: set[str] = set()
    with ix.searcher() as searcher:
        for subsearcher, _base in searcher.leaf_searchers():
            ids |= live_terms(subsearcher.reader(), "issue")
    return ids
