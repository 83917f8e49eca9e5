"""The tiered merge policy, and the streaming merge writing what Whoosh's own merge writes."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.search import index as index_module
from reader.core.search.index import add_issue, create_index, delete_issue, open_writer
from reader.core.search.index import writing as index_writing
from reader.core.search.searcher import Searcher
from reader.core.search.whoosh27 import merging
from reader.core.search.whoosh27.merging import FACTOR, UNIT_DOCS, MergePolicy, segments_to_merge, tier
from tests.conftest import SEED_FILES

from .index_dump import dump_index


@dataclass
class FakeSegment:
    docs: int

    def doc_count(self) -> int:
        return self.docs


def test_tiers_grow_by_the_factor():
    assert tier(0) == tier(FACTOR * UNIT_DOCS - 1) == 0
    assert tier(FACTOR * UNIT_DOCS) == 1
    assert tier(FACTOR**3 * UNIT_DOCS) == 3


def test_a_full_tier_is_merged_with_the_smaller_ones_and_nothing_else():
    big = FakeSegment(FACTOR**3 * UNIT_DOCS)
    middle = [FakeSegment(FACTOR * UNIT_DOCS) for _ in range(FACTOR)]
    small = [FakeSegment(10), FakeSegment(20)]
    assert segments_to_merge([big, *middle[:-1], *small]) == []  # no tier is full
    chosen = segments_to_merge([big, *middle, *small])
    assert chosen == [*middle, *small]


def _build(index_dir, issues, streaming: bool):
    """Three commits (three segments), one issue deleted, then everything merged into one segment.

    Streaming: the project's writer and merge; else Whoosh's own writer and merge throughout.
    """

    def new_writer(ix):
        return open_writer(ix, 0) if streaming else ix.writer(**index_module._WRITER_OPTIONS)

    ix = create_index(index_dir)
    for commit in range(3):
        writer = new_writer(ix)
        for number, issue in enumerate(issues):
            add_issue(writer, f"{commit}-{number}", issue)
        writer.commit(merge=False)
    writer = new_writer(ix)
    delete_issue(writer, "1-0")
    if streaming:
        writer.commit(mergetype=MergePolicy(choose=list))
    else:
        writer.commit(optimize=True)  # Whoosh's own merge: add_reader, the pool, add_postings
    assert len(ix._segments()) == 1
    return dump_index(ix)


def test_the_streaming_merge_writes_what_whooshs_merge_writes(tmp_path, seed_issues):
    issues = list(seed_issues.values())[:1] * 2  # two issues per segment: one of them is deleted
    streamed = _build(tmp_path / "streamed", issues, streaming=True)
    whooshs = _build(tmp_path / "whooshs", issues, streaming=False)
    assert streamed == whooshs
    assert not any(stored["issue"] == "1-0" for _, stored, _ in streamed["documents"])


def test_a_merge_in_a_commit_with_new_documents_keeps_every_article_findable(tmp_path, seed_issues, monkeypatch):
    monkeypatch.setattr(merging, "UNIT_DOCS", 1)  # every commit fills a tier
    ix = create_index(tmp_path / "index")
    for number, issue in enumerate(seed_issues.values()):
        with index_writing(ix, 0) as writer:
            add_issue(writer, str(number), issue)
    assert len(ix._segments()) < len(seed_issues)
    with ix.searcher() as searcher:
        issues = sorted({fields["issue"] for fields in searcher.all_stored_fields()})
    assert issues == [str(number) for number in range(len(seed_issues))]


QUERIES = ["碚", "疫情", '"核酸检测"', "文明 -城区", "title:北碚"]


def _results(paths) -> dict:
    searcher = Searcher(paths.index_dir)
    try:
        return {
            query: {(hit.issue, hit.ordinal, hit.snippet.marked()) for hit in searcher.search(query, limit=None).hits}
            for query in QUERIES
        }
    finally:
        searcher.close()


def test_a_library_imported_file_by_file_finds_what_one_import_finds(monkeypatch, library, seeded_paths):
    monkeypatch.setattr(merging, "UNIT_DOCS", 1)  # merge as often as the policy ever would
    for path in SEED_FILES:
        library.import_paths([str(path)])
    segments = len(library.index._segments())
    assert segments < len(SEED_FILES)
    assert _results(library.paths) == _results(seeded_paths)


def test_a_searcher_opened_before_a_merge_still_searches_after_it(library, paths):
    for path in SEED_FILES[:2]:
        library.import_paths([str(path)])
    assert len(library.index._segments()) == 2
    searcher = Searcher(paths.index_dir)  # has not read any stored fields yet
    open_writer(library.index, 0).commit(mergetype=MergePolicy(choose=list))  # the two segments' files go
    assert len(library.index._segments()) == 1
    try:
        hits = searcher.search("疫情", limit=None).hits
    finally:
        searcher.close()
    fresh = Searcher(paths.index_dir)
    try:
        assert [(hit.issue, hit.ordinal) for hit in hits] == [
            (hit.issue, hit.ordinal) for hit in fresh.search("疫情", limit=None).hits
        ]
    finally:
        fresh.close()
