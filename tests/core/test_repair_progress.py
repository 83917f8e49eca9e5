"""The repair at start says how far it is, and says nothing when there is nothing to repair."""

from __future__ import annotations

from reader.config import seeds_dir
from reader.core.library.library import WRITING_INDEX, Library
from reader.core.search import index as index_module
from reader.core.search.index import indexed_issue_ids


def _calls(library: Library) -> list[tuple[int, int, str]]:
    calls: list[tuple[int, int, str]] = []
    library.repair(progress=lambda *call: calls.append(call))
    return calls


def test_a_repair_with_nothing_to_do_reports_no_progress(paths):
    library = Library(paths)
    library.import_paths([str(seeds_dir())])
    assert _calls(library) == []
    library.close()


def test_a_repair_of_issues_missing_from_the_index_counts_each_issue_it_reindexes(paths):
    library = Library(paths)
    library.import_paths([str(seeds_dir())])
    records = library.records()
    lost = records[:2]
    with index_module.writing(library.index, 0) as writer:  # as a hand-edited data folder leaves it
        for record in lost:
            index_module.delete_issue(writer, record.id)
    calls = _calls(library)
    named = [(done, total, name) for done, total, name in calls if name not in (WRITING_INDEX, "")]
    assert [(done, total) for done, total, _ in named] == [(0, 2), (1, 2)]
    assert {name for *_, name in named} == {r.source for r in lost}
    assert calls[-1] == (2, 2, "")
    assert indexed_issue_ids(library.index) == {r.id for r in records}
    library.close()


def test_a_repair_that_rebuilds_an_outdated_index_reports_the_rebuild(paths):
    library = Library(paths)
    library.import_paths([str(seeds_dir())])
    library.close()
    (paths.index_dir / index_module.VERSION_FILE).write_text(f"{index_module.SCHEMA_VERSION}.1")
    library = Library(paths)
    calls = _calls(library)
    counted = [done for done, total, name in calls if name not in (WRITING_INDEX, "") and total == 5]
    assert counted == [0, 1, 2, 3, 4]
    assert calls[-1] == (5, 5, "")
    library.close()
