"""Where the reader left each issue read whole: the article and the place in the scroll, kept in the window's settings.

One settings value (JSON) for every issue, the most recent last, at most
KEPT issues: a reading room reads thousands over the years and the settings
file must stay small.  A place is a character position in the issue's
document, which the same issue typesets the same way whatever the text
size or theme (article_view.ArticlePane.reading_place).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

SETTING = "reading_positions"
#: Issues whose place is kept; the least recently read are forgotten first.
KEPT = 2000


class ReadingPositions:
    """Each issue's last (article, place), remembered across sessions."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings
        try:
            stored = json.loads(str(settings.value(SETTING, "{}") or "{}"))
        except ValueError:
            stored = {}
        self._places: dict[str, tuple[int, int]] = {
            issue: (int(value[0]), int(value[1]))
            for issue, value in (stored.items() if isinstance(stored, dict) else [])
            if isinstance(value, list) and len(value) == 2 and all(isinstance(part, int) for part in value)
        }

    def get(self, issue_id: str) -> tuple[int, int] | None:
        """(ordinal of the article, place in the issue's document) where the reader left the issue, or None."""
        return self._places.get(issue_id)

    def remember(self, issue_id: str, ordinal: int, place: int) -> None:
        self._places.pop(issue_id, None)
        self._places[issue_id] = (ordinal, place)
        while len(self._places) > KEPT:
            del self._places[next(iter(self._places))]

    def forget_all(self) -> None:
        """Forget every place (the reading room's reset for the next reader), in the settings too."""
        self._places.clear()
        self.save()

    def save(self) -> None:
        self.settings.setValue(SETTING, json.dumps({issue: list(place) for issue, place in self._places.items()}))
