"""Search over the seeded library: literal matching, syntax, ranking, snippets."""

from __future__ import annotations

import pytest

from reader.config import resolve_paths
from reader.core.library.library import Library
from reader.core.search import matching, posting_cache
from reader.core.search.searcher import Searcher


@pytest.fixture(scope="module")
def texts(seeded_data_dir):
    """{(issue id, ordinal): full article text} of the seeded library."""
    from reader.config import resolve_paths

    library = Library(resolve_paths(seeded_data_dir), read_only=True)
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


@pytest.mark.parametrize("sort_by_date", [False, True])
def test_pages_one_after_another_list_every_hit_once_in_order(searcher, sort_by_date):
    everything = searcher.search("疫情", limit=None, sort_by_date=sort_by_date)
    assert everything.total > 7
    paged = []
    for offset in range(0, everything.total + 7, 7):
        page = searcher.search("疫情", limit=7, sort_by_date=sort_by_date, offset=offset)
        assert page.total == everything.total
        paged += page.hits
    assert [(h.issue, h.ordinal) for h in paged] == [(h.issue, h.ordinal) for h in everything.hits]


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
    from reader.core.search.whoosh27.postings import _leaf

    with_deletions = [sub.reader() for sub, _ in searcher._searcher.leaf_searchers() if sub.reader().has_deletions()]
    assert with_deletions and all(_leaf(r.postings("bigrams", "疫苗")) is not None for r in with_deletions)
    for query in ['"核酸检测采样"', "核酸检测采样", "核酸", "碚", "疫苗 date:2021-11", "卢海浪"]:
        hits = searcher.search(query, limit=None).hits
        assert all(hit.issue != gone.id for hit in hits), query
    assert searcher.search('"核酸检测采样"').total == 0  # only seed 000 contains it
    assert searcher.search("疫苗").total > 0
    searcher.close()
    library.close()


def _crafted(paths, tmp_path, files: dict[str, str]) -> Searcher:
    """A library of the given issue files (imported in name order), opened for searching."""
    folder = tmp_path / "来稿"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    library = Library(paths)
    report = library.import_paths([str(folder)])
    library.close()
    assert len(report.imported) == len(files)
    return Searcher(paths.index_dir)


@pytest.mark.parametrize(
    ("query", "excluded"),
    [
        ("疫苗 -核酸检测", "核酸检测"),
        ("疫苗 NOT 核酸检测", "核酸检测"),
        ("疫苗 -新冠病毒", "新冠病毒"),
        ("疫苗 NOT 新冠病毒", "新冠病毒"),
    ],
)
def test_excluding_a_term_of_three_or_more_characters(searcher, texts, query, excluded):
    with_vaccine = _containing(texts, "疫苗")
    expected = with_vaccine - _containing(texts, excluded)
    assert expected and expected != with_vaccine  # the exclusion removes some articles, not all
    assert _found(searcher, query) == expected


def test_excluding_a_long_term_keeps_an_article_that_only_has_its_pieces(paths, tmp_path):
    """核酸检查和疫苗检测 holds every bigram of 核酸检测, but not 核酸检测 itself."""
    searcher = _crafted(
        paths,
        tmp_path,
        {
            "云岫时报_2022-05-10.txt": "云岫时报 2022年5月10日 星期二 第2版 要闻\n\n\n"
            "核酸检测点今日开放\n\n本报讯 居民可就近核酸检测,也可预约疫苗。\n\n\n"
            "疫苗和核酸检查同步\n\n本报讯 社区核酸检查和疫苗检测同步进行。\n"
        },
    )
    assert [hit.title for hit in searcher.search("疫苗 -核酸检测", limit=None).hits] == ["疫苗和核酸检查同步"]
    assert [hit.title for hit in searcher.search("疫苗 NOT 核酸检测", limit=None).hits] == ["疫苗和核酸检查同步"]
    searcher.close()


def test_an_article_where_the_query_is_a_word_ranks_above_one_where_its_characters_are_inside_other_words(
    paths, tmp_path
):
    """接种 occurs three times in 嫁接/种苗, 嫁接/种子, 嫁接/种条, and once as the word 接种; the word wins."""
    searcher = _crafted(
        paths,
        tmp_path,
        {
            "a_果园.txt": "果树培育有新招\n\n本报讯 果农学习嫁接种苗,嫁接种子和嫁接种条各有讲究。\n",
            "b_卫生院.txt": "社区卫生服务中心开放预约\n\n本报讯 居民可以预约接种流感疫苗,现场秩序良好。\n",
        },
    )
    hits = searcher.search("接种", limit=None).hits
    assert [hit.title for hit in hits] == ["社区卫生服务中心开放预约", "果树培育有新招"]
    searcher.close()


@pytest.mark.parametrize("query", ["民警", '"民警"'])
def test_a_match_in_the_headline_ranks_above_the_same_match_in_the_body(paths, tmp_path, query):
    """Both articles contain 居民警惕 once; the shorter one, found first, has it only in its body."""
    searcher = _crafted(
        paths,
        tmp_path,
        {
            "a_提醒.txt": "社区发出提醒\n\n本报讯 社区提醒居民警惕电信诈骗。\n",
            "b_诈骗.txt": "居民警惕电信诈骗\n\n本报讯 近日,不少住户收到可疑短信,社区工作人员逐户上门讲解防范知识。\n",
        },
    )
    hits = searcher.search(query, limit=None).hits
    assert [hit.title for hit in hits] == ["居民警惕电信诈骗", "社区发出提醒"]
    searcher.close()


def test_newest_first_orders_by_date_and_keeps_the_relevance_order_within_a_date(paths, tmp_path):
    head = "云岫时报 {} 星期二 第2版 要闻\n\n\n"
    same_body = "本报讯 本区疫苗今日到货。\n\n\n"
    searcher = _crafted(
        paths,
        tmp_path,
        {
            "云岫时报_2020-01-15.txt": head.format("2020年1月15日") + "旧闻一则\n\n本报讯 疫苗研发启动。\n",
            "云岫时报_2022-05-10.txt": head.format("2022年5月10日")
            + "甲地消息\n\n"
            + same_body
            + "乙地消息\n\n"
            + same_body
            + "疫苗接种提速\n\n本报讯 疫苗接种点增加,疫苗供应充足。\n",
            "云岫时报_2021-03-01.txt": head.format("2021年3月1日") + "春季防疫\n\n本报讯 春季疫苗接种开始。\n",
        },
    )
    by_relevance = searcher.search("疫苗", limit=None).hits
    newest = searcher.search("疫苗", limit=None, sort_by_date=True).hits
    assert [hit.date for hit in newest] == ["2022-05-10"] * 3 + ["2021-03-01", "2020-01-15"]
    # Within a date, the relevance order; equal scores stay in the paper's order.
    assert [hit.title for hit in newest[:3]] == [hit.title for hit in by_relevance if hit.date == "2022-05-10"]
    assert [hit.title for hit in newest[:3]] == ["疫苗接种提速", "甲地消息", "乙地消息"]
    # A page is the same stretch of the full order.
    page = searcher.search("疫苗", limit=2, sort_by_date=True, offset=2).hits
    assert [(hit.issue, hit.ordinal) for hit in page] == [(hit.issue, hit.ordinal) for hit in newest[2:4]]
    searcher.close()


def test_a_prepared_searcher_reads_no_length_or_date_at_its_first_search(seeded_data_dir, monkeypatch):
    """prepare() (the window calls it on its search thread) leaves the first search only its own terms to read."""
    prepared = Searcher(resolve_paths(seeded_data_dir).index_dir)
    expected = [(hit.issue, hit.ordinal) for hit in prepared.search("疫情 date:2021", limit=None).hits]
    fresh = Searcher(resolve_paths(seeded_data_dir).index_dir)
    fresh.prepare()
    read = []
    monkeypatch.setattr(posting_cache, "length_array", lambda *args: read.append(args))
    monkeypatch.setattr(matching, "column_texts", lambda *args: read.append(args))
    assert [(hit.issue, hit.ordinal) for hit in fresh.search("疫情 date:2021", limit=None).hits] == expected
    assert read == []
    fresh.close()
    prepared.close()


def test_a_long_term_is_ranked_on_postings_its_phrase_check_read(paths, tmp_path, monkeypatch):
    """A term of four characters decodes only the bigrams that fix it (the first and the last), and ranking's
    anchor is one of them, even where the middle bigram is the rarest (here 乙丙: one article; 甲乙 and 丙丁:
    two each)."""
    folder = tmp_path / "锚"
    folder.mkdir()
    for name, line in (("a.txt", "甲乙丙丁"), ("b.txt", "甲乙在前"), ("c.txt", "在后丙丁")):
        (folder / name).write_text(f"标题{name[0]}\n\n本报讯 {line}。\n", encoding="utf-8")
    library = Library(paths)
    library.import_paths([str(folder)])
    library.close()
    fresh = Searcher(paths.index_dir)
    fresh.prepare()
    postings = fresh._arrays()[0]
    assert [postings.document_frequency("bigrams", gram) for gram in ("甲乙", "乙丙", "丙丁")] == [2, 1, 2]
    decoded = []
    original = postings.lookups.source

    def noted(segment, field, text):  # the postings of a term are asked for only to be read
        decoded.append((field, text))
        return original(segment, field, text)

    monkeypatch.setattr(postings.lookups, "source", noted)
    assert [hit.source for hit in fresh.search("甲乙丙丁", limit=20).hits] == ["a.txt"]
    assert {text for field, text in decoded if field == "bigrams"} == {"甲乙", "丙丁"}
    fresh.close()


def test_a_searcher_and_its_posting_arrays_share_their_term_lookups(searcher):
    """One look into the term dictionaries per term and view: the no-match check and the arrays ask the same."""
    assert searcher.search("疫情", limit=1).total
    assert searcher._arrays()[0].lookups is searcher._lookups


@pytest.mark.parametrize("query", ['"新冠病毒疫苗"', "北碚 疫情", '"区委副书记" OR 志愿', "核酸检测 -疫苗", "的"])
def test_scoring_only_the_matches_ranks_as_scoring_every_posting(searcher, monkeypatch, query):
    """A selective query's terms are scored for its matches only (looked up in the postings): the same
    order and scores as scoring each term's whole posting list."""
    from reader.core.search import ranking

    def ranked(share):
        monkeypatch.setattr(ranking, "MATCHES_SHARE", share)
        searcher._reset_caches()
        return [(hit.issue, hit.ordinal, hit.score) for hit in searcher.search(query, limit=None).hits]

    looked_up, everything = ranked(0), ranked(10**9)  # 0: always looked up; 10**9: never
    assert looked_up and looked_up == everything
