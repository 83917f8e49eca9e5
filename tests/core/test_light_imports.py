"""Whoosh imported without urllib.request and asyncio (reader.core.search.light_imports), and nothing else changed."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> subprocess.CompletedProcess:
    """In a fresh interpreter: what is imported depends on everything imported before."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)


def test_the_stand_in_urlretrieve_leaves_a_urllib_request_imported_later_alone():
    done = _run(
        """
        import sys
        import reader.core.search
        import whoosh.compat
        import whoosh.reading
        import functools
        assert "urllib.request" not in sys.modules and "asyncio" not in sys.modules
        assert whoosh.reading.cached_property is functools.cached_property

        import urllib.request  # someone else, later, imports the real one
        real = sys.modules["urllib.request"]
        real.urlretrieve = lambda *args, **kwargs: "the real module's"
        assert whoosh.compat.urlretrieve("http://example.invalid/") == "the real module's"
        assert sys.modules["urllib.request"] is real  # not a second copy, imported afresh
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
