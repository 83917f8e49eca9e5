"""Page furniture: the lines a page prints around its articles, recognised by their shape.

A PDF's text carries what the page prints besides articles: running heads
(`X报 2022年5月10日 星期二 第2版 要闻`, `第3版`), the masthead, weather boxes,
QR-code prompts, jump lines (`(下转2版)`), slogans.  They may fall anywhere,
including between the two halves of a paragraph cut by a column break, so
they are recognised line by line, before articles are assembled, and never
end or split an article.  Every rule here is a convention of Chinese papers in
general, never a string of one paper.
"""

from __future__ import annotations

import re

#: `第2版`, `第 12 版`, `A3版`: a page number as running heads print it.
PAGE = re.compile(
    r"第\s*([\d一二三四五六七八九十]+)\s*版|(?<![\dA-Za-z])([A-Ha-h]?\d{1,2}|[一二三四五六七八九十]{1,3})\s*版(?![\w面])"
)
NUMERALS = {ch: value for value, ch in enumerate("一二三四五六七八九十", start=1)}
WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")
PRINTED_DATE = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?<!\d)(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}(?!\d)"
)
#: A paper's name opening a line: `岚江日报 · 要闻 · 2020.10.20`.
PAPER_NAME = re.compile(r"^([\u4e00-\u9fff]{2,12}(?:报|日报|晚报|周报|时报|商报))(?![\u4e00-\u9fff])")
#: `A3 综合`, `B2版 要闻`: a lettered page and the page's name.
SECTION_PAGE = re.compile(
    r"^[A-H]\d{1,2}\s*版?\s+[\u4e00-\u9fff·]{2,8}$"
    r"|^(?:[A-Za-z]{2,10}|[\u4e00-\u9fff·]{2,8})\s+(?:第\s*\d{1,2}\s*版|[A-H]\d{1,2}\s*版?)$"
)
#: A line that is nothing but a date (a notice's signature date is not furniture: see assemble.Assembler._dateline).
DATE_ONLY = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
#: `今日8版`, `本版编辑 X`, `责任编辑:X`, `美编 X`: production notes printed with the running head.
PRODUCTION_NOTE = re.compile(r"今日\s*\d+\s*版|(?:本版|责任|版面)编辑|编辑\s*[:：]|美编|校对|组版")
#: A jump line's words, on a line of its own or run onto a paragraph's end: `(下转2版)`, `(接第一版)`.
JUMP_WORDS = r"[(（]\s*(?:上接|下转|接上|转下|紧接|接|转)\s*第?\s*[\dA-Ha-h一二三四五六七八九十]+\s*版\s*[)）]"
JUMP = re.compile(rf"^{JUMP_WORDS}$")
RUN_ON_JUMP = re.compile(rf"{JUMP_WORDS}$")
JUMP_TO = re.compile(r"^[(（]\s*(?:下转|转下|转)")
#: QR-code prompts and app promotions: `扫码阅读`, `扫一扫`, `长按识别二维码`, `扫码关注…公众号`.
#: A prompt asks the reader to do something; `扫码支付进菜市场` (a headline) does not.
PROMPT = re.compile(
    r"扫[码描](?:二维码)?.{0,8}?(?:关注|下载|阅读|看|观看|收听|浏览|了解|获取|进入|参与|报名|订阅)"
    r"|扫一扫|长按(?:识别|二维码)|(?:关注|下载).{0,12}(?:客户端|公众号|APP|App|app)"
)
WEATHER_WORD = re.compile(r"[晴阴雨雪雾霾]|多云|[东南西北]+风|风\s*\d|\d\s*级|天气")
#: A weather box gives a range of temperatures (`6℃~17℃`); a headline names one (`气温达40℃`).
TEMPERATURE_RANGE = re.compile(r"-?\d+\s*(?:℃|°C?)?\s*[~～\-—至]\s*-?\d+\s*(?:℃|°C?)")
#: The slogan shape: 2-6 chunks of 2-7 characters, no punctuation inside a chunk.
SLOGAN_CHUNK = re.compile(r"^[\u4e00-\u9fff“”‘’·]{2,7}$")
MAX_FURNITURE_CHARS = 48


def compact(text: str) -> str:
    """The text without any white space."""
    return "".join(text.split())


def page_number(page: str) -> str:
    """One spelling for a page: `二`, `2` and `02` are page "2"; `A3` stays `A3`."""
    if page and all(ch in NUMERALS for ch in page):
        if len(page) == 1:
            return str(NUMERALS[page])
        tens, _, units = page.partition("十")
        return str((NUMERALS.get(tens, 1) if tens else 1) * 10 + (NUMERALS.get(units, 0) if units else 0))
    return page.lstrip("0") or page


def page_of(text: str) -> str | None:
    """The page number a running head, page header or jump line names (`第2版`, `二版` -> "2"), else None."""
    section = _section_page(text)
    if section:
        return section
    match = PAGE.search(text)
    if not match:
        return None
    return page_number(match.group(1) or match.group(2))


def _section_page(text: str) -> str | None:
    """The page of `A3 综合` or `要闻 A2`."""
    if not SECTION_PAGE.match(text.strip()):
        return None
    lettered = re.search(r"(?<![A-Za-z])([A-H]\d{1,2})", text)
    return lettered.group(1) if lettered else None


def is_running_head(text: str, publication: str | None = None) -> bool:
    """A running head, page header or masthead line: what the top of every page prints.

    It names the paper, the date (with the weekday) or the page, and holds no
    sentence: `云岫时报 2022年5月10日 星期二 第2版 要闻`, `第2版 综合新闻`,
    `2021年3月15日 星期一 今日8版`, or the bare name of the paper.
    """
    squeezed = compact(text)
    if not squeezed or len(squeezed) > MAX_FURNITURE_CHARS or re.search(r"[。！？!?，,；;]", text):
        return False
    if publication and squeezed == compact(publication):
        return True
    has_date = bool(PRINTED_DATE.search(text))
    has_weekday = bool(WEEKDAY.search(text))
    has_page = bool(PAGE.search(text)) and (text.lstrip().startswith("第") or has_date or " " in text.strip())
    if has_date and (has_weekday or has_page or PRODUCTION_NOTE.search(text)):
        return True
    if has_page and re.match(r"^\s*(?:第\s*[\d一二三四五六七八九十]+\s*版|[A-Da-d]?\d{1,2}\s*版)", text):
        return True  # `第2版 综合新闻`: the page half of a two-line running head
    if SECTION_PAGE.match(text.strip()):
        return True  # `A3 综合`: a section letter and page number, then the page's name
    if publication and squeezed.startswith(compact(publication)) and (has_date or has_page or has_weekday):
        return True
    return bool(PAPER_NAME.match(text.strip())) and (has_date or has_page)


def is_weather(text: str) -> bool:
    """A weather box line: temperatures and weather words, no sentence (`明天 晴转多云 8℃~19℃`)."""
    if len(compact(text)) > MAX_FURNITURE_CHARS or re.search(r"[。！？!?，,；;]", text):
        return False
    return bool(TEMPERATURE_RANGE.search(text)) and bool(WEATHER_WORD.search(text))


def is_weather_label(text: str) -> bool:
    """`今日天气`, `岚江天气预报`: the label over a weather box."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{0,6}天气(?:预报)?", compact(text)))


def is_prompt(text: str) -> bool:
    """A QR-code or app prompt (`扫码关注…公众号`, `青棠报数字报 扫码阅读`): a short line, no sentence."""
    squeezed = compact(text)
    if len(squeezed) > 32 or re.search(r"[。，,；;]", text):
        return False
    return bool(PROMPT.search(text))


def is_jump(text: str) -> bool:
    """A jump line: `(下转2版)`, `(上接1版)`."""
    return bool(JUMP.match(compact(text)))


def is_jump_to_later_page(text: str) -> bool:
    """`(下转N版)`: the article goes on on another page; what follows here is another article."""
    return bool(JUMP_TO.match(compact(text)))


def has_slogan_shape(text: str) -> bool:
    """Two to six short chunks separated by spaces, without punctuation: `讲文明 树新风`."""
    chunks = text.split()
    return 2 <= len(chunks) <= 6 and all(SLOGAN_CHUNK.match(chunk) for chunk in chunks)
