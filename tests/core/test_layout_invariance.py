"""Parsing must not depend on layout: the same page in another layout gives the same articles.

Real archives bring the same kind of page hard-wrapped or not, marked or not,
indented, in other encodings and line ends, with running heads between
columns.  Each test here parses a file and a layout variant of it
(tests/layout_variants.py) and demands the same titles, reporters and article
count, with no character lost.  The five seeds always run; the eight files of
the development corpus (kept beside the repository, never copied into it) run
when it is present.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from reader.core.parsing.decode import read_issue_file
from reader.core.parsing.parse import parse_text
from tests.conftest import SEED_FILES
from tests.layout_variants import (
    CLOSING_PUNCTUATION,
    CORPUS_DIR,
    FILE_LEVEL,
    VARIANTS,
    NotApplicable,
    columns,
    crlf_bytes,
    double_blank_lines,
    ends_sentence,
    fullwidth_indent,
    gb18030_bytes,
    hard_wrap,
    is_hard_wrapped,
    make_variants,
    running_head,
    running_head_between_blocks,
    signature,
    strip_heading_marks,
    through_decoder,
    utf16_bytes,
    wrap_line,
)
from tests.parsing_checks import lost_characters

CORPUS_ISSUES = CORPUS_DIR / "issues"
CORPUS_FILES = sorted(CORPUS_ISSUES.glob("*.txt")) if CORPUS_ISSUES.is_dir() else []
SEED_000 = next(path for path in SEED_FILES if path.name.startswith("000_"))


def _file_id(path: Path) -> str:
    """An ASCII test id: `seed000` for a seed, `c20181023` (its date) for a corpus file."""
    if path in SEED_FILES:
        return "seed" + path.name[:3]
    return "c" + "".join(re.findall(r"\d", path.stem))[:8]


def _file_params() -> list:
    """Every base file; a single skipped placeholder stands for the corpus when it is absent."""
    params = [pytest.param(path, id=_file_id(path)) for path in SEED_FILES + CORPUS_FILES]
    if not CORPUS_FILES:
        params.append(pytest.param(None, id="corpus", marks=pytest.mark.skip(reason=f"no corpus at {CORPUS_ISSUES}")))
    return params


@cache
def _text(path: Path) -> str:
    """The decoded text of an issue file."""
    return read_issue_file(str(path))[1]


@cache
def _base_signature(path: Path) -> list[tuple]:
    """The signature of the file as it is."""
    return signature(parse_text(_text(path), path.name))


def _variant_text(path: Path, name: str) -> str:
    """The file's text in layout variant `name`, or a skip when the variant does not apply or changes nothing."""
    text = _text(path)
    try:
        changed = make_variants(path.name)[name](text)
    except NotApplicable as reason:
        pytest.skip(f"{name} does not apply to {path.name}: {reason}")
    if changed == text and name not in FILE_LEVEL:
        pytest.skip(f"{name} leaves {path.name} unchanged")
    return changed


@pytest.mark.parametrize("name", list(VARIANTS))
@pytest.mark.parametrize("path", _file_params())
def test_layout_variant_parses_the_same(path: Path, name: str) -> None:
    """A layout variant of a file has the same articles, titles and reporters, and loses nothing."""
    changed = _variant_text(path, name)
    issue = parse_text(changed, path.name)
    assert lost_characters(changed, issue) == Counter()
    assert signature(issue) == _base_signature(path)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(SEED_FILES),
    names=st.lists(st.sampled_from(list(VARIANTS)), min_size=1, max_size=3),
)
def test_composed_variants_parse_the_same(path: Path, names: list[str]) -> None:
    """Any composition of one to three variants of a seed has the seed's signature."""
    variants = make_variants(path.name)
    text = _text(path)
    for name in names:
        try:
            text = variants[name](text)
        except NotApplicable:
            note(f"{name}: not applicable, left out")
    issue = parse_text(text, path.name)
    assert lost_characters(text, issue) == Counter()
    assert signature(issue) == _base_signature(path)


# The transforms themselves.

NUMBERS_AND_WORDS = (
    "截至11月7日,已累计接种11126剂,人群预计有5.88万人,覆盖率达98.5%,请下载APP或访问www.example.com查看。"
)


@pytest.mark.parametrize("width", range(4, 30))
def test_wrap_never_breaks_a_number_or_word(width: int) -> None:
    """No row boundary falls inside a run of ASCII letters and digits (decimals and % included)."""
    rows = wrap_line(NUMBERS_AND_WORDS, width)
    assert "".join(rows) == NUMBERS_AND_WORDS
    for before, after in zip(rows, rows[1:], strict=False):
        assert not (before[-1].isascii() and before[-1].isalnum() and after[0].isascii() and after[0].isalnum())
    for number in ("11126", "5.88", "98.5%", "www.example.com"):
        assert any(number in row for row in rows), (number, rows)


@pytest.mark.parametrize("width", range(4, 30))
def test_wrap_never_starts_a_row_with_closing_punctuation(width: int) -> None:
    """Closing punctuation hangs at the end of a row instead of starting the next; rows stay near `width`."""
    line = "他说:“好。”这是第一句。这是第二句,还有《书名》和(括号)、顿号;问号?叹号!完。"
    rows = wrap_line(line, width)
    assert "".join(rows) == line
    assert all(row[0] not in CLOSING_PUNCTUATION for row in rows[1:]), rows
    assert all(columns(row.rstrip(CLOSING_PUNCTUATION)) <= 2 * width for row in rows), rows


def test_wrap_keeps_blank_and_short_lines_and_only_wraps_unwrapped_files() -> None:
    """Short and blank lines are untouched; a wrapped text is detected and not wrapped again."""
    text = _text(SEED_000)
    wrapped = hard_wrap(18)(text)
    assert wrapped.replace("\n", "") == text.replace("\n", "")
    assert [len(run) for run in re.findall(r"\n{2,}", wrapped)] == [len(run) for run in re.findall(r"\n{2,}", text)]
    assert "\n\n我区召开驻村第一书记工作会议\n\n" in text and "\n\n我区召开驻村第一书记工作会议\n\n" in wrapped
    assert not is_hard_wrapped(text) and is_hard_wrapped(wrapped)
    with pytest.raises(NotApplicable):
        hard_wrap(26)(wrapped)


def test_indent_skips_headlines_and_indented_files() -> None:
    """Running-text lines get two ideographic spaces; headlines, credits and continuations do not."""
    text = _text(SEED_000)
    indented = fullwidth_indent(text)
    lines = indented.split("\n")
    assert "2021年区委第四次党建工作例会暨城市党建工作联席会召开" in lines
    assert "我区召开驻村第一书记工作会议" in lines
    assert any(line.startswith("\u3000\u3000本报讯(记者 霍吕)11月5日") for line in lines)
    assert any(line.startswith("对基层治理的全面领导") for line in lines)  # continues a cut paragraph
    assert indented.replace("\u3000", "") == text.replace("\u3000", "")
    assert fullwidth_indent("标题\n\n正文第一句。\n") == "标题\n\n\u3000\u3000正文第一句。\n"
    with pytest.raises(NotApplicable):
        fullwidth_indent(indented)


@pytest.mark.parametrize("path", SEED_FILES, ids=_file_id)
def test_running_heads_land_only_at_blank_line_boundaries(path: Path) -> None:
    """Each head stands between blank lines after a sentence end; removing the heads restores the text."""
    for text in (_text(path), hard_wrap(18)(_text(path))):
        head = running_head(path.name)
        changed = running_head_between_blocks(text, path.name)
        lines = changed.split("\n")
        places = [number for number, line in enumerate(lines) if line == head]
        assert places
        for number in places:
            assert not lines[number - 1].strip() and not lines[number + 1].strip()
            before = next(line for line in reversed(lines[:number]) if line.strip())
            assert ends_sentence(before)
        restored = re.sub(rf"(\n+){re.escape(head)}\1", r"\1", changed)
        assert restored == text


def test_running_head_names_the_publication_of_the_file_name() -> None:
    """The head names the paper of `苇川日报_2020-10-20.txt`, and `本报` for a name without one."""
    assert running_head("苇川日报_2020-10-20.txt").startswith("苇川日报 ")
    assert running_head("20230418_澄湾周报_第4版.txt").startswith("澄湾周报 ")
    assert running_head("000_3ec1d81f3cd0b893.txt").startswith("本报 ")


def test_marks_and_blank_lines() -> None:
    """Marks go with the blank after them; every blank run is doubled, the final line end kept."""
    assert strip_heading_marks("## 标题\n正文 # 不是标记\n# 另一个\n") == "标题\n正文 # 不是标记\n另一个\n"
    assert double_blank_lines("\n甲\n\n乙\n\n\n丙\n") == "\n\n甲\n\n\n乙\n\n\n\n\n丙\n"


@pytest.mark.parametrize("path", SEED_FILES + CORPUS_FILES, ids=_file_id)
def test_file_level_variants_round_trip(path: Path) -> None:
    """CRLF, GB18030 and UTF-16 files decode through the reader's decoder to the identical text."""
    text = _text(path)
    crlf = crlf_bytes(text)
    assert crlf.count(b"\r\n") == text.count("\n") == crlf.count(b"\n")
    assert utf16_bytes(text)[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert gb18030_bytes(text) != text.encode("utf-8")
    for data in (crlf, gb18030_bytes(text), utf16_bytes(text)):
        assert through_decoder(data) == text
