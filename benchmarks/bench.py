"""Benchmark: import CPU against jieba alone, index size, search latency by kind of query, the window.

    python benchmarks/bench.py [--issues 1000] [--json OUT.json] [--keep DIR | --reuse DIR]

Builds a deterministic synthetic archive of N issues, imports it with
`reader import` in a child process into a fresh data dir, times jieba alone
on the same text, then measures in child processes:

* search, warm: one process with the index open runs a mix of queries in
  categories (1-char, words, long phrases, OR/NOT, title:, date:, zero hits,
  names); each query's first run (its terms never read before) and its
  repeated runs are reported apart, p50 / p95 / max per category;
* exactness: every quoted phrase of the mix is checked against a plain
  substring scan of every article's stored text (grep, in effect);
* search, whole process: `reader search Q --json` from a cold start, and
  `reader search --batch` over the whole mix (one process, `took_ms`);
* the window: seconds from launch to a shown window, and its resident
  memory after two searches.

The generator mixes vocabulary so that posting lists are not all the same
seed paragraphs: sentences of the seeds are shuffled across articles, and
synthetic names, places and numbers are woven in (with the space-padded
names PDF extraction leaves, 记者 童 茜).  `--keep DIR` keeps the archive and
the data dir there; `--reuse DIR` measures an archive kept so (no import).
A script, not a test: these machines are shared and noisy, so quote medians
and ratios from one run.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PUBLICATIONS = ["北碚报", "渝中报", "江北报", "沙坪坝报"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢熊童"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红娟建国志文斌辉茜婷雪琳晨宇浩然欣怡子涵梓轩思远佳琪"
PLACE_HEADS = "天生龙凤童家缙云澄江东阳蔡家歇马静观柳荫水土复兴三圣金刀峡施家梁朝阳北温泉"
PLACE_TAILS = ["镇", "街道", "村", "社区", "路", "小区", "工业园"]
TEMPLATES = [
    "{name}在{place}检查了{number}个点位。",
    "{place}今年新增就业岗位{number}个,{name}介绍说。",
    "截至{month}月底,{place}已完成{number}户改造。",
    "“我们会继续做好服务。”{place}负责人{name}说。",
    "{name}、{name2}等{number}名志愿者来到{place}。",
]

#: The query mix by category.  "long phrases" also gets phrases sampled from the archive itself.
QUERY_MIX = {
    "1-char": ["的", "碚", "渝", "疫", "镇"],
    "words": ["疫情防控", "志愿者", "基层治理", "招商引资 企业", "乡村振兴", "文明城区", "服务"],
    "long phrases": ['"核酸检测采样"', '"全国文明城区"', '"区委副书记"', "统筹推进基层治理", '"新冠病毒疫苗"'],
    "OR/NOT": ["疫苗 OR 核酸", '"志愿服务" OR "志愿者"', "疫情 -核酸", "文明 NOT 城区"],
    "title:": ["title:文明", "title:疫情 防控", "title:志愿"],
    "date:": ["疫情 date:2021-11", "文明 date:2020-01-01..2021-06-30", "date:2022-03", "服务 date:2021"],
    "zero hits": ["量子纠缠", '"北碚报社论专刊"', "乾隆皇帝", "欧阳锋"],
    "names": [],
}
SAMPLED_PHRASES = 8
#: Queries timed as whole processes (`reader search Q --json`), a cold start each.
PROCESS_QUERIES = ["量子纠缠", "碚", "疫情防控"]
PROCESS_RUNS = 5
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{6,12}")
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")


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


class Vocabulary:
    """Sentences of the seeds and synthetic names and places, drawn with one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        pool = seed_articles()
        self.headlines = [title for title, _ in pool]
        self.sentences = [s for _, body in pool for p in body for s in _SENTENCE.findall(p) if len(s) > 4]
        self.names = sorted({rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2))) for _ in range(3000)})
        self.places = sorted(
            {rng.choice(PLACE_HEADS) + rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS) for _ in range(1500)}
        )

    def synthetic_sentence(self) -> str:
        rng = self.rng
        return rng.choice(TEMPLATES).format(
            name=rng.choice(self.names),
            name2=rng.choice(self.names),
            place=rng.choice(self.places),
            number=rng.randint(2, 3000),
            month=rng.randint(1, 12),
        )

    def paragraph(self) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randint(2, 6)):
            parts.append(self.synthetic_sentence() if rng.random() < 0.3 else rng.choice(self.sentences))
        return "".join(parts)

    def byline(self) -> str:
        name = self.rng.choice(self.names)
        if len(name) == 2 and self.rng.random() < 0.5:
            name = name[0] + " " + name[1]  # PDF extraction pads two-character names
        return self.rng.choice([f"本报记者 {name}", f"记者 {name}", f"通讯员 {name}"])

    def headline(self) -> str:
        title = self.rng.choice(self.headlines)
        return self.rng.choice(self.places) + title[:8] if self.rng.random() < 0.2 else title


def build_archive(folder: Path, issues: int, seed: int) -> tuple[int, int, list[str]]:
    """Write `issues` synthetic issue files; return (bytes, characters, article texts)."""
    rng = random.Random(seed)
    words = Vocabulary(rng)
    total_bytes = total_chars = 0
    article_texts = []
    start = date(2020, 1, 1).toordinal()
    for number in range(issues):
        publication = PUBLICATIONS[number % len(PUBLICATIONS)]
        day = date.fromordinal(start + (number * 7 // len(PUBLICATIONS)) % 2500)
        parts = []
        for _ in range(rng.randint(6, 10)):
            title = words.headline()
            body = [words.byline()] + [words.paragraph() for _ in range(rng.randint(3, 7))]
            parts.append(title)
            parts.extend(body)
            article_texts.append("\n".join([title, *body]))
        text = "\n\n".join(parts) + "\n"
        data = text.encode("utf-8")
        (folder / f"{publication}_{day.isoformat()}_{number:05d}.txt").write_bytes(data)
        total_bytes += len(data)
        total_chars += len(text)
    return total_bytes, total_chars, article_texts


def query_mix(texts: list[str], seed: int) -> dict[str, list[str]]:
    """The fixed mix plus phrases and names sampled from the archive (a generator of their own: held out)."""
    rng = random.Random(seed + 1)
    mix = {category: list(queries) for category, queries in QUERY_MIX.items()}
    sampled: list[str] = []
    while len(sampled) < SAMPLED_PHRASES:
        runs = _CJK_RUN.findall(rng.choice(texts))
        if runs:
            run = rng.choice(runs)
            length = rng.randint(5, len(run))
            sampled.append(f'"{run[:length]}"')
    mix["long phrases"] += sampled
    byline = re.compile(r"^(?:本报)?记者 (\S \S|\S{2,3})$", re.M)  # the generator's bylines, padded names too
    names = sorted({match.group(1) for text in texts[:2000] for match in byline.finditer(text)})
    chosen = rng.sample(names, min(4, len(names)))
    mix["names"] = [f'"记者 {name}"' for name in chosen] + [f"记者{name}" for name in chosen[:2]]
    return mix


def time_jieba(texts: list[str]) -> dict:
    """CPU seconds jieba alone needs to segment the texts: line by line (default mode, and HMM off as
    indexed), and a whole article a call (HMM off), as the import calls it (jieba never joins characters
    across a line break, so the words are the same; a call a line took about a twentieth more, measured
    interleaved: in this one pass, run third, the difference is within the noise)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    timings = {}
    for label, hmm in (("jieba_default_cpu_s", True), ("jieba_no_hmm_cpu_s", False)):
        began = time.process_time()
        for text in texts:
            for line in text.split("\n"):
                jieba.lcut(line, HMM=hmm)
        timings[label] = time.process_time() - began
    began = time.process_time()
    for text in texts:
        jieba.lcut(text, HMM=False)
    timings["jieba_article_no_hmm_cpu_s"] = time.process_time() - began
    return timings


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def read_into_file_cache(folder: Path) -> None:
    """Read every file of `folder` once, so that searches find the index in the OS's file cache.

    "Warm" figures mean a warm cache, as after the first searches of a
    session: without this, a run that follows other work on the machine
    measured the disk instead (the same 1,000-issue index: first-run p50 33 ms
    cold, 11 ms warm).
    """
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                while handle.read(1 << 20):
                    pass


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_child(args: list[str], env: dict, stdin: str | None = None) -> tuple[float, float, str]:
    """Run a child process; return (wall seconds, CPU seconds of it and its own children, stdout)."""
    cpu_before = children_cpu()
    began = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, input=stdin)
    seconds = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise SystemExit(f"child failed: {args}\n{done.stderr}")
    return seconds, children_cpu() - cpu_before, done.stdout


def _grep_form(text: str) -> str:
    """What a reader's eye sees as the same text: NFKC, case-folded, runs of spaces as one, none between CJK."""
    text = unicodedata.normalize("NFKC", text).casefold()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", line) for line in lines)


def grep_counts(searcher, phrases: list[str]) -> dict[str, int]:
    """How many live articles contain each phrase, by a plain scan of their stored text."""
    forms = {phrase: _grep_form(phrase) for phrase in phrases}
    counts = dict.fromkeys(phrases, 0)
    reader = searcher._searcher.reader()
    for fields in reader.all_stored_fields():
        text = _grep_form(fields.get("text", ""))
        for phrase, form in forms.items():
            if form in text:
                counts[phrase] += 1
    return counts


def _quoted_phrase(query: str) -> str | None:
    """The phrase of a query that is exactly one quoted phrase, else None."""
    match = re.fullmatch(r'"([^"]+)"', query)
    return match.group(1) if match else None


def build_jieba_cache(data_dir: str) -> None:
    """Child process: jieba's dictionary cache in the data dir, as an import would make it (searching loads no jieba)."""
    from reader.config import resolve_paths
    from reader.core.search.jieba_loader import configure_jieba_cache, jieba_tokenizer

    configure_jieba_cache(resolve_paths(data_dir).jieba_cache_file)
    jieba_tokenizer()


def search_worker(data_dir: str, mix_file: str, repeats: int) -> None:
    """Child process: open the index, run the mix (first and repeated runs), check phrases, print JSON."""
    from reader.config import resolve_paths
    from reader.core.search.searcher import Searcher

    mix = json.loads(Path(mix_file).read_text(encoding="utf-8"))
    paths = resolve_paths(data_dir)
    began = time.perf_counter()
    searcher = Searcher(paths.index_dir)
    open_index = time.perf_counter() - began
    began = time.perf_counter()
    searcher.prepare()  # as the window does on its search thread once the searcher is open
    prepare = time.perf_counter() - began
    first: dict[str, float] = {}
    warm: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    for queries in mix.values():
        for query in queries:
            began = time.perf_counter()
            totals[query] = searcher.search(query, limit=20).total
            first[query] = (time.perf_counter() - began) * 1000
    for _ in range(repeats):
        for queries in mix.values():
            for query in queries:
                began = time.perf_counter()
                searcher.search(query, limit=20)
                warm.setdefault(query, []).append((time.perf_counter() - began) * 1000)
    peak_mb = _status_mb("VmHWM")  # this process's own peak: ru_maxrss would include the forking parent's
    phrases = {query: phrase for queries in mix.values() for query in queries if (phrase := _quoted_phrase(query))}
    grep = grep_counts(searcher, list(phrases.values()))
    exact = {query: {"search": totals[query], "grep": grep[phrase]} for query, phrase in phrases.items()}
    print(
        json.dumps(
            {
                "open_index_s": open_index,
                "prepare_s": prepare,
                "first_ms": first,
                "warm_ms": warm,
                "totals": totals,
                "exact": exact,
                "peak_rss_mb": peak_mb,
            }
        )
    )


def window_worker(data_dir: str, launched: float) -> None:
    """Child process: the window on the library; its resident memory after two searches (see window_visible)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.config import resolve_paths
    from reader.gui.app import run_window
    from reader.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    figures: dict = {}

    def shown() -> None:
        figures["visible_s"] = time.time() - launched
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        searches = iter(["疫情防控", '"志愿服务" OR 志愿者'])

        def next_search(_result=None) -> None:
            query = next(searches, None)
            if query is None:
                figures["rss_after_searches_mb"] = _rss_mb()
                window.close()
                return
            window.search_box.setText(query)
            window.searching.run()

        window.searching.search_done.connect(next_search)
        next_search()

    QTimer.singleShot(0, shown)  # runs once the event loop of run_window starts: the window is up
    QTimer.singleShot(300_000, app.closeAllWindows)
    run_window(resolve_paths(data_dir), language="zh_CN")
    print(json.dumps(figures))


def window_visible(env: dict) -> float:
    """Seconds from launching `reader` (as a user does) until its window is up and its event loop runs."""
    env = dict(env, QT_QPA_PLATFORM="offscreen", READER_QUIT_AFTER_MS="0")
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "reader"], env=env, stderr=subprocess.PIPE, text=True)
    up = None
    for line in child.stderr:
        if up is None and "window up" in line:
            up = time.perf_counter() - began
    child.wait(timeout=120)
    if up is None:
        raise SystemExit("the window never came up")
    return up


def _status_mb(name: str) -> float:
    """A memory figure of this process from /proc/self/status (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def spread(values: list[float]) -> dict:
    return {"p50": statistics.median(values), "p95": percentile(values, 0.95), "max": max(values), "n": len(values)}


#: Where --keep leaves the import's figures, for a later --reuse run to report with its own.
IMPORT_FIGURES = "import.json"


def measure(scratch: Path, args: argparse.Namespace, reuse: bool) -> dict:
    archive, data_dir = scratch / "archive", scratch / "data"
    env = dict(os.environ, READER_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    # Measured as installed: pip and the one-folder build bring the program compiled to bytecode, so a
    # launch does not compile its modules again.  A shell with PYTHONDONTWRITEBYTECODE would have every
    # `reader search` and window start here compile the whole program first (about 0.1-0.4 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(ROOT / "reader"), quiet=1)
    figures: dict = {"issues": args.issues}
    if reuse:
        texts = json.loads((scratch / "texts.json").read_text(encoding="utf-8"))
        size, chars = folder_size(archive), sum(map(len, texts))
        kept = scratch / IMPORT_FIGURES
        if kept.is_file():  # the import's figures, measured when the archive was kept
            figures.update(json.loads(kept.read_text(encoding="utf-8")), import_measured_when_kept=True)
    else:
        archive.mkdir(parents=True)
        size, chars, texts = build_archive(archive, args.issues, args.seed)
        (scratch / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        run_child([sys.executable, str(Path(__file__)), "--jieba-cache", str(data_dir)], env)  # for neither side
        wall, cpu, _ = run_child([sys.executable, "-m", "reader", "import", str(archive), "--wait", "0"], env)
        jieba = time_jieba(texts)
        figures.update(import_wall_s=wall, import_cpu_s=cpu, **jieba)
        figures["import_cpu_over_jieba_no_hmm"] = cpu / jieba["jieba_no_hmm_cpu_s"]
        figures["import_cpu_over_jieba_default"] = cpu / jieba["jieba_default_cpu_s"]
        figures["import_cpu_over_jieba_article"] = cpu / jieba["jieba_article_no_hmm_cpu_s"]
        imported = {key: value for key, value in figures.items() if key.startswith(("import_", "jieba_"))}
        (scratch / IMPORT_FIGURES).write_text(json.dumps(imported), encoding="utf-8")
    figures.update(articles=len(texts), archive_mb=size / 1e6, archive_chars=chars)
    figures["index_mb"] = folder_size(data_dir / "index") / 1e6
    mix = query_mix(texts, args.seed)
    mix_file = scratch / "mix.json"
    mix_file.write_text(json.dumps(mix, ensure_ascii=False), encoding="utf-8")

    read_into_file_cache(data_dir / "index")
    _, _, output = run_child(
        [
            sys.executable,
            str(Path(__file__)),
            "--search-worker",
            str(data_dir),
            str(mix_file),
            "--repeats",
            str(args.repeats),
        ],
        env,
    )
    searched = json.loads(output)
    figures["open_index_s"] = searched["open_index_s"]
    figures["prepare_s"] = searched["prepare_s"]
    figures["search_peak_rss_mb"] = searched["peak_rss_mb"]
    figures["totals"] = searched["totals"]
    figures["exact"] = searched["exact"]
    figures["first_by_category"] = {c: spread([searched["first_ms"][q] for q in qs]) for c, qs in mix.items() if qs}
    figures["warm_by_category"] = {
        c: spread([ms for q in qs for ms in searched["warm_ms"][q]]) for c, qs in mix.items() if qs
    }
    every_first = list(searched["first_ms"].values())
    every_warm = [ms for values in searched["warm_ms"].values() for ms in values]
    figures["first_all"] = spread(every_first)
    figures["warm_all"] = spread(every_warm)

    processes = {}
    for query in PROCESS_QUERIES:
        processes[query] = spread(
            [
                run_child([sys.executable, "-m", "reader", "search", query, "--json"], env)[0] * 1000
                for _ in range(PROCESS_RUNS)
            ]
        )
    figures["process_ms"] = processes
    lines = "\n".join(q for qs in mix.values() for q in qs) + "\n"
    wall, _, output = run_child([sys.executable, "-m", "reader", "search", "--batch"], env, stdin=lines)
    took = [json.loads(line)["took_ms"] for line in output.splitlines()]
    figures["batch"] = {"wall_s": wall, "queries": len(took), **spread(took)}

    if not args.skip_window:
        figures["window_visible_s"] = spread([window_visible(env) for _ in range(args.window_runs)])
        _, _, output = run_child([sys.executable, str(Path(__file__)), "--window-worker", str(data_dir), "0"], env)
        figures["window_rss_after_searches_mb"] = json.loads(output.strip().splitlines()[-1])["rss_after_searches_mb"]
    return figures


def report(figures: dict) -> None:
    rows = [("issues / articles", f"{figures['issues']} / {figures['articles']}")]
    rows.append(("archive", f"{figures['archive_mb']:.1f} MB, {figures['archive_chars']:,} characters"))
    if "import_cpu_s" in figures:
        when = " (when the archive was kept)" if figures.get("import_measured_when_kept") else ""
        rows.append(("import wall / CPU", f"{figures['import_wall_s']:.1f} s / {figures['import_cpu_s']:.1f} s{when}"))
        rows.append(
            (
                "jieba alone CPU (HMM off / default)",
                f"{figures['jieba_no_hmm_cpu_s']:.1f} s / {figures['jieba_default_cpu_s']:.1f} s  -> import CPU "
                f"x{figures['import_cpu_over_jieba_no_hmm']:.2f} / x{figures['import_cpu_over_jieba_default']:.2f}",
            )
        )
        if "jieba_article_no_hmm_cpu_s" in figures:  # results kept from before it was measured have none
            rows.append(
                (
                    "jieba alone CPU, an article a call",
                    f"{figures['jieba_article_no_hmm_cpu_s']:.1f} s  -> import CPU "
                    f"x{figures['import_cpu_over_jieba_article']:.2f}",
                )
            )
    rows.append(("index size", f"{figures['index_mb']:.1f} MB"))
    rows.append(("open index", f"{figures['open_index_s']:.3f} s"))
    if "prepare_s" in figures:  # results kept from before it was measured have none
        rows.append(("ready it (numpy, norms, dates)", f"{figures['prepare_s']:.3f} s"))
    for label, key in (("search warm, first run", "first_all"), ("search warm, repeated", "warm_all")):
        s = figures[key]
        rows.append((label, f"p50 {s['p50']:.1f} / p95 {s['p95']:.1f} / max {s['max']:.1f} ms"))
    batch = figures["batch"]
    rows.append(
        (
            "--batch (one process)",
            f"{batch['queries']} queries in {batch['wall_s']:.2f} s, p50 {batch['p50']:.1f} / p95 {batch['p95']:.1f} ms",
        )
    )
    for query, s in figures["process_ms"].items():
        rows.append((f"whole process: {query}", f"p50 {s['p50']:.0f} / p95 {s['p95']:.0f} ms"))
    if "window_visible_s" in figures:
        rows.append(("window visible", f"p50 {figures['window_visible_s']['p50']:.2f} s"))
        rows.append(("window RSS after 2 searches", f"{figures['window_rss_after_searches_mb']:.0f} MB"))
    rows.append(("search process peak RSS", f"{figures['search_peak_rss_mb']:.0f} MB"))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    print("\nby category (ms)            first run p50 / p95 / max     repeated p50 / p95 / max")
    for category, first in figures["first_by_category"].items():
        warm = figures["warm_by_category"][category]
        print(
            f"  {category:<14} {first['p50']:8.1f} {first['p95']:8.1f} {first['max']:8.1f}"
            f"      {warm['p50']:8.1f} {warm['p95']:8.1f} {warm['max']:8.1f}"
        )
    wrong = {q: e for q, e in figures["exact"].items() if e["search"] != e["grep"]}
    print(f"\nquoted phrases checked against a scan of every article: {len(figures['exact'])}, differing: {len(wrong)}")
    for query, counts in wrong.items():
        print(f"  {query}: search {counts['search']}, grep {counts['grep']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20211109)
    parser.add_argument("--repeats", type=int, default=5, help="repeated runs of the query mix")
    parser.add_argument("--window-runs", type=int, default=3)
    parser.add_argument("--skip-window", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    place = parser.add_mutually_exclusive_group()
    place.add_argument("--keep", type=Path, help="build the archive and data dir here and keep them")
    place.add_argument("--reuse", type=Path, help="measure an archive kept with --keep (no build, no import)")
    parser.add_argument("--search-worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--jieba-cache", help=argparse.SUPPRESS)
    parser.add_argument("--window-worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.search_worker:
        search_worker(*args.search_worker, args.repeats)
        return
    if args.jieba_cache:
        build_jieba_cache(args.jieba_cache)
        return
    if args.window_worker:
        window_worker(args.window_worker[0], float(args.window_worker[1]))
        return
    if args.reuse:
        figures = measure(args.reuse, args, reuse=True)
    elif args.keep:
        figures = measure(args.keep, args, reuse=False)
    else:
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:
            figures = measure(Path(scratch), args, reuse=False)
    report(figures)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
