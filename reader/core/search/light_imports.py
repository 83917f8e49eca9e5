"""Whoosh imported without the standard library's HTTP client and asyncio, which it never uses here.

`whoosh.compat` imports `urlretrieve` from `urllib.request` (which loads
http.client, email and ssl's neighbours) for a corpus download the project
never makes, and `whoosh.reading` takes `cached_property` from the package
of that name, which imports asyncio for its async variants.  Together about
a quarter of a `reader search` process's start.  While those two Whoosh
modules execute, a light stand-in takes each name's place in
`sys.modules`: a `urlretrieve` that imports the real module if it is ever
called, and the standard library's `functools.cached_property` (the same
compute-once-per-instance behaviour for the one property Whoosh declares).
The stand-in is removed as soon as the module has run, so anything else
that imports `urllib.request` or `cached_property` gets the real one.

The hook only wraps the loader the other finders choose (so a frozen build's
importer keeps working), does nothing when the real module is loaded
already, and never stops an import: a module that asks a stand-in for more than it has
is run again with the real module.
"""

from __future__ import annotations

import functools
import importlib.abc
import sys
import types


def _urllib_request() -> types.ModuleType:
    stand_in = types.ModuleType("urllib.request")

    def urlretrieve(*args, **kwargs):
        import importlib

        if sys.modules.get("urllib.request") is stand_in:  # called while Whoosh's module still runs
            del sys.modules["urllib.request"]
        # Otherwise the real module, imported already or now: never a second copy of one imported already.
        return importlib.import_module("urllib.request").urlretrieve(*args, **kwargs)

    stand_in.urlretrieve = urlretrieve
    return stand_in


def _cached_property() -> types.ModuleType:
    stand_in = types.ModuleType("cached_property")
    stand_in.cached_property = functools.cached_property
    return stand_in


#: Whoosh module -> (the module it imports needlessly, a maker of its stand-in).
STAND_INS = {
    "whoosh.compat": ("urllib.request", _urllib_request),
    "whoosh.reading": ("cached_property", _cached_property),
}


class _StandInLoader(importlib.abc.Loader):
    """Runs a Whoosh module with a stand-in in sys.modules, then takes the stand-in away."""

    def __init__(self, loader, replaced: str, make) -> None:
        self._loader, self._replaced, self._make = loader, replaced, make

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        if self._replaced in sys.modules:  # the real one is loaded already: nothing to save
            self._loader.exec_module(module)
            return
        stand_in = sys.modules[self._replaced] = self._make()
        try:
            self._loader.exec_module(module)
        except (ImportError, AttributeError):  # asks the stand-in for more than it has (another Whoosh release)
            self._drop(stand_in)
            self._loader.exec_module(module)  # as usual, with the real module
        finally:
            self._drop(stand_in)

    def _drop(self, stand_in: types.ModuleType) -> None:
        if sys.modules.get(self._replaced) is stand_in:
            del sys.modules[self._replaced]


class _StandInFinder(importlib.abc.MetaPathFinder):
    """Finds the Whoosh modules of STAND_INS with the other finders, and wraps their loaders."""

    def find_spec(self, name, path, target=None):
        if name not in STAND_INS:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            if spec.loader is None or not hasattr(spec.loader, "exec_module"):
                return spec
            spec.loader = _StandInLoader(spec.loader, *STAND_INS[name])
            return spec
        return None


def install() -> None:
    """Put the finder first on sys.meta_path (once)."""
    if not any(isinstance(finder, _StandInFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _StandInFinder())
