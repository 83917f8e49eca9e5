"""Search v2: text found in whatever form it is printed or typed, long terms exact, pages that follow each other."""

from __future__ import annotations

import pytest

from reader.core.library.library import Library
from reader.core.search.searcher import Searcher

ISSUES = {
    "北碚报_2021-11-09.txt": """# 北碚區開展核酸檢測
本报讯(记者 熊 辉)11月8日,北碚區在天生街道开展核酸檢測演练,共设采样点12个。
演练检验了各部门的协同能力。

# 北碚区开展核酸检测
本报讯(记者 童 茜)11月9日,北碚区在蔡家岗街道开展核酸检测,全区统筹推进。
基层治理的成效在演练中得到检验。

# 统筹推进基层治理
本报记者 熊辉
我区统筹推进基层治理,全面提升服务水平。
""",
    "渝中报_2021-11-10.txt": """# 志愿服务进社区
本报讯(记者 王 芳)志愿者来到解放碑街道,为居民提供志愿服务。
活动持续三个小时,受到居民欢迎。

# 老旧小区改造
本报讯 今年以来,渝中区完成老旧小区改造项目20个,惠及居民8000余户。
改造工作统筹推进,基层治理同步提升。
当天最高气温25℃,居民说……还要再热。
""",
}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from reader.config import resolve_paths

    folder = tmp_path_factory.mktemp("issues")
    for name, text in ISSUES.items():
        (folder / name).write_text(text, encoding="utf-8")
    paths = resolve_paths(tmp_path_factory.mktemp("library"))
    library = Library(paths)
    report = library.import_paths([str(folder)])
    assert len(report.imported) == len(ISSUES)
    library.close()
    opened = Searcher(paths.index_dir)
    yield opened
    opened.close()


def _titles(searcher, query, **options):
    return [hit.title for hit in searcher.search(query, limit=None, **options).hits]


@pytest.mark.parametrize("query", ['"记者熊辉"', "记者熊辉", '"记者 熊辉"', '"记者 熊 辉"'])
def test_spaces_between_han_characters_are_layout(searcher, query):
    """`记者 熊 辉` (a padded name), `记者熊辉` and the spaced query all find each other."""
    assert set(_titles(searcher, query)) == {"北碚區開展核酸檢測", "统筹推进基层治理"}


def test_the_snippet_marks_the_spaced_text(searcher):
    hit = next(hit for hit in searcher.search('"记者熊辉"').hits if hit.title == "北碚區開展核酸檢測")
    assert "«记者 熊 辉»" in hit.snippet.marked()


def test_spaces_between_other_characters_still_count(searcher):
    assert searcher.search('"8000 余户"').total == 0
    assert searcher.search('"8000余户"').total == 1


@pytest.mark.parametrize("query", ["北碚區", "北碚区", '"核酸檢測"', '"核酸检测"', "開展核酸"])
def test_traditional_and_simplified_characters_find_each_other(searcher, query):
    assert set(_titles(searcher, query)) >= {"北碚區開展核酸檢測", "北碚区开展核酸检测"}


def test_the_article_printed_as_the_query_is_typed_ranks_first(searcher):
    assert _titles(searcher, "北碚區 核酸")[0] == "北碚區開展核酸檢測"
    assert _titles(searcher, "北碚区 核酸")[0] == "北碚区开展核酸检测"
    assert _titles(searcher, "核酸檢測")[0] == "北碚區開展核酸檢測"
    assert _titles(searcher, "核酸检测")[0] == "北碚区开展核酸检测"


def test_snippets_mark_the_other_form(searcher):
    hit = next(hit for hit in searcher.search("核酸检测").hits if hit.title == "北碚區開展核酸檢測")
    assert "«核酸檢測»" in hit.snippet.marked()


def test_an_unquoted_long_term_matches_only_articles_containing_it(searcher):
    """Every bigram of 统筹推进基层治理 is in the two articles that print it apart: neither is found."""
    assert _titles(searcher, "统筹推进基层治理") == ["统筹推进基层治理"]
    assert set(_titles(searcher, "统筹推进 基层治理")) == {"统筹推进基层治理", "北碚区开展核酸检测", "老旧小区改造"}


def test_full_width_and_case_still_fold(searcher):
    assert searcher.search("８０００").total == searcher.search("8000").total == 1


def test_pages_follow_each_other(searcher):
    """Page two starts where page one ended: the same order whatever the page size."""
    everything = [(hit.issue, hit.ordinal) for hit in searcher.search(",", limit=None).hits]
    assert len(everything) >= 4
    paged = []
    for offset in range(0, len(everything), 2):
        paged += [(hit.issue, hit.ordinal) for hit in searcher.search(",", limit=2, offset=offset).hits]
    assert paged == everything
    assert searcher.search(",", limit=2).total == len(everything)


def test_newest_issue_first_when_sorted_by_date(searcher):
    hits = searcher.search("街道", limit=None, sort_by_date=True).hits
    dates = [hit.date for hit in hits]
    assert dates == sorted(dates, reverse=True)
    assert hits[0].date == "2021-11-10"


def test_only_exclusions_and_dates_match_every_other_article(searcher):
    assert set(_titles(searcher, "-核酸 date:2021-11-09")) == {"统筹推进基层治理"}
    assert searcher.search("date:2021-11").total == 5


def test_terms_the_index_never_saw_answer_from_the_term_dictionary_without_changing_results(searcher):
    """量子纠缠 has bigrams no article has: it matches nothing, alone or with AND; OR and NOT still work."""
    assert searcher.search("量子纠缠").total == 0
    assert searcher.search("量子纠缠 核酸").total == 0
    assert searcher.search("量子纠缠 OR 核酸").total == searcher.search("核酸").total > 0
    assert searcher.search("核酸 -量子纠缠").total == searcher.search("核酸").total
    assert searcher.search("title:量子 OR title:核酸").total == searcher.search("title:核酸").total


@pytest.mark.parametrize("query", ["25℃", '"25℃"', '"说……还"', "……"])
def test_characters_nfkc_expands_are_found_where_printed(searcher, query):
    """℃ is °c and … is ... once folded: one token each, paired whole, as the index pairs them."""
    assert _titles(searcher, query) == ["老旧小区改造"]


def test_a_page_of_no_hits_still_counts_them_all(searcher):
    result = searcher.search("街道", limit=0)
    assert result.hits == [] and result.total == searcher.search("街道", limit=None).total > 0
