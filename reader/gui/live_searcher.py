"""The searcher the window searches with, and when it may open and must reopen.

The Searcher is opened on the search thread, never on the GUI thread, and
only once the start-up repair has made the index current (searching a
half-repaired index would miss articles).  Searching needs no jieba (ranking
finds a query's words in the index: query_words), so the window loads jieba's
dictionary (about a second and 90 MB) only when it imports.  After every write (import, correction, removal,
rebuild) the searcher reopens on the search thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import Stopped
from reader.gui.jobs import JobRunner

if TYPE_CHECKING:
    from reader.core.search.searcher import Searcher


class LiveSearcher:
    """Opens the searcher when the index is ready; reopens it when the library changed."""

    def __init__(self, index_dir: Path, jobs: JobRunner) -> None:
        self._index_dir = index_dir
        self._jobs = jobs
        self._searcher: Searcher | None = None
        #: Set once the index is current (the repair finished, or a write left it current); searches wait for it.
        self.index_ready = threading.Event()

    def get(self) -> Searcher:
        """The searcher; call only on the search thread (it may wait for the index to be ready)."""
        if self._searcher is None:
            self.index_ready.wait()
            if self._jobs.closing:
                raise Stopped()  # the window is closing
            # Imported here, on the search thread: numpy and the index reader are not the window's start-up.
            from reader.core.search.searcher import Searcher

            self._searcher = Searcher(self._index_dir)
        return self._searcher

    def warm_up(self) -> None:
        """Open the searcher and ready it (Searcher.prepare) in the background, ahead of the first search."""
        self._jobs.start(self._jobs.search, lambda job: self.get().prepare())

    def library_written(
        self, then: Callable[[], None] | None = None, on_failed: Callable[[Exception], None] | None = None
    ) -> None:
        """A write left the index current: reopen the searcher on the search thread, then `then()`.

        `on_failed` hears of a searcher that could not reopen (by default, a message box).
        """
        self.index_ready.set()
        self._jobs.start(self._jobs.search, lambda job: self._refresh(), lambda _r: then() if then else None, on_failed)

    def _refresh(self) -> None:
        searcher = self.get()
        searcher.refresh()
        searcher.prepare()  # the new view's length norms, before the reader's next search

    def let_go_of_files(self, timeout: float = 30.0) -> None:
        """Close the searcher on the search thread and wait for it (called on the writer thread before a swap).

        Windows cannot rename the index folder while the searcher holds its
        files open; the searcher opens again, on the new index, at the next search.
        """
        if self._searcher is None:
            return
        closed = threading.Event()

        def close() -> None:
            try:
                if self._searcher is not None:
                    self._searcher.close()
                    self._searcher = None
            finally:
                closed.set()

        self._jobs.search.start(close)
        closed.wait(timeout)

    def release_waiters(self) -> None:
        """The window is closing: a search waiting for the index gives up (it sees `closing`)."""
        self.index_ready.set()
