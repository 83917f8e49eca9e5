"""Indexing big batches in `spawn` worker processes: same results, clean cancel and failure, no stray process."""

from __future__ import annotations

import multiprocessing
import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.config import resolve_paths
from reader.core.errors import ErrorKind, ReaderError
from reader.core.library.catalog import INDEXED
from reader.core.library.library import Library
from reader.core.search import index as index_module
from reader.core.search.index import indexed_issue_ids
from reader.core.search.pooled_writer import PROCESSES, PooledWriter
from reader.core.search.searcher import Searcher
from tests.conftest import SEED_FILES

from .index_dump import dump_index

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the process checks read /proc and use POSIX signals")

ISSUES = 12
#: Below ISSUES, so these tests' imports take the worker-process path (40 issues by default).
THRESHOLD = 4
QUERIES = ["碚", "疫情", '"核酸检测"', "文明 -城区", "title:北碚", "附记 OR 疫苗"]
ROOT = Path(__file__).resolve().parents[2]


def _write_issues(folder: Path, count: int = ISSUES) -> Path:
    """`count` distinct issue files: the seeds in turn, each with a numbered note of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        seed = SEED_FILES[number % len(SEED_FILES)]
        text = seed.read_text(encoding="utf-8") + f"\n\n本期附记\n这是第{number}号附记，供检索核对。\n"
        (folder / f"{seed.stem}_{number:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture
def pooled(monkeypatch):
    """Every batch of THRESHOLD issues or more goes to worker processes; the writers made are listed."""
    monkeypatch.setattr(index_module, "PARALLEL_THRESHOLD", THRESHOLD)
    writers: list[PooledWriter] = []
    original = PooledWriter.__init__

    def recording_init(self, *args, **kwargs):
        writers.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(PooledWriter, "__init__", recording_init)
    return writers


def _results(index_dir: Path) -> dict:
    searcher = Searcher(index_dir)
    try:
        results = {}
        for query in QUERIES:
            result = searcher.search(query, limit=None)
            results[query] = (result.total, [(h.issue, h.ordinal, h.score, h.snippet.marked()) for h in result.hits])
        return results
    finally:
        searcher.close()


def _assert_no_worker_left(writers: list[PooledWriter]) -> None:
    assert multiprocessing.active_children() == []
    pids = [pid for writer in writers for pid in writer.worker_pids()]
    assert pids and not any(_alive(pid) for pid in pids)


def _segment_files(index_dir: Path) -> list[str]:
    return sorted(path.name for path in index_dir.iterdir() if path.name.startswith("MAIN_") and "." in path.name)


@pytest.mark.slow
def test_an_import_by_worker_processes_finds_what_a_single_process_import_finds(tmp_path, monkeypatch, pooled):
    source = _write_issues(tmp_path / "来稿")
    single = Library(resolve_paths(tmp_path / "单进程"))
    monkeypatch.setattr(index_module, "PARALLEL_THRESHOLD", ISSUES + 1)
    assert len(single.import_paths([str(source)]).imported) == ISSUES
    single.close()
    monkeypatch.setattr(index_module, "PARALLEL_THRESHOLD", THRESHOLD)
    parallel = Library(resolve_paths(tmp_path / "多进程"))
    assert len(parallel.import_paths([str(source)]).imported) == ISSUES
    assert len(parallel.index._segments()) == PROCESSES and len(pooled) == 1  # one segment per process
    assert all(record.state == INDEXED for record in parallel.records())
    parallel.close()
    _assert_no_worker_left(pooled)

    single_results = _results(single.paths.index_dir)
    assert all(total for total, _ in single_results.values())
    assert _results(parallel.paths.index_dir) == single_results
    assert dump_index(index_module.open_index(parallel.paths.index_dir)) == dump_index(
        index_module.open_index(single.paths.index_dir)
    )


@pytest.mark.slow
def test_cancelling_while_workers_index_imports_nothing_of_the_batch_and_leaves_no_process(tmp_path, library, pooled):
    source = _write_issues(tmp_path / "来稿")
    asked_while_indexing = []

    def cancelled() -> bool:
        if multiprocessing.active_children():  # the workers are running
            asked_while_indexing.append(True)
        return len(asked_while_indexing) > 2  # after a few messages were sent to them

    report = library.import_paths([str(source)], cancelled=cancelled)
    assert report.cancelled and report.imported == []
    _assert_no_worker_left(pooled)
    assert library.records() == []
    assert not any(library.paths.originals_dir.rglob("*.txt"))
    assert indexed_issue_ids(library.index) == set()
    assert _segment_files(library.paths.index_dir) == []  # the workers' partial segments are gone

    again = library.import_paths([str(source)])  # the index's write lock was released
    assert len(again.imported) == ISSUES and not again.duplicates


@pytest.mark.slow
def test_a_worker_killed_mid_batch_fails_the_batch_without_hanging_and_repair_completes_it(
    tmp_path, library, pooled, monkeypatch
):
    source = _write_issues(tmp_path / "来稿")
    commit = PooledWriter.commit

    def commit_after_a_crash(self, *args, **kwargs):
        os.kill(self.worker_pids()[0], signal.SIGKILL)
        return commit(self, *args, **kwargs)

    monkeypatch.setattr(PooledWriter, "commit", commit_after_a_crash)
    with pytest.raises(ReaderError) as raised:
        library.import_paths([str(source)])
    assert raised.value.kind == ErrorKind.INDEXING_FAILED
    _assert_no_worker_left(pooled)
    assert indexed_issue_ids(library.index) == set()
    assert _segment_files(library.paths.index_dir) == []
    records = library.records()
    assert len(records) == ISSUES and not any(record.state == INDEXED for record in records)

    monkeypatch.setattr(PooledWriter, "commit", commit)
    assert len(library.repair().reindexed) == ISSUES  # pending, as after any interrupted import
    assert len(indexed_issue_ids(library.index)) == ISSUES


def _run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=ROOT, capture_output=True, text=True
    )


@pytest.mark.slow
def test_with_a_data_dir_the_workers_write_nothing_outside_it(tmp_path):
    source = _write_issues(tmp_path / "来稿")
    home = tmp_path / "home"
    temp = tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    data_dir = tmp_path / "便携"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "READER_"))}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local"))
    env.update(TMPDIR=str(temp), PYTHONDONTWRITEBYTECODE="1")
    done = _run_python(
        f"""
        import sys
        from reader.core.search import index
        index.PARALLEL_THRESHOLD = {THRESHOLD}
        from reader.cli import main
        sys.exit(main(["--data-dir", {str(data_dir)!r}, "import", {str(source)!r}]))
        """,
        env,
    )
    assert done.returncode == 0, done.stderr
    assert f"{ISSUES} imported" in done.stdout
    assert list(home.rglob("*")) == [] and list(temp.rglob("*")) == []
    assert (resolve_paths(data_dir).jieba_cache_file).is_file()  # jieba's cache went into the data dir


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="waits for the workers with a pidfd (Linux)")
def test_workers_die_with_their_parent(tmp_path):
    source = _write_issues(tmp_path / "来稿")
    done = _run_python(
        f"""
        import os, signal, sys
        from reader.config import resolve_paths
        from reader.core.library.library import Library
        from reader.core.search import index
        from reader.core.search.pooled_writer import PooledWriter
        index.PARALLEL_THRESHOLD = {THRESHOLD}

        def commit_and_die(self, *args, **kwargs):  # the workers are indexing: the parent is killed
            print(*self.worker_pids(), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

        PooledWriter.commit = commit_and_die
        Library(resolve_paths({str(tmp_path / "数据")!r})).import_paths([{str(source)!r}])
        """,
        dict(os.environ),
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    pids = [int(pid) for pid in done.stdout.split()]
    assert len(pids) == PROCESSES - 1
    for pid in pids:
        try:
            handle = os.pidfd_open(pid)
        except ProcessLookupError:
            continue  # already gone
        try:
            readable, _, _ = select.select([handle], [], [], 60)  # a guard against hanging, not a timing
        finally:
            os.close(handle)
        assert readable, f"worker {pid} outlived its parent"
