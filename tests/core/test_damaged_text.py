"""A file damaged in a few places (a bad byte or two) is imported with those places shown as U+FFFD, and counted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import ErrorKind, RejectedFile
from reader.core.parsing.decode import MAX_DAMAGED_PLACES, decode_issue, decode_issue_bytes
from reader.core.search.searcher import Searcher
from tests.conftest import SEED_FILES

ROOT = Path(__file__).resolve().parents[2]
SEED = SEED_FILES[0]


def _damaged(data: bytes, places: list[int], bad: bytes = b"\xff") -> bytes:
    """`data` with the byte at each of `places` replaced by `bad` (never a byte valid on its own)."""
    damaged = bytearray(data)
    for place in places:
        damaged[place : place + 1] = bad
    return bytes(damaged)


def _lead_byte_near(data: bytes, place: int, codec: str = "utf-8") -> int:
    """The first byte at or after `place` that starts a Chinese character (two bytes or more in `codec`)."""
    text = data.decode(codec)
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + len(char.encode(codec)))
    starts = zip(offsets[:-1], text, strict=True)
    return next(start for start, char in starts if start >= place and "\u4e00" <= char <= "\u9fff")


@pytest.mark.parametrize(("codec", "byte"), [("utf-8", 0), ("utf-8", 1), ("utf-8", 2), ("gb18030", 1)])
def test_one_damaged_byte_costs_one_character_not_the_issue(codec, byte):
    text = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    data = text.encode(codec)
    decoded = decode_issue(_damaged(data, [_lead_byte_near(data, len(data) // 2, codec) + byte]), "损坏.txt")
    assert (decoded.codec, decoded.damaged) == (codec, 1)
    assert decoded.text.count("\ufffd") == 1
    place = decoded.text.index("\ufffd")
    assert decoded.text[:place] == text[:place] and decoded.text[place + 1 :] == text[place + 1 :]


def test_a_sound_file_reports_no_damage():
    decoded = decode_issue(SEED.read_bytes(), SEED.name)
    assert (decoded.codec, decoded.damaged) == ("utf-8", 0)
    assert "\ufffd" not in decoded.text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        # Damage everywhere: every 200th byte of an issue (far more than a tenth of a per cent).
        (_damaged(SEED.read_bytes(), list(range(100, 18000, 200))), ErrorKind.UNKNOWN_ENCODING),
        # A short text with a few bad bytes: a few places, but a large share of it.
        ("标题\n正文。".encode() + b"\xff\xfe\x80", ErrorKind.UNKNOWN_ENCODING),
        # Mostly not text at all.
        (bytes(range(128, 256)) * 40, ErrorKind.UNKNOWN_ENCODING),
    ],
    ids=["damaged-throughout", "short", "not-text"],
)
def test_clearly_broken_files_stay_rejected(data, kind):
    with pytest.raises(RejectedFile) as caught:
        decode_issue_bytes(data, "坏.txt")
    assert caught.value.kind == kind


def test_more_damaged_places_than_the_limit_are_refused_even_in_a_long_file():
    long_text = SEED.read_bytes() * 20
    places = [_lead_byte_near(long_text, 1000 * (n + 1)) for n in range(MAX_DAMAGED_PLACES + 1)]
    with pytest.raises(RejectedFile):
        decode_issue_bytes(_damaged(long_text, places), "坏.txt")
    assert decode_issue(_damaged(long_text, places[:-1]), "好.txt").damaged == MAX_DAMAGED_PLACES


def test_import_takes_a_damaged_file_says_how_many_characters_and_finds_its_words(tmp_path, paths):
    data = SEED.read_bytes()
    places = [_lead_byte_near(data, len(data) // 3), _lead_byte_near(data, len(data) // 2)]
    damaged = tmp_path / "北碚报_2021-11-09_损坏.txt"
    damaged.write_bytes(_damaged(data, places))
    env = dict(os.environ, READER_DATA_DIR=str(paths.data_dir), PYTHONUTF8="1")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "import", "--json", str(damaged)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [item["path"] for item in report["imported"]] == [str(damaged)] and report["rejected"] == []
    [warning] = report["warnings"]
    assert (warning["path"], warning["id"], warning["damaged_characters"]) == (
        str(damaged),
        report["imported"][0]["id"],
        2,
    )
    assert done.stderr == f"reader: {damaged}: {warning['warning']}\n"
    assert "2 characters could not be read" in warning["warning"]
    searcher = Searcher(paths.index_dir)
    try:
        assert searcher.search('"核酸检测"').total > 0 or searcher.search("北碚").total > 0
    finally:
        searcher.close()


def test_a_sound_import_has_an_empty_list_of_warnings(library):
    report = library.import_paths([str(SEED)])
    assert report.to_json()["warnings"] == [] and report.imported[0].damaged_characters == 0
