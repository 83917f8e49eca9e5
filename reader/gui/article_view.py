"""The article pane: an article typeset for reading Chinese, with search matches marked.

Every piece of article text goes through `html.escape` before it reaches the
document, and the browser follows no links and loads no resources, so a file
containing `<img src=...>` or `<a href=...>` shows exactly those characters.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.core.reading import CAPTION, INTERTITLE, SIGNATURE, ArticleView
from reader.core.snippets import find_matches

CJK_FONTS = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', 'Noto Sans CJK SC', serif"
THEMES = {
    "light": {"text": "#1f1f1f", "muted": "#6b6b6b", "mark": "#ffe28a", "rule": "#d8d2c4", "background": "#fbf8f1"},
    "dark": {"text": "#e6e1d6", "muted": "#a09a8e", "mark": "#7a5d00", "rule": "#4a463f", "background": "#22211f"},
}


def _marked(text: str, needles: list[str], counter: list[int]) -> str:
    """Escaped text with every match wrapped in a highlight and numbered anchor."""
    spans = find_matches(text, needles) if needles else []
    pieces, last = [], 0
    for start, end in spans:
        pieces.append(escape(text[last:start]))
        pieces.append(f'<a name="match-{counter[0]}"></a><span class="mark">{escape(text[start:end])}</span>')
        counter[0] += 1
        last = end
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def article_html(
    view: ArticleView, needles: list[str], theme: str, meta_labels: dict[str, str], indent_px: int = 30
) -> tuple[str, int]:
    """The article as HTML, and how many matches it marks.

    `indent_px` is the width of two characters: Qt's rich text ignores
    `text-indent` given in em, so the pane measures its own font.
    """
    colors = THEMES.get(theme, THEMES["light"])
    counter = [0]
    parts = [
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
        "</style></head><body>"
    ]
    if view.kicker:
        parts.append(f'<p class="kicker">{_marked(view.kicker, needles, counter)}</p>')
    if view.title:
        parts.append(f'<p class="title">{_marked(view.title, needles, counter)}</p>')
    if view.subtitle:
        parts.append(f'<p class="subtitle">{_marked(view.subtitle, needles, counter)}</p>')
    meta = [value for value in (view.publication, view.date) if value]
    if view.page:
        meta.append(meta_labels["page"].replace("%1", view.page))
    if view.reporters:
        meta.append(meta_labels["reporters"].replace("%1", "、".join(view.reporters)))
    meta.append(meta_labels["position"].replace("%1", str(view.ordinal + 1)).replace("%2", str(view.count)))
    parts.append(f'<p class="meta">{escape(" · ".join(meta))}</p><hr/>')
    if view.byline:
        parts.append(f'<p class="meta">{_marked(view.byline, needles, counter)}</p>')
    classes = {CAPTION: "caption", INTERTITLE: "intertitle", SIGNATURE: "signature"}
    for block in view.blocks:
        parts.append(f'<p class="{classes.get(block.role, "body")}">{_marked(block.text, needles, counter)}</p>')
    parts.append("</body></html>")
    return "".join(parts), counter[0]


class ArticlePane(QTextBrowser):
    """Shows one article; steps through its search matches.

    Signals:
        match_changed(int, int): current match (from 1) and matches in all.
    """

    match_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self._matches = 0
        self._current = -1
        self.view: ArticleView | None = None

    def loadResource(self, kind, url):  # noqa: N802 - Qt override
        """Load nothing: article text may name images or files, and none is ever opened."""
        return None

    def show_article(self, view: ArticleView, needles: list[str], theme: str, meta_labels: dict[str, str]) -> None:
        self.view = view
        indent = QFontMetrics(self.font()).horizontalAdvance("中中")
        html, self._matches = article_html(view, needles, theme, meta_labels, indent)
        self.setHtml(html)
        self._current = -1
        if self._matches:
            self.step_match(1)
        else:
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.match_changed.emit(0, 0)

    def match_count(self) -> int:
        return self._matches

    def step_match(self, step: int) -> None:
        """Scroll to the next (+1) or previous (-1) match, wrapping around."""
        if not self._matches:
            return
        self._current = (self._current + step) % self._matches
        self.scrollToAnchor(f"match-{self._current}")
        self.match_changed.emit(self._current + 1, self._matches)

    def plain_text_with_citation(self) -> str:
        """The article's text for the clipboard, with a citation line first."""
        if self.view is None:
            return ""
        view = self.view
        lines = [view.citation(), ""]
        lines += [part for part in (view.kicker, view.title, view.subtitle, view.byline) if part]
        lines += [block.text for block in view.blocks]
        return "\n".join(lines)
