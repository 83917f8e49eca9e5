"""The reader's Back/Forward history: the articles the reader chose, in order.

Kept apart from the window so its rules are plain and tested without Qt:
only an article the reader chose enters it (a click, a hit, prev/next), a
second click on the article at hand does not add a visit, and going back
then choosing another article drops what lay ahead, as in a web browser.
Each visit keeps the search terms it was opened with, so that Back to an
article opened from a hit highlights them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A visit: (issue id, ordinal of the article, the search terms highlighted when it was opened from a hit).
Visit = tuple[str, int, tuple[str, ...]]


@dataclass
class History:
    """Visits, and where the reader stands among them (-1: nothing visited yet)."""

    entries: list[Visit] = field(default_factory=list)
    at: int = -1

    def visit(self, issue_id: str, ordinal: int, needles: tuple[str, ...]) -> None:
        """The reader chose this article: add it after the visit at hand (a repeat only updates its terms)."""
        if self.at >= 0 and self.entries[self.at][:2] == (issue_id, ordinal):  # a click and a double click
            self.entries[self.at] = (issue_id, ordinal, needles)
            return
        del self.entries[self.at + 1 :]
        self.entries.append((issue_id, ordinal, needles))
        self.at = len(self.entries) - 1

    def step(self, step: int) -> Visit | None:
        """Move back (-1) or forward (+1); None where there is nothing that way."""
        target = self.at + step
        if not 0 <= target < len(self.entries):
            return None
        self.at = target
        return self.entries[target]

    def can_go_back(self) -> bool:
        return self.at > 0

    def can_go_forward(self) -> bool:
        return self.at < len(self.entries) - 1

    def forget_needles(self) -> None:
        """The search was cleared: no visit highlights its terms any more."""
        self.entries = [(issue_id, ordinal, ()) for issue_id, ordinal, _needles in self.entries]

    def forget_issues(self, issue_ids: set[str]) -> None:
        """Removed issues leave the history; the reader keeps their place among the visits left.

        Standing on a visit that stays, the reader stays on it (Back and Forward
        lead where they did, less the removed); standing on one removed, on the
        visit before it.  A removal of issues never visited changes nothing.
        """
        before_at = [entry for entry in self.entries[: self.at] if entry[0] not in issue_ids]
        stays = 0 <= self.at < len(self.entries) and self.entries[self.at][0] not in issue_ids
        self.entries = [entry for entry in self.entries if entry[0] not in issue_ids]
        self.at = len(before_at) if stays else max(len(before_at) - 1, -1 if not self.entries else 0)

    def clear(self) -> None:
        """Nothing visited (the reading room's next reader)."""
        self.entries, self.at = [], -1
