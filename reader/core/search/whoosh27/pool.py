"""A posting pool that groups an article's postings by term as they arrive.

An article gives Whoosh about a thousand postings (characters, bigrams,
words).  Whoosh's own pool keeps them as (field, term, document, weight,
value) tuples and sorts all of them when the segment is flushed: on a
1,000-issue import millions of tuples.  Whoosh hands postings over in
document order, so each term's list is already in document order; grouping
them by term means a flush sorts only the distinct terms.  Should the pool
outgrow its memory limit it falls back to Whoosh's own sorted runs on disk.
"""

from __future__ import annotations

from whoosh.writing import PostingPool

#: Rough memory of one posting in a term's list (three references, a float, a small bytes)
#: and of one term's entry in the pool: only to decide when to spill, as Whoosh does.
POSTING_BYTES = 3 * 8 + 24 + 40
TERM_BYTES = 200


class TermGroupedPool(PostingPool):
    """A posting pool keeping each term's postings together, in the order they came.

    Attributes:
        terms: (field name, term bytes) to a flat list [docnum, weight, value, docnum, ...].
    """

    #: Class attributes so that a test can make a small pool spill.
    posting_bytes = POSTING_BYTES
    term_bytes = TERM_BYTES

    def __init__(self, tempstore, segment, limitmb=128, **kwargs) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        self.terms: dict[tuple[str, bytes], list] = {}

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
        """Spill to a sorted run on disk, as Whoosh's pool does (memory limit, or a parent asks)."""
        self._ungroup()
        super().save()

    def items(self, maxfiles=128):
        self._ungroup()
        return super().items(maxfiles)

    def grouped_terms(self) -> dict[tuple[str, bytes], list] | None:
        """All postings grouped by term, or None once some went to disk."""
        return None if self.runs else self.terms

    def _ungroup(self) -> None:
        """Move the grouped postings into Whoosh's flat `current` list of tuples."""
        append = self.current.append
        for (fieldname, tbytes), postings in self.terms.items():
            for at in range(0, len(postings), 3):
                append((fieldname, tbytes, postings[at], postings[at + 1], postings[at + 2]))
        self.terms = {}
