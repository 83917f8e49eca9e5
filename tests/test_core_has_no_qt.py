"""reader.core never imports Qt: the engine must run in CLI tools and workers without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import reader.core


def test_no_core_module_mentions_pyside():
    for module in Path(reader.core.__file__).parent.rglob("*.py"):
        assert "PySide6" not in module.read_text(encoding="utf-8"), module.name


def test_importing_the_whole_core_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, reader.core as c\n"
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(c.__path__, 'reader.core.')]\n"
        "import reader.cli\n"
        "print(any(name.startswith('PySide6') for name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
