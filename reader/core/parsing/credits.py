"""Who an article credits: reporters, correspondents, authors and photographers.

Why: Chinese local papers credit people in a dozen printed forms (本报记者 X above an
article, 记者 X 摄 under a photo, (X) after the last sentence, 本报讯(记者 X 通讯员 Y) in
a lead, X/文 Y/图 ...).  The parser must tell a credit line from a headline or a slogan,
cut a credit run onto the end of a paragraph, and list the people credited.  The rules
are general conventions, never particular names: a role word (记者, 通讯员, 作者 ...)
makes a credit and its names may be any 2-4 characters; a label alone (摄, X/文, 图/X,
□X, a media name, brackets) makes one only when every name begins with a common
surname; without any mark only narrow forms pass (two to four space-separated names, a
padded 卢 维, a bare name right after a paragraph's last 。).

Decisions: photo-source notes ((资料图), (图片由X提供), X供图) and jump heads are never
credits (None).  A line alone cannot tell a byline from a signature except by 本报, □ or
X/文, so 记者 X and 通讯员 X Y are "signature" and the parser decides by position.  A
place with names run together (湖北武汉市周国强刘君勉) is left to `place_and_names`,
which the parser may call where a credit is expected; `credit_line` never guesses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

BYLINE = "byline"
SIGNATURE = "signature"
PHOTO = "photo"


@dataclass(frozen=True)
class Credit:
    """People credited by a line or a paragraph's tail, and how."""

    text: str  # the credit as printed (for a trailing credit: just the tail)
    names: tuple[str, ...]  # padding removed, in order, no duplicates
    photo: bool  # 摄, 摄影, 图/文 ...: a photo credit
    role: str  # BYLINE, SIGNATURE or PHOTO


# Common single-character surnames, most frequent first.  Characters that are far more
# often the start of a word (全, 国, 和, 明, 时, 管, 纪, 项, 党 ...) are left out on
# purpose: a bare or glued name must start with one of these.
_SURNAME_TEXT = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱丘江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤常温康文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘包宁尚符舒阮柯"
    "梅童凌季裴霍涂苗谷曲翁冉骆蓝辛靳蒙鲍华喻祁蒲滕屈饶牟艾尤穆卓吉缪简芦麦褚娄窦戚岑宫费卜冷晏柏瞿桂"
    "佟臧闵苟邬卞姬仇栾隋刁沙巫寇桑郎甄丛仲虞敖佘苑迟邝鞠荆冀郁胥储栗燕楚鄢谌奚粟冼蔺闻厉伊仝郜阚帅屠农"
    "朴禹井漆卿狄索宣晋扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓修邰赫杭况逯茹诸慕亢嵇湛宾戎勾茅揭尉冶斯束檀衡尧"
)
_SURNAMES = frozenset(_SURNAME_TEXT)
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 申屠".split()
)
#: Surnames so frequent that they are seldom a given-name character: a split of a run
#: of names that puts one inside a name (张文|华李强) loses to one that does not.
_TOP_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙胡朱郭")
#: Words that begin with a surname character but are column heads, slogans or units.
_NOT_NAMES = frozenset(
    "简讯 简介 关注 关于 关键 关心 关爱 关怀 文化 文明 文章 文字 文件 文艺 文摘 史话 方志 安全 安排 "
    "安置 万元 万人 万户 万亩 万家 金额 金融 金秋 高效 高温 高速 高考 严格 严查 严管 严禁 严防 向上 "
    "向前 向好 常态 常委 方便 方面 方案 方向 方法 周末 周年 周边 于是 余名 齐心 包括 申请 江山 黄金 "
    "石油 白色 林业 马上 毛病 田间 夏季 夏天 夏日 夏粮 华丽".split()
)
#: Characters that end verbs and phrases, not given names (李明说, 王者们).
_NOT_NAME_ENDS = frozenset("说道称问答们的了着吗呢吧啊")
#: Pieces of role words, which no name contains.
_ROLE_FRAGMENT = re.compile(r"记者|通讯员|本报|作者|媒体|见习|实习|特约|摄影|报道|评论员")

_CJK = r"\u4e00-\u9fff"
#: Full-width brackets, colon, slash and spaces to ASCII, one character for one, so
#: offsets in the normalised text are offsets in the printed text.
_NORMALIZE = str.maketrans({"（": "(", "）": ")", "：": ":", "／": "/", "\u3000": " ", "\u00a0": " "})
#: Stands in for a role word or label, so that a name touching it counts as "glued".
_MARK = "\x01"
_EDGE_BEFORE = rf"(?<![^\s{_MARK}])"  # at the start, or after a space or a mark
_EDGE_AFTER = rf"(?![^\s{_MARK}])"  # at the end, or before a space or a mark

#: A news organisation: 本报, 新华社, 咸宁日报, 安顺日报融媒体中心, 中国甘肃网 ...
_MEDIA = (
    rf"(?:本报|本刊|本台|本网|[{_CJK}]{{1,3}}社|[{_CJK}]{{1,10}}?(?:日报|晚报|早报|商报|时报|都市报|报社|报业集团"
    r"|传媒集团|广播电视台|电视台|融媒体中心|传媒中心|新闻中心|新闻网|网))"
)
#: A role: an optional organisation, qualifiers (首席, 见习, 全媒体, 驻京 ...), the role word.
_ROLE = re.compile(
    rf"(?:{_MEDIA})?(?:首席|见习|特约|特派|全媒体|融媒体|新媒体|摄影|文字|实习|驻[{_CJK}]{{1,4}}?)*"
    r"(?:记者|通讯员|实习生|作者|评论员|撰稿人?|摄影师)"
)
#: A media name standing alone between names: (山西日报 邓焕彦 崔 杰).
_MEDIA_CHUNK = re.compile(rf"{_EDGE_BEFORE}{_MEDIA}{_EDGE_AFTER}")
#: 摄 / 摄影 / 摄影报道 closing a credit, but not 拍摄 or 航拍摄 ending a sentence.
_PHOTO_TAIL = re.compile(r"(?<![拍航所编导跟抓偷自])(?:摄影报道|摄影|摄)\s*$")
#: 报道 closing a credit: □通讯员李继敏报道.
_REPORT_TAIL = re.compile(r"报道\s*$")
#: 文/图, 图/文, 图文 standing alone: the person wrote and photographed.
_WORK_LABEL = re.compile(rf"{_EDGE_BEFORE}(?:文/图|图/文|文图|图文){_EDGE_AFTER}")
#: A label after a name: 姬广武/文, 李四/图.
_LABEL_AFTER = re.compile(rf"/(?:文字|撰文|文|图片|图|摄影|摄){_EDGE_AFTER}")
#: A label before a name: 文/张三, 图:李四, 摄影:王五.
_LABEL_BEFORE = re.compile(rf"{_EDGE_BEFORE}(?:文字|撰文|文|图片|图|摄影|摄)\s*[/:]")
#: What a credit body is made of once role words and labels are marks.
_TOKEN = re.compile(rf"(?P<mark>{_MARK})|(?P<sep>[\s、,，:;；]+)|(?P<word>[{_CJK}·]+)|(?P<other>.)")
#: A 2-4 character name, or a transliterated one with middle dots.
_LOOSE_NAME = re.compile(rf"[{_CJK}]{{2,4}}|[{_CJK}]{{1,8}}(?:·[{_CJK}]{{1,8}})+")
_BARE_CHUNK = re.compile(rf"[{_CJK}]{{2,3}}")
#: A 2-character name padded to the width of three: 卢 维.
_PADDED = re.compile(rf"([{_CJK}])\s{{1,2}}([{_CJK}])")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_OPENING_MARK = re.compile(r"^[□■◇◆◎]\s*")
#: Jump heads and photo-source notes: never credits.
_JUMP = re.compile(r"^(?:上接|下转|接上|转下|紧接|转第|接第)")
_SOURCE = re.compile(r"资料图|资料照片|图片由|供图|图片来源|来源:")

#: Marks that end a sentence a credit can be run onto (`…参加会议。(李树新)`); a semicolon does not.
FULL_STOPS = "。！？!?…"
#: No credit line is longer than this; a run-on credit sits in this many characters at the end.
MAX_CREDIT_CHARS = 60
MAX_TRAILING_CHARS = 60
_CLOSERS = "”’」』\"')"
#: Tails after these (no quote or bracket between) may be a lone bare name: 。邵桢.
_DIRECT_END = "。！？!?"
#: Where a trailing credit may begin: after a full stop or a closing quote or bracket.
_SENTENCE_BOUNDARY = frozenset(FULL_STOPS + _CLOSERS)

#: The dateline opening a news item: 本报讯, 本网讯, 新华社北京5月1日电, 红安网消息, then 据X报道.
_DATELINE = re.compile(
    rf"^(?:[{_CJK}A-Za-z0-9·]{{0,16}}?讯(?!员)|[{_CJK}]{{0,10}}?社[{_CJK}0-9]{{0,12}}?电|[{_CJK}]{{0,10}}?消息)"
    rf"\s*(?:据[{_CJK}]{{2,12}}?报道\s*)?"
)
_LEAD_MARK = re.compile(r"^[●■▲◆□◇★☆◎○•]\s*")
_LEAD_BRACKET = re.compile(r"^\(([^()]{1,60})\)")
#: Role and names opening a lead up to 报道, a colon or a double space: 通讯员吴雷报道:...
_LEAD_RUN = re.compile(r"^([^,，。:()!?！？]{2,40}?)(?:报道:?|\s{2,}|:)")
_PLACE_END = "省市县区州镇"


class _Scan(NamedTuple):
    """A credit body taken apart: name-like words and what marked them as a credit."""

    units: list[tuple[str, bool]]  # (name-like word, glued to a role word or label)
    role: bool  # a role word (记者, 通讯员 ...)
    photo: bool
    text_label: bool  # X/文, 文/X, 文/图
    marked: bool  # a label, □, a media name: a credit, but names must look like names


class _Parsed(NamedTuple):
    """A recognised credit body."""

    names: list[str]
    photo: bool
    role: str
    has_role: bool


def _loose(name: str) -> bool:
    """Could be a name printed after a role word: 2-4 characters, not a role or common word."""
    return bool(_LOOSE_NAME.fullmatch(name)) and name not in _NOT_NAMES and not _ROLE_FRAGMENT.search(name)


def _plausible(name: str) -> bool:
    """Looks like a name without a role word: starts with a common surname, 2-3 characters."""
    if not _loose(name) or name[-1] in _NOT_NAME_ENDS:
        return False
    return (name[0] in _SURNAMES and len(name) <= 3) or (name[:2] in _COMPOUND_SURNAMES and 3 <= len(name) <= 4)


def _split_run(run: str) -> list[str] | None:
    """Split names run together into surname-initial names (fewest names, then fewest doubts)."""
    size = len(run)
    if not 4 <= size <= 12 or not re.fullmatch(rf"[{_CJK}]+", run):
        return None
    # best[i]: ((names, penalty), names) for run[i:], by dynamic programming from the end.
    best: list[tuple[tuple[int, int], list[str]] | None] = [None] * (size + 1)
    best[size] = ((0, 0), [])
    for start in range(size - 1, -1, -1):
        spans = [(2, 1), (3, 1)] if run[start] in _SURNAMES else []
        if run[start : start + 2] in _COMPOUND_SURNAMES:
            spans += [(3, 2), (4, 2)]
        for length, given_from in spans:
            end = start + length
            rest = best[end] if end <= size else None
            if rest is None or (start == 0 and end == size):
                continue
            part = run[start:end]
            if part in _NOT_NAMES or part[-1] in _NOT_NAME_ENDS:
                continue
            penalty = sum(char in _TOP_SURNAMES for char in part[given_from:])
            cost = (rest[0][0] + 1, rest[0][1] + penalty)
            current = best[start]
            if current is None or cost < current[0]:
                best[start] = (cost, [part, *rest[1]])
    found = best[0]
    return found[1] if found else None


def _unit_names(unit: str, strict: bool) -> list[str] | None:
    """The names in one word of a credit: itself, or a run of names split; None if not names."""
    check = _plausible if strict else _loose
    if len(unit) >= 4:
        parts = _split_run(unit)
        if parts:
            return parts
    return [unit] if check(unit) else None


def _scan(body: str) -> _Scan | None:
    """Role words, labels and name-like words of a credit body; None if it holds anything else."""
    flags = {"role": False, "photo": False, "text": False, "marked": False}

    def mark(kind: str) -> str:
        flags[kind] = True
        return _MARK

    def label(match: re.Match[str]) -> str:
        flags["photo"] = flags["photo"] or bool(re.search("[图摄]", match.group()))
        flags["text"] = flags["text"] or "文" in match.group()
        return mark("marked")

    text = body.strip()
    opening = _OPENING_MARK.match(text)
    if opening:
        text = mark("marked") + text[opening.end() :]
    text, photo = _PHOTO_TAIL.subn(_MARK, text)
    flags["photo"] = bool(photo)
    if not photo:
        text = _REPORT_TAIL.sub(_MARK, text)
    for pattern in (_WORK_LABEL, _LABEL_AFTER, _LABEL_BEFORE):
        text = pattern.sub(label, text)
    text = _ROLE.sub(lambda _: mark("role"), text)
    text = _MEDIA_CHUNK.sub(lambda _: mark("marked"), text)

    tokens = [(match.lastgroup, match.group()) for match in _TOKEN.finditer(text)]
    if any(kind == "other" for kind, _ in tokens):
        return None
    units: list[tuple[str, bool]] = []
    padded: list[str] = []  # single characters of a padded name (崔 杰)
    padded_glued = False
    for index, (kind, value) in enumerate(tokens):
        if kind == "mark" or (kind == "word" and len(value) > 1):
            if padded:
                units.append(("".join(padded), padded_glued))
                padded, padded_glued = [], False
        if kind != "word":
            continue
        glued = any(0 <= near < len(tokens) and tokens[near][0] == "mark" for near in (index - 1, index + 1))
        if len(value) == 1:
            padded.append(value)
            padded_glued = padded_glued or glued
        else:
            units.append((value, glued))
    if padded:
        units.append(("".join(padded), padded_glued))
    return _Scan(units, flags["role"], flags["photo"], flags["text"], flags["marked"])


def _bare_names(body: str, *, trailing: bool, direct: bool) -> list[str] | None:
    """Names printed with no mark at all: 左玲 李蕾, a padded 卢 维, a lone name after 。."""
    padded = _PADDED.fullmatch(body)
    if padded:
        name = padded[1] + padded[2]
        return [name] if _plausible(name) else None
    chunks = body.split()
    if len(chunks) == 1:
        name = chunks[0]
        return [name] if trailing and direct and len(name) <= 3 and _plausible(name) else None
    if not 2 <= len(chunks) <= 4 or not all(_BARE_CHUNK.fullmatch(chunk) and _loose(chunk) for chunk in chunks):
        return None
    if len({chunk[0] for chunk in chunks}) == 1:  # 严查 严管: parallel slogan words
        return None
    # After a paragraph's last sentence the first name suffices (刘欢 浩东); alone, all must look like names.
    must_look = chunks[:1] if trailing else chunks
    return chunks if all(_plausible(chunk) for chunk in must_look) else None


def _parse(body: str, *, bracketed: bool, trailing: bool = False, direct: bool = False) -> _Parsed | None:
    """Parse a credit body (without its brackets); None when it is not a credit."""
    if not body or len(body) > MAX_CREDIT_CHARS or _JUMP.match(body) or _SOURCE.search(body):
        return None
    scan = _scan(body)
    if scan is None:
        return None
    if scan.role or scan.photo or scan.marked or bracketed:
        names: list[str] = []
        for unit, glued in scan.units:
            found = _unit_names(unit, strict=glued or not scan.role)
            if found is None:
                return None
            names += [name for name in found if name not in names]
        if not names and not (scan.role and (bracketed or not trailing)):
            return None
    else:
        bare = _bare_names(body, trailing=trailing, direct=direct)
        if not bare:
            return None
        names = bare
    photo = scan.photo and bool(names)
    if bracketed or trailing or not names:
        role = PHOTO if photo else SIGNATURE
    elif scan.text_label:
        role = BYLINE
    elif photo:
        role = PHOTO
    elif body.startswith("本报") or _OPENING_MARK.match(body):
        role = BYLINE
    else:
        role = SIGNATURE
    return _Parsed(names, scan.photo, role, scan.role)


def _body(text: str) -> tuple[str, bool]:
    """The credit inside one pair of brackets, or the text itself; and whether it was bracketed."""
    bracket = _BRACKETED.fullmatch(text)
    return (bracket[1].strip(), True) if bracket else (text, False)


def credit_line(text: str) -> Credit | None:
    """The whole line is a credit (byline, end signature or photo credit); else None."""
    line = text.strip()
    if len(line) > MAX_CREDIT_CHARS:
        return None  # running text; no credit line is this long
    body, bracketed = _body(line.translate(_NORMALIZE))
    parsed = _parse(body, bracketed=bracketed)
    return Credit(line, tuple(parsed.names), parsed.photo, parsed.role) if parsed else None


def _ends_sentence(head: str) -> bool:
    """True when `head` ends a sentence, seeing through closing quotes and brackets."""
    stripped = head.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in FULL_STOPS


def trailing_credit(text: str) -> Credit | None:
    """A credit run onto the end of a paragraph (after its last sentence); Credit.text is that tail."""
    printed = text.rstrip()
    # Only the end can hold the credit: normalise that, not the whole paragraph.
    normal = printed[-MAX_TRAILING_CHARS:].translate(_NORMALIZE)
    for end in range(len(normal) - 2, max(-1, len(normal) - MAX_TRAILING_CHARS), -1):
        if normal[end] not in _SENTENCE_BOUNDARY:
            continue
        tail = normal[end + 1 :].strip()
        if not tail or not _ends_sentence(normal[: end + 1]):
            continue
        body, bracketed = _body(tail)
        parsed = _parse(body, bracketed=bracketed, trailing=True, direct=normal[end] in _DIRECT_END)
        if parsed:
            return Credit(printed[len(printed) - len(tail) :], tuple(parsed.names), parsed.photo, parsed.role)
    return None


def lead_names(text: str) -> list[str]:
    """Names credited at the start of a paragraph (a lead such as 本报讯(记者 X 通讯员 Y)...)."""
    opening = _LEAD_MARK.sub("", text[:160].translate(_NORMALIZE).strip(), count=1)
    dateline = _DATELINE.match(opening)
    rest = opening[dateline.end() :] if dateline else opening
    bracket = _LEAD_BRACKET.match(rest)
    found = bracket or _LEAD_RUN.match(rest)
    if not found:
        return []
    parsed = _parse(found.group(1).strip(), bracketed=True)
    # Only a bracket after a dateline may hold bare names; anything else needs a role word.
    if parsed is None or not (parsed.has_role or (bracket and dateline)):
        return []
    return parsed.names


def split_names(run: str) -> list[str]:
    """Split a run of personal names (separated by spaces/、/，or run together) into names."""
    scan = _scan(run.translate(_NORMALIZE).replace("/", " "))
    names: list[str] = []
    for unit, _ in scan.units if scan else []:
        parts = _split_run(unit) if len(unit) >= 4 else None
        for name in parts or ([unit] if _loose(unit) else []):
            if name not in names:
                names.append(name)
    return names


def is_person_name(text: str) -> bool:
    """The text is one person's name printed alone (刘德刚, 卢 维, 欧阳小明): surname-initial, 2-3 characters."""
    line = text.strip().translate(_NORMALIZE)
    padded = _PADDED.fullmatch(line)
    return _plausible(padded[1] + padded[2] if padded else line)


def place_and_names(text: str) -> list[str]:
    """Names run together after a place (湖北武汉市周国强刘君勉); [] unless all of the rest splits."""
    line = text.strip()
    if not re.fullmatch(rf"[{_CJK}]{{7,30}}", line):
        return []
    for end in range(min(len(line) - 5, 12), 1, -1):  # the longest place first
        if line[end] in _PLACE_END:
            parts = _split_run(line[end + 1 :])
            if parts and len(parts) >= 2:
                return parts
    return []
