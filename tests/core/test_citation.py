"""Citations: GB/T 7714-2015 for newspaper articles and a plain form, in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader.core.citation import GBT7714, PLAIN, cite, gbt7714, page_number, plain


@dataclass
class _Article:
    reporters: tuple[str, ...] = ("丁文祥",)
    title: str | None = "数字革命与竞争国际化"
    kicker: str | None = None
    subtitle: str | None = None
    publication: str | None = "中国青年报"
    date: str | None = "2000-11-20"
    page: str | None = "15"


def test_the_standards_own_example():
    assert gbt7714(_Article()) == "丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15)."


def test_more_than_three_authors_end_in_deng_or_et_al():
    article = _Article(reporters=("甲", "乙", "丙", "丁"))
    assert gbt7714(article).startswith("甲, 乙, 丙, 等. 数字革命")
    assert gbt7714(article, "en").startswith("甲, 乙, 丙, et al. 数字革命")
    assert gbt7714(_Article(reporters=("甲", "乙", "丙"))).startswith("甲, 乙, 丙. 数字革命")


def test_what_the_archive_does_not_know_is_left_out():
    assert gbt7714(_Article(reporters=())) == "数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15)."
    assert gbt7714(_Article(page=None)) == "丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20."
    assert gbt7714(_Article(date="2021-11")) == "丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2021-11(15)."
    assert gbt7714(_Article(date=None, page=None)) == "丁文祥. 数字革命与竞争国际化[N]. 中国青年报."
    assert gbt7714(_Article(title=None, kicker="肩题")).startswith("丁文祥. 肩题[N].")
    assert gbt7714(_Article(title=None)).startswith("丁文祥. [无题][N].")


@pytest.mark.parametrize(
    ("page", "number"),
    [
        ("15", "15"),
        ("第2版", "2"),
        ("04", "4"),
        ("四", "4"),
        ("十", "10"),
        ("十二", "12"),
        ("二十", "20"),
        ("二十三", "23"),
        ("第十二版", "12"),
        ("A3", "A3"),
        ("b12", "B12"),
        ("A3版", "A3"),
        ("", None),
        (None, None),
        ("A", None),
        ("12-13", None),
        ("第一百零二版", None),
    ],
)
def test_pages_become_arabic_numbers(page, number):
    assert page_number(page) == number


def test_the_plain_form_in_chinese_and_english():
    article = _Article(reporters=("霍吕", "田济中"), page="四")
    assert plain(article) == "霍吕、田济中：《数字革命与竞争国际化》，《中国青年报》2000年11月20日第4版。"
    assert plain(article, "en") == "霍吕, 田济中, “数字革命与竞争国际化”, 中国青年报, 20 November 2000, p. 4."
    assert (
        plain(_Article(reporters=(), date="2021-11", page=None))
        == "《数字革命与竞争国际化》，《中国青年报》2021年11月。"
    )
    assert (
        plain(_Article(reporters=(), date="2021-11", page=None), "en")
        == "“数字革命与竞争国际化”, 中国青年报, November 2021."
    )


def test_cite_picks_the_style():
    assert cite(_Article(), GBT7714) == gbt7714(_Article())
    assert cite(_Article(), PLAIN, "en") == plain(_Article(), "en")
