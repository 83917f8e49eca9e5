"""Find literal matches of query terms in article text and cut a snippet around them.

Matching uses the same per-character normalisation as the index (full-width
and half-width forms, case, traditional and simplified characters, spaces
between Han characters), so a snippet marks what made the hit; only
one-to-one forms are applied, so offsets stay those of the original text (the
rare characters NFKC expands, ㎡ -> m2, are still found by search, just not
highlighted).  Whoosh's
own highlighter re-analyses whole documents and costs ~60 ms per page of hits;
this is one fold (fold_table) and one regular expression per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.search.analysis import is_han, literal_tokens

MARK_OPEN = "«"
MARK_CLOSE = "»"
SNIPPET_CHARS = 90


@dataclass(frozen=True)
class Snippet:
    """A piece of article text and the spans (start, end) of matches inside it."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def marked(self, open_mark: str = MARK_OPEN, close_mark: str = MARK_CLOSE) -> str:
        """The snippet with every match wrapped in marks."""
        pieces, last = [], 0
        for start, end in self.spans:
            pieces.append(self.text[last:start])
            pieces.append(open_mark + self.text[start:end] + close_mark)
            last = end
        pieces.append(self.text[last:])
        return "".join(pieces)


def _pattern(term: str) -> str | None:
    """A regular expression for one term: its searchable characters, any run of spaces for a space.

    Two Han characters may also have spaces between them in the text (a padded
    name, 记者 熊辉): the index reads them as adjacent, so the snippet marks them.
    """
    tokens = literal_tokens(term)
    if not tokens:
        return None
    pieces = []
    for index, token in enumerate(tokens):
        if token == " ":
            pieces.append(r"[^\S\n]+")
            continue
        if index and is_han(tokens[index - 1][-1]) and is_han(token[0]):
            pieces.append(r"[^\S\n]*")
        pieces.append(re.escape(token))
    return "".join(pieces)


def find_matches(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans in `text` where any term occurs."""
    patterns = [pattern for pattern in map(_pattern, terms) if pattern]
    if not patterns:
        return []
    from reader.core.search.fold_table import fold_one_to_one  # numpy: not for a search without hits

    regex = re.compile("|".join(sorted(patterns, key=len, reverse=True)))
    return [match.span() for match in regex.finditer(fold_one_to_one(text))]


def _densest_start(starts: list[int], width: int) -> int:
    """Start of the match that opens the window of `width` holding the most matches.

    Two pointers over the sorted starts: linear, so a common character with
    hundreds of matches in an article costs no more than a rare word.
    """
    best_start, best_count, last = starts[0], 0, 0
    for first, start in enumerate(starts):
        last = max(last, first)
        while last + 1 < len(starts) and starts[last + 1] < start + width:
            last += 1
        if last - first + 1 > best_count:
            best_start, best_count = start, last - first + 1
    return best_start


def make_snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> Snippet:
    """A window of about `width` characters around the densest matches, on one line."""
    spans = find_matches(text, terms)  # before the lines are joined: no match runs across a line break
    flat = text.replace("\n", " ")
    if not spans:
        return Snippet(flat[:width], ())
    best_start = _densest_start([start for start, _ in spans], width)
    window_start = max(0, best_start - width // 4)
    window_end = min(len(flat), window_start + width)
    window_start = max(0, min(window_start, window_end - width))
    inside = tuple(
        (start - window_start, min(end, window_end) - window_start)
        for start, end in spans
        if start >= window_start and start < window_end
    )
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(flat) else ""
    shifted = tuple((start + len(prefix), end + len(prefix)) for start, end in inside)
    return Snippet(prefix + flat[window_start:window_end] + suffix, shifted)
