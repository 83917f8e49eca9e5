"""Bring reader_zh_CN.ts up to date with the interface's texts, then compile it to reader_zh_CN.qm.

    python resources/translations/update.py

pyside6-lupdate finds every `self.tr("…")` and `QCoreApplication.translate("Context", "…")` in reader/gui,
under the class (context) it is in.  Three things are then put right by hand here:
  - a text that moved to another class keeps its translation: lupdate's same-text guess is taken as
    final (a guess that is wrong shows in review, as every changed line of the .ts does);
  - texts of contexts no source of ours names (Qt's own dialogs, e.g. QFileDialog, whose English
    labels we translate) are kept, not marked vanished;
  - texts that vanished from a context still in use are dropped.
Texts with no translation at all stay "unfinished"; tests/gui/test_translations.py fails on them.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "reader_zh_CN.ts"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def update() -> None:
    sources = sorted(str(path) for path in (ROOT / "reader" / "gui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(TS)], check=True)
    tree = ElementTree.parse(TS)
    for context in tree.getroot().iter("context"):
        messages = context.findall("message")
        in_use = any(message.find("translation").get("type") != "vanished" for message in messages)
        for message in messages:
            translation = message.find("translation")
            kind = translation.get("type")
            if kind == "vanished" and in_use:
                context.remove(message)
            elif kind == "vanished" or (kind == "unfinished" and (translation.text or "").strip()):
                del translation.attrib["type"]
    ElementTree.indent(tree, space="    ")
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    TS.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    update()
