"""Publication, date and page of an issue: from its file name, else from its text.

File names such as `北碚报_2021-11-09.txt` or `20211109_北碚报_第2版.txt` say
them outright.  Otherwise the publication is inferred from the district the
paper calls `我区` (named most often as `X区` and `X` in its text), and the
date from the dates in the text: the year most often written out and the month
of the latest `X月X日`.  An inferred date is given to the month only, since
the day in a lead is the day of the event, not of the issue — except when a
running head prints the issue's own date (`云岫时报 2022年5月10日 星期二 第2版`):
then paper and day are read from it (origin `inferred`, precision `day`).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from reader.core.model import Issue
from reader.core.parsing.furniture import PAPER_NAME

FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])(?!\d)")
FILE_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.年](0[1-9]|1[0-2])(?![\d])")
FILE_PUBLICATION = re.compile(r"([\u4e00-\u9fff]{2,12}(?:报|日报|晚报|周报|时报|商报))")
HEAD_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
FILE_PAGE = re.compile(r"第\s*([\d一二三四五六七八九十]+)\s*版|(?<![A-Za-z])[Pp](?:age)?[_-]?(\d{1,2})(?!\d)")

YEAR = re.compile(r"((?:19|20)\d{2})年")
TARGET_YEAR = re.compile(r"(?:到|至|计划|力争)\s*((?:19|20)\d{2})年")
MONTH_DAY = re.compile(r"(?<![\d])(1[0-2]|[1-9])月(3[01]|[12]\d|[1-9])日")
DISTRICT = re.compile(r"([\u4e00-\u9fff]{2})区(?![域间别])")
#: A place name before a local institution: `北碚公安`, `渝中融媒体中心`.
PLACE_BEFORE_INSTITUTION = re.compile(r"([\u4e00-\u9fff]{2})(?:公安|区委|区政府|融媒|发布|日报|电视台|检察院|法院)")
#: Words ending in 区 that are not a district: `龙凤社区` must not yield `凤社`.
AREA_WORDS = set("社小园景城片街辖山校院库新老市郊林疫灾军营禁分学专商矿港厂湾牧警战全我该本各两一地")
#: Past this many candidate names, their occurrences are counted in one pass over the text.
MAX_NAMES_COUNTED_ONE_BY_ONE = 30
#: Two characters before 区 that are not a place name.
NOT_A_PLACE = set("试点 示范 功能 服务 核心 中心 风险 重点 开发 保护 贫困 实验 居民 管控 封控 防范 城市 生活".split())


def metadata_from_file_name(issue: Issue) -> None:
    """Publication, date and page as the file name says them (origin `file name`)."""
    stem = PurePath(issue.source).stem
    date = FILE_DATE.search(stem)
    if date:
        issue.date = "-".join(date.groups())
        issue.date_precision, issue.date_origin = "day", "file name"
    else:
        month = FILE_MONTH.search(stem)
        if month:
            issue.date = "-".join(month.groups())
            issue.date_precision, issue.date_origin = "month", "file name"
    publication = FILE_PUBLICATION.search(stem)
    if publication:
        issue.publication, issue.publication_origin = publication.group(1), "file name"
    page = FILE_PAGE.search(stem)
    if page:
        issue.page = page.group(1) or page.group(2)


def _repeated_places(candidates: list[str], text: str) -> Counter:
    """Candidate place names that the text names again and again (a verb before 区 is not)."""
    named = Counter(name for name in candidates if name not in NOT_A_PLACE)
    occurrences = _occurrences(set(named), text)
    return Counter({name: count for name, count in named.items() if occurrences[name] >= 3})


def _occurrences(names: set[str], text: str) -> Counter:
    """How often each two-character name occurs in the text: one count per name, or one pass for many."""
    if len(names) <= MAX_NAMES_COUNTED_ONE_BY_ONE:
        return Counter({name: text.count(name) for name in names})
    pairs = (text[start : start + 2] for start in range(len(text) - 1))
    return Counter(pair for pair in pairs if pair in names)


def infer_publication(text: str) -> str | None:
    """The paper of a district: `X报` for the district X the text names most.

    First from `X区`; failing that, from X before a local institution (`北碚公安`).
    """
    named = _repeated_places([m for m in DISTRICT.findall(text) if m[-1] not in AREA_WORDS], text)
    if not named:
        named = _repeated_places(PLACE_BEFORE_INSTITUTION.findall(text), text)
    if not named:
        return None
    occurrences = _occurrences(set(named), text)
    place = max(named, key=lambda name: (named[name], occurrences[name]))
    return f"{place}报"


def infer_date(text: str) -> str | None:
    """`YYYY-MM` from the text's dates, or None when it names no year or no month."""
    targets = Counter(TARGET_YEAR.findall(text))
    years = Counter(YEAR.findall(text))
    years.subtract(targets)
    years = Counter({year: count for year, count in years.items() if count > 0})
    month_days = [(int(month), int(day)) for month, day in MONTH_DAY.findall(text)]
    if not years or not month_days:
        return None
    year = max(years, key=lambda y: (years[y], y))
    month = max(month_days)[0]
    return f"{year}-{month:02d}"


def metadata_from_running_heads(issue: Issue, running_heads: list[str]) -> None:
    """Paper and issue date as the page's running heads print them, where the file name did not say."""
    for head in running_heads:
        squeezed = head.strip()
        publication = PAPER_NAME.match(squeezed)
        if issue.publication is None and publication:
            issue.publication, issue.publication_origin = publication.group(1), "inferred"
        date = HEAD_DATE.search(squeezed)
        if issue.date is None and date:
            year, month, day = (int(part) for part in date.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                issue.date = f"{year:04d}-{month:02d}-{day:02d}"
                issue.date_precision, issue.date_origin = "day", "inferred"


def infer_metadata(issue: Issue, text: str) -> None:
    """Fill what the file name and running heads did not say, noting where each came from."""
    if issue.publication is None:
        issue.publication = infer_publication(text)
        issue.publication_origin = "inferred" if issue.publication else "unknown"
    if issue.date is None:
        issue.date = infer_date(text)
        if issue.date:
            issue.date_precision, issue.date_origin = "month", "inferred"
