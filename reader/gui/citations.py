"""Copying an article's citation, or the article with it, in the style the reader chose (core.citation).

The style is kept in the settings and chosen in the Edit menu's Citation
Style submenu; the citation is written in the interface's language (the
default QLocale, which app.install_translator sets).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication

from reader.core.citation import GBT7714, PLAIN, STYLES, cite

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

STYLE_SETTING = "citation_style"


def interface_language() -> str:
    """ "zh" or "en": the language citations are written in."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh"


class Citations(QObject):
    """The copy commands of the article pane and the citation style they use."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.style_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        names = {GBT7714: self.tr("GB/T 7714-2015"), PLAIN: self.tr("Plain")}
        for style in STYLES:
            action = QAction(names[style], self)
            action.setCheckable(True)
            action.setChecked(style == self.style)
            action.triggered.connect(lambda _checked=False, style=style: self.choose(style))
            group.addAction(action)
            self.style_actions[style] = action

    @property
    def style(self) -> str:
        value = str(self.window.settings.value(STYLE_SETTING, GBT7714))
        return value if value in STYLES else GBT7714

    def choose(self, style: str) -> None:
        self.window.settings.setValue(STYLE_SETTING, style)
        self.style_actions[style].setChecked(True)

    def citation(self) -> str:
        """The open article's citation in the chosen style, or "" when no article is open."""
        view = self.window.article.view
        return cite(view, self.style, interface_language()) if view is not None else ""

    def copy_citation(self) -> None:
        citation = self.citation()
        if citation:
            QGuiApplication.clipboard().setText(citation)
            self.window.statusBar().showMessage(self.tr("Citation copied: %1").replace("%1", citation), 4000)

    def copy_article(self) -> None:
        citation = self.citation()
        if citation:
            QGuiApplication.clipboard().setText(self.window.article.plain_text_with_citation(citation))
            self.window.statusBar().showMessage(self.tr("Article copied with its citation"), 4000)
