"""The fence around Whoosh's internals: the only package that touches them.

The reader needs more from Whoosh than its public API gives: posting blocks
read as arrays (postings), field rows computed in one pass (fields), a
segment writer that pools and flushes a term at a time (pool, flush,
writer), a streaming segment merge (merging), and a writer whose segments
are written by other processes (subsegments).  All of it depends on private
names of the Whoosh 2.7 codec and writer, so it lives here, is written for
one exact version, and that version is checked (`check_whoosh_version`)
before an index is opened.  Nothing here changes Whoosh on import: the
project's writer is a subclass obtained from `writer.open_segment_writer`.
"""

from __future__ import annotations

import whoosh

from reader.core.errors import ErrorKind, ReaderError

#: The Whoosh (whoosh-reloaded) release this package was written and tested against.
WHOOSH_VERSION = (2, 7, 5)


def _dotted(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


def check_whoosh_version(installed: tuple[int, ...] | None = None) -> None:
    """Raise ReaderError(WHOOSH_VERSION) unless the installed Whoosh is the one this package fits.

    Another release may rename or reshape the private names used here; the
    index would then be written or read wrongly rather than fail, so the
    reader refuses to start instead.
    """
    installed = tuple(whoosh.__version__) if installed is None else tuple(installed)
    if installed[: len(WHOOSH_VERSION)] != WHOOSH_VERSION:
        raise ReaderError(ErrorKind.WHOOSH_VERSION, installed=_dotted(installed), required=_dotted(WHOOSH_VERSION))
