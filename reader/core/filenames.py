"""File names as text that can be stored and shown, whatever bytes the file system gave.

On Linux a file name is bytes; Python hands undecodable ones over as lone
surrogates (os.fsdecode's surrogateescape), which SQLite, JSON output and Qt
cannot take: SQLite raises, Qt silently drops them, and the file appears
under a name it does not have.  A name may also hold control characters
(an escape sequence recolours the terminal of `reader list`).  Both are
shown escaped, the way Python writes them (`\\xff`, `\\x1b`), so a librarian
can still tell which file is meant.
"""

from __future__ import annotations

import os
import re

#: Lone surrogates: undecodable bytes smuggled through surrogateescape (U+DC80-U+DCFF), or broken UTF-16.
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Characters a terminal or a text widget acts on instead of showing: C0/C1 controls, DEL,
#: line and paragraph separators, and the bidirectional overrides that reorder a line.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # the byte surrogateescape stood in for
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def storable_name(name: str | bytes | os.PathLike) -> str:
    """The name as valid text (for the catalog and JSON): undecodable bytes written as `\\xNN`."""
    return _SURROGATES.sub(_escape, os.fsdecode(name))


def printable_name(name: str | bytes | os.PathLike) -> str:
    """The name as a terminal or a window should show it: undecodable bytes and control characters escaped."""
    return _UNPRINTABLE.sub(_escape, storable_name(name))
