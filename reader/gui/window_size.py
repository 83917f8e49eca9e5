"""Where the window opens: inside the screen it opens on, whatever screen it was closed on.

A first window takes the usual size where the screen has room for it, and at
most nine tenths of a smaller screen (a 1366×768 laptop at 125 % scaling is
about 1093×614), centred.  A remembered window opens as it was when it fits
the screen; one remembered from a bigger or another monitor is shrunk and moved
into this one, so the status bar and the title bar are always on screen.

The rectangles are window frames (title bar and borders included), in the
screen's logical pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize

#: The first window's frame where the screen has room for it.
PREFERRED = QSize(1400, 900)
#: The most of a screen a first window takes.
SCREEN_SHARE = 0.9
#: The frame a window manager adds around a window not yet shown (its size is known only once shown).
ASSUMED_FRAME = QMargins(4, 32, 4, 4)


def first_frame(available: QRect) -> QRect:
    """The preferred size, or nine tenths of a smaller screen, centred in `available`."""
    size = PREFERRED.boundedTo(QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE)))
    frame = QRect(QPoint(0, 0), size)
    frame.moveCenter(available.center())
    return frame


def clamped_frame(available: QRect, frame: QRect) -> QRect:
    """`frame` made no bigger than `available` and moved the least way into it."""
    size = frame.size().boundedTo(available.size())
    left = min(max(frame.left(), available.left()), available.left() + available.width() - size.width())
    top = min(max(frame.top(), available.top()), available.top() + available.height() - size.height())
    return QRect(QPoint(left, top), size)


def window_frame(available: QRect, saved: QRect | None) -> QRect:
    """The frame to open the window with: `saved` (the remembered frame) if it fits, else fitted or a first one."""
    if saved is None or not saved.isValid():
        return first_frame(available)
    if available.contains(saved):
        return saved
    return clamped_frame(available, saved)
