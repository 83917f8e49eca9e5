"""Headline groups: kicker, title, subtitle and banners."""

from __future__ import annotations

from reader.core.parsing.headlines import split_headline
from reader.core.parsing.lines import read_lines


def _split(text: str):
    return split_headline(read_lines(text))


def test_kicker_and_title_on_one_line_are_split():
    headline = _split("王俊在全区新冠肺炎疫情防控工作会议上强调 统筹推进疫情防控和经济社会发展")
    assert headline.kicker == "王俊在全区新冠肺炎疫情防控工作会议上强调"
    assert headline.title == "统筹推进疫情防控和经济社会发展"


def test_kicker_above_a_marked_title():
    headline = _split("王俊在调研检查疫情防控和节前安全工作时强调\n\n# 不断加强和创新基层社会治理 做好各项工作")
    assert headline.kicker == "王俊在调研检查疫情防控和节前安全工作时强调"
    assert headline.title == "不断加强和创新基层社会治理 做好各项工作"


def test_dash_line_is_the_subtitle():
    headline = _split("组建社区网格“精兵强将” 推进基层社会治理提质增效\n\n——朝天门街道探索网格化服务管理新路径")
    assert headline.title == "组建社区网格“精兵强将” 推进基层社会治理提质增效"
    assert headline.subtitle == "——朝天门街道探索网格化服务管理新路径"


def test_a_subtitle_broken_over_two_lines_is_joined():
    headline = _split(
        "## 以滚石上山的决心 推动全国文明城区创建\n\n2022年区文明委(扩大)会议\n\n暨创建全国文明城区推进会召开"
    )
    assert headline.subtitle == "2022年区文明委(扩大)会议暨创建全国文明城区推进会召开"


def test_a_slogan_above_a_kicker_title_line_is_a_banner():
    headline = _split("## 创全国文明城区 做文明北碚市民\n\n# 王俊在我区推进大会上强调 举全区之力推进创建工作")
    assert headline.banner == ["创全国文明城区 做文明北碚市民"]
    assert headline.kicker == "王俊在我区推进大会上强调"
    assert headline.title == "举全区之力推进创建工作"


def test_a_multi_line_promo_block_before_a_headline_is_a_banner():
    headline = _split("稳企惠企促发展\n渝中区助企纾困在行动\n\n高温下的坚守\n\n热浪中的坚守与担当")
    assert headline.banner == ["稳企惠企促发展", "渝中区助企纾困在行动"]
    assert headline.title == "高温下的坚守"
    assert headline.subtitle == "热浪中的坚守与担当"
