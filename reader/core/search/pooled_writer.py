"""Indexing a big batch in several processes, the workers started with `spawn` on every platform.

Whoosh's MpWriter forks: under `spawn` (Windows, macOS, Python 3.14) its
workers would run stock Whoosh without the project's writer, jieba would
use the host's cache dir, a failed batch left its children blocked for
ever, and forking from the window's worker thread warns on Python 3.13.

Here a batch is shared among PROCESSES processes: PROCESSES - 1 workers
(index_worker) and the importing process itself.  The issues go in order,
the first shares to the workers, the last to the parent, so the committed
segments hold the documents in the order they were added, as a single
writer would (ties in ranking go to the earlier article).  A spawned worker
must load jieba's dictionary itself (seconds, where a forked one shared
the parent's); the parent loads its own meanwhile and then indexes its
share while the workers index theirs, so spawning costs little more than
forking did (benchmarks/spawn_vs_fork.py).  Each process writes one
segment with the project's writer (whoosh27); the parent, which holds
Whoosh's write lock and applies deletions and merges, commits all the
segments together: a batch becomes searchable whole or not at all, and the
catalog marks its issues indexed only after that commit.

Failures never hang and never leave anything behind: the parent waits on
its workers' result pipes and process sentinels together, asking
`cancelled()` between waits and between chunks of documents.  A cancel, a
worker's error or a worker's death stops every worker (a cancel message,
then a kill after STOP_SECONDS), then the parent's writer deletes every
segment file the index does not list (whoosh27.writer) and releases the
write lock.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import connection

from reader.core.errors import ErrorKind, ReaderError, Stopped
from reader.core.faults import reach
from reader.core.search import index_worker
from reader.core.search.jieba_loader import jieba_cache_file, jieba_tokenizer
from reader.core.search.whoosh27.writer import open_segment_writer

#: Processes indexing a batch, the importing one included (each writes one segment per commit).
PROCESSES = 2
#: Documents per message to a worker: enough to amortise a message, few enough to spread the work.
CHUNK_DOCUMENTS = 64
#: How often the parent asks `cancelled()` while it waits for its workers.
POLL_SECONDS = 0.1
#: How long cancelled workers get to stop at a document and delete their files before being killed.
STOP_SECONDS = 1.0


@dataclass
class _Worker:
    """One worker process and the parent's ends of its two pipes.

    Attributes:
        segment: the finished segment, once the worker has sent it.
        failure: the worker's traceback, if it reported one.
    """

    process: multiprocessing.process.BaseProcess
    commands: connection.Connection
    results: connection.Connection
    segment: object | None = None
    failure: str | None = None

    @classmethod
    def start(cls, index_dir: str, options: dict) -> _Worker:
        context = multiprocessing.get_context("spawn")
        worker_commands, parent_commands = context.Pipe(duplex=False)  # (receiving end, sending end)
        parent_results, worker_results = context.Pipe(duplex=False)
        process = context.Process(
            target=index_worker.run,
            args=(worker_commands, worker_results, index_dir, options, str(jieba_cache_file()), os.getpid()),
            name="reader-index-worker",
            daemon=True,  # also stopped by multiprocessing when the parent exits normally
        )
        process.start()
        worker_commands.close()  # the worker's ends are the worker's alone: its death closes its pipes
        worker_results.close()
        return cls(process, parent_commands, parent_results)

    def read_replies(self) -> bool:
        """Take every reply waiting in the pipe; False once the pipe is closed."""
        try:
            while self.results.poll():
                kind, *value = self.results.recv()
                if kind == index_worker.SEGMENT:
                    self.segment = value[0]
                elif kind == index_worker.FAILED:
                    self.failure = value[0]
        except (EOFError, OSError):
            return False
        return True

    def close(self) -> None:
        self.commands.close()
        self.results.close()


class PooledWriter:
    """An index writer for big batches: worker processes and this one index a share each.

    Offers what index.add_issue / delete_issue / writing use of a Whoosh
    writer: add_document, delete_by_term, commit(mergetype), cancel.

    Attributes:
        cancelled: asked between chunks of documents and while workers are waited for.
    """

    def __init__(
        self,
        ix,
        expected_issues: int,
        options: dict,
        cancelled: Callable[[], bool] | None = None,
        processes: int = PROCESSES,
    ) -> None:
        self.cancelled = cancelled
        self._writer = open_segment_writer(ix, **options)
        self._shares = max(2, processes)
        self._expected = max(1, expected_issues)
        self._workers: list[_Worker] = []
        self._buffer: list[dict] = []
        self._share = 0
        self._issue = None
        self._issues_seen = 0
        self._own_documents = 0
        self._finished = False
        try:
            for _ in range(self._shares - 1):
                self._workers.append(_Worker.start(ix.storage.folder, options))
            jieba_tokenizer()  # for this process's share, loaded while the workers start
        except BaseException:
            self.cancel()
            raise

    def worker_pids(self) -> list[int]:
        """The workers' process ids (for tests that end one)."""
        return [worker.process.pid for worker in self._workers]

    def add_document(self, **fields) -> None:
        """Index a document here, or queue it for the worker whose share of the batch its issue falls in."""
        if fields.get("issue") != self._issue:
            self._issue = fields.get("issue")
            self._issues_seen += 1
            share = min(self._shares - 1, (self._issues_seen - 1) * self._shares // self._expected)
            if share != self._share:
                self._send_buffer()
                self._share = share
        if self._share == len(self._workers):  # the last share is this process's
            if self._own_documents % CHUNK_DOCUMENTS == 0:
                self._check_cancelled()
            self._own_documents += 1
            self._writer.add_document(**fields)
            return
        self._buffer.append(fields)
        if len(self._buffer) >= CHUNK_DOCUMENTS:
            self._send_buffer()

    def delete_by_term(self, fieldname: str, text: str) -> None:
        """Mark documents of the segments already in the index deleted (at the commit)."""
        self._writer.delete_by_term(fieldname, text)

    def commit(self, mergetype=None) -> None:
        """Commit every process's segment together, with this writer's deletions and merges.

        This process writes its own segment (and merges) while the workers
        write theirs, then waits for them.
        """
        try:
            self._send_buffer()
            for worker in self._workers:
                self._send(worker, (index_worker.FINISH,))
            self._writer.commit_with_segments(self._collect_segments, mergetype)
        except BaseException:
            self.cancel()  # a full disk, say: no worker may be left waiting
            raise
        self._finished = True
        self._stop_workers()

    def cancel(self) -> None:
        """Stop the workers, delete every segment of the batch, release the write lock (idempotent)."""
        if self._finished:
            return
        self._finished = True
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.commands.send((index_worker.CANCEL,))
        self._stop_workers()
        if not self._writer.is_closed:
            self._writer.cancel()  # also deletes the files of the workers' segments

    # -- talking to the workers ------------------------------------------------
    def _check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            self.cancel()
            raise Stopped()

    def _send_buffer(self) -> None:
        if self._buffer:
            self._check_cancelled()
            self._send(self._workers[self._share], (index_worker.DOCUMENTS, self._buffer))
            self._buffer = []
            reach("importer-while-worker-indexes")

    def _send(self, worker: _Worker, message: tuple) -> None:
        try:
            worker.commands.send(message)
        except OSError:  # the worker is gone: its end of the pipe closed
            self._fail(worker)

    def _collect_segments(self) -> list:
        """Every worker's finished segment, in worker order; fails the batch if one cannot give it."""
        waiting = list(self._workers)
        while waiting:
            self._check_cancelled()
            handles = [w.results for w in waiting] + [w.process.sentinel for w in waiting]
            ready = set(connection.wait(handles, timeout=POLL_SECONDS))
            for worker in list(waiting):
                exited = worker.process.sentinel in ready
                if not exited and worker.results not in ready:
                    continue
                pipe_open = worker.read_replies()  # replies sent before an exit are still in the pipe
                if worker.failure is not None:
                    self._fail(worker)
                if worker.segment is not None:
                    waiting.remove(worker)
                elif exited or not pipe_open:
                    self._fail(worker)
        return [worker.segment for worker in self._workers]

    def _fail(self, worker: _Worker) -> None:
        """Cancel the batch and raise the error that names what happened to `worker`."""
        worker.read_replies()
        self.cancel()
        if worker.failure is not None:
            detail = worker.failure.strip().splitlines()[-1]
        else:
            detail = f"an indexing process ended unexpectedly (exit code {worker.process.exitcode})"
        raise ReaderError(ErrorKind.INDEXING_FAILED, detail=detail)

    def _stop_workers(self) -> None:
        """Let the workers exit (they do after their last reply or a cancel); kill any that does not."""
        deadline = time.monotonic() + STOP_SECONDS
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.close()
