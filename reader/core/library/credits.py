"""Who an issue credits: the articles of each reporter, counted once at import for the library's statistics."""

from __future__ import annotations

from collections import Counter

from reader.core.model import Issue

#: The name under which an issue's articles that credit no reporter are counted (notices, ads, most briefs).
UNCREDITED = ""


def issue_credits(issue: Issue) -> dict[str, int]:
    """Reporter -> the articles of `issue` that credit them; UNCREDITED -> those that credit no one.

    An article with two reporters counts for each; a name printed twice in one
    article counts once.  UNCREDITED is always present, 0 or more, so that the
    catalog can tell an issue counted from one imported before credits were kept.
    """
    counts: Counter[str] = Counter()
    uncredited = 0
    for article in issue.articles:
        names = {name.strip() for name in article.reporters if name and name.strip()}
        if names:
            counts.update(names)
        else:
            uncredited += 1
    credits = dict(counts)
    credits[UNCREDITED] = uncredited
    return credits
