"""Text of an issue -> Issue with articles, as a pipeline of small named steps.

1. `read_lines`: classify every non-blank line (lines.py).
2. `normalize_gaps`: make blank-line gaps relative to the file's own habit.
3. `mark_running_heads`: headlines repeated as page furniture become unassigned.
4. `assemble_articles`: walk the lines, opening an article at each headline,
   lead or byline, rejoining paragraphs cut by PDF column breaks.
5. `mark_captions` and `classify_kind`: per-article finishing touches.
6. `infer_metadata`: publication and date (metadata.py).

Invariant: every non-blank character of the input, except the `#` heading
marks the extractor added, ends up in an article or in `unassigned`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .headlines import DECORATED_SUBHEAD, split_headline
from .lines import PHOTO_SOURCE, Line, LineKind, ends_sentence, read_lines, reporter_names
from .metadata import infer_metadata
from .model import Article, Issue

#: Kinds that start a new article when they follow a headline group.
ARTICLE_OPENERS = {LineKind.LEAD, LineKind.BYLINE, LineKind.COMMENTATOR, LineKind.BULLET, LineKind.NOTICE_ITEM}
#: Kinds that are page furniture wherever they stand.
FURNITURE = {LineKind.SLOGAN, LineKind.PROMPT, LineKind.JUMP}
#: An intertitle inside a long article is short; a headline of its own is longer.
MAX_SUBHEAD_CHARS = 24
#: A photo caption is one short sentence.
MAX_CAPTION_CHARS = 60
CONTACT = re.compile(r"热线|电话|邮箱|@|微信|公众号|客户端|APP|网址|www\.", re.IGNORECASE)
INTERVIEW_TURN = re.compile(r"^(?:主持人|记者|问|答)[:：]|^[\u4e00-\u9fff]{2,4}[:：]")
NOTICE_TITLE = re.compile(r"(?:启事|声明|公告|通告|讣告|公示)$")
BRIEF_TITLE = re.compile(r"快读|简讯|快讯|速览|短讯|要闻简报")
COMMENTARY_TITLE = re.compile(r"评论|时评|短评|社论|观察|论坛")


@dataclass
class _Paragraph:
    """A paragraph under construction, with what decides how it joins."""

    text: str
    kind: LineKind
    gap_before: int
    subhead: bool = False
    caption: bool = False


@dataclass
class _Draft:
    """An article being assembled."""

    article: Article
    paragraphs: list[_Paragraph] = field(default_factory=list)
    has_lead: bool = False
    opened_by_byline: bool = False
    closed: bool = False
    has_photo_credit: bool = False
    continued: bool = False  # its beginning is on another page: (上接N版)
    first_line: int | None = None  # input line number where the article starts

    def body(self) -> list[_Paragraph]:
        """Paragraphs that are running text (not captions, credits or intertitles)."""
        return [p for p in self.paragraphs if not (p.caption or p.subhead)]

    def is_cut(self) -> bool:
        """True when the last running-text paragraph stops mid-sentence."""
        body = self.body()
        return bool(body) and body[-1].kind in (LineKind.TEXT, LineKind.LEAD) and not ends_sentence(body[-1].text)


def normalize_gaps(lines: list[Line]) -> None:
    """Rewrite gaps as 0 (same block), 1 (paragraph break) or 2 (photo or region break).

    What counts as a paragraph break is the most common gap of the file, so a
    file with every blank line doubled parses the same as the original.
    """
    counts = Counter(line.gap_before for line in lines[1:] if line.gap_before > 0)
    usual = counts.most_common(1)[0][0] if counts else 1
    for line in lines:
        if line.gap_before == 0:
            continue
        line.gap_before = 1 if line.gap_before <= usual else 2


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def mark_running_heads(lines: list[Line]) -> set[int]:
    """Indexes of lines that repeat an earlier headline as page furniture.

    Page layouts repeat a kicker above a continued article, together with the
    column slogan and byline of a neighbouring article.  A repeated headline
    line is furniture; slogans and bylines next to it are too when they also
    repeat earlier lines.
    """
    running: set[int] = set()
    seen_headlines: list[str] = []
    for index, line in enumerate(lines):
        compact = _compact(line.text)
        if line.kind is LineKind.HEADLINE and len(compact) >= 8:
            if any(compact in earlier for earlier in seen_headlines):
                running.add(index)
            seen_headlines.append(compact)
    repeatable = (LineKind.SLOGAN, LineKind.BYLINE, LineKind.SIGNATURE)
    for index in sorted(running):
        for step in (1, -1):
            neighbour = index + step
            while 0 <= neighbour < len(lines) and lines[neighbour].kind in repeatable:
                earlier = {_compact(line.text) for line in lines[:neighbour]}
                if _compact(lines[neighbour].text) not in earlier:
                    break
                running.add(neighbour)
                neighbour += step
    return running


class _Assembler:
    """Walks classified lines once and builds the articles of an issue."""

    def __init__(self, lines: list[Line], running_heads: set[int]) -> None:
        self.lines = lines
        self.running_heads = running_heads
        self.drafts: list[_Draft] = []
        self.unassigned: list[str] = []
        self.current: _Draft | None = None
        #: Headlines printed inside another article's columns, with their place in `unassigned`.
        self.stray_headlines: list[tuple[list[Line], int]] = []

    # -- helpers -----------------------------------------------------------
    def _is_furniture(self, index: int) -> bool:
        if index in self.running_heads:
            return True
        line = self.lines[index]
        if line.kind is LineKind.SLOGAN and self._slogan_heads_text(index):
            return False
        return line.kind in FURNITURE

    def _slogan_heads_text(self, index: int) -> bool:
        """A slogan-shaped line (`抓落实 系列访谈`) directly above running text is a column title."""
        following = index + 1
        if following >= len(self.lines) or self.lines[following].gap_before == 0:
            return False
        after = self.lines[following]
        return after.kind is LineKind.TEXT and not (self.current and self.current.is_cut())

    def _open(self, first_line: int | None = None) -> _Draft:
        self.current = _Draft(Article(), first_line=first_line)
        self.drafts.append(self.current)
        return self.current

    def _add(self, line: Line, **flags: bool) -> None:
        draft = self.current if self.current and not self.current.closed else self._open(line.number)
        draft.paragraphs.append(_Paragraph(line.text, line.kind, line.gap_before, **flags))

    def _next_content(self, index: int) -> int:
        """Index of the next line that is not furniture (or len(lines))."""
        while index < len(self.lines) and self._is_furniture(index):
            index += 1
        return index

    # -- the walk ----------------------------------------------------------
    def run(self) -> tuple[list[_Draft], list[str]]:
        index = 0
        while index < len(self.lines):
            index = self._step(index)
        self._attach_stray_headlines()
        return self.drafts, self.unassigned

    def _attach_stray_headlines(self) -> None:
        """Give each stray headline to the nearest earlier article that has a lead but no headline.

        Layout sometimes prints a headline away from its article; the article is
        then the one left with a 本报讯 lead and nothing above it.  A stray
        headline with no such article is page furniture.
        """
        for group, place in reversed(self.stray_headlines):
            first_line = group[0].number
            untitled = [
                draft
                for draft in self.drafts
                if draft.has_lead
                and not draft.article.headline_parts()
                and draft.first_line is not None
                and draft.first_line < first_line
            ]
            if untitled:
                headline = split_headline(group)
                target = untitled[-1].article
                target.kicker, target.title, target.subtitle = headline.kicker, headline.title, headline.subtitle
                for offset, text in enumerate(headline.banner):
                    self.unassigned.insert(place + offset, text)
            else:
                for offset, line in enumerate(group):
                    self.unassigned.insert(place + offset, line.text)

    def _step(self, index: int) -> int:
        line = self.lines[index]
        if self._is_furniture(index):
            self.unassigned.append(line.text)
            if (
                line.kind is LineKind.JUMP
                and line.text.lstrip("(（").startswith(("上接", "接上", "接"))
                and self.current
            ):
                self.current.continued = True
            return self._swallow_block(index + 1)
        handler = {
            LineKind.HEADLINE: self._headline,
            LineKind.SLOGAN: self._headline,
            LineKind.LEAD: self._lead,
            LineKind.BYLINE: self._byline,
            LineKind.COMMENTATOR: self._byline,
            LineKind.SIGNATURE: self._signature,
            LineKind.CREDIT: self._credit,
        }.get(line.kind, self._text)
        return handler(index)

    def _swallow_block(self, index: int) -> int:
        """Lines printed in the same block as a piece of furniture are furniture too."""
        while (
            index < len(self.lines)
            and self.lines[index].gap_before == 0
            and self.lines[index].kind
            in (
                LineKind.HEADLINE,
                LineKind.TEXT,
            )
        ):
            self.unassigned.append(self.lines[index].text)
            index += 1
        return index

    def _headline_group_end(self, index: int) -> int:
        """End of the run of headline lines starting at `index`; a region break ends it."""
        end = index + 1
        while (
            end < len(self.lines)
            and self.lines[end].kind in (LineKind.HEADLINE, LineKind.SLOGAN)
            and self.lines[end].gap_before < 2
            and not self._is_furniture(end)
        ):
            end += 1
        return end

    def _headline(self, index: int) -> int:
        end = self._headline_group_end(index)
        group = self.lines[index:end]
        following = self._next_content(end)
        after = self.lines[following] if following < len(self.lines) else None
        opens_article = after is not None and after.kind in ARTICLE_OPENERS
        draft = self.current
        if not opens_article and draft and not draft.closed and after is not None and after.kind is LineKind.TEXT:
            if self._is_intertitle(group, draft):
                for line in group:
                    self._add(line, subhead=True)
                return end
            if draft.is_cut() and after.gap_before <= 1 and len(group) == 1 and draft.has_lead:
                # Another article's headline printed across this one's columns; see attach_stray_headlines.
                self.stray_headlines.append((group, len(self.unassigned)))
                return end
        headline = split_headline(group)
        self.unassigned.extend(headline.banner)
        if headline.title is None and headline.kicker is None and headline.subtitle is None:
            return end
        draft = self._open(group[0].number)
        draft.article.kicker = headline.kicker
        draft.article.title = headline.title
        draft.article.subtitle = headline.subtitle
        return end

    def _is_intertitle(self, group: list[Line], draft: _Draft) -> bool:
        """An intertitle: a short unmarked line inside a feature, not a headline of its own."""
        if any(DECORATED_SUBHEAD.match(line.text) for line in group):
            return True
        if draft.continued and not draft.body():
            return len(group) <= 2
        if draft.has_lead or not draft.body() or any(line.heading_level for line in group):
            return False
        if draft.has_photo_credit and len(draft.body()) <= 2:
            return False
        return len(group) <= 2 and all(len(_compact(line.text)) <= MAX_SUBHEAD_CHARS for line in group)

    def _fresh_or_current(self, first_line: int) -> _Draft:
        """The current article if it has only a headline so far, else a new one."""
        draft = self.current
        if draft and not draft.closed and not draft.paragraphs:
            return draft
        return self._open(first_line)

    def _lead(self, index: int) -> int:
        line = self.lines[index]
        draft = self.current
        if not (draft and not draft.closed and not draft.has_lead and not draft.body()):
            draft = self._open(line.number)
        draft.has_lead = True
        draft.paragraphs.append(_Paragraph(line.text, line.kind, line.gap_before))
        draft.article.reporters.extend(reporter_names(line.text))
        return index + 1

    def _byline(self, index: int) -> int:
        line = self.lines[index]
        draft = self._fresh_or_current(line.number)
        if draft.article.byline is None:
            draft.article.byline = line.text
        else:
            draft.paragraphs.append(_Paragraph(line.text, line.kind, line.gap_before))
        draft.opened_by_byline = line.kind is LineKind.BYLINE
        if line.kind is LineKind.COMMENTATOR:
            draft.article.kind = "commentary"
        draft.article.reporters.extend(reporter_names(line.text))
        return index + 1

    def _signature(self, index: int) -> int:
        line = self.lines[index]
        draft = self.current
        if draft is None or draft.closed:
            self.unassigned.append(line.text)
            return index + 1
        # An end signature stays where it is printed: the article's last paragraph.
        draft.paragraphs.append(_Paragraph(line.text, line.kind, line.gap_before))
        draft.article.reporters.extend(reporter_names(line.text))
        draft.closed = True
        return index + 1

    def _credit(self, index: int) -> int:
        line = self.lines[index]
        self._add(line, caption=True)
        draft = self.current
        assert draft is not None
        draft.has_photo_credit = True
        draft.article.reporters.extend(reporter_names(line.text))
        previous = draft.paragraphs[-2] if len(draft.paragraphs) > 1 else None
        if (
            previous
            and not previous.subhead
            and len(previous.text) <= MAX_CAPTION_CHARS
            and previous.kind is LineKind.TEXT
        ):
            previous.caption = True
        if line.text.endswith("摄影报道") or (not draft.has_lead and len(draft.body()) <= 2):
            draft.closed = True
        return index + 1

    def _text(self, index: int) -> int:
        line = self.lines[index]
        draft = self.current
        if draft and not draft.closed and line.kind is LineKind.TEXT and line.gap_before >= 1 and draft.is_cut():
            if not self._looks_like_caption(line):
                last = draft.body()[-1]
                last.text += line.text
                return index + 1
        self._add(line, caption=self._looks_like_caption(line))
        return index + 1

    @staticmethod
    def _looks_like_caption(line: Line) -> bool:
        """A short sentence standing where a photo was, or one naming a photo's source."""
        if line.kind is not LineKind.TEXT:
            return False
        if PHOTO_SOURCE.search(line.text):
            return True
        return line.gap_before >= 2 and len(line.text) <= MAX_CAPTION_CHARS and ends_sentence(line.text)


def classify_kind(draft: _Draft) -> str:
    """Decide the kind of an assembled article from its structure and markers."""
    article = draft.article
    texts = [p.text for p in draft.paragraphs]
    title = article.title or ""
    if article.kind == "commentary" or COMMENTARY_TITLE.search(title):
        return "commentary"
    if NOTICE_TITLE.search(title) or any(p.kind is LineKind.NOTICE_ITEM for p in draft.paragraphs):
        return "notice"
    if BRIEF_TITLE.search(title) or sum(p.kind is LineKind.BULLET for p in draft.paragraphs) >= 2:
        return "brief"
    if sum(bool(INTERVIEW_TURN.match(text)) and text.startswith(("主持人", "记者", "问")) for text in texts) >= 2:
        return "interview"
    body = draft.body()
    if draft.has_photo_credit and not draft.has_lead and len(body) <= 2:
        return "photo"
    unsigned = not draft.has_lead and article.byline is None
    if not body or (unsigned and any(CONTACT.search(text) for text in texts) and len(body) <= 4):
        return "ad"
    if unsigned and len(body) <= 2 and not any(ends_sentence(p.text) for p in body):
        return "ad"  # a promo block: slogan lines, no sentence
    # Intertitles alone do not make a feature: continued news reports have them too.
    if draft.opened_by_byline or (article.subtitle or "").startswith(("——", "—")):
        return "feature"
    return "news"


def _finish(draft: _Draft) -> Article:
    article = draft.article
    if not draft.paragraphs and article.subtitle and article.title:
        # Lines under a title with no body after them are that block's text (a promo), not a subtitle.
        draft.paragraphs.append(_Paragraph(article.subtitle, LineKind.TEXT, 1))
        article.subtitle = None
    article.paragraphs = [p.text for p in draft.paragraphs]
    article.caption_indexes = [i for i, p in enumerate(draft.paragraphs) if p.caption]
    article.intertitle_indexes = [i for i, p in enumerate(draft.paragraphs) if p.subhead]
    article.signature_indexes = [i for i, p in enumerate(draft.paragraphs) if p.kind is LineKind.SIGNATURE]
    article.kind = classify_kind(draft)
    article.reporters = list(dict.fromkeys(article.reporters))
    return article


def parse_text(text: str, source: str) -> Issue:
    """Parse the decoded text of one issue file into an Issue."""
    lines = read_lines(text)
    normalize_gaps(lines)
    running_heads = mark_running_heads(lines)
    drafts, unassigned = _Assembler(lines, running_heads).run()
    issue = Issue(source=source, articles=[_finish(draft) for draft in drafts], unassigned=unassigned)
    infer_metadata(issue, text)
    return issue
