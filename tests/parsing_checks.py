"""Checks on parse output shared by the parser tests and the gold-standard scores."""

from __future__ import annotations

import re
from collections import Counter

from reader.core.model import Issue

HEADING_MARKS = re.compile(r"(?m)^[ \t]*#+[ \t]*")


def lost_characters(text: str, issue: Issue) -> Counter:
    """Non-blank input characters (heading marks aside) missing from the parse output."""
    wanted = Counter(ch for ch in HEADING_MARKS.sub("", text) if not ch.isspace())
    found: Counter = Counter()
    for article in issue.articles:
        for part in article.text_parts():
            found.update(ch for ch in part if not ch.isspace())
    for piece in issue.unassigned:
        found.update(ch for ch in piece if not ch.isspace())
    return wanted - found
