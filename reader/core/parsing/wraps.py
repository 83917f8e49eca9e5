"""Hard-wrapped files: lines of one printed paragraph joined back into one.

Some extractors break every line at the column width (16-30 characters), so a
paragraph arrives as several lines of nearly equal width with no blank line
between them.  A file is taken as hard-wrapped when most lines that run on
into the next one are about as wide as the widest of them; the width is the
file's own, never a constant.  Inside such a file a line joins the next one
when it is full (a shorter line ends its paragraph) and the next line does not
open a paragraph by an indent.  Lines of ordinary files are never joined here:
their column breaks are rejoined later, with the articles in view.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: At least this many run-on lines before a file can be called hard-wrapped.
MIN_RUN_ON_LINES = 5
#: Share of run-on lines that must be full for the file to be hard-wrapped.
MIN_FULL_SHARE = 0.6
#: A line this many display columns short of the wrap width still counts as full:
#: typesetters push a closing mark or a number to the next line.
FULL_SLACK = 5
#: Narrower than this (in display columns) is a headline column, not a text column.
MIN_WRAP_WIDTH = 20
#: `一、…`, `(一)…`, `1.…`, `第一,…`: a numbered intertitle or item, which opens a line of its own.
NUMBERED_OPENING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[,，、])"
)


@dataclass
class PhysicalLine:
    """A non-blank input line before classification (see lines.read_lines)."""

    number: int
    raw: str
    text: str
    gap_before: int
    heading_level: int
    indented: bool


def display_width(text: str) -> int:
    """Columns the text takes on a page: a Chinese character two, a Latin letter or digit one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: list[PhysicalLine]) -> int | None:
    """The width the file was hard-wrapped at, or None when it was not."""
    run_on = [
        display_width(line.raw.rstrip())
        for line, following in zip(lines, lines[1:], strict=False)
        if following.gap_before == 0 and not line.heading_level
    ]
    if len(run_on) < MIN_RUN_ON_LINES:
        return None
    ordered = sorted(run_on)
    width = ordered[int(len(ordered) * 0.8) - 1]  # the 80th percentile: a few over-long lines do not count
    if width < MIN_WRAP_WIDTH:
        return None
    full = sum(1 for value in run_on if value >= width - FULL_SLACK)
    return width if full / len(run_on) >= MIN_FULL_SHARE else None


def join_text(before: str, after: str, spaced: bool = False) -> str:
    """Join two pieces of one paragraph: no space between Chinese, one between Latin words.

    `spaced`: the line was printed with a space at its end (a kicker and its
    title, `…时强调 ` / `聚焦…`), which the join keeps.
    """
    latin = before and after and before[-1].isascii() and after[0].isascii()
    if spaced or (latin and before[-1].isalnum() and after[0].isalnum()):
        return before + " " + after
    return before + after


def uses_indents(lines: list[PhysicalLine]) -> bool:
    """True when paragraphs open with an indent (then an unindented line continues a paragraph)."""
    long_lines = [line for line in lines if len(line.text) >= 10]
    return bool(long_lines) and sum(line.indented for line in long_lines) >= 0.15 * len(long_lines)


def runs_on(line: PhysicalLine, following: PhysicalLine, width: int, indents: bool) -> bool:
    """True when `following` continues `line`'s paragraph in a file wrapped at `width`."""
    if following.gap_before or following.heading_level:
        return False  # a marked line opens a headline of its own; a full marked line may run on
    if indents and following.indented:
        return False
    if NUMBERED_OPENING.match(following.text) and display_width(following.text) < width - FULL_SLACK:
        return False  # `(二)节目形式`: a short numbered intertitle under a full line opens anew
    return display_width(line.raw.rstrip()) >= width - FULL_SLACK
