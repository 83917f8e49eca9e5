"""The Bookmarks panel: bookmark, note a passage, find, open, export to CSV and Markdown, import back, remove."""

from __future__ import annotations

import csv
import io
import threading
import unicodedata

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from reader.config import seeds_dir
from reader.core.library.bookmarks import CSV_COLUMNS
from reader.gui import bookmarks_panel
from tests.gui.conftest import import_and_wait, shown

SEED_001 = seeds_dir() / "001_be03ec69b60a77f1.txt"


def _open(qtbot, window, ordinal):
    window.open_article(window.library.records()[0].id, ordinal)
    shown(qtbot, window)


def _listed(panel):
    """(group, label, lines under it) of every bookmark row of the panel."""
    rows = []
    for group_index in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(group_index)
        for index in range(group.childCount()):
            item = group.child(index)
            lines = [item.child(line).text(0) for line in range(item.childCount())]
            rows.append((group.text(0), item.text(0), lines))
    return rows


def _select_text(window, text):
    document_text = window.article.toPlainText()
    start = document_text.index(text)
    cursor = window.article.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    window.article.setTextCursor(cursor)


def test_bookmark_note_find_open_and_remove(qtbot, window, monkeypatch):
    import_and_wait(qtbot, window, [str(SEED_001)])
    panel = window.bookmarks_panel
    _open(qtbot, window, 4)
    panel.bookmark_article()
    panel.bookmark_article()  # once only
    assert panel.isVisible()
    assert _listed(panel) == [("北碚报", f"2022-03 · {window.article.view.title}", [])]

    _open(qtbot, window, 1)
    _select_text(window, window.article.view.blocks[0].text[:10])
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: ("这一段要引用", True))
    panel.bookmark_article()  # a passage selected: a note on it
    passage = window.article.view.blocks[0].text[:10].strip()
    (noted,) = window.library.bookmarks.of_article(window.library.records()[0].id, 1)
    assert (noted.note, noted.quote) == ("这一段要引用", passage)

    panel.find.setText("引用")
    assert [lines for *_, lines in _listed(panel)] == [[f"“{passage}”", "这一段要引用"]]
    panel.find.clear()

    first = panel.tree.topLevelItem(0).child(0)
    panel.tree.itemActivated.emit(first, 0)
    shown(qtbot, window)
    assert window.current[1] == window.library.bookmarks.get(first.data(0, bookmarks_panel.BOOKMARK_ROLE)).ordinal

    panel.tree.clearSelection()
    first.setSelected(True)
    panel.remove_selected()
    assert len(_listed(panel)) == 1


def test_export_csv_and_markdown_and_import_back(qtbot, window, monkeypatch, tmp_path):
    import_and_wait(qtbot, window, [str(SEED_001)])
    panel = window.bookmarks_panel
    _open(qtbot, window, 4)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: ("笔记，含逗号", True))
    panel.note_article()

    target = tmp_path / "书签.csv"
    monkeypatch.setattr(bookmarks_panel, "choose_save_path", lambda *args: str(target))
    panel.export()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: spreadsheets read the Chinese
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == list(CSV_COLUMNS) and rows[0]["note"] == "笔记，含逗号"

    markdown = tmp_path / "书签.md"
    monkeypatch.setattr(bookmarks_panel, "choose_save_path", lambda *args: str(markdown))
    panel.export()
    assert markdown.read_text(encoding="utf-8").startswith("## 北碚报")

    window.library.bookmarks.remove(b.id for b in window.library.bookmarks.all())
    monkeypatch.setattr(bookmarks_panel, "choose_paths", lambda *args: [str(target)])
    panel.import_file()
    assert [b.note for b in window.library.bookmarks.all()] == ["笔记，含逗号"]
    assert [lines for *_, lines in _listed(panel)] == [["笔记，含逗号"]]


def test_a_bad_import_is_one_message(qtbot, window, monkeypatch, tmp_path, _no_modal_boxes):
    bad = tmp_path / "not-bookmarks.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(bookmarks_panel, "choose_paths", lambda *args: [str(bad)])
    window.bookmarks_panel.import_file()
    assert len(_no_modal_boxes) == 1 and "not-bookmarks.csv" in _no_modal_boxes[0][2]


def test_nothing_open_means_nothing_bookmarked(qtbot, window):
    window.bookmarks_panel.bookmark_article()
    window.bookmarks_panel.note_article()
    assert window.library.bookmarks.all() == []


def test_bookmarked_articles_make_one_pdf(qtbot, window, monkeypatch, tmp_path):
    import pypdfium2

    import_and_wait(qtbot, window, [str(SEED_001)])
    issue_id = window.library.records()[0].id
    titles = []
    for ordinal in (4, 1):
        _open(qtbot, window, ordinal)
        window.bookmarks_panel.bookmark_article()
        titles.append(window.article.view.title)
    target = tmp_path / "书签.pdf"
    monkeypatch.setattr(bookmarks_panel, "choose_save_path", lambda *args: str(target))
    reads = []
    load_issue = window.library.load_issue
    monkeypatch.setattr(
        window.library, "load_issue", lambda issue: reads.append(threading.current_thread()) or load_issue(issue)
    )
    window.bookmarks_panel.save_pdf()
    qtbot.waitUntil(target.is_file, timeout=30000)
    pdf = pypdfium2.PdfDocument(str(target))
    text = "".join(page.get_textpage().get_text_range() for page in pdf).replace(" ", "").replace("\r\n", "")
    text = unicodedata.normalize("NFKC", text)  # Qt's PDF text layer may name radicals (gui.printing)
    pdf.close()
    # In the bookmarks' order (by place in the issue), both whole; their issue read once, off the GUI thread.
    first, second = (text.find(title.replace(" ", "")[:8]) for title in reversed(titles))
    assert 0 <= first < second
    assert len(reads) == 1 and reads[0] is not threading.main_thread()
    assert [b.ordinal for b in window.library.bookmarks.all() if b.issue_id == issue_id] == [1, 4]


def test_an_export_that_fails_leaves_the_earlier_file_whole(qtbot, window, monkeypatch, tmp_path):
    """Written whole or not at all: a disk that fills mid-write keeps the earlier export of that name."""
    import os

    import_and_wait(qtbot, window, [str(SEED_001)])
    _open(qtbot, window, 4)
    window.bookmarks_panel.bookmark_article()
    target = tmp_path / "书签.csv"
    target.write_bytes(b"an earlier export")
    monkeypatch.setattr(bookmarks_panel, "choose_save_path", lambda *args: str(target))
    refused = []
    monkeypatch.setattr(window, "show_not_saved", lambda path, error: refused.append((path, error)))
    real_fsync = os.fsync

    def full_disk(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    window.bookmarks_panel.export()
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert target.read_bytes() == b"an earlier export"
    assert [path for path, _ in refused] == [target] and sorted(tmp_path.iterdir()) == [target]
