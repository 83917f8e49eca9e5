"""The analyzers of the index's text fields, as Whoosh asks for them: tokens from analysis's lists.

The index's fields compute their postings themselves (fields.py); these
analyzers are what Whoosh's own code asks a field for (a query parser, a
highlighter, a stock writer in the tests), and give the same tokens.  Apart
from analysis.py, which is plain text work with no Whoosh in it: the window
folds and marks search terms (snippets) long before it opens an index.
"""

from __future__ import annotations

from whoosh.analysis import Token, Tokenizer

from reader.core.search.analysis import bigram_tokens, char_tokens, word_tokens


class _ListTokenizer(Tokenizer):
    """Base: turn a list of token texts (None = skip a position) into Whoosh tokens."""

    def tokens_of(self, value: str) -> list[str | None]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for text in self.tokens_of(value):
            if text is None:
                position += 1
                continue
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = text
            if positions:
                token.pos = position
            position += 1
            yield token


class CharTokenizer(_ListTokenizer):
    """One token per character at consecutive positions (analysis.char_tokens)."""

    def tokens_of(self, value: str) -> list[str | None]:
        return char_tokens(value)


class BigramTokenizer(_ListTokenizer):
    """Character bigrams at consecutive positions (see `bigram_tokens`)."""

    def tokens_of(self, value: str) -> list[str | None]:
        return bigram_tokens(value)


class WordTokenizer(_ListTokenizer):
    """jieba precise-mode words at consecutive positions, a gap at each line break."""

    def tokens_of(self, value: str) -> list[str | None]:
        tokens: list[str | None] = []
        for line in value.split("\n"):
            tokens.extend(word_tokens(line))
            tokens.append(None)
        return tokens


def char_analyzer() -> CharTokenizer:
    """Analyzer of the exact-match fields."""
    return CharTokenizer()


def bigram_analyzer() -> BigramTokenizer:
    """Analyzer of the exact-match field for strings of two or more characters."""
    return BigramTokenizer()


def word_analyzer() -> WordTokenizer:
    """Analyzer of the ranking fields."""
    return WordTokenizer()
