"""Writes that fail half-way (a full disk, an I/O error, a missing copy) change nothing they cannot finish.

Each case here was found by a review of the library's write paths: a sound
catalog set aside as damaged on an I/O error, a correction saved while the
index kept the old details, an issue that could not be removed because its
copy was gone, an unplugged drive's folder re-created by a correction.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3

import pytest

from reader.config import seeds_dir
from reader.core.errors import ErrorKind, ReaderError
from reader.core.library.catalog import Catalog
from reader.core.library.library import Library
from reader.core.search import index as search_index
from reader.core.search.searcher import Searcher

SEEDS = sorted(seeds_dir().glob("*.txt"))


@pytest.fixture
def library(paths):
    opened = Library(paths)
    opened.import_paths([str(seed) for seed in SEEDS[:2]])
    yield opened
    opened.close()


def _hit_publications(paths, query: str) -> set[str]:
    searcher = Searcher(paths.index_dir)
    try:
        return {hit.publication for hit in searcher.search(query, limit=None).hits}
    finally:
        searcher.close()


def test_an_io_error_opening_the_catalog_is_one_line_and_the_catalog_stays(paths, library, monkeypatch):
    library.close()
    catalog = paths.catalog_file.read_bytes()

    def failing(self, path, *args, **kwargs):
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = 10  # SQLITE_IOERR: the disk, not the catalog
        raise error

    monkeypatch.setattr(Catalog, "__init__", failing)
    with pytest.raises(ReaderError) as failed:
        Library(paths)
    assert failed.value.kind is ErrorKind.CATALOG_UNUSABLE
    assert paths.catalog_file.read_bytes() == catalog and not list(paths.data_dir.glob("*damaged*"))


def test_a_lost_catalog_is_not_a_first_start(paths, library):
    library.close()
    for path in paths.data_dir.glob("catalog.sqlite3*"):
        path.unlink()
    reopened = Library(paths)
    try:
        assert reopened.records() == [] and not reopened.is_new()  # the window must not import the samples
    finally:
        reopened.close()


def test_a_correction_without_its_copy_changes_nothing(paths, library, tmp_path):
    record = library.records()[0]
    shutil.move(library.original_path(record), tmp_path / "aside.txt")
    with pytest.raises(ReaderError) as refused:
        library.correct(record.id, publication="更正报")
    assert refused.value.kind is ErrorKind.ORIGINAL_MISSING
    assert library.catalog.get(record.id).corrections == {}


def test_a_correction_cut_short_before_the_index_is_finished_by_the_next_repair(paths, library, monkeypatch):
    record = library.records()[0]

    def crash(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    with monkeypatch.context() as patched:
        patched.setattr(library, "_rewrite_in_index", crash)
        with pytest.raises(OSError):
            library.correct(record.id, publication="更正报")
    assert library.catalog.get(record.id).corrections == {"publication": "更正报"}
    library.repair()
    assert "更正报" in _hit_publications(paths, "的")  # the index has the corrected details


def test_a_correction_with_the_folder_of_copies_gone_does_not_recreate_it(paths, library, tmp_path):
    record = library.records()[0]
    shutil.move(paths.originals_dir, tmp_path / "unplugged")
    with pytest.raises(ReaderError) as refused:
        library.correct(record.id, page="2")
    assert refused.value.kind is ErrorKind.ORIGINALS_FOLDER_MISSING
    assert not paths.originals_dir.exists()


def test_an_issue_whose_copy_is_gone_can_still_be_removed(paths, library, tmp_path):
    record = library.records()[0]
    shutil.move(library.original_path(record), tmp_path / "aside.txt")
    report = library.remove([record.id])
    assert [removed.issue_id for removed in report.removed] == [record.id]
    assert library.catalog.get(record.id) is None


def test_a_full_disk_while_indexing_is_one_line_and_the_next_import_indexes_the_rest(paths, library, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(search_index, "add_issue", full)
        with pytest.raises(ReaderError) as stopped:
            library.import_paths([str(SEEDS[2])])
    assert stopped.value.kind is ErrorKind.WRITE_FAILED and str(paths.index_dir) in str(stopped.value)
    assert library.import_paths([]).imported == []  # the repair before it indexes the pending issue
    assert {record.state for record in library.records()} == {"indexed"} and len(library.records()) == 3


def test_an_abandoned_import_drops_even_the_batch_it_has_read(paths):
    library = Library(paths)
    try:
        asked = []

        def closing() -> bool:  # the window closes once every file has been read
            asked.append(True)
            return len(asked) > len(SEEDS)

        report = library.import_paths([str(seed) for seed in SEEDS], abandoned=closing)
        assert len(asked) > len(SEEDS)  # it was asked again before storing what it had read
        assert report.cancelled and report.imported == [] and library.records() == []
    finally:
        library.close()
