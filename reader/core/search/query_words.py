"""The words of a query term for ranking, found in the index's own word list: no jieba at search time.

Why: ranking asks which jieba words a term is made of, and loading jieba's
dictionary for that costs a search process 0.7–2 s and about 90 MB, for a
query of a few characters.  The index's words fields hold exactly the words
jieba made of the archive (precise mode, no HMM), with their document
frequencies.  jieba's rule is applied to the term with those frequencies
instead of its dictionary's: the route through the term that maximises the
product of its words' frequencies.  Wherever the archive has the words
jieba would have found, they are found; a word the archive never had would
score nothing anyway.  Runs of letters and digits are one word, as jieba
keeps them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from reader.core.search.analysis import HAN, SEARCH_FORMS, spaced_line

#: Longest word looked up (jieba's dictionary words are almost all shorter; each length costs a lookup).
MAX_WORD_CHARS = 7
#: What jieba cuts as one block (its re_han_default), in searchable form: anything else separates words.
_BLOCK = re.compile(f"[{HAN}a-z0-9+#&._%\\-]+")
_LATIN = re.compile(r"[a-z0-9]+")


def query_words(text: str, frequency: Callable[[str], int], total: int) -> list[str]:
    """The words of `text` (a query term) by the index's frequencies; `frequency(word)` is 0 for an unknown word."""
    searchable = spaced_line(text.replace("\n", " ")).translate(SEARCH_FORMS)
    words: list[str] = []
    for block in _BLOCK.findall(searchable):
        start = 0
        for latin in _LATIN.finditer(block):  # runs of letters and digits: one word each, as jieba yields them
            words.extend(_best_route(block[start : latin.start()], frequency, total))
            words.append(latin.group())
            start = latin.end()
        words.extend(_best_route(block[start:], frequency, total))
    return words


def _best_route(chars: str, frequency: Callable[[str], int], total: int) -> list[str]:
    """jieba's maximum-probability route through `chars`, with the archive's document frequencies."""
    if not chars:
        return []
    log_total = math.log(max(total, 2))
    size = len(chars)
    # best[i] = (log-probability of the best route from i to the end, end of its first word)
    best: list[tuple[float, int]] = [(0.0, size)] * (size + 1)
    for start in range(size - 1, -1, -1):
        choices = []
        for end in range(start + 1, min(size, start + MAX_WORD_CHARS) + 1):
            count = frequency(chars[start:end])
            if end == start + 1:
                count = max(count, 1)  # a single character is always a way through, as in jieba
            if count:
                choices.append((math.log(count) - log_total + best[end][0], end))
        best[start] = max(choices)
    words, start = [], 0
    while start < size:
        end = best[start][1]
        words.append(chars[start:end])
        start = end
    return words
