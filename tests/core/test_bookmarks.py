"""Bookmarks and notes: kept apart from the index, found again after a re-parse, exported and imported back."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from reader.core.citation import GBT7714, cite
from reader.core.library.bookmarks import CSV_COLUMNS, Bookmarks, locate
from reader.core.reading import article_view


@pytest.fixture
def bookmarks(tmp_path):
    opened = Bookmarks(tmp_path / "bookmarks.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def issue(seed_issues):
    return seed_issues["001_be03ec69b60a77f1.txt"]


def test_a_bookmark_keeps_what_cites_its_article_and_survives_reopening(tmp_path, issue):
    first = Bookmarks(tmp_path / "b.sqlite")
    view = article_view(issue, 4)
    made = first.add("issue-1", 4, view, note="招商引资的新机制", quote="区招商投资促进局")
    first.close()
    again = Bookmarks(tmp_path / "b.sqlite")
    (kept,) = again.all()
    assert kept == made
    assert (kept.title, kept.publication, kept.date, kept.reporters) == (view.title, "北碚报", "2022-03", ("霍吕",))
    assert cite(kept, GBT7714) == cite(view, GBT7714)
    again.close()


def test_notes_are_edited_found_and_removed(bookmarks, issue):
    one = bookmarks.add("i", 0, article_view(issue, 0), note="第一条 ＮＯＴＥ")
    two = bookmarks.add("i", 4, article_view(issue, 4), quote="区两会进一步细化")
    assert bookmarks.set_note(two.id, "细化目标").note == "细化目标"
    assert [b.id for b in bookmarks.matching("note")] == [one.id]  # full-width and case folded
    assert [b.id for b in bookmarks.matching("细化")] == [two.id]  # in the note and in the passage
    assert [b.id for b in bookmarks.matching("霍吕")] == [two.id]  # a reporter
    assert [b.id for b in bookmarks.of_article("i", 4)] == [two.id]
    bookmarks.remove([one.id])
    assert [b.id for b in bookmarks.all()] == [two.id]


def test_the_list_is_ordered_by_publication_date_and_place(bookmarks, issue):
    later = replace(article_view(issue, 1), date="2022-05-01")
    earlier = replace(article_view(issue, 3), date="2021-01-01")
    other_paper = replace(article_view(issue, 2), publication="渝中报", date="2020-01-01")
    for ordinal, view in [(1, later), (3, earlier), (2, other_paper)]:
        bookmarks.add("i", ordinal, view)
    assert [(b.publication, b.date) for b in bookmarks.all()] == [
        ("北碚报", "2021-01-01"),
        ("北碚报", "2022-05-01"),
        ("渝中报", "2020-01-01"),
    ]


def test_a_bookmarked_article_is_found_again_when_the_issue_splits_differently(bookmarks, issue):
    view = article_view(issue, 4)
    by_title = bookmarks.add("i", 4, view)
    by_passage = bookmarks.add("i", 4, replace(view, title=None, kicker=None), quote="区招商投资促进局")
    assert locate(by_title, issue) == 4
    shifted = replace(issue, articles=[issue.articles[0], *issue.articles])  # one more article before it
    assert locate(by_title, shifted) == 5
    assert locate(by_passage, shifted) == 5
    gone = replace(issue, articles=issue.articles[:4])
    assert locate(by_title, gone) is None


def test_csv_export_opens_in_a_spreadsheet_and_imports_back(tmp_path, bookmarks, issue):
    bookmarks.add("i", 4, article_view(issue, 4), note='含逗号, 引号"和\n换行', quote="区招商投资促进局")
    bookmarks.add("i", 0, article_view(issue, 0))
    text = bookmarks.to_csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(CSV_COLUMNS) and len(rows) == 3
    note_row = next(row for row in rows[1:] if row[CSV_COLUMNS.index("note")])
    assert note_row[CSV_COLUMNS.index("note")] == '含逗号, 引号"和\n换行'
    assert note_row[CSV_COLUMNS.index("citation")].endswith("[N]. 北碚报, 2022-03.")

    elsewhere = Bookmarks(tmp_path / "other.sqlite")
    assert elsewhere.import_csv("\ufeff" + text) == 2
    assert elsewhere.import_csv(text) == 0  # nothing twice
    assert [(b.issue_id, b.ordinal, b.note, b.quote, b.reporters) for b in elsewhere.all()] == [
        (b.issue_id, b.ordinal, b.note, b.quote, b.reporters) for b in bookmarks.all()
    ]
    with pytest.raises(ValueError):
        elsewhere.import_csv("a,b\n1,2\n")
    elsewhere.close()


def test_markdown_export_has_a_heading_per_paper_citations_passages_and_notes(bookmarks, issue):
    view = article_view(issue, 4)
    bookmarks.add("i", 4, view, note="第一行\n第二行", quote="区招商投资促进局")
    text = bookmarks.to_markdown()
    assert text.startswith("## 北碚报\n")
    assert f"- **{view.title}** — {cite(view, GBT7714)}" in text
    assert "  > 区招商投资促进局" in text and "  第一行\n  第二行" in text


def test_a_library_that_may_only_be_read_keeps_bookmarks_for_the_session(issue):
    session = Bookmarks(None)
    session.add("i", 0, article_view(issue, 0))
    assert len(session.all()) == 1
    session.close()


def test_a_reparse_points_the_issues_bookmarks_at_their_articles(bookmarks, issue):
    kept = bookmarks.add("i", 4, article_view(issue, 4))
    other = bookmarks.add("j", 4, article_view(issue, 4))
    bookmarks.follow_reparse("i", replace(issue, articles=[issue.articles[0], *issue.articles]))
    assert bookmarks.get(kept.id).ordinal == 5
    assert bookmarks.get(other.id).ordinal == 4  # another issue's bookmark is not moved


def test_the_library_keeps_bookmarks_in_its_data_folder(library, paths, issue):
    library.bookmarks.add("i", 0, article_view(issue, 0), note="留着")
    library.close()
    from reader.core.library.library import Library

    again = Library(paths)
    assert [b.note for b in again.bookmarks.all()] == ["留着"]
    assert paths.bookmarks_file.is_file()
    again.close()
