"""Step 1 of parsing: the text of an issue as classified lines.

PDF extraction leaves one printed line block per text line, separated by blank
lines; several blank lines in a row mark where a photo or a page region was.
Each line is classified by the generic conventions of Chinese newspapers
(本报讯 leads, 本报记者 bylines, 记者 X 摄 credits, 上接/下转 jump heads, ●
brief items, ▲ notices), never by strings particular to one paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from reader.core.parsing.credits import FULL_STOPS, credit_line, lead_names, place_and_names, trailing_credit
from reader.core.parsing.wraps import PhysicalLine

from . import furniture, wraps


class LineKind(Enum):
    """What a line is, judged from the line alone (and, for a few, its neighbours)."""

    TEXT = "text"
    HEADLINE = "headline"  # short, unpunctuated: a headline candidate
    LEAD = "lead"  # 本报讯(记者 X)... : opens a news article
    BYLINE = "byline"  # 本报记者 X on a line of its own: opens a feature
    SIGNATURE = "signature"  # 记者 X / (X Y) / 本报综合 at the end of an article
    COMMENTATOR = "commentator"  # ■X: the author line of a commentary
    CREDIT = "credit"  # 记者 X 摄: a photo credit
    DATELINE = "dateline"  # 2018年3月8日 alone: the date under a notice's signature
    JUMP = "jump"  # (上接1版) / (下转2版)
    BULLET = "bullet"  # ● item of a brief column
    NOTICE_ITEM = "notice_item"  # ▲ item of a notice or brief column
    SLOGAN = "slogan"  # 办实事 晒实绩: a column slogan of short chunks
    PROMPT = "prompt"  # 扫码看…: QR-code prompts and similar page furniture
    RUNNING_HEAD = "running_head"  # X报 2022年5月10日 星期二 第2版: the page's header
    WEATHER = "weather"  # 明天 晴转多云 8℃~19℃: a weather box


#: Characters that end a sentence; a line ending otherwise was cut (or is a headline).
SENTENCE_END = FULL_STOPS + ";；"  # a line ending in a semicolon is not cut mid-sentence either
CLOSING_QUOTES = "”’」』\"'"
CLOSING_BRACKETS = ")）]】》>"
#: Punctuation that marks running text; a headline has none outside its quotes.
CLAUSE_PUNCTUATION = re.compile(r"[,，。;；、]")
#: `(下转第二版)` run onto the end of a paragraph.
RUN_ON_JUMP = furniture.RUN_ON_JUMP
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|《[^》]*》|\"[^\"]*\"")

HEADING_MARK = re.compile(r"^(#{1,6})\s*")
INDENT = re.compile(r"^(?:\u3000|\s{2,})")
NAME = r"[\u4e00-\u9fff·]{2,4}"

#: Dispatch-line openings: `本报讯`, `本网讯`, `中国甘肃网11月05日讯`, `新华社北京5月1日电`, `红安网消息`.
LEAD = re.compile(
    r"^[●•■◆▲△★☆]?\s*(?:本报讯|本网讯|本报(?!通讯)[\u4e00-\u9fff]{1,4}讯"
    r"|[\u4e00-\u9fff]{1,8}(?:网|台|报|社)(?:\d{1,2}月\d{1,2}日)?讯"
    r"|[\u4e00-\u9fff]{2,6}社[\u4e00-\u9fff]{2,4}(?:\d{1,2}月\d{1,2}日)?电"
    r"|[\u4e00-\u9fff]{1,8}网消息)"
)
#: A lead that opens with its credit instead of a dispatch line: `(记者 熊旋)今天上午,…`,
#: `通讯员李思懿  在第29个…`.
CREDIT_LEAD = re.compile(
    r"^[(（]\s*(?:本报)?(?:全媒体|融媒体|见习|实习|首席|特约)?(?:记者|通讯员)[^)）]{1,30}[)）]\s*\S"
    r"|^(?:本报)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}(?:\s{2,}|\u3000)\S"
)
OPENING_SIGNATURE = re.compile(r"^(?:本报综合|综合报道|本报记者|据[\u4e00-\u9fff]{2,10})$")
COMMENTATOR = re.compile(rf"^[■□◇◎]\s*({NAME})$")
BULLET = re.compile(r"^[●•○◎■◆★☆]\s*\S")
NOTICE_ITEM = re.compile(r"^[▲△]\s*\S")
DECORATED = re.compile(r"^([◆◇■□●★☆]).*\1$")
PHOTO_SOURCE = re.compile(r"[(（](?:资料图|资料图片|图片由[^)）]*提供|供图|[\u4e00-\u9fff]{0,6}供图)[)）]$")
#: A line that runs into the next headline line: `汉北河…沿线乡镇和工业园区:` / `积极应对强降雨`.
HEADLINE_LEAD_IN = re.compile(r"[:：]$")
#: `名单如下:`, `具体如下:`: a colon that introduces a list, not the rest of a headline.
LIST_INTRO = re.compile(r"(?:如下|以下|分别是|包括|名单)\s*[:：]$")
MAX_HEADLINE_CHARS = 64
#: Kinds of line that open a paragraph of their own, indented or not.
PARAGRAPH_OPENERS = frozenset(
    {LineKind.LEAD, LineKind.BULLET, LineKind.NOTICE_ITEM, LineKind.BYLINE, LineKind.COMMENTATOR}
)
#: `主持人:…`, `段海涛:…`: a turn of an interview, never a headline.
SPEAKER_TURN = re.compile(r"^[\u4e00-\u9fff·]{1,12}[:：]\S")


@dataclass
class Line:
    """One line of the input (or a hard-wrapped paragraph joined back) with what was learnt about it.

    Attributes:
        number: the input line it starts on (1-based).
        numbers: every input line it was joined from.
        gap_before: blank lines before it (0: same printed block, 1: a paragraph
            break, 2 or more: a photo or region boundary; see parse.normalize_gaps).
        heading_level: the number of `#` marks the extractor put before it.
        indented: it opens with an indent (full-width spaces).
        role, step: what the assembler made of it and which step decided
            (`reader parse --explain` prints them).
        wrapped: the file is hard-wrapped (two headline lines in one block are one title).
    """

    number: int
    raw: str
    text: str
    kind: LineKind
    gap_before: int
    heading_level: int = 0
    indented: bool = False
    numbers: tuple[int, ...] = ()
    role: str = ""
    step: str = ""
    wrapped: bool = False

    def explain(self, role: str, step: str) -> None:
        """Record the role the parser gave this line and the step that decided it."""
        self.role, self.step = role, step


def ends_sentence(text: str) -> bool:
    """True when `text` ends where a sentence ends (so a following line starts anew).

    A jump run onto the last sentence (`…是我们的考题。(下转第二版)`) is not part of it.
    """
    stripped = RUN_ON_JUMP.sub("", text.rstrip())
    while stripped and stripped[-1] in CLOSING_QUOTES + CLOSING_BRACKETS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_END


def outside_quotes(text: str) -> str:
    """The text with quoted and book-title spans removed."""
    return QUOTED.sub("", text)


def looks_like_headline(text: str) -> bool:
    """A headline candidate: short and free of running-text punctuation (outside its quotes)."""
    compact = text.replace(" ", "")
    if not compact or len(compact) > MAX_HEADLINE_CHARS:
        return False
    if ends_sentence(text):
        # `南寨村人喊渴!`: a headline may exclaim or ask, a speaker's turn (`主持人:…?`) is not one.
        exclaims = text.rstrip().endswith(("!", "！", "?", "？"))
        if not exclaims or SPEAKER_TURN.match(text) or len(furniture.compact(text)) > 30:
            return False
    if text.endswith(("：", ":", ",", "，", "、")):
        return False
    return not CLAUSE_PUNCTUATION.search(outside_quotes(text))


def is_lead(text: str) -> bool:
    """A paragraph that opens a report: a dispatch line or a credit in front of the first sentence."""
    return bool(LEAD.match(text) or CREDIT_LEAD.match(text))


def _credit_kind(text: str) -> LineKind | None:
    """The kind of a whole-line credit (byline, end signature, photo credit), else None."""
    if COMMENTATOR.match(text):
        return LineKind.COMMENTATOR
    if OPENING_SIGNATURE.match(text):
        return LineKind.BYLINE if text.startswith("本报记者") and len(text) > 4 else LineKind.SIGNATURE
    credit = credit_line(text)
    if credit is None:
        # `湖北武汉市周国强刘君勉…`: a place, then the photographers' names run together.
        return LineKind.SIGNATURE if len(place_and_names(text)) >= 2 else None
    if credit.photo:
        return LineKind.CREDIT
    return LineKind.BYLINE if credit.role == "byline" else LineKind.SIGNATURE


def classify_text(text: str, publication: str | None = None) -> LineKind:
    """Classify one line by its own text (position-dependent decisions come later)."""
    if furniture.is_jump(text):
        return LineKind.JUMP
    if furniture.is_running_head(text, publication):
        return LineKind.RUNNING_HEAD
    if furniture.is_weather(text):
        return LineKind.WEATHER
    if furniture.is_prompt(text):
        return LineKind.PROMPT
    if DECORATED.match(text) and len(text) <= 30:
        return LineKind.HEADLINE  # `◆组建专职网格队伍◆`: an intertitle
    if COMMENTATOR.match(text):
        return LineKind.COMMENTATOR
    if BULLET.match(text):
        return LineKind.BULLET  # an item of a brief column, even when it opens with 本报讯
    if NOTICE_ITEM.match(text):
        return LineKind.NOTICE_ITEM
    if is_lead(text):
        return LineKind.LEAD
    credit = _credit_kind(text)
    if credit is not None:
        return credit
    if furniture.DATE_ONLY.match(text.strip()):
        return LineKind.DATELINE
    if furniture.has_slogan_shape(text) and all(len(chunk) <= 4 for chunk in text.split()):
        return LineKind.SLOGAN
    if looks_like_headline(text):
        return LineKind.HEADLINE
    return LineKind.TEXT


def physical_lines(text: str) -> list[PhysicalLine]:
    """The non-blank lines of the text, with the blank lines before each and its `#` marks."""
    lines: list[PhysicalLine] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        level = 0
        mark = HEADING_MARK.match(stripped)
        if mark and len(stripped) > len(mark.group(0)):
            level = len(mark.group(1))
            stripped = stripped[mark.end() :]
        indented = bool(INDENT.match(raw))
        lines.append(PhysicalLine(number, raw, stripped, gap if lines else 2, level, indented))
        gap = 0
    return lines


def _gaps_from_indents(lines: list[Line]) -> None:
    """In a file whose paragraphs open with an indent and no blank line, an indent is a paragraph gap.

    So is a flush line after a finished sentence that heads the next indented
    paragraph (a headline printed under the text); a flush line after an
    unfinished one stays in its block (the rest of a paragraph cut by a column
    break), and so do flush lines that end the file's text (an ad's contacts).
    """
    for index in range(1, len(lines)):
        line, previous = lines[index], lines[index - 1]
        finished = ends_sentence(previous.text) or trailing_credit(previous.text) is not None
        if line.gap_before == 0 and (line.indented or (finished and _heads_indented(lines, index))):
            line.gap_before = 1


def _paragraphs_are_lines(lines: list[Line]) -> bool:
    """True for a file that prints each paragraph as one line with no blank line between them."""
    runs = [line.gap_before == 0 for line in lines[1:]]
    return len(runs) >= 4 and sum(runs) >= 0.5 * len(runs)


def _gaps_from_line_breaks(lines: list[Line]) -> None:
    """In a file of one line per paragraph, a line break is a paragraph gap and a blank line a region gap.

    The line after a finished sentence, a credit or a headline opens a new
    paragraph; so does the text under a short unfinished line that stands
    after a region gap (a headline with commas).  The line after an unfinished
    one stays in its block (the rest of a paragraph cut by a column break).
    """
    for line in lines[1:]:
        if line.gap_before:
            line.gap_before += 1
    for index in range(1, len(lines)):
        line, previous = lines[index], lines[index - 1]
        if line.gap_before:
            continue
        finished = ends_sentence(previous.text) or trailing_credit(previous.text) is not None
        heading = previous.kind is LineKind.HEADLINE and line.kind is not LineKind.HEADLINE
        short_head = previous.gap_before >= 2 and len(previous.text) <= MAX_HEADLINE_CHARS // 2
        if finished or heading or short_head or previous.kind is not LineKind.TEXT:
            line.gap_before = 1


def _heads_indented(lines: list[Line], index: int) -> bool:
    """A flush line that a few flush lines at most separate from the next indented paragraph: a headline."""
    for later in lines[index + 1 : index + 4]:
        if later.indented or later.gap_before or later.kind in PARAGRAPH_OPENERS:
            return True
        if len(later.text) > MAX_HEADLINE_CHARS // 2:
            return False
    return False


def _join_hard_wraps(lines: list[PhysicalLine], indents: bool) -> tuple[list[list[PhysicalLine]], bool]:
    """Group physical lines into printed lines (a hard-wrapped paragraph becomes one group).

    Also says whether the file is hard-wrapped.
    """
    width = wraps.wrap_width(lines)
    if width is None:
        return [[line] for line in lines], False
    groups: list[list[PhysicalLine]] = []
    for line in lines:
        if groups and wraps.runs_on(groups[-1][-1], line, width, indents):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups, True


def read_lines(text: str, publication: str | None = None) -> list[Line]:
    """Split text into classified lines, joining hard wraps and remembering the blank lines between them.

    `publication`, when known from the file name, lets a masthead line that is
    nothing but the paper's name be recognised as furniture.
    """
    lines: list[Line] = []
    physical = physical_lines(text)
    indents = wraps.uses_indents(physical)
    groups, wrapped = _join_hard_wraps(physical, indents)
    for group in groups:
        first = group[0]
        joined = first.text
        for before, piece in zip(group, group[1:], strict=False):
            joined = wraps.join_text(joined, piece.text, spaced=before.raw.endswith((" ", "\u3000")))
        kind = LineKind.HEADLINE if first.heading_level and not is_lead(joined) else classify_text(joined, publication)
        if kind is LineKind.HEADLINE and first.heading_level and furniture.is_running_head(joined, publication):
            kind = LineKind.RUNNING_HEAD
        numbers = tuple(piece.number for piece in group)
        lines.append(
            Line(
                first.number,
                first.raw,
                joined,
                kind,
                first.gap_before,
                first.heading_level,
                first.indented,
                numbers,
                wrapped=wrapped,
            )
        )
    if indents:
        _gaps_from_indents(lines)
    elif not wrapped and _paragraphs_are_lines(lines):
        _gaps_from_line_breaks(lines)
    _demote_run_on_headlines(lines)
    _mark_headline_lead_ins(lines)
    _mark_weather_labels(lines)
    return _join_split_credits(lines)


def _mark_weather_labels(lines: list[Line]) -> None:
    """`今日天气` printed above the weather line it labels is part of the weather box."""
    for line, following in zip(lines, lines[1:], strict=False):
        if following.kind is LineKind.WEATHER and following.gap_before == 0 and furniture.is_weather_label(line.text):
            line.kind = LineKind.WEATHER


def _join_split_credits(lines: list[Line]) -> list[Line]:
    """`本报通讯员` / `邢兰富 摄`: a credit's role printed on one line and the name on the next is one credit."""
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and line.gap_before == 0
            and previous.kind in (LineKind.SIGNATURE, LineKind.BYLINE, LineKind.LEAD)
            and not previous.text.startswith(("(", "（"))
            and (credit := credit_line(previous.text)) is not None
            and not credit.names
        ):
            whole = credit_line(previous.text + line.text)
            if whole is not None and whole.names:
                previous.text += line.text
                previous.numbers += line.numbers
                previous.kind = _credit_kind(previous.text) or LineKind.SIGNATURE
                continue
        joined.append(line)
    return joined


def _demote_run_on_headlines(lines: list[Line]) -> None:
    """A short line printed in the same block as running text continues it (`请小布热线:…`).

    Unless the line above leads into it (`…沿线乡镇和工业园区:` / `积极应对强降雨`):
    then both are a headline.
    """
    for previous, line in zip(lines, lines[1:], strict=False):
        if line.kind is not LineKind.HEADLINE or line.heading_level or line.gap_before:
            continue
        if _leads_into_headline(previous):
            previous.kind = LineKind.HEADLINE
        elif previous.kind is LineKind.TEXT:
            line.kind = LineKind.TEXT


def _leads_into_headline(line: Line) -> bool:
    """A short line ending in a colon, headline-like before it: the first part of a headline."""
    return (
        line.kind is LineKind.TEXT
        and bool(HEADLINE_LEAD_IN.search(line.text))
        and not LIST_INTRO.search(line.text)
        and len(line.text) <= 32
        and looks_like_headline(line.text[:-1])
    )


def _mark_headline_lead_ins(lines: list[Line]) -> None:
    """`汉北河…沿线乡镇和工业园区:` above `积极应对强降雨`: both are the headline.

    A slogan-shaped line (`汉北河 大富水 府河漳河`) in the same block above such a
    lead-in is the headline's first line too.
    """
    for line, following in zip(lines, lines[1:], strict=False):
        if following.kind is LineKind.HEADLINE and following.gap_before <= 1 and _leads_into_headline(line):
            line.kind = LineKind.HEADLINE
    for line, following in zip(lines, lines[1:], strict=False):
        if line.kind is LineKind.SLOGAN and following.gap_before == 0 and following.text.rstrip().endswith((":", "：")):
            if following.kind is LineKind.HEADLINE:
                line.kind = LineKind.HEADLINE


def reporter_names(text: str) -> list[str]:
    """Names of people credited in a lead, byline, signature or photo credit line."""
    if is_lead(text):
        return lead_names(text)
    commentator = COMMENTATOR.match(text)
    if commentator:
        return [commentator.group(1)]
    credit = credit_line(text)
    return list(credit.names) if credit else place_and_names(text)
