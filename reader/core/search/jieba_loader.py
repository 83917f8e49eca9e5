"""jieba, loaded once per process with its dictionary cache where the library says.

Apart from analysis.py (which needs Whoosh) so that the library can say
where the cache goes without importing Whoosh: the window's start-up opens
the library before anything is searched or indexed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

_jieba_lock = threading.Lock()
_jieba_tokenizer = None
_jieba_cache_file: Path | None = None


def configure_jieba_cache(cache_file: Path) -> None:
    """Tell jieba where to keep its dictionary cache (call before first use)."""
    global _jieba_cache_file
    _jieba_cache_file = cache_file


def jieba_cache_file() -> Path:
    """Where jieba keeps its dictionary cache: as configured, else the user's cache dir."""
    if _jieba_cache_file is not None:
        return _jieba_cache_file
    from reader.config import resolve_paths

    return resolve_paths().jieba_cache_file


def jieba_tokenizer():
    """The process-wide jieba tokenizer, loading its dictionary on first use."""
    global _jieba_tokenizer
    if _jieba_tokenizer is not None:
        return _jieba_tokenizer
    with _jieba_lock:
        if _jieba_tokenizer is None:
            import jieba

            # jieba's one error is a failed dump of its cache (a read-only library, a full disk), which it
            # logs with a traceback: it only costs building the dictionary again at the next start.
            jieba.setLogLevel(logging.CRITICAL)
            tokenizer = jieba.Tokenizer()
            cache = jieba_cache_file()
            with contextlib.suppress(OSError):  # a folder that cannot be made: no cache is kept
                cache.parent.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(cache.parent)
            tokenizer.cache_file = cache.name
            tokenizer.initialize()
            _jieba_tokenizer = tokenizer
    return _jieba_tokenizer
