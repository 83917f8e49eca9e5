"""Search over the seeded library: literal matching, syntax, ranking, snippets."""

from __future__ import annotations

import pytest

from reader.core.library import Library
from reader.core.search import Searcher


@pytest.fixture(scope="module")
def searcher(seeded_data_dir):
    from reader.config import resolve_paths

    opened = Searcher(resolve_paths(seeded_data_dir).index_dir)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def texts(seeded_data_dir):
    """{(issue id, ordinal): full article text} of the seeded library."""
    from reader.config import resolve_paths

    library = Library(resolve_paths(seeded_data_dir))
    result = {}
    for record in library.records():
        issue = library.load_issue(record.id)
        for ordinal, article in enumerate(issue.articles):
            result[(record.id, ordinal)] = "\n".join(article.text_parts())
    library.close()
    return result


def _found(searcher, query):
    return {(hit.issue, hit.ordinal) for hit in searcher.search(query, limit=None).hits}


def _containing(texts, needle):
    return {key for key, text in texts.items() if any(needle in line for line in text.split("\n"))}


@pytest.mark.parametrize(
    "needle", ["核酸检测采样", "核酸检测采样点", "碚", "疫苗接", "接种", "(记者", "APP", "本报讯 ("]
)
def test_a_quoted_string_finds_exactly_the_articles_containing_it(searcher, texts, needle):
    expected = _containing(texts, needle)
    assert expected
    assert _found(searcher, f'"{needle}"') == expected


@pytest.mark.parametrize("needle", ["碚", "疫苗接", "核酸检测采样"])
def test_an_unquoted_fragment_inside_a_jieba_word_is_found(searcher, texts, needle):
    assert _found(searcher, needle) == _containing(texts, needle)


def test_all_words_must_match(searcher, texts):
    assert _found(searcher, "疫苗 儿童") == _containing(texts, "疫苗") & _containing(texts, "儿童")


def test_or(searcher, texts):
    assert _found(searcher, "滑坡 OR 超级月亮") == _containing(texts, "滑坡") | _containing(texts, "超级月亮")


def test_minus_and_not(searcher, texts):
    expected = _containing(texts, "疫苗") - _containing(texts, "儿童")
    assert _found(searcher, "疫苗 -儿童") == expected
    assert _found(searcher, "疫苗 NOT 儿童") == expected


def test_title_only(searcher, texts):
    hits = searcher.search("title:文明", limit=None).hits
    assert hits and all(
        "文明" in (hit.title or "") or "文明" in texts[(hit.issue, hit.ordinal)].split("\n")[0] for hit in hits
    )
    assert len(hits) < len(_containing(texts, "文明"))


def test_date_filter(searcher):
    hits = searcher.search("疫情 date:2022-04", limit=None).hits
    assert hits and all(hit.date.startswith("2022-04") for hit in hits)
    ranged = searcher.search("疫情 date:2021-01-01..2021-12-31", limit=None).hits
    assert ranged and all(hit.date.startswith("2021") for hit in ranged)


def test_a_phrase_that_does_not_occur_finds_nothing(searcher):
    assert searcher.search('"核酸采样检测点里"').total == 0


def test_headline_matches_rank_first(searcher, texts):
    hits = searcher.search("招商引资", limit=None).hits
    assert len(hits) >= 2
    assert "招商引资" in hits[0].title
    assert all("招商引资" not in (hit.title or "") for hit in hits[1:])


def test_every_hit_has_a_snippet_with_the_match_marked(searcher):
    for hit in searcher.search("疫苗 OR 文明", limit=None).hits:
        marked = hit.snippet.marked()
        assert "«疫苗»" in marked or "«文明»" in marked, marked


def test_whole_word_matches_rank_above_character_overlap(paths, tmp_path):
    """Two articles contain 苗接 literally; the one where 疫苗 is a word ranks first."""
    folder = tmp_path / "排序"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "树苗接穗技术推广\n\n本报讯 果农学习树苗接穗技术,疫区附近的苗圃也来学习。\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        "儿童疫苗今日开打\n\n本报讯 全区儿童疫苗接种工作全面开展,疫苗充足。\n", encoding="utf-8"
    )
    library = Library(paths)
    library.import_paths([str(folder)])
    library.close()
    searcher = Searcher(paths.index_dir)
    hits = searcher.search("疫苗", limit=None).hits
    assert [hit.source for hit in hits] == ["b.txt"]
    hits = searcher.search("苗", limit=None).hits
    assert {hit.source for hit in hits} == {"a.txt", "b.txt"}
    searcher.close()


@pytest.mark.parametrize("query", ["碚", "疫情防控", '"核酸检测采样"', "疫苗 OR 文明", "疫情 -核酸"])
def test_the_total_does_not_depend_on_the_page_size(searcher, query):
    """Whoosh undercounts when it replaces matchers during a top-N search; ours must not."""
    everything = searcher.search(query, limit=None)
    assert everything.total == len(everything.hits)
    for limit in (1, 3, 20):
        page = searcher.search(query, limit=limit)
        assert page.total == everything.total
        assert [(h.issue, h.ordinal) for h in page.hits] == [(h.issue, h.ordinal) for h in everything.hits[:limit]]


def test_a_searcher_opened_on_an_empty_index_sees_later_imports(paths):
    library = Library(paths)
    library.repair()  # creates the empty index, as the window does on a first start
    searcher = Searcher(paths.index_dir)
    assert searcher.search("疫苗").total == 0
    from reader.config import seeds_dir

    library.import_paths([str(seeds_dir() / "000_3ec1d81f3cd0b893.txt")])
    searcher.refresh()
    assert searcher.search("疫苗").total > 0
    searcher.close()
    library.close()


def test_deleted_articles_are_never_found(paths):
    """After a repair deletes an issue's articles, every kind of term skips them (fast path included)."""
    from reader.config import seeds_dir

    library = Library(paths)
    library.import_paths([str(seeds_dir())])
    gone = next(r for r in library.records() if r.source.startswith("000"))
    library.catalog.remove([gone.id])
    library.original_path(gone).unlink()
    library.repair()  # deletes its documents: the segment now has deletions
    searcher = Searcher(paths.index_dir)
    from reader.core.postings import _leaf

    with_deletions = [sub.reader() for sub, _ in searcher._searcher.leaf_searchers() if sub.reader().has_deletions()]
    assert with_deletions and all(_leaf(r.postings("bigrams", "疫苗")) is not None for r in with_deletions)
    for query in ['"核酸检测采样"', "核酸检测采样", "核酸", "碚", "疫苗 date:2021-11", "卢海浪"]:
        hits = searcher.search(query, limit=None).hits
        assert all(hit.issue != gone.id for hit in hits), query
    assert searcher.search('"核酸检测采样"').total == 0  # only seed 000 contains it
    assert searcher.search("疫苗").total > 0
    searcher.close()
    library.close()
