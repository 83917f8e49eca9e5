"""Layout-only transforms of an issue's text, for testing that parsing ignores layout.

The same newspaper page reaches the reader through many extractors: with or
without `#` heading marks, hard-wrapped at a column width, with CRLF line ends,
in GB18030 or UTF-16, with ideographic paragraph indents, with running heads
between columns, with extra blank lines.  None of that changes which articles
the page holds, so `signature` (titles, reporters, article count) must come
out the same for every variant.  The transforms here change only layout, never
a non-blank character of the text (running heads aside, which add furniture).

Text-level transforms map `str -> str`; file-level ones map `str -> bytes` and
are made `str -> str` by decoding through the project's own decoder.  A
transform that does not apply to a text (wrapping a file that is already
hard-wrapped, indenting one already indented) raises `NotApplicable`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path, PurePath

from reader.core.model import Issue
from reader.core.parsing.decode import decode_issue_bytes

#: The development corpus, kept beside the repository (never copied into it).
CORPUS_DIR = (Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus").resolve()

#: Punctuation a typesetter never puts at the start of a line.
CLOSING_PUNCTUATION = "。，、；：？！…”’）》」』】〉,.;:?!)]>%"
#: Characters after which a sentence ends (closing quotes and brackets may follow).
SENTENCE_END = "。！？!?…"
TRAILING_CLOSERS = "”’」』）》】)]\"'"
#: Punctuation of running text; a headline has none.
CLAUSE_PUNCTUATION = re.compile(r"[，,。；;、：:]")
#: A Latin word or a number (with decimals, thousands, ratios, percent) is never broken.
ATOM = re.compile(r"[A-Za-z0-9]+(?:[.,:/%-][A-Za-z0-9]+)*%?|.", re.DOTALL)
LEADING_MARKS = re.compile(r"(?m)^([ \t\u3000]*)#+[ \t]*")
PUBLICATION_IN_NAME = re.compile(r"[\u4e00-\u9fff]{1,12}报")
INDENT = "\u3000\u3000"
#: Share of non-blank lines of one length (±1), not ending a sentence, that marks a hard-wrapped file.
HARD_WRAPPED_SHARE = 0.3
#: Share of non-blank lines starting with white space that marks an indented file.
INDENTED_SHARE = 0.1
#: Lines longer than this are running text even without a sentence end.
RUNNING_TEXT_CHARS = 30


class NotApplicable(ValueError):
    """The transform does not apply to this text (e.g. wrapping an already wrapped file)."""


def ends_sentence(line: str) -> bool:
    """True when the line ends a sentence (closing quotes and brackets may follow)."""
    stripped = line.rstrip().rstrip(TRAILING_CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_hard_wrapped(text: str) -> bool:
    """True when over 30% of non-blank lines share one length (±1) and do not end a sentence."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    lengths = Counter(len(line) for line in lines if not ends_sentence(line))
    if not lines or not lengths:
        return False
    most = max(sum(lengths[n] for n in (length - 1, length, length + 1)) for length in lengths)
    return most > HARD_WRAPPED_SHARE * len(lines)


def is_indented(text: str) -> bool:
    """True when at least 10% of non-blank lines begin with white space (an indent)."""
    lines = [line for line in text.split("\n") if line.strip()]
    indented = sum(1 for line in lines if line[0].isspace())
    return bool(lines) and indented >= INDENTED_SHARE * len(lines)


def is_running_text(line: str) -> bool:
    """True for a line of article text: it ends a sentence, or is long and punctuated like prose."""
    body = line.strip()
    if body.startswith("#"):
        return False
    return ends_sentence(body) or (len(body) > RUNNING_TEXT_CHARS and bool(CLAUSE_PUNCTUATION.search(body)))


def strip_heading_marks(text: str) -> str:
    """Remove leading `#` marks, and the blanks after them, from every line."""
    return LEADING_MARKS.sub(r"\1", text)


def columns(text: str) -> int:
    """Display columns: a Chinese character or full-width mark takes two, a Latin letter or digit one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_line(line: str, width: int) -> list[str]:
    """Break one line into rows `width` Chinese characters wide, as a column extractor would.

    Width is measured in display columns (two per Chinese character, one per
    Latin letter or digit), as a PDF column is.  A Latin word or number is
    never broken (it moves whole to the next row); closing punctuation and
    blanks that would start a row hang at the end of the previous one instead,
    so a row may be a character or two longer.
    """
    rows: list[str] = []
    row = ""
    for atom in ATOM.findall(line):
        hangs = len(atom) == 1 and (atom in CLOSING_PUNCTUATION or atom.isspace())
        if row and columns(row) + columns(atom) > 2 * width and not hangs:
            rows.append(row)
            row = ""
        row += atom
    rows.append(row)
    return rows


def hard_wrap(width: int) -> Callable[[str], str]:
    """A transform that hard-wraps every line wider than `width` Chinese characters."""

    def wrap(text: str) -> str:
        """Hard-wrap `text`; blank and short lines stay as they are."""
        if is_hard_wrapped(text):
            raise NotApplicable("the text is already hard-wrapped")
        lines = text.split("\n")
        wrapped = [row for line in lines for row in (wrap_line(line, width) if columns(line) > 2 * width else [line])]
        return "\n".join(wrapped)

    wrap.__name__ = f"hard_wrap_{width}"
    return wrap


def fullwidth_indent(text: str) -> str:
    """Indent every paragraph's first line with two ideographic spaces; headlines stay flush.

    The units are lines, or in a hard-wrapped file blocks of lines (a printed
    paragraph), whose continuation rows stay flush as in print.  A unit is
    indented when it is running text, unless it continues a paragraph cut
    by a column break (the unit before is running text ending mid-sentence).
    """
    if is_indented(text):
        raise NotApplicable("the text is already indented")
    lines = text.split("\n")
    units: list[tuple[int, str]] = []
    if is_hard_wrapped(text):
        start = None
        for number, line in enumerate([*lines, ""]):
            if line.strip() and start is None:
                start = number
            elif not line.strip() and start is not None:
                units.append((start, "".join(part.strip() for part in lines[start:number])))
                start = None
    else:
        units = [(number, line.strip()) for number, line in enumerate(lines) if line.strip()]
    out = list(lines)
    previous = ""
    for number, unit in units:
        continues = is_running_text(previous) and not ends_sentence(previous)
        if is_running_text(unit) and not continues:
            out[number] = INDENT + lines[number]
        previous = unit
    return "\n".join(out)


def publication_of(source: str) -> str:
    """The publication named in an issue file's name (`北碚报_2021-11-09.txt`), else `本报`."""
    found = PUBLICATION_IN_NAME.search(PurePath(source).stem)
    return found.group(0) if found else "本报"


def running_head(source: str = "") -> str:
    """A page's running head for the publication of `source`."""
    return f"{publication_of(source)} 2021年5月10日 星期一 第2版 要闻"


def running_head_between_blocks(text: str, source: str = "") -> str:
    """Insert a running head, between blank lines, at every second block boundary.

    A boundary is a run of blank lines after a line that ends a sentence, so
    a head never lands inside a paragraph (neither a hard-wrapped one nor one
    cut by a column break) nor between a headline and its lead.  The blank
    run is repeated after the head.
    """
    head = running_head(source)
    lines = text.split("\n")
    out: list[str] = []
    boundaries = 0
    number = 0
    while number < len(lines):
        line = lines[number]
        out.append(line)
        number += 1
        if not line.strip() or not ends_sentence(line):
            continue
        gap_end = number
        while gap_end < len(lines) and not lines[gap_end].strip():
            gap_end += 1
        if gap_end == number or gap_end == len(lines):
            continue
        blanks = lines[number:gap_end]
        if boundaries % 2 == 0:
            out.extend([*blanks, head, *blanks])
        else:
            out.extend(blanks)
        boundaries += 1
        number = gap_end
    return "\n".join(out)


def double_blank_lines(text: str) -> str:
    """Double every run of blank lines."""
    body, end = (text[:-1], "\n") if text.endswith("\n") else (text, "")
    lines = body.split("\n")
    return "\n".join(copy for line in lines for copy in ([line, line] if not line.strip() else [line])) + end


def crlf_bytes(text: str) -> bytes:
    """The text as a UTF-8 file with CRLF line ends."""
    return text.replace("\n", "\r\n").encode("utf-8")


def gb18030_bytes(text: str) -> bytes:
    """The text as a GB18030 file."""
    return text.encode("gb18030")


def utf16_bytes(text: str) -> bytes:
    """The text as a UTF-16 file with a byte-order mark."""
    return text.encode("utf-16")


def through_decoder(data: bytes) -> str:
    """Decode file bytes the way the reader does when it opens an issue file."""
    return decode_issue_bytes(data, "variant.txt")[0]


def crlf(text: str) -> str:
    """Round-trip the text through a CRLF UTF-8 file and the project's decoder."""
    return through_decoder(crlf_bytes(text))


def gb18030(text: str) -> str:
    """Round-trip the text through a GB18030 file and the project's decoder."""
    return through_decoder(gb18030_bytes(text))


def utf16(text: str) -> str:
    """Round-trip the text through a UTF-16 (BOM) file and the project's decoder."""
    return through_decoder(utf16_bytes(text))


#: Variants that only change the file's bytes: the decoded text must be identical.
FILE_LEVEL = ("crlf", "gb18030", "utf16")


def make_variants(source: str = "") -> dict[str, Callable[[str], str]]:
    """The layout variants by name; running heads name the publication of `source`."""
    return {
        "no-marks": strip_heading_marks,
        "wrap-18": hard_wrap(18),
        "wrap-26": hard_wrap(26),
        "crlf": crlf,
        "gb18030": gb18030,
        "utf16": utf16,
        "indent": fullwidth_indent,
        "running-heads": lambda text: running_head_between_blocks(text, source),
        "double-blanks": double_blank_lines,
    }


VARIANTS: dict[str, Callable[[str], str]] = make_variants()


def _squeeze(text: str | None) -> str:
    """The text with all white space (ideographic spaces too) removed."""
    return "".join((text or "").split())


def signature(issue: Issue) -> list[tuple]:
    """What layout must not change: the article count, then each article's title and reporters."""
    return [(len(issue.articles),)] + [
        (_squeeze(article.title), tuple(sorted(_squeeze(name) for name in article.reporters)))
        for article in issue.articles
    ]
