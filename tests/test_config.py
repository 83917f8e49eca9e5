"""Where data lives: platformdirs by default, overridable; jieba's cache in our cache dir."""

from __future__ import annotations

import os
import subprocess
import sys

from reader.config import resolve_paths, resources_dir, seeds_dir


def test_override_by_argument_and_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "环境"))
    assert resolve_paths().data_dir == tmp_path / "环境"
    assert resolve_paths(tmp_path / "参数").data_dir == tmp_path / "参数"
    assert resolve_paths(tmp_path / "参数").cache_dir == tmp_path / "参数" / "cache"


def test_default_is_the_user_data_dir(monkeypatch):
    monkeypatch.delenv("READER_DATA_DIR")
    paths = resolve_paths()
    assert "baokan-reader" in str(paths.data_dir)
    assert "baokan-reader" in str(paths.cache_dir)


def test_bundled_folders_are_found():
    assert len(list(seeds_dir().glob("*.txt"))) == 5
    assert resources_dir().is_dir()


def test_jieba_writes_its_cache_to_our_cache_dir_only(tmp_path):
    """jieba's default is tempfile.gettempdir(); it must never write there or to the cwd."""
    temp, work, data = tmp_path / "tmp", tmp_path / "cwd", tmp_path / "data"
    temp.mkdir()
    work.mkdir()
    env = dict(os.environ, TMPDIR=str(temp), READER_DATA_DIR=str(data))
    seed = str(seeds_dir() / "000_3ec1d81f3cd0b893.txt")
    for command in (["import", seed], ["search", "疫苗"]):
        done = subprocess.run(
            [sys.executable, "-m", "reader", *command], cwd=work, env=env, capture_output=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
    assert (data / "cache" / "jieba.cache").is_file()
    assert list(temp.iterdir()) == []
    assert list(work.iterdir()) == []
