"""Benchmark: a big import with the spawn worker pool against the old fork MpWriter, and one process.

    python benchmarks/spawn_vs_fork.py [--issues 48] [--runs 5]

Writes `--issues` synthetic issues (bench.build_archive: enough to pass
index.PARALLEL_THRESHOLD) and imports them into a fresh data dir, once per
run and mode, each import in a fresh child process (jieba's cache already
built, so every mode loads it the same way); only `Library.import_paths` is
timed, and within it the indexing (`_store_batch`: storing the originals
and writing the index; the rest is reading and parsing, alike in every
mode).  Modes run interleaved, so load from other work on a shared machine
falls on all of them alike.  Prints the median of each and spawn / fork.

* spawn: the reader as it is (pooled_writer: `spawn` workers, own segments);
* fork: the path before it, rebuilt here: Whoosh's own PostingPool and
  flush swapped module-wide for the project's (as whoosh_tuning did on
  import), jieba loaded before forking, `ix.writer(procs=2, multisegment=True)`;
* single: one process (the writer small imports use).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

MODES = ("spawn", "fork", "single")


def _use_fork_mpwriter() -> None:
    """The old path: the module-wide swap, then Whoosh's forking MpWriter for big batches."""
    from whoosh import writing
    from whoosh.writing import SegmentWriter

    from reader.core.search import index
    from reader.core.search.jieba_loader import jieba_tokenizer
    from reader.core.search.whoosh27.flush import flush_segment
    from reader.core.search.whoosh27.pool import TermGroupedPool

    writing.PostingPool = TermGroupedPool
    SegmentWriter._flush_segment = flush_segment

    def open_writer(ix, expected_issues, cancelled=None):
        if expected_issues >= index.PARALLEL_THRESHOLD:
            jieba_tokenizer()  # shared with the forked workers
            return ix.writer(procs=2, multisegment=True, **index._WRITER_OPTIONS)
        return ix.writer(**index._WRITER_OPTIONS)

    index.open_writer = open_writer


def child(mode: str, data_dir: str, source: str) -> None:
    """Child process: import `source` into `data_dir` in `mode`; print the seconds as JSON."""
    from reader.config import resolve_paths
    from reader.core.library.library import Library
    from reader.core.search import index

    if mode == "fork":
        _use_fork_mpwriter()
    elif mode == "single":
        index.PARALLEL_THRESHOLD = 1 << 30
    library = Library(resolve_paths(data_dir))
    store_batch = library._store_batch
    indexing = []

    def timed_store_batch(*args, **kwargs):
        began = time.perf_counter()
        store_batch(*args, **kwargs)
        indexing.append(time.perf_counter() - began)

    library._store_batch = timed_store_batch
    began = time.perf_counter()
    report = library.import_paths([source])
    seconds = time.perf_counter() - began
    segments = len(library.index._segments())
    library.close()
    result = {"seconds": seconds, "indexing": sum(indexing), "imported": len(report.imported), "segments": segments}
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=48)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "DATA_DIR", "SOURCE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from bench import build_archive

    work = Path(tempfile.mkdtemp(prefix="spawn-vs-fork-"))
    try:
        source = work / "issues"
        source.mkdir()
        build_archive(source, args.issues, seed=11)
        cache = work / "warm" / "cache"
        subprocess.run([sys.executable, __file__, "--child", "single", str(work / "warm"), str(source)], check=True)
        times: dict[str, list[float]] = {mode: [] for mode in MODES}
        indexing: dict[str, list[float]] = {mode: [] for mode in MODES}
        for run in range(args.runs):
            for mode in MODES:
                data_dir = work / f"{mode}-{run}"
                shutil.copytree(cache, data_dir / "cache")  # jieba's cache, built once
                done = subprocess.run(
                    [sys.executable, __file__, "--child", mode, str(data_dir), str(source)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                result = json.loads(done.stdout.strip().splitlines()[-1])
                assert result["imported"] == args.issues, result
                times[mode].append(result["seconds"])
                indexing[mode].append(result["indexing"])
                shutil.rmtree(data_dir)
        medians = {mode: statistics.median(values) for mode, values in times.items()}
        indexing_medians = {mode: statistics.median(values) for mode, values in indexing.items()}
        for mode in MODES:
            runs = " ".join(f"{value:.2f}" for value in times[mode])
            print(
                f"{mode:6s} import median {medians[mode]:6.2f} s (of which indexing {indexing_medians[mode]:5.2f} s)"
                f"   runs: {runs}"
            )
        print(f"import:   spawn / fork = {medians['spawn'] / medians['fork']:.2f}   (target: at most 1.20)")
        print(f"indexing: spawn / fork = {indexing_medians['spawn'] / indexing_medians['fork']:.2f}")
        print(f"import:   spawn / single = {medians['spawn'] / medians['single']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
