"""Text of an issue -> Issue with articles, as a pipeline of small named steps.

1. `read_lines`: classify every line, joining hard-wrapped lines back into
   paragraphs and recognising page furniture (lines.py, wraps.py, furniture.py).
2. `normalize_gaps`: make blank-line gaps relative to the file's own habit.
3. `mark_running_heads`: headlines repeated as page furniture (jump heads).
4. `sets_articles_apart`: does the file put wider gaps between articles than
   between paragraphs?  Then a short line at a paragraph gap is an intertitle.
5. `Assembler`: walk the lines, opening an article at each headline, lead,
   byline or after a credit, rejoining paragraphs cut by column breaks, and
   resuming an article at its `(上接N版)` (assemble.py).
6. `finish`: captions, intertitles, signatures and each article's kind (kinds.py).
7. Publication and date: from the file name, a running head, else inferred
   from the text (metadata.py).

Invariant: every non-blank character of the input, except the `#` heading
marks the extractor added, ends up in an article or in `unassigned`.
`explain_text` returns each line with the role the parser gave it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.core.model import Issue
from reader.core.parsing.assemble import Assembler
from reader.core.parsing.credits import trailing_credit
from reader.core.parsing.furniture import compact
from reader.core.parsing.kinds import finish
from reader.core.parsing.lines import Line, LineKind, read_lines
from reader.core.parsing.metadata import infer_metadata, metadata_from_file_name, metadata_from_running_heads
from reader.core.parsing.version import PARSER_VERSION  # noqa: F401 (the parser's version, named here too)

#: Kinds of line that end a stretch of an article's text.
AFTER_TEXT = {LineKind.TEXT, LineKind.SIGNATURE, LineKind.CREDIT, LineKind.BULLET, LineKind.NOTICE_ITEM, LineKind.LEAD}
CREDIT_KINDS = {LineKind.SIGNATURE, LineKind.CREDIT}
OPENERS = {LineKind.LEAD, LineKind.BYLINE, LineKind.COMMENTATOR}
#: A repeated headline shorter than this may repeat by chance (`图片新闻`).
MIN_REPEATED_HEADLINE_CHARS = 8
#: How many earlier headlines a shortened jump head is compared with.
MAX_JUMP_HEAD_LOOKBACK = 400


def normalize_gaps(lines: list[Line]) -> None:
    """Rewrite gaps as 0 (same block), 1 (paragraph break) or 2 (photo or region break).

    What counts as a paragraph break is the most common gap of the file, so a
    file with every blank line doubled parses the same as the original.
    """
    counts = Counter(line.gap_before for line in lines[1:] if line.gap_before > 0)
    usual = counts.most_common(1)[0][0] if counts else 1
    for line in lines:
        if line.gap_before == 0:
            continue
        line.gap_before = 1 if line.gap_before <= usual else 2


def mark_running_heads(lines: list[Line]) -> dict[int, int]:
    """Lines that repeat an earlier headline as page furniture, each mapped to the headline it repeats.

    Page layouts repeat a headline above the rest of an article continued from
    another page (a jump head), together with the column slogan and byline of
    a neighbouring article.  A repeated headline line is furniture; slogans
    and bylines next to it are too when they also repeat earlier lines.
    """
    running: dict[int, int] = {}
    first_headline: dict[str, int] = {}
    recent: list[tuple[str, int]] = []
    for index, line in enumerate(lines):
        squeezed = compact(line.text)
        if line.kind is not LineKind.HEADLINE or len(squeezed) < MIN_REPEATED_HEADLINE_CHARS:
            continue
        earlier = first_headline.get(squeezed)
        if earlier is None and not _opens_report(lines, index):
            # A shortened repeat (`…强调` of `…强调 举全区之力…`), but not a headline over its own lead.
            earlier = next((at for text, at in reversed(recent) if squeezed in text), None)
        if earlier is not None:
            running[index] = earlier
        first_headline.setdefault(squeezed, index)
        recent = [*recent[-MAX_JUMP_HEAD_LOOKBACK + 1 :], (squeezed, index)]
    first_seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        first_seen.setdefault(compact(line.text), index)
    repeatable = (LineKind.SLOGAN, LineKind.BYLINE, LineKind.SIGNATURE)
    for index in sorted(running):
        for step in (1, -1):
            neighbour = index + step
            while 0 <= neighbour < len(lines) and lines[neighbour].kind in repeatable:
                if first_seen[compact(lines[neighbour].text)] >= neighbour:
                    break  # not printed before: the line itself, not a repeat
                running[neighbour] = running[index]
                neighbour += step
    return running


def _opens_report(lines: list[Line], index: int) -> bool:
    """The line under `index` is a lead: `index` is that report's headline."""
    return index + 1 < len(lines) and lines[index + 1].kind is LineKind.LEAD


def sets_articles_apart(lines: list[Line]) -> bool:
    """True when articles stand after a wider gap than paragraphs do.

    Many papers' text puts two or more blank lines between articles and one
    between paragraphs; in such a file a short line at a paragraph gap is an
    intertitle or a caption, not a new article.  The habit is read from the
    headlines that certainly open an article (a lead or byline follows, or a
    credit ends the text before), else from every headline after text.
    """
    certain, after_text = [], []
    for index, line in enumerate(lines[1:], start=1):
        previous = lines[index - 1]
        if line.kind is not LineKind.HEADLINE or previous.kind not in AFTER_TEXT or not line.gap_before:
            continue
        after_text.append(line.gap_before)
        following = next((later for later in lines[index + 1 : index + 4] if later.kind is not LineKind.HEADLINE), None)
        credited = previous.kind in CREDIT_KINDS or trailing_credit(previous.text) is not None
        if credited or (following is not None and following.kind in OPENERS):
            certain.append(line.gap_before)
    gaps = certain if len(certain) >= 2 else after_text
    return len(gaps) >= 2 and sum(gap >= 2 for gap in gaps) >= 0.6 * len(gaps)


@dataclass
class Parsed:
    """An issue with the classified lines it was assembled from (for --explain)."""

    issue: Issue
    lines: list[Line]


def parse_lines(text: str, source: str) -> Parsed:
    """Parse the decoded text of one issue file, keeping its classified lines."""
    issue = Issue(source=source)
    metadata_from_file_name(issue)
    lines = read_lines(text, issue.publication)
    normalize_gaps(lines)
    running_heads = mark_running_heads(lines)
    assembler = Assembler(lines, running_heads, sets_articles_apart(lines), page=issue.page)
    drafts, unassigned = assembler.run()
    issue.articles = [finish(draft) for draft in drafts]
    issue.unassigned = unassigned
    metadata_from_running_heads(issue, [line.text for line in lines if line.kind is LineKind.RUNNING_HEAD])
    infer_metadata(issue, text)
    return Parsed(issue, lines)


def parse_text(text: str, source: str) -> Issue:
    """Parse the decoded text of one issue file into an Issue."""
    return parse_lines(text, source).issue


def explain_text(text: str, source: str) -> list[tuple[int, str, str, str]]:
    """Every input line that holds text: (line number, role, deciding step, the line as printed)."""
    rows = []
    for line in parse_lines(text, source).lines:
        for offset, number in enumerate(line.numbers or (line.number,)):
            role = line.role or line.kind.value
            if offset:
                role = "body" if role not in ("headline", "caption") else role
                rows.append((number, f"{role} (wrap-joined)", "hard-wrapped line of the same paragraph", ""))
            else:
                rows.append((number, role, line.step or f"classified as {line.kind.value}", line.raw.strip()))
    text_lines = text.split("\n")
    return [(n, role, step, raw or text_lines[n - 1].strip()) for n, role, step, raw in rows]
