"""The command line facing odd input: arguments that are not text, control characters in names; and its version."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import reader
from reader.cli import main
from reader.config import seeds_dir

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"


def _run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version_prints_the_one_version_the_package_is_built_with(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"reader {reader.__version__}\n"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "reader/__init__.py"


def test_the_license_is_mit_and_ships_in_the_sdist():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert "LICENSE" in project["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Copyright (c) 2026 报刊阅览 developers" in text


def test_a_query_argument_that_is_not_text_is_one_line(seeded_paths):
    """`reader search` given bytes that are not UTF-8 (a script in a legacy locale) says so in one line."""
    if os.name != "posix":
        pytest.skip("arguments are bytes only on POSIX")
    env = dict(os.environ, READER_DATA_DIR=str(seeded_paths.data_dir), PYTHONUTF8="1")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "疫苗".encode() + b"\xff\xfe"], capture_output=True, env=env
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert err == "reader: the query “疫苗\\xff\\xfe” holds bytes that are not text in this system's encoding\n"


def test_a_very_long_query_is_refused_in_one_line(capsys):
    _run(capsys, "import", str(SEED_000))
    code, _, err = _run(capsys, "search", "疫苗" * 300)
    assert (code, err) == (1, "reader: the query is too long (600 characters; the limit is 500)\n")


def test_list_shows_control_characters_of_file_names_escaped(capsys, tmp_path):
    tricky = tmp_path / "北碚报\x1b[2J\x1b[31m_2021-11-09.txt"  # would clear and recolour the terminal
    shutil.copy(SEED_000, tricky)
    code, _, _ = _run(capsys, "import", str(tricky))
    assert code == 0
    code, out, _ = _run(capsys, "list")
    assert code == 0
    assert "北碚报\\x1b[2J\\x1b[31m_2021-11-09.txt" in out and "\x1b" not in out


def test_import_names_a_file_whose_name_is_not_text_escaped(capsys, tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"\xff\xfe.txt")
    try:
        with open(path, "wb") as handle:
            handle.write(b"")
    except (OSError, UnicodeError):
        pytest.skip("this file system only takes names that are text")
    code, _, err = _run(capsys, "import", os.fsdecode(path), str(SEED_000))  # as Python hands over argv
    assert code == 1
    assert err == f"reader: {tmp_path}/\\xff\\xfe.txt: the file is empty\n"
