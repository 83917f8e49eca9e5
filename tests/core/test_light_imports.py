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
        assert "cached_property" not in sys.modules  # the stand-in gone once Whoosh's module ran
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


def test_a_module_asking_the_stand_in_for_more_than_it_has_imports_with_the_real_one():
    done = _run(
        """
        import sys, types, importlib.abc, importlib.machinery
        from reader.core.search import light_imports

        class Source(importlib.abc.Loader):  # a Whoosh module of another release, wanting more of cached_property
            def create_module(self, spec):
                return None
            def exec_module(self, module):
                from cached_property import threaded_cached_property
                module.made = threaded_cached_property

        real = types.ModuleType("cached_property")
        real.threaded_cached_property = "the real one's"
        class Finder(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path, target=None):
                if name == "whoosh.reading":
                    return importlib.machinery.ModuleSpec(name, Source())
                if name == "cached_property":
                    return importlib.machinery.ModuleSpec(name, RealLoader())
                return None
        class RealLoader(importlib.abc.Loader):
            def create_module(self, spec):
                return real
            def exec_module(self, module):
                pass
        light_imports.install()  # first on sys.meta_path (done already when reader.core.search was imported)
        sys.meta_path.insert(1, Finder())  # next: found before the installed Whoosh
        import whoosh.reading
        assert whoosh.reading.made == "the real one's"
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
