"""Where the reader left each issue read whole: the article and the place in the scroll, kept in the window's settings.

One settings value (JSON) for every issue, the most recent last, at most
KEPT issues: a reading room reads thousands over the years and the settings
file must stay small.  A place is a character position in its article,
counted from the article's start or from its text after the header line
(article_view.ArticlePane.place_to_keep): the same issue typesets its
articles the same way whatever the text size, theme or language.  Places
kept by earlier versions (a position in the whole issue) still read.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from reader.gui.article_view import ISSUE

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
        self._places: dict[str, tuple[int, tuple[int, int]]] = {}
        for issue, value in stored.items() if isinstance(stored, dict) else []:
            if not isinstance(value, list) or not all(isinstance(part, int) for part in value):
                continue
            if len(value) == 3:
                self._places[issue] = (value[0], (value[1], value[2]))
            elif len(value) == 2:  # an earlier version's: a position in the whole issue
                self._places[issue] = (value[0], (ISSUE, value[1]))

    def get(self, issue_id: str) -> tuple[int, tuple[int, int]] | None:
        """(ordinal of the article, place in it: place_to_keep) where the reader left the issue, or None."""
        return self._places.get(issue_id)

    def remember(self, issue_id: str, ordinal: int, place: tuple[int, int]) -> None:
        self._places.pop(issue_id, None)
        self._places[issue_id] = (ordinal, place)
        while len(self._places) > KEPT:
            del self._places[next(iter(self._places))]

    def forget_all(self) -> None:
        """Forget every place (the reading room's reset for the next reader), in the settings too."""
        self._places.clear()
        self.save()

    def save(self) -> None:
        kept = {issue: [ordinal, *place] for issue, (ordinal, place) in self._places.items()}
        self.settings.setValue(SETTING, json.dumps(kept))
