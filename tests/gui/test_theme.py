"""The dark theme darkens the whole window, and the theme follows the system until the reader chooses."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from reader.gui import theme as theme_module
from reader.gui.theme import initial_theme


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
