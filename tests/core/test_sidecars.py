"""Each stored original keeps what the catalog needs beside it, so nothing the user imported loses its name.

A lost or damaged catalog, a crash between storing originals and recording
them, or a full disk must never turn `北碚报_2021-11-09.txt` into an anonymous
`<hash>.txt` with no date: the repair lists every original again with its
name, import time and corrections.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
from contextlib import closing

import pytest

from reader.config import seeds_dir
from reader.core.errors import ErrorKind, ReaderError
from reader.core.library import library as library_module
from reader.core.library.library import Library
from reader.core.library.sidecars import read_sidecar, sidecar_name

SEEDS = sorted(seeds_dir().glob("*.txt"))


def _named_copies(tmp_path):
    """Seeds under names that carry publication and date, as archives name their files."""
    folder = tmp_path / "来稿"
    folder.mkdir()
    names = ["北碚报_2021-11-09.txt", "渝中报_2022-07-15.txt"]
    for seed, name in zip(SEEDS, names, strict=False):
        shutil.copy(seed, folder / name)
    return folder, names


def _damage_catalog(paths, garbage: bytes | None) -> None:
    """Lose the catalog (None) or overwrite it with `garbage`, as a disk error or a bad copy would."""
    for path in paths.data_dir.glob("catalog.sqlite3*"):
        path.unlink()
    if garbage is not None:
        paths.catalog_file.write_bytes(garbage)


def _rows(library):
    return {
        record.id: (record.source, record.shown_publication, record.shown_date, record.imported_at)
        for record in library.records()
    }


def test_a_lost_catalog_is_rebuilt_with_names_dates_and_corrections(paths, tmp_path):
    folder, names = _named_copies(tmp_path)
    with closing(Library(paths)) as library:
        library.import_paths([str(folder)])
        first = next(record for record in library.records() if record.source == names[0])
        library.correct(first.id, page="3")
        before = _rows(library)

    _damage_catalog(paths, None)
    with closing(Library(paths)) as library:
        report = library.repair()
        assert sorted(report.recovered_originals) == sorted(names)
        assert _rows(library) == before
        assert library.catalog.get(first.id).corrections == {"page": "3"}


def test_sidecars_follow_corrections_and_removals(paths, tmp_path):
    folder, names = _named_copies(tmp_path)
    with closing(Library(paths)) as library:
        library.import_paths([str(folder)])
        record = library.records()[0]
        sidecar = paths.originals_dir / sidecar_name(record.stored_name)
        assert read_sidecar(sidecar).source == record.source
        library.correct(record.id, publication="北碚日报")
        assert read_sidecar(sidecar).corrections == {"publication": "北碚日报"}
        library.remove([record.id])
        assert not sidecar.exists() and not (paths.originals_dir / record.stored_name).exists()
        assert not paths.trash_dir.exists()


def test_a_library_made_before_sidecars_gets_them_at_the_next_repair(paths, tmp_path):
    folder, _names = _named_copies(tmp_path)
    with closing(Library(paths)) as library:
        library.import_paths([str(folder)])
        sidecars = sorted(paths.originals_dir.glob("*/*.json"))
        assert len(sidecars) == 2
        for path in sidecars:
            path.unlink()
        library.repair()
        assert sorted(paths.originals_dir.glob("*/*.json")) == sidecars


def test_a_full_disk_stops_the_import_in_one_line_and_the_next_repair_keeps_the_names(paths, tmp_path, monkeypatch):
    folder, names = _named_copies(tmp_path)
    library = Library(paths)
    write = library_module.write_atomically
    written = []

    def filling_up(target, data):
        if len(written) == 3:  # the first issue's sidecar and copy, the second's sidecar; then its copy
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        written.append(target)
        write(target, data)

    monkeypatch.setattr(library_module, "write_atomically", filling_up)
    try:
        with pytest.raises(ReaderError) as stopped:
            library.import_paths([str(folder)])
        assert stopped.value.kind is ErrorKind.WRITE_FAILED and "No space left" in str(stopped.value)
        assert library.records() == []  # nothing listed half-way
        monkeypatch.setattr(library_module, "write_atomically", write)  # space again
        report = library.repair()
        assert report.recovered_originals == [names[0]]  # the copy that was complete, by its name
        assert library.import_paths([str(folder)]).imported  # the rest comes in
        assert sorted(record.source for record in library.records()) == sorted(names)
    finally:
        library.close()


def test_a_damaged_catalog_is_set_aside_and_the_library_listed_again_by_the_repair(paths, tmp_path):
    folder, names = _named_copies(tmp_path)
    with closing(Library(paths)) as library:
        library.import_paths([str(folder)])
        before = _rows(library)
    _damage_catalog(paths, b"this is not a database any more" * 100)

    with closing(Library(paths)) as library:
        assert library.damaged_catalog is not None and library.damaged_catalog.exists()  # kept, not deleted
        assert not library.is_new()  # a window must not take it for a first start and import the samples
        library.repair()  # the window's start-up repair (with progress), or the CLI at once
        assert _rows(library) == before  # listed again with names and dates
        assert all(record.state == "indexed" for record in library.records())  # the index still had them


def test_the_cli_says_in_one_line_that_the_catalog_was_rebuilt(paths, tmp_path):
    folder, _names = _named_copies(tmp_path)
    with closing(Library(paths)) as library:
        library.import_paths([str(folder)])
    _damage_catalog(paths, b"\x00garbage" * 500)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(paths.data_dir), "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "2 issues" in done.stdout
    assert done.stderr.count("\n") == 1 and "catalog was damaged" in done.stderr and "Traceback" not in done.stderr
