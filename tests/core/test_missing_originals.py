"""A missing stored copy is reported and its issue kept; a missing folder of copies stops with nothing changed.

An archive lives on USB drives and network shares: a drive not plugged in, or
a file moved away by hand, must never cost the catalog its rows (names,
dates, corrections), and the issue comes back whole once its copy is back.
"""

from __future__ import annotations

import shutil

import pytest

from reader.config import seeds_dir
from reader.core.errors import ErrorKind, ReaderError
from reader.core.library.catalog import INDEXED, PENDING
from reader.core.library.library import Library
from reader.core.search import index as search_index
from reader.core.search.searcher import Searcher

SEEDS = sorted(seeds_dir().glob("*.txt"))


@pytest.fixture
def library(paths):
    opened = Library(paths)
    opened.import_paths([str(seed) for seed in SEEDS])
    yield opened
    opened.close()


def _total(paths, query: str) -> int:
    searcher = Searcher(paths.index_dir)
    try:
        return searcher.search(query, limit=None).total
    finally:
        searcher.close()


def test_a_missing_copy_is_reported_and_its_issue_kept_and_searchable(library, paths, tmp_path):
    record = library.records()[0]
    library.correct(record.id, publication="北碚日报")
    before = _total(paths, "北碚")
    copy = library.original_path(record)
    aside = tmp_path / "aside.txt"
    shutil.move(copy, aside)

    report = library.repair()
    assert report.missing_originals == [record.source]
    kept = library.catalog.get(record.id)
    assert kept is not None and kept.corrections == {"publication": "北碚日报"}
    assert _total(paths, "北碚") == before  # its articles stay in the index
    with pytest.raises(ReaderError) as opened:
        library.load_issue(record.id)
    assert opened.value.kind is ErrorKind.ORIGINAL_MISSING and record.source in str(opened.value)

    shutil.move(aside, copy)  # the drive is back
    assert library.repair().missing_originals == []
    assert library.load_issue(record.id).articles


def test_a_rebuild_without_a_copy_keeps_the_row_pending_and_the_next_repair_indexes_it(library, paths, tmp_path):
    record = library.records()[0]
    copy = library.original_path(record)
    shutil.move(copy, tmp_path / "aside.txt")
    assert library.reindex() == len(SEEDS) - 1
    assert library.catalog.get(record.id).state == PENDING
    shutil.move(tmp_path / "aside.txt", copy)
    assert library.repair().reindexed == [record.id]
    assert library.catalog.get(record.id).state == INDEXED


def test_a_missing_folder_of_copies_stops_the_repair_and_the_rebuild_and_changes_nothing(library, paths, tmp_path):
    rows = {record.id: record for record in library.records()}
    before = _total(paths, "核酸")
    shutil.move(paths.originals_dir, tmp_path / "unplugged")
    for work in (library.repair, library.reindex):
        with pytest.raises(ReaderError) as stopped:
            work()
        assert stopped.value.kind is ErrorKind.ORIGINALS_FOLDER_MISSING
        assert str(paths.originals_dir) in str(stopped.value)
    assert {record.id: record for record in library.records()} == rows
    assert _total(paths, "核酸") == before


def test_a_rebuild_that_cannot_swap_is_one_line_and_the_old_index_stays(library, paths, monkeypatch):
    """On Windows a folder with open files cannot be renamed: another program searching the library."""
    before = _total(paths, "核酸")

    def refused(new_dir, index_dir):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(search_index, "swap_in", refused)
    with pytest.raises(ReaderError) as failed:
        library.reindex()
    assert failed.value.kind is ErrorKind.INDEX_IN_USE and "being used" in str(failed.value)
    assert _total(paths, "核酸") == before and not list(paths.data_dir.glob("index.*"))
