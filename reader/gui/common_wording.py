"""What the window calls a paper it cannot name and an issue without a date: one wording each.

An issue file may name no paper or no date (the parser found none, nobody
corrected it).  The issue tree, the calendar, the statistics, the search
facets, the import report, the removal dialog and the bookmarks all name
such issues; a librarian should meet one wording everywhere (in Chinese
未知报刊 and 未注明日期), and a translator translate it once.  Capitalised
as a label of its own (a tree node, a list entry), lower case inside a sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def unknown_publication(in_sentence: bool = False) -> str:
    """The label of issues whose paper is not known."""
    if in_sentence:
        return QCoreApplication.translate("CommonWording", "unknown publication")
    return QCoreApplication.translate("CommonWording", "Unknown publication")


def undated(in_sentence: bool = False) -> str:
    """The label of issues whose date is not known."""
    if in_sentence:
        return QCoreApplication.translate("CommonWording", "undated")
    return QCoreApplication.translate("CommonWording", "Undated")
