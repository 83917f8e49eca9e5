"""How long `parse_text` takes: on the seeds (and the development corpus when it lies beside the
clone), and on large synthetic files that once made the parser quadratic.

    .venv/bin/python benchmarks/parse_speed.py [--repeats 20]

Prints the median milliseconds per file over the repeats, and seconds for each large file.
Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.parsing.decode import read_issue_file  # noqa: E402
from reader.core.parsing.parse import parse_text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "issues"
CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"


def _files() -> list[Path]:
    files = sorted((ROOT / "seeds").glob("*.txt"))
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.txt"))
    return files


def _sentence(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(CHARS) for _ in range(size))


def _large_files() -> dict[str, str]:
    rng = random.Random(1)
    return {
        "20,000 paragraphs of one article": "\n\n".join(_sentence(rng, 40) + "。" for _ in range(20000)),
        "20,000 unfinished lines (column breaks)": "\n\n".join(_sentence(rng, 30) + "," for _ in range(20000)),
        "10,000 headlines with leads": "\n\n".join(
            _sentence(rng, 12) + "\n\n本报讯 " + _sentence(rng, 40) + "。" for _ in range(10000)
        ),
        "200 lines of 5,000 characters": "\n\n".join(_sentence(rng, 5000) for _ in range(200)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    texts = [(path.name, read_issue_file(str(path))[1]) for path in _files()]
    rounds = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for name, text in texts:
            parse_text(text, name)
        rounds.append((time.perf_counter() - start) / len(texts))
    size = sum(len(text) for _, text in texts) / len(texts)
    print(
        f"{len(texts)} files, {size:.0f} characters on average: median {statistics.median(rounds) * 1000:.1f} ms a file"
    )
    for label, text in _large_files().items():
        start = time.perf_counter()
        parse_text(text, "large.txt")
        print(f"{label}: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
