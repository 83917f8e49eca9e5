"""Assembling articles from the seeds: boundaries, joins, captions, kinds, nothing lost."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from reader.core.model import Issue
from reader.core.parsing.decode import decode_issue_bytes
from reader.core.parsing.parse import parse_text
from tests.parsing_checks import HEADING_MARKS, lost_characters


def _article(issue: Issue, title_part: str):
    matches = [a for a in issue.articles if a.title and title_part in a.title]
    assert len(matches) == 1, [a.title for a in issue.articles]
    return matches[0]


def _signature(issue: Issue):
    return [(a.kicker, a.title, a.subtitle, a.kind, a.byline, tuple(a.paragraphs)) for a in issue.articles]


def test_nothing_is_lost_from_any_seed(seed_issues, seed_texts):
    for name, issue in seed_issues.items():
        assert lost_characters(seed_texts[name], issue) == Counter(), name


def test_articles_of_seed_000_in_order(seed_issues):
    issue = seed_issues["000_3ec1d81f3cd0b893.txt"]
    assert [a.title for a in issue.articles] == [
        "2021年区委第四次党建工作例会暨城市党建工作联席会召开",
        "我区全面开展3至11周岁儿童新冠病毒疫苗接种工作",
        "我区召开驻村第一书记工作会议",
        "区交巡警支队开展机动车违停专项整治",
        "区文化旅游委倡导文明旅游 共同呵护景区的高颜值",
        "坚持“人防”和“技防”相结合 不断夯实基层社会治理基础",
        "记者一线探访:核酸检测采样点里的美丽身影",
        "“天冷,怕他们身体扛不住” 暖身更暖心!群众自发为一线医护人员盖棉被",
        "遗失启事",
    ]


def test_column_breaks_are_rejoined_and_real_paragraph_ends_kept(seed_issues):
    first = seed_issues["000_3ec1d81f3cd0b893.txt"].articles[0]
    assert any("坚持和加强党对基层治理的全面领导" in p for p in first.paragraphs)
    assert any("党组织书记后备人才库" in p for p in first.paragraphs)
    assert len(first.paragraphs) == 2
    assert all(p.endswith("。") for p in first.paragraphs)


def test_a_caption_between_two_halves_of_a_sentence_is_set_apart(seed_issues):
    interview = _article(seed_issues["002_9bd6280fd1becd22.txt"], "抓落实")
    assert interview.kind == "interview"
    assert any("重点实验室和独立法人新型研发机构。" in p for p in interview.paragraphs)
    captions = [interview.paragraphs[i] for i in interview.caption_indexes]
    assert captions == ["工业互联网产业生态园。(资料图)"]


def test_photo_captions_and_credits_are_marked(seed_issues):
    grid = _article(seed_issues["003_6cd1b7fef63f82be.txt"], "组建社区网格")
    captions = [grid.paragraphs[i] for i in grid.caption_indexes]
    assert captions == ["专职网格员走进网格商户了解情况。", "记者 李一 摄"]
    photo = _article(seed_issues["001_be03ec69b60a77f1.txt"], "改造农村住房")
    assert photo.kind == "photo"
    assert photo.reporters == ["秦廷富"]


def test_leads_stay_in_paragraphs_and_name_the_reporters(seed_issues):
    article = seed_issues["001_be03ec69b60a77f1.txt"].articles[0]
    assert article.kicker == "王俊在全区新冠肺炎疫情防控工作会议上强调"
    assert article.paragraphs[0].startswith("本报讯(记者 熊辉 刘严馨)")
    assert article.reporters == ["熊辉", "刘严馨"]


def test_feature_with_byline_and_intertitles(seed_issues):
    feature = _article(seed_issues["001_be03ec69b60a77f1.txt"], "招商引资")
    assert feature.kind == "feature"
    assert feature.byline == "本报记者 霍吕"
    assert "搭建“1+4+9+N”工作体系" in feature.paragraphs


def test_jump_heads_and_slogans_are_unassigned(seed_issues):
    assert "(上接1版)" in seed_issues["002_9bd6280fd1becd22.txt"].unassigned
    assert "抓物行 促落实" in seed_issues["001_be03ec69b60a77f1.txt"].unassigned
    continued = _article(seed_issues["002_9bd6280fd1becd22.txt"], "清明假期")
    assert continued.paragraphs[:2] == ["丰富多彩", "文体活动造氛围"]


def test_an_article_interrupted_by_a_stray_headline_continues(seed_issues):
    issue = seed_issues["002_9bd6280fd1becd22.txt"]
    civic = _article(issue, "以滚石上山")
    assert any("深化推广之年。全区上下" in p for p in civic.paragraphs)


def test_running_heads_are_furniture_and_the_text_continues(seed_issues):
    issue = seed_issues["004_0953af9a41337ccc.txt"]
    governance = _article(issue, "加强基层治理体系")
    assert any("是推动高质量发展、创造高品质生活" in p for p in governance.paragraphs)
    assert issue.unassigned.count("办实事 晒实绩") == 2
    water = _article(issue, "城乡供水")
    assert water.byline == "本报记者 熊辉"
    assert water.kind == "feature"


@pytest.mark.parametrize(
    ("seed", "title_part", "kind"),
    [
        ("000_3ec1d81f3cd0b893.txt", "遗失启事", "notice"),
        ("001_be03ec69b60a77f1.txt", "北碚发布", "ad"),
        ("003_6cd1b7fef63f82be.txt", "综合快读", "brief"),
        ("003_6cd1b7fef63f82be.txt", "月色醉渝中", "photo"),
        ("004_0953af9a41337ccc.txt", "一老一小", "commentary"),
        ("004_0953af9a41337ccc.txt", "区政协", "news"),
    ],
)
def test_article_kinds(seed_issues, seed, title_part, kind):
    assert _article(seed_issues[seed], title_part).kind == kind


def _variants(text: str) -> dict[str, str]:
    return {
        "heading marks removed": HEADING_MARKS.sub("", text),
        "blank lines doubled": re.sub(r"\n\n", "\n\n\n\n", text),
        "CRLF line ends": decode_issue_bytes(text.replace("\n", "\r\n").encode("utf-8"), "x")[0],
        "GB18030": decode_issue_bytes(text.encode("gb18030"), "x")[0],
    }


def test_meaning_preserving_changes_give_the_same_articles(seed_texts):
    for name, text in seed_texts.items():
        expected = _signature(parse_text(text, name))
        for variant, changed in _variants(text).items():
            assert _signature(parse_text(changed, name)) == expected, (name, variant)


def test_two_issues_concatenated_give_both_sets_of_articles(seed_texts, seed_issues):
    names = sorted(seed_texts)
    for first, second in zip(names, names[1:], strict=False):
        joined = parse_text(seed_texts[first] + "\n\n" + seed_texts[second], "joined.txt")
        expected = [a.title for a in seed_issues[first].articles] + [a.title for a in seed_issues[second].articles]
        assert [a.title for a in joined.articles] == expected, (first, second)
