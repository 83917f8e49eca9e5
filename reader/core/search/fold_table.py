"""analysis.ONE_TO_ONE_FORMS as a numpy lookup table: a snippet's text folded in a few array operations.

Why: `str.translate` with a table of Python strings costs about 60 ns a
character, and every hit of a page folds its whole article (about a
thousand characters) to find what to mark: a millisecond a page.  The
same fold through an array indexed by code point is a tenth of that.
The array mirrors the table, which fills as characters are first seen;
characters outside the Basic Multilingual Plane (rare in a newspaper:
extension B ideographs) leave the text to `str.translate`.
"""

from __future__ import annotations

import numpy as np

from reader.core.search.analysis import ONE_TO_ONE_FORMS

_PLANE = 0x10000


class _FoldArray:
    """Each BMP code point's one-to-one searchable form, copied from ONE_TO_ONE_FORMS as characters turn up."""

    def __init__(self) -> None:
        self.forms = np.arange(_PLANE, dtype=np.uint32)  # uint32: some BMP characters fold outside it
        self.known = np.zeros(_PLANE, dtype=bool)
        self._copied = 0  # the table's size at the last copy_known

    def fold(self, text: str) -> str:
        try:
            codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
        except UnicodeEncodeError:  # a lone surrogate (text decoded with surrogateescape)
            return text.translate(ONE_TO_ONE_FORMS)
        if not len(codes) or int(codes.max()) >= _PLANE:
            return text.translate(ONE_TO_ONE_FORMS)
        unknown = codes[~self.known[codes]]
        if len(unknown):
            # (Not np.unique: its first call imports numpy.ma, 20 ms of a first search.)
            for code in set(unknown.tolist()):
                self.forms[code] = ord(ONE_TO_ONE_FORMS[code])  # one character: the table keeps offsets
                self.known[code] = True  # after its form: another thread sees the form once it sees this
        return self.forms[codes].tobytes().decode("utf-32-le")

    def copy_known(self) -> None:
        """Take every form the table holds already (after analysis.fill_han_forms: all common Han characters).

        Again only when the table has grown since: the window readies its
        searcher after every import (Searcher.prepare), and a copy is 10-20 ms.
        """
        if len(ONE_TO_ONE_FORMS) == self._copied:
            return
        items = list(ONE_TO_ONE_FORMS.items())
        self._copied = len(items)
        pairs = [(code, form) for code, form in items if code < _PLANE]
        if pairs:
            codes = np.fromiter((code for code, _ in pairs), dtype=np.int64, count=len(pairs))
            self.forms[codes] = np.fromiter((ord(form) for _, form in pairs), dtype=np.uint32, count=len(pairs))
            self.known[codes] = True


_TABLE = _FoldArray()


def fold_one_to_one(text: str) -> str:
    """`text.translate(ONE_TO_ONE_FORMS)`: the same characters, at the same offsets."""
    return _TABLE.fold(text)


def fill() -> None:
    """Copy the forms known now into the array (Searcher.prepare, after fill_han_forms): a first page's
    snippets would otherwise copy their characters one at a time."""
    _TABLE.copy_known()
