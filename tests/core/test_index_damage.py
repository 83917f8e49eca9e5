"""A damaged index, or one written by an older layout of the program, never stops the reader.

The index can always be rebuilt from the library's originals; the start-up
repair (Library.repair, run by the window at start and before every import)
does so by itself when the index does not open cleanly.
"""

from __future__ import annotations

import pytest

from reader.config import seeds_dir
from reader.core.errors import IndexNotReady
from reader.core.library.library import Library
from reader.core.search import index as index_module
from reader.core.search.searcher import Searcher

SEEDS = sorted(seeds_dir().glob("*.txt"))


@pytest.fixture
def seeded(paths):
    library = Library(paths)
    library.import_paths([str(seed) for seed in SEEDS])
    expected = Searcher(paths.index_dir).search("核酸").total
    library.close()
    assert expected > 0
    return paths, expected


def _toc(index_dir):
    return next(index_dir.glob("_MAIN_*.toc"))


def test_an_index_whose_stored_schema_names_moved_modules_still_opens(seeded):
    """The table of contents pickles the schema by module path; moving a module must not lose the index."""
    paths, expected = seeded
    toc = _toc(paths.index_dir)
    data = toc.read_bytes()
    moved = data.replace(b"reader.core.search.whoosh27.fields", b"reader.core.search.whoosh27.fieldz")
    assert moved != data  # the stored pickle does name the module
    toc.write_bytes(moved)
    assert index_module.index_is_current(paths.index_dir)
    assert Searcher(paths.index_dir).search("核酸").total == expected


@pytest.mark.parametrize("damage", ["segment file deleted", "segment file truncated", "table of contents garbled"])
def test_a_damaged_index_is_rebuilt_by_the_repair(seeded, damage):
    paths, expected = seeded
    index_dir = paths.index_dir
    if damage == "table of contents garbled":
        toc = _toc(index_dir)
        toc.write_bytes(toc.read_bytes()[:20] + b"\x00" * 40)
    else:
        postings = max(index_dir.glob("*.trm"), key=lambda path: path.stat().st_size)
        if damage == "segment file deleted":
            postings.unlink()
        else:
            postings.write_bytes(postings.read_bytes()[:100])
    assert not index_module.index_is_current(index_dir)
    library = Library(paths)
    try:
        report = library.repair()
        assert len(report.reindexed) == len(SEEDS)
        assert Searcher(index_dir).search("核酸").total == expected
        assert index_module.index_is_current(index_dir)
    finally:
        library.close()


def test_a_damaged_index_is_never_recreated_in_place_by_a_writer(seeded):
    """Emptying it would leave the catalog calling every issue indexed; the repair rebuilds it beside instead."""
    paths, _expected = seeded
    toc = _toc(paths.index_dir)
    toc.write_bytes(toc.read_bytes()[:20] + b"\x00" * 40)
    files = sorted(path.name for path in paths.index_dir.iterdir())
    with pytest.raises(IndexNotReady):
        index_module.open_index(paths.index_dir, create=True)
    assert sorted(path.name for path in paths.index_dir.iterdir()) == files
