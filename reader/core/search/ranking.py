"""Order the matches of a query: BM25 over posting blocks, headline bonus, stable ties.

Why not Whoosh's collectors: they score each match through a tree of Python
matcher objects (~10 µs per document per clause), and their top-N shortcuts
("matcher replacement") change some documents' scores, so page one would not
be the head of the full list.  Here each ranking term's posting list is read
block by block as arrays, scores are summed in a dict for the matching
documents only, and `heapq` picks the best: several times faster, exact, and
the same order whatever the page size (ties go to the lower document number).

Score of an article = sum over the query's terms of
  * BM25 of each jieba word of the term in the body words (whole-word matches),
  * BM25 of the same words in the headline, weighted HEADLINE_WORD_WEIGHT,
  * HEADLINE_BONUS if the headline contains the term literally,
  * ANCHOR_WEIGHT x BM25 of the term's rarest literal token (every match has it,
    so articles where the term is only part of other words are still ordered).
"""

from __future__ import annotations

import heapq
import math
from array import array
from dataclasses import replace

from whoosh.searching import Searcher as WhooshSearcher

from reader.core.search.analysis import word_tokens
from reader.core.search.matching import DocSets, field_prefix, literal_grams, literal_tokens
from reader.core.search.query import Query
from reader.core.search.whoosh27.postings import WEIGHTS, FieldLengthLists, blocks

K1 = 1.2
B = 0.75
HEADLINE_WORD_WEIGHT = 3.0
HEADLINE_BONUS = 4.0
ANCHOR_WEIGHT = 0.2


class LengthNorms:
    """BM25 length norms of every document and field averages of one searcher, computed once per field."""

    def __init__(self, searcher: WhooshSearcher) -> None:
        self.searcher = searcher
        self._norms: dict[tuple[int, str], array] = {}
        self._averages: dict[str, float] = {}

    def norms(self, segment: int, reader, field: str) -> array:
        """K1 * (1 - B + B * length / average length) of every document of the segment."""
        key = (segment, field)
        if key not in self._norms:
            average = self.average(field)
            lengths = FieldLengthLists(reader).lengths(field)
            self._norms[key] = array("d", [K1 * (1 - B + B * length / average) for length in lengths])
        return self._norms[key]

    def average(self, field: str) -> float:
        if field not in self._averages:
            self._averages[field] = self.searcher.avg_field_length(field, 1.0) or 1.0
        return self._averages[field]


class Ranker:
    """Scores matching documents for one query on one searcher."""

    def __init__(self, searcher: WhooshSearcher, norms: LengthNorms, docsets: DocSets) -> None:
        self.searcher = searcher
        self.length_norms = norms
        self.docsets = docsets
        self.documents = max(1, searcher.doc_count())

    def _idf(self, field: str, text: str) -> float:
        frequency = self.searcher.doc_frequency(field, text)
        return math.log(1.0 + (self.documents - frequency + 0.5) / (frequency + 0.5))

    def _add_bm25(self, scores: dict[int, float], matches: set[int], field: str, text: str, weight: float) -> None:
        idf = self._idf(field, text) * weight
        if idf <= 0:
            return
        scale = idf * (K1 + 1)
        score_of = scores.get
        for segment, (subsearcher, base) in enumerate(self.searcher.leaf_searchers()):
            reader = subsearcher.reader()
            norms = None
            for ids, weights in blocks(reader, field, text, carrying=WEIGHTS):
                if norms is None:
                    norms = self.length_norms.norms(segment, reader, field)
                for local, tf in zip(ids, weights, strict=True):
                    doc = local + base
                    if doc in matches:
                        scores[doc] = score_of(doc, 0.0) + scale * tf / (tf + norms[local])

    def scores(self, query: Query, matches: set[int]) -> dict[int, float]:
        """Score of every matching document (0.0 for a match no ranking clause reaches)."""
        scores: dict[int, float] = {}
        for term in query.positive_terms():
            prefix = field_prefix(term)
            tokens = literal_tokens(term.text)
            if not tokens:
                continue
            words = set(word_tokens(term.text))
            for word in words:
                self._add_bm25(scores, matches, "headline_words", word, HEADLINE_WORD_WEIGHT)
                if not term.headline_only:
                    self._add_bm25(scores, matches, "words", word, 1.0)
            if len(tokens) == 1:
                self._add_bm25(scores, matches, prefix + "chars", tokens[0], ANCHOR_WEIGHT)
            else:
                grams = literal_grams(term.text)
                rarest = min(grams, key=lambda gram: len(self.docsets.postings(prefix + "bigrams", gram)))
                self._add_bm25(scores, matches, prefix + "bigrams", rarest, ANCHOR_WEIGHT)
            if not term.headline_only:
                headline = self.docsets.literal(replace(term, headline_only=True), exact=term.quoted) & matches
                for doc in headline:
                    scores[doc] = scores.get(doc, 0.0) + HEADLINE_BONUS
        return scores


def top_documents(scores: dict[int, float], matches: set[int], limit: int | None) -> list[tuple[int, float]]:
    """The best (document, score) pairs, best first; ties go to the lower document number."""
    ranked = ((scores.get(doc, 0.0), -doc) for doc in matches)
    if limit is None:
        best = sorted(ranked, reverse=True)
    else:
        best = heapq.nlargest(limit, ranked)
    return [(-negative_doc, score) for score, negative_doc in best]
