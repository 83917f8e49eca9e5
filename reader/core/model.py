"""The data of an issue as the parser produces it and the rest of the app reads it."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Kinds of article an archivist distinguishes.
ARTICLE_KINDS = ("news", "feature", "commentary", "interview", "photo", "brief", "notice", "ad")


@dataclass
class Article:
    """One article: headline parts, who wrote it, and its paragraphs in reading order.

    `caption_indexes` marks which paragraphs are photo captions or photo credits,
    `intertitle_indexes` the intertitles inside long articles and
    `signature_indexes` end signatures (`记者 X`), so that the window can set
    them apart without changing a character.  `page` is the page the article
    starts on, when the file name or a running head says it.
    """

    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    kind: str = "news"
    byline: str | None = None
    reporters: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    caption_indexes: list[int] = field(default_factory=list)
    intertitle_indexes: list[int] = field(default_factory=list)
    signature_indexes: list[int] = field(default_factory=list)
    page: str | None = None

    def headline_parts(self) -> list[str]:
        """Kicker, title and subtitle, those that are present, in print order."""
        return [part for part in (self.kicker, self.title, self.subtitle) if part]

    def text_parts(self) -> list[str]:
        """Every piece of text of the article, headline first: what search sees."""
        parts = self.headline_parts()
        if self.byline:
            parts.append(self.byline)
        parts.extend(self.paragraphs)
        return parts

    def to_json(self) -> dict:
        """The article as `reader parse --json` prints it (a stable contract)."""
        return {
            "title": self.title,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "kind": self.kind,
            "byline": self.byline,
            "reporters": list(self.reporters),
            "paragraphs": list(self.paragraphs),
            "page": self.page,
        }


@dataclass
class Issue:
    """A parsed issue file: where it came from, what it is, and its articles.

    `date` is "YYYY-MM-DD" or "YYYY-MM" (see `date_precision`); the `*_origin`
    fields say how a value was obtained: "file name", "inferred" or "unknown".
    `unassigned` holds text that belongs to no article (slogans, page
    furniture), so that nothing of the input is ever lost.
    """

    source: str
    publication: str | None = None
    publication_origin: str = "unknown"
    date: str | None = None
    date_precision: str | None = None
    date_origin: str = "unknown"
    page: str | None = None
    articles: list[Article] = field(default_factory=list)
    unassigned: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The issue as `reader parse --json` prints it (a stable contract)."""
        return {
            "source": self.source,
            "publication": self.publication,
            "date": self.date,
            "articles": [article.to_json() for article in self.articles],
            "unassigned": list(self.unassigned),
            "publication_origin": self.publication_origin,
            "date_precision": self.date_precision,
            "date_origin": self.date_origin,
            "page": self.page,
        }
