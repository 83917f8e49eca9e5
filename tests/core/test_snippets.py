"""Snippets: the densest window, matches marked with the index's normalisation."""

from __future__ import annotations

from reader.core.snippets import find_matches, make_snippet


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
