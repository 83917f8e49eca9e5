"""The library: import, duplicates, rejections, all-or-nothing, repair, reindex."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.config import seeds_dir
from reader.core.errors import LibraryBusy
from reader.core.library import library as library_module
from reader.core.library.catalog import INDEXED, PENDING
from reader.core.library.library import Library
from reader.core.search import index as search_index
from reader.core.search.index import indexed_issue_ids
from reader.core.search.searcher import Searcher
from tests.loaded_modules import modules_loaded_by

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"
SEED_001 = seeds_dir() / "001_be03ec69b60a77f1.txt"


def _hits(paths, query):
    searcher = Searcher(paths.index_dir)
    try:
        return searcher.search(query, limit=None).total
    finally:
        searcher.close()


def test_import_copies_originals_unchanged_and_indexes_them(library, paths):
    report = library.import_paths([str(seeds_dir())])
    assert len(report.imported) == 5 and not report.rejected
    for record in library.records():
        original = seeds_dir() / record.source
        assert library.original_path(record).read_bytes() == original.read_bytes()
    assert indexed_issue_ids(library.index) == {record.id for record in library.records()}
    assert _hits(paths, '"核酸检测采样"') == 2


def test_the_same_issue_twice_is_reported_not_duplicated(library, tmp_path):
    library.import_paths([str(SEED_000)])
    copy = tmp_path / "副本 GB18030.txt"
    copy.write_bytes(SEED_000.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    report = library.import_paths([str(SEED_000), str(copy)])
    assert report.imported == []
    assert [d.existing_source for d in report.duplicates] == [SEED_000.name, SEED_000.name]
    assert len(library.records()) == 1


def test_bad_files_are_rejected_and_the_others_imported(library, tmp_path):
    folder = tmp_path / "来稿"
    folder.mkdir()
    (folder / "空.txt").write_bytes(b"")
    (folder / "空白.txt").write_text("\n \n", encoding="utf-8")
    (folder / "二进制.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "乱码.txt").write_bytes(b"abc\x80\x80\xff\xffdef" * 3)
    (folder / "好.txt").write_bytes(SEED_000.read_bytes())
    (folder / "图片.png").write_bytes(b"\x89PNG")
    report = library.import_paths([str(folder), str(tmp_path / "不存在.txt")])
    assert [item.path for item in report.imported] == [str(folder / "好.txt")]
    reasons = {r.path.rsplit("/", 1)[-1]: r.reason for r in report.rejected}
    assert set(reasons) == {"空.txt", "空白.txt", "二进制.txt", "乱码.txt", "不存在.txt"}
    assert "empty" in reasons["空.txt"] and "binary" in reasons["二进制.txt"]
    assert report.skipped_non_issue == 1


def test_a_crash_while_indexing_leaves_no_half_indexed_issue(paths, monkeypatch):
    library = Library(paths)
    library.import_paths([str(SEED_000)])
    calls = {"n": 0}
    real_add = search_index.add_issue

    def crash_on_second(writer, issue_id, issue):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        real_add(writer, issue_id, issue)

    monkeypatch.setattr(search_index, "add_issue", crash_on_second)
    with pytest.raises(RuntimeError):
        library.import_paths([str(seeds_dir())])
    library.close()
    monkeypatch.setattr(search_index, "add_issue", real_add)

    # Pending rows exist but nothing of them is searchable: no half-indexed issue.
    reopened = Library(paths)
    pending = [r for r in reopened.records() if r.state == PENDING]
    assert pending
    assert indexed_issue_ids(reopened.index) == {r.id for r in reopened.records() if r.state != PENDING}
    repair = reopened.repair()
    assert sorted(repair.reindexed) == sorted(r.id for r in pending)
    assert indexed_issue_ids(reopened.index) == {r.id for r in reopened.records()}
    assert all(r.state != PENDING for r in reopened.records())
    reopened.close()


def test_repair_removes_articles_of_issues_no_longer_in_the_library(library, paths):
    library.import_paths([str(seeds_dir())])
    gone = library.records()[0]
    library.catalog.remove([gone.id])
    library.original_path(gone).unlink()
    report = library.repair()
    assert report.removed_from_index == [gone.id]
    assert gone.id not in indexed_issue_ids(library.index)


def test_repair_relists_an_original_whose_catalog_row_was_lost(library):
    library.import_paths([str(SEED_000)])
    record = library.records()[0]
    library.catalog.remove([record.id])
    report = library.repair()
    assert report.recovered_originals == [SEED_000.name]  # by the name it was imported under (sidecars)
    assert [(r.id, r.source) for r in library.records()] == [(record.id, SEED_000.name)]


def test_reindex_rebuilds_the_index_from_the_library(library, paths):
    library.import_paths([str(seeds_dir())])
    before = _hits(paths, "疫苗")
    search_index.create_index(paths.index_dir)  # lose the index entirely
    library._index = None
    assert _hits(paths, "疫苗") == 0
    assert library.reindex() == 5
    assert _hits(paths, "疫苗") == before


def test_corrections_survive_reindex(library, paths):
    library.import_paths([str(SEED_000)])
    record = library.records()[0]
    library.catalog.set_corrections(record.id, {"publication": "北碚报", "date": "2021-11-09"})
    library.reindex()
    record = library.records()[0]
    assert (record.shown_publication, record.shown_date) == ("北碚报", "2021-11-09")
    searcher = Searcher(paths.index_dir)
    hits = searcher.search("疫苗 date:2021-11-09", limit=None).hits
    assert hits and {hit.publication for hit in hits} == {"北碚报"}
    searcher.close()


def test_only_one_writer_at_a_time(paths):
    first, second = Library(paths), Library(paths)
    first._lock.acquire()
    try:
        with pytest.raises(LibraryBusy):
            second.import_paths([str(SEED_000)])
    finally:
        first._lock.release()
    second.import_paths([str(SEED_000)])
    first.close()
    second.close()


@pytest.mark.parametrize(
    "limit",
    [("BATCH_ISSUES", 2), ("BATCH_BYTES", 30_000)],  # two issues a batch; about two seed issues' bytes
    ids=["by-count", "by-size"],
)
def test_import_and_reindex_in_several_batches(paths, monkeypatch, limit):
    monkeypatch.setattr(library_module, *limit)
    library = Library(paths)
    calls = []
    report = library.import_paths([str(seeds_dir())], progress=lambda *call: calls.append(call))
    assert len(report.imported) == 5
    # Each batch is announced before it is written: after files 2 and 4, and for the last one.
    assert [done for done, _, name in calls if name == library_module.WRITING_INDEX] == [2, 4, 5, 5]
    assert indexed_issue_ids(library.index) == {r.id for r in library.records()}
    before = _hits(paths, "疫苗")
    calls = []
    assert library.reindex(progress=lambda *call: calls.append(call)) == 5
    assert [done for done, _, name in calls if name == library_module.WRITING_INDEX] == [2, 4, 5, 5]
    assert _hits(paths, "疫苗") == before
    library.close()


def test_a_correction_is_searchable_and_survives_reindex_and_reimport(library, paths):
    library.import_paths([str(SEED_000)])
    record = library.records()[0]
    corrected = library.correct(record.id, publication="北碚报", date="2021-11-09", page="1")
    assert (corrected.shown_publication, corrected.shown_date) == ("北碚报", "2021-11-09")
    assert corrected.date == "2021-11"  # what the parser found is kept apart
    assert _hits(paths, "疫苗 date:2021-11-09") > 0
    library.reindex()
    report = library.import_paths([str(SEED_000)])
    assert report.duplicates and not report.imported
    again = library.records()[0]
    assert again.corrections == {"publication": "北碚报", "date": "2021-11-09", "page": "1"}
    assert library.load_issue(again.id).page == "1"
    cleared = library.correct(record.id, date=None)
    assert cleared.shown_date == "2021-11"


@pytest.mark.parametrize(("changes", "message"), [({"date": "昨天"}, "not a date"), ({"title": "x"}, "cannot be")])
def test_bad_corrections_are_refused(library, changes, message):
    library.import_paths([str(SEED_000)])
    from reader.core.errors import ReaderError

    with pytest.raises(ReaderError, match=message):
        library.correct(library.records()[0].id, **changes)


def test_a_whole_library_repair_runs_in_batches(paths, monkeypatch):
    """After an index upgrade every issue is reindexed; batches keep finished work."""
    library = Library(paths)
    library.import_paths([str(seeds_dir())])
    before = _hits(paths, "疫苗")
    search_index.create_index(paths.index_dir)  # as after a schema change: an empty index
    library._index = None
    monkeypatch.setattr(library_module, "BATCH_ISSUES", 2)
    commits = []
    real_writing = search_index.writing

    def counting_writing(ix, expected, *args):
        commits.append(expected)
        return real_writing(ix, expected, *args)

    monkeypatch.setattr(search_index, "writing", counting_writing)
    report = library.repair()
    assert sorted(report.reindexed) == sorted(r.id for r in library.records())
    assert commits == [2, 2, 1]
    assert _hits(paths, "疫苗") == before
    library.close()


def test_an_index_made_by_an_older_parser_is_rebuilt_and_the_catalog_updated(paths):
    """Documents hold articles by their place in the parse: a new parser version re-indexes the library."""
    library = Library(paths)
    library.import_paths([str(SEED_000)])
    record = library.records()[0]
    library.catalog.update_metadata(replace(record, articles=99, date=None))  # as an older parser left it
    library.close()
    (paths.index_dir / search_index.VERSION_FILE).write_text(f"{search_index.SCHEMA_VERSION}.1")
    assert not search_index.index_is_current(paths.index_dir)

    library = Library(paths)
    report = library.repair()
    assert report.reindexed == [record.id]
    assert search_index.index_is_current(paths.index_dir)
    refreshed = library.records()[0]
    assert (refreshed.articles, refreshed.date) == (record.articles, record.date)
    assert _hits(paths, "疫苗")
    library.close()


def test_a_rebuild_leaves_the_old_index_searchable_until_it_swaps_the_new_one_in(paths):
    library = Library(paths)
    library.import_paths([str(SEED_000)])
    searcher = Searcher(paths.index_dir)
    total = searcher.search("疫苗").total
    seen_during_the_rebuild = []

    def progress(done, count, name):
        if not seen_during_the_rebuild:
            seen_during_the_rebuild.append(Searcher(paths.index_dir).search("疫苗").total)

    identity = search_index.index_identity(paths.index_dir)
    library.reindex(progress=progress)
    assert seen_during_the_rebuild == [total]
    assert search_index.index_identity(paths.index_dir) != identity
    searcher.refresh()  # the new index may have the same generation number: the searcher must notice
    assert searcher.search("疫苗").total == total
    assert not search_index.rebuild_dir(paths.index_dir).exists()
    library.close()


def test_a_stopped_rebuild_changes_nothing(paths):
    from reader.core.errors import Stopped

    library = Library(paths)
    library.import_paths([str(SEED_000)])
    identity = search_index.index_identity(paths.index_dir)
    with pytest.raises(Stopped):
        library.reindex(cancelled=lambda: True)
    assert search_index.index_identity(paths.index_dir) == identity
    assert not search_index.rebuild_dir(paths.index_dir).exists()
    assert _hits(paths, "疫苗")
    library.close()


@pytest.mark.parametrize("left", ["finished rebuild", "old index", "unfinished rebuild"])
def test_a_crash_during_a_rebuild_or_its_swap_is_recovered(paths, left):
    library = Library(paths)
    library.import_paths([str(SEED_000)])
    library.close()
    index_dir = paths.index_dir
    if left == "finished rebuild":  # crashed between the two renames of the swap
        index_dir.rename(search_index.rebuild_dir(index_dir))
    elif left == "old index":  # crashed after moving the old index aside
        index_dir.rename(index_dir.with_name(index_dir.name + ".old"))
    else:  # crashed while writing the new index
        search_index.create_index(search_index.rebuild_dir(index_dir))
    library = Library(paths)
    library.repair()
    assert index_dir.is_dir() and not search_index.rebuild_dir(index_dir).exists()
    assert _hits(paths, "疫苗")
    library.close()


def _crash_while_indexing(writer, issue_id, issue):
    raise RuntimeError("power cut")


def test_an_issue_a_crash_left_pending_is_indexed_by_the_next_import(paths, monkeypatch):
    library = Library(paths)
    real_add = search_index.add_issue
    monkeypatch.setattr(search_index, "add_issue", _crash_while_indexing)
    with pytest.raises(RuntimeError):
        library.import_paths([str(SEED_000)])
    monkeypatch.setattr(search_index, "add_issue", real_add)
    assert [record.state for record in library.records()] == [PENDING]
    assert _hits(paths, '"核酸检测采样"') == 0

    library.import_paths([str(SEED_001)])  # another file: the import repairs first
    assert all(record.state == INDEXED for record in library.records())
    assert indexed_issue_ids(library.index) == {record.id for record in library.records()}
    assert _hits(paths, '"核酸检测采样"') == 2  # only seed 000 has it
    library.close()


def test_an_issue_missing_from_the_index_is_indexed_again_by_the_next_import(library, paths):
    library.import_paths([str(SEED_000)])
    lost = library.records()[0]
    with search_index.writing(library.index, 0) as writer:  # as a hand-edited or restored index leaves it
        search_index.delete_issue(writer, lost.id)
    assert _hits(paths, '"核酸检测采样"') == 0

    library.import_paths([str(SEED_001)])
    assert indexed_issue_ids(library.index) == {record.id for record in library.records()}
    assert _hits(paths, '"核酸检测采样"') == 2


def test_a_corrected_date_and_publication_are_what_search_finds_and_shows(library, paths):
    library.import_paths([str(SEED_000)])
    record = library.records()[0]
    assert (record.publication, record.date) == ("北碚报", "2021-11")
    library.correct(record.id, date="2020-03-05", publication="合川日报")
    searcher = Searcher(paths.index_dir)
    hits = searcher.search("疫苗 date:2020-03", limit=None).hits
    assert hits and {(hit.publication, hit.date) for hit in hits} == {("合川日报", "2020-03-05")}
    assert searcher.search("疫苗 date:2021-11").total == 0
    searcher.close()

    library.correct(record.id, date=None, publication=None)  # cleared: back to what the parser found
    searcher = Searcher(paths.index_dir)
    hits = searcher.search("疫苗 date:2021-11", limit=None).hits
    assert hits and {(hit.publication, hit.date) for hit in hits} == {("北碚报", "2021-11")}
    assert searcher.search("疫苗 date:2020-03").total == 0
    searcher.close()


def test_opening_a_library_and_reading_its_catalog_loads_no_whoosh(seeded_paths):
    """The window opens the library and lists its issues before it is painted: Whoosh comes later, when needed."""
    code = (
        "from reader.config import resolve_paths; from reader.core.library.library import Library\n"
        f"assert Library(resolve_paths({str(seeded_paths.data_dir)!r})).records()"
    )
    assert modules_loaded_by(code, ("whoosh", "jieba", "numpy")) == []
