"""Find literal matches of query terms in article text and cut a snippet around them.

Matching uses the same per-character normalisation as the index (full-width
and half-width forms, case), so a snippet marks exactly what made the hit.
Whoosh's own highlighter re-analyses whole documents and costs ~60 ms per
page of hits; this costs well under a millisecond per article.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import char_tokens

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


class _NormalizedText:
    """Article text as one normalised string with a map back to original offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        parts: list[str] = []
        self.starts: list[int] = []  # offset in `joined` of each original character
        offset = 0
        previous = "\n"
        for char in text:
            self.starts.append(offset)
            if char == "\n":
                piece = "\n"
            elif char.isspace():
                # A run of spaces is one " ", as in the index; the rest map to nothing.
                piece = "" if previous.isspace() else " "
            else:
                piece = char_tokens(char)[0] or char
            parts.append(piece)
            offset += len(piece)
            previous = char
        self.starts.append(offset)
        self.joined = "".join(parts)
        self._origin = {start: index for index, start in enumerate(self.starts)}

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Original (start, end) offsets of every occurrence of a normalised needle."""
        spans = []
        if not needle:
            return spans
        position = self.joined.find(needle)
        while position >= 0:
            start = self._origin.get(position)
            end = self._origin.get(position + len(needle))
            if start is not None and end is not None:
                spans.append((start, end))
            position = self.joined.find(needle, position + 1)
        return spans


def _normalize_needle(text: str) -> str:
    tokens = char_tokens(text)
    return "".join(token if token is not None else "\n" for token in tokens)


def find_matches(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans in `text` where any term occurs.

    A run of spaces matches one space, as in search.
    """
    normalized = _NormalizedText(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        needle = _normalize_needle(term)
        spans.extend(normalized.find_all(needle))
    spans.sort(key=lambda span: (span[0], -span[1]))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end))
    return merged


def make_snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> Snippet:
    """A window of about `width` characters around the densest matches, on one line."""
    flat = text.replace("\n", " ")
    spans = find_matches(flat, terms)
    if not spans:
        return Snippet(flat[:width], ())
    best_start, best_count = spans[0][0], 0
    for index, (start, _) in enumerate(spans):
        count = sum(1 for other, _ in spans[index:] if other < start + width)
        if count > best_count:
            best_start, best_count = start, count
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
