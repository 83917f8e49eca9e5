"""The query language, parsed into a small tree (the one place that defines the syntax).

    疫苗 接种            both must occur (each anywhere in the article)
    疫苗 OR 核酸         either
    -广告  NOT 广告      must not occur
    "核酸检测采样"       the exact phrase, spaces included
    title:文明           in the headline (kicker, title, subtitle)
    date:2021-11         issues of November 2021 (also 2021, 2021-11-09)
    date:2021-01-01..2021-12-31   a range (either end may be left out)
    publication:北碚报   articles of that paper (its name exactly; quoted when it has spaces)

Every term matches literally: any string of characters occurring in an
article finds it; jieba's words only affect the order of the results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.errors import ErrorKind, QuerySyntaxError
from reader.core.filenames import printable_name

TOKEN = re.compile(r'\s*(?:(-)?(?:(\w+):)?"([^"]*)"?|(\S+))')
DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
FIELDS = {"title", "date", "publication"}
#: Longer than any query a person types (a headline is under 50 characters); a pasted article would
#: make every term a set operation over the index and ranking slow for nothing.
MAX_QUERY_CHARS = 500
#: Undecodable bytes of a command-line argument, surrogate-escaped by Python: not text to search for.
_UNDECODABLE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Term:
    """One literal string to find, in the whole article or only in its headline."""

    text: str
    headline_only: bool = False
    quoted: bool = False


@dataclass(frozen=True)
class DateRange:
    """Inclusive range of dates as YYYY-MM-DD strings."""

    start: str
    end: str


@dataclass
class Query:
    """A parsed query: all `groups` must match (each group is an OR of terms), no `excluded` may."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    dates: DateRange | None = None
    #: Papers the articles must be from (any of them; none: every paper), and papers they must not be from.
    publications: list[str] = field(default_factory=list)
    excluded_publications: list[str] = field(default_factory=list)

    def positive_terms(self) -> list[Term]:
        """Every term whose matches a snippet should mark."""
        return [term for group in self.groups for term in group]

    def is_empty(self) -> bool:
        """No constraint at all: nothing to find, nothing to leave out (a query of only `-疫苗` is not empty)."""
        return not (self.groups or self.excluded or self.dates or self.publications or self.excluded_publications)


def _pad_date(value: str, is_end: bool) -> str:
    match = DATE_VALUE.match(value)
    if not match:
        raise QuerySyntaxError(ErrorKind.QUERY_NOT_A_DATE, value=value)
    year, month, day = match.groups()
    if month is None:
        return f"{year}-12-31" if is_end else f"{year}-01-01"
    if not 1 <= int(month) <= 12:
        raise QuerySyntaxError(ErrorKind.QUERY_NO_SUCH_MONTH, value=value)
    if day is None:
        return f"{year}-{int(month):02d}-31" if is_end else f"{year}-{int(month):02d}-01"
    if not 1 <= int(day) <= 31:
        raise QuerySyntaxError(ErrorKind.QUERY_NO_SUCH_DAY, value=value)
    return f"{year}-{int(month):02d}-{int(day):02d}"


def parse_date_filter(value: str) -> DateRange:
    """`2021`, `2021-11`, `2021-11-09` or `A..B` (an open end allowed) -> DateRange."""
    if ".." in value:
        start, end = value.split("..", 1)
        return DateRange(
            _pad_date(start, False) if start else "0000-01-01", _pad_date(end, True) if end else "9999-12-31"
        )
    return DateRange(_pad_date(value, False), _pad_date(value, True))


def parse_query(text: str) -> Query:
    """Parse the user's query text; raise QuerySyntaxError with a plain explanation."""
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(ErrorKind.QUERY_TOO_LONG, length=len(text), limit=MAX_QUERY_CHARS)
    if _UNDECODABLE.search(text):
        raise QuerySyntaxError(ErrorKind.QUERY_NOT_TEXT, value=printable_name(text))
    query = Query()
    pending_or = False
    negate_next = False
    for match in TOKEN.finditer(text):
        minus, field_name, quoted, bare = match.groups()
        if quoted is None and bare is None:
            continue
        if bare is not None:
            if bare == "OR":
                pending_or = bool(query.groups)
                continue
            if bare == "NOT":
                negate_next = True
                continue
            minus = "-" if bare.startswith("-") and len(bare) > 1 else None
            bare = bare[1:] if minus else bare
            field_name, _, value = (
                bare.partition(":") if ":" in bare and bare.split(":", 1)[0] in FIELDS else (None, "", bare)
            )
            if field_name and not value:
                raise QuerySyntaxError(ErrorKind.QUERY_EMPTY_FIELD, field=field_name)
            term_text, is_quoted = value, False
        else:
            if field_name and field_name not in FIELDS:
                raise QuerySyntaxError(ErrorKind.QUERY_UNKNOWN_FIELD, field=field_name)
            term_text, is_quoted = quoted, True
        if field_name == "date":
            query.dates = parse_date_filter(term_text)
            pending_or = negate_next = False
            continue
        if field_name == "publication":
            name = term_text.strip()
            if name:
                (query.excluded_publications if minus or negate_next else query.publications).append(name)
            pending_or = negate_next = False
            continue
        if not term_text.strip():
            continue
        term = Term(
            term_text if is_quoted else term_text.strip(), headline_only=field_name == "title", quoted=is_quoted
        )
        if minus or negate_next:
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        pending_or = negate_next = False
    return query
