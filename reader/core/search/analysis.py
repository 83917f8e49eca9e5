"""The index's tokens: jieba words for ranking, single characters and bigrams for exact matching.

Why two: `jieba.analyse.ChineseAnalyzer` emits overlapping search-mode tokens
with character offsets as positions, so phrase queries break, and a fragment
inside a jieba word (碚, 疫苗接) is never found.  Here

* the *chars* analyzer emits every character in its searchable form (NFKC,
  case-folded, traditional to simplified) as a token, so a single character is
  found by one term; runs of spaces inside a line become one " " token, except
  between two Han characters, where they are layout (PDF extraction and
  typesetting pad names: 记者 熊辉, 童 茜) and make no token at all;
* the *bigrams* analyzer emits overlapping character bigrams at consecutive
  positions, so a literal string of two or more characters is a phrase of
  bigrams and is found exactly; a line break skips a position so that no
  phrase spans two paragraphs;
* the *words* analyzer emits jieba's precise-mode words at consecutive
  positions, used to rank whole-word matches above mere character overlap.

jieba is loaded lazily (jieba_loader), with its dictionary cache in the app's cache dir
(never /tmp or the working directory), and without `jieba.analyse`, whose
TF-IDF table costs 0.5 s and ~137 MB that search never uses.

Plain text work, no Whoosh: the tokens are lists, which the index's fields
turn into postings (whoosh27.fields) and Whoosh's analyzers into tokens
(whoosh27.analyzers); the window folds search terms with it before it opens an index.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from itertools import pairwise

from reader.core.search.jieba_loader import jieba_tokenizer

_opencc_lock = threading.Lock()
_to_simplified = None


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ones, character by character (OpenCC's t2s table).

    Character by character, not phrase by phrase: the index and the query must
    fold a character the same way wherever it stands, or a phrase would be
    missed.  The cost is that a few simplified characters merge with another
    (乾 folds to 干 on both sides, so 乾隆 still finds 乾隆, and also a 干隆).
    OpenCC is loaded on first use (about 25 ms).
    """
    global _to_simplified
    if _to_simplified is None:
        with _opencc_lock:
            if _to_simplified is None:
                import opencc

                _to_simplified = opencc.OpenCC("t2s").convert
    return "".join(_to_simplified(char) or char for char in text)


def to_simplified_list(chars: list[str]) -> list[str] | None:
    """to_simplified of each of many single characters with one OpenCC call; None if OpenCC did not keep them apart."""
    to_simplified("")  # loads OpenCC
    forms = _to_simplified("\n".join(chars)).split("\n")
    if len(forms) != len(chars):
        return None
    return [form or char for char, form in zip(chars, forms, strict=True)]


def printed_form(char: str) -> str:
    """A character as printed, only made comparable: NFKC (full-width to half-width), case-folded."""
    return unicodedata.normalize("NFKC", char).casefold() or char


def normalize_char(char: str) -> str:
    """The searchable form of one character: its printed form with traditional characters simplified."""
    printed = printed_form(char)
    if printed.isascii():
        return printed
    return to_simplified(printed)


class FormTable(dict):
    """A `str.translate` table: each character to its searchable form, computed on first sight.

    With `one_to_one`, a character whose form is several characters (ß -> ss,
    ㈱ -> (株)) is left as it is, so offsets in the translated text are
    offsets in the original (snippets rely on that).
    """

    def __init__(self, one_to_one: bool, form=normalize_char) -> None:
        super().__init__()
        self.one_to_one = one_to_one
        self.form = form

    def __missing__(self, code: int) -> str:
        char = chr(code)
        try:
            form = self.form(char)
        except UnicodeError:  # a lone surrogate (text decoded with surrogateescape): OpenCC cannot encode it
            form = char
        if self.one_to_one and len(form) != 1:
            form = char
        self[code] = form
        return form


#: Every character to its searchable form (the index and the query side).
SEARCH_FORMS = FormTable(one_to_one=False)
#: The same, but only where a character stays one character (highlighting).
ONE_TO_ONE_FORMS = FormTable(one_to_one=True)
#: Every character to its printed form (which variant a text uses: see CharField).
PRINTED_FORMS = FormTable(one_to_one=False, form=printed_form)


_han_filled = False


def fill_han_forms() -> None:
    """Compute the forms of the whole basic block of Han characters (U+4E00-U+9FFF) now, with one OpenCC call.

    One at a time, each character new to a process costs OpenCC a call of a
    few µs: a fresh process's first searches paid about 5 ms each for the
    characters of their snippets.  For a process that goes on searching (the
    window's search thread, Searcher.prepare).  A character of this block
    prints as itself (Unicode gives unified ideographs no compatibility
    decomposition, and they have no case), and OpenCC folds a
    newline-separated list one character at a time, as to_simplified does;
    should it not keep them apart, the tables fill one at a time as before.
    """
    global _han_filled
    if _han_filled:  # the tables are the process's: a refreshed searcher finds them filled
        return
    _han_filled = True
    chars = list(map(chr, range(0x4E00, 0xA000)))
    PRINTED_FORMS.update({ord(char): char for char in chars})
    simplified = to_simplified_list(chars)
    if simplified is None:
        return
    pairs = list(zip(chars, simplified, strict=True))
    SEARCH_FORMS.update({ord(char): form for char, form in pairs})
    ONE_TO_ONE_FORMS.update({ord(char): form if len(form) == 1 else char for char, form in pairs})


#: Han characters: radicals (which PDF extraction often gives for ideographs), 々, 〇 and the Hangzhou
#: numerals, the basic block, extension A, compatibility ideographs and the supplementary planes.
HAN = "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_GAP = re.compile(f"(?<=[{HAN}]) (?=[{HAN}])")
_HAN_CHAR = re.compile(f"[{HAN}]")


def is_han(char: str) -> bool:
    """True for a Han character (a space between two of them is layout, not text)."""
    return _HAN_CHAR.match(char) is not None


def spaced_line(line: str) -> str:
    """A line as searched: each run of spaces as one " ", none between two Han characters."""
    return _HAN_GAP.sub("", " ".join(line.split()))  # the same whitespace as str.isspace


def line_tokens(line: str) -> list[str]:
    """Tokens of one line (no line break in it): one per character, " " for a run of spaces (see spaced_line)."""
    spaced = spaced_line(line)
    translated = spaced.translate(SEARCH_FORMS)
    if len(translated) == len(spaced):  # every form is one character: one token each
        return list(translated)
    return [" " if char == " " else char.translate(SEARCH_FORMS) for char in spaced]


def char_tokens(text: str) -> list[str | None]:
    """Tokens of `text` for exact matching, one per position; None marks a paragraph break.

    Shared by the index and the query side, so both see a string the same way.
    """
    tokens: list[str | None] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            tokens.append(None)
        tokens.extend(line_tokens(line))
    return tokens


#: Marks a variant token of the chars fields: a character printed in a form that search folds (區 for 区).
VARIANT_MARK = "~"


def variant_tokens(text: str) -> list[str]:
    """A token (VARIANT_MARK + printed form) for each character of `text` printed other than in its searchable form.

    The chars fields index these beside the folded characters, so that a
    search can tell the articles printed as the query is typed (北碚區, or
    北碚区) and rank them first.  Text in simplified characters has none.

    Asked of every article's text twice at import: its distinct characters
    are checked against those already known to print as searched (a set
    difference), not each character translated twice (6 % of an import's CPU).
    """
    unknown = set(text).difference(_PRINTED_AS_SEARCHED)
    if not unknown:
        return []
    differing = set()
    for char in unknown:
        if PRINTED_FORMS[ord(char)] == SEARCH_FORMS[ord(char)]:
            _PRINTED_AS_SEARCHED.add(char)
        else:
            differing.add(char)
    if not differing:
        return []
    return [VARIANT_MARK + PRINTED_FORMS[ord(char)] for char in text if char in differing]


#: Characters seen so far whose printed form is their searchable form (most of any text: variant_tokens).
_PRINTED_AS_SEARCHED: set[str] = set()


def word_tokens(text: str) -> list[str]:
    """jieba precise-mode words of `text` worth indexing (with a letter, digit or CJK character), normalised.

    `text` may hold line breaks: jieba never joins characters across one
    (a line break is not among the characters of its words), so the words
    are those of its lines end to end, and one call for a whole article
    spares jieba's cost per call (a call a line took about a twentieth more).  The kept
    words are folded with one `translate` of them joined, not one call per
    word (a tenth of an import's CPU); a word that holds the separator
    itself is folded alone.
    """
    words = [
        word if word.isalnum() else word.strip()
        for word in jieba_tokenizer().lcut(text, HMM=False)
        if word.isalnum() or _HAS_ALNUM.search(word)  # punctuation and spaces dropped
    ]
    folded = _WORD_SEPARATOR.join(words).translate(SEARCH_FORMS).split(_WORD_SEPARATOR)
    if len(folded) != len(words):  # a word held the separator
        return [word.translate(SEARCH_FORMS) for word in words]
    return folded


#: A letter, digit or CJK character (str.isalnum's characters: re's \w without "_").
_HAS_ALNUM = re.compile(r"[^\W_]")
#: Joins the words of a line for folding: a character that no character folds into.
_WORD_SEPARATOR = "\x00"


def bigram_tokens(text: str) -> list[str | None]:
    """Overlapping character bigrams, bigram k at position k; None where a line breaks.

    A literal string of n >= 2 characters is then a phrase of its n - 1 bigrams at
    consecutive positions: an exact match that reads only a few, rare posting lists.
    """
    chars = char_tokens(text)
    return [None if first is None or second is None else first + second for first, second in pairwise(chars)]


def literal_tokens(text: str) -> list[str]:
    """The searchable characters of a term, spaces inside it kept as one " " (none between Han characters)."""
    tokens = [token for token in char_tokens(text.replace("\n", " ")) if token is not None]
    while tokens and tokens[0] == " ":
        tokens.pop(0)
    while tokens and tokens[-1] == " ":
        tokens.pop()
    return tokens


def field_prefix(headline_only: bool) -> str:
    """The prefix of the headline's fields (headline_chars...) for a `title:` term, else none."""
    return "headline_" if headline_only else ""


def literal_index_terms(text: str, headline_only: bool = False) -> tuple[str, list[str]]:
    """The field and the index terms a literal term is found by: its one token in the chars field, else its bigrams.

    The one place that says so, for matching, ranking and the term-dictionary
    check of a search (no terms: the term has nothing searchable in it).  The
    bigrams are adjacent tokens paired, as the index pairs them, not the text
    re-split: a character NFKC expands is one token of several characters
    (℃ is "°c"), and the index pairs it whole (25℃: 25, 5°c).
    """
    prefix = field_prefix(headline_only)
    tokens = literal_tokens(text)
    if len(tokens) == 1:
        return prefix + "chars", tokens
    return prefix + "bigrams", [first + second for first, second in pairwise(tokens)]
