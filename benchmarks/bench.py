"""Benchmark: import throughput against jieba alone, index size, search latency, memory.

    python benchmarks/bench.py [--issues 1000] [--json OUT.json]

Builds a deterministic synthetic archive of N issues from the seeds' articles
(headlines and paragraphs shuffled into new issues of seed-like size), imports
it with `reader import` in a child process into a temporary data dir, times
jieba alone on the same text, then runs a fixed query mix in a second child
process.  Peak memory is each child's maximum resident set size.
A script, not a test: these machines are shared and noisy, so quote medians
and ratios from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERY_MIX = [
    # words
    "疫情防控",
    "志愿者",
    "基层治理",
    "招商引资 企业",
    # phrases
    '"核酸检测采样"',
    '"全国文明城区"',
    '"区委副书记"',
    # fragments of 1-3 characters
    "碚",
    "渝",
    "疫苗接",
    "网格",
    # date filters and other syntax
    "疫情 date:2021-11",
    "文明 date:2020-01-01..2021-06-30",
    "疫苗 OR 核酸",
    "疫情 -核酸",
    "title:文明",
]
PUBLICATIONS = ["北碚报", "渝中报"]


def seed_articles() -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of every article of the bundled seeds."""
    from reader.config import seeds_dir
    from reader.core.parsing.decode import read_issue_file
    from reader.core.parsing.parse import parse_text

    articles = []
    for path in sorted(seeds_dir().glob("*.txt")):
        _, text, _ = read_issue_file(str(path))
        for article in parse_text(text, path.name).articles:
            if article.title and article.paragraphs:
                articles.append((article.title, list(article.paragraphs)))
    return articles


def build_archive(folder: Path, issues: int, seed: int) -> tuple[int, int, list[str]]:
    """Write `issues` synthetic issue files; return (bytes, characters, article texts)."""
    rng = random.Random(seed)
    pool = seed_articles()
    paragraphs = [p for _, body in pool for p in body]
    headlines = [title for title, _ in pool]
    total_bytes = total_chars = 0
    article_texts = []
    start = 737791  # 2021-01-01 as a proleptic ordinal
    from datetime import date

    for number in range(issues):
        publication = PUBLICATIONS[number % 2]
        day = date.fromordinal(start + (number * 3) % 1400)
        parts = []
        for _ in range(rng.randint(6, 9)):
            title = rng.choice(headlines)
            body = rng.sample(paragraphs, rng.randint(3, 7))
            parts.append(title)
            parts.extend(body)
            article_texts.append("\n".join([title, *body]))
        text = "\n\n".join(parts) + "\n"
        data = text.encode("utf-8")
        (folder / f"{publication}_{day.isoformat()}_{number:05d}.txt").write_bytes(data)
        total_bytes += len(data)
        total_chars += len(text)
    return total_bytes, total_chars, article_texts


def time_jieba(texts: list[str]) -> dict:
    """Seconds jieba alone needs to segment the texts (default mode and HMM off)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    timings = {}
    for label, hmm in (("jieba_default_s", True), ("jieba_no_hmm_s", False)):
        began = time.perf_counter()
        for text in texts:
            for line in text.split("\n"):
                jieba.lcut(line, HMM=hmm)
        timings[label] = time.perf_counter() - began
    return timings


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run_child(args: list[str], env: dict) -> tuple[float, int, str]:
    """Run a child process; return (seconds, its peak RSS in MB, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise SystemExit(f"child failed: {args}\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) // 1024, done.stdout


def search_worker(data_dir: str, repeats: int) -> None:
    """Child process: open the index, run the query mix, print JSON timings."""
    from reader.config import resolve_paths
    from reader.core.search.analysis import configure_jieba_cache, jieba_tokenizer
    from reader.core.search.searcher import Searcher

    paths = resolve_paths(data_dir)
    configure_jieba_cache(paths.jieba_cache_file)
    began = time.perf_counter()
    jieba_tokenizer()
    jieba_load = time.perf_counter() - began
    began = time.perf_counter()
    searcher = Searcher(paths.index_dir)
    open_index = time.perf_counter() - began
    latencies: dict[str, list[float]] = {query: [] for query in QUERY_MIX}
    totals = {}
    for query in QUERY_MIX:
        totals[query] = searcher.search(query, limit=20).total  # warm-up
    for _ in range(repeats):
        for query in QUERY_MIX:
            began = time.perf_counter()
            searcher.search(query, limit=20)
            latencies[query].append((time.perf_counter() - began) * 1000)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        json.dumps(
            {
                "jieba_load_s": jieba_load,
                "open_index_s": open_index,
                "latencies_ms": latencies,
                "totals": totals,
                "peak_rss_mb": peak_mb,
            }
        )
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20211109)
    parser.add_argument("--repeats", type=int, default=10, help="runs of the query mix")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--search-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.search_worker:
        search_worker(args.search_worker, args.repeats)
        return

    with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:
        scratch_dir = Path(scratch)
        archive, data_dir = scratch_dir / "archive", scratch_dir / "data"
        archive.mkdir()
        size, chars, texts = build_archive(archive, args.issues, args.seed)
        env = dict(os.environ, READER_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
        # Build jieba's dictionary cache first so that neither side pays for it.
        run_child([sys.executable, "-m", "reader", "search", "预热"], env)
        import_s, import_rss, _ = run_child([sys.executable, "-m", "reader", "import", str(archive)], env)
        jieba = time_jieba(texts)
        search_s, _, output = run_child(
            [sys.executable, str(Path(__file__)), "--search-worker", str(data_dir), "--repeats", str(args.repeats)], env
        )
        searched = json.loads(output)
        index_bytes = folder_size(data_dir / "index")

    all_latencies = [ms for values in searched["latencies_ms"].values() for ms in values]
    figures = {
        "issues": args.issues,
        "articles": len(texts),
        "archive_mb": size / 1e6,
        "archive_chars": chars,
        "import_s": import_s,
        "import_issues_per_s": args.issues / import_s,
        "import_mb_per_s": size / 1e6 / import_s,
        "jieba_default_s": jieba["jieba_default_s"],
        "jieba_no_hmm_s": jieba["jieba_no_hmm_s"],
        "import_over_jieba_default": import_s / jieba["jieba_default_s"],
        "import_over_jieba_no_hmm": import_s / jieba["jieba_no_hmm_s"],
        "index_mb": index_bytes / 1e6,
        "jieba_load_s": searched["jieba_load_s"],
        "open_index_s": searched["open_index_s"],
        "search_p50_ms": statistics.median(all_latencies),
        "search_p95_ms": percentile(all_latencies, 0.95),
        "search_max_ms": max(all_latencies),
        "per_query_p50_ms": {q: statistics.median(v) for q, v in searched["latencies_ms"].items()},
        "per_query_hits": searched["totals"],
        "import_peak_rss_mb": import_rss,
        "search_peak_rss_mb": searched["peak_rss_mb"],
    }
    rows = [
        ("issues / articles", f"{args.issues} / {len(texts)}"),
        ("archive", f"{size / 1e6:.1f} MB, {chars:,} characters"),
        ("import", f"{import_s:.1f} s  ({args.issues / import_s:.1f} issues/s, {size / 1e6 / import_s:.2f} MB/s)"),
        (
            "jieba alone (default, HMM)",
            f"{jieba['jieba_default_s']:.1f} s  -> import ratio {figures['import_over_jieba_default']:.2f}",
        ),
        (
            "jieba alone (HMM off)",
            f"{jieba['jieba_no_hmm_s']:.1f} s  -> import ratio {figures['import_over_jieba_no_hmm']:.2f}",
        ),
        ("index size", f"{index_bytes / 1e6:.1f} MB"),
        ("jieba load / open index", f"{searched['jieba_load_s']:.2f} s / {searched['open_index_s']:.3f} s"),
        (
            "search p50 / p95 / max",
            f"{figures['search_p50_ms']:.1f} / {figures['search_p95_ms']:.1f} / {figures['search_max_ms']:.1f} ms",
        ),
        ("peak RSS import / search", f"{import_rss} MB / {searched['peak_rss_mb']} MB"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    print("\nper query p50 (ms), hits:")
    for query, ms in figures["per_query_p50_ms"].items():
        print(f"  {query:<34} {ms:7.1f}  {searched['totals'][query]}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
