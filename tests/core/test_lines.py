"""Step 1 of parsing: each line's kind, judged by generic newspaper conventions."""

from __future__ import annotations

import pytest

from reader.core.parsing.lines import LineKind, classify_text, ends_sentence, read_lines, reporter_names


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("本报讯(记者 霍吕)11月5日,区委召开会议。", LineKind.LEAD),
        ("本报讯 社区、小区是防疫工作的基础单元。", LineKind.LEAD),
        ("本报记者 霍吕", LineKind.BYLINE),
        ("本报记者 熊辉 刘严馨", LineKind.BYLINE),
        ("记者 卢海浪", LineKind.SIGNATURE),
        ("本报综合", LineKind.SIGNATURE),
        ("■王先明", LineKind.COMMENTATOR),
        ("记者 秦廷富 摄", LineKind.CREDIT),
        ("记者 何超 摄影报道", LineKind.CREDIT),
        ("(上接1版)", LineKind.JUMP),
        ("(下转第3版)", LineKind.JUMP),
        ("●7月7日,记者从区教委获悉,有学生上榜。", LineKind.BULLET),
        ("▲刘清平遗失残疾证,声明作废。", LineKind.NOTICE_ITEM),
        ("办实事 晒实绩", LineKind.SLOGAN),
        ("扫码看", LineKind.PROMPT),
        ("我区召开驻村第一书记工作会议", LineKind.HEADLINE),
        ("“天冷,怕他们身体扛不住” 暖身更暖心!群众自发为一线医护人员盖棉被", LineKind.HEADLINE),
        ("调研检查中,王俊强调,全区上下", LineKind.TEXT),
        ("区委常委、政法委书记苟鹏参加。", LineKind.TEXT),
    ],
)
def test_line_kinds(text, kind):
    assert classify_text(text) is kind


def test_sentence_ends_see_through_closing_quotes():
    assert ends_sentence("他说:“我们应该为他们点赞。”")
    assert ends_sentence("力争在今年12月底前完成全程接种。")
    assert not ends_sentence("坚持和加强党")
    assert not ends_sentence("徐永德要求,各街镇要加强管理,")


def test_read_lines_keeps_gaps_and_heading_marks():
    lines = read_lines("\n\n## 标题一\n\n正文第一段。\n\n\n\n图片说明。\n第二行")
    assert [line.text for line in lines] == ["标题一", "正文第一段。", "图片说明。", "第二行"]
    assert [line.heading_level for line in lines] == [2, 0, 0, 0]
    assert [line.gap_before for line in lines[1:]] == [1, 3, 0]


def test_a_short_line_in_the_same_block_as_text_continues_it():
    lines = read_lines("传播北碚资讯,服务北碚百姓。\n请小布热线:68210303")
    assert lines[1].kind is LineKind.TEXT


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本报讯(记者 熊辉 刘严馨)3月19日,会议召开。", ["熊辉", "刘严馨"]),
        ("本报讯 (记者 黄清娴)7月12日,活动举行。", ["黄清娴"]),
        ("本报讯 社区、小区是防疫工作的基础单元。", []),
        ("本报记者 霍吕", ["霍吕"]),
        ("记者 李一 摄", ["李一"]),
        ("■王先明", ["王先明"]),
        ("本报综合", []),
    ],
)
def test_reporter_names(text, names):
    assert reporter_names(text) == names
