"""Numbers read from the window's settings, which a librarian may edit by hand (window.ini)."""

from __future__ import annotations

import math

from PySide6.QtCore import QSettings

#: The longest interval a QTimer takes, in milliseconds.
MAX_TIMER_MS = 2**31 - 1


def number_setting(settings: QSettings, name: str, default: float) -> float:
    """The setting as a number, or `default` when it is missing or not a finite number ("10s", "")."""
    try:
        value = float(settings.value(name, default))
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) else default


def timer_ms(seconds: float, shortest_ms: int = 50) -> int:
    """A QTimer interval for `seconds`, kept within what QTimer takes."""
    return min(max(shortest_ms, int(seconds * 1000)), MAX_TIMER_MS)
