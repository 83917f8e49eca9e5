"""The analyzers: exact per-character tokens and jieba words, both at sequential positions."""

from __future__ import annotations

from reader.core.search.analysis import CharTokenizer, WordTokenizer, char_tokens, word_tokens


def _positions(tokenizer, text):
    return [(token.text, token.pos) for token in tokenizer(text, positions=True)]


def test_every_character_is_a_token_at_consecutive_positions():
    assert _positions(CharTokenizer(), "核酸检测") == [("核", 0), ("酸", 1), ("检", 2), ("测", 3)]


def test_spaces_collapse_to_one_token_and_line_breaks_skip_a_position():
    assert char_tokens("  A  b\n碚") == ["a", " ", "b", None, "碚"]
    assert _positions(CharTokenizer(), "甲 乙\n丙") == [("甲", 0), (" ", 1), ("乙", 2), ("丙", 4)]


def test_full_width_forms_and_case_are_normalised():
    assert char_tokens("（ＡＰＰ）") == ["(", "a", "p", "p", ")"]


def test_word_positions_are_sequential_not_character_offsets():
    tokens = _positions(WordTokenizer(), "核酸检测采样点")
    assert [pos for _, pos in tokens] == list(range(len(tokens)))
    assert "".join(text for text, _ in tokens) == "核酸检测采样点"


def test_words_drop_punctuation_and_spaces():
    assert word_tokens("疫苗, 接种。") == ["疫苗", "接种"]


def test_characters_whose_form_is_longer_stay_one_token():
    # ß folds to "ss", ㈱ to "(株)": one position each, on the fast and the slow path alike.
    assert char_tokens("aß ㈱b") == ["a", "ss", " ", "(株)", "b"]
    assert char_tokens("ab\n\ncd ") == ["a", "b", None, None, "c", "d"]
