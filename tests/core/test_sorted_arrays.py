"""Set operations on sorted distinct arrays give what numpy's general ones give."""

from __future__ import annotations

import numpy as np
import pytest

from reader.core.search.sorted_arrays import contains, difference, distinct, intersect


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
    repeated = np.sort(rng.integers(0, 50, int(rng.integers(0, 200))))
    assert distinct(repeated).tolist() == np.unique(repeated).tolist()


def test_empty_arrays():
    empty = np.empty(0, dtype=np.int64)
    some = np.array([1, 5, 9])
    assert intersect(empty, some).tolist() == intersect(some, empty).tolist() == []
    assert difference(some, empty).tolist() == [1, 5, 9]
    assert contains(empty, some).tolist() == [False, False, False]
    assert distinct(empty).tolist() == []
