"""The fence around Whoosh's internals: version checked, nothing patched, nothing private used elsewhere."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
import whoosh
from whoosh import writing

from reader.core.errors import ErrorKind, ReaderError
from reader.core.search import index as index_module
from reader.core.search.whoosh27 import WHOOSH_VERSION, check_whoosh_version

ROOT = Path(__file__).resolve().parents[2]
#: The only Whoosh modules code outside whoosh27 may import: public API.
PUBLIC_MODULES = {"whoosh", "whoosh.index", "whoosh.fields", "whoosh.filedb.filestore", "whoosh.searching"}
PUBLIC_MODULES |= {"whoosh.analysis", "whoosh.query"}


def test_another_whoosh_release_is_refused_with_a_clear_error(monkeypatch):
    check_whoosh_version()  # the installed one
    with pytest.raises(ReaderError) as raised:
        check_whoosh_version((2, 7, 4))
    assert raised.value.kind == ErrorKind.WHOOSH_VERSION
    assert "2.7.4" in str(raised.value) and "2.7.5" in str(raised.value)
    monkeypatch.setattr(whoosh, "__version__", (2, 8, 0))
    with pytest.raises(ReaderError):  # every opener of the index checks
        index_module.open_index(ROOT / "nowhere", create=False)


def test_pyproject_pins_the_release_the_layer_was_written_for():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert "whoosh-reloaded==" + ".".join(map(str, WHOOSH_VERSION)) in dependencies


def test_importing_the_index_changes_nothing_in_whoosh():
    assert writing.PostingPool.__module__ == "whoosh.writing"
    assert writing.SegmentWriter._flush_segment.__module__ == "whoosh.writing"
    assert writing.SegmentWriter.__init__.__module__ == "whoosh.writing"


def _whoosh_imports(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "whoosh":
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names if alias.name.split(".")[0] == "whoosh"}
    return modules


def test_only_the_fenced_layer_imports_whooshs_internal_modules():
    outside = [path for path in (ROOT / "reader").rglob("*.py") if "whoosh27" not in path.parts]
    used = {path.relative_to(ROOT).as_posix(): _whoosh_imports(path) - PUBLIC_MODULES for path in outside}
    assert {name: modules for name, modules in used.items() if modules} == {}
