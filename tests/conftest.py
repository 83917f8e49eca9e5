"""Shared fixtures: offscreen Qt, a fresh data dir per test, the bundled seeds."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sys
from pathlib import Path

import pytest

from reader.config import resolve_paths, seeds_dir
from reader.core.library.library import Library
from reader.core.parsing.decode import read_issue_file
from reader.core.parsing.parse import parse_text

SEED_FILES = sorted(seeds_dir().glob("*.txt"))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Every test writes to its own data dir (with a non-ASCII name) and config folder, never the user's."""
    data_dir = tmp_path_factory.mktemp("数据")
    monkeypatch.setenv("READER_DATA_DIR", str(data_dir))
    # A library that may only be read keeps the window's settings in the user's config folder: a test's own.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    return data_dir


@pytest.fixture
def paths(_isolated_data_dir):
    return resolve_paths(_isolated_data_dir)


@pytest.fixture
def library(paths):
    lib = Library(paths)
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def seeded_data_dir(tmp_path_factory) -> Path:
    """A library with the five seeds imported once per session; copy it before changing it."""
    data_dir = tmp_path_factory.mktemp("seeded")
    lib = Library(resolve_paths(data_dir))
    report = lib.import_paths([str(seeds_dir())])
    lib.close()
    assert len(report.imported) == len(SEED_FILES)
    return data_dir


@pytest.fixture(scope="module")
def searcher(seeded_data_dir):
    """A Searcher on the seeded library (read only), one per test module."""
    from reader.core.search.searcher import Searcher

    opened = Searcher(resolve_paths(seeded_data_dir).index_dir)
    yield opened
    opened.close()


@pytest.fixture
def seeded_paths(seeded_data_dir, tmp_path):
    """A private copy of the seeded library."""
    copy = tmp_path / "图书馆"
    shutil.copytree(seeded_data_dir, copy)
    return resolve_paths(copy)


@pytest.fixture(scope="session")
def seed_issues():
    """The parsed seeds: {file name: Issue}."""
    parsed = {}
    for path in SEED_FILES:
        _, text, _ = read_issue_file(str(path))
        parsed[path.name] = parse_text(text, path.name)
    return parsed


@pytest.fixture(scope="session")
def seed_texts():
    """The decoded text of every seed: {file name: text}."""
    return {path.name: read_issue_file(str(path))[1] for path in SEED_FILES}


def pytest_terminal_summary(terminalreporter) -> None:
    """Show the parser's scores on the seeds' gold and on the corpus in the test output (and in CI's log)."""
    from tests.core import test_corpus, test_gold

    for report in (test_gold.REPORT, test_corpus.REPORT):
        for text in report:
            terminalreporter.write_line("")
            terminalreporter.write_line(text)
    test_faults = sys.modules.get("tests.core.test_faults")  # only when the fault suite ran
    if test_faults is not None and test_faults.FIGURES:
        terminalreporter.write_line("")
        terminalreporter.write_line(
            f"Fault suite: {len(test_faults.FIGURES)} kills recovered, nothing lost or doubled:"
        )
        for line in test_faults.FIGURES:
            terminalreporter.write_line(f"  {line}")
