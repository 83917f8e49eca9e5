"""Order the matches of a query: BM25 on posting arrays, headline bonus, printed form first, stable ties.

Why not Whoosh's collectors: they score each match through a tree of Python
matcher objects (~10 µs per document per clause), and their top-N shortcuts
("matcher replacement") change some documents' scores, so page one would not
be the head of the full list.  Here each ranking term's posting list is an
array (posting_cache), its BM25 is one vectorised expression added into a
score per document, and only the page asked for is sorted: the rest of the
matches are cut off by one partition.  Exact, and the same order whatever
the page size (ties go to the lower document number).

Score of an article = sum over the query's terms of
  * BM25 of each jieba word of the term in the body words (whole-word matches;
    the term's words are found in the index's own word list: query_words),
  * BM25 of the same words in the headline, weighted HEADLINE_WORD_WEIGHT,
  * HEADLINE_BONUS if the headline contains the term literally,
  * ANCHOR_WEIGHT x BM25 of the term's rarest literal token among those the
    phrase check reads (every match has it, so articles where the term is
    only part of other words are still ordered; and its postings are decoded
    already: matching.DocSets.checked_offsets).
Before the score comes the number of terms the article prints as they were
typed: search folds traditional and simplified characters alike, and an
article printed in the reader's own form ranks first (printed_form_matches).
"""

from __future__ import annotations

import math

import numpy as np

from reader.core.search.analysis import PRINTED_FORMS, SEARCH_FORMS, VARIANT_MARK, field_prefix, literal_index_terms
from reader.core.search.matching import DocSets
from reader.core.search.posting_cache import PostingCache
from reader.core.search.query import Query, Term
from reader.core.search.query_words import query_words
from reader.core.search.sorted_arrays import intersect, lookup

K1 = 1.2
B = 0.75
HEADLINE_WORD_WEIGHT = 3.0
HEADLINE_BONUS = 4.0
ANCHOR_WEIGHT = 0.2
#: A term's BM25 is worked out for the matches only (looked up in its postings) when they are under
#: 1 / MATCHES_SHARE of them; else for every posting, which costs less than the look-ups.
MATCHES_SHARE = 4


class LengthNorms:
    """BM25 length norms of every document, K1 * (1 - B + B * length / average length), per field."""

    def __init__(self, cache: PostingCache) -> None:
        self.cache = cache
        self._norms: dict[str, np.ndarray] = {}

    def norms(self, field: str) -> np.ndarray:
        if field not in self._norms:
            average = self.cache.searcher.avg_field_length(field, 1.0) or 1.0
            self._norms[field] = K1 * (1 - B + B * self.cache.lengths(field) / average)
        return self._norms[field]


class Ranker:
    """Scores the documents of one query on one searcher, as arrays indexed by document number."""

    def __init__(self, cache: PostingCache, norms: LengthNorms, docsets: DocSets, matches: np.ndarray) -> None:
        self.cache = cache
        self.length_norms = norms
        self.docsets = docsets
        #: The query's matches (sorted): the only documents whose scores are read.
        self.matches = matches
        self.documents = max(1, cache.searcher.doc_count())

    def _idf(self, field: str, text: str) -> float:
        frequency = self.cache.document_frequency(field, text)
        return math.log(1.0 + (self.documents - frequency + 0.5) / (frequency + 0.5))

    def _add_bm25(self, scores: np.ndarray, field: str, text: str, weight: float) -> None:
        """Add the term's BM25 to the scores of the matches (self.matches) that have it.

        Only the matches' scores are ever read: where they are a small part of
        the term's postings (a phrase and a common word of it), they are looked
        up in the postings and only theirs are worked out.
        """
        idf = self._idf(field, text) * weight
        if idf <= 0:
            return
        ids, weights = self.cache.postings(field, text)
        if not len(ids):
            return
        if len(self.matches) * MATCHES_SHARE < len(ids):
            places, found = lookup(ids, self.matches)
            ids, weights = self.matches[found], weights[places[found]]
        tf = weights.astype(np.float64)
        scores[ids] += idf * (K1 + 1) * tf / (tf + self.length_norms.norms(field)[ids])

    def _words(self, text: str) -> list[str]:
        """The jieba words of a term as the index has them (query_words: no jieba dictionary at search time)."""
        total = self.cache.searcher.field_length("words")
        return query_words(text, lambda word: self.cache.document_frequency("words", word), total)

    def scores(self, query: Query) -> np.ndarray:
        """Scores by document number; only the matches' are worked out (the rest stay 0.0 or partial)."""
        scores = np.zeros(self.cache.size, dtype=np.float64)
        for term in query.positive_terms():
            field, keys = literal_index_terms(term.text, term.headline_only)
            if not keys:
                continue
            for word in sorted(set(self._words(term.text))):  # sorted: the same sums in every process
                self._add_bm25(scores, "headline_words", word, HEADLINE_WORD_WEIGHT)
                if not term.headline_only:
                    self._add_bm25(scores, "words", word, 1.0)
            anchor = keys[self.docsets.checked_offsets(field, keys)[0]]  # the phrase check decoded it already
            self._add_bm25(scores, field, anchor, ANCHOR_WEIGHT)
            if not term.headline_only:
                scores[self.docsets.literal(Term(term.text, headline_only=True))] += HEADLINE_BONUS
        return scores

    def printed_form_matches(self, query: Query) -> np.ndarray | None:
        """How many of the query's terms each document prints as typed; None when no term could differ.

        The chars fields index a variant token for each character printed
        other than in its searchable form (analysis.variant_tokens).  A term
        typed with such characters (北碚區) is printed as typed where the
        document has all their variant tokens; a term typed in searchable
        form (北碚区) wherever the document has no variant of its characters.
        """
        variants = self.cache.variant_forms()
        if not variants:
            return None  # an archive printed wholly in searchable form: nothing to tell apart
        counts = np.zeros(self.cache.size, dtype=np.int16)
        for term in query.positive_terms():
            field = field_prefix(term.headline_only) + "chars"
            chars = [char for char in term.text if not char.isspace()]
            typed = {PRINTED_FORMS[ord(char)] for char in chars} - {SEARCH_FORMS[ord(char)] for char in chars}
            if typed:
                printed = None
                for form in sorted(typed):
                    ids = self.cache.ids(field, VARIANT_MARK + form)
                    printed = ids if printed is None else intersect(printed, ids)
                counts[printed] += 1
            else:
                folded = {SEARCH_FORMS[ord(char)] for char in chars}
                mark = np.ones(self.cache.size, dtype=bool)
                for form in folded:
                    for variant in variants.get(form, ()):
                        mark[self.cache.ids(field, VARIANT_MARK + variant)] = False
                counts[mark] += 1
        return counts


def top_documents(
    matches: np.ndarray, scores: np.ndarray, printed: np.ndarray | None, end: int | None
) -> list[tuple[int, float]]:
    """The best (document, score) pairs up to `end`, best first; ties go to the lower document number.

    Order: terms printed as typed, then score, then document number.  Only
    what can reach the page is sorted: a partition finds the `end`-th best of
    one key that folds the first two together, and the matches at or above it
    are sorted exactly.
    """
    if end is not None and end <= 0:
        return []
    match_scores, match_printed = scores[matches], _printed_counts(printed, matches)
    chosen = np.arange(len(matches))
    if end is not None and end < len(matches):
        key = match_printed * 1e6 + match_scores  # scores stay far below 1e6
        threshold = np.partition(key, len(key) - end)[len(key) - end]
        chosen = np.flatnonzero(key >= threshold)
    order = chosen[np.lexsort((matches[chosen], -match_scores[chosen], -match_printed[chosen]))][:end]
    return [(int(matches[index]), float(match_scores[index])) for index in order]


def by_date(
    matches: np.ndarray, scores: np.ndarray, printed: np.ndarray | None, date_ranks: np.ndarray, end: int | None
) -> list[tuple[int, float]]:
    """The matches newest issue first, then as top_documents orders them, up to `end`."""
    match_scores = scores[matches]
    order = np.lexsort((matches, -match_scores, -_printed_counts(printed, matches), -date_ranks[matches]))[:end]
    return [(int(matches[index]), float(match_scores[index])) for index in order]


def _printed_counts(printed: np.ndarray | None, matches: np.ndarray) -> np.ndarray:
    """Each match's count of terms printed as typed (all 0 when no term could differ)."""
    return np.zeros(len(matches)) if printed is None else printed[matches].astype(np.float64)
