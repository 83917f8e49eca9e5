"""The body of an index worker process: one segment of a batch, written from documents sent by the parent.

Started by pooled_writer with the `spawn` method on every platform, so a
worker begins with a fresh interpreter: it sets up what it needs itself
(jieba with the library's cache file, the project's segment writer from
whoosh27) and inherits nothing else.  It must never outlive its parent or
leave half a segment behind:

* a listener thread reads the parent's commands as they come, so a cancel
  is seen while documents are being indexed; the main thread stops at the
  next document, deletes its segment's files and exits;
* the end of the command pipe (the parent died, however) is treated as a
  cancel, with a hard exit a second later at most; on Linux the kernel
  also kills the worker when its parent dies (PR_SET_PDEATHSIG);
* any failure is reported to the parent as text, with the segment's files
  deleted; the parent fails the batch.

Only light modules are imported at module level: the listener must be
reading before the parent has filled the pipe.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import queue
import signal
import sys
import threading
import traceback
from multiprocessing.connection import Connection

from reader.core.faults import reach

#: Commands, parent to worker: (DOCUMENTS, [fields, ...]), (FINISH,), (CANCEL,).
DOCUMENTS, FINISH, CANCEL = "documents", "finish", "cancel"
#: Replies, worker to parent: (SEGMENT, finished segment) or (FAILED, traceback text).
SEGMENT, FAILED = "segment", "failed"
#: How long a worker whose parent is gone may take to delete its files before it exits anyway.
ORPHAN_GRACE_SECONDS = 1.0
_EXIT_ORPHANED = 3
_PR_SET_PDEATHSIG = 1


class _Cancelled(Exception):
    """The parent cancelled the batch, or is gone."""


def _die_with_parent(parent_pid: int) -> None:
    """Have Linux kill this process when its parent dies; exit now if it already has.

    The signal comes when the *thread* that started the worker ends: the
    parent keeps its workers within one call (pooled_writer), so that
    thread outlives them.  Elsewhere the listener's end-of-pipe does the job.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(_EXIT_ORPHANED)


def _listen(commands: Connection, inbox: queue.SimpleQueue, stop: threading.Event, done: threading.Event) -> None:
    """Move the parent's commands to `inbox`; a cancel or the parent's end sets `stop` at once."""
    while True:
        try:
            message = commands.recv()
        except (EOFError, OSError):
            if done.is_set():
                return  # the parent closed the pipe after taking the segment
            stop.set()
            inbox.put((CANCEL,))
            done.wait(ORPHAN_GRACE_SECONDS)  # time to delete the segment's files
            os._exit(_EXIT_ORPHANED)
        if message[0] == CANCEL:
            stop.set()
        inbox.put(message)


def _write_segment(writer, inbox: queue.SimpleQueue, stop: threading.Event):
    """Index documents until FINISH (the finished segment) or a cancel (_Cancelled)."""
    while True:
        message = inbox.get()
        if message[0] == DOCUMENTS:
            for fields in message[1]:
                if stop.is_set():
                    break
                writer.add_document(**fields)
                reach("worker-indexing")
        elif message[0] == FINISH and not stop.is_set():
            from reader.core.search.whoosh27.subsegments import finish_subsegment

            return finish_subsegment(writer)
        if stop.is_set():
            raise _Cancelled


def run(commands: Connection, results: Connection, index_dir: str, options: dict, jieba_cache: str, parent_pid: int):
    """The worker's main: write one segment of the index in `index_dir`, report it, exit."""
    _die_with_parent(parent_pid)
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    stop, done = threading.Event(), threading.Event()
    threading.Thread(target=_listen, args=(commands, inbox, stop, done), daemon=True).start()
    writer = None
    try:
        from pathlib import Path

        from reader.core.search.index import build_schema
        from reader.core.search.jieba_loader import configure_jieba_cache, jieba_tokenizer
        from reader.core.search.whoosh27.subsegments import open_subsegment_writer

        configure_jieba_cache(Path(jieba_cache))
        writer = open_subsegment_writer(index_dir, options, build_schema())
        jieba_tokenizer()  # loaded while the first documents arrive
        segment = _write_segment(writer, inbox, stop)
        done.set()
        results.send((SEGMENT, segment))
    except _Cancelled:
        _discard(writer)
    except BaseException:
        _discard(writer)
        with contextlib.suppress(OSError):
            results.send((FAILED, traceback.format_exc()))
    finally:
        done.set()


def _discard(writer) -> None:
    if writer is not None:
        from reader.core.search.whoosh27.subsegments import discard_subsegment

        discard_subsegment(writer)
