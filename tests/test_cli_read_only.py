"""The command line on a library it may only read: list, search and parse work; changes are refused in one line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import seeds_dir
from tests.read_only import AS_ROOT, make_read_only, snapshot

REFUSAL = "can only be read here: "


@pytest.fixture
def read_only_dir(seeded_paths, tmp_path, monkeypatch, request):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "用户缓存"))
    make_read_only(seeded_paths.data_dir, monkeypatch, request)
    return str(seeded_paths.data_dir)


def _run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_and_search_read_a_read_only_library(capsys, read_only_dir):
    seeded = Path(read_only_dir)
    before = snapshot(seeded)
    code, out, err = _run(capsys, "--data-dir", read_only_dir, "list", "--json")
    assert code == 0 and err == "" and len(json.loads(out)["issues"]) == 5
    code, out, err = _run(capsys, "--data-dir", read_only_dir, "search", "北碚", "--json")
    assert code == 0 and err == "" and json.loads(out)["total"] > 0
    assert snapshot(seeded) == before


@pytest.mark.parametrize(
    "argv",
    [["import", str(seeds_dir())], ["correct", "ID", "--page", "2"], ["remove", "ID"], ["reindex"]],
    ids=["import", "correct", "remove", "reindex"],
)
def test_changes_are_refused_in_one_line_with_exit_1(capsys, read_only_dir, argv):
    _, listing, _ = _run(capsys, "--data-dir", read_only_dir, "list", "--json")
    issue_id = json.loads(listing)["issues"][0]["id"]
    code, out, err = _run(capsys, "--data-dir", read_only_dir, *[issue_id if a == "ID" else a for a in argv])
    assert code == 1 and out == ""
    assert err == f"reader: the library in {read_only_dir} {REFUSAL}" + err.split(REFUSAL, 1)[1]
    assert err.count("\n") == 1 and "Traceback" not in err


def _unshare_as_another_user() -> list[str] | None:
    """As root: a command prefix that runs as an ordinary user who owns the files (permissions then bind)."""
    if not AS_ROOT or shutil.which("unshare") is None:
        return None
    prefix = ["unshare", "--user", "--map-user=1000", "--map-group=1000"]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        return None
    return prefix


def test_a_library_whose_folder_really_refuses_writes_is_read_without_a_traceback(seeded_paths, tmp_path):
    """Real permissions, in a subprocess: as root (through a user namespace), or as the ordinary user running tests."""
    prefix = _unshare_as_another_user() if AS_ROOT else []
    if prefix is None:
        pytest.skip("root without user namespaces: permissions cannot be made to bind")
    folder = seeded_paths.data_dir
    for path in [*folder.rglob("*"), folder][::-1]:
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "用户缓存"), READER_DATA_DIR=str(folder))
    before = snapshot(folder)
    try:
        for argv, code in ((["list"], 0), (["search", "北碚"], 0), (["import", str(seeds_dir())], 1)):
            done = subprocess.run(
                [*prefix, sys.executable, "-m", "reader", *argv], capture_output=True, text=True, env=env, timeout=120
            )
            assert done.returncode == code, done.stderr
            assert "Traceback" not in done.stderr
            assert (REFUSAL in done.stderr) == (code == 1)
    finally:
        for path in [folder, *folder.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
    assert snapshot(folder) == before
