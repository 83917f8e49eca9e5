"""Posting lists as arrays: the same documents, lengths and positions Whoosh's public API gives, across
segments and deletions, within the cache's memory budget."""

from __future__ import annotations

import numpy as np
import pytest

from reader.config import seeds_dir
from reader.core.parsing.decode import read_issue_file
from reader.core.parsing.parse import parse_text
from reader.core.search.index import add_issue, create_index, delete_issue, open_index, open_writer
from reader.core.search.posting_cache import PostingCache
from reader.core.search.whoosh27.fields import PackedPositions


@pytest.fixture(scope="module")
def whoosh_searcher(tmp_path_factory):
    """An index written one seed at a time (a segment each), then one issue deleted (deletions)."""
    index_dir = tmp_path_factory.mktemp("segments") / "index"
    ix = create_index(index_dir)
    seeds = sorted(seeds_dir().glob("*.txt"))
    for number, seed in enumerate(seeds):
        _, text, _ = read_issue_file(str(seed))
        writer = open_writer(ix, 1)
        add_issue(writer, f"issue{number}", parse_text(text, seed.name))
        writer.commit(merge=False)
    writer = open_writer(ix, 1)
    delete_issue(writer, "issue1")
    writer.commit(merge=False)
    searcher = open_index(index_dir, create=False).searcher()
    assert len(list(searcher.leaf_searchers())) == len(seeds)
    assert any(sub.reader().has_deletions() for sub, _ in searcher.leaf_searchers())
    yield searcher
    searcher.close()


def _public(searcher, field, text):
    """(ids, weights, positions or None) of a term by Whoosh's public matcher, live documents only."""
    ids, weights, values = [], [], []
    for sub, base in searcher.leaf_searchers():
        reader = sub.reader()
        if (field, text) not in reader:
            continue
        matcher = reader.postings(field, text)
        while matcher.is_active():
            if not reader.is_deleted(matcher.id()):
                ids.append(matcher.id() + base)
                weights.append(matcher.weight())
                values.append(matcher.value())
            matcher.next()
    return ids, weights, values


@pytest.mark.parametrize(("field", "text"), [("chars", "的"), ("chars", "碚"), ("bigrams", "核酸"), ("words", "疫情")])
def test_arrays_hold_exactly_the_live_postings(whoosh_searcher, field, text):
    cache = PostingCache(whoosh_searcher)
    ids, weights = cache.postings(field, text)
    public_ids, public_weights, _ = _public(whoosh_searcher, field, text)
    assert public_ids and ids.tolist() == public_ids
    assert weights.tolist() == pytest.approx(public_weights)


def test_lengths_are_whooshs_lengths(whoosh_searcher):
    cache = PostingCache(whoosh_searcher)
    lengths = cache.lengths("words")
    expected = [
        sub.reader().doc_field_length(doc, "words", 0) or 0
        for sub, _ in whoosh_searcher.leaf_searchers()
        for doc in range(sub.reader().doc_count_all())
    ]
    assert lengths.tolist() == expected


def test_live_documents_leave_out_the_deleted(whoosh_searcher):
    cache = PostingCache(whoosh_searcher)
    assert len(cache.live_documents()) == whoosh_searcher.doc_count() < whoosh_searcher.doc_count_all()


def test_the_cache_stays_within_its_budget_and_answers_the_same_after_evicting(whoosh_searcher):
    cache = PostingCache(whoosh_searcher, budget=4096)
    first = cache.ids("chars", "的").copy()
    for char in "一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行":
        cache.ids("chars", char)
    assert cache._bytes <= 4096 or len(cache._arrays) == 1
    assert ("chars", "的") not in cache._arrays
    assert cache.ids("chars", "的").tolist() == first.tolist()


@pytest.mark.parametrize("share", [1, 3, 40])
def test_positions_of_a_term_whole_or_for_some_documents(whoosh_searcher, share):
    """Decoded whole (and kept) or only from the blocks that hold the documents asked: the same positions."""
    cache = PostingCache(whoosh_searcher)
    public_ids, _, public_values = _public(whoosh_searcher, "bigrams", "核酸")
    decode = PackedPositions().decode_positions
    expected = {doc: decode(value) for doc, value in zip(public_ids, public_values, strict=True)}
    wanted = np.array(public_ids[::share], dtype=np.int32)
    docs, counts, positions = cache.positions("bigrams", "核酸", None if share == 1 else wanted)
    assert docs.tolist() == wanted.tolist()
    assert counts.tolist() == [len(expected[doc]) for doc in docs.tolist()]
    assert positions.tolist() == [position for doc in docs.tolist() for position in expected[doc]]


def test_a_text_column_read_at_once_holds_whooshs_values(whoosh_searcher):
    from reader.core.search.whoosh27.arrays import column_texts

    for sub, _ in whoosh_searcher.leaf_searchers():
        reader = sub.reader()
        assert column_texts(reader, "date") == list(reader.column_reader("date"))


@pytest.mark.parametrize(
    ("field", "text"), [("chars", "的"), ("bigrams", "核酸"), ("words", "疫情"), ("chars", "龘"), ("nofield", "的")]
)
def test_term_lookups_answer_as_whoosh_does(whoosh_searcher, field, text):
    """Document frequency of present, absent and unknown terms; postings only from segments holding the term."""
    from reader.core.search.whoosh27.term_lookups import TermLookups

    readers = [sub.reader() for sub, _ in whoosh_searcher.leaf_searchers()]
    lookups = TermLookups(readers)
    expected = whoosh_searcher.doc_frequency(field, text) if field in whoosh_searcher.schema else 0
    assert lookups.doc_frequency(field, text) == expected
    for segment, reader in enumerate(readers):
        has_term = field in reader.schema and (field, text) in reader
        assert (lookups.postings(segment, field, text) is not None) == has_term


def test_a_term_is_looked_up_once_per_view(whoosh_searcher, monkeypatch):
    """Existence, frequency and postings of a term come from one look into each segment's term dictionary."""
    from whoosh.codec.whoosh3 import W3TermsReader

    from reader.core.search.whoosh27.term_lookups import _TermTable

    looked = []
    for owner, name in [
        (W3TermsReader, name) for name in ("term_info", "doc_frequency", "frequency", "__contains__")
    ] + [(_TermTable, "term_info")]:
        original = getattr(owner, name)
        counted = lambda terms, *key, original=original: looked.append(key) or original(terms, *key)  # noqa: E731
        monkeypatch.setattr(owner, name, counted)
    cache = PostingCache(whoosh_searcher)
    cache.document_frequency("bigrams", "核酸")
    cache.positions("bigrams", "核酸")
    cache.ids("chars", "的")
    cache.document_frequency("chars", "的")
    segments = len(cache.leaves)
    assert len(looked) == 2 * segments


def test_a_term_table_read_directly_finds_what_whoosh_finds(whoosh_searcher):
    """Every term of every segment (each field), and terms a segment lacks: the same TermInfo as Whoosh's."""
    from whoosh.reading import TermNotFound

    from reader.core.search.whoosh27.term_lookups import _TermTable

    for sub, _ in whoosh_searcher.leaf_searchers():
        reader = sub.reader()
        table = _TermTable.of(reader)
        assert table is not None
        present = list(reader._terms.terms())
        first_field = next(name for name, number in reader._terms._fieldmap.items() if number == 0)
        a_term_of_field_0 = next(tbytes for field, tbytes in present if field == first_field)
        absent = [("chars", "龘".encode()), ("words", "北碚报社论".encode()), ("nofield", b"x"), ("bigrams", b"")]
        absent.append(("nofield", a_term_of_field_0))  # an unknown field is no field of the segment's own
        for field, tbytes in present + absent:
            try:
                expected = vars(reader._terms.term_info(field, tbytes))
            except TermNotFound:
                expected = None
            found = table.term_info(field, tbytes)
            assert (None if found is None else vars(found)) == expected, (field, tbytes)
        assert len(present) > 1000


@pytest.mark.parametrize("hash_type", [0, 1])  # md5, crc32: what a hash file may say it uses (cdb fails in Whoosh)
@pytest.mark.parametrize("in_memory", [False, True])
def test_a_term_table_read_directly_follows_each_kind_of_hash_file(tmp_path, hash_type, in_memory):
    """Keys colliding in one table (few slots) and wrapping around its end are found as Whoosh finds them."""
    from types import SimpleNamespace

    from whoosh.filedb.filestore import FileStorage, RamStorage
    from whoosh.filedb.filetables import HashReader, HashWriter

    from reader.core.search.whoosh27.term_lookups import _TermTable

    storage = RamStorage() if in_memory else FileStorage(str(tmp_path))
    writer = HashWriter(storage.create_file("terms"), hashtype=hash_type)  # the terms' own: md5 (0) always
    keys = sorted(b"\x00\x00" + f"term{number}".encode() for number in range(3000))
    keys += [b"\x00\x00k96186", b"\x00\x00k109181"]  # the same 32 bits of md5: the keys themselves tell them apart
    for number, key in enumerate(keys):
        writer.add(key, f"value{number}".encode())
    writer.close()
    index = HashReader(storage.open_file("terms"), storage.file_length("terms"))
    table = _TermTable(SimpleNamespace(_tindex=index, _keycoder=None))  # keys given whole below
    for key in [*keys, b"\x00\x00absent", b"\x00\x00", b"\x00\x01term1", b"\x00\x01k96186"]:
        assert table._value(key) == index.get(key), key
    index.close()


def test_term_lookups_on_an_empty_index(tmp_path):
    """An index without segments (Whoosh's empty reader) answers through the public API."""
    from reader.core.search.whoosh27.term_lookups import TermLookups

    searcher = create_index(tmp_path / "index").searcher()
    readers = [sub.reader() for sub, _ in searcher.leaf_searchers()]
    lookups = TermLookups(readers)
    assert lookups.doc_frequency("chars", "的") == 0
    assert all(lookups.postings(segment, "chars", "的") is None for segment in range(len(readers)))
    searcher.close()


def test_a_posting_cache_refuses_term_lookups_of_another_view(whoosh_searcher):
    """Entries of other segments would read postings at the wrong places: refused, not trusted."""
    from reader.core.search.whoosh27.term_lookups import TermLookups

    readers = [sub.reader() for sub, _ in whoosh_searcher.leaf_searchers()]
    with pytest.raises(ValueError):
        PostingCache(whoosh_searcher, lookups=TermLookups(readers[::-1]))
    assert PostingCache(whoosh_searcher, lookups=TermLookups(readers)).ids("chars", "的").size


def test_term_lookups_forget_their_entries_past_the_bound(whoosh_searcher, monkeypatch):
    from reader.core.search.whoosh27 import term_lookups

    readers = [sub.reader() for sub, _ in whoosh_searcher.leaf_searchers()]
    monkeypatch.setattr(term_lookups, "MAX_ENTRIES", 3 * len(readers))
    lookups = term_lookups.TermLookups(readers)
    frequencies = [lookups.doc_frequency("chars", char) for char in "的是在了和"]
    assert len(lookups._entries) <= 3
    assert frequencies == [whoosh_searcher.doc_frequency("chars", char) for char in "的是在了和"]
