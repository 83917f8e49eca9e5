"""Every text the interface shows through tr() has a Chinese translation in the compiled .qm.

A text that moves to another class changes its translation context; without
this test such a move silently brings English back into the Chinese window.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

import reader.gui
from reader.config import resources_dir

GUI = Path(reader.gui.__file__).parent


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def interface_texts() -> list[tuple[str, str, str | None]]:
    """(context, source text, disambiguation) of every `self.tr(...)` and `translate("Context", ...)` in reader/gui."""
    found = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]:
            for call in [node for node in ast.walk(cls) if isinstance(node, ast.Call)]:
                func = call.func
                if isinstance(func, ast.Attribute) and func.attr == "tr" and call.args and _literal(call.args[0]):
                    comment = _literal(call.args[1]) if len(call.args) > 1 else None
                    found.append((cls.name, _literal(call.args[0]), comment))
        for call in [node for node in ast.walk(tree) if isinstance(node, ast.Call)]:
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            if name == "translate" and len(call.args) >= 2 and _literal(call.args[0]) and _literal(call.args[1]):
                found.append((_literal(call.args[0]), _literal(call.args[1]), None))
    return found


def test_the_scan_finds_the_windows_texts():
    texts = {(context, text) for context, text, _comment in interface_texts()}
    assert ("WindowActions", "Rebuild Index") in texts and ("Welcome", "Welcome to the Newspaper Reader") in texts
    assert len(texts) > 120


@pytest.fixture(scope="module")
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm"))
    return translator


def test_every_interface_text_is_translated_into_chinese(chinese):
    missing = [
        f"{context}: {text!r}"
        for context, text, comment in interface_texts()
        if not chinese.translate(context, text, comment)
    ]
    assert not missing, "run resources/translations/update.py and translate:\n" + "\n".join(missing)
