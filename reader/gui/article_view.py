"""The article pane: an article typeset for reading Chinese, with search matches marked.

The match that F3 / Shift+F3 stepped to is marked apart (an extra selection in
a stronger color), and a change of text size or theme sets the article again
where the reader was in it.

Every piece of article text goes through `html.escape` before it reaches the
document, and the browser follows no links and loads no resources, so a file
containing `<img src=...>` or `<a href=...>` shows exactly those characters.
"""

from __future__ import annotations

from bisect import bisect_right
from html import escape
from typing import NamedTuple

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QColor, QFontMetrics, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.core.reading import CAPTION, INTERTITLE, SIGNATURE, ArticleView
from reader.core.search.snippets import find_matches

CJK_FONTS = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', 'Noto Sans CJK SC', serif"
#: "mark" is every match, "current" the one F3 stepped to (with "current_text" on it).
THEMES = {
    "light": {
        "text": "#1f1f1f",
        "muted": "#6b6b6b",
        "mark": "#ffe28a",
        "current": "#ff9500",
        "current_text": "#000000",
        "rule": "#d8d2c4",
        "background": "#fbf8f1",
    },
    "dark": {
        "text": "#e6e1d6",
        "muted": "#a09a8e",
        "mark": "#7a5d00",
        "current": "#ffb224",
        "current_text": "#000000",
        "rule": "#4a463f",
        "background": "#22211f",
    },
}
MATCH_ANCHOR = "match-"


def _marked(text: str, needles: list[str], match_lengths: list[int]) -> str:
    """Escaped text with every match wrapped in a highlight and numbered anchor (lengths noted in order)."""
    spans = find_matches(text, needles) if needles else []
    pieces, last = [], 0
    for start, end in spans:
        pieces.append(escape(text[last:start]))
        anchor = f'<a name="{MATCH_ANCHOR}{len(match_lengths)}"></a>'
        pieces.append(f'{anchor}<span class="mark">{escape(text[start:end])}</span>')
        match_lengths.append(end - start)
        last = end
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def _style(theme: str, indent_px: int) -> str:
    colors = THEMES.get(theme, THEMES["light"])
    return (
        "<html><head><style>"
        f"body {{ color: {colors['text']}; font-family: {CJK_FONTS}; }}"
        f".kicker {{ color: {colors['muted']}; font-size: 95%; }}"
        ".title { font-size: 170%; font-weight: bold; }"
        f".subtitle {{ font-size: 115%; color: {colors['muted']}; }}"
        f".meta {{ color: {colors['muted']}; font-size: 90%; }}"
        f"p.body {{ text-indent: {indent_px}px; line-height: 180%; margin-top: 0.5em; }}"
        f"p.caption {{ color: {colors['muted']}; font-size: 90%; margin-left: {indent_px}px; }}"
        "p.intertitle { font-weight: bold; margin-top: 1em; }"
        "p.signature { text-align: right; }"
        f".mark {{ background-color: {colors['mark']}; }}"
        f"hr.article {{ color: {colors['rule']}; }}"
        "</style></head><body>"
    )


def _article_body(
    view: ArticleView, needles: list[str], match_lengths: list[int], meta_labels: dict[str, str], position: bool
) -> list[str]:
    """One article's paragraphs (header line, byline, blocks), its matches numbered on from `match_lengths`."""
    parts = []
    if view.kicker:
        parts.append(f'<p class="kicker">{_marked(view.kicker, needles, match_lengths)}</p>')
    if view.title:
        parts.append(f'<p class="title">{_marked(view.title, needles, match_lengths)}</p>')
    if view.subtitle:
        parts.append(f'<p class="subtitle">{_marked(view.subtitle, needles, match_lengths)}</p>')
    meta = [value for value in (view.publication, view.date) if value]
    if view.page:
        meta.append(meta_labels["page"].replace("%1", view.page))
    if view.reporters:
        meta.append(meta_labels["reporters"].replace("%1", "、".join(view.reporters)))
    if position:
        meta.append(meta_labels["position"].replace("%1", str(view.ordinal + 1)).replace("%2", str(view.count)))
    parts.append(f'<p class="meta">{escape(" · ".join(meta))}</p><hr/>')
    if view.byline:
        parts.append(f'<p class="meta">{_marked(view.byline, needles, match_lengths)}</p>')
    classes = {CAPTION: "caption", INTERTITLE: "intertitle", SIGNATURE: "signature"}
    for block in view.blocks:
        parts.append(f'<p class="{classes.get(block.role, "body")}">{_marked(block.text, needles, match_lengths)}</p>')
    return parts


def article_html(
    view: ArticleView,
    needles: list[str],
    theme: str,
    meta_labels: dict[str, str],
    indent_px: int = 30,
    position: bool = True,
) -> tuple[str, list[int]]:
    """The article as HTML, and the length of each match it marks, in order.

    `indent_px` is the width of two characters: Qt's rich text ignores
    `text-indent` given in em, so the pane measures its own font.
    `position`: the header line says which article of the issue it is (on
    screen; a printout leaves it out).
    """
    match_lengths: list[int] = []
    parts = [_style(theme, indent_px), *_article_body(view, needles, match_lengths, meta_labels, position)]
    parts.append("</body></html>")
    return "".join(parts), match_lengths


#: The anchor at the start of each article of an issue shown whole: ARTICLE_ANCHOR + its ordinal.
ARTICLE_ANCHOR = "article-"
#: The anchor where an article's text starts, after its header line: BODY_ANCHOR + its ordinal.
BODY_ANCHOR = "body-"
#: What a kept reading place (ArticlePane.place_to_keep) counts from: the start of the article at the top
#: of the view (the top is in its kicker or title), that article's text after its header line, or the whole
#: issue's start (places kept by earlier versions).  Not the whole issue: the header lines say the paper,
#: the date and "article 3 of 9" in the interface language, so a place counted from the issue's start
#: drifted when the language or a corrected date changed the lines above it.
HEAD, BODY, ISSUE = 0, 1, 2


class KeptPlace(NamedTuple):
    """A reading place that survives the header lines' changes: `offset` characters from `counted_from`
    (HEAD, BODY or ISSUE) of article `article`.

    The article is the one at the top of the view, which need not be the open
    one: a short last article never reaches the top, and counted from the open
    one the place would lie back across the header line above it.  None: the
    open article (places kept before the article was kept with them).
    """

    counted_from: int
    offset: int
    article: int | None = None


def issue_html(
    views: list[ArticleView], needles: list[str], theme: str, meta_labels: dict[str, str], indent_px: int = 30
) -> tuple[str, list[int]]:
    """Every article of an issue, in order, each after an anchor (ARTICLE_ANCHOR), and the matches' lengths."""
    match_lengths: list[int] = []
    parts = [_style(theme, indent_px)]
    for number, view in enumerate(views):
        if number:
            parts.append('<hr class="article"/><p>&nbsp;</p>')
        body = _article_body(view, needles, match_lengths, meta_labels, position=True)
        # Inside a paragraph: Qt drops an empty anchor that stands before one.
        body[0] = _anchored(body[0], f"{ARTICLE_ANCHOR}{view.ordinal}")
        text_starts = next(number for number, part in enumerate(body) if part.endswith("<hr/>")) + 1
        if text_starts < len(body):
            body[text_starts] = _anchored(body[text_starts], f"{BODY_ANCHOR}{view.ordinal}")
        parts += body
    parts.append("</body></html>")
    return "".join(parts), match_lengths


def _anchored(paragraph: str, name: str) -> str:
    """The paragraph's HTML with an anchor at the start of its text."""
    opening = paragraph.index(">") + 1
    return f'{paragraph[:opening]}<a name="{name}"></a>{paragraph[opening:]}'


def anchor_positions(document: QTextDocument) -> dict[str, int]:
    """Where each named anchor of a document starts (Qt puts the name on the character after it)."""
    positions: dict[str, int] = {}
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            for name in fragment.charFormat().anchorNames():
                positions.setdefault(name, fragment.position())
            fragments += 1
        block = block.next()
    return positions


class ArticlePane(QTextBrowser):
    """Shows one article, or a whole issue as one scroll; steps through search matches, marking the current one apart.

    Attributes:
        view: the article shown, or in a whole issue the one at the top of the view (None before the first).
        views: every article of the issue shown whole, else None.

    Signals:
        match_changed(int, int): current match (from 1) and matches in all.
        article_in_view(int): in a whole issue, another article reached the top of the view (its ordinal).
    """

    match_changed = Signal(int, int)
    article_in_view = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.view: ArticleView | None = None
        self._needles: list[str] = []
        self._meta_labels: dict[str, str] = {}
        self._theme = "light"
        self._matches: list[tuple[int, int]] = []  # (start, end) in the document, in reading order
        self._current = -1
        #: The place last returned to and the scroll value then; reused while the reader has not scrolled.
        self._returned_to: tuple[tuple[int, int], int] | None = None
        self.views: list[ArticleView] | None = None
        #: In a whole issue: where each article starts in the document, in order, and the ordinals.
        self._article_starts: list[int] = []
        self._text_starts: dict[int, int] = {}  # where each article's text starts, after its header line
        self._article_ordinals: list[int] = []
        #: The pane is scrolling itself (a new text, a place, an article or a match asked for): not the reader.
        self._self_scrolling = False
        self.verticalScrollBar().valueChanged.connect(self._follow_scroll)

    def loadResource(self, kind, url):  # noqa: N802 - Qt override
        """Load nothing: article text may name images or files, and none is ever opened."""
        return None

    def set_appearance(self, theme: str, font_size: int) -> None:
        """Colors and text size; the open article is set again with the same text at the top."""
        place = self._reading_place()
        self._theme = theme
        colors = THEMES[theme]
        self.setStyleSheet(
            f"QTextBrowser {{ background: {colors['background']}; color: {colors['text']}; "
            f"font-size: {font_size}pt; padding: 12px 28px; }}"
        )
        if self.view is not None:
            self._render()
            self._return_to(place)

    @property
    def meta_labels(self) -> dict[str, str]:
        """The words of the header line of the article shown ("page %1"...), in the interface language."""
        return dict(self._meta_labels)

    def show_article(self, view: ArticleView, needles: list[str], meta_labels: dict[str, str]) -> None:
        """A newly opened article: at its first match when `needles` mark any, else at its top."""
        self.views = None
        self.view, self._needles, self._meta_labels = view, list(needles), meta_labels
        self._current, self._returned_to = -1, None
        self._render()
        if self._matches:
            self.step_match(1)
        else:
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.match_changed.emit(0, 0)

    def show_issue(
        self,
        views: list[ArticleView],
        ordinal: int,
        needles: list[str],
        meta_labels: dict[str, str],
        place: KeptPlace | None = None,
    ) -> None:
        """A whole issue as one scroll: at article `ordinal` (its first match when `needles` mark any there
        or after it), or at `place` in it, a reading position (place_to_keep) remembered from before."""
        self.views = list(views)
        self.view, self._needles, self._meta_labels = self.views[ordinal], list(needles), meta_labels
        self._current, self._returned_to = -1, None
        self._render()
        if place is not None:
            self._return_to((self._position_of(ordinal, place), 0))
        else:
            self.go_to_article(ordinal)
        later = [number for number, (start, _) in enumerate(self._matches) if start >= self.article_start(ordinal)]
        if needles and later and place is None:
            self._current = later[0] - 1
            self.step_match(1)
        else:
            self.match_changed.emit(0, 0)

    def article_start(self, ordinal: int) -> int:
        """Where article `ordinal` starts in the whole issue's document (0 when not shown whole)."""
        if ordinal in self._article_ordinals:
            return self._article_starts[self._article_ordinals.index(ordinal)]
        return 0

    def go_to_article(self, ordinal: int) -> None:
        """In a whole issue, scroll article `ordinal`'s start to the top of the view."""
        self._lay_out_whole()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.article_start(ordinal))
        bar = self.verticalScrollBar()
        self._scroll_to(bar.value() + self.cursorRect(cursor).top())
        self._returned_to = None
        self._keep_open(ordinal)

    def _lay_out_whole(self) -> None:
        """Lay the whole document out now: Qt lays a long one out bit by bit, and until it has, the
        scroll bar's range stops short of the later articles."""
        document = self.document()
        document.documentLayout().blockBoundingRect(document.lastBlock())
        self.verticalScrollBar().setRange(0, max(0, int(document.size().height()) - self.viewport().height()))

    def reading_place(self) -> int:
        """The document position of the character at the top of the view."""
        return self._reading_place()[0]

    def place_to_keep(self) -> KeptPlace:
        """Where the reader is in the issue shown whole, to come back to in a later session: counted in the
        article at the top of the view, from its text after the header line where the top is past it."""
        position = self.reading_place()
        ordinal = self._article_at(position) if self._article_starts else 0
        text_start = self._text_starts.get(ordinal)
        if text_start is not None and position >= text_start:
            return KeptPlace(BODY, position - text_start, ordinal)
        return KeptPlace(HEAD, position - self.article_start(ordinal), ordinal)

    def _position_of(self, ordinal: int, place: KeptPlace) -> int:
        """The document position of a kept place (place_to_keep); `ordinal` is the open article's."""
        if place.counted_from == ISSUE:
            return place.offset
        counted_in = ordinal if place.article is None else place.article
        if counted_in not in self._article_ordinals:  # the issue was parsed again into fewer articles
            return self.article_start(ordinal)
        start = self.article_start(counted_in)
        if place.counted_from == BODY:
            start = self._text_starts.get(counted_in, start)
        return max(0, start + place.offset)

    def _article_at(self, position: int) -> int:
        """In a whole issue, the ordinal of the article the document position `position` is in."""
        return self._article_ordinals[max(0, bisect_right(self._article_starts, position) - 1)]

    def _scroll_to(self, value: int) -> None:
        """Scroll the pane itself: not the reader's scrolling, which the open article follows."""
        self._self_scrolling = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._self_scrolling = False

    def _keep_open(self, ordinal: int) -> None:
        """In a whole issue, article `ordinal` is the open one (article_in_view) until the reader scrolls.

        Whatever article the top of the view shows: the last articles of an issue (a short notice) never
        reach the top, and a match is brought a third of the way down, perhaps below the end of the
        article before it; the open article is the one the reader asked for, or the current match's.
        """
        if self.views is None or not self._article_starts:
            return
        self._open_in_view(ordinal)  # the pane's own scrolling (_self_scrolling) does not move it

    def _open_in_view(self, ordinal: int) -> None:
        if self.view is None or self.view.ordinal != ordinal:
            self.view = next(view for view in self.views if view.ordinal == ordinal)
            self.article_in_view.emit(ordinal)

    def _follow_scroll(self) -> None:
        """In a whole issue, make the article at the top of the view the open one (article_in_view)."""
        if self.views is None or not self._article_starts or self._self_scrolling:
            return
        self._open_in_view(self._article_at(self.cursorForPosition(QPoint(0, 2)).position()))

    def article_of_selection(self) -> ArticleView | None:
        """The article the selected passage starts in: in a whole issue perhaps not the open one, else the open one."""
        cursor = self.textCursor()
        if self.views is None or not self._article_starts or not cursor.hasSelection():
            return self.view
        ordinal = self._article_at(cursor.selectionStart())
        return next(view for view in self.views if view.ordinal == ordinal)

    def show_notice(self, html: str) -> None:
        """A page that is no article (the welcome of a first start): nothing to cite, no matches."""
        self.views = None
        self.view, self._needles, self._matches = None, [], []
        self._current, self._returned_to = -1, None
        self.setExtraSelections([])
        self.setHtml(html)
        self.match_changed.emit(0, 0)

    def clear_highlights(self) -> None:
        """Unmark the matches of the open article, leaving the reader where they are."""
        if not self._needles:
            return
        place = self._reading_place()
        self._needles, self._current = [], -1
        self._render()
        self._return_to(place)
        self.match_changed.emit(0, 0)

    def match_count(self) -> int:
        return len(self._matches)

    def step_match(self, step: int) -> None:
        """Mark and scroll to the next (+1) or previous (-1) match, wrapping around."""
        if not self._matches:
            return
        self._current = (self._current + step) % len(self._matches)
        self._mark_current()
        self._bring_into_view(self._match_cursor(self._current))
        if self.views is not None:  # the current match's article is the open one (citing, bookmarking it)
            self._keep_open(self._article_at(self._matches[self._current][0]))
        self.match_changed.emit(self._current + 1, len(self._matches))

    # -- rendering and places -------------------------------------------------------------
    def _render(self) -> None:
        """Typeset the article again (same text, so document positions stay valid)."""
        self._self_scrolling = True  # setHtml scrolls to the top: not the reader's scrolling
        try:
            self._typeset()
        finally:
            self._self_scrolling = False

    def _typeset(self) -> None:
        indent = QFontMetrics(self.font()).horizontalAdvance("中中")
        if self.views is None:
            html, lengths = article_html(self.view, self._needles, self._theme, self._meta_labels, indent)
        else:
            html, lengths = issue_html(self.views, self._needles, self._theme, self._meta_labels, indent)
        self.setHtml(html)
        starts = anchor_positions(self.document())
        articles = sorted(
            (position, int(name[len(ARTICLE_ANCHOR) :]))
            for name, position in starts.items()
            if name.startswith(ARTICLE_ANCHOR)
        )
        self._article_starts = [position for position, _ in articles]
        self._article_ordinals = [ordinal for _, ordinal in articles]
        self._text_starts = {
            int(name[len(BODY_ANCHOR) :]): position for name, position in starts.items() if name.startswith(BODY_ANCHOR)
        }
        self._matches = [
            (starts[f"{MATCH_ANCHOR}{number}"], starts[f"{MATCH_ANCHOR}{number}"] + length)
            for number, length in enumerate(lengths)
        ]
        self._mark_current()

    def _match_cursor(self, number: int) -> QTextCursor:
        start, end = self._matches[number]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _mark_current(self) -> None:
        """The current match in a stronger color than the others (an extra selection over its mark)."""
        selections = []
        if 0 <= self._current < len(self._matches):
            colors = THEMES[self._theme]
            look = QTextCharFormat()
            look.setBackground(QColor(colors["current"]))
            look.setForeground(QColor(colors["current_text"]))
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._match_cursor(self._current)
            selection.format = look
            selections.append(selection)
        self.setExtraSelections(selections)

    def _bring_into_view(self, cursor: QTextCursor) -> None:
        """Scroll a place a third of the way down the view, unless it is in view already."""
        rect = self.cursorRect(cursor)
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            bar = self.verticalScrollBar()
            self._scroll_to(bar.value() + rect.top() - self.viewport().height() // 3)

    def _reading_place(self) -> tuple[int, int]:
        """The character at the top of the view, and how far below the view's top its line is."""
        if self._returned_to and self._returned_to[1] == self.verticalScrollBar().value():
            return self._returned_to[0]  # else each change of size would move the place back by part of a line
        cursor = self.cursorForPosition(QPoint(0, 0))
        return cursor.position(), self.cursorRect(cursor).top()

    def _return_to(self, place: tuple[int, int]) -> None:
        """Scroll the newly set article so the character of `place` is where it was."""
        position, top = place
        if self.views is not None:
            self._lay_out_whole()
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        bar = self.verticalScrollBar()
        self._scroll_to(bar.value() + self.cursorRect(cursor).top() - top)
        self._returned_to = (place, bar.value())
        if self.view is not None:
            self._keep_open(self.view.ordinal)  # the same article open as before (a new text size, a place kept)

    def plain_text_with_citation(self, citation: str) -> str:
        """The article's text for the clipboard, with its `citation` first (gui.citations)."""
        if self.view is None:
            return ""
        view = self.view
        lines = [citation, ""]
        lines += [part for part in (view.kicker, view.title, view.subtitle, view.byline) if part]
        lines += [block.text for block in view.blocks]
        return "\n".join(lines)
