"""A test-only hook: READER_FAULT=PHASE kills this process with SIGKILL when it reaches PHASE.

The fault suite (tests/core/test_faults.py) runs `reader import` and
`reader reindex` with the variable set, to crash them at a precise step and
check that the next command recovers.  Without the variable, `reach` does
nothing: no user ever sets it, and nothing else reads it.  The variable is
inherited by the index's worker processes, so a phase named in a worker
kills the worker, not the importer.

Phases, in the order an import or a rebuild reaches them:

* stored-before-rows: originals and sidecars of a batch written, no catalog row yet
* rows-before-index: the batch's rows written `pending`, nothing indexed
* importer-while-worker-indexes: the importer, once a worker has documents to index
* worker-indexing: a worker, after indexing its first document (the batch then fails)
* committed-before-marked: the index commit done, the rows still `pending`
* rebuild-before-swap: a rebuild's new index complete beside the old one
* swap-between-renames: the old index moved aside, the new one not yet in its place
"""

from __future__ import annotations

import os
import signal

FAULT_ENV = "READER_FAULT"

PHASES = (
    "stored-before-rows",
    "rows-before-index",
    "importer-while-worker-indexes",
    "worker-indexing",
    "committed-before-marked",
    "rebuild-before-swap",
    "swap-between-renames",
)


def reach(phase: str) -> None:
    """Die here, as a power cut or `kill -9` would, when READER_FAULT names `phase`; else do nothing."""
    if os.environ.get(FAULT_ENV) == phase:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))  # Windows has no SIGKILL
