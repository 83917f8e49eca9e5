"""The kind of an assembled article, decided from its structure and its markers.

Kinds are what an archivist distinguishes (model.ARTICLE_KINDS).  The
markers are generic: a notice's title word (通告, 启事), a brief column's name
or its bullets, an interview's turns, a commentary's column name, a photo's
credit with little text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.model import Article
from reader.core.parsing.headlines import NOTICE_TITLE
from reader.core.parsing.lines import LineKind, ends_sentence

#: Enough of a paragraph's end to see whether it ends a sentence (a run-on jump included).
SENTENCE_TAIL = 32

CONTACT = re.compile(r"热线|电话|邮箱|@|微信|公众号|客户端|APP|网址|www\.|订阅|订价|征订", re.IGNORECASE)
INTERVIEW_TURN = re.compile(r"^(?:主持人|记者|问|答)[:：]")
NOTICE_ITEM_WORDS = re.compile(r"遗失|作废|声明|启事")
BRIEF_TITLE = re.compile(r"快读|简讯|快讯|速览|短讯|简报|动态|集锦|速递")
COMMENTARY_TITLE = re.compile(r"评论|时评|短评|社论|观察|论坛|漫谈|杂谈|随笔|言论|评论员")


class Paragraph:
    """A paragraph under construction, with what decides how it joins.

    Column breaks add pieces to it (`append`); its text is joined once when
    read, and `tail` looks at its end without joining, so a paragraph rejoined
    from thousands of pieces costs no more than one that is not.

    Attributes:
        kind: the kind of its first line; gap_before: blank lines before it.
        subhead, caption: an intertitle, a photo caption or credit.
        credited: it ends with a run-on credit.
    """

    def __init__(
        self,
        text: str,
        kind: LineKind,
        gap_before: int,
        subhead: bool = False,
        caption: bool = False,
        credited: bool = False,
    ) -> None:
        self._pieces = [text]
        self._text: str | None = text
        self.kind = kind
        self.gap_before = gap_before
        self.subhead = subhead
        self.caption = caption
        self.credited = credited

    @property
    def text(self) -> str:
        """The whole paragraph."""
        if self._text is None:
            self._text = "".join(self._pieces)
        return self._text

    def append(self, piece: str) -> None:
        """Add the rest of a sentence that a column break cut."""
        self._pieces.append(piece)
        self._text = None

    def tail(self, size: int) -> str:
        """The last `size` characters (or the whole text, if shorter)."""
        tail = ""
        for piece in reversed(self._pieces):
            tail = piece + tail
            if len(tail) >= size:
                return tail[-size:]
        return tail

    def is_body(self) -> bool:
        """Running text: not a caption, a credit or an intertitle."""
        return not (self.caption or self.subhead or self.kind is LineKind.SIGNATURE)


@dataclass
class Draft:
    """An article being assembled, with what the assembler learnt on the way."""

    article: Article
    paragraphs: list[Paragraph] = field(default_factory=list)
    has_lead: bool = False
    opened_by_byline: bool = False
    closed: bool = False
    has_photo_credit: bool = False
    continued: bool = False  # its beginning is on another page: (上接N版)
    jumped_to: str | None = None  # the page a (下转N版) sent its rest to
    first_line: int | None = None  # input line number where the article starts

    def body(self) -> list[Paragraph]:
        """Paragraphs that are running text (not captions, credits or intertitles)."""
        return [p for p in self.paragraphs if p.is_body()]

    def last_body(self) -> Paragraph | None:
        """The last running-text paragraph, found from the end (the walk asks for it at every line)."""
        return next((p for p in reversed(self.paragraphs) if p.is_body()), None)

    def is_cut(self) -> bool:
        """True when the last running-text paragraph stops mid-sentence."""
        last = self.last_body()
        if last is None or last.credited:
            return False
        return last.kind in (LineKind.TEXT, LineKind.LEAD, LineKind.BULLET, LineKind.NOTICE_ITEM) and not ends_sentence(
            last.tail(SENTENCE_TAIL)
        )

    def has_item_marked(self, mark: str) -> bool:
        """True when one of its paragraphs is an item opened by the same bullet (`■`, `●`, `▲`…)."""
        return any(p.kind in (LineKind.BULLET, LineKind.NOTICE_ITEM) and p.text[:1] == mark for p in self.paragraphs)

    def is_brief_column(self) -> bool:
        """True for a column of bulleted items (the next bullet joins it even after a signature)."""
        bullets = sum(p.kind in (LineKind.BULLET, LineKind.NOTICE_ITEM) for p in self.paragraphs)
        return bullets >= 1 and (bullets >= 2 or bool(BRIEF_TITLE.search(self.article.title or "")))


def classify_kind(draft: Draft) -> str:
    """Decide the kind of an assembled article from its structure and markers."""
    article = draft.article
    texts = [p.text for p in draft.paragraphs]
    title = article.title or ""
    # A column name says commentary (`短评` above the title, `时评` as the title); a report with a
    # dispatch line stays news whatever its title says (`中国经济论坛在我区开幕`).
    column = article.kicker or (article.title if not draft.has_lead else "") or ""
    if article.kind == "commentary" or "评论员" in (article.byline or "") or COMMENTARY_TITLE.search(column):
        return "commentary"
    items = [p.text for p in draft.paragraphs if p.kind is LineKind.NOTICE_ITEM]
    if NOTICE_TITLE.search(title) or any(NOTICE_ITEM_WORDS.search(text) for text in items):
        return "notice"
    bullets = [p for p in draft.paragraphs if p.kind in (LineKind.BULLET, LineKind.NOTICE_ITEM)]
    if bullets and draft.has_photo_credit and all(p.caption or p.credited for p in bullets):
        return "photo"  # `▲` captions of a photo group, each with its credit
    if BRIEF_TITLE.search(title) or len(bullets) >= 2:
        return "brief"
    if sum(bool(INTERVIEW_TURN.match(text)) for text in texts) >= 2:
        return "interview"
    body = draft.body()
    if draft.has_photo_credit and not draft.has_lead and not draft.opened_by_byline and len(body) <= 4:
        return "photo"
    unsigned = not draft.has_lead and article.byline is None and not article.reporters
    if not body or (unsigned and any(CONTACT.search(text) for text in texts) and len(body) <= 4):
        return "ad"
    if unsigned and len(body) <= 2 and not any(ends_sentence(p.text) for p in body):
        return "ad"  # a promo block: slogan lines, no sentence
    # Intertitles alone do not make a feature: continued news reports have them too.
    if draft.opened_by_byline or (article.subtitle or "").startswith(("——", "—")):
        return "feature"
    return "news"


def finish(draft: Draft) -> Article:
    """The finished article: paragraphs, the indexes of captions, intertitles and signatures, its kind."""
    article = draft.article
    if not draft.paragraphs and article.subtitle and article.title:
        # Lines under a title with no body after them are that block's text (a promo), not a subtitle.
        draft.paragraphs.append(Paragraph(article.subtitle, LineKind.TEXT, 1))
        article.subtitle = None
    article.paragraphs = [p.text for p in draft.paragraphs]
    article.caption_indexes = [i for i, p in enumerate(draft.paragraphs) if p.caption]
    article.intertitle_indexes = [i for i, p in enumerate(draft.paragraphs) if p.subhead]
    article.signature_indexes = [i for i, p in enumerate(draft.paragraphs) if p.kind is LineKind.SIGNATURE]
    article.kind = classify_kind(draft)
    article.reporters = list(dict.fromkeys(article.reporters))
    return article
