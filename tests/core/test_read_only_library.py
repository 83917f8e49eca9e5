"""A library the reader may only read (a read-only share or drive, another account's files): read, never written."""

from __future__ import annotations

import errno
import shutil
import sqlite3

import pytest

from reader.config import jieba_cache_for, resolve_paths, seeds_dir
from reader.core.errors import ErrorKind, ReaderError
from reader.core.library import access
from reader.core.library.catalog import Catalog
from reader.core.library.library import Library
from reader.core.library.locking import WriterLock
from reader.core.search.searcher import Searcher
from tests.read_only import make_read_only, snapshot


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path, monkeypatch):
    """The user's cache and config dirs (where a read-only library's jieba cache goes) in the test's folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "用户缓存"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "用户配置"))


@pytest.fixture
def read_only_paths(seeded_paths, monkeypatch, request):
    make_read_only(seeded_paths.data_dir, monkeypatch, request)
    return seeded_paths


def test_a_read_only_library_lists_reads_and_searches_and_writes_nothing(read_only_paths):
    before = snapshot(read_only_paths.data_dir)
    library = Library(read_only_paths)
    try:
        assert library.read_only
        records = library.records()
        assert len(records) == 5
        issue = library.load_issue(records[0].id)
        assert issue.articles
        searcher = Searcher(read_only_paths.index_dir)
        try:
            assert searcher.index.storage.readonly  # Whoosh would refuse to create a file there
            result = searcher.search("北碚")
            assert result.total > 0 and result.hits[0].snippet.marked()
        finally:
            searcher.close()
    finally:
        library.close()
    assert snapshot(read_only_paths.data_dir) == before  # no lock, no -wal/-shm, no cache, no repair


@pytest.mark.parametrize(
    "change",
    [
        lambda library, issue_id: library.import_paths([str(seeds_dir())]),
        lambda library, issue_id: library.correct(issue_id, page="2"),
        lambda library, issue_id: library.remove([issue_id]),
        lambda library, issue_id: library.repair(),
        lambda library, issue_id: library.reindex(),
    ],
    ids=["import", "correct", "remove", "repair", "reindex"],
)
def test_every_change_is_refused_with_one_error_naming_the_folder(read_only_paths, change):
    before = snapshot(read_only_paths.data_dir)
    library = Library(read_only_paths)
    try:
        with pytest.raises(ReaderError) as raised:
            change(library, library.records()[0].id)
    finally:
        library.close()
    assert raised.value.kind == ErrorKind.LIBRARY_READ_ONLY
    assert str(raised.value).startswith(f"the library in {read_only_paths.data_dir} can only be read here: ")
    assert snapshot(read_only_paths.data_dir) == before


def test_a_library_that_does_not_exist_and_cannot_be_made_is_empty(tmp_path, monkeypatch, request):
    parent = tmp_path / "只读盘"
    parent.mkdir()
    make_read_only(parent, monkeypatch, request)
    library = Library(resolve_paths(parent / "图书馆"))
    try:
        assert library.read_only and library.records() == [] and not library.catalog.has_removals()
    finally:
        library.close()
    assert snapshot(parent) == {".": snapshot(parent)["."]}  # nothing made in it


def test_a_writer_elsewhere_is_seen_through_the_catalogs_log(seeded_paths, monkeypatch):
    """While another copy writes (its -wal and -shm beside the catalog), a reader sees each commit."""
    writer = Library(seeded_paths)
    try:
        monkeypatch.setattr(access, "library_is_writable", lambda paths: False)
        reader = Library(seeded_paths)
        try:
            assert reader.read_only
            issue_id = reader.records()[0].id
            writer.correct(issue_id, publication="缙云报")
            assert reader.catalog.get(issue_id).shown_publication == "缙云报"  # not a snapshot taken at opening
        finally:
            reader.close()
    finally:
        writer.close()


def _catalog_with_changes_only_in_its_log(folder):
    """A catalog whose last change is still in its -wal (its writer killed), copied without the -shm."""
    folder.mkdir()
    catalog = folder / "catalog.sqlite3"
    Catalog(catalog).close()
    db = sqlite3.connect(str(catalog))
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute(
        "INSERT INTO issues (id, source, stored_name, codec, size, imported_at) "
        "VALUES ('0123456789abcdef0123', '北碚报_2021-11-09.txt', 'x', 'utf-8', 1, 0)"
    )
    db.commit()
    copy = folder.parent / "复制"
    copy.mkdir()
    shutil.copyfile(catalog, copy / catalog.name)
    shutil.copyfile(f"{catalog}-wal", copy / f"{catalog.name}-wal")
    db.close()
    return copy / catalog.name


def test_a_catalog_whose_log_cannot_be_opened_in_place_is_read_from_a_copy(tmp_path, monkeypatch):
    """Without its -shm in a read-only folder SQLite cannot read the log in place: a private copy is read."""
    catalog = _catalog_with_changes_only_in_its_log(tmp_path / "写")
    before = snapshot(catalog.parent)
    connect = sqlite3.connect

    def no_shm_can_be_made(target, *args, **kwargs):
        if isinstance(target, str) and "mode=ro" in target and "immutable" not in target:
            raise sqlite3.OperationalError("unable to open database file")
        return connect(target, *args, **kwargs)

    monkeypatch.setattr(access.sqlite3, "connect", no_shm_can_be_made)
    read = Catalog(catalog, read_only=True)
    try:
        assert [record.source for record in read.all()] == ["北碚报_2021-11-09.txt"]  # the log's row is there
    finally:
        read.close()
    assert snapshot(catalog.parent) == before


def test_the_share_refusing_what_os_access_allowed_falls_back_to_reading(seeded_paths, monkeypatch):
    """A network share may report a folder writable and then refuse: the catalog's open, or the lock."""
    real_catalog = Catalog.__init__

    def refused(self, path, read_only=False):
        if not read_only:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        real_catalog(self, path, read_only=read_only)

    monkeypatch.setattr(Catalog, "__init__", refused)
    library = Library(seeded_paths)
    try:
        assert library.read_only and len(library.records()) == 5
    finally:
        library.close()
    monkeypatch.setattr(Catalog, "__init__", real_catalog)

    def no_lock_file(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self.path))

    monkeypatch.setattr(WriterLock, "acquire", no_lock_file)
    library = Library(seeded_paths)
    try:
        with pytest.raises(ReaderError) as raised:
            library.correct(library.records()[0].id, page="2")
        assert raised.value.kind == ErrorKind.LIBRARY_READ_ONLY and library.read_only
    finally:
        library.close()


def test_jieba_keeps_its_cache_in_the_users_cache_dir_when_the_library_cannot_take_it(tmp_path):
    paths = resolve_paths(tmp_path / "图书馆")
    assert jieba_cache_for(paths, library_writable=True) == paths.jieba_cache_file
    elsewhere = jieba_cache_for(paths, library_writable=False)
    assert elsewhere == tmp_path / "用户缓存" / "baokan-reader" / "jieba.cache"
    assert elsewhere.parent.is_dir() and not paths.data_dir.exists()


def test_a_reload_while_the_share_is_gone_keeps_the_catalog_read_before(seeded_paths):
    """A reading room's share gone for a moment is not an empty library: the issues stay listed, the reload fails."""
    library = Library(seeded_paths, read_only=True)
    try:
        before = library.records()
        assert len(before) == 5
        aside = seeded_paths.data_dir.with_name("away")
        seeded_paths.data_dir.rename(aside)  # the share went away
        with pytest.raises(OSError):
            library.reload()
        assert library.records() == before
        aside.rename(seeded_paths.data_dir)  # and came back
        library.reload()
        assert library.records() == before
    finally:
        library.close()
