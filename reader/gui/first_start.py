"""What a library's first start shows: the newest issue, and a welcome while the sample issues come in."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from reader.core.library.catalog import IssueRecord
from reader.gui.article_view import CJK_FONTS


def opening_issue(records: list[IssueRecord]) -> IssueRecord | None:
    """The issue to open when no article is remembered: the newest by date, issues without a date last.

    Dates are ISO (`2021-11-09`, or `2021-11` for a month), so they sort as
    text; among issues of one date, or without one, the last imported wins.
    """
    if not records:
        return None
    return max(records, key=lambda record: (record.shown_date is not None, record.shown_date or "", record.imported_at))


def welcome_html(importing_samples: bool) -> str:
    """A short welcome for the empty article pane: what the reader is, and how issues get into it."""
    translate = QCoreApplication.translate  # literal calls, so that lupdate finds the texts
    paragraphs = [
        translate(
            "Welcome",
            "Read and search archives of digitized local newspapers. The issues are listed on the left by "
            "publication, year and month; an article is read here; search hits (Ctrl+F) are listed on the right.",
        )
    ]
    if importing_samples:
        paragraphs.append(
            translate(
                "Welcome",
                "The sample issues that come with the reader are being imported now; the newest of them "
                "opens here when they are ready.",
            )
        )
    paragraphs.append(
        translate(
            "Welcome",
            "To add your own issue files (.txt): drag files or folders onto this window, choose File → Import "
            "Files… or Import Folder…, or copy them into the inbox folder (File → Open Inbox Folder), which is "
            "watched while the reader is open.",
        )
    )
    title = escape(translate("Welcome", "Welcome to the Newspaper Reader"))
    body = "".join(f'<p style="line-height: 160%; margin-top: 0.8em;">{escape(text)}</p>' for text in paragraphs)
    return (
        f'<html><body style="font-family: {CJK_FONTS};">'
        f'<p style="font-size: 150%; font-weight: bold;">{title}</p>{body}</body></html>'
    )
