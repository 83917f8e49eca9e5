"""Search: exact matching (matching.py), ranking (ranking.py), then hits with snippets.

Matching and ranking work on numpy arrays and are imported on the first
query that may match: a query one of whose required terms has a character
or bigram the index has never seen (a name not in the archive, a typo) is
answered from the term dictionary alone, so `reader search` for it costs
little more than the program's start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from whoosh.index import Index
from whoosh.searching import Searcher as WhooshSearcher

from reader.core.search.analysis import fill_han_forms, literal_index_terms
from reader.core.search.index_files import index_identity, open_index
from reader.core.search.query import Query, Term, parse_query
from reader.core.search.results import Hit, SearchResult
from reader.core.search.snippets import make_snippet
from reader.core.search.whoosh27.term_lookups import TermLookups

if TYPE_CHECKING:
    from reader.core.search.facets import FacetLabels
    from reader.core.search.matching import DateTable
    from reader.core.search.posting_cache import PostingCache
    from reader.core.search.ranking import LengthNorms


def _open_pinned(index: Index) -> WhooshSearcher:
    """A Whoosh searcher with every file of its segments already open.

    Whoosh opens a segment's column files (stored fields, field lengths,
    dates) on first use.  A merge committed meanwhile deletes the files of the
    segments it merged, and this view would then find them gone.  Open, they
    stay readable (POSIX) or cannot be deleted yet (Windows; Whoosh deletes
    them at a later commit), so the view stays whole until it is refreshed.
    """
    searcher = index.searcher()
    scorable = [name for name, field in index.schema.items() if field.scorable]
    for subsearcher, _base in searcher.leaf_searchers():
        reader = subsearcher.reader()
        if reader.doc_count_all():
            reader.stored_fields(0)
            for name in scorable:
                reader.doc_field_length(0, name)
            if reader.has_column("date"):
                reader.column_reader("date")
    return searcher


class Searcher:
    """An open index ready for queries; `refresh()` after imports to see new issues.

    Raises IndexNotReady when there is no current index: a searcher never
    creates or replaces one (that is the writer's job, under its lock).

    Per-searcher caches (term-dictionary entries, decoded posting lists, issue dates, length norms)
    are read on first use and dropped when a refresh brings a new view of the index.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._identity = index_identity(index_dir)
        self.index: Index = open_index(index_dir, create=False)
        self._searcher = _open_pinned(self.index)
        self._reset_caches()

    def _reset_caches(self) -> None:
        self._lookups = TermLookups([subsearcher.reader() for subsearcher, _ in self._searcher.leaf_searchers()])
        self._dates: DateTable | None = None
        self._postings: PostingCache | None = None
        self._norms: LengthNorms | None = None
        self._facet_labels: FacetLabels | None = None

    def _arrays(self) -> tuple[PostingCache, LengthNorms]:
        """The view's decoded posting lists and length norms, made on first use."""
        if self._postings is None or self._norms is None:
            from reader.core.search.posting_cache import PostingCache
            from reader.core.search.ranking import LengthNorms

            self._postings = PostingCache(self._searcher, lookups=self._lookups)
            self._norms = LengthNorms(self._postings)
        return self._postings, self._norms

    def prepare(self) -> None:
        """Ready this view for its first search with hits: the array code (numpy), length norms, the date table.

        For a process that goes on searching (the window calls it on its search
        thread, while the reader looks at the first article): otherwise its first
        search pays for importing numpy (~0.1 s), reading every document's
        field lengths, the printed variants the index holds
        (ranking.printed_form_matches) and, for a date: query, a date order or
        the facets, every document's date (~0.15 s at 10,000 issues).  A one-off
        command-line search needs none of it before it knows it has hits, so it
        does not call this.
        Also folds every common Han character once (analysis.fill_han_forms, and
        fold_table for snippets): a first search's snippets would otherwise fold them one by one.
        """
        postings, norms = self._arrays()
        for field in ("words", "headline_words", "chars", "bigrams"):
            norms.norms(field)
        postings.variant_forms()
        self._date_table()
        self._labels()
        fill_han_forms()
        from reader.core.search import fold_table

        fold_table.fill()

    def refresh(self) -> None:
        """See the latest committed state of the index.

        Opens a new Whoosh searcher rather than calling its refresh(), which fails
        when the previous view was of an empty index (Whoosh 2.7 reuses its readers).
        After a rebuild was swapped in, the index itself is opened again: the
        new one may well have reached the same generation number as the old.
        """
        identity = index_identity(self.index_dir)
        if identity != self._identity:
            # The identity kept only once the new index opened: a failed open (the index being swapped in,
            # a share gone) is tried again at the next refresh, not taken for the old index being current.
            self.index = open_index(self.index_dir, create=False)
            self._identity = identity
        elif self._searcher.up_to_date():
            return
        stale, self._searcher = self._searcher, _open_pinned(self.index)
        stale.close()
        self._reset_caches()

    def close(self) -> None:
        self._searcher.close()

    def document_count(self) -> int:
        return self._searcher.doc_count()

    def _date_table(self) -> DateTable:
        if self._dates is None:
            from reader.core.search.matching import DateTable

            self._dates = DateTable(self._searcher)
        return self._dates

    def _labels(self) -> FacetLabels:
        if self._facet_labels is None:
            from reader.core.search.facets import FacetLabels

            self._facet_labels = FacetLabels(self._arrays()[0], self._date_table())
        return self._facet_labels

    def _never_seen(self, term: Term) -> bool:
        """True when a character or bigram of the term is in no document: it can match nothing."""
        field, keys = literal_index_terms(term.text, term.headline_only)
        return not keys or any(not self._lookups.doc_frequency(field, key) for key in keys)

    def _cannot_match(self, query: Query) -> bool:
        """True when some required group of the query has only terms the index has never seen."""
        return any(all(self._never_seen(term) for term in group) for group in query.groups)

    def search(
        self,
        text: str,
        limit: int | None = 20,
        sort_by_date: bool = False,
        offset: int = 0,
        facets: bool = False,
        publication: str | None = None,
    ) -> SearchResult:
        """Search with the query syntax of query.py: the hits ranked `offset` onwards, `limit=None` for all of them.

        A later page is the same query again with a larger offset: only the
        hits of the page get snippets, and the total is always all matches.
        `facets`: also count all the matches per paper, year and month (facets.py).
        `publication`: only that paper's articles, whatever the query says (the
        window's narrowing by a facet: any name, quotes and all, and it narrows
        a query that names papers of its own instead of adding one to them).
        Raises QuerySyntaxError for a query that cannot be understood.
        """
        parsed = parse_query(text)
        if parsed.is_empty() or self._cannot_match(parsed):
            return SearchResult(text, 0, [])
        from reader.core.search.matching import DocSets
        from reader.core.search.ranking import Ranker, by_date, top_documents
        from reader.core.search.sorted_arrays import intersect

        postings, norms = self._arrays()
        docsets = DocSets(postings, self._date_table)
        matches = docsets.matching(parsed)
        if publication is not None and len(matches):
            matches = intersect(matches, docsets.publications([publication]))
        if not len(matches):
            return SearchResult(text, 0, [])
        ranker = Ranker(postings, norms, docsets, matches)
        scores = ranker.scores(parsed)
        printed = ranker.printed_form_matches(parsed)
        end = None if limit is None else offset + limit
        if sort_by_date:
            best = by_date(matches, scores, printed, self._date_table().ranks(), end)[offset:]
        else:
            best = top_documents(matches, scores, printed, end)[offset:]
        needles = [term.text for term in parsed.positive_terms()]
        hits = [self._hit(doc, score, needles) for doc, score in best]
        return SearchResult(text, int(len(matches)), hits, self._labels().facets(matches) if facets else None)

    def _hit(self, doc: int, score: float, needles: list[str]) -> Hit:
        fields = self._searcher.stored_fields(doc)
        return Hit(
            issue=fields["issue"],
            source=fields.get("source", ""),
            ordinal=fields["ordinal"],
            title=fields.get("title"),
            publication=fields.get("publication") or None,
            date=fields.get("date") or None,
            kind=fields.get("kind", "news"),
            score=score,
            snippet=make_snippet(fields.get("text", ""), needles),
        )
