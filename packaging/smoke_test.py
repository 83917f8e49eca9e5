"""Smoke test of the built program (dist/baokan-reader/), not of the Python package: does the folder work alone?

    python3 packaging/smoke_test.py [FOLDER] [--measure N]

Runs the folder's own `reader` from an empty working directory, with nothing
of the checkout or a venv on any path: `parse --json` of a sample issue,
`import --json` of the samples into a temporary library, `list --json`,
`search --json` of words the samples contain; `import --json` of a batch of
BATCH_ISSUES generated issues into another library, enough for the index's
worker process (spawned as this same program), each then found by its own
marker, with no process of the program left afterwards; then the window,
offscreen, on the samples' library and on an empty one (its first start imports the samples),
each closing itself after a while (READER_QUIT_AFTER_MS) as a user would, and
`reader-window` the same way.  Exit status 0 when all of it works.

`--measure N` then times N runs each of `reader --help`, `reader parse` and
the window coming up, and prints the medians.  Needs only Python's standard
library (CI runs it with the venv's Python, which the program does not use).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WINDOW_UP = "reader: window up"
#: Words of the sample issues (北碚报 2021-11 reports child vaccinations); each must find articles.
#: 北碚區 (traditional) finds the seeds' 北碚区: OpenCC's tables were bundled.
SEARCHES = ("疫苗", '"疫苗接种"', "碚", "北碚區")
TIMEOUT_S = 120
#: Issues imported at once: at least reader/core/search/index.py's PARALLEL_THRESHOLD (40), so the index
#: shares the batch with a worker process, which a built program starts as itself (multiprocessing spawn).
BATCH_ISSUES = 45
#: Appended to the text of each generated issue, NN its number: a string no sample contains, none part of another.
MARKER = "冒烟{:02d}号"
#: How long the program's processes (worker, resource tracker) get to be gone after the import returned.
EXIT_WAIT_S = 5.0


class SmokeFailure(Exception):
    """What the built program did wrong, in one line."""


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that would let the program find Python code outside its folder."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.pop("READER_DATA_DIR", None)
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def run(program: Path, *args: str, cwd: Path, expect: int = 0, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the built program; fail on another exit status or on a traceback."""
    done = subprocess.run(
        [str(program), *args],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_S,
    )
    shown = " ".join([program.name, *args])
    if done.returncode != expect or "Traceback" in done.stderr:
        raise SmokeFailure(f"{shown}: exit {done.returncode} (wanted {expect})\n{done.stderr[-3000:]}")
    return done


def run_json(program: Path, *args: str, cwd: Path) -> dict:
    """Run a `--json` subcommand and return its output."""
    done = run(program, *args, "--json", cwd=cwd)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise SmokeFailure(f"{program.name} {' '.join(args)}: not JSON ({error}): {done.stdout[:300]!r}") from None


def check(condition: bool, message: str) -> None:
    """Fail with `message` unless `condition`."""
    if not condition:
        raise SmokeFailure(message)


def window_until_up(program: Path, data_dir: Path, cwd: Path, close_after_ms: int) -> tuple[float, str]:
    """Open the window offscreen; return the seconds until it was up, and stderr. It closes itself."""
    started = time.monotonic()
    process = subprocess.Popen(
        [str(program), "--data-dir", str(data_dir)],
        cwd=cwd,
        env=clean_env(READER_QUIT_AFTER_MS=str(close_after_ms)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    up_after, lines = None, []
    try:
        for line in process.stderr:
            lines.append(line)
            if up_after is None and line.startswith(WINDOW_UP):
                up_after = time.monotonic() - started
        code = process.wait(timeout=TIMEOUT_S)
    finally:
        if process.poll() is None:
            process.kill()
    stderr = "".join(lines)
    check(code == 0 and "Traceback" not in stderr, f"{program.name} (window): exit {code}\n{stderr[-3000:]}")
    check(up_after is not None, f"{program.name} (window): never came up\n{stderr[-3000:]}")
    return up_after, stderr


def running_under(folder: Path) -> list[str]:
    """Command lines of the processes whose program is in `folder` (Linux: /proc; elsewhere none are seen)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().split(b"\0")
        except OSError:  # ended meanwhile
            continue
        if argv[0] and Path(os.fsdecode(argv[0])).is_relative_to(folder):
            found.append(f"{cmdline.parent.name}: {' '.join(os.fsdecode(arg) for arg in argv if arg)}")
    return found


def batch_import(reader: Path, folder: Path, seeds: list[Path], work: Path) -> None:
    """Import BATCH_ISSUES generated issues at once (the index's worker process) and find each by its marker."""
    threshold = re.search(
        r"^PARALLEL_THRESHOLD = (\d+)", (ROOT / "reader/core/search/index.py").read_text("utf-8"), re.M
    )
    check(threshold is not None and BATCH_ISSUES >= int(threshold[1]), "BATCH_ISSUES is below PARALLEL_THRESHOLD")
    started = time.monotonic()
    batch = work / "batch 报刊"
    batch.mkdir()
    markers = {}  # file name -> its marker
    for number in range(BATCH_ISSUES):
        text = seeds[number % len(seeds)].read_text(encoding="utf-8")
        marker = MARKER.format(number)
        check(marker not in text, f"{marker} is in a sample issue already")
        name = f"issue {number:02d}.txt"
        (batch / name).write_text(f"{text.rstrip()}本期{marker}。\n", encoding="utf-8")
        markers[name] = marker
    library = work / "batch library"
    imported = run_json(reader, "import", str(batch), "--data-dir", str(library), cwd=work)  # fails on a traceback
    ids = {Path(item["path"]).name: item["id"] for item in imported["imported"]}
    check(set(ids) == set(markers), f"batch import: {len(ids)} of {BATCH_ISSUES} imported: {str(imported)[:500]}")
    check(not imported["rejected"] and not imported["duplicates"], f"batch import: {str(imported)[:500]}")
    check(len(set(ids.values())) == BATCH_ISSUES, "batch import: issues with the same id")

    deadline = time.monotonic() + EXIT_WAIT_S
    while (left := running_under(folder)) and time.monotonic() < deadline:
        time.sleep(0.1)
    check(not left, "processes of the program still running after the batch import:\n" + "\n".join(left))
    took = time.monotonic() - started
    print(f"ok  import {BATCH_ISSUES} issues at once (the index's worker process) in {took:.1f} s, none left running")

    # One search for all the markers (OR) in one start rather than 45 starts of 2 s: each hit shows which marker
    # it matched, and each marker must be found exactly once, in its own issue.
    query = " OR ".join(markers.values())
    found = run_json(reader, "search", query, "--limit", str(2 * BATCH_ISSUES), "--data-dir", str(library), cwd=work)
    issues_of: dict[str, list[str]] = {}
    for hit in found["hits"]:
        matched = re.findall(r"«(冒烟\d+号)»", hit["snippet"])
        check(len(set(matched)) == 1, f"search of the markers: a hit matching {matched}: {hit['snippet'][-200:]}")
        issues_of.setdefault(matched[0], []).append(hit["issue"])
    for name, marker in markers.items():
        check(issues_of.get(marker) == [ids[name]], f"search {marker}: found {issues_of.get(marker)}, not {ids[name]}")
    check(found["total"] == BATCH_ISSUES, f"search of the markers: {found['total']} hits, not {BATCH_ISSUES}")
    # The first issues of a batch go to the worker: its first marker alone, as a person would search.
    first = next(iter(markers))
    alone = run_json(reader, "search", markers[first], "--data-dir", str(library), cwd=work)
    check([hit["issue"] for hit in alone["hits"]] == [ids[first]], f"search {markers[first]}: {str(alone)[:300]}")
    print(f"ok  search each of the {BATCH_ISSUES} markers: each finds exactly its issue")


def smoke(folder: Path, work: Path) -> None:
    """Every check; raises SmokeFailure at the first that fails."""
    reader, reader_window = folder / "reader", folder / "reader-window"
    if sys.platform == "win32":
        reader, reader_window = reader.with_suffix(".exe"), reader_window.with_suffix(".exe")
    check(reader.is_file() and reader_window.is_file(), f"{folder}: no reader / reader-window programs")
    seeds = sorted(SEEDS.glob("*.txt"))
    check(len(seeds) > 0, f"no sample issues in {SEEDS}")

    check("parse" in run(reader, "--help", cwd=work).stdout, "reader --help does not list parse")
    parsed = run_json(reader, "parse", str(seeds[0]), cwd=work)
    check(len(parsed["articles"]) > 0 and parsed["publication"], f"parse {seeds[0].name}: {str(parsed)[:300]}")
    print(f"ok  parse {seeds[0].name}: {parsed['publication']} {parsed['date']}, {len(parsed['articles'])} articles")

    library = work / "library 报刊"  # a space and Chinese in the path, as on a librarian's PC
    imported = run_json(reader, "import", str(SEEDS), "--data-dir", str(library), cwd=work)
    check(len(imported["imported"]) == len(seeds), f"import: {str(imported)[:500]}")
    check(not imported["rejected"], f"import rejected: {imported['rejected']}")
    listed = run_json(reader, "list", "--data-dir", str(library), cwd=work)
    check(len(listed["issues"]) == len(seeds), f"list after import: {len(listed['issues'])} issues")
    print(f"ok  import {len(seeds)} sample issues, list shows {len(listed['issues'])}")
    check((library / "cache" / "jieba.cache").is_file(), "jieba wrote no dictionary cache into the library")
    for query in SEARCHES:
        found = run_json(reader, "search", query, "--data-dir", str(library), cwd=work)
        check(found["total"] > 0 and found["hits"], f"search {query}: no hits")
        check("«" in found["hits"][0]["snippet"], f"search {query}: snippet without a marked match")
        print(f"ok  search {query}: {found['total']} articles, first: {found['hits'][0]['title']}")
    batch_import(reader, folder, seeds, work)

    up, _ = window_until_up(reader, library, work, close_after_ms=1000)
    print(f"ok  window on the library: up after {up:.1f} s, closed itself, exit 0")
    first_start = work / "first start"
    up, _ = window_until_up(reader, first_start, work, close_after_ms=8000)
    count = len(run_json(reader, "list", "--data-dir", str(first_start), cwd=work)["issues"])
    print(f"ok  window on an empty library: up after {up:.1f} s; {count} sample issues imported before closing")
    up, _ = window_until_up(reader_window, library, work, close_after_ms=0)
    print(f"ok  reader-window: up after {up:.1f} s, exit 0")


def measure(folder: Path, work: Path, runs: int) -> None:
    """Median wall times of the built program's starts."""
    reader = folder / ("reader.exe" if sys.platform == "win32" else "reader")
    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    library = work / "library 报刊"

    def timed(*args: str) -> float:
        started = time.monotonic()
        run(reader, *args, cwd=work)
        return time.monotonic() - started

    results = {
        "reader --help": [timed("--help") for _ in range(runs)],
        "reader parse SEED --json": [timed("parse", seed, "--json") for _ in range(runs)],
        "reader search 疫苗 --json": [
            timed("search", "疫苗", "--data-dir", str(library), "--json") for _ in range(runs)
        ],
        "window up (library of 5 issues)": [window_until_up(reader, library, work, 0)[0] for _ in range(runs)],
    }
    for name, times in results.items():
        shown = ", ".join(f"{value:.2f}" for value in times)
        print(f"time {name}: median {statistics.median(times):.2f} s of {runs} ({shown})")


def main() -> int:
    """Run the smoke test (and the measurements) on FOLDER; 0 when all passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "dist" / "baokan-reader"))
    parser.add_argument("--measure", type=int, default=0, metavar="N", help="also time N starts of each kind")
    args = parser.parse_args()
    folder = Path(args.folder).resolve()
    with tempfile.TemporaryDirectory(prefix="reader-smoke-") as temp:
        work = Path(temp)
        try:
            smoke(folder, work)
            if args.measure:
                measure(folder, work, args.measure)
        except (SmokeFailure, subprocess.TimeoutExpired) as failure:
            print(f"FAIL {failure}", file=sys.stderr)
            return 1
    print(f"smoke test of {folder}: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
