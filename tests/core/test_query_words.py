"""A query's words for ranking, from the index's own word list instead of jieba's dictionary."""

from __future__ import annotations

import random
import re

import pytest

from reader.config import resolve_paths
from reader.core.library.library import Library
from reader.core.search.analysis import word_tokens
from reader.core.search.index_files import open_index
from reader.core.search.query_words import query_words

FREQUENCIES = {"疫情": 50, "防控": 40, "疫情防控": 30, "志愿": 20, "志愿者": 25, "服务": 80, "app": 3}


def _words(text: str) -> list[str]:
    return query_words(text, lambda word: FREQUENCIES.get(word, 0), total=10_000)


def test_a_whole_word_of_the_archive_beats_its_parts():
    assert _words("疫情防控") == ["疫情防控"]
    assert _words("志愿者服务") == ["志愿者", "服务"]


def test_characters_of_unknown_words_stand_alone():
    assert _words("碚报") == ["碚", "报"]


def test_letters_and_digits_are_one_word_and_forms_fold():
    assert _words("ＡＰＰ2021年") == ["app2021", "年"]
    assert _words("防控 服务") == ["防控", "服务"]  # a space between Han characters is layout


def test_punctuation_separates_and_yields_nothing():
    assert _words("疫情,防控!") == ["疫情", "防控"]
    assert _words("——") == []


def test_the_archives_words_agree_with_jieba(seeded_data_dir):
    """On terms sampled from the seeds whose jieba words all occur in the index, the words are jieba's.

    Where jieba would name a word the archive never had, the difference changes no score.
    """
    paths = resolve_paths(seeded_data_dir)
    library = Library(paths)
    texts = [
        "\n".join(article.text_parts()) for r in library.records() for article in library.load_issue(r.id).articles
    ]
    library.close()
    searcher = open_index(paths.index_dir, create=False).searcher()
    total = searcher.field_length("words")
    rng = random.Random(7)
    compared = agreed = 0
    try:
        while compared < 300:
            runs = re.findall(r"[\u4e00-\u9fff]{2,}", rng.choice(texts))
            if not runs:
                continue
            run = rng.choice(runs)
            term = run[: rng.randint(2, min(8, len(run)))]
            expected = word_tokens(term)
            if not all(searcher.doc_frequency("words", word) for word in expected):
                continue
            compared += 1
            agreed += query_words(term, lambda word: searcher.doc_frequency("words", word), total) == expected
    finally:
        searcher.close()
    assert agreed / compared >= 0.95, f"{agreed} of {compared}"


@pytest.mark.parametrize("term", ["北碚", "疫情防控", "新冠病毒疫苗接种"])
def test_known_terms_match_jieba_exactly(seeded_data_dir, term):
    paths = resolve_paths(seeded_data_dir)
    searcher = open_index(paths.index_dir, create=False).searcher()
    try:
        words = query_words(term, lambda word: searcher.doc_frequency("words", word), searcher.field_length("words"))
    finally:
        searcher.close()
    assert words == word_tokens(term)
