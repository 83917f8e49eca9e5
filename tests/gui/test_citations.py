"""Copying an article's citation in the chosen style (GB/T 7714-2015 or plain), remembered across starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication

from reader.config import seeds_dir
from reader.core.citation import GBT7714, PLAIN, cite
from tests.gui.conftest import close_window, import_and_wait, open_window, shown

SEED_001 = seeds_dir() / "001_be03ec69b60a77f1.txt"


def _open_byline_article(qtbot, window):
    """The seed's fifth article: a reporter, a title, a paper and a month (GB/T has something in each part)."""
    import_and_wait(qtbot, window, [str(SEED_001)])
    window.open_article(window.library.records()[0].id, 4)
    shown(qtbot, window)
    assert window.article.view.reporters == ("霍吕",)


@pytest.fixture
def interface_in(monkeypatch):
    """Set the interface's locale (as app.install_translator does) for one test."""
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


def test_copy_citation_in_either_style_and_the_choice_is_remembered(qtbot, paths, interface_in):
    interface_in("zh_CN")
    window = open_window(qtbot, paths)
    _open_byline_article(qtbot, window)
    assert window.citations.style == GBT7714  # the default
    QGuiApplication.clipboard().clear()
    window.citations.copy_citation()
    assert (
        QGuiApplication.clipboard().text()
        == "霍吕. 构建体系 调整机制 我区招商引资 促进工作再添新措施[N]. 北碚报, 2022-03."
    )
    window.citations.style_actions[PLAIN].trigger()
    window.citations.copy_citation()
    assert (
        QGuiApplication.clipboard().text()
        == "霍吕：《构建体系 调整机制 我区招商引资 促进工作再添新措施》，《北碚报》2022年3月。"
    )
    close_window(window)

    again = open_window(qtbot, paths)
    assert again.citations.style == PLAIN and again.citations.style_actions[PLAIN].isChecked()
    close_window(again)


def test_copy_article_puts_the_citation_first(qtbot, window):
    _open_byline_article(qtbot, window)
    window.citations.copy_article()
    lines = QGuiApplication.clipboard().text().split("\n")
    assert lines[0] == cite(window.article.view, GBT7714)
    assert lines[1] == "" and "构建体系" in "\n".join(lines[2:4])
    assert window.article.view.blocks[-1].text in lines


def test_the_edit_menu_offers_both_styles_with_the_chosen_one_checked(qtbot, window):
    edit = window.menuBar().actions()[1].menu()
    submenus = [action.menu() for action in edit.actions() if action.menu()]
    assert [menu.actions() for menu in submenus] == [list(window.citations.style_actions.values())]
    assert [action.isChecked() for action in submenus[0].actions()] == [True, False]
    copy = next(action for action in edit.actions() if action.shortcut().toString() == "Ctrl+Alt+C")
    QGuiApplication.clipboard().setText("untouched")
    copy.trigger()  # no article open: nothing copied, nothing raised
    assert QGuiApplication.clipboard().text() == "untouched"
