"""Markup in an issue's text shows as the characters it is, in the article pane and in the hit list."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from reader.core.search.results import Hit
from reader.core.search.snippets import make_snippet
from reader.gui.models.hit_delegate import hit_document
from tests.gui.conftest import import_and_wait, shown

BODY = "本报讯 文件写着<b>重要</b>,A&amp;B 与 &quot;引号&quot; 照录,<script>alert(1)</script>不会运行。"
NEEDLES = ("<b>重要</b>", "&amp;", "&quot;", "<script>")


def _highlighted(document, color: QColor) -> list[str]:
    """The runs of text of a document drawn on the given background colour, in order."""
    runs = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().background().color() == color:
                runs.append(fragment.text())
            fragments += 1
        block = block.next()
    return runs


def test_highlighted_matches_in_the_article_show_markup_literally(qtbot, window, tmp_path):
    issue = tmp_path / "带标记的稿件.txt"
    issue.write_text(f"区里召开会议\n\n{BODY}\n", encoding="utf-8")
    import_and_wait(qtbot, window, [str(issue)])
    window.open_article(window.library.records()[0].id, 0, needles=NEEDLES)
    shown(qtbot, window)
    pane = window.article
    assert BODY in pane.toPlainText()
    marked = []
    for _ in range(pane.match_count()):
        [current] = pane.extraSelections()  # the match stepped to, marked apart
        marked.append(current.cursor.selectedText())
        pane.step_match(1)
    assert marked == ["<b>重要</b>", "&amp;", "&quot;", "&quot;", "<script>"]


def test_hit_rows_show_markup_in_the_title_and_snippet_literally(qtbot):
    snippet = make_snippet(BODY, list(NEEDLES))
    hit = Hit("期1", "稿件.txt", 0, "<i>标题</i> &amp; 副题", "<b>北碚报</b>", "2021-11-05", "news", 1.0, snippet)
    mark = QColor("#ffe28a")
    document = hit_document(hit, QFont(), QColor("#6b6b6b"), mark, QColor("#000000"))
    assert document.toPlainText().split("\n") == ["<i>标题</i> &amp; 副题", "<b>北碚报</b> · 2021-11-05", BODY]
    assert _highlighted(document, mark) == ["<b>重要</b>", "&amp;", "&quot;", "&quot;", "<script>"]
