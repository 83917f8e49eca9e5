"""An article as a reader sees it: headline parts, a credit line, and typed blocks of text.

The window shows exactly this.  Text is normalised for display only where it
is safe (trailing spaces, runs of spaces inside a line); characters are never
changed, so what is shown is what search finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.model import Article, Issue

PARAGRAPH = "paragraph"
CAPTION = "caption"
INTERTITLE = "intertitle"
SIGNATURE = "signature"

_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}")


@dataclass(frozen=True)
class Block:
    """One block of an article's text and its role: paragraph, caption, intertitle or signature."""

    role: str
    text: str


@dataclass(frozen=True)
class ArticleView:
    """Everything the article pane shows for one article."""

    kicker: str | None
    title: str | None
    subtitle: str | None
    byline: str | None
    kind: str
    reporters: tuple[str, ...]
    blocks: tuple[Block, ...]
    publication: str | None
    date: str | None
    page: str | None
    ordinal: int  # position of the article in the issue, from 0
    count: int  # articles in the issue


def display_text(text: str) -> str:
    """Safe display normalisation: no trailing spaces, a run of spaces shown as one."""
    return _SPACE_RUN.sub(" ", text.strip())


def _role(article: Article, index: int) -> str:
    if index in article.caption_indexes:
        return CAPTION
    if index in article.intertitle_indexes:
        return INTERTITLE
    if index in article.signature_indexes:
        return SIGNATURE
    return PARAGRAPH


def article_view(issue: Issue, ordinal: int) -> ArticleView:
    """The reader's view of article `ordinal` of `issue`."""
    article = issue.articles[ordinal]

    def shown(text: str | None) -> str | None:
        return display_text(text) if text else text

    blocks = tuple(Block(_role(article, i), display_text(text)) for i, text in enumerate(article.paragraphs))
    return ArticleView(
        kicker=shown(article.kicker),
        title=shown(article.title),
        subtitle=shown(article.subtitle),
        byline=shown(article.byline),
        kind=article.kind,
        reporters=tuple(article.reporters),
        blocks=blocks,
        publication=issue.publication,
        date=issue.date,
        page=article.page or issue.page,
        ordinal=ordinal,
        count=len(issue.articles),
    )
