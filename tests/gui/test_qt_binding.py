"""The Qt binding must not leak: a window used all day makes millions of calls into Qt."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_calls_into_qt_leave_none_alone():
    """PySide6 6.12.0 dropped a reference to None per void call; Python 3.11 then aborts after ~15,000."""
    target = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        target.setObjectName("报刊")
    assert sys.getrefcount(None) - before >= -100  # a few for Python's own bookkeeping, never one per call
