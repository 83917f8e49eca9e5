"""Hard-wrapped files: recognised by their own width, their paragraphs joined back, nothing else joined."""

from __future__ import annotations

from reader.core.parsing.lines import read_lines
from reader.core.parsing.parse import parse_text

WRAPPED = """# 本县召开春季森林防火工作会议

　　本报讯(记者 王明)3月4日,我县组织收看全省春
季森林防火工作电视会议。会议要求,要深入宣传教
育,加强领导、健全组织,确保森林安全。
　　会议指出,当前正值春季森林防火关键期,各乡
镇要落实属地责任,严防死守。
　　与会人员表示,将以更严的措施抓好落实,守护
好绿水青山。
"""


def test_wrapped_lines_of_one_paragraph_are_joined_and_indents_open_paragraphs():
    lines = read_lines(WRAPPED)
    texts = [line.text for line in lines]
    assert texts[1].startswith("本报讯(记者 王明)3月4日,我县组织收看全省春季森林防火")
    assert texts[1].endswith("确保森林安全。")
    assert texts[2] == "会议指出,当前正值春季森林防火关键期,各乡镇要落实属地责任,严防死守。"
    assert lines[1].numbers == (3, 4, 5)


def test_a_wrapped_file_parses_into_whole_paragraphs():
    issue = parse_text(WRAPPED, "x.txt")
    (article,) = issue.articles
    assert article.title == "本县召开春季森林防火工作会议"
    assert article.reporters == ["王明"]
    assert len(article.paragraphs) == 3


def test_lines_of_an_ordinary_file_are_never_joined_as_wraps():
    text = "标题一\n\n第一段。\n第二段。\n\n图①是第一幅图。\n图②是第二幅图。\n"
    assert [line.text for line in read_lines(text)] == [
        "标题一",
        "第一段。",
        "第二段。",
        "图①是第一幅图。",
        "图②是第二幅图。",
    ]


def test_latin_words_joined_across_a_wrap_keep_their_space():
    from reader.core.parsing.wraps import join_text

    assert join_text("the new", "app") == "the new app"
    assert join_text("开发", "app") == "开发app"
    assert join_text("时强调", "聚焦", spaced=True) == "时强调 聚焦"
