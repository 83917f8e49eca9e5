"""Where the app keeps its files: the one place that knows every path.

The data directory holds the library (imported originals and the catalog) and
the search index; the cache directory holds jieba's dictionary cache.  Both
come from platformdirs unless `--data-dir` or `READER_DATA_DIR` names a data
directory, in which case the cache moves inside it too, so that a portable
install on a USB stick writes nothing to the host machine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "baokan-reader"
DATA_DIR_ENV = "READER_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Paths:
    """The directories and files of one library."""

    data_dir: Path
    cache_dir: Path

    @property
    def originals_dir(self) -> Path:
        """Byte-for-byte copies of every imported issue file."""
        return self.data_dir / "originals"

    @property
    def catalog_file(self) -> Path:
        """SQLite catalog: one row per imported issue."""
        return self.data_dir / "catalog.sqlite3"

    @property
    def bookmarks_file(self) -> Path:
        """SQLite: the reader's bookmarks and notes (never touched by imports, repairs or rebuilds)."""
        return self.data_dir / "bookmarks.sqlite3"

    @property
    def index_dir(self) -> Path:
        """The Whoosh index; always rebuildable from originals + catalog."""
        return self.data_dir / "index"

    @property
    def trash_dir(self) -> Path:
        """Originals of issues being removed, until the removal is committed (reader.core.library.removal)."""
        return self.data_dir / "trash"

    @property
    def inbox_dir(self) -> Path:
        """Watched folder: files dropped here are imported by the window."""
        return self.data_dir / "inbox"

    @property
    def lock_file(self) -> Path:
        """Held by the process that writes the library."""
        return self.data_dir / "library.lock"

    @property
    def jieba_cache_file(self) -> Path:
        """jieba's pickled prefix dictionary (built once, then loaded fast)."""
        return self.cache_dir / "jieba.cache"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """Return the paths to use: explicit argument, then environment, then platformdirs."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return Paths(data_dir=root, cache_dir=root / "cache")
    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def jieba_cache_for(paths: Paths, library_writable: bool = True) -> Path:
    """Where jieba keeps its dictionary cache for this library.

    The library's cache dir, unless the library may only be read and that dir
    is inside it (`--data-dir` on a read-only drive): then a cache already
    there is read, else the user's cache dir takes it where it can be written.
    Where nothing can be written, jieba builds its dictionary at each start
    (a second) and keeps nothing (jieba_loader.jieba_tokenizer).
    """
    own = paths.jieba_cache_file
    if library_writable or own.is_file() or not paths.cache_dir.is_relative_to(paths.data_dir):
        return own
    fallback = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / own.name
    try:
        fallback.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return own
    return fallback if os.access(fallback.parent, os.W_OK) else own


def window_settings_file(paths: Paths, library_writable: bool = True) -> Path:
    """The window's settings: beside the library (a portable install carries them along), else the user's config dir.

    A library the reader may only read cannot keep them; they are the user's then.
    """
    if library_writable:
        return paths.data_dir / "window.ini"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "window.ini"


def reading_room_lock_file() -> Path:
    """Where this computer's user account keeps the reading-room lock (core.reading_room_lock): not in the
    library, which several reading-room PCs may share, nor beside it, where a portable copy would carry it."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "reading-room-lock.json"


def _bundled_dir(name: str) -> Path:
    """Find a top-level folder shipped with the app, installed or in a checkout.

    A wheel carries `resources/` and `seeds/` inside the package as `_bundled/`;
    a source checkout (or an editable install) has them beside the package.
    """
    installed = _PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    """Icons, translations and style sheets."""
    return _bundled_dir("resources")


def seeds_dir() -> Path:
    """The sample issues imported on the first start of the window."""
    return _bundled_dir("seeds")
