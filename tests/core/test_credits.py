"""Credits: bylines, signatures, photo credits and lead reporters, by general conventions."""

from __future__ import annotations

import pytest

from reader.core.parsing.credits import (
    BYLINE,
    PHOTO,
    SIGNATURE,
    credit_line,
    is_person_name,
    lead_names,
    place_and_names,
    split_names,
    trailing_credit,
)

# (line, names, photo, role); role None: the line alone cannot tell, only the names are checked.
CREDIT_LINES = [
    ("本报记者 霍吕", ["霍吕"], False, BYLINE),
    ("本报记者 武培真", ["武培真"], False, BYLINE),
    ("本报见习记者张旭晖", ["张旭晖"], False, BYLINE),
    ("本报首席记者 蒋明", ["蒋明"], False, BYLINE),
    ("本报通讯员 杜小兵", ["杜小兵"], False, BYLINE),
    ("本报全媒体记者 罗晓", ["罗晓"], False, BYLINE),
    ("记者 卢海浪", ["卢海浪"], False, SIGNATURE),
    ("记者 贺斌 通讯员 冉启", ["贺斌", "冉启"], False, SIGNATURE),
    ("记者:李海波", ["李海波"], False, SIGNATURE),
    ("记者：李海波", ["李海波"], False, SIGNATURE),
    ("全媒体记者 邹丽", ["邹丽"], False, None),
    ("融媒体记者 向前进", ["向前进"], False, None),
    ("见习记者 潘婷", ["潘婷"], False, None),
    ("实习生 郑可", ["郑可"], False, None),
    ("特约通讯员 田野", ["田野"], False, None),
    ("新华社记者 钱伟", ["钱伟"], False, None),
    ("□李浩", ["李浩"], False, BYLINE),
    ("■王先明", ["王先明"], False, BYLINE),
    ("□通讯员李继敏报道", ["李继敏"], False, BYLINE),
    ("姬广武/文", ["姬广武"], False, BYLINE),
    ("姬广武/文 汤勇/图", ["姬广武", "汤勇"], True, BYLINE),
    ("文/姜山 图/夏雨", ["姜山", "夏雨"], True, BYLINE),
    ("文/图 孔宁", ["孔宁"], True, BYLINE),
    ("通讯员 鲍彩红 何梦丽", ["鲍彩红", "何梦丽"], False, None),
    ("左玲 李蕾", ["左玲", "李蕾"], False, SIGNATURE),
    ("(李树新)", ["李树新"], False, SIGNATURE),
    ("（李树新）", ["李树新"], False, SIGNATURE),
    ("(章爽爽)", ["章爽爽"], False, SIGNATURE),
    ("(作者:马训标 刘宏)", ["马训标", "刘宏"], False, SIGNATURE),
    ("(作者:董雪 艾彦中 刘虹 田佳妮 张梓杰)", ["董雪", "艾彦中", "刘虹", "田佳妮", "张梓杰"], False, SIGNATURE),
    ("(山西日报 邓焕彦 崔 杰)", ["邓焕彦", "崔杰"], False, SIGNATURE),
    ("(王卫星 特约通讯员 江 燕)", ["王卫星", "江燕"], False, SIGNATURE),
    ("(记者 熊旋)", ["熊旋"], False, SIGNATURE),
    ("(本报记者)", [], False, SIGNATURE),
    ("(苗娟 苏通 王鹏 摄)", ["苗娟", "苏通", "王鹏"], True, PHOTO),
    ("(见习记者 费 翔 摄)", ["费翔"], True, PHOTO),
    ("(兰自涛 图/文)", ["兰自涛"], True, PHOTO),
    ("(全媒体记者 鲁静 通讯员 魏东 摄)", ["鲁静", "魏东"], True, PHOTO),
    ("(实习生 宋佳)", ["宋佳"], False, SIGNATURE),
    ("(胡敏 实习生 吕艳)", ["胡敏", "吕艳"], False, SIGNATURE),
    ("记者 张大乐 通讯员 廖咏絮 摄", ["张大乐", "廖咏絮"], True, PHOTO),
    ("本报记者王昕 通讯员梁生仁摄", ["王昕", "梁生仁"], True, PHOTO),
    ("李太昭 陈强 摄", ["李太昭", "陈强"], True, PHOTO),
    ("廖光福 摄", ["廖光福"], True, PHOTO),
    ("通讯员 龙莉平 摄影报道", ["龙莉平"], True, PHOTO),
    ("严冬 摄影", ["严冬"], True, PHOTO),
    ("本报记者 石磊 摄", ["石磊"], True, PHOTO),
    ("咸宁日报全媒体记者陈红菊摄", ["陈红菊"], True, PHOTO),
    ("本报通讯员", [], False, SIGNATURE),
    ("安顺日报融媒体中心记者", [], False, SIGNATURE),
    ("邢兰富 摄", ["邢兰富"], True, PHOTO),
    ("卢 维", ["卢维"], False, SIGNATURE),
    ("江 燕", ["江燕"], False, SIGNATURE),
]


@pytest.mark.parametrize(("text", "names", "photo", "role"), CREDIT_LINES)
def test_credit_lines(text, names, photo, role):
    credit = credit_line(text)
    assert credit is not None
    assert credit.text == text
    assert list(credit.names) == names
    assert credit.photo is photo
    if role is not None:
        assert credit.role == role


@pytest.mark.parametrize(
    "text",
    [
        "刘德刚",  # a bare name alone is ambiguous
        "天等:春日里的“甜蜜事业”",
        "北上,北上",
        "记者手记",
        "记者连线",
        "短评",
        "编者按 本期我们关注乡村振兴。",
        "核心提示:全市共有三百个行政村",
        "图①是我市新建的体育馆",
        "下图:新茅坪镇移民新村",
        "左图:村民在田间收割",
        "县直有关各部门相关负责人参加会议。",
        "文明苇川 你我共建",
        "讲文明 树新风",
        "安全 文明",
        "严查 严管",
        "全国人大代表、江苏箭鹿集团毛纺织造车间三班值班长高苏娟:今年要抓好生产",
        "记者从市教委获悉",
        "记者了解到",
        "作者简介",
        "评论员文章",
        "简 讯",
        "关 注",
        "他正在拍摄",
        "湖北武汉市周国强刘君勉方世杰黄小安",  # place + run-together names: place_and_names only
        "(资料图)",
        "(下转2版)",
        "(上接1版)",
        "(图片由县委宣传部提供)",
        "(扩大)",
        "(实习)",
        "(2021年)",
        "(作者系某大学教授)",
        "",
    ],
)
def test_not_credit_lines(text):
    assert credit_line(text) is None


# (paragraph, tail as printed, names, photo)
TRAILING = [
    ("县直有关部门负责人参加会议。 (李树新)", "(李树新)", ["李树新"], False),
    ("做到早发现、打早、打小、打了。刘欢  浩东", "刘欢  浩东", ["刘欢", "浩东"], False),
    ("全力确保森林安全。 (本报记者)", "(本报记者)", [], False),
    ("预计下周收获完毕。 记者 李保珠 摄", "记者 李保珠 摄", ["李保珠"], True),
    ("探索出一条新的模式。咸宁日报全媒体记者陈红菊摄", "咸宁日报全媒体记者陈红菊摄", ["陈红菊"], True),
    ("学到了防火知识。通讯员 龙莉平 摄影报道", "通讯员 龙莉平 摄影报道", ["龙莉平"], True),
    ("学到了防火知识。通讯员龙莉平 摄影报道", "通讯员龙莉平 摄影报道", ["龙莉平"], True),
    ("走上了致富路。(兰自涛 图/文)", "(兰自涛 图/文)", ["兰自涛"], True),
    ("工人们正在施工。(见习记者 费 翔 摄)", "(见习记者 费 翔 摄)", ["费翔"], True),
    ("丰收在望。廖光福 摄", "廖光福 摄", ["廖光福"], True),
    ("坚定了信心和决心。(章爽爽)", "(章爽爽)", ["章爽爽"], False),
    ("为传统节日注入新的活力。(记者 黄翠林)", "(记者 黄翠林)", ["黄翠林"], False),
    ("现场气氛热烈。(王卫星 特约通讯员 江 燕)", "(王卫星 特约通讯员 江 燕)", ["王卫星", "江燕"], False),
    ("村民在田间收割。本报记者 肖金雄 摄", "本报记者 肖金雄 摄", ["肖金雄"], True),
    ("活动圆满结束。邵桢", "邵桢", ["邵桢"], False),
    ("他说:“要坚持下去。”（记者 熊旋）", "（记者 熊旋）", ["熊旋"], False),
]


@pytest.mark.parametrize(("text", "tail", "names", "photo"), TRAILING)
def test_trailing_credits(text, tail, names, photo):
    credit = trailing_credit(text)
    assert credit is not None
    assert credit.text == tail
    assert list(credit.names) == names
    assert credit.photo is photo
    assert credit.role == (PHOTO if photo else SIGNATURE)


@pytest.mark.parametrize(
    "text",
    [
        "区委召开(扩大)会议。",
        "全市生产总值(2021年)",
        "分布在全省各地(市)。",
        "(下转2版)",
        "(李树新)",  # a whole line is credit_line's, not a tail
        "他说:“我们应该为他们点赞。”",
        "县直有关各部门相关负责人参加会议。",
        "活动圆满结束。李明说",
        "会议要求抓好落实。安全 文明",
        "会议结束。本报记者",  # a role word with no name is only taken in brackets
        "参观了展览(李树新)",  # no sentence end before the tail
        "活动结束。下转2版",
        "大家纷纷点赞。(图为活动现场)",
        "他说:“好。”王明",  # a lone bare name needs 。！？ right before it
        "",
    ],
)
def test_not_trailing_credits(text):
    assert trailing_credit(text) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本报讯(记者 叶树峰 通讯员 穆小娟)10月10日,全县召开会议。", ["叶树峰", "穆小娟"]),
        ("本报讯(记者 王翠 鲁慧 通讯员 王慧丽 文/图)“热热闹闹过大年”", ["王翠", "鲁慧", "王慧丽"]),
        ("本报讯(全媒体记者任媛媛徐飞)4月30日,市里召开会议。", ["任媛媛", "徐飞"]),
        ("本报讯通讯员吴雷报道:脱贫摘帽后,全县继续发力。", ["吴雷"]),
        ("本报讯 通讯员李星、金文军、吴亦文报道:咸安区开展活动。", ["李星", "金文军", "吴亦文"]),
        ("(记者 熊旋)今天上午,全市召开大会。", ["熊旋"]),
        ("●本报讯 (通讯员田永昭)今年,全镇种植烤烟。", ["田永昭"]),
        ("■本网讯(通讯员 陈小磊 )4月20日上午,活动举行。", ["陈小磊"]),
        ("▲本报讯 昨天下午,全区召开会议。", []),
        ("通讯员李思懿  在第29个全国助残日到来之际", ["李思懿"]),
        ("中国甘肃网11月05日讯 据陇东报报道(记者 李文)10月26日,会议召开。", ["李文"]),
        ("新华社北京5月1日电(记者 韩梅 马骏)国务院召开会议。", ["韩梅", "马骏"]),
        ("本报讯 7月23日,全县召开会议。", []),
        ("红安网消息    进入初冬时节,全县开展防火。", []),
        ("本报讯(记者 唐云 实习生 胡杨)昨日,活动举行。", ["唐云", "胡杨"]),
        ("本报讯(记者 唐云)(实习)昨日,活动举行。", ["唐云"]),
        ("(本报记者 唐云)昨日,活动举行。", ["唐云"]),
        ("本报讯（记者 唐云）昨日，活动举行。", ["唐云"]),
        ("(扩大)会议召开。", []),
        ("记者从市教委获悉,今年全市高考顺利。", []),
        ("今年以来,全县经济稳步发展。", []),
    ],
)
def test_lead_names(text, names):
    assert lead_names(text) == names


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("周国强刘君勉方世杰黄小安", ["周国强", "刘君勉", "方世杰", "黄小安"]),
        ("任媛媛徐飞", ["任媛媛", "徐飞"]),
        ("徐飞李明", ["徐飞", "李明"]),  # 2+2 when both halves start with a surname
        ("欧阳小明", ["欧阳小明"]),  # a compound surname
        ("王丽张文华", ["王丽", "张文华"]),
        ("张文华李强", ["张文华", "李强"]),  # 华李强 would put 李 inside a name
        ("李星、金文军、吴亦文", ["李星", "金文军", "吴亦文"]),
        ("左玲 李蕾", ["左玲", "李蕾"]),
        ("童 茜", ["童茜"]),
        ("邓焕彦，崔杰", ["邓焕彦", "崔杰"]),
        ("李明 李明", ["李明"]),
        ("", []),
    ],
)
def test_split_names(run, names):
    assert split_names(run) == names


def test_place_and_names():
    assert place_and_names("湖北武汉市周国强刘君勉方世杰黄小安") == ["周国强", "刘君勉", "方世杰", "黄小安"]
    assert place_and_names("我市发布高温黄色预警") == []
    assert place_and_names("全县召开经济工作会议") == []


ROLE_WORDS = ("记者", "通讯员", "本报", "作者", "全媒体", "见习", "实习生", "特约", "摄影")


def _all_names():
    for text, *_ in CREDIT_LINES:
        yield from credit_line(text).names
    for text, *_ in TRAILING:
        yield from trailing_credit(text).names


def test_names_are_clean():
    names = list(_all_names())
    assert names
    for name in names:
        assert not any(char.isspace() for char in name), name
        assert name not in {"摄", "文", "图"}, name
        assert not any(word in name for word in ROLE_WORDS), name


def test_names_have_no_duplicates():
    credit = credit_line("记者 唐云 通讯员 唐云")
    assert credit is not None and credit.names == ("唐云",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("刘德刚", True), ("卢 维", True), ("欧阳小明", True), ("短评", False), ("记者手记", False), ("关注", False)],
)
def test_is_person_name(text, expected):
    assert is_person_name(text) is expected
