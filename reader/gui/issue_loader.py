"""Issues read and parsed on the reading thread, kept for the tree and the article pane.

Opening an article or expanding an issue in the tree needs the issue parsed
from its stored original: a file read (perhaps from a USB drive or a network
share) and a parse of a few milliseconds, both kept off the GUI thread.  An
issue is parsed once and kept while it is among the last `CACHED_ISSUES`
used; its article titles, which the tree needs and which are small, are kept
for every issue read.

A load requested while the same issue is already loading waits for that one.
An import adds issues and changes none, so what is kept stays true; after
`forget()` (issues corrected or removed), loads still under way deliver to
their callers but are not kept, so no stale issue is served later.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from reader.core.model import Issue
from reader.gui.jobs import JobRunner

CACHED_ISSUES = 32


def article_titles(issue: Issue) -> list[str]:
    """What the tree shows for each article: its title, else its kicker, else the start of its text."""
    return [
        article.title or article.kicker or (article.paragraphs[0][:24] if article.paragraphs else "")
        for article in issue.articles
    ]


class IssueLoader(QObject):
    """Load issues off the GUI thread and keep the recent ones.

    Signals:
        titles_ready(str, list): an issue was read; its id and its articles' titles (for the tree).
    """

    titles_ready = Signal(str, list)

    def __init__(self, load: Callable[[str], Issue], jobs: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._jobs = jobs
        self._issues: OrderedDict[str, Issue] = OrderedDict()
        self._titles: dict[str, list[str]] = {}
        #: Callers waiting for a load under way, by (generation, issue id).
        self._waiting: dict[tuple[int, str], list[tuple[Callable | None, Callable | None]]] = {}
        self._generation = 0

    def cached(self, issue_id: str) -> Issue | None:
        issue = self._issues.get(issue_id)
        if issue is not None:
            self._issues.move_to_end(issue_id)
        return issue

    def titles(self, issue_id: str) -> list[str] | None:
        """The articles' titles if the issue was read since the library last changed, else None."""
        return self._titles.get(issue_id)

    def load(
        self,
        issue_id: str,
        then: Callable[[Issue], None] | None = None,
        otherwise: Callable[[], None] | None = None,
    ) -> None:
        """Call `then(issue)` with the parsed issue: at once if it is kept, else once the reading thread read it.

        A failed read (the original gone, unreadable) is told in a message box, and `otherwise()` called.
        """
        issue = self.cached(issue_id)
        if issue is not None:
            if then:
                then(issue)
            return
        key = (self._generation, issue_id)
        waiting = self._waiting.get(key)
        if waiting is not None:
            waiting.append((then, otherwise))
            return
        self._waiting[key] = [(then, otherwise)]

        def loaded(issue: Issue) -> None:
            callbacks = self._waiting.pop(key, [])
            if key[0] == self._generation:
                self._keep(issue_id, issue)
                self.titles_ready.emit(issue_id, self._titles[issue_id])
            for on_loaded, _on_failed in callbacks:
                if on_loaded:
                    on_loaded(issue)

        def failed(error: Exception) -> None:
            callbacks = self._waiting.pop(key, [])
            self._jobs.show_error(error)
            for _on_loaded, on_failed in callbacks:
                if on_failed:
                    on_failed()

        self._jobs.start(self._jobs.reading, lambda job: self._load(issue_id), loaded, failed)

    def _keep(self, issue_id: str, issue: Issue) -> None:
        self._issues[issue_id] = issue
        self._titles[issue_id] = article_titles(issue)
        while len(self._issues) > CACHED_ISSUES:
            self._issues.popitem(last=False)

    def forget(self, issue_ids: Iterable[str]) -> None:
        """These issues changed (corrected, removed): read them anew; loads under way are not kept."""
        self._generation += 1
        for issue_id in issue_ids:
            self._issues.pop(issue_id, None)
            self._titles.pop(issue_id, None)
