"""Headline groups: which printed lines are kicker, title, subtitle or banner.

A Chinese news headline is printed as up to three parts: a kicker above the
title (引题, e.g. `X在Y会议上强调`), the title (主题) and a subtitle (副题,
often opened by `——`).  Extraction keeps them as separate lines, or runs the
kicker and the title together on one line separated by a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.core.parsing.lines import Line
from reader.core.parsing.wraps import NUMBERED_OPENING

#: A notice's title word; the lines above such a title are its issuers.
NOTICE_TITLE = re.compile(r"(?:启事|声明|公告|通告|讣告|公示|通知)$")

#: A kicker names who spoke where: `王俊在全区…会议上强调`, `…现场指挥…时强调`.
KICKER = re.compile(r"^\S{4,44}(?:时|上|中|后|会|前)(?:强调|指出|要求|表示|提出|寄语)$")
#: The same kicker run together with the title on one line.
KICKER_AND_TITLE = re.compile(r"^(\S{4,48}?(?:强调|指出|要求|表示|提出|寄语))[\s\u3000]+(\S.*)$")
SUBTITLE_DASH = re.compile(r"^(?:——|--|—|－－)")
#: `◆组建专职网格队伍◆`, `【聚焦】`: an intertitle inside a long article.
DECORATED_SUBHEAD = re.compile(r"^[◆◇■□●★☆]\S.*[◆◇■□●★☆]$|^【[^】]{1,20}】$")
#: A numbered intertitle (`一、…`, `(一)…`).
NUMBERED_SUBHEAD = NUMBERED_OPENING
CLAUSE_INSIDE = re.compile(r"[,，、;；]")
#: A headline line that finishes the one above it: `…(扩大)会议` / `暨创建全国文明城区推进会召开`.
CONTINUATION = re.compile(r"^(?:暨|及|和|与|并|以及|、)")
#: A column label printed above a title (`记者手记`, `短评`, `一线见闻`): a kicker.
COLUMN_LABEL = re.compile(
    r"^\S{0,4}(?:手记|短评|时评|述评|快评|点评|评论|札记|随笔|观察|特写|见闻|纪实|访谈|专访|言论|杂谈|随感|编者按|图说"
    r"|热线|聚焦|关注|直击|视点|一线|在线|视窗|纵横|广角|透视|连线|走笔|讲堂|茶座)$"
)


@dataclass
class Headline:
    """The parts of one headline group, and the lines that were page furniture."""

    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    banner: list[str] = field(default_factory=list)


def is_kicker(text: str) -> bool:
    """True for a line printed above a title that names who spoke where."""
    return bool(KICKER.match(text.replace(" ", "").rstrip(":：")))


def reads_as_kicker(text: str) -> bool:
    """A line above a title that reads as a kicker: who spoke where, a quoted phrase, a column label."""
    squeezed = text.replace(" ", "")
    if is_kicker(text) or COLUMN_LABEL.match(squeezed):
        return True
    return bool(re.fullmatch(r"“[^”]+”|「[^」]+」|‘[^’]+’", squeezed))


def _split_kicker_and_title(text: str) -> tuple[str | None, str]:
    """Split `X在Y会上强调 <title>` or `记者手记 <title>` into kicker and title; else (None, text)."""
    match = KICKER_AND_TITLE.match(text)
    if match and is_kicker(match.group(1)):
        return match.group(1), match.group(2).strip()
    label, _, rest = text.strip().partition(" ")
    if rest.strip() and COLUMN_LABEL.match(label) and len(rest.strip()) >= 4:
        return label, rest.strip()
    return None, text


def _printed_lines(lines: list[Line]) -> list[Line]:
    """Headline lines with each title broken over two lines joined back into one."""
    printed: list[Line] = []
    for line in lines:
        if printed and _runs_on(printed[-1], line):
            printed[-1] = replace(printed[-1], text=printed[-1].text + line.text)
        else:
            printed.append(line)
    return printed


def _join(texts: list[str]) -> str | None:
    """Join continuation lines of one headline part (CJK needs no separator)."""
    return "".join(texts) if texts else None


def _leading_banner_block(group: list[Line]) -> int:
    """Length of a multi-line block at the head of a group: a promo banner, not a headline."""
    if len(group) < 3 or any(line.heading_level for line in group):
        return 0
    size = 1
    while size < len(group) and group[size].gap_before == 0:
        size += 1
    return size if 1 < size < len(group) else 0


def _title_index(lines: list[Line]) -> int:
    """Pick the title among headline lines.

    In order: a line that carries kicker and title together; a notice's title
    under its issuers; the largest marked heading (fewest `#`) that is not a
    kicker; the first line that does not read as a kicker.
    """
    for index, line in enumerate(lines):
        if _split_kicker_and_title(line.text)[0]:
            return index
    notice = [index for index, line in enumerate(lines) if index and NOTICE_TITLE.search(line.text)]
    if notice and not any(line.heading_level for line in lines):
        return notice[0]  # a notice's issuers are printed above its title
    marked = [
        (line.heading_level, index)
        for index, line in enumerate(lines)
        if line.heading_level and not is_kicker(line.text)
    ]
    if marked:
        return min(marked)[1]
    dashed = [index for index, line in enumerate(lines) if index >= 2 and SUBTITLE_DASH.match(line.text)]
    if dashed:
        return dashed[0] - 1  # the line above a `——` subtitle is the title; lines above it, the kicker
    if len(lines) == 3 and not any(SUBTITLE_DASH.match(line.text) for line in lines):
        if not CONTINUATION.match(lines[2].text):
            return 1  # three decks: kicker (引题), title (主题), subtitle (副题)
    for index, line in enumerate(lines):
        if not (index == 0 and len(lines) > 1 and reads_as_kicker(line.text)) and not is_kicker(line.text):
            return index
    return len(lines) - 1


def _runs_on(line: Line, following: Line) -> bool:
    """Two headline lines that are one title broken over two lines.

    The first ends in a colon (`…沿线乡镇和工业园区:` / `积极应对强降雨`), or
    both are unmarked and printed in one block of a hard-wrapped column.
    """
    if following.text.startswith(("——", "—", "--")):
        return False
    if line.text.rstrip().endswith((":", "：", ",", "，")):
        return not is_kicker(line.text)  # `李明在…会上强调:` is a kicker, colon or not
    if CLAUSE_INSIDE.search(following.text.rstrip(",，、")):
        return False  # `聚焦瓯北城市新区,有问题可拨打12345`: a subtitle says something of its own
    # A title set in large type breaks into lines of about equal length; a short kicker above does not.
    comparable = len(line.text) >= 0.6 * len(following.text)
    return (
        not line.heading_level
        and not following.heading_level
        and following.gap_before == 0
        and line.wrapped
        and comparable
    )


def split_headline(group: list[Line]) -> Headline:
    """Assign the lines of one headline group to kicker, title, subtitle and banner."""
    headline = Headline()
    banner_size = _leading_banner_block(group)
    headline.banner = [line.text for line in group[:banner_size]]
    lines = group[banner_size:]
    if not lines:
        return headline

    lines = _printed_lines(lines)
    title_index = _title_index(lines)
    unmarked = not any(line.heading_level for line in lines)
    title_end = title_index + 1
    title_text = lines[title_index].text
    headline.kicker, headline.title = _split_kicker_and_title(title_text)
    before = [line.text for line in lines[:title_index]]
    if before and headline.kicker is None and NOTICE_TITLE.search(title_text):
        headline.kicker = " ".join(before)  # a notice's issuers, printed above its title
        before = []
    for position, text in enumerate(reversed(before)):
        if headline.kicker is None and position == 0 and (reads_as_kicker(text) or len(before) == 1 or unmarked):
            headline.kicker = text
        elif headline.kicker is None and is_kicker(text):
            headline.kicker = text
        else:
            headline.banner.insert(0, text)
    after = [line.text for line in lines[title_end:]]
    if after:
        headline.subtitle = _join(after)
    return headline
