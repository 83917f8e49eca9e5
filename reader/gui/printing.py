"""Printing an article, or saving it as a PDF, typeset as the article pane sets it.

The printed article is the pane's own HTML (article_view.article_html) in
the light theme whatever the screen's theme, without search marks, with its
header line (publication, date, page, reporters) and, at its foot, its
citation in the chosen style: a printout or a PDF carries where it came
from.  Several articles (a selection of bookmarks) are one document, each
beginning a new page.  Qt's QTextDocument.print_ lays the pages out and
numbers them; CJK fonts are embedded in the PDF by Qt.

A limit of Qt's PDF writer: where a font draws a character and its Kangxi
radical twin with one glyph (一 and ⼀, 工 and ⼯: Noto CJK, Microsoft YaHei),
the PDF's text layer names the radical, so text copied out of the PDF may
hold radicals (the printout and the page look right; the reader's own
search folds radicals to the characters, NFKC).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reader.core.reading import ArticleView
from reader.gui.article_view import CJK_FONTS, THEMES, article_html

#: Body text size on paper, in points (the pane's size is the reader's screen choice, not the page's).
PRINT_POINT_SIZE = 11
#: Page margins, in millimetres.
MARGIN_MM = 18.0


def printable_html(views: Sequence[ArticleView], citations: Sequence[str], meta_labels: dict[str, str]) -> str:
    """One HTML document of the articles, each on a new page, each followed by its citation."""
    muted = THEMES["light"]["muted"]
    bodies = []
    for number, (view, citation) in enumerate(zip(views, citations, strict=True)):
        html, _ = article_html(view, [], "light", meta_labels, position=False)
        body = html.split("<body>", 1)[1].rsplit("</body>", 1)[0]
        style = ' style="page-break-before: always"' if number else ""
        bodies.append(
            f"<div{style}>{body}"
            f'<p style="color: {muted}; font-size: 85%; margin-top: 1.5em;">{escape(citation)}</p></div>'
        )
    return f"<html><head><style>{print_style()}</style></head><body>{''.join(bodies)}</body></html>"


def print_style() -> str:
    """The pane's typesetting in points for paper: Qt's rich text takes a percentage of no base on a printer."""
    colors = THEMES["light"]
    size = PRINT_POINT_SIZE
    indent_px = round(2 * size * 96 / 72)  # two characters; Qt takes an indent in pixels only (96 to the inch)
    return (
        f"body {{ color: {colors['text']}; font-family: {CJK_FONTS}; font-size: {size}pt; }}"
        f".kicker {{ color: {colors['muted']}; font-size: {size}pt; }}"
        f".title {{ font-size: {round(size * 1.7)}pt; font-weight: bold; }}"
        f".subtitle {{ font-size: {round(size * 1.15)}pt; color: {colors['muted']}; }}"
        f".meta {{ color: {colors['muted']}; font-size: {size - 1}pt; }}"
        f"p.body {{ text-indent: {indent_px}px; line-height: 170%; margin-top: 0.4em; }}"
        f"p.caption {{ color: {colors['muted']}; font-size: {size - 1}pt; margin-left: {indent_px}px; }}"
        "p.intertitle { font-weight: bold; margin-top: 1em; }"
        "p.signature { text-align: right; }"
    )


def printable_document(
    views: Sequence[ArticleView], citations: Sequence[str], meta_labels: dict[str, str]
) -> QTextDocument:
    """The articles as a QTextDocument ready for a printer or a PDF writer."""
    document = QTextDocument()
    font = QFont()
    font.setPointSize(PRINT_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(printable_html(views, citations, meta_labels))
    return document


def save_pdf(document: QTextDocument, path: Path, title: str) -> None:
    """Write `document` to `path` as an A4 PDF titled `title` (raises OSError when it cannot be written).

    Written beside it under a temporary name, then renamed: a file of the
    chosen name is either the whole PDF or what was there before.
    """
    partial = path.with_name(f".{path.name}.part")
    try:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()  # one a crash left: never taken for this write's
        _write_pdf(document, partial, title)
        if not partial.is_file() or partial.stat().st_size == 0:
            raise OSError(errno.EACCES, "the file could not be written", str(path))
        os.replace(partial, path)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


def _write_pdf(document: QTextDocument, path: Path, title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("报刊阅览 Newspaper Reader")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document.setPageSize(QSizeF())  # let print_ paginate for the writer's page (and number the pages)
    document.print_(writer)  # its painter ends with the last page: the file is complete
