"""Removing issues: original, catalog row and articles go together, or nothing goes."""

from __future__ import annotations

import pytest
from whoosh.writing import SegmentWriter

from reader.core.errors import ReaderError
from reader.core.library.catalog import Catalog
from reader.core.library.library import Library
from reader.core.library.removal import Trash, resolve_ids
from reader.core.search import index as search_index
from reader.core.search.index import indexed_issue_ids
from reader.core.search.searcher import Searcher

#: A phrase no seed contains, so its hits say whether this issue is still searchable.
PHRASE = '"鹭江渡口"'
ISSUE_TEXT = (
    "鹭江晚报 2023年1月5日 星期四 第2版\n\n\n"
    "渡口老船工的最后一班船\n\n"
    "本报讯(记者 林晓)1月4日清晨，鹭江渡口的老船工陈阿伯撑完了他的最后一班船。"
    "新建的跨江大桥通车后，这条开了六十年的渡船航线停航。\n\n"
    "陈阿伯说，渡口的石阶他走了四十多年，往后会常来看看。\n"
)


def _hits(paths, query: str) -> int:
    searcher = Searcher(paths.index_dir)
    try:
        return searcher.search(query, limit=None).total
    finally:
        searcher.close()


@pytest.fixture
def library(seeded_paths, tmp_path):
    """The seeded library plus one issue of our own, imported from a folder with a Chinese name."""
    folder = tmp_path / "来稿"
    folder.mkdir()
    issue = folder / "鹭江晚报_2023-01-05.txt"
    issue.write_text(ISSUE_TEXT, encoding="utf-8")
    opened = Library(seeded_paths)
    report = opened.import_paths([str(issue)])
    assert len(report.imported) == 1
    yield opened
    opened.close()


def _ours(library):
    return next(record for record in library.records() if record.source == "鹭江晚报_2023-01-05.txt")


def _assert_consistent(library) -> None:
    """Every listed issue has its original and its articles, and nothing else is left anywhere."""
    records = library.records()
    assert all(library.original_path(record).is_file() for record in records)
    assert indexed_issue_ids(library.index) == {record.id for record in records}
    assert len(list(library.paths.originals_dir.glob("*/*.txt"))) == len(records)
    assert not library.paths.trash_dir.exists()
    assert not library.repair().changed()


def test_a_removed_issue_is_no_longer_listed_stored_or_found(library):
    ours = _ours(library)
    original = library.original_path(ours)
    assert _hits(library.paths, PHRASE) == 1
    others = _hits(library.paths, '"核酸检测采样"')

    report = library.remove([ours.id[:8]])  # a prefix, as `reader list` users type it

    assert [(item.issue_id, item.source) for item in report.removed] == [(ours.id, "鹭江晚报_2023-01-05.txt")]
    assert report.unknown == {}
    assert ours.id not in {record.id for record in library.records()}
    assert len(library.records()) == 5
    assert not original.exists() and not original.parent.exists()
    assert _hits(library.paths, PHRASE) == 0
    assert _hits(library.paths, '"核酸检测采样"') == others  # the other issues are untouched
    _assert_consistent(library)


def test_several_issues_go_at_once_and_the_removal_is_logged(library):
    ids = [record.id for record in library.records()][:3]
    assert not library.catalog.has_removals()
    report = library.remove(ids)
    assert [item.issue_id for item in report.removed] == ids
    assert len(library.records()) == 3
    assert library.catalog.has_removals()  # a library emptied on purpose does not get the samples again
    _assert_consistent(library)


def test_an_unknown_id_removes_nothing(library):
    before = library.records()
    report = library.remove([_ours(library).id, "不存在的期次", "0000000000"])
    assert report.removed == []
    assert list(report.unknown) == ["不存在的期次", "0000000000"]
    assert library.records() == before
    assert _hits(library.paths, PHRASE) == 1
    assert not library.catalog.has_removals()
    _assert_consistent(library)


def test_ids_are_matched_whole_or_by_a_unique_prefix_of_eight_characters():
    known = {"3ec1d81f00aa", "3ec1d81f11bb", "abc"}
    matched, unknown = resolve_ids(["3EC1D81F0", "abc", "3ec1d81f00aa", "3ec1d81f", "3ec1", "ffffffffff"], known)
    assert matched == ["3ec1d81f00aa", "abc"]  # once each, in the order given
    assert "2 issues" in unknown["3ec1d81f"]
    assert "8 characters" in unknown["3ec1"]
    assert "no issue has this id" in unknown["ffffffffff"]


def _assert_still_there(library, record) -> None:
    """The issue is listed, stored, searchable, and the library consistent: nothing was removed."""
    assert record.id in {row.id for row in library.records()}
    assert library.original_path(record).is_file()
    assert _hits(library.paths, PHRASE) == 1
    _assert_consistent(library)


def test_a_failed_index_commit_removes_nothing(library, monkeypatch):
    ours = _ours(library)

    def full_disk(writer, *args, **kwargs):
        raise OSError(28, "磁盘已满")

    monkeypatch.setattr(SegmentWriter, "commit", full_disk)
    with pytest.raises(ReaderError, match="nothing was removed.*磁盘已满"):
        library.remove([ours.id])
    monkeypatch.undo()

    _assert_still_there(library, ours)
    assert library.remove([ours.id]).removed  # the index's own lock was given back


def test_a_failure_after_the_index_commit_puts_the_articles_back(library, monkeypatch):
    ours = _ours(library)

    def locked(catalog, records):
        raise OSError(13, "文件被占用")

    monkeypatch.setattr(Catalog, "remove_logged", locked)
    with pytest.raises(ReaderError, match="nothing was removed"):
        library.remove([ours.id])
    monkeypatch.undo()

    _assert_still_there(library, ours)


class PowerCut(BaseException):
    """The process dies here: nothing after it runs, no clean-up either."""


def _cut(*_args, **_kwargs):
    raise PowerCut


@pytest.mark.parametrize(
    ("where", "removed"),
    [
        ((search_index, "writing"), False),  # originals in the trash, index and catalog untouched
        ((Catalog, "remove_logged"), False),  # the index commit done, the catalog not
        ((Trash, "empty"), True),  # the catalog committed, the originals still in the trash
    ],
    ids=["after-trash", "after-index-commit", "after-catalog-commit"],
)
def test_repair_settles_a_removal_a_crash_interrupted(library, monkeypatch, where, removed):
    ours = _ours(library)
    paths = library.paths
    monkeypatch.setattr(*where, _cut)
    monkeypatch.setattr(Trash, "take_back", lambda *args: None)  # a dead process puts nothing back
    monkeypatch.setattr(Library, "_rewrite_in_index", lambda *args, **kwargs: None)
    with pytest.raises(PowerCut):
        library.remove([ours.id])
    assert any(paths.trash_dir.rglob("*.txt"))
    library.close()
    monkeypatch.undo()

    reopened = Library(paths)  # the next start repairs
    try:
        report = reopened.repair()
        assert (report.deleted_from_trash if removed else report.restored_from_trash) == [ours.stored_name]
        listed = {record.id for record in reopened.records()}
        assert (ours.id not in listed) is removed
        assert reopened.original_path(ours).is_file() is not removed
        assert _hits(paths, PHRASE) == (0 if removed else 1)
        assert len(listed) == (5 if removed else 6)
        _assert_consistent(reopened)
    finally:
        reopened.close()


def test_a_removed_issue_can_be_imported_again(library, tmp_path):
    ours = _ours(library)
    library.remove([ours.id])
    report = library.import_paths([str(tmp_path / "来稿")])
    assert [item.issue_id for item in report.imported] == [ours.id]
    assert _hits(library.paths, PHRASE) == 1
    _assert_consistent(library)
