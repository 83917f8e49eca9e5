"""The parser against the hand-made gold standard (tests/gold/): per-seed scores and thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.model import Article, Issue
from reader.core.parsing.lines import LineKind, ends_sentence, read_lines
from tests.conftest import SEED_FILES
from tests.parsing_checks import lost_characters

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
THRESHOLDS = {
    "boundary precision": 0.95,
    "boundary recall": 0.95,
    "titles": 0.9,
    "kickers": 0.9,
    "subtitles": 0.9,
    "reporters": 0.9,
    "column breaks rejoined": 0.9,
    "paragraph ends kept": 0.9,
}
RUNNING_TEXT = {LineKind.TEXT, LineKind.LEAD, LineKind.BULLET, LineKind.NOTICE_ITEM}


def _gold(seed: str) -> dict:
    return json.loads((GOLD_DIR / seed.replace(".txt", ".json")).read_text(encoding="utf-8"))


def _fraction(hits: int, total: int) -> float:
    return 1.0 if total == 0 else hits / total


def _same_article(article: Article, gold: dict) -> bool:
    parts = article.text_parts()
    return bool(parts) and parts[0].startswith(gold["starts"]) and parts[-1].endswith(gold["ends"])


def score(issue: Issue, text: str, gold: dict) -> dict[str, float]:
    """Scores of one parsed issue against its gold standard (1.0 is perfect; `lost` counts characters)."""
    pairs = []
    for expected in gold["articles"]:
        found = next((a for a in issue.articles if _same_article(a, expected)), None)
        pairs.append((expected, found))
    matched = [(expected, found) for expected, found in pairs if found is not None]
    correct_parsed = sum(any(_same_article(a, g) for g in gold["articles"]) for a in issue.articles)

    def agreement(key: str, value=lambda article, key: getattr(article, key)) -> float:
        return _fraction(sum(value(found, key) == expected[key] for expected, found in matched), len(pairs))

    paragraphs = [part for article in issue.articles for part in article.text_parts()]
    breaks = gold["column_breaks"]
    rejoined = sum(any(before + after in part for part in paragraphs) for before, after in breaks)
    ends = [line.text for line in read_lines(text) if line.kind in RUNNING_TEXT and ends_sentence(line.text)]
    kept = sum(any(part.endswith(end) for part in paragraphs) for end in ends)
    cut = sum(any(part.endswith(end) for part in paragraphs) for end in gold["cut_ends"])
    captions = sum(
        [found.paragraphs[i] for i in found.caption_indexes] == expected["captions"] for expected, found in matched
    )
    return {
        "boundary precision": _fraction(correct_parsed, len(issue.articles)),
        "boundary recall": _fraction(len(matched), len(pairs)),
        "titles": agreement("title"),
        "kickers": agreement("kicker"),
        "subtitles": agreement("subtitle"),
        "reporters": agreement("reporters"),
        "kinds": agreement("kind"),
        "captions": _fraction(captions, len(pairs)),
        "column breaks rejoined": _fraction(rejoined, len(breaks)),
        "paragraph ends kept": _fraction(kept + cut, len(ends) + len(gold["cut_ends"])),
        "unassigned": _fraction(sum(line in issue.unassigned for line in gold["unassigned"]), len(gold["unassigned"])),
        "lost": float(sum(lost_characters(text, issue).values())),
    }


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    """The per-seed table, as quoted in notes."""
    names = list(next(iter(scores.values())))
    lines = ["gold-standard scores".ljust(24) + "".join(seed[:3].rjust(7) for seed in scores)]
    lines += [name.ljust(24) + "".join(f"{scores[seed][name]:7.2f}" for seed in scores) for name in names]
    return "\n".join(lines)


#: The table of the last run, printed at the end of the test session (tests/conftest.py).
REPORT: list[str] = []


@pytest.fixture(scope="module")
def scores(seed_issues, seed_texts):
    computed = {seed: score(seed_issues[seed], seed_texts[seed], _gold(seed)) for seed in sorted(seed_issues)}
    REPORT[:] = [format_scores(computed)]
    return computed


@pytest.mark.parametrize("seed", [path.name for path in SEED_FILES])
def test_scores_reach_the_thresholds(scores, seed):
    below = {name: round(scores[seed][name], 3) for name, floor in THRESHOLDS.items() if scores[seed][name] < floor}
    assert below == {}
    assert scores[seed]["lost"] == 0


@pytest.mark.parametrize("seed", [path.name for path in SEED_FILES])
def test_issue_metadata(seed_issues, seed):
    gold, issue = _gold(seed), seed_issues[seed]
    for key in ("publication", "publication_origin", "date", "date_precision", "date_origin"):
        assert getattr(issue, key) == gold[key], key
