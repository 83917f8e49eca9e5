"""Issue text shown as text, never as HTML, wherever Qt would guess.

Qt renders a tooltip, a QLabel's text and a message box's text as rich text
when they merely look like HTML (`Qt::mightBeRichText`): an issue whose text
holds `<b>` or `<img src="file:///…">` would be rendered, and load local
files.  Tooltips cannot be told their format, so they get the text escaped
inside a paragraph that keeps its line breaks; labels and message boxes are
set to plain text where they show anything that came from a file or the
reader's typing.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import Qt  # QtGui's Qt namespace has mightBeRichText


def text_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally, line breaks kept, long lines wrapped."""
    if not text:
        return ""
    return f'<p style="white-space: pre-wrap;">{escape(text, quote=False)}</p>'


def plain_message(text: str) -> str:
    """A message box text shown literally: escaped in a paragraph only where Qt would take it for HTML."""
    return text_tooltip(text) if Qt.mightBeRichText(text) else text
