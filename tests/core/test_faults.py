"""The fault suite: `reader import` and `reader reindex` killed (SIGKILL) at each phase, then the next command.

Each case runs the command in a child process with READER_FAULT naming the
phase (reader.core.faults), so the crash comes exactly there, and checks that
the command died there.  Then, before anything repairs the library, that no
process of the killed command lives on, that the lock is free and that no issue
is half in the index; then that the next command (`reader import` of the same
files, `reader search`, `reader list`) recovers on its own: every file imported
exactly once, every issue whole in the index and found by a phrase of its own,
nothing twice, no leftover of the rebuild.  The imports hold ISSUES files, so
their batch goes through the index's worker process (PARALLEL_THRESHOLD).

FIGURES collects, per case, what was checked and what was found lost or
doubled; the run prints it (see pytest_terminal_summary in tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest

from reader.config import resolve_paths
from reader.core.errors import IndexNotReady
from reader.core.faults import FAULT_ENV, PHASES
from reader.core.library.catalog import INDEXED
from reader.core.library.library import Library, issue_id_for
from reader.core.library.locking import WriterLock
from reader.core.parsing.decode import read_issue_file
from reader.core.parsing.parse import parse_text
from reader.core.search import index as index_module
from reader.core.search.index import open_index
from reader.core.search.searcher import Searcher
from tests.conftest import SEED_FILES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills with SIGKILL and reads /proc"),
]

ROOT = Path(__file__).resolve().parents[2]
#: Files per import: one batch, big enough for the worker processes.
ISSUES = 44
#: Set in every child's environment (and inherited by its workers): how the stray-process scan knows them.
RUN_TOKEN_ENV = "READER_FAULT_SUITE_RUN"
#: A guard against a hang, never a timing: how long a dying process may take to be gone.
GONE_GUARD_SECONDS = 60
#: One line per case, printed at the end of the run.
FIGURES: list[str] = []

IMPORT_PHASES = [
    "stored-before-rows",
    "rows-before-index",
    "importer-while-worker-indexes",
    "worker-indexing",
    "committed-before-marked",
]
REINDEX_PHASES = ["importer-while-worker-indexes", "worker-indexing", "rebuild-before-swap", "swap-between-renames"]


def _phrase(name: str) -> str:
    """A quoted phrase that only the issue of file `name` holds (its number ends the name)."""
    return f'"核对编号为{Path(name).stem[-4:]}号"'


def _write_issues(folder: Path) -> dict[str, tuple[str, int]]:
    """ISSUES distinct issue files made of the seeds' articles; {file name: (issue id, articles)}."""
    rng = random.Random(12)
    pool = []
    for path in SEED_FILES:
        _, text, _ = read_issue_file(str(path))
        pool += [(a.title, a.paragraphs) for a in parse_text(text, path.name).articles if a.title and a.paragraphs]
    folder.mkdir(parents=True)
    expected = {}
    for number in range(ISSUES):
        parts = []
        for place, (title, paragraphs) in enumerate(rng.sample(pool, 3)):
            body = list(paragraphs[:4])
            if place == 0:
                body[0] = f"本期核对编号为{number:04d}号。{body[0]}"
            parts += [title, *body]
        name = f"北碚报_2021-{1 + number % 12:02d}-{1 + number % 28:02d}_{number:04d}.txt"
        (folder / name).write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        _, text, _ = read_issue_file(str(folder / name))
        expected[name] = (issue_id_for(text), len(parse_text(text, name).articles))
    return expected


def _reader(data_dir: Path, *argv: str, fault: str | None = None, token: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != FAULT_ENV}
    env.update({"READER_DATA_DIR": str(data_dir), RUN_TOKEN_ENV: token, "PYTHONUTF8": "1"})
    if fault:
        env[FAULT_ENV] = fault
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def _processes_of(token: str, data_dir: Path) -> list[int]:
    """Live processes of a run: its token in their environment, or the data folder in their command line."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state == "Z":
            continue  # dead, waiting to be reaped by whoever adopted it
        if f"{RUN_TOKEN_ENV}={token}".encode() in environ.split(b"\0") or os.fsencode(data_dir) in cmdline:
            found.append(int(entry.name))
    return found


def _stray_processes(token: str, data_dir: Path) -> list[int]:
    """Processes of the run that are still there once every dying one has had its chance to go."""
    for pid in _processes_of(token, data_dir):
        try:
            handle = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            select.select([handle], [], [], GONE_GUARD_SECONDS)
        finally:
            os.close(handle)
    return _processes_of(token, data_dir)


def _index_counts(data_dir: Path) -> Counter:
    """Live documents (articles) in the index, per issue; empty when there is no readable index."""
    try:
        index = open_index(resolve_paths(data_dir).index_dir, create=False)  # as searches open it
    except IndexNotReady:
        return Counter()
    with index.searcher() as searcher:
        return Counter(fields["issue"] for fields in searcher.all_stored_fields())


def _check_right_after_the_kill(data_dir: Path, token: str, expected: dict) -> dict:
    """Before any repair: no process left, the lock free, no issue half in the index or marked indexed but absent."""
    paths = resolve_paths(data_dir)
    stray = _stray_processes(token, data_dir)
    lock = WriterLock(paths.lock_file)
    lock.acquire(timeout=0)  # LibraryBusy here would be a stale lock
    lock.release()
    articles = dict(expected.values())
    counts = _index_counts(data_dir)
    half = sorted(issue for issue, count in counts.items() if count != articles.get(issue))
    library = Library(paths)
    try:
        indexed_rows = {record.id for record in library.records() if record.state == INDEXED}
    finally:
        library.close()
    marked_but_absent = sorted(indexed_rows - set(counts))
    assert (stray, half, marked_but_absent) == ([], [], []), "after the kill"
    return {"indexed before recovery": len(counts), "rows indexed before recovery": len(indexed_rows)}


def _check_whole(data_dir: Path, token: str, expected: dict) -> dict:
    """After recovery: every file once, whole in the index, found by its phrase; nothing extra, nothing left over."""
    paths = resolve_paths(data_dir)
    listed = json.loads(_reader(data_dir, "list", "--json", token=token).stdout)["issues"]
    by_source = Counter(issue["source"] for issue in listed)
    lost = sorted(set(expected) - set(by_source))
    doubled = sorted(name for name, count in by_source.items() if count > 1)
    wrong_id = sorted(issue["source"] for issue in listed if expected.get(issue["source"], (None,))[0] != issue["id"])
    counts = _index_counts(data_dir)
    articles = dict(expected.values())
    not_whole = sorted(issue for issue in articles if counts.get(issue) != articles[issue])
    extra_in_index = sorted(set(counts) - set(articles))
    searcher = Searcher(paths.index_dir)
    try:
        not_found = [
            name
            for name, (issue_id, _) in sorted(expected.items())
            if [hit.issue for hit in searcher.search(_phrase(name), limit=5).hits] != [issue_id]
        ]
    finally:
        searcher.close()
    library = Library(paths)
    try:
        pending = sorted(record.source for record in library.records() if record.state != INDEXED)
    finally:
        library.close()
    leftovers = sorted(
        p.name for p in paths.index_dir.parent.iterdir() if p.name.startswith(paths.index_dir.name + ".")
    )
    stray = _stray_processes(token, data_dir)
    problems = {
        "lost": lost,
        "doubled": doubled,
        "wrong id": wrong_id,
        "not whole in the index": not_whole,
        "extra in the index": extra_in_index,
        "not found by its phrase": not_found,
        "still pending": pending,
        "rebuild leftovers": leftovers,
        "stray processes": stray,
    }
    assert {key: value for key, value in problems.items() if value} == {}
    return {"issues": len(listed), "found by phrase": len(expected) - len(not_found), "lost": 0, "doubled": 0}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("故障") / "来稿"
    return folder, _write_issues(folder)


@pytest.fixture(scope="module")
def imported_library(tmp_path_factory, archive) -> Path:
    """A library holding the archive, imported without faults; copy it before changing it."""
    folder, expected = archive
    data_dir = tmp_path_factory.mktemp("库") / "数据"
    token = uuid.uuid4().hex
    done = _reader(data_dir, "import", "--json", str(folder), token=token)
    assert done.returncode == 0, done.stderr
    _check_whole(data_dir, token, expected)
    return data_dir


def test_the_archive_takes_the_worker_process_path_and_every_phase_is_tried():
    assert ISSUES >= index_module.PARALLEL_THRESHOLD
    assert sorted(set(IMPORT_PHASES) | set(REINDEX_PHASES)) == sorted(PHASES)


@pytest.mark.parametrize("phase", IMPORT_PHASES)
def test_an_import_killed_at_any_phase_is_recovered_by_the_next_import(tmp_path, archive, phase):
    folder, expected = archive
    data_dir = tmp_path / "数据"
    token = uuid.uuid4().hex
    killed = _reader(data_dir, "import", "--json", str(folder), fault=phase, token=token)
    if phase == "worker-indexing":  # the worker died, not the importer: the batch fails in one line
        assert killed.returncode == 1, killed.stderr
        assert "nothing of this batch was indexed" in killed.stderr and "Traceback" not in killed.stderr
    else:
        assert killed.returncode == -signal.SIGKILL, killed.stderr
    before = _check_right_after_the_kill(data_dir, token, expected)

    again = _reader(data_dir, "import", "--json", "--wait", "0", str(folder), token=token)
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    reported = Counter(Path(item["path"]).name for item in report["imported"] + report["duplicates"])
    assert reported == Counter(list(expected)), "every file reported once, as imported or already present"
    after = _check_whole(data_dir, token, expected)
    FIGURES.append(f"import killed at {phase}: {before} -> recovered: {after}")


@pytest.mark.parametrize("phase", REINDEX_PHASES)
def test_a_rebuild_killed_at_any_phase_leaves_a_searchable_library_and_is_recovered(
    tmp_path, archive, imported_library, phase
):
    folder, expected = archive
    data_dir = tmp_path / "数据"
    shutil.copytree(imported_library, data_dir)
    token = uuid.uuid4().hex
    killed = _reader(data_dir, "reindex", fault=phase, token=token)
    if phase == "worker-indexing":
        assert killed.returncode == 1, killed.stderr
        assert "nothing of this batch was indexed" in killed.stderr and "Traceback" not in killed.stderr
    else:
        assert killed.returncode == -signal.SIGKILL, killed.stderr
    before = _check_right_after_the_kill(data_dir, token, expected)

    # Searches go on at once, before any writer has run: the old index, or the finished new one.
    name = sorted(expected)[7]
    searched = _reader(data_dir, "search", "--json", _phrase(name), token=token)
    assert searched.returncode == 0, searched.stderr
    assert [hit["issue"] for hit in json.loads(searched.stdout)["hits"]] == [expected[name][0]]

    again = _reader(data_dir, "import", "--json", "--wait", "0", str(folder), token=token)
    assert again.returncode == 0, again.stderr
    assert len(json.loads(again.stdout)["duplicates"]) == ISSUES
    after = _check_whole(data_dir, token, expected)
    FIGURES.append(f"reindex killed at {phase}: {before} -> recovered: {after}")
