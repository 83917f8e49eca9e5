"""Facets of a search (per paper, year and month) and the publication: filter that narrows to a paper."""

from __future__ import annotations

import pytest

from reader.config import resolve_paths
from reader.core.errors import QuerySyntaxError
from reader.core.library.library import Library
from reader.core.model import Article, Issue
from reader.core.search import index as search_index
from reader.core.search.query import parse_query
from reader.core.search.results import Facets, month_name
from reader.core.search.searcher import Searcher


@pytest.fixture(scope="module")
def articles(seeded_data_dir):
    """[(publication, date, full text)] of every article of the seeded library."""
    library = Library(resolve_paths(seeded_data_dir), read_only=True)
    found = []
    for record in library.records():
        issue = library.load_issue(record.id)
        for article in issue.articles:
            found.append((issue.publication or "", issue.date or "", "\n".join(article.text_parts())))
    library.close()
    return found


def _expected(articles, needle):
    """What the facets of a search for `needle` must count, from the articles themselves."""
    publications: dict[str, int] = {}
    years: dict[str, int] = {}
    months: dict[str, int] = {}
    for publication, date, text in articles:
        if not any(needle in line for line in text.split("\n")):
            continue
        publications[publication] = publications.get(publication, 0) + 1
        years[date[:4]] = years.get(date[:4], 0) + 1
        months[date[:7]] = months.get(date[:7], 0) + 1
    return publications, years, months


@pytest.mark.parametrize("needle", ["的", "记者", "区"])
def test_facets_count_every_match_per_paper_year_and_month(searcher, articles, needle):
    result = searcher.search(f'"{needle}"', limit=5, facets=True)
    publications, years, months = _expected(articles, needle)
    facets = result.facets
    assert dict(facets.publications) == publications
    assert dict(facets.years) == years
    assert {month: count for month, count in facets.month_counts() if count} == months
    assert sum(count for _, count in facets.publications) == result.total  # every match, not the page's five


def test_the_timeline_spans_the_archive_not_only_the_hits(searcher, articles):
    dated = sorted(date[:7] for _, date, _ in articles if date)
    facets = searcher.search('"北碚"', facets=True).facets
    counts = facets.month_counts()
    assert counts[0][0] == dated[0] and counts[-1][0] == dated[-1]
    assert len(counts) > len({month for month, count in counts if count})  # months without hits are there, as 0
    assert [count for _, count in facets.publications]  # 北碚 is in 北碚报's articles at least


def test_publications_are_listed_most_matches_first(searcher):
    facets = searcher.search("的", facets=True).facets
    counts = [count for _, count in facets.publications]
    assert counts == sorted(counts, reverse=True) and len(counts) == 2


def test_no_facets_unless_asked_and_none_without_matches(searcher):
    assert searcher.search("的").facets is None
    assert searcher.search("量子纠缠", facets=True).facets is None
    assert "facets" not in searcher.search("的").to_json()


def test_facets_json_is_the_documented_shape(searcher):
    answer = searcher.search("的", limit=1, facets=True).to_json()["facets"]
    assert set(answer) == {"publications", "years", "months", "undated", "unknown_publication"}
    assert set(answer["publications"][0]) == {"publication", "count"}
    assert set(answer["years"][0]) == {"year", "count"}
    assert set(answer["months"][0]) == {"month", "count"}


def test_publication_filter_narrows_to_that_paper(searcher, articles):
    everything = searcher.search("的", limit=None)
    beibei = searcher.search("的 publication:北碚报", limit=None)
    others = searcher.search("的 -publication:北碚报", limit=None)
    assert beibei.total == sum(1 for publication, _, text in articles if publication == "北碚报" and "的" in text)
    assert {hit.publication for hit in beibei.hits} == {"北碚报"}
    assert "北碚报" not in {hit.publication for hit in others.hits}
    assert beibei.total + others.total == everything.total


def test_publication_filter_alone_lists_the_papers_articles(searcher, articles):
    alone = searcher.search('publication:"渝中报"', limit=None)
    assert alone.total == sum(1 for publication, _, _ in articles if publication == "渝中报")
    assert searcher.search("publication:没有这份报", limit=None).total == 0


def test_two_publication_filters_mean_either_paper(searcher):
    both = searcher.search("的 publication:北碚报 publication:渝中报").total
    assert both == searcher.search("的").total


def test_publication_filter_syntax():
    query = parse_query('疫情 publication:"北碚 报" -publication:渝中报')
    assert query.publications == ["北碚 报"] and query.excluded_publications == ["渝中报"]
    assert [term.text for term in query.positive_terms()] == ["疫情"]
    assert not parse_query("publication:北碚报").is_empty()
    with pytest.raises(QuerySyntaxError):
        parse_query("publication:")


def test_month_names():
    assert month_name(2021 * 12 + 10) == "2021-11"
    assert Facets((), (), (3, 0, 1), 2021 * 12 + 11).month_counts() == [("2021-12", 3), ("2022-01", 0), ("2022-02", 1)]


def _issue(source, publication, date, *texts):
    return Issue(
        source=source,
        publication=publication,
        date=date,
        articles=[Article(title=f"题{number}", paragraphs=[text]) for number, text in enumerate(texts)],
    )


def test_facets_count_unnamed_undated_month_only_and_only_live_articles(tmp_path):
    """Issues without a paper or a date, dated to the month, removed or indexed again under another paper."""
    index_dir = tmp_path / "index"
    index = search_index.create_index(index_dir)
    with search_index.writing(index, 5) as writer:
        search_index.add_issue(writer, "a", _issue("a.txt", "甲报", "2021-11-09", "防汛 一", "防汛 二"))
        search_index.add_issue(writer, "b", _issue("b.txt", "乙 报", "2021-12", "防汛 三"))  # month only
        search_index.add_issue(writer, "c", _issue("c.txt", None, "2023-02-01", "防汛 四"))  # no paper
        search_index.add_issue(writer, "d", _issue("d.txt", "甲报", None, "防汛 五"))  # no date
        search_index.add_issue(writer, "e", _issue("e.txt", "丙报", "2020-01-01", "防汛 六"))
    searcher = Searcher(index_dir)
    try:
        facets = searcher.search("防汛", facets=True).facets
        assert dict(facets.publications) == {"甲报": 3, "乙 报": 1, "丙报": 1}
        assert facets.unknown_publication == 1 and facets.undated == 1
        assert dict(facets.years) == {"2020": 1, "2021": 3, "2023": 1}
        months = dict(facets.month_counts())
        assert months["2020-01"] == 1 and months["2021-11"] == 2 and months["2021-12"] == 1
        assert facets.month_counts()[-1] == ("2023-02", 1) and months["2022-06"] == 0

        with search_index.writing(index, 2) as writer:
            search_index.delete_issue(writer, "e")  # removed
            search_index.delete_issue(writer, "a")  # indexed again, now under another paper
            search_index.add_issue(writer, "a", _issue("a.txt", "乙 报", "2021-11-09", "防汛 一", "防汛 二"))
        searcher.refresh()  # a new view: the labels are made again
        facets = searcher.search("防汛", facets=True).facets
        assert dict(facets.publications) == {"乙 报": 3, "甲报": 1}
        assert dict(facets.years) == {"2021": 3, "2023": 1}
        assert facets.month_counts()[0] == ("2021-11", 2)  # the archive's span starts later now
        narrowed = searcher.search("防汛", publication="乙 报", facets=True)
        assert narrowed.total == 3 and dict(narrowed.facets.publications) == {"乙 报": 3}
        # the narrowing intersects with papers the query names itself
        assert searcher.search("防汛 publication:甲报", publication="乙 报").total == 0
        assert searcher.search('防汛 publication:甲报 publication:"乙 报"', publication="乙 报").total == 3
    finally:
        searcher.close()
