"""Markers of the core tests."""

from __future__ import annotations


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "slow: starts worker processes or child interpreters (seconds each); run in CI all the same"
    )
