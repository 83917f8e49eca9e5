"""Property: every substring of every article is found by a quoted search for it, and
every hit of a quoted search contains the phrase (seeded sampling over all five seeds)."""

from __future__ import annotations

import random
import re

import pytest

from reader.config import resolve_paths
from reader.core.library.library import Library
from reader.core.search.searcher import Searcher

SAMPLES_PER_SEED = 40


@pytest.fixture(scope="module")
def corpus(seeded_data_dir):
    paths = resolve_paths(seeded_data_dir)
    library = Library(paths)
    articles = {}
    by_issue = {}
    for record in library.records():
        issue = library.load_issue(record.id)
        by_issue[record.id] = []
        for ordinal, article in enumerate(issue.articles):
            articles[(record.id, ordinal)] = article.text_parts()
            by_issue[record.id].append(ordinal)
    library.close()
    searcher = Searcher(paths.index_dir)
    yield articles, by_issue, searcher
    searcher.close()


def _normalise(text: str) -> str:
    """Runs of spaces as one; none between two Han characters (layout: 记者 熊辉 is 记者熊辉)."""
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", " ".join(text.split()))


def _contains(parts: list[str], phrase: str) -> bool:
    return any(phrase in _normalise(part) for part in parts)


def test_every_sampled_substring_is_found_and_every_hit_contains_it(corpus):
    articles, by_issue, searcher = corpus
    rng = random.Random(20211109)
    checked = 0
    for issue_id in sorted(by_issue):
        for _ in range(SAMPLES_PER_SEED):
            ordinal = rng.choice(by_issue[issue_id])
            parts = [p for p in articles[(issue_id, ordinal)] if p.strip()]
            part = _normalise(rng.choice(parts))
            length = rng.choice([1, 2, 3, 4, 6, 9, 15])
            start = rng.randrange(0, max(1, len(part) - length + 1))
            phrase = _normalise(part[start : start + length])
            if not phrase or '"' in phrase:
                continue
            hits = searcher.search(f'"{phrase}"', limit=None).hits
            found = {(hit.issue, hit.ordinal) for hit in hits}
            assert (issue_id, ordinal) in found, phrase
            for key in found:
                assert _contains(articles[key], phrase.casefold()) or _contains(
                    [p.casefold() for p in articles[key]], phrase.casefold()
                ), (phrase, key)
            checked += 1
    assert checked >= SAMPLES_PER_SEED * 4
