"""Conventions of papers the parser was not built on, each in a few lines of our own wording.

Every case here was first seen failing on real or re-laid-out pages (the
development corpus, held-out layouts); the texts are written for the test.
"""

from __future__ import annotations

from reader.core.parsing.parse import parse_text

INDENT = "\u3000\u3000"


def _parse(text: str):
    return parse_text(text, "样报_2024-04-12.txt")


def _titles(text: str) -> list[str | None]:
    return [article.title for article in _parse(text).articles]


def test_lead_less_reports_one_after_another_at_one_blank_line():
    text = (
        "东山村人喊渴\n\n据村主任介绍,东山村全村三百多户人家,吃水要到山下去挑。\n\n"
        "县长主持召开服务中心建设现场办公会\n\n9月20日,县长主持召开服务中心建设现场办公会,听取进展汇报。\n"
    )
    assert _titles(text) == ["东山村人喊渴", "县长主持召开服务中心建设现场办公会"]


def test_a_short_line_that_goes_on_with_the_story_is_an_intertitle():
    text = (
        "二手车迁入政策有变\n\n近日,车管所推出助企纾困举措,方便企业办理业务。\n\n"
        "优化服务 为企业提供便利\n\n另外,车管所还将继续推行周末服务,方便群众办事。\n"
    )
    (article,) = _parse(text).articles
    assert article.intertitle_indexes == [1]


def test_articles_set_apart_by_wider_gaps_keep_their_intertitles():
    text = (
        "本县召开春耕会议\n\n本报讯 3月1日,本县召开春耕会议。\n\n北上,北上\n\n1956年夏,他被派往北方建站。\n\n\n"
        "文化站迎来新书\n\n本报讯 3月2日,文化站迎来一批新书。\n"
    )
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["本县召开春耕会议", "文化站迎来新书"]
    assert "北上,北上" in articles[0].paragraphs


def test_a_headline_under_indented_text_without_a_blank_line():
    text = (
        "本县部署春季防火工作\n"
        f"{INDENT}本报讯 3月4日,本县召开春季防火工作会议。\n"
        f"{INDENT}会议要求,要加强领导,确保安全。\n"
        "全县划定工作协调会召开\n"
        f"{INDENT}本报讯 7月23日,全县划定工作协调会召开。\n"
    )
    assert _titles(text) == ["本县部署春季防火工作", "全县划定工作协调会召开"]


def test_a_slogan_between_cut_halves_takes_nothing_with_it():
    text = (
        "协调会召开\n"
        f"{INDENT}本报讯 7月23日,协调会召开。各级各部门要切实提高思想站位,\n"
        "不忘初心 牢记使命\n"
        "站在讲政治的高度,切实增强责任感。\n"
        f"{INDENT}有关部门负责人参加会议。 (李树新)\n"
    )
    issue = _parse(text)
    assert issue.unassigned == ["不忘初心 牢记使命"]
    (article,) = issue.articles
    assert article.reporters == ["李树新"]
    assert "思想站位,站在讲政治的高度" in article.paragraphs[0]


def test_a_kicker_of_any_wording_above_a_title_with_a_dash_subtitle():
    text = "乡村振兴进行时\n东山村发挥资源优势\n——大力发展茶叶经济\n\n本报讯 通讯员李星报道:东山村发展茶叶。\n"
    (article,) = _parse(text).articles
    assert (article.kicker, article.title, article.subtitle) == (
        "乡村振兴进行时",
        "东山村发挥资源优势",
        "——大力发展茶叶经济",
    )
    assert article.reporters == ["李星"]


def test_a_column_label_and_its_title_on_one_line():
    text = "记者手记 东山村两百天的变化\n\n本报见习记者张旭晖\n\n东山村对我来说意义不同。\n"
    (article,) = _parse(text).articles
    assert (article.kicker, article.title, article.reporters) == ("记者手记", "东山村两百天的变化", ["张旭晖"])


def test_a_weather_box_with_its_label_is_furniture():
    text = "今日天气\n多云转小雨 14℃~22℃ 东南风2级\n\n东山村发挥资源优势\n\n本报讯 东山村发展茶叶。\n"
    issue = _parse(text)
    assert issue.unassigned == ["今日天气", "多云转小雨 14℃~22℃ 东南风2级"]
    assert [a.title for a in issue.articles] == ["东山村发挥资源优势"]


def test_a_credit_under_the_headline_stays_with_the_captions_below():
    text = "采春笋\n\n记者 张大乐 通讯员 廖咏絮 摄\n\n10日,村民在湖边采春笋。\n\n当日,湖面上处处都是采笋的身影。\n"
    (article,) = _parse(text).articles
    assert article.reporters == ["张大乐", "廖咏絮"]
    assert article.kind == "photo"


def test_a_headline_with_commas_after_a_credited_article():
    text = (
        "会议召开\n\n本报讯 会议要求抓好落实。(章爽爽)\n\n"
        "东山县:开学第一课,系好第一粒“安全扣”\n\n当熟悉的上课铃声响起,民警走进了校园。\n"
    )
    assert _titles(text) == ["会议召开", "东山县:开学第一课,系好第一粒“安全扣”"]


def test_star_bulleted_brief_items_credit_their_reporters():
    text = (
        "简讯\n\n★本报讯 10月16日,社区开展敬老活动。 (记者 隋炜凤)\n\n★本报讯 (通讯员田永昭)今年,全县抓好粮食生产。\n"
    )
    (article,) = _parse(text).articles
    assert article.kind == "brief"
    assert article.reporters == ["隋炜凤", "田永昭"]


def test_a_role_and_a_name_on_two_lines_are_one_credit():
    text = "木耳丰收\n\n7月18日,农民在示范基地采收黑木耳。\n本报通讯员\n邢兰富 摄\n\n\n下一篇报道\n\n本报讯 正文。\n"
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["木耳丰收", "下一篇报道"]
    assert articles[0].reporters == ["邢兰富"]


def test_an_article_continued_on_a_later_page_of_the_same_file_is_one_article():
    text = (
        "样报 2024年4月12日 星期五 第2版 要闻\n\n\n媒体走进东山 聚焦魅力城乡\n\n"
        "本报讯(记者 任媛媛)4月30日,媒体记者们来到东山供电公司服务队,详细了解\n(下转3版)\n\n\n"
        "样报 2024年4月12日 星期五 第3版 综合\n\n\n媒体走进东山 聚焦魅力城乡\n(上接2版)\n\n"
        "社区综合体的建设情况。\n\n此外,记者们还走访了多个村镇。\n"
    )
    issue = _parse(text)
    (article,) = issue.articles
    assert "详细了解社区综合体的建设情况。" in article.paragraphs[0]
    assert article.page == "2"
    assert "(上接2版)" in issue.unassigned and "(下转3版)" in issue.unassigned


def test_a_notice_keeps_its_issuers_and_date():
    text = (
        "东山县公安局交通警察大队\n东山县住房和城乡建设局\n关于东环路维修期间实施交通管制的通告\n\n"
        "东环路维修工程定于3月13日开工。\n\n特此通告。\n\n"
        "东山县公安局交通警察大队 东山县住房和城乡建设局\n\n2018年3月8日\n\n\n"
        "下一篇报道\n\n本报讯 正文。\n"
    )
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["关于东环路维修期间实施交通管制的通告", "下一篇报道"]
    notice = articles[0]
    assert notice.kind == "notice"
    assert notice.kicker == "东山县公安局交通警察大队 东山县住房和城乡建设局"
    assert notice.paragraphs[-1] == "2018年3月8日"


def test_work_labels_credit_writer_and_photographer():
    text = "甘蔗丰收\n\n黄海燕/文 农志刚/图\n\n眼下正值甘蔗收购的旺季。\n"
    (article,) = _parse(text).articles
    assert article.reporters == ["黄海燕", "农志刚"]


def test_question_and_answer_turns_make_an_interview():
    text = (
        "医保缴费问题解答\n\n主持人:今年医保集中缴费从什么时候开始?\n\n"
        "陈静:从9月1日开始。\n\n主持人:错过了集中缴费期怎么办?\n\n陈静:可以在待遇等待期后补缴。\n"
    )
    (article,) = _parse(text).articles
    assert article.kind == "interview"


def test_a_lost_property_notice_column():
    text = "遗失启事\n\n▲张三遗失残疾证,证件号码:510215,声明作废。\n\n▲李四遗失营业执照副本,声明作废。\n"
    (article,) = _parse(text).articles
    assert article.kind == "notice"
    assert len(article.paragraphs) == 2


def test_brief_items_after_own_line_signatures_stay_in_their_column():
    text = "乡镇传真\n■3月1日,东山镇召开春耕动员会,部署春耕生产工作。\n(李明)\n■3月2日,西河镇开展义务植树活动,栽下树苗三千株。\n(王强)\n"
    (article,) = _parse(text).articles
    assert article.reporters == ["李明", "王强"]
    assert article.kind == "brief"


def test_three_unmarked_decks_are_kicker_title_and_subtitle():
    text = "广播问政再出发\n局长听你说将于周五播出\n聚焦城市新区,有问题可拨打热线\n\n本报讯 本期节目将邀请相关部门负责人走进直播间。\n"
    (article,) = _parse(text).articles
    assert (article.kicker, article.title, article.subtitle) == (
        "广播问政再出发",
        "局长听你说将于周五播出",
        "聚焦城市新区,有问题可拨打热线",
    )


def test_a_kicker_may_end_in_a_colon():
    text = "李明在全县项目推进会上强调:\n抓项目 促发展 冲刺全年目标\n\n本报讯 7月24日,全县项目推进会召开。\n"
    (article,) = _parse(text).articles
    assert (article.kicker, article.title) == ("李明在全县项目推进会上强调:", "抓项目 促发展 冲刺全年目标")


def test_running_heads_that_end_with_the_page():
    issue = _parse("NEWS 第6版\n\n\n东山镇召开春耕会议\n\n本报讯 3月1日,东山镇召开春耕动员会。\n\n\n要闻 A2\n")
    assert issue.unassigned == ["NEWS 第6版", "要闻 A2"]
    assert issue.articles[0].page == "6"


def test_a_comma_headline_in_a_file_without_paragraph_gaps():
    text = (
        "东山镇召开春耕会议\n本报讯 3月1日,东山镇召开春耕动员会。\n会议要求各村抓好春耕生产。\n\n\n"
        "西河县:开学第一课,系好安全扣\n开学第一天,民警走进校园为学生上安全课。\n活动将覆盖全县中小学。\n"
    )
    assert _titles(text) == ["东山镇召开春耕会议", "西河县:开学第一课,系好安全扣"]


def test_a_jump_run_onto_the_last_sentence_ends_the_article():
    text = (
        "山村两百天的变化\n\n本报记者 张明\n\n那时我正在参加考试,写报道是考题。(下转第二版)\n\n\n"
        "12月11日,农民在地里砍收甘蔗。廖光福 摄\n"
    )
    articles = _parse(text).articles
    assert len(articles) == 2
    assert articles[1].reporters == ["廖光福"]


def test_names_announced_by_a_colon_stay_in_the_article():
    text = (
        "我县表彰模范个人\n\n本报讯(记者 王\u3000芳)6月28日,表彰大会召开。\n\n受到表彰的模范个人名单如下:\n\n"
        "阿卜杜拉·买买提\u3000李建国\u3000张\u3000伟\n\n会议号召,大家要以先进模范为榜样。\n"
    )
    (article,) = _parse(text).articles
    assert article.reporters == ["王芳"]


def test_an_author_line_marked_with_a_double_circle():
    (article,) = _parse("勿以善小而不为\n\n◎刘德明\n\n今天说说村里建起喜事大厅的事。\n").articles
    assert article.reporters == ["刘德明"]
    assert article.kind == "commentary"


def test_a_notice_title_with_its_own_label_keeps_the_issuer_line():
    issue = _parse("某某公司\n热线 关于停水的通告\n\n因管网改造,本周六全区停水一天,请市民提前储水。\n")
    (article,) = issue.articles
    assert "某某公司" in issue.unassigned + article.headline_parts() + article.paragraphs
    assert article.title == "关于停水的通告"


def test_a_colon_does_not_swallow_the_next_articles_headline():
    text = (
        "区委召开全会\n\n本报讯(记者 王强)昨天,区委召开全会。会议要求做好以下工作:\n\n\n\n"
        "区交巡警支队开展违停专项整治\n\n本报讯(记者 李明)近日,区交巡警支队开展整治。\n"
    )
    assert _titles(text) == ["区委召开全会", "区交巡警支队开展违停专项整治"]


def test_jumps_written_with_chinese_numerals_resume_their_article():
    text = (
        "区委召开深化改革会议\n\n本报讯(记者 王强)昨天,区委召开会议,研究部署\n\n(下转二版)\n\n\n\n"
        "第二版\n\n(上接一版)\n\n下一阶段改革工作。会议强调要抓好落实。\n"
    )
    (article,) = _parse(text).articles
    assert "研究部署下一阶段改革工作。" in article.paragraphs[0]


def test_a_jump_head_without_its_jump_line_resumes_its_article():
    text = (
        "区委召开深化改革委员会会议\n\n本报讯(记者 王强)昨天,区委召开会议,研究部署\n\n(下转2版)\n\n\n"
        "全区交巡警开展违停专项整治行动\n\n本报讯(记者 李明)近日,交巡警支队在全区开展\n\n(下转2版)\n\n\n"
        "第2版\n\n区委召开深化改革委员会会议\n\n下一阶段改革工作。\n\n(上接1版)\n\n专项整治行动,查处违停车辆百余辆。\n"
    )
    first, second = _parse(text).articles
    assert first.paragraphs[0].endswith("研究部署下一阶段改革工作。")
    assert second.paragraphs[0].endswith("在全区开展专项整治行动,查处违停车辆百余辆。")


def test_a_headline_that_asks_readers_to_download_an_app_is_still_a_headline():
    text = "全民下载国家反诈中心APP\n\n本报讯(记者 王强)昨天,社区组织居民下载反诈APP。\n"
    assert _titles(text) == ["全民下载国家反诈中心APP"]


def test_a_report_titled_like_a_column_stays_news():
    (article,) = _parse("中国经济论坛在我区开幕\n\n本报讯(记者 王强)昨天,中国经济论坛在我区开幕。\n").articles
    assert article.kind == "news"


def test_a_running_head_between_kicker_and_title_is_set_aside():
    text = (
        "“一村一策”\n东山日报\n2024年4月12日 星期五 第3版 三农\n东山推进乡村振兴\n\n"
        "本报讯通讯员吴雷报道:脱贫摘帽不是终点,而是新征程的起点。\n"
    )
    issue = parse_text(text, "东山日报_2024-04-12.txt")
    (article,) = issue.articles
    assert (article.kicker, article.title, article.page) == ("“一村一策”", "东山推进乡村振兴", "3")
    assert issue.unassigned == ["东山日报", "2024年4月12日 星期五 第3版 三农"]
