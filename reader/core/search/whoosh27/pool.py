"""A posting pool that groups an article's postings by term as they arrive.

An article gives Whoosh about a thousand postings (characters, bigrams,
words).  Whoosh's own pool keeps them as (field, term, document, weight,
value) tuples and sorts all of them when the segment is flushed: on a
1,000-issue import millions of tuples.  Whoosh hands postings over in
document order, so each term's list is already in document order; grouping
them by term means a flush sorts only the distinct terms.

Past its memory limit (a very large issue, a big batch) the pool spills its
terms, sorted, to a run in a temporary file, one pickle per term and its
whole list; the flush merges the runs term by term, joining each term's
lists in the order the runs were written (documents in order).  Whoosh's
own spill pickles every posting by itself and feeds the codec one posting
at a time: a 9 MB issue spent most of its import there.
"""

from __future__ import annotations

import heapq
import itertools
import pickle
import tempfile
from collections.abc import Iterator

from whoosh.writing import PostingPool

#: Rough memory of one posting in a term's list (three references, a float, a small bytes)
#: and of one term's entry in the pool: only to decide when to spill, as Whoosh does.
POSTING_BYTES = 3 * 8 + 24 + 40
TERM_BYTES = 200

TermKey = tuple[str, bytes]


class TermGroupedPool(PostingPool):
    """A posting pool keeping each term's postings together, in the order they came.

    Attributes:
        terms: (field name, term bytes) to a flat list [docnum, weight, value, docnum, ...].
        spilled: the runs written so far (temporary files, deleted when closed).
    """

    #: Class attributes so that a test can make a small pool spill.
    posting_bytes = POSTING_BYTES
    term_bytes = TERM_BYTES

    def __init__(self, tempstore, segment, limitmb=128, **kwargs) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        self.terms: dict[TermKey, list] = {}
        self.spilled: list = []

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, value = item
        postings = self.terms.get((fieldname, tbytes))
        if postings is None:
            self.terms[fieldname, tbytes] = [docnum, weight, value]
            self.fieldnames.add(fieldname)
            self.currentsize += self.term_bytes
        else:
            postings += (docnum, weight, value)
        self.currentsize += self.posting_bytes
        if self.currentsize > self.limit:
            self.save()

    def save(self) -> None:
        """Spill the grouped terms, sorted, to a run (memory limit)."""
        if not self.terms:
            return
        # In the writer's own temporary folder (inside the index): nothing written outside the library.
        run = tempfile.TemporaryFile(prefix="postings-", dir=getattr(self.tempstore, "folder", None))
        dump = pickle.Pickler(run, pickle.HIGHEST_PROTOCOL).dump
        for key in sorted(self.terms):
            dump((key, self.terms[key]))
        run.flush()
        self.spilled.append(run)
        self.terms = {}
        self.currentsize = 0

    def grouped_postings(self) -> Iterator[tuple[TermKey, list]]:
        """Every term in order with its flat list of postings: the runs' and memory's, joined in document order."""
        sources = [_read_run(run, number) for number, run in enumerate(self.spilled)]
        held = len(self.spilled)
        memory = self.terms
        sources.append((key, held, memory.pop(key)) for key in sorted(memory))  # freed as written
        for key, parts in itertools.groupby(heapq.merge(*sources, key=lambda item: item[:2]), key=lambda item: item[0]):
            lists = [postings for _key, _run, postings in parts]
            yield key, lists[0] if len(lists) == 1 else [posting for part in lists for posting in part]

    def iter_postings(self):
        """Whoosh's interface (other codecs): every posting as a tuple, in order."""
        for (fieldname, tbytes), postings in self.grouped_postings():
            for at in range(0, len(postings), 3):
                yield fieldname, tbytes, postings[at], postings[at + 1], postings[at + 2]

    def items(self, maxfiles=128):
        return self.iter_postings()

    def cleanup(self) -> None:
        for run in self.spilled:
            run.close()
        self.spilled = []
        super().cleanup()


def _read_run(run, number: int) -> Iterator[tuple[TermKey, int, list]]:
    """A run's terms in order, tagged with the run's number (so equal terms keep the runs' order)."""
    run.seek(0)
    load = pickle.Unpickler(run).load
    while True:
        try:
            key, postings = load()
        except EOFError:
            return
        yield key, number, postings
