"""Page furniture is recognised by its shape, wherever it falls, and headlines of the same words are not."""

from __future__ import annotations

import pytest

from reader.core.parsing.furniture import is_prompt, is_running_head, is_weather, page_of
from reader.core.parsing.lines import LineKind, classify_text


@pytest.mark.parametrize(
    "text",
    [
        "云岫时报 2022年5月10日 星期二 第2版 要闻",
        "第2版 综合新闻",
        "2021年3月15日 星期一 今日8版",
        "岚江日报 · 要闻 · 2020.10.20",
        "A3版 综合",
    ],
)
def test_running_heads_and_page_headers(text):
    assert is_running_head(text)
    assert classify_text(text) is LineKind.RUNNING_HEAD


def test_the_bare_masthead_is_furniture_when_the_paper_is_known():
    assert is_running_head("岚江报", publication="岚江报")
    assert not is_running_head("岚江报")


@pytest.mark.parametrize(
    "text",
    [
        "北碚日报召开2021年工作会",
        "2021年3月8日,我县召开会议。",
        "第十届读书节开幕",
        "2018年3月8日",
    ],
)
def test_headlines_sentences_and_dates_are_not_running_heads(text):
    assert not is_running_head(text)


def test_page_numbers_are_read_from_running_heads():
    assert page_of("云岫时报 2022年5月10日 星期二 第3版 综合") == "3"
    assert page_of("(下转12版)") == "12"
    assert page_of("本县召开春耕会议") is None


def test_weather_boxes_give_a_range_and_headlines_do_not():
    assert is_weather("岚江天气 今天 多云转晴 6℃~17℃ 西北风3级")
    assert is_weather("明天 晴转多云 8℃~19℃ 北风2级")
    assert not is_weather("暴雨来袭气温骤降10℃")


def test_prompts_ask_the_reader_to_act():
    assert is_prompt("扫码关注云岫时报微信公众号")
    assert is_prompt("青棠报数字报 扫码阅读")
    assert is_prompt("扫码看")
    assert not is_prompt("扫码支付进菜市场")
    assert not is_prompt("小区装上二维码门牌")
