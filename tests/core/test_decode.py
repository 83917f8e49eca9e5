"""Decoding issue files: encodings, line ends, and plain-words refusals."""

from __future__ import annotations

import codecs

import pytest

from reader.core.errors import RejectedFile
from reader.core.parsing import decode
from reader.core.parsing.decode import decode_issue_bytes, read_issue_file

SAMPLE = "北碚报\r\n本报讯(记者 霍吕)11月5日,区委召开会议。\r\n"
EXPECTED = "北碚报\n本报讯(记者 霍吕)11月5日,区委召开会议。\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16-le"),
        SAMPLE.encode("gb18030"),
        SAMPLE.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "gb18030", "gbk"],
)
def test_every_supported_encoding_gives_the_same_text(data):
    text, _ = decode_issue_bytes(data, "x.txt")
    assert text == EXPECTED


def test_lone_carriage_returns_become_line_feeds():
    text, _ = decode_issue_bytes("标题\r正文。\r".encode(), "x.txt")
    assert text == "标题\n正文。\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t \n", "no text"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 10, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"abc\x80\x80\xff\xffdef" * 3, "encoding"),
    ],
    ids=["empty", "blank", "binary", "png", "undecodable"],
)
def test_bad_bytes_are_rejected_with_a_reason(data, reason):
    with pytest.raises(RejectedFile) as caught:
        decode_issue_bytes(data, "坏文件.txt")
    assert "坏文件.txt" in str(caught.value)
    assert reason in caught.value.reason


def test_a_file_too_large_to_be_an_issue_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_ISSUE_BYTES", 1000)
    big = tmp_path / "巨大.txt"
    big.write_bytes("字".encode() * 1000)
    with pytest.raises(RejectedFile, match="too large"):
        read_issue_file(str(big))


def test_missing_file_and_folder_are_rejected(tmp_path):
    with pytest.raises(RejectedFile, match="does not exist"):
        read_issue_file(str(tmp_path / "没有.txt"))
    with pytest.raises(RejectedFile, match="folder"):
        read_issue_file(str(tmp_path))


def test_unreadable_file_is_rejected(tmp_path, monkeypatch):
    locked = tmp_path / "锁定.txt"
    locked.write_text("标题", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(RejectedFile, match="permission denied"):
        read_issue_file(str(locked))


def test_read_returns_the_original_bytes_unchanged(tmp_path):
    original = codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le")
    path = tmp_path / "报.txt"
    path.write_bytes(original)
    data, text, codec = read_issue_file(str(path))
    assert data == original
    assert text == EXPECTED
    assert codec == "utf-16"
