"""Back a library up to one file and restore it elsewhere: originals, catalog, corrections and notes; the index rebuilt."""

from __future__ import annotations

import json
import zipfile

import pytest

from reader.cli import main
from reader.config import resolve_paths
from reader.core.errors import Stopped
from reader.core.library.backup import MANIFEST, NotABackup, restore_backup, write_backup
from reader.core.library.library import Library
from reader.core.reading import article_view
from reader.core.search.searcher import Searcher


def _library_state(paths):
    library = Library(paths)
    try:
        records = sorted((r.id, r.source, r.shown_publication, r.shown_date, r.articles) for r in library.records())
        notes = [(b.issue_id, b.ordinal, b.note) for b in library.bookmarks.all()]
        originals = {
            p.relative_to(paths.originals_dir).as_posix(): p.read_bytes()
            for p in paths.originals_dir.rglob("*")
            if p.is_file()
        }
    finally:
        library.close()
    return records, notes, originals


def test_a_backup_restored_elsewhere_is_the_same_library_and_searchable(seeded_paths, tmp_path):
    library = Library(seeded_paths)
    record = library.records()[0]
    library.correct(record.id, publication="合川日报")
    library.bookmarks.add(record.id, 0, article_view(library.load_issue(record.id), 0), note="留着看")
    backup = tmp_path / "库.zip"
    report = library.back_up(backup)
    library.close()
    assert report.originals >= 5 and backup.is_file()
    assert not any(name.endswith(".part") for name in (p.name for p in tmp_path.iterdir()))
    with zipfile.ZipFile(backup) as archive:
        names = archive.namelist()
    assert MANIFEST in names and "catalog.sqlite3" in names and "bookmarks.sqlite3" in names
    assert not any(name.startswith("index/") for name in names)  # a cache: rebuilt

    moved = resolve_paths(tmp_path / "另一台电脑" / "文库")
    restore_backup(backup, moved)
    assert _library_state(moved) == _library_state(seeded_paths)
    restored = Library(moved)
    restored.repair()  # as the window's start or `reader restore` does
    restored.close()
    searcher = Searcher(moved.index_dir)
    assert searcher.search("合川日报 OR 疫情").total > 0
    searcher.close()


def test_restore_refuses_a_folder_with_anything_in_it(seeded_paths, tmp_path):
    backup = tmp_path / "b.zip"
    write_backup(seeded_paths, backup)
    occupied = resolve_paths(tmp_path / "occupied")
    occupied.data_dir.mkdir()
    (occupied.data_dir / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        restore_backup(backup, occupied)
    assert [p.name for p in occupied.data_dir.iterdir()] == ["mine.txt"]


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"a.txt": "x"}, "manifest"),
        ({MANIFEST: json.dumps({"format": 99})}, "format"),
        ({MANIFEST: json.dumps({"format": 1}), "../evil.txt": "x"}, "outside"),
        ({MANIFEST: json.dumps({"format": 1}), "other/file.txt": "x"}, "does not"),
    ],
)
def test_a_file_that_is_not_our_backup_is_refused_and_leaves_nothing(tmp_path, members, reason):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    target = resolve_paths(tmp_path / "lib")
    with pytest.raises(NotABackup, match=reason):
        restore_backup(bad, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.zip"]


def test_not_a_zip_at_all(tmp_path):
    text = tmp_path / "notes.zip"
    text.write_text("plain text", encoding="utf-8")
    with pytest.raises(NotABackup, match="zip"):
        restore_backup(text, resolve_paths(tmp_path / "lib"))


def test_a_cancelled_backup_leaves_no_file(seeded_paths, tmp_path):
    target = tmp_path / "b.zip"
    with pytest.raises(Stopped):
        write_backup(seeded_paths, target, cancelled=lambda: True)
    assert not target.exists() and not list(tmp_path.glob(".*.part"))


def test_the_command_line_backs_up_and_restores(seeded_paths, tmp_path, capsys):
    backup = tmp_path / "b.zip"
    assert main(["backup", str(backup), "--json", "--data-dir", str(seeded_paths.data_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["originals"] >= 5
    moved = tmp_path / "moved"
    assert main(["restore", str(backup), "--json", "--data-dir", str(moved)]) == 0
    assert json.loads(capsys.readouterr().out)["issues"] == 5
    assert main(["restore", str(backup), "--data-dir", str(moved)]) == 1  # not into a library that exists
    assert "not empty" in capsys.readouterr().err
