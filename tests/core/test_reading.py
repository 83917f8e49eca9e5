"""The article as the reader sees it."""

from __future__ import annotations

from reader.core.citation import GBT7714, cite
from reader.core.reading import CAPTION, INTERTITLE, PARAGRAPH, SIGNATURE, article_view, display_text


def test_blocks_carry_their_roles(seed_issues):
    issue = seed_issues["003_6cd1b7fef63f82be.txt"]
    view = article_view(issue, 0)
    roles = {block.text: block.role for block in view.blocks}
    assert roles["专职网格员走进网格商户了解情况。"] == CAPTION
    assert roles["记者 李一 摄"] == CAPTION
    assert roles["◆组建专职网格队伍◆"] == INTERTITLE
    assert roles["记者 李一"] == SIGNATURE
    assert view.blocks[0].role == PARAGRAPH
    assert (view.ordinal, view.count) == (0, len(issue.articles))
    assert view.subtitle == "——朝天门街道探索网格化服务管理新路径"


def test_view_has_headline_byline_and_citation(seed_issues):
    issue = seed_issues["001_be03ec69b60a77f1.txt"]
    view = article_view(issue, 4)
    assert view.byline == "本报记者 霍吕"
    assert cite(view, GBT7714) == "霍吕. 构建体系 调整机制 我区招商引资 促进工作再添新措施[N]. 北碚报, 2022-03."


def test_display_normalisation_changes_no_character():
    assert display_text("  指尖上的智慧生活   让你  ") == "指尖上的智慧生活 让你"


def test_the_view_shows_the_page_the_article_starts_on():
    from reader.core.parsing.parse import parse_text

    text = "样报 2024年4月12日 星期五 第2版\n\n\n第一篇\n\n本报讯 正文一。\n\n\n样报 2024年4月12日 星期五 第3版\n\n\n第二篇\n\n本报讯 正文二。\n"
    issue = parse_text(text, "样报_2024-04-12.txt")
    assert [article_view(issue, n).page for n in range(2)] == ["2", "3"]
