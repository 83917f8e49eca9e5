"""Publication, date and page: from the file name, else inferred from the text."""

from __future__ import annotations

import pytest

from reader.core.parsing.metadata import infer_date, infer_publication
from reader.core.parsing.parse import parse_text

TEXT = "区委召开会议\n\n本报讯(记者 霍吕)11月5日,北碚区召开会议。北碚各界参加。北碚区委部署。"


@pytest.mark.parametrize(
    ("name", "publication", "date", "precision", "page"),
    [
        ("北碚报_2021-11-09.txt", "北碚报", "2021-11-09", "day", None),
        ("20211109_北碚报_第2版.txt", "北碚报", "2021-11-09", "day", "2"),
        ("渝中报 2022年07月14日.txt", "渝中报", "2022-07-14", "day", None),
        ("重庆日报_2022-07.txt", "重庆日报", "2022-07", "month", None),
    ],
)
def test_file_names_say_publication_date_and_page(name, publication, date, precision, page):
    issue = parse_text(TEXT, name)
    assert (issue.publication, issue.date, issue.date_precision, issue.page) == (publication, date, precision, page)
    assert issue.publication_origin == "file name"
    assert issue.date_origin == "file name"


def test_without_a_telling_file_name_the_text_is_used():
    issue = parse_text("2021年区委会议召开\n\n" + TEXT, "scan_0001.txt")
    assert (issue.publication, issue.publication_origin) == ("北碚报", "inferred")
    assert (issue.date, issue.date_precision, issue.date_origin) == ("2021-11", "month", "inferred")


def test_unknown_when_the_text_does_not_say():
    issue = parse_text("标题\n\n没有日期也没有地名的正文。", "x.txt")
    assert issue.publication is None and issue.publication_origin == "unknown"
    assert issue.date is None and issue.date_origin == "unknown"


def test_verbs_and_common_words_before_区_are_not_districts():
    assert infer_publication("依托区青年志愿者中心。龙凤社区、安颐园小区、辖区居民。") is None


def test_target_years_do_not_date_an_issue():
    assert infer_date("3月19日,会议召开。2021年增长8.9%。明确提出到2026年达到目标。预计2022年完成。") == "2022-03"


@pytest.mark.parametrize(
    ("seed", "publication", "date"),
    [
        ("000_3ec1d81f3cd0b893.txt", "北碚报", "2021-11"),
        ("001_be03ec69b60a77f1.txt", "北碚报", "2022-03"),
        ("002_9bd6280fd1becd22.txt", "北碚报", "2022-04"),
        ("003_6cd1b7fef63f82be.txt", "渝中报", "2022-07"),
        ("004_0953af9a41337ccc.txt", "北碚报", "2021-10"),
    ],
)
def test_seed_metadata(seed_issues, seed, publication, date):
    issue = seed_issues[seed]
    assert (issue.publication, issue.date) == (publication, date)


def test_a_running_head_names_paper_and_day_when_the_file_name_does_not():
    text = "\n岚江晚报 2021年3月15日 星期一 第2版 要闻\n\n\n本县召开春耕会议\n\n本报讯 3月14日,我县召开春耕会议。\n"
    issue = parse_text(text, "scan_0042.txt")
    assert (issue.publication, issue.date, issue.date_precision) == ("岚江晚报", "2021-03-15", "day")
    assert issue.articles[0].title == "本县召开春耕会议"
    assert issue.articles[0].page == "2"


def test_the_file_name_outranks_the_running_head():
    text = "岚江晚报 2021年3月15日 星期一 第2版\n\n标题\n\n本报讯 正文。\n"
    issue = parse_text(text, "北碚报_2021-11-09.txt")
    assert (issue.publication, issue.date, issue.publication_origin) == ("北碚报", "2021-11-09", "file name")
