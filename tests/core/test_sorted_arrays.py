"""Set operations on sorted distinct arrays give what numpy's general ones give."""

from __future__ import annotations

import numpy as np
import pytest

from reader.core.search.sorted_arrays import contains, difference, distinct, intersect, lookup, union


def _sorted_distinct(rng, size, high):
    return np.unique(rng.integers(0, high, size)).astype(np.int64)


@pytest.mark.parametrize("seed", range(20))
def test_the_same_as_numpys_set_operations(seed):
    rng = np.random.default_rng(seed)
    first = _sorted_distinct(rng, int(rng.integers(0, 300)), 500)
    second = _sorted_distinct(rng, int(rng.integers(0, 300)), 500)
    assert intersect(first, second).tolist() == np.intersect1d(first, second).tolist()
    assert intersect(second, first).tolist() == np.intersect1d(first, second).tolist()
    assert difference(first, second).tolist() == np.setdiff1d(first, second).tolist()
    assert contains(first, second).tolist() == np.isin(second, first).tolist()
    assert union(first, second).tolist() == union(second, first).tolist() == np.union1d(first, second).tolist()
    places, found = lookup(first, second)
    assert found.tolist() == np.isin(second, first).tolist()
    assert first[places[found]].tolist() == second[found].tolist()
    repeated = np.sort(rng.integers(0, 50, int(rng.integers(0, 200))))
    assert distinct(repeated).tolist() == np.unique(repeated).tolist()


def test_empty_arrays():
    empty = np.empty(0, dtype=np.int64)
    some = np.array([1, 5, 9])
    assert intersect(empty, some).tolist() == intersect(some, empty).tolist() == []
    assert difference(some, empty).tolist() == [1, 5, 9]
    assert contains(empty, some).tolist() == [False, False, False]
    assert distinct(empty).tolist() == []
    assert union(empty, some).tolist() == union(some, empty).tolist() == [1, 5, 9]
    assert [part.tolist() for part in lookup(empty, some)] == [[0, 0, 0], [False, False, False]]


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("sizes", [(2_000, 2_500), (100, 5_000), (3_000, 40)])
def test_an_intersection_merged_or_looked_up_gives_the_same(seed, sizes, monkeypatch):
    """Arrays of like length are merged, a short one looked up in a long one: the same values, dtype kept."""
    from reader.core.search import sorted_arrays

    rng = np.random.default_rng(seed)
    first = _sorted_distinct(rng, sizes[0], 1 << 40)
    second = np.union1d(first[rng.random(len(first)) < 0.6], _sorted_distinct(rng, sizes[1], 1 << 40))
    expected = np.intersect1d(first, second).tolist()
    for ratio in (0, 16, 10**9):  # always looked up, the default, always merged
        monkeypatch.setattr(sorted_arrays, "LOOKUP_RATIO", ratio)
        found = intersect(first, second)
        assert found.tolist() == expected and found.dtype == np.int64
    ids = np.array([1, 4, 9], dtype=np.int32)
    assert intersect(ids, np.array([4, 9, 12], dtype=np.int32)).dtype == np.int32
