"""Step 5 of parsing (see parse.py): classified lines -> articles, in one walk over the page.

An article opens at a headline group, a lead (本报讯…), an opening byline or,
after an article that a credit or a jump line closed, at its first text.  Page
furniture is set aside wherever it stands and never ends an article; a
paragraph cut mid-sentence (a PDF column break) is joined with the text that
continues it, across blank lines and furniture; credits are taken wherever the
paper prints them (a line of their own, or run onto the last sentence).

Every line the walk consumes is given a role and the name of the step that
decided it (`Line.explain`), which `reader parse --explain` prints.
"""

from __future__ import annotations

import re

from reader.core.model import Article
from reader.core.parsing.credits import MAX_TRAILING_CHARS, is_person_name, trailing_credit
from reader.core.parsing.furniture import compact, has_slogan_shape, is_jump_to_later_page, page_of
from reader.core.parsing.headlines import DECORATED_SUBHEAD, NUMBERED_SUBHEAD, split_headline
from reader.core.parsing.kinds import NOTICE_TITLE, SENTENCE_TAIL, Draft, Paragraph
from reader.core.parsing.lines import (
    PHOTO_SOURCE,
    RUN_ON_JUMP,
    Line,
    LineKind,
    ends_sentence,
    is_lead,
    looks_like_headline,
    reporter_names,
)

#: Kinds that start a new article when they follow a headline group.
ARTICLE_OPENERS = {LineKind.LEAD, LineKind.BYLINE, LineKind.COMMENTATOR, LineKind.BULLET, LineKind.NOTICE_ITEM}
#: Kinds that are page furniture wherever they stand.
FURNITURE = {LineKind.SLOGAN, LineKind.PROMPT, LineKind.JUMP, LineKind.RUNNING_HEAD, LineKind.WEATHER}
#: Kinds that credit people (a line of their own).
CREDITS = {LineKind.SIGNATURE, LineKind.CREDIT}
#: Furniture a headline group may enclose (a running head between kicker and title).
INSIDE_HEADLINES = {LineKind.RUNNING_HEAD, LineKind.WEATHER}
#: An intertitle inside a long article is short; a headline of its own is longer.
MAX_SUBHEAD_CHARS = 24
#: A photo caption is one short sentence.
MAX_CAPTION_CHARS = 60
#: The first half of a paragraph cut by a column break usually fills a column; a shorter
#: unfinished line followed by what opens a sentence is an intertitle (`北上,北上`).
MIN_CUT_CHARS = 16
#: How a new sentence (not the rest of a cut one) typically opens: a date, a quote, a time word.
SENTENCE_OPENING = re.compile(
    r"^(?:\d{2,4}年|\d{1,2}月|\d{1,2}日|[“「‘]|据|近日|日前|今年|去年|目前|此外|同时|随后|近年来|当天|当日)"
)
#: How a report's first paragraph typically opens: the day or time of what it reports.
REPORT_OPENING = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|\d{1,2}日|近日|日前|昨天|昨日|今天|今日|本周|上周|\d{4}年\d{1,2}月)"
)
#: A paragraph that goes on with a story already told: `另外,…`, `此外,…`, `像王小春一样,…`.
CONTINUING = re.compile(
    r"^(?:另外|此外|同时|与此同时|但是|但|而且|因此|所以|然而|不过|随后|接着|其中|对此|为此|像|如今|目前)"
)
#: A subtitle printed without `——` is one short line, with a comma at most.
MAX_SUBTITLE_CHARS = 36
CLAUSE_MARKS = re.compile(r"[,，;；、]")


class Assembler:
    """Walks classified lines once and builds the articles of an issue.

    Attributes:
        lines: the classified lines.
        running_heads: indexes of lines that repeat an earlier headline (furniture),
            mapped to the index of the headline they repeat.
        articles_apart: the file sets articles apart with wider gaps than paragraphs.
        page: the page the walk is on (from the file name, then from running heads).
        drafts, unassigned: what the walk has made so far: articles being built, furniture text.
        current: the article lines are added to (None before the first; `closed` when a credit
            or a jump ended it, so that the next text opens another).
        stray_headlines: headlines printed across another article's columns, placed at the end.
        resuming: the article a repeated headline (a jump head) announced, until the next content line.
    """

    def __init__(
        self,
        lines: list[Line],
        running_heads: dict[int, int],
        articles_apart: bool,
        page: str | None = None,
    ) -> None:
        self.lines = lines
        self.running_heads = running_heads
        self.articles_apart = articles_apart
        self.page = page
        self.drafts: list[Draft] = []
        #: The first draft opened at each line number: a jump head finds the article it repeats in one lookup.
        self.draft_opened_at: dict[int, Draft] = {}
        self.unassigned: list[str] = []
        self.current: Draft | None = None
        #: Headlines printed inside another article's columns, with their place in `unassigned`.
        self.stray_headlines: list[tuple[list[Line], int]] = []
        #: The draft a repeated headline (a jump head) announced, waiting for its `(上接N版)`.
        self.resuming: Draft | None = None

    # -- helpers -----------------------------------------------------------
    def _is_furniture(self, index: int) -> bool:
        if index in self.running_heads:
            return True
        line = self.lines[index]
        if line.kind is LineKind.SLOGAN and self._slogan_heads_text(index):
            return False
        if line.kind is LineKind.PROMPT and self._heads_a_report(index):
            return False  # `全民下载国家反诈中心APP` above a lead is that report's headline
        return line.kind in FURNITURE

    def _heads_a_report(self, index: int) -> bool:
        """The next line, after a blank, opens a report: a lead, a byline or a commentator's name."""
        following = index + 1
        return (
            following < len(self.lines)
            and self.lines[following].gap_before > 0
            and self.lines[following].kind in (LineKind.LEAD, LineKind.BYLINE, LineKind.COMMENTATOR)
        )

    def _slogan_heads_text(self, index: int) -> bool:
        """A slogan-shaped line (`抓落实 系列访谈`, `冬奥 我们来了`) directly above the text is its headline.

        Under another headline line (`城乡供水…` / `办实事 晒实绩` / byline) it is the
        column's slogan printed with that headline, and stays furniture.
        """
        following = index + 1
        if following >= len(self.lines) or self.lines[following].gap_before == 0:
            return False
        after, line = self.lines[following], self.lines[index]
        if self.current and not self.current.closed and self.current.is_cut():
            return False
        if after.kind is LineKind.TEXT:
            return not _short_and_unfinished(after.text, max_clauses=2)  # not above a headline with commas
        under_headline = index > 0 and line.gap_before <= 1 and self.lines[index - 1].kind is LineKind.HEADLINE
        return after.kind in (LineKind.LEAD, LineKind.BYLINE, LineKind.COMMENTATOR) and not under_headline

    def _open(self, first_line: int | None = None) -> Draft:
        self.current = Draft(Article(page=self.page), first_line=first_line)
        self.drafts.append(self.current)
        if first_line is not None:
            self.draft_opened_at.setdefault(first_line, self.current)
        return self.current

    def _add(self, line: Line, role: str, step: str, **flags: bool) -> Paragraph:
        draft = self.current if self.current and not self.current.closed else self._open(line.number)
        paragraph = Paragraph(line.text, line.kind, line.gap_before, **flags)
        draft.paragraphs.append(paragraph)
        line.explain(role, step)
        return paragraph

    def _content_after(self, index: int) -> Line | None:
        """The first line after `index` that is not furniture, if any."""
        following = self._next_content(index + 1)
        return self.lines[following] if following < len(self.lines) else None

    def _next_content(self, index: int) -> int:
        """Index of the next line that is not furniture (or len(lines))."""
        while index < len(self.lines) and self._is_furniture(index):
            index += 1
        return index

    def _unassign(self, line: Line, role: str, step: str) -> None:
        self.unassigned.append(line.text)
        line.explain(role, step)

    def _take_credit(self, draft: Draft, paragraph: Paragraph) -> None:
        """Take what a paragraph's end says: a run-on credit (its people), a run-on `(下转N版)` (the end)."""
        jump = RUN_ON_JUMP.search(paragraph.tail(SENTENCE_TAIL))
        if jump and is_jump_to_later_page(jump.group(0)):
            draft.closed = True
            draft.jumped_to = page_of(jump.group(0))
            return
        credit = trailing_credit(paragraph.tail(MAX_TRAILING_CHARS))
        if credit is None:
            return
        paragraph.credited = True
        draft.article.reporters.extend(credit.names)
        if credit.photo:
            draft.has_photo_credit = True

    # -- the walk ----------------------------------------------------------
    def run(self) -> tuple[list[Draft], list[str]]:
        """Assemble every line; returns the drafts and the unassigned text."""
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
                for line in group:
                    line.explain("headline", "stray headline given to an untitled article")
            else:
                for offset, line in enumerate(group):
                    self.unassigned.insert(place + offset, line.text)
                    line.explain("furniture", "headline between the halves of a cut paragraph")

    def _step(self, index: int) -> int:
        line = self.lines[index]
        if self._is_furniture(index):
            return self._furniture(index)
        self.resuming = None  # a repeated headline announces only the `(上接N版)` right under it
        handler = {
            LineKind.HEADLINE: self._headline,
            LineKind.SLOGAN: self._headline,
            LineKind.PROMPT: self._headline,
            LineKind.LEAD: self._lead,
            LineKind.BYLINE: self._byline,
            LineKind.COMMENTATOR: self._byline,
            LineKind.SIGNATURE: self._credit,
            LineKind.CREDIT: self._credit,
            LineKind.DATELINE: self._dateline,
            LineKind.BULLET: self._bullet,
            LineKind.NOTICE_ITEM: self._bullet,
        }.get(line.kind, self._text)
        return handler(index)

    def _furniture(self, index: int) -> int:
        line = self.lines[index]
        if index in self.running_heads:
            self._unassign(line, "furniture", "repeats an earlier headline (a jump head)")
            repeated = self.running_heads[index]
            self.resuming = self.draft_opened_at.get(self.lines[repeated].number)
            following = self._content_after(index)
            if self.resuming is not None and self.resuming.jumped_to and following and following.kind is LineKind.TEXT:
                self._resume(self.resuming)  # the rest follows its jump head without a `(上接N版)`
            return index + 1
        if line.kind is LineKind.RUNNING_HEAD:
            self._unassign(line, "furniture", "running head")
            self.page = page_of(line.text) or self.page
            return index + 1
        self._unassign(line, "furniture", line.kind.value)
        if line.kind is LineKind.JUMP:
            self._jump(line)
            return index + 1
        return self._swallow_block(index + 1)

    def _jump(self, line: Line) -> None:
        """`(下转N版)` ends the article here; `(上接N版)` resumes the one that jumped to this page."""
        if is_jump_to_later_page(line.text):
            if self.current:
                self.current.closed = True
                self.current.jumped_to = page_of(line.text)
            return
        target = self.resuming
        if target is None:
            source = page_of(line.text)
            target = next(
                (
                    d
                    for d in reversed(self.drafts)
                    if d.jumped_to and d.jumped_to == self.page and d.article.page in (source, None)
                ),
                None,
            )
        self.resuming = None
        if target is not None and target.jumped_to:
            self._resume(target)
        elif self.current:
            self.current.continued = True

    def _resume(self, draft: Draft) -> None:
        """Go on with an article that jumped to this page."""
        draft.closed = False
        draft.jumped_to = None
        self.current = draft

    def _swallow_block(self, index: int) -> int:
        """Short lines printed in the same block as a QR prompt or a slogan are that furniture's text.

        Running text in the same block is not: in a file without blank lines the
        text after a slogan is the rest of the article it interrupts.
        """
        while (
            index < len(self.lines)
            and self.lines[index].gap_before == 0
            and self.lines[index].kind is LineKind.HEADLINE
        ):
            self._unassign(self.lines[index], "furniture", "printed in the same block as furniture")
            index += 1
        return index

    # -- headlines ---------------------------------------------------------
    def _headline_group(self, index: int) -> tuple[list[Line], int]:
        """The run of headline lines starting at `index`, and where it ends; a region break ends it.

        A running head or a weather box printed inside the group (between a
        kicker and its title) is set aside as furniture; the group goes on.
        """
        group, end, aside = [self.lines[index]], index + 1, []
        while end < len(self.lines):
            line = self.lines[end]
            if line.kind in INSIDE_HEADLINES and end not in self.running_heads:
                aside.append(end)
            elif (
                line.kind in (LineKind.HEADLINE, LineKind.SLOGAN)
                and line.gap_before < 2
                and not self._is_furniture(end)
            ):
                for skipped in aside:
                    self._furniture(skipped)
                group.append(line)
                aside = []
            else:
                break
            end += 1
        return group, end - len(aside)

    def _subtitle_line(self, end: int) -> bool:
        """A short unfinished line right under a headline, above the text: a subtitle with a comma."""
        if end >= len(self.lines):
            return False
        line, after = self.lines[end], self._content_after(end)
        return (
            after is not None
            and line.kind is LineKind.TEXT
            and line.gap_before <= 1
            and _short_and_unfinished(line.text, max_clauses=1)
            and after.kind in (LineKind.TEXT, LineKind.LEAD, LineKind.BYLINE)
            and after.gap_before >= 1
            and len(after.text) > len(line.text)
        )

    def _headline(self, index: int) -> int:
        """A run of headline lines: a new article's headline, or something inside the current one.

        What it is inside an article (a list, a jump head, furniture between cut
        halves, an intertitle, a notice's signature) is decided first
        (`_place_group`); what is left opens an article.
        """
        group, end = self._headline_group(index)
        draft = self.current
        first_after = self._content_after(end - 1)
        inside = (
            draft is not None
            and not draft.closed
            and first_after is not None
            and first_after.kind is LineKind.TEXT
            and self._is_intertitle(group, draft, first_after)
        )
        if not inside and self._subtitle_line(end):
            group = [*group, self.lines[end]]
            end += 1
        # `短评` / title / `刘德刚`: a name alone under the headline is its author.
        signed = len(group) >= 2 and is_person_name(group[-1].text) and not group[-1].heading_level
        after = self._content_after(end - 1)
        if self._place_group(group, after, signed):
            return end
        byline = group[-1] if signed else None
        if byline is not None:
            group = group[:-1]
        headline = split_headline(group)
        for text in headline.banner:
            self.unassigned.append(text)
        for line in group:
            line.explain("headline", "headline group")
        if headline.title is None and headline.kicker is None and headline.subtitle is None:
            return end
        draft = self._open(group[0].number)
        draft.article.kicker = headline.kicker
        draft.article.title = headline.title
        draft.article.subtitle = headline.subtitle
        if byline is not None:
            draft.article.byline = byline.text
            draft.article.reporters.append(compact(byline.text))
            byline.explain("byline", "a name alone under a headline")
        return end

    def _place_group(self, group: list[Line], after: Line | None, signed: bool) -> bool:
        """Place a headline group that does not open an article; False when it does open one."""
        draft = self.current
        open_draft = draft is not None and not draft.closed
        if open_draft and self._announced_by_colon(group, after):
            for line in group:
                self._add(line, "body", "list announced by a colon")
            return True
        if not signed and after is not None and after.kind is LineKind.JUMP and not is_jump_to_later_page(after.text):
            for line in group:  # a jump head: the headline repeated above `(上接N版)`
                self._unassign(line, "furniture", "jump head above (上接N版)")
            return True
        opens_article = signed or (after is not None and after.kind in ARTICLE_OPENERS)
        if not opens_article and open_draft and after is not None and after.kind is LineKind.TEXT:
            if self._between_cut_halves(group, draft, after):
                if _all_slogans(group):
                    for line in group:
                        self._unassign(line, "furniture", "slogan between the halves of a cut paragraph")
                    return True
                # Another article's headline printed across this one's columns; see attach_stray_headlines.
                self.stray_headlines.append((group, len(self.unassigned)))
                return True
            if self._is_intertitle(group, draft, after):
                for line in group:
                    self._add(line, "intertitle", "short line inside a run of body text", subhead=True)
                return True
        if self._closes_notice(group):
            for line in group:
                self._add_signature(line, "signature", "issuer line under a notice")
            return True
        textless = after is None or (after.kind in (LineKind.HEADLINE, LineKind.SLOGAN) and after.gap_before >= 2)
        if textless and not signed:
            self._textless_block(group)
            return True
        return False

    def _announced_by_colon(self, group: list[Line], after: Line | None) -> bool:
        """`名单如下:` / the names: lines right under a paragraph ending in a colon are its list."""
        draft = self.current
        last = draft.last_body() if draft is not None else None
        return (
            last is not None
            and last.tail(8).rstrip().endswith((":", "："))
            and group[0].gap_before <= 1
            and not (after is not None and after.kind in ARTICLE_OPENERS)
        )

    def _textless_block(self, group: list[Line]) -> None:
        """Headline-like lines with no text under them: a banner or slogan alone, else a promo block.

        A single line standing above another headline is a section banner or a
        slogan (furniture).  Several lines are an ad or a promo: the first is its
        title and the rest its text.
        """
        if len(group) == 1:
            self._unassign(group[0], "furniture", "banner: a headline line with no text under it")
            return
        draft = self._open(group[0].number)
        draft.article.title = group[0].text
        group[0].explain("headline", "first line of a block with no text under it (a promo)")
        for line in group[1:]:
            self._add(line, "body", "line of a promo block")
        draft.closed = True

    def _between_cut_halves(self, group: list[Line], draft: Draft, after: Line) -> bool:
        """A headline group printed between the two halves of a paragraph cut by a column break."""
        if not draft.is_cut() or len(draft.last_body().tail(MIN_CUT_CHARS)) < MIN_CUT_CHARS:
            return False
        if _all_slogans(group):
            return True
        return after.gap_before <= 1 and len(group) == 1 and draft.has_lead

    def _closes_notice(self, group: list[Line]) -> bool:
        """Issuer lines and a date under a notice's last sentence belong to that notice."""
        draft = self.current
        if draft is None or not draft.last_body() or not NOTICE_TITLE.search(draft.article.title or ""):
            return False
        if draft.closed or group[0].gap_before >= 2 or any(line.heading_level for line in group):
            return False
        return ends_sentence(draft.last_body().tail(SENTENCE_TAIL)) and all(
            len(compact(line.text)) <= 40 for line in group
        )

    def _is_intertitle(self, group: list[Line], draft: Draft, after: Line) -> bool:
        """An intertitle: a short line inside a run of body text, not a headline of its own.

        Intertitles are known by what they are: decorated or numbered, inside an
        article the file has not set apart, short, and followed by text that
        goes on with the story (`另外,…`) rather than opening a report (`9月20日,…`).
        """
        if any(DECORATED_SUBHEAD.match(line.text) or NUMBERED_SUBHEAD.match(line.text) for line in group):
            return True
        if draft.continued and not draft.last_body():
            return len(group) <= 2
        if any(line.heading_level for line in group) or not draft.last_body():
            return False
        if draft.paragraphs[-1].credited or draft.paragraphs[-1].kind in CREDITS:
            return False  # a credit ended the article before it
        if self.articles_apart:
            # Articles are set apart by wider gaps: a line at a paragraph gap is inside the article.
            return group[0].gap_before <= 1 and len(group) <= 2
        if draft.has_lead:
            return False
        if draft.has_photo_credit and len(draft.body()) <= 2:
            return False
        short = len(group) <= 2 and all(len(compact(line.text)) <= MAX_SUBHEAD_CHARS for line in group)
        if not short or is_lead(after.text):
            return False
        if draft.opened_by_byline or draft.continued:
            return True  # a feature's sections
        return bool(CONTINUING.match(after.text)) and not REPORT_OPENING.match(after.text)

    # -- openings and credits ----------------------------------------------
    def _fresh_or_current(self, first_line: int) -> Draft:
        """The current article if it has only a headline so far, else a new one."""
        draft = self.current
        if draft and not draft.closed and not draft.paragraphs:
            return draft
        return self._open(first_line)

    def _lead(self, index: int) -> int:
        line = self.lines[index]
        draft = self.current
        if draft and not draft.closed and not draft.has_lead and self._only_a_caption(draft):
            draft.body()[0].caption = True  # a photo's caption printed between headline and lead
        elif not (draft and not draft.closed and not draft.has_lead and not draft.last_body()):
            draft = self._open(line.number)
        draft.has_lead = True
        paragraph = Paragraph(line.text, line.kind, line.gap_before)
        draft.paragraphs.append(paragraph)
        draft.article.reporters.extend(reporter_names(line.text))
        self._take_credit(draft, paragraph)
        line.explain("lead", "dispatch line or credit opening a report")
        return index + 1

    @staticmethod
    def _only_a_caption(draft: Draft) -> bool:
        """Under a headline, one short sentence and nothing else: a caption above the lead."""
        body = draft.body()
        return (
            bool(draft.article.headline_parts())
            and len(body) == 1
            and len(body[0].text) <= MAX_CAPTION_CHARS
            and ends_sentence(body[0].text)
        )

    def _byline(self, index: int) -> int:
        line = self.lines[index]
        draft = self._fresh_or_current(line.number)
        if draft.article.byline is None and not draft.last_body():
            draft.article.byline = line.text
            line.explain("byline", "credit line opening an article")
        else:
            draft.paragraphs.append(Paragraph(line.text, line.kind, line.gap_before))
            line.explain("signature", "credit line inside an article")
        draft.opened_by_byline = draft.opened_by_byline or line.kind is LineKind.BYLINE
        if line.kind is LineKind.COMMENTATOR:
            draft.article.kind = "commentary"
        draft.article.reporters.extend(reporter_names(line.text))
        return index + 1

    def _add_signature(self, line: Line, role: str, step: str) -> None:
        """A signature line: the current article's last paragraph (it stays where it is printed)."""
        draft = self.current
        assert draft is not None
        draft.paragraphs.append(Paragraph(line.text, LineKind.SIGNATURE, line.gap_before))
        draft.article.reporters.extend(reporter_names(line.text))
        draft.closed = True
        line.explain(role, step)

    def _credit(self, index: int) -> int:
        """A credit on a line of its own ends the article it follows (two credit lines in a row: both)."""
        line = self.lines[index]
        draft = self.current
        if draft is None:
            self._unassign(line, "furniture", "credit before any article")
            return index + 1
        if not draft.paragraphs and draft.article.headline_parts() and line.kind is LineKind.SIGNATURE:
            return self._byline(index)
        after = self._content_after(index)
        if (
            draft.last_body()
            and line.gap_before >= 2
            and after is not None
            and after.kind is LineKind.TEXT
            and after.gap_before <= 1
        ):
            # A credit after a region break, above text: the byline of the photo story it heads.
            draft = self._open(line.number)
            draft.article.byline = line.text
            draft.article.reporters.extend(reporter_names(line.text))
            draft.has_photo_credit = line.kind is LineKind.CREDIT
            line.explain("byline", "credit after a region break, above the text it credits")
            return index + 1
        if line.kind is LineKind.CREDIT:
            draft.paragraphs.append(Paragraph(line.text, line.kind, line.gap_before, caption=True))
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
            photo_story = not draft.has_lead and 0 < len(draft.body()) <= 2
            if draft.last_body() and (line.text.endswith("摄影报道") or photo_story):
                draft.closed = True  # the credit of a photo story ends it; inside a report it credits a photo
            line.explain("credit", "photo credit")
            return index + 1
        self._add_signature(line, "signature", "credit line after the text")
        return index + 1

    def _dateline(self, index: int) -> int:
        line = self.lines[index]
        draft = self.current
        if (
            draft is not None
            and draft.last_body()
            and (draft.closed or ends_sentence(draft.last_body().tail(SENTENCE_TAIL)))
        ):
            self._add_signature(line, "signature", "date under the article's signature")
            return index + 1
        return self._text(index)

    def _bullet(self, index: int) -> int:
        line = self.lines[index]
        draft = self.current
        reopen = draft is not None and draft.closed and draft.jumped_to is None and line.gap_before <= 1
        if reopen and draft.has_item_marked(line.text[0]):
            draft.closed = False  # the next item of a brief column, after an item's own-line signature
        paragraph = self._add(line, "item", "bulleted item")
        assert self.current is not None
        self.current.article.reporters.extend(reporter_names(line.text))
        self._take_credit(self.current, paragraph)
        return index + 1

    # -- running text --------------------------------------------------------
    def _reads_as_headline(self, index: int) -> bool:
        """A short unfinished line with a comma (`众志成城,齐心抗疫`) that heads the text under it.

        It stands where articles start: above a lead or byline, or after a
        finished article at the wider gap the file puts between articles.
        """
        line = self.lines[index]
        after = self._content_after(index)
        if not _short_and_unfinished(line.text, max_clauses=2) or after is None or after.gap_before == 0:
            return False
        draft = self.current
        if draft is not None and not draft.closed and draft.last_body() and draft.is_cut():
            return False  # the rest of a paragraph cut by a column break
        if after.kind in (LineKind.LEAD, LineKind.BYLINE, LineKind.COMMENTATOR):
            return True
        last = draft.paragraphs[-1] if draft is not None and draft.paragraphs else None
        ended = draft is None or draft.closed or (last is not None and (last.credited or last.kind in CREDITS))
        if ended and after.kind is LineKind.TEXT and (len(after.text) > len(line.text) or ends_sentence(after.text)):
            return True  # a credit or a jump ended the article before: this heads the next one
        # After a region break: where the file sets articles apart so, or where the article before is finished.
        finished = draft is None or not draft.last_body() or ends_sentence(draft.last_body().tail(SENTENCE_TAIL))
        return (
            (self.articles_apart or finished)
            and line.gap_before >= 2
            and after.kind is LineKind.TEXT
            and len(after.text) > len(line.text)
        )

    def _text(self, index: int) -> int:
        line = self.lines[index]
        if self._reads_as_headline(index):
            line.kind = LineKind.HEADLINE
            return self._headline(index)
        draft = self.current
        if draft and not draft.closed and draft.last_body() and draft.is_cut() and not PHOTO_SOURCE.search(line.text):
            last = draft.last_body()
            if (
                len(last.tail(MIN_CUT_CHARS)) >= MIN_CUT_CHARS
                or line.gap_before == 0
                or not SENTENCE_OPENING.match(line.text)
            ):
                last.append(line.text)
                line.explain("body", "column break joined: the previous paragraph stops mid-sentence")
                self._take_credit(draft, last)
                return index + 1
        if draft and not draft.closed and draft.paragraphs and line.gap_before >= 2:
            last = draft.paragraphs[-1]
            if last.credited or last.kind in CREDITS:
                draft.closed = True  # a credit ended the text, and a region break follows
        if draft and draft.closed and draft.jumped_to is None and line.gap_before <= 1 and draft.is_brief_column():
            draft.closed = False
        caption = self._looks_like_caption(line)
        subhead = (
            not caption
            and draft is not None
            and not draft.closed
            and draft.last_body() is not None
            and ends_sentence(draft.last_body().tail(SENTENCE_TAIL))
            and len(compact(line.text)) <= MAX_SUBHEAD_CHARS // 2
            and not ends_sentence(line.text)
            and line.gap_before <= 1
        )
        role = "caption" if caption else "intertitle" if subhead else "body"
        paragraph = self._add(line, role, "running text", caption=caption, subhead=subhead)
        assert self.current is not None
        self._take_credit(self.current, paragraph)
        return index + 1

    @staticmethod
    def _looks_like_caption(line: Line) -> bool:
        """A short sentence standing where a photo was, or one naming a photo's source."""
        if line.kind is not LineKind.TEXT:
            return False
        if PHOTO_SOURCE.search(line.text):
            return True
        return line.gap_before >= 2 and len(line.text) <= MAX_CAPTION_CHARS and ends_sentence(line.text)


def _short_and_unfinished(text: str, max_clauses: int) -> bool:
    """A short line that is not a sentence and does not stop on a mark that wants more after it."""
    return (
        not ends_sentence(text)
        and len(compact(text)) <= MAX_SUBTITLE_CHARS
        and len(CLAUSE_MARKS.findall(text)) <= max_clauses
        and not text.rstrip().endswith((":", "：", "、", ",", "，", "(", "（", "“"))
    )


def _all_slogans(group: list[Line]) -> bool:
    """Every line of the group is a slogan (classified so, or shaped so)."""
    return all(line.kind is LineKind.SLOGAN or _is_slogan(line) for line in group)


def _is_slogan(line: Line) -> bool:
    """A slogan-shaped headline line (`文明健康 有你有我`): what furniture between cut halves looks like."""
    return has_slogan_shape(line.text) and looks_like_headline(line.text)
