"""A library's first start: the newest issue opens, and a welcome fills the pane while the samples come in."""

from __future__ import annotations

import shutil

from reader.config import seeds_dir
from reader.core.library.catalog import IssueRecord
from reader.core.library.library import Library
from reader.gui.first_start import opening_issue
from tests.gui.conftest import close_window, open_window, shown

SEED_2021_10 = seeds_dir() / "004_0953af9a41337ccc.txt"
SEED_2022_03 = seeds_dir() / "001_be03ec69b60a77f1.txt"


def _record(issue_id: str, date: str | None, imported_at: float, corrected: str | None = None) -> IssueRecord:
    return IssueRecord(
        id=issue_id,
        source=f"{issue_id}.txt",
        stored_name=f"{issue_id}.txt",
        codec="utf-8",
        size=1,
        publication="北碚报",
        publication_origin="text",
        date=date,
        date_precision="day" if date and len(date) == 10 else "month",
        date_origin="text",
        page="1",
        articles=3,
        corrections={"date": corrected} if corrected else {},
        state="indexed",
        imported_at=imported_at,
    )


def test_the_issue_opened_first_is_the_newest_by_date_and_undated_issues_come_last():
    records = [
        _record("新", "2022-03-15", imported_at=1.0),
        _record("旧", "2021-10", imported_at=2.0),
        _record("无日期", None, imported_at=3.0),  # imported last, but it has no date
    ]
    assert opening_issue(records).id == "新"
    assert opening_issue([*records, _record("更正", "2019-01-01", 4.0, corrected="2023-01")]).id == "更正"
    assert opening_issue([_record("无日期", None, 1.0), _record("后来的", None, 2.0)]).id == "后来的"
    assert opening_issue([]) is None


def test_without_a_remembered_article_the_window_opens_the_newer_issues_first_article(qtbot, paths, tmp_path):
    folder = tmp_path / "两期"
    folder.mkdir()
    library = Library(paths)
    for seed in (SEED_2022_03, SEED_2021_10):  # the older one is imported last
        shutil.copy(seed, folder / seed.name)
        library.import_paths([str(folder / seed.name)])
    newer = next(record for record in library.records() if record.shown_date == "2022-03")
    library.close()
    window = open_window(qtbot, paths)
    window.restore_last_article()  # nothing remembered: a new window.ini
    assert window.current == (newer.id, 0)
    assert window.article.view.date == "2022-03" and window.article.view.ordinal == 0
    close_window(window)


def test_a_first_start_welcomes_the_reader_while_the_samples_are_imported(qtbot, window):
    with qtbot.waitSignal(window.import_done, timeout=90000):
        window.start_background_work(import_seeds_if_empty=True)
        welcome = window.article.toPlainText()
        assert "Welcome" in welcome
        assert "sample issues" in welcome and "being imported" in welcome
        assert "drag" in welcome and "Import Files" in welcome and "inbox" in welcome
    shown(qtbot, window)
    assert "Welcome" not in window.article.toPlainText()  # the newest sample issue replaced it
    assert window.article.view is not None and window.article.view.ordinal == 0
