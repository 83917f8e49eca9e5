"""Where the reader left each issue read whole: the article and the place in the scroll, kept in the window's settings.

One settings value (JSON) for every issue, the most recent last, at most
KEPT issues: a reading room reads thousands over the years and the settings
file must stay small.  Each is [open article, counted from, offset, article
counted in]: a character position in the article at the top of the view,
counted from its start or from its text after the header line
(article_view.ArticlePane.place_to_keep): the same issue typesets its
articles the same way whatever the text size, theme or language.  The
article counted in is left out when it is the open one, as it mostly is
(the version before kept no other kind, and still reads those).  Places
kept by earlier versions still read: without the article counted in, or a
position in the whole issue.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from reader.gui.article_view import ISSUE, KeptPlace

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
        self._places: dict[str, tuple[int, KeptPlace]] = {}
        for issue, value in stored.items() if isinstance(stored, dict) else []:
            if not isinstance(value, list) or not all(isinstance(part, int) for part in value):
                continue
            if len(value) in (3, 4):  # three: counted in the open article
                self._places[issue] = (value[0], KeptPlace(*value[1:]))
            elif len(value) == 2:  # an earlier version's: a position in the whole issue
                self._places[issue] = (value[0], KeptPlace(ISSUE, value[1]))

    def get(self, issue_id: str) -> tuple[int, KeptPlace] | None:
        """(ordinal of the open article, the place: place_to_keep) where the reader left the issue, or None."""
        return self._places.get(issue_id)

    def remember(self, issue_id: str, ordinal: int, place: KeptPlace) -> None:
        self._places.pop(issue_id, None)
        self._places[issue_id] = (ordinal, place)
        while len(self._places) > KEPT:
            del self._places[next(iter(self._places))]

    def forget_all(self) -> None:
        """Forget every place (the reading room's reset for the next reader), in the settings too."""
        self._places.clear()
        self.save()

    def save(self) -> None:
        kept = {issue: [ordinal, *_stored(place, ordinal)] for issue, (ordinal, place) in self._places.items()}
        self.settings.setValue(SETTING, json.dumps(kept))


def _stored(place: KeptPlace, open_article: int) -> list[int]:
    """The place as the setting keeps it after the open article: two numbers when it is counted in the open
    article (as the version before kept every place, which can then still read it), else three."""
    counted = [place.counted_from, place.offset]
    return counted if place.article in (None, open_article) else [*counted, place.article]
