"""Print and Save as PDF: the article with its header and citation, checked by rendering the PDF back."""

from __future__ import annotations

import unicodedata

import pypdfium2
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from reader.config import seeds_dir
from reader.gui import article_export
from reader.gui.article_export import PDF_FOLDER_SETTING, pdf_file_name
from reader.gui.printing import printable_document, save_pdf
from tests.gui.conftest import import_and_wait, shown

SEED_001 = seeds_dir() / "001_be03ec69b60a77f1.txt"


def _pdf_pages(path):
    """(text, share of the page that is not white) of each page, as a viewer would show it."""
    pdf = pypdfium2.PdfDocument(str(path))
    pages = []
    for page in pdf:
        # NFKC: Qt's PDF text layer names a character's Kangxi radical twin where one glyph draws both (printing.py)
        text = unicodedata.normalize("NFKC", page.get_textpage().get_text_range())
        pixels = page.render(scale=0.5).to_numpy()
        pages.append((text, float((pixels[..., :3].min(axis=2) < 200).mean())))
    pdf.close()
    return pages


def _open_article(qtbot, window, ordinal=4):
    import_and_wait(qtbot, window, [str(SEED_001)])
    window.open_article(window.library.records()[0].id, ordinal)
    shown(qtbot, window)
    return window.article.view


def test_save_as_pdf_writes_the_article_its_header_and_citation(qtbot, window, tmp_path, monkeypatch):
    view = _open_article(qtbot, window)
    target = tmp_path / "文章.pdf"
    monkeypatch.setattr(article_export, "choose_save_path", lambda *args: str(target))
    window.article_export.save_pdf()
    pages = _pdf_pages(target)
    text = "".join(page_text for page_text, _ in pages).replace("\r", "").replace("\n", "")
    assert view.title.replace(" ", "") in text.replace(" ", "")
    assert "北碚报" in text and "霍吕" in text  # the header line: publication, reporters
    assert window.citations.citation().replace(" ", "") in text.replace(" ", "")  # the citation at its foot
    assert view.blocks[-1].text[:12] in text
    assert all(ink > 0.002 for _, ink in pages)  # every page shows something (fonts embedded, not blank)
    assert window.settings.value(PDF_FOLDER_SETTING) == str(tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["文章.pdf"]  # no partial file left


def test_a_pdf_that_cannot_be_written_is_one_message_and_no_file(qtbot, window, tmp_path, monkeypatch, _no_modal_boxes):
    _open_article(qtbot, window)
    target = tmp_path / "missing folder" / "a.pdf"
    monkeypatch.setattr(article_export, "choose_save_path", lambda *args: str(target))
    window.article_export.save_pdf()
    assert len(_no_modal_boxes) == 1 and "a.pdf" in _no_modal_boxes[0][2]
    assert not target.parent.exists()


def test_several_articles_are_one_pdf_each_on_its_own_pages(qtbot, window, tmp_path):
    _open_article(qtbot, window)
    from reader.core.reading import article_view

    issue = window.library.load_issue(window.library.records()[0].id)
    views = [article_view(issue, ordinal) for ordinal in range(3)]
    document = printable_document(views, ["甲", "乙", "丙"], window.article.meta_labels)
    save_pdf(document, tmp_path / "three.pdf", "three")
    pages = _pdf_pages(tmp_path / "three.pdf")
    starts = [next(index for index, (text, _) in enumerate(pages) if (view.title or "")[:6] in text) for view in views]
    assert starts == sorted(starts) and len(set(starts)) == 3  # each article starts a page of its own


def test_print_sends_the_document_to_the_printer_chosen(qtbot, window, tmp_path, monkeypatch):
    _open_article(qtbot, window)
    printed = tmp_path / "printed.pdf"

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a "printer" writing a file
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.article_export.print_article()
    assert "北碚报" in "".join(text for text, _ in _pdf_pages(printed))


def test_the_suggested_file_name_is_safe_everywhere():
    assert (
        pdf_file_name("北碚报", "2022-03", "构建体系 调整机制: 我区*招商")
        == "北碚报_2022-03_构建体系_调整机制_我区_招商.pdf"
    )
    assert pdf_file_name(None, None, None) == "article.pdf"


def test_nothing_open_means_nothing_printed(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(article_export, "choose_save_path", lambda *args: asked.append(args))
    window.article_export.save_pdf()
    window.article_export.print_article()
    assert asked == []
