"""The window's colours: the dark theme darkens every part of the window, not only the article.

Qt's native styles ignore a dark palette on some platforms, so the dark theme
uses the Fusion style with a palette of its own; the light theme goes back to
the style and palette the application started with.  With no theme chosen
yet, the window follows the system's colour scheme where Qt reports one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

#: Colours of the dark theme, in step with the article pane's (article_view.THEMES["dark"]).
#: Fields and lists (Base) are clearly darker than the window around them: Fusion draws their frame
#: a shade darker than the window, which on a dark window is no line at all, so the step is the border.
DARK_COLORS = {
    QPalette.ColorRole.Window: "#383632",
    QPalette.ColorRole.WindowText: "#e6e1d6",
    QPalette.ColorRole.Base: "#22211f",
    QPalette.ColorRole.AlternateBase: "#2c2b28",
    QPalette.ColorRole.Text: "#e6e1d6",
    QPalette.ColorRole.Button: "#423f3a",
    QPalette.ColorRole.ButtonText: "#e6e1d6",
    QPalette.ColorRole.ToolTipBase: "#423f3a",
    QPalette.ColorRole.ToolTipText: "#e6e1d6",
    QPalette.ColorRole.PlaceholderText: "#8d877c",
    QPalette.ColorRole.Highlight: "#3d6fa8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.BrightText: "#ffffff",
}
DISABLED_TEXT = "#8a857c"
#: Error text: a dark red on a light window, a light red on a dark one (both readable, WCAG AA).
ERROR_COLORS = {"light": "#b00020", "dark": "#ff8a80"}


def error_color(palette: QPalette) -> str:
    """The colour of an error message on a window of this palette."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return ERROR_COLORS["dark" if dark else "light"]


def system_prefers_dark() -> bool:
    """True when the system's colour scheme is dark (Qt 6.5+ reports it; elsewhere: no)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def initial_theme(saved: str | None) -> str:
    """The theme to start with: the one the reader chose, else the system's."""
    if saved in ("light", "dark"):
        return saved
    return "dark" if system_prefers_dark() else "light"


def dark_palette() -> QPalette:
    """A full palette for the dark theme (disabled text dimmed)."""
    palette = QPalette()
    for role, color in DARK_COLORS.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    return palette


class WindowTheme:
    """Applies a theme to the whole application (so dialogs follow too), remembering the original look."""

    #: The look the application started with, taken by the first window (a later one may start dark).
    _original: tuple[str, QPalette] | None = None

    def __init__(self, app: QApplication) -> None:
        self.app = app
        if WindowTheme._original is None:
            WindowTheme._original = (app.style().name(), QPalette(app.palette()))
        self._style_name, self._palette = WindowTheme._original
        #: What the application shows now; a first window in the light theme changes nothing at start-up.
        self._shown = "dark" if app.palette().color(QPalette.ColorRole.Window).lightness() < 128 else "light"

    def apply(self, theme: str) -> None:
        """Dark: Fusion with the dark palette; light: the style and palette the application started with."""
        if theme == self._shown:
            return  # restyling repolishes every widget: only when the theme really changes
        self._shown = theme
        if theme == "dark":
            self.app.setStyle(QStyleFactory.create("Fusion"))
            self.app.setPalette(dark_palette())
        else:
            self.app.setStyle(QStyleFactory.create(self._style_name) or QStyleFactory.create("Fusion"))
            self.app.setPalette(self._palette)
