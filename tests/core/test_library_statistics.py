"""Library statistics: counts per publication and year, reporters credited at import, the import history."""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from reader.config import seeds_dir
from reader.core.errors import ErrorKind, ReaderError
from reader.core.library import catalog as catalog_module
from reader.core.library import library as library_module
from reader.core.library import statistics as statistics_module
from reader.core.library.credits import UNCREDITED, issue_credits
from reader.core.library.import_log import DUPLICATE, IMPORTED, REJECTED
from reader.core.library.library import Library
from reader.core.library.statistics import (
    ALL,
    LibraryStatistics,
    PublicationYear,
    library_statistics,
    publication_years,
    read_statistics,
    reporter_credits,
)
from reader.core.model import Article, Issue
from tests.catalog_records import issue_record
from tests.read_only import make_read_only, snapshot

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"
SEED_001 = seeds_dir() / "001_be03ec69b60a77f1.txt"


def _record(number, publication, date, articles=3, corrections=None):
    return issue_record(number, publication, date, articles=articles, corrections=corrections)


def _credits_by_reading(library: Library) -> Counter:
    """Articles per reporter, counted independently from every issue parsed again."""
    counts: Counter = Counter()
    for record in library.records():
        for article in library.load_issue(record.id).articles:
            counts.update(set(article.reporters))
    return counts


def _make_old(paths) -> None:
    """The catalog as a version before statistics left it: no credits, no import log."""
    with contextlib.closing(sqlite3.connect(paths.catalog_file)) as db:
        db.execute("DROP TABLE credits")
        db.execute("DROP TABLE import_log")
        db.commit()


def test_issues_and_articles_per_publication_and_year_as_corrected_undated_apart():
    records = [
        _record(1, "北碚报", "2021-11-09", 9),
        _record(2, "北碚报", "2022-03", 7),
        _record(3, "北碚报", None, 2),
        _record(4, "渝中报", "2022-07-01", 8, corrections={"publication": "北碚报"}),
        _record(5, None, "2020-01-01", 4),
        _record(6, "北碚报", "2021-01-01", 5, corrections={"date": "2019-05"}),
    ]
    assert publication_years(records) == [
        PublicationYear("北碚报", 2019, 1, 5, "2019-05", "2019-05"),
        PublicationYear("北碚报", 2021, 1, 9, "2021-11-09", "2021-11-09"),
        PublicationYear("北碚报", 2022, 2, 15, "2022-03", "2022-07-01"),
        PublicationYear("北碚报", None, 1, 2),
        PublicationYear(None, 2020, 1, 4, "2020-01-01", "2020-01-01"),
    ]


def test_a_correction_in_the_library_moves_an_issue_to_its_publication_and_year(seeded_paths):
    library = Library(seeded_paths)
    try:
        record = next(r for r in library.records() if r.shown_publication == "渝中报")
        library.correct(record.id, publication="缙云报", date="2019-05-04")
        statistics = read_statistics(library.catalog)
        its_reporters = set(library.catalog.credits()[record.id]) - {UNCREDITED}
    finally:
        library.close()
    assert statistics.totals() == (5, sum(r.articles for r in statistics.issues.values()))
    assert statistics.totals("缙云报") == (1, record.articles)
    assert [(row.publication, row.year) for row in statistics.publication_years] == [
        ("北碚报", 2021),
        ("北碚报", 2022),
        ("缙云报", 2019),
    ]
    # The reporters of the corrected issue count under its corrected publication.
    credited = {credit.reporter for credit in statistics.reporters("缙云报")}
    assert credited == its_reporters and credited
    assert not statistics.reporters("渝中报")
    assert credited <= {credit.reporter for credit in statistics.reporters(ALL)}


def test_a_reporter_of_two_papers_is_ranked_on_all_of_their_articles():
    records = [
        _record(1, "北碚报", "2021-11-09"),
        _record(2, "渝中报", "2022-07-01"),
        _record(3, "渝中报", "2022-08", corrections={"date": "2020-02"}),
    ]
    credits = {
        "id1": {"霍吕": 1, "熊辉": 3, UNCREDITED: 1},
        "id2": {"霍吕": 2, UNCREDITED: 0},
        "id3": {"霍吕": 1, UNCREDITED: 2},
    }
    rows, uncredited = reporter_credits(records, credits)
    statistics = LibraryStatistics({}, publication_years(records), rows, uncredited, [], True, None)
    top = statistics.reporters(ALL)[0]
    assert (top.reporter, top.publications, top.articles, top.issues) == ("霍吕", ("渝中报", "北碚报"), 4, 3)
    assert (top.first, top.last) == ("2020-02", "2022-07-01")  # the corrected date counts
    assert [(c.reporter, c.articles) for c in statistics.reporters("北碚报")] == [("熊辉", 3), ("霍吕", 1)]
    assert statistics.uncredited_articles() == 3 and statistics.uncredited_articles("渝中报") == 2


def test_credits_counts_each_reporter_once_per_article_and_the_uncredited():
    issue = Issue(
        "x.txt",
        articles=[
            Article(reporters=["霍吕", "熊辉"]),
            Article(reporters=["霍吕", "霍吕"]),
            Article(reporters=[]),
            Article(kind="ad"),
        ],
    )
    assert issue_credits(issue) == {"霍吕": 2, "熊辉": 1, UNCREDITED: 2}
    assert issue_credits(Issue("y.txt")) == {UNCREDITED: 0}  # counted, with nothing to count


def test_credits_are_written_at_import_and_rank_the_reporters(library):
    library.import_paths([str(seeds_dir())])
    stored = library.catalog.credits()
    assert set(stored) == {record.id for record in library.records()}
    statistics = read_statistics(library.catalog)
    assert not statistics.uncounted
    expected = _credits_by_reading(library)
    ranked = statistics.reporters()
    assert {credit.reporter: credit.articles for credit in ranked} == dict(expected)
    assert ranked[0].reporter == expected.most_common(1)[0][0]
    assert [credit.articles for credit in ranked] == sorted((c.articles for c in ranked), reverse=True)
    top = ranked[0]
    assert top.first <= top.last and top.issues >= 2
    by_paper = {p: {c.reporter: c.articles for c in statistics.reporters(p)} for p in statistics.publications()}
    assert sum(by_paper["北碚报"].values()) + sum(by_paper["渝中报"].values()) == sum(expected.values())
    for credit in ranked:  # each reporter with the papers that credit them, the one with most articles first
        papers = {paper for paper, names in by_paper.items() if credit.reporter in names}
        assert set(credit.publications) == papers
        assert by_paper[credit.publications[0]][credit.reporter] == max(
            by_paper[paper][credit.reporter] for paper in papers
        )
    uncredited = sum(1 for r in library.records() for a in library.load_issue(r.id).articles if not a.reporters)
    assert statistics.uncredited_articles() == uncredited > 0


def test_credits_are_rewritten_when_an_issue_is_parsed_again(library):
    library.import_paths([str(SEED_000)])
    record = library.records()[0]
    true_credits = library.catalog.credits()[record.id]
    library.catalog.set_credits({record.id: {"旧解析": 99, UNCREDITED: 0}})  # as an older parser counted
    library.reindex()
    assert library.catalog.credits()[record.id] == true_credits
    library.catalog.set_credits({record.id: {"旧解析": 99, UNCREDITED: 0}})
    library.correct(record.id, page="2")  # indexed again from its original
    assert library.catalog.credits()[record.id] == true_credits


def test_credits_go_with_a_removed_issue(library, paths):
    library.import_paths([str(SEED_000), str(SEED_001)])
    gone = library.records()[0]
    library.remove([gone.id])
    assert gone.id not in library.catalog.credits()
    with contextlib.closing(sqlite3.connect(paths.catalog_file)) as db:
        assert not db.execute("SELECT COUNT(*) FROM credits WHERE issue = ?", (gone.id,)).fetchone()[0]
    statistics = read_statistics(library.catalog)
    assert statistics.totals() == (1, library.records()[0].articles)
    assert not statistics.uncounted


def test_an_older_library_gets_its_credits_counted_from_the_originals_and_stored(seeded_paths):
    library = Library(seeded_paths)
    expected = dict(library.catalog.credits())
    library.close()
    _make_old(seeded_paths)

    library = Library(seeded_paths)  # opened for writing: the tables are made, empty
    try:
        assert library.catalog.credits() == {}
        assert len(read_statistics(library.catalog).uncounted) == 5
        progress = []
        listed = []
        whole_catalog = library.catalog.all
        library.catalog.all = lambda: listed.append(1) or whole_catalog()
        statistics = library_statistics(library, progress=lambda done, total, name: progress.append((done, total)))
        assert len(listed) == 1  # the records and the history are read once; only the reporters again
        assert statistics.stored and not statistics.uncounted and not statistics.stopped
        again = read_statistics(library.catalog)  # everything now stored: what a later opening reads
        assert (statistics.credits, statistics.uncredited, statistics.history) == (
            again.credits,
            again.uncredited,
            again.history,
        )
        assert len(statistics.counted) == 5
        assert progress[0] == (0, 5) and progress[-1] == (5, 5)
        assert library.catalog.credits() == expected  # kept: not read again next time
        assert not read_statistics(library.catalog).uncounted
        assert statistics.reporters()  # the reporters tab is not empty
    finally:
        library.close()


def test_a_stopped_count_keeps_what_it_counted(seeded_paths, monkeypatch):
    _make_old(seeded_paths)
    monkeypatch.setattr(statistics_module, "STORE_EVERY", 1)
    library = Library(seeded_paths)
    try:
        asked = []

        def cancelled() -> bool:
            asked.append(1)
            return len(asked) > 2

        statistics = library_statistics(library, cancelled=cancelled)
        assert statistics.stopped and len(statistics.uncounted) == 3
        assert len(library.catalog.credits()) == 2
        assert not library_statistics(library).uncounted  # the rest the next time
    finally:
        library.close()


def test_an_issue_whose_copy_is_missing_stays_uncounted(seeded_paths):
    _make_old(seeded_paths)
    library = Library(seeded_paths)
    try:
        record = library.records()[0]
        library.original_path(record).unlink()
        statistics = library_statistics(library)
        assert statistics.uncounted == [record.id]
        assert len(library.catalog.credits()) == 4
    finally:
        library.close()


def test_an_issue_the_parser_fails_on_stays_uncounted_and_the_rest_are_counted(seeded_paths, monkeypatch):
    _make_old(seeded_paths)
    library = Library(seeded_paths)
    try:
        broken = library.records()[0]
        load_issue = Library.load_issue

        def failing(self, issue_id):
            if issue_id == broken.id:
                raise RuntimeError("a parser bug")
            return load_issue(self, issue_id)

        monkeypatch.setattr(Library, "load_issue", failing)
        statistics = library_statistics(library)
        assert statistics.uncounted == [broken.id]
        assert len(library.catalog.credits()) == 4
    finally:
        library.close()


def test_the_import_log_lets_whole_older_imports_go_and_the_history_still_lists_their_issues(
    library, monkeypatch, tmp_path
):
    monkeypatch.setattr(catalog_module, "IMPORT_LOG_ROWS", 1)
    library.import_paths([seeds_dir() / "000_3ec1d81f3cd0b893.txt"])
    library.import_paths([seeds_dir() / "001_be03ec69b60a77f1.txt"])
    (tmp_path / "空白页.txt").write_bytes(b"")
    library.import_paths([tmp_path / "空白页.txt", seeds_dir() / "003_6cd1b7fef63f82be.txt"])
    log = library.catalog.import_log()
    # The newest import whole, its rejected file too, although it has more rows than the log keeps.
    assert sorted(Path(row[1]).name for row in log) == ["003_6cd1b7fef63f82be.txt", "空白页.txt"]
    history = read_statistics(library.catalog).history
    assert len(history) == 4 and sum(1 for event in history if not event.logged) == 2  # the older two, from the catalog


def test_the_import_log_keeps_every_file_an_import_looked_at(library, tmp_path):
    folder = tmp_path / "来稿"
    folder.mkdir()
    (folder / "空.txt").write_bytes(b"")
    (folder / "好.txt").write_bytes(SEED_000.read_bytes())
    (folder / "副本.txt").write_bytes(SEED_000.read_bytes())
    first = library.import_paths([str(SEED_001)])
    report = library.import_paths([str(folder), str(tmp_path / "不存在.txt")])
    assert len(report.imported) == 1 and len(report.duplicates) == 1 and len(report.rejected) == 2
    history = read_statistics(library.catalog).history
    by_name = {event.source.rsplit("/", 1)[-1]: event for event in history}
    assert set(by_name) == {"空.txt", "好.txt", "副本.txt", "不存在.txt", SEED_001.name}
    assert by_name["空.txt"].outcome == REJECTED and by_name["空.txt"].reason == ErrorKind.EMPTY_FILE
    assert by_name["不存在.txt"].reason == ErrorKind.NO_SUCH_FILE
    imported = by_name["副本.txt"]  # read first (names in order); 好.txt is then the same text again
    assert imported.outcome == IMPORTED and imported.issue == report.imported[0].issue_id
    assert imported.detail["articles"] == report.imported[0].articles
    duplicate = by_name["好.txt"]
    assert duplicate.outcome == DUPLICATE and duplicate.issue == imported.issue
    assert duplicate.detail["existing"] == report.duplicates[0].existing_source
    assert all(event.logged for event in history)
    assert history[-1].source == first.imported[0].path  # newest import first
    assert history[0].at == history[3].at > history[-1].at  # one time for the files of one import
    assert set(report.to_json()) == {"imported", "duplicates", "rejected", "skipped", "cancelled", "warnings"}


def test_a_rejection_keeps_the_values_its_reason_names(library, monkeypatch):
    def broken_parser(text, source):
        raise ValueError("第3版无法切分")

    monkeypatch.setattr(library_module, "_parse", broken_parser)
    report = library.import_paths([str(SEED_000)])
    event = read_statistics(library.catalog).history[0]
    assert event.reason == ErrorKind.UNPARSABLE == report.rejected[0].kind
    assert event.detail == {"detail": "第3版无法切分"}


def test_an_import_the_log_cannot_be_written_for_imports_all_the_same(library, monkeypatch):
    def full(rows):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(library.catalog, "log_imports", full)
    report = library.import_paths([str(SEED_000)])
    assert len(report.imported) == 1 and len(library.records()) == 1


def test_an_import_that_fails_still_logs_the_files_it_rejected(library, tmp_path, monkeypatch):
    (tmp_path / "空.txt").write_bytes(b"")
    (tmp_path / "好.txt").write_bytes(SEED_000.read_bytes())

    def disk_full(self, batch, report, cancelled):
        raise ReaderError(ErrorKind.WRITE_FAILED, file="好.txt", detail="No space left on device")

    monkeypatch.setattr(library_module.Library, "_store_batch", disk_full)
    with pytest.raises(ReaderError):
        library.import_paths([str(tmp_path)])
    history = read_statistics(library.catalog).history
    assert [(event.source.rsplit("/", 1)[-1], event.outcome) for event in history] == [("空.txt", REJECTED)]


def test_a_read_only_catalog_of_an_older_version_gives_what_it_can(seeded_paths, monkeypatch, request):
    _make_old(seeded_paths)
    make_read_only(seeded_paths.data_dir, monkeypatch, request)
    before = snapshot(seeded_paths.data_dir)
    library = Library(seeded_paths)
    try:
        assert library.read_only
        assert library.catalog.credits() is None and library.catalog.import_log() is None
        statistics = library_statistics(library)
        assert statistics.totals()[0] == 5
        assert not statistics.history_kept
        assert [event.outcome for event in statistics.history] == [IMPORTED] * 5
        assert not any(event.logged for event in statistics.history)
        assert not statistics.uncounted and not statistics.stored and len(statistics.counted) == 5
        assert statistics.reporters()  # counted for this reading, in memory
        assert library.catalog.credits() == statistics.counted  # kept in memory for the session
        again = library_statistics(library)
        assert not again.counted and not again.uncounted  # not read again
    finally:
        library.close()
    assert snapshot(seeded_paths.data_dir) == before


def test_credits_that_cannot_be_written_are_kept_for_the_session(seeded_paths, monkeypatch):
    """A full disk (or a catalog another process holds) while storing counted credits: the count is not
    lost; they are not stored (the failed transaction rolled back), no further write is tried for the same
    count (each would wait for the lock), and they are not read from the originals again in this session."""
    import contextlib
    import sqlite3

    from reader.core.library import statistics as statistics_module
    from reader.core.library.catalog import Catalog

    library = Library(seeded_paths)
    expected = dict(library.catalog.credits())
    library.close()
    _make_old(seeded_paths)
    library = Library(seeded_paths)
    tried = []
    write = Catalog._write_credits
    try:

        def full_disk(self, credits):
            tried.append(len(credits))
            write(self, credits)  # written, then the disk fills: the transaction must roll back
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(Catalog, "_write_credits", full_disk)
        monkeypatch.setattr(statistics_module, "STORE_EVERY", 2)
        statistics = library_statistics(library)
        assert not statistics.stored and len(statistics.counted) == 5 and not statistics.uncounted
        assert tried == [2]  # the first batch failed: the others were kept in memory without trying
        assert library.catalog.credits() == expected  # in memory
        assert not library_statistics(library).counted  # not read again
    finally:
        library.close()
    with contextlib.closing(sqlite3.connect(seeded_paths.catalog_file)) as db:
        assert not db.execute("SELECT COUNT(*) FROM credits").fetchone()[0]  # nothing half stored


def test_credits_kept_in_memory_yield_to_stored_ones_and_go_with_their_issue(seeded_paths):
    library = Library(seeded_paths)
    try:
        first, second = (record.id for record in library.records()[:2])
        stored = library.catalog.credits()[first]
        library.catalog.set_credits({first: {"旧": 1}, second: {"旧": 1}}, store=False)  # counted, not stored
        assert library.catalog.credits()[first] == stored  # the stored count is the newer one
        library.catalog.remove([second])
        assert second not in library.catalog.credits()
    finally:
        library.close()
