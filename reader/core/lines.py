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


class LineKind(Enum):
    """What a line is, judged from the line alone."""

    TEXT = "text"
    HEADLINE = "headline"  # short, unpunctuated: a headline candidate
    LEAD = "lead"  # 本报讯(记者 X)... : opens a news article
    BYLINE = "byline"  # 本报记者 X on a line of its own: opens a feature
    SIGNATURE = "signature"  # 记者 X / 本报综合 at the end of an article
    COMMENTATOR = "commentator"  # ■X: the author line of a commentary
    CREDIT = "credit"  # 记者 X 摄: a photo credit
    JUMP = "jump"  # (上接1版) / (下转2版)
    BULLET = "bullet"  # ● item of a brief column
    NOTICE_ITEM = "notice_item"  # ▲ item of a notice column
    SLOGAN = "slogan"  # 办实事 晒实绩: a column slogan of short chunks
    PROMPT = "prompt"  # 扫码看…: QR-code prompts and similar page furniture


#: Characters that end a sentence; a line ending otherwise was cut (or is a headline).
SENTENCE_END = "。！？!?…;；"
CLOSING_QUOTES = "”’」』\"'"
CLOSING_BRACKETS = ")）]】》>"
#: Punctuation that marks running text; a headline has none outside its quotes.
CLAUSE_PUNCTUATION = re.compile(r"[,，。;；、]")
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|《[^》]*》|\"[^\"]*\"")

HEADING_MARK = re.compile(r"^(#{1,6})\s*")
NAME = r"[\u4e00-\u9fff·]{2,4}"
NAMES = rf"{NAME}(?:[\s、,，]+{NAME})*"

LEAD = re.compile(r"^(?:本报讯|本报[\u4e00-\u9fff]{1,4}讯|[\u4e00-\u9fff]{2,6}社[\u4e00-\u9fff]{2,4}电)")
LEAD_REPORTERS = re.compile(r"^[^(（]{0,12}[(（]\s*((?:本报)?(?:记者|通讯员|实习生)[^)）]*)[)）]")
BYLINE = re.compile(
    rf"^(?:本报)?(?:首席)?(?:记者|通讯员|评论员|特约评论员|实习生)\s*({NAMES})(?:\s+(?:通讯员|实习生)\s*({NAMES}))*$"
)
OPENING_BYLINE = re.compile(r"^本报(?:首席)?(?:记者|通讯员|评论员)")
SIGNATURE = re.compile(r"^(?:本报综合|综合报道|本报记者|据[\u4e00-\u9fff]{2,10})$")
COMMENTATOR = re.compile(rf"^[■□◇]\s*({NAME})$")
CREDIT = re.compile(rf"^(?:本报)?(?:记者|通讯员|特约摄影)?\s*({NAMES})?\s*(?:摄影报道|摄影|摄)$")
JUMP = re.compile(r"^[(（]\s*(?:上接|下转|接上|转下|紧接|接)\s*第?\s*[\d一二三四五六七八九十]+\s*版\s*[)）]$")
BULLET = re.compile(r"^[●•○◎]")
NOTICE_ITEM = re.compile(r"^[▲△]")
SLOGAN_CHUNK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
PROMPT = re.compile(r"^(?:扫[码描]|扫一扫|长按)")
PHOTO_SOURCE = re.compile(r"[(（](?:资料图|资料图片|图片由[^)）]*提供|供图|[\u4e00-\u9fff]{0,6}供图)[)）]$")


@dataclass
class Line:
    """One non-blank line of the input with what the classifier learnt about it.

    `gap_before` counts the blank lines before it (0: same printed block,
    1: a paragraph break, 2 or more: a photo or region boundary).
    `heading_level` is the number of `#` marks the extractor put before it.
    """

    number: int
    raw: str
    text: str
    kind: LineKind
    gap_before: int
    heading_level: int = 0


def ends_sentence(text: str) -> bool:
    """True when `text` ends where a sentence ends (so a following line starts anew)."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSING_QUOTES + CLOSING_BRACKETS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_END


def outside_quotes(text: str) -> str:
    """The text with quoted and book-title spans removed."""
    return QUOTED.sub("", text)


def looks_like_headline(text: str) -> bool:
    """A headline candidate: short and free of running-text punctuation."""
    compact = text.replace(" ", "")
    if not compact or len(compact) > 64:
        return False
    if ends_sentence(text) or text.endswith(("：", ":", ",", "，", "、")):
        return False
    return not CLAUSE_PUNCTUATION.search(outside_quotes(text))


def classify_text(text: str) -> LineKind:
    """Classify one line by its own text (position-dependent decisions come later)."""
    if JUMP.match(text):
        return LineKind.JUMP
    if LEAD.match(text):
        return LineKind.LEAD
    if BULLET.match(text):
        return LineKind.BULLET
    if NOTICE_ITEM.match(text):
        return LineKind.NOTICE_ITEM
    if COMMENTATOR.match(text):
        return LineKind.COMMENTATOR
    if CREDIT.match(text) and len(text) <= 30:
        return LineKind.CREDIT
    if BYLINE.match(text):
        return LineKind.BYLINE if OPENING_BYLINE.match(text) else LineKind.SIGNATURE
    if SIGNATURE.match(text):
        return LineKind.SIGNATURE
    if PROMPT.match(text) and len(text) <= 30:
        return LineKind.PROMPT
    chunks = text.split()
    if len(chunks) >= 2 and all(SLOGAN_CHUNK.match(chunk) for chunk in chunks):
        return LineKind.SLOGAN
    if looks_like_headline(text):
        return LineKind.HEADLINE
    return LineKind.TEXT


def read_lines(text: str) -> list[Line]:
    """Split text into classified non-blank lines, remembering the blank lines between them."""
    lines: list[Line] = []
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
        kind = LineKind.HEADLINE if level and not LEAD.match(stripped) else classify_text(stripped)
        if kind is LineKind.HEADLINE and not level and gap == 0 and lines and lines[-1].kind is LineKind.TEXT:
            # A short line printed in the same block as running text continues it.
            kind = LineKind.TEXT
        lines.append(Line(number, raw, stripped, kind, gap if lines else 2, level))
        gap = 0
    return lines


def reporter_names(text: str) -> list[str]:
    """Names of reporters credited in a lead, byline, signature or photo credit."""
    if LEAD.match(text):
        credit = LEAD_REPORTERS.match(text)
        if not credit:
            return []
        inner = credit.group(1)
    else:
        inner = text
    inner = re.sub(r"摄影报道|摄影|摄$|^[■□◇]", " ", inner)
    inner = re.sub(r"本报综合|综合报道|本报|首席|记者|通讯员|实习生|评论员|特约", " ", inner)
    return [name for name in re.split(r"[\s、,，]+", inner) if re.fullmatch(NAME, name)]
