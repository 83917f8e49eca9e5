"""The dark theme darkens the whole window, and the theme follows the system until the reader chooses."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from reader.gui import theme as theme_module
from reader.gui.theme import DARK_COLORS, dark_palette, error_color, initial_theme


def _lightness(widget, role=QPalette.ColorRole.Window) -> int:
    return widget.palette().color(role).lightness()


def test_the_dark_theme_darkens_tree_results_and_menus_not_only_the_article(qtbot, window):
    window.dark_action.setChecked(True)
    window.toggle_theme()
    qtbot.waitUntil(lambda: _lightness(window) < 80, timeout=5000)  # palette changes arrive as events
    for widget in (window, window.tree, window.menuBar(), window.statusBar()):
        assert _lightness(widget) < 80, widget
    assert _lightness(window.tree, QPalette.ColorRole.Base) < 80
    window.dark_action.setChecked(False)
    window.toggle_theme()
    qtbot.waitUntil(lambda: _lightness(window) > 150, timeout=5000)
    assert _lightness(window) > 150 and _lightness(window.tree, QPalette.ColorRole.Base) > 150


def test_without_a_choice_the_theme_follows_the_system(monkeypatch):
    monkeypatch.setattr(theme_module, "system_prefers_dark", lambda: True)
    assert initial_theme(None) == "dark"
    assert initial_theme("light") == "light"
    monkeypatch.setattr(theme_module, "system_prefers_dark", lambda: False)
    assert initial_theme(None) == "light"
    assert initial_theme("dark") == "dark"


def _contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; text wants 4.5)."""

    def luminance(name: str) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        color = QColor(name)
        red, green, blue = (channel(c) for c in (color.redF(), color.greenF(), color.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_dark_themes_search_box_and_lists_stand_apart_from_the_window():
    """Fusion draws a field's frame barely darker than the window: the field itself must differ from it."""
    palette = dark_palette()
    window, base = (palette.color(role) for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base))
    assert window.lightness() - base.lightness() >= 20
    name = {role: palette.color(role).name() for role in DARK_COLORS}
    assert _contrast(name[QPalette.ColorRole.Text], name[QPalette.ColorRole.Base]) >= 7
    assert _contrast(name[QPalette.ColorRole.WindowText], name[QPalette.ColorRole.Window]) >= 7
    assert _contrast(name[QPalette.ColorRole.ButtonText], name[QPalette.ColorRole.Button]) >= 7
    assert _contrast(name[QPalette.ColorRole.PlaceholderText], name[QPalette.ColorRole.Base]) >= 4.5


def test_an_error_in_a_dialog_is_readable_in_either_theme(qapp):
    for palette in (dark_palette(), QPalette(QColor("#efefef"))):
        window = palette.color(QPalette.ColorRole.Window).name()
        assert _contrast(error_color(palette), window) >= 4.5, window
