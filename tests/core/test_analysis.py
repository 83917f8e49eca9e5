"""The analyzers: exact per-character tokens and jieba words, both at sequential positions."""

from __future__ import annotations

import pytest

from reader.core.search.analysis import (
    bigram_tokens,
    char_tokens,
    variant_tokens,
    word_tokens,
)
from reader.core.search.whoosh27.analyzers import CharTokenizer, WordTokenizer


def _positions(tokenizer, text):
    return [(token.text, token.pos) for token in tokenizer(text, positions=True)]


def test_every_character_is_a_token_at_consecutive_positions():
    assert _positions(CharTokenizer(), "核酸检测") == [("核", 0), ("酸", 1), ("检", 2), ("测", 3)]


def test_spaces_collapse_to_one_token_and_line_breaks_skip_a_position():
    assert char_tokens("  A  b\n碚") == ["a", " ", "b", None, "碚"]
    assert _positions(CharTokenizer(), "甲 a\n丙") == [("甲", 0), (" ", 1), ("a", 2), ("丙", 4)]


def test_spaces_between_han_characters_are_layout_and_make_no_token():
    assert char_tokens("记者 熊辉") == list("记者熊辉")
    assert char_tokens("童  茜\u3000摄") == list("童茜摄")
    assert char_tokens("2021年 11月") == ["2", "0", "2", "1", "年", " ", "1", "1", "月"]
    assert bigram_tokens("记者 熊辉") == bigram_tokens("记者熊辉")
    assert char_tokens("二 〇 二 一 年") == list("二〇二一年")  # 〇 and 々 count as Han characters


def test_traditional_characters_fold_to_simplified_and_mark_their_printed_form():
    assert char_tokens("北碚區核酸檢測") == char_tokens("北碚区核酸检测")
    assert bigram_tokens("臺灣") == bigram_tokens("台湾")
    assert variant_tokens("北碚區") == ["~區"]
    assert variant_tokens("北碚区 ＡＢＣ") == []


def test_full_width_forms_and_case_are_normalised():
    assert char_tokens("（ＡＰＰ）") == ["(", "a", "p", "p", ")"]


def test_word_positions_are_sequential_not_character_offsets():
    tokens = _positions(WordTokenizer(), "核酸检测采样点")
    assert [pos for _, pos in tokens] == list(range(len(tokens)))
    assert "".join(text for text, _ in tokens) == "核酸检测采样点"


def test_words_drop_punctuation_and_spaces():
    assert word_tokens("疫苗, 接种。") == ["疫苗", "接种"]
    # Kept: a token with a letter or digit of any script (then folded); not "_", "—" or "-".  (jieba cuts
    # full-width digits one by one: a year printed so is found exactly, but ranks no word of it.)
    assert word_tokens("—— _ ① Ⅻ ２０２１ COVID-19") == ["1", "xii", "2", "0", "2", "1", "covid", "19"]


def test_the_words_of_a_text_are_the_words_of_its_lines():
    """The import asks for an article's words with one call: none may join characters across a line break."""
    lines = [
        "本报讯(记者 童 茜)疫情防控",
        "工作。北碚區核酸",
        "檢測 COVID",
        "19 ２０２１",
        "年",
        "",
        "——志愿者",
        "服务abc\r",
        "def",
    ]
    assert word_tokens("\n".join(lines)) == [word for line in lines for word in word_tokens(line)]


def test_a_variant_token_for_each_character_printed_otherwise_also_once_its_form_is_known():
    assert variant_tokens("區區 北碚") == ["~區", "~區"]
    assert variant_tokens("北碚区") == []  # every character known to print as searched now
    assert variant_tokens("北碚區 ＡＢＣ") == ["~區"]  # full-width letters are searched as printed (NFKC)


def test_characters_whose_form_is_longer_stay_one_token():
    # ß folds to "ss", ㈱ to "(株)": one position each, on the fast and the slow path alike.
    assert char_tokens("aß ㈱b") == ["a", "ss", " ", "(株)", "b"]
    assert char_tokens("ab\n\ncd ") == ["a", "b", None, None, "c", "d"]


def test_han_forms_filled_at_once_are_the_forms_of_each_character_alone():
    """Searcher.prepare folds the basic Han block with one OpenCC call: the same forms, character by character."""
    from reader.core.search import analysis

    analysis.fill_han_forms()
    alone = {
        "search": analysis.FormTable(one_to_one=False),
        "one_to_one": analysis.FormTable(one_to_one=True),
        "printed": analysis.FormTable(one_to_one=False, form=analysis.printed_form),
    }
    filled = {
        "search": analysis.SEARCH_FORMS,
        "one_to_one": analysis.ONE_TO_ONE_FORMS,
        "printed": analysis.PRINTED_FORMS,
    }
    for code in range(0x4E00, 0xA000):
        for name, table in alone.items():
            assert dict.get(filled[name], code) == table[code], (chr(code), name)
    assert analysis.SEARCH_FORMS[ord("區")] == "区" and analysis.PRINTED_FORMS[ord("區")] == "區"


def test_han_forms_are_filled_once_per_process(monkeypatch):
    """Every refresh of the window's searcher readies it again: the process's tables are not folded again."""
    from reader.core.search import analysis

    analysis.fill_han_forms()
    monkeypatch.setattr(analysis, "to_simplified_list", lambda chars: pytest.fail("folded again"))
    analysis.fill_han_forms()
