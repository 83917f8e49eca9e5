"""Snippets: the densest window, matches marked with the index's normalisation."""

from __future__ import annotations

import pytest

from reader.core.search.snippets import find_matches, make_snippet


def test_the_window_holds_the_densest_run_of_matches():
    text = "疫苗" + "甲" * 300 + "疫苗乙疫苗丙疫苗" + "丁" * 300 + "疫苗"
    snippet = make_snippet(text, ["疫苗"], width=40)
    assert len(snippet.spans) == 3
    assert snippet.marked().count("«疫苗»") == 3


def test_many_matches_of_a_common_character():
    text = "的一" * 5000
    snippet = make_snippet(text, ["的"], width=90)
    assert len(snippet.spans) == 45


def test_matches_ignore_width_and_case_and_span_space_runs():
    assert find_matches("下载ＡＰＰ，文明  城区", ["app", "文明 城区"]) == [(2, 5), (6, 12)]


def test_a_term_with_markup_or_regex_characters_is_matched_literally():
    text = "文件写着<b>重要</b>,A&amp;B,(记者 张三)报道,x.y 与 xzy 不同。"
    terms = ["<b>重要</b>", "&amp;", "(记者", "x.y"]
    assert [text[start:end] for start, end in find_matches(text, terms)] == terms
    assert find_matches("axb", ["a.b"]) == []


def test_a_snippet_keeps_markup_in_the_text_as_text():
    text = "会上展示了<script>alert(1)</script>和&quot;引号&quot;,以及<b>加粗</b>。"
    snippet = make_snippet(text, ["<b>加粗</b>", "&quot;"])
    assert snippet.text == text
    assert [snippet.text[start:end] for start, end in snippet.spans] == ["&quot;", "&quot;", "<b>加粗</b>"]
    assert snippet.marked() == "会上展示了<script>alert(1)</script>和«&quot;»引号«&quot;»,以及«<b>加粗</b>»。"


def test_a_match_never_runs_across_a_line_break():
    """Search never matches across paragraphs, so neither does the snippet (spaces between Han may be layout, a break is not)."""
    assert make_snippet("北碚\n区政府", ["北碚区"]).spans == ()
    assert make_snippet("北碚 区政府", ["北碚区"]).marked() == "«北碚 区»政府"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "北碚區核酸檢測　ＡＢＣ１２３ Straße ㎡ ㈱",  # traditional, full-width, several-character forms kept
        "记者 熊辉\n摄影 童 茜\r\n",
        "\u346e\u3493區",  # BMP characters whose forms lie outside it (extension B): the array holds them
        "𠀀 extension B beside 區",  # outside the BMP: str.translate does it
        "a\udcff b",  # a lone surrogate (text decoded with surrogateescape)
    ],
)
def test_the_fold_table_folds_as_the_translate_table(text):
    from reader.core.search import fold_table
    from reader.core.search.analysis import ONE_TO_ONE_FORMS
    from reader.core.search.fold_table import fold_one_to_one

    assert fold_one_to_one(text) == text.translate(ONE_TO_ONE_FORMS)
    assert fold_one_to_one(text) == text.translate(ONE_TO_ONE_FORMS)  # again, from the filled array
    fold_table.fill()  # every form the table holds, copied at once
    assert fold_one_to_one(text) == text.translate(ONE_TO_ONE_FORMS)
    assert len(fold_one_to_one(text)) == len(text)
