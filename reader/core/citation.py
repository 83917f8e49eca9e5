"""Citations of a newspaper article: GB/T 7714-2015 and a plain form, in Chinese or English.

GB/T 7714-2015 (信息与文献 参考文献著录规则) gives a newspaper article as

    主要责任者. 题名[N]. 报纸名, 出版日期(版次).
    e.g. 丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).

with at most three authors before "等" (", et al." in English), the date
as YYYY-MM-DD and the page as an Arabic number.  The plain form is what
a reader writes in prose: 丁文祥：《数字革命与竞争国际化》，《中国青年报》2000年11月20日第15版。

Whatever the archive does not know (no reporter, an issue dated only to the
month, no page) is left out, never invented: a citation a researcher pastes
must not claim more than the source says.
"""

from __future__ import annotations

import re
from typing import Protocol

GBT7714 = "gbt7714"
PLAIN = "plain"
#: The styles offered, in the order the copy menu lists them.
STYLES = (GBT7714, PLAIN)
#: GB/T 7714 lists at most this many authors, then 等 / et al.
MAX_AUTHORS = 3

_CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class Citable(Protocol):
    """What a citation needs of an article (reading.ArticleView has it)."""

    reporters: tuple[str, ...]
    title: str | None
    kicker: str | None
    subtitle: str | None
    publication: str | None
    date: str | None
    page: str | None


def page_number(page: str | None) -> str | None:
    """A page as GB/T writes it: Arabic ("四" -> "4", "第12版" -> "12", "十二" -> "12"), a section's
    letter kept ("A3" -> "A3"); None when the page is none or not understood (left out, never guessed)."""
    if not page:
        return None
    text = page.strip().removeprefix("第").removesuffix("版").strip()
    lettered = re.fullmatch(r"([A-Za-z])\s*-?\s*(\d{1,3})", text)
    if lettered:
        return f"{lettered.group(1).upper()}{int(lettered.group(2))}"
    if re.fullmatch(r"\d{1,3}", text):
        return str(int(text))
    if not re.fullmatch(r"[〇零一二两三四五六七八九十]{1,3}", text):
        return None
    if "十" not in text:
        value = 0
        for char in text:
            value = value * 10 + _CHINESE_DIGITS[char]
        return str(value)
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return str((_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0))


def _title(article: Citable, language: str) -> str:
    title = article.title or article.kicker or article.subtitle
    if title:
        return title.strip()
    return "[无题]" if language == "zh" else "[untitled]"


def _authors(article: Citable, language: str) -> str:
    names = [name for name in article.reporters if name.strip()]
    if len(names) <= MAX_AUTHORS:
        return ", ".join(names)
    return ", ".join(names[:MAX_AUTHORS]) + (", 等" if language == "zh" else ", et al")


def _date_parts(date: str | None) -> tuple[str, ...]:
    match = _DATE.match(date or "")
    return tuple(part for part in match.groups() if part) if match else ()


def gbt7714(article: Citable, language: str = "zh") -> str:
    """The GB/T 7714-2015 entry of a newspaper article: 作者. 题名[N]. 报纸名, 日期(版次)."""
    authors = _authors(article, language)
    parts = [f"{authors}. " if authors else "", f"{_title(article, language)}[N]."]
    where = article.publication or ""
    date = "-".join(_date_parts(article.date))
    page = page_number(article.page)
    if date:
        where = f"{where}, {date}" if where else date
        if page:
            where += f"({page})"
    elif page:
        where = f"{where}({page})" if where else f"({page})"
    if where:
        parts.append(f" {where}.")
    return "".join(parts)


def plain(article: Citable, language: str = "zh") -> str:
    """A citation as written in prose, in the interface's language."""
    authors = [name for name in article.reporters if name.strip()]
    title = _title(article, language)
    date = _date_parts(article.date)
    page = page_number(article.page)
    if language == "zh":
        text = f"{'、'.join(authors)}：" if authors else ""
        text += f"《{title}》"
        where = f"《{article.publication}》" if article.publication else ""
        where += "".join(f"{int(value)}{unit}" for value, unit in zip(date, "年月日", strict=False))
        where += f"第{page}版" if page else ""
        return text + (f"，{where}" if where else "") + "。"
    text = f"{', '.join(authors)}, " if authors else ""
    text += f"“{title}”"
    details = [article.publication or "", _english_date(date), f"p. {page}" if page else ""]
    details = [detail for detail in details if detail]
    return text + (", " + ", ".join(details) if details else "") + "."


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
_MONTHS += ("November", "December")


def _english_date(parts: tuple[str, ...]) -> str:
    if not parts:
        return ""
    year = parts[0]
    if len(parts) == 1:
        return year
    month = _MONTHS[int(parts[1]) - 1]
    return f"{int(parts[2])} {month} {year}" if len(parts) == 3 else f"{month} {year}"


def cite(article: Citable, style: str, language: str = "zh") -> str:
    """The article's citation in `style` (GBT7714 or PLAIN); `language` is "zh" or "en"."""
    return plain(article, language) if style == PLAIN else gbt7714(article, language)
