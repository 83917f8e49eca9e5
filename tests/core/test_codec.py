"""Posting blocks stored as packed arrays (whoosh27.codec): what Whoosh's own codec stores, read back
through Whoosh's public API and through numpy, over many small blocks, deletions and every id width."""

from __future__ import annotations

from io import BytesIO

import numpy as np
import pytest
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_uint

from reader.config import seeds_dir
from reader.core.parsing.decode import read_issue_file
from reader.core.parsing.parse import parse_text
from reader.core.search import index as index_module
from reader.core.search.index import add_issue, create_index, delete_issue
from reader.core.search.whoosh27 import arrays
from reader.core.search.whoosh27.codec import (
    ArrayCodec,
    ArrayLeafMatcher,
    ArrayPostingsWriter,
    frequency_counts,
    holds_counts,
    holds_position_deltas,
    id_deltas,
    position_deltas,
    weights_are_counts,
)
from reader.core.search.whoosh27.fields import PackedPositions
from reader.core.search.whoosh27.writer import TunedSegmentWriter

from .index_dump import dump_index

SMALL_BLOCKS = 4  # many blocks per common term, even on the five seeds


def _issues():
    texts = [read_issue_file(str(path))[1] for path in sorted(seeds_dir().glob("*.txt"))]
    return [parse_text(text, "seed.txt") for text in texts] * 2


def _build(index_dir, codec):
    """The seeds twice in one segment, written by the project's writer with `codec`, then one issue deleted."""
    ix = create_index(index_dir)
    writer = TunedSegmentWriter(ix, codec=codec, **index_module._WRITER_OPTIONS)
    for number, issue in enumerate(_issues()):
        add_issue(writer, str(number), issue)
    writer.commit()
    writer = TunedSegmentWriter(ix, codec=codec, **index_module._WRITER_OPTIONS)
    delete_issue(writer, "3")
    writer.commit(merge=False)
    return ix


@pytest.fixture(scope="module")
def array_index(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("array") / "index", ArrayCodec(blocklimit=SMALL_BLOCKS))


def test_whooshs_api_reads_array_blocks_as_it_reads_its_own(array_index, tmp_path):
    from whoosh.codec.whoosh3 import W3Codec

    whooshs = _build(tmp_path / "whooshs", W3Codec(blocklimit=SMALL_BLOCKS))
    ours = dump_index(array_index)
    assert ours == dump_index(whooshs)
    assert max(len(postings) for *_, postings in ours["terms"]) > 10 * SMALL_BLOCKS


def _public(reader, field, text):
    ids, weights, values = [], [], []
    matcher = reader.postings(field, text)
    while matcher.is_active():
        if not reader.is_deleted(matcher.id()):
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value())
        matcher.next()
    return ids, weights, values


@pytest.mark.parametrize(
    ("field", "text"), [("chars", "的"), ("words", "疫情"), ("headline_chars", "区"), ("bigrams", "北碚")]
)
def test_numpy_reads_a_terms_weights_as_whooshs_api(array_index, field, text):
    with array_index.reader() as reader:
        assert reader.has_deletions()
        ids, weights = arrays.term_arrays(reader, reader.postings(field, text))
        public_ids, public_weights, _ = _public(reader, field, text)
        assert len(public_ids) > SMALL_BLOCKS
        assert ids.tolist() == public_ids
        assert weights.tolist() == pytest.approx(public_weights)


@pytest.mark.parametrize("share", [None, 1, 7, 50])
def test_numpy_reads_a_terms_positions_as_whooshs_api(array_index, share):
    decode = PackedPositions().decode_positions
    with array_index.reader() as reader:
        public_ids, _, values = _public(reader, "bigrams", "北碚")
        expected = {doc: decode(value) for doc, value in zip(public_ids, values, strict=True)}
        wanted = None if share is None else np.array(public_ids[::share] + [10**6], dtype=np.int32)
        ids, counts, positions = arrays.term_positions(reader, reader.postings("bigrams", "北碚"), wanted)
        assert ids.tolist() == (public_ids if share is None else public_ids[::share])
        assert counts.tolist() == [len(expected[doc]) for doc in ids.tolist()]
        assert positions.tolist() == [position for doc in ids.tolist() for position in expected[doc]]


def test_positions_of_a_few_documents_decode_only_their_blocks(array_index, monkeypatch):
    read = []
    original = arrays._raw_blocks

    def counted(region, wanted):
        for block in original(region, wanted):
            read.append(1)
            yield block

    monkeypatch.setattr(arrays, "_raw_blocks", counted)
    with array_index.reader() as reader:
        all_ids, _, _ = arrays.term_positions(reader, reader.postings("bigrams", "北碚"))
        blocks = len(read)
        assert blocks > 4
        read.clear()
        arrays.term_positions(reader, reader.postings("bigrams", "北碚"), all_ids[[0, -1]])
        assert len(read) == 2


def _stored_blocks(ids, weights, values, format_) -> list[tuple]:
    """The data tuples of the blocks ArrayPostingsWriter writes for one posting list, four postings a block."""
    out = StructFile(BytesIO())
    writer = ArrayPostingsWriter(out, blocklimit=4)
    writer.start_postings(format_, W3TermInfo())
    for doc, weight, value in zip(ids, weights, values, strict=True):
        writer.add_posting(doc, weight, value)
    offset, length = writer.finish_postings().extent()
    matcher = ArrayLeafMatcher(BufferFile(out.file.getvalue()), offset, length, format_)
    blocks = []
    while matcher.is_active():
        matcher._read_data()
        blocks.append(matcher._data)
        matcher._next_block()
    return blocks


def _round_trip(ids, weights, values, format_):
    """Write one posting list with ArrayPostingsWriter and read it back with ArrayLeafMatcher."""
    out = StructFile(BytesIO())
    writer = ArrayPostingsWriter(out, blocklimit=4)
    writer.start_postings(format_, W3TermInfo())
    for doc, weight, value in zip(ids, weights, values, strict=True):
        writer.add_posting(doc, weight, value)
    info = writer.finish_postings()
    offset, length = info.extent()
    data = out.file.getvalue()
    matcher = ArrayLeafMatcher(BufferFile(data), offset, length, format_)
    read = []
    while matcher.is_active():
        read.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return read


def test_document_numbers_of_every_width_and_weights_round_trip():
    ids = [0, 3, 200, 70_000, 70_001, 5_000_000, 5_000_100, 2**32 - 2, 2**32 - 1]
    weights = [1.0, 2.0, 0.5, 3.0, 3.0, 3.0, 3.0, 1.0, 7.25]
    frequency = Frequency()
    values = [pack_uint(int(weight) or 1) for weight in weights]
    assert _round_trip(ids, weights, values, frequency) == list(zip(ids, weights, values, strict=True))
    positions = PackedPositions()
    values = [positions.encode(list(range(doc % 5 + 1))) for doc in ids]
    assert _round_trip(ids, [1.0] * len(ids), values, positions) == list(
        zip(ids, [1.0] * len(ids), values, strict=True)
    )


#: Positions of every stored width: no position, counts past 255, deltas past 65,535, the largest position.
POSITION_LISTS = [[], [0], [5, 300], list(range(3, 600, 2)), [70_000, 70_001], [1, 2**31 - 1], [7], [0, 1, 2]]


def test_positions_of_every_width_round_trip_as_counts_and_deltas():
    packed = PackedPositions()
    ids = list(range(0, 3 * len(POSITION_LISTS), 3))
    weights = [float(len(places)) for places in POSITION_LISTS]
    values = [packed.encode(places) for places in POSITION_LISTS]
    assert _round_trip(ids, weights, values, packed) == list(zip(ids, weights, values, strict=True))
    stored = position_deltas(values)
    assert holds_position_deltas(stored)
    counts, positions = arrays.block_positions(len(values), stored)  # the search side's decode
    assert counts.tolist() == [len(places) for places in POSITION_LISTS]
    assert positions.tolist() == [position for places in POSITION_LISTS for position in places]


def test_blocks_of_positions_are_stored_uncompressed_and_others_compressed():
    out = StructFile(BytesIO())
    writer = ArrayPostingsWriter(out, blocklimit=1024, compression=3)
    positions = PackedPositions().encode([4, 9])
    formats = [
        (PackedPositions(), positions, positions),
        (Frequency(), pack_uint(2), pack_uint(2)),
        (Existence(), b"", None),
    ]
    for format_, value, read in formats:
        writer.start_postings(format_, W3TermInfo())
        for doc in range(500):
            writer.add_posting(doc * 7, 2.0 + doc % 3, value)
        offset, length = writer.finish_postings().extent()
        matcher = ArrayLeafMatcher(BufferFile(out.file.getvalue()), offset, length, format_)
        assert bool(matcher._compression) == (not isinstance(format_, PackedPositions))
        assert matcher.value() == read


@pytest.mark.parametrize("boost", [1.0, 2.0])
def test_weights_that_are_the_counts_of_positions_are_not_stored_again(boost):
    packed = PackedPositions()
    out = StructFile(BytesIO())
    writer = ArrayPostingsWriter(out, blocklimit=1024)
    writer.start_postings(packed, W3TermInfo())
    places = [list(range(doc % 4 + 1)) for doc in range(50)]
    for doc, positions in enumerate(places):
        writer.add_posting(doc, len(positions) * boost, packed.encode(positions))
    offset, length = writer.finish_postings().extent()
    matcher = ArrayLeafMatcher(BufferFile(out.file.getvalue()), offset, length, packed)
    matcher._read_data()
    assert weights_are_counts(matcher._data[1]) == (boost == 1.0)
    assert arrays.stored_weight_array(50, *matcher._data[1:]).tolist() == [len(p) * boost for p in places]
    assert matcher.weight() == 1.0 * boost  # Whoosh's own reading of the first posting
    assert list(matcher.all_items()) == [(doc, packed.encode(positions)) for doc, positions in enumerate(places)]


#: Counts of every stored width.
COUNTS = [1, 2, 255, 256, 65_535, 65_536, 3, 1, 7]


@pytest.mark.parametrize("boost", [1.0, 3.0])
def test_counts_of_every_width_round_trip_in_the_narrow_form(boost):
    frequency = Frequency(field_boost=boost)
    ids = list(range(0, 5 * len(COUNTS), 5))
    weights = [count * boost for count in COUNTS]
    values = [pack_uint(count) for count in COUNTS]
    assert _round_trip(ids, weights, values, frequency) == list(zip(ids, weights, values, strict=True))
    stored = frequency_counts(values)
    assert holds_counts(stored)
    assert arrays.stored_count_array(len(values), stored).tolist() == COUNTS
    # As the codec's writer stores them, four postings a block: each block's counts in its own width,
    # and the weights not again where they are the counts (boost 1) and not all the same.
    blocks = _stored_blocks(ids, weights, values, frequency)
    assert all(holds_counts(values) for _, _, values in blocks)
    assert [len(values[1]) // 4 for _, _, values in blocks[:2]] == [2, 4]
    assert [len(values[1]) for _, _, values in blocks[2:]] == [1]
    assert [isinstance(weights, str) for _, weights, _ in blocks[:2]] == [boost == 1.0] * 2
    assert blocks[2][1] == 7 * boost  # one posting: a uniform weight, stored as one float first


def test_the_array_writer_cuts_counts_as_the_codec_does():
    """write_terms' narrow counts (numpy, many blocks at once) are the codec's own, block by block."""
    from reader.core.search.whoosh27.posting_arrays import _FrequencyCounts, from_lists

    values = [pack_uint(count) for count in COUNTS * 3]
    postings = from_lists(list(range(len(values))), [1.0] * len(values), values, 4)
    starts, ends = np.array([0, 2, 4, 9, 20]), np.array([2, 4, 9, 20, len(values)])  # widths 1, 2, 4, 4, 4
    counts = _FrequencyCounts(postings, starts)
    for number, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        assert counts.block(number, start, end) == frequency_counts(values[start:end])


@pytest.mark.parametrize(
    ("lists", "starts"),
    [
        (POSITION_LISTS * 3, [0, 5, 9, 20]),
        ([[0, 300], [], []], [0, 1, 2]),  # blocks without positions last: the widest delta is the one before
        ([[1, 2, 70_000], [], []], [0, 1, 2]),
        ([[], [5], [], [0, 70_000]], [0, 1, 2, 3]),
    ],
)
def test_the_array_writer_cuts_positions_as_the_codec_does(lists, starts):
    """write_terms' counts and deltas (numpy, many blocks at once) are the codec's own, block by block."""
    from reader.core.search.whoosh27.posting_arrays import _PositionDeltas, from_lists

    packed = PackedPositions()
    values = [packed.encode(places) for places in lists]
    postings = from_lists(list(range(len(values))), [1.0] * len(values), values, None)
    ends = starts[1:] + [len(values)]
    deltas = _PositionDeltas(postings, np.array(starts), np.array(ends))
    for number, (start, end) in enumerate(zip(starts, ends, strict=True)):
        assert deltas.block(number, start, end) == position_deltas(values[start:end])


def test_deltas_take_the_narrowest_width():
    assert id_deltas([0, 5, 255]).typecode == "B"
    assert id_deltas([7, 300]).typecode == "H"
    assert id_deltas([1, 70_000]).typecode == "I"
    assert list(id_deltas([4, 9, 9 + 65_536])) == [4, 5, 65_536]


@pytest.mark.parametrize(
    ("ids", "width"),
    [([0, 5, 255], 1), ([7, 300, 65_000], 2), ([1, 70_000, 5_000_000, 2**31 - 1], 4)],
)
def test_numpy_decodes_document_numbers_of_every_width(ids, width):
    """The search side (arrays._run_ids) reads what the writer stores, whatever the width.

    (A segment's document numbers are below 2**31: search holds them as int32.)
    """
    stored = id_deltas(ids)
    assert stored.itemsize == width
    assert arrays._run_ids([(len(ids), (stored.tobytes(), None, None))]).astype(np.int64).tolist() == ids


def test_numpy_decodes_a_list_of_blocks_of_mixed_widths_at_once():
    """Blocks of one list decoded together: each block's deltas start again from 0, widths differ or agree."""
    lists = [[0, 5, 255], [300, 301], [400, 65_000], [70_000, 5_000_000], [5_000_001], [2**31 - 1]]
    blocks = [(len(ids), (id_deltas(ids).tobytes(), None, None)) for ids in lists]
    assert arrays._run_ids(blocks).tolist() == [number for ids in lists for number in ids]
    assert arrays._run_ids(blocks[:2]).tolist() == lists[0] + lists[1]  # one width: the joined path

    # Blocks of 1, 1, 1, 3 and 2 postings: one whose only posting has no positions (no deltas at all), wide, narrow.
    cuts = [0, 1, 2, 3, 6, len(POSITION_LISTS)]
    position_blocks = [
        (end - start, (None, None, position_deltas([PackedPositions().encode(p) for p in POSITION_LISTS[start:end]])))
        for start, end in zip(cuts, cuts[1:], strict=False)
    ]
    counts, positions = arrays._run_positions(position_blocks)
    assert counts.tolist() == [len(places) for places in POSITION_LISTS]
    assert positions.tolist() == [position for places in POSITION_LISTS for position in places]
    assert positions.dtype == np.int32


def test_segments_of_both_block_forms_read_into_the_same_arrays_as_whooshs_api(tmp_path, monkeypatch):
    """A segment of the previous form (positions and counts as Whoosh's values, zlib) beside one of the
    narrow forms, each with deletions: the search side's arrays of every term are what Whoosh reads."""
    from whoosh.writing import NO_MERGE

    from reader.core.search.whoosh27 import codec
    from reader.core.search.whoosh27.term_lookups import TermLookups

    from .test_bulk_postings import _document

    seeds = [read_issue_file(str(path))[1] for path in sorted(seeds_dir().glob("*.txt"))]
    texts = [seeds[n % len(seeds)][(n * 37) % 200 :] + "核酸检测" * (n % 3) for n in range(40)]
    ix = create_index(tmp_path / "index")
    with monkeypatch.context() as previous_form:
        previous_form.setattr(codec, "stores_position_deltas", lambda format_: False)
        previous_form.setattr(codec, "stores_counts", lambda format_: False)
        writer = index_module.open_writer(ix, 0)
        writer.writes_arrays = False  # the codec's own writer
        for number, text in enumerate(texts[:20]):
            writer.add_document(**_document(number, text))
        writer.commit(mergetype=NO_MERGE)
    writer = index_module.open_writer(ix, 0)
    for number, text in enumerate(texts[20:], start=20):
        writer.add_document(**_document(number, text))
    writer.commit(mergetype=NO_MERGE)
    writer = index_module.open_writer(ix, 0)
    delete_issue(writer, "1")
    writer.commit(mergetype=NO_MERGE)
    with ix.searcher() as searcher:
        readers = [sub.reader() for sub, _ in searcher.leaf_searchers()]
        assert len(readers) == 2 and all(reader.has_deletions() for reader in readers)
        lookups = TermLookups(readers)
        forms = set()
        for segment, reader in enumerate(readers):
            for field in ("bigrams", "chars", "words", "headline_words"):
                for term in list(reader.lexicon(field))[:150]:
                    text = term.decode("utf-8")
                    public_ids, public_weights, values = _public(reader, field, text)
                    ids, weights = arrays.term_arrays(reader, lookups.postings(segment, field, text))
                    assert ids.tolist() == public_ids
                    assert weights.tolist() == pytest.approx(public_weights)
                    leaf = lookups.postings(segment, field, text)
                    leaf._read_data()
                    stored_values, stored_weights = leaf._data[2], leaf._data[1]
                    narrow = holds_counts(stored_values) or holds_position_deltas(stored_values)
                    forms.add((segment, field, narrow))
                    if field == "headline_words":  # weights of 3 x the count: never the marker
                        assert not isinstance(stored_weights, str)
                    if field != "bigrams":
                        continue
                    decode = PackedPositions().decode_positions
                    wanted = np.array(public_ids[::2], dtype=np.int32)
                    for asked in (None, wanted):
                        matcher = lookups.postings(segment, field, text)
                        docs, counts, positions = arrays.term_positions(reader, matcher, asked)
                        kept = [(doc, decode(value)) for doc, value in zip(public_ids, values, strict=True)]
                        kept = [(doc, places) for doc, places in kept if asked is None or doc in set(wanted.tolist())]
                        assert docs.tolist() == [doc for doc, _ in kept]
                        assert counts.tolist() == [len(places) for _, places in kept]
                        assert positions.tolist() == [position for _, places in kept for position in places]
        assert {narrow for segment, _, narrow in forms if segment == 0} == {False}  # the previous forms
        assert {narrow for segment, _, narrow in forms if segment == 1} == {True}  # the narrow ones


def test_a_terms_segments_are_read_together_as_each_alone(tmp_path):
    """list_arrays and list_positions decode all segments' blocks at once: over a view of three segments
    (Whoosh's own codec between two of ours, a deletion in each), they give what each segment gives alone,
    numbered from its base, and with a wanted subset only those documents."""
    from whoosh.codec.whoosh3 import W3Codec

    from reader.core.search.whoosh27.term_lookups import PostingRegion, TermLookups

    ix = create_index(tmp_path / "index")
    codecs = [
        ArrayCodec(blocklimit=SMALL_BLOCKS),
        W3Codec(blocklimit=SMALL_BLOCKS),
        ArrayCodec(blocklimit=SMALL_BLOCKS),
    ]
    for segment, codec in enumerate(codecs):
        writer = TunedSegmentWriter(ix, codec=codec, **index_module._WRITER_OPTIONS)
        for number, issue in enumerate(_issues()[:4]):
            add_issue(writer, f"{segment}-{number}", issue)
        writer.commit(merge=False)
    writer = TunedSegmentWriter(ix, **index_module._WRITER_OPTIONS)
    for segment in range(len(codecs)):
        delete_issue(writer, f"{segment}-1")
    writer.commit(merge=False)
    with ix.searcher() as searcher:
        leaves = [(sub.reader(), base) for sub, base in searcher.leaf_searchers()]
        assert len(leaves) == 3 and all(reader.has_deletions() for reader, _ in leaves)
        assert [isinstance(_leaf_of(reader), ArrayLeafMatcher) for reader, _ in leaves] == [True, False, True]
        lookups = TermLookups([reader for reader, _ in leaves])
        for field, text in (("bigrams", "北碚"), ("words", "疫情"), ("chars", "的"), ("headline_bigrams", "疫情")):

            def segments(field=field, text=text):
                return [
                    (reader, lookups.postings(number, field, text), base)
                    for number, (reader, base) in enumerate(leaves)
                ]

            alone = [(arrays.term_arrays(reader, matcher), base) for reader, matcher, base in segments()]
            ids, weights = arrays.list_arrays(segments())
            assert ids.tolist() == [doc + base for (part, _), base in alone for doc in part.tolist()]
            assert weights.tolist() == [weight for (_, part), _ in alone for weight in part.tolist()]

            # As search asks for them: regions of our segments (no matcher opened), Whoosh's matcher for its own.
            def sources(field=field, text=text):  # a matcher is read once: fresh ones for each read
                return [(reader, lookups.source(n, field, text), base) for n, (reader, base) in enumerate(leaves)]

            assert [isinstance(source, PostingRegion) for _, source, _ in sources()] == [True, False, True]
            assert [part.tolist() for part in arrays.list_arrays(sources())] == [ids.tolist(), weights.tolist()]
            if "bigrams" in field:
                assert [part.tolist() for part in arrays.list_positions(sources(), ids[1::2])] == [
                    part.tolist() for part in arrays.list_positions(segments(), ids[1::2])
                ]
            assert len(ids) > 2 * SMALL_BLOCKS  # blocks from every segment
            if "bigrams" not in field:
                continue
            wanted = ids[::3]
            for asked in (None, wanted):
                expected = []
                for reader, matcher, base in segments():
                    local = None if asked is None else asked[(asked >= base) & (asked < base + reader.doc_count_all())]
                    docs, counts, positions = arrays.term_positions(
                        reader, matcher, None if local is None else local - base
                    )
                    starts = np.concatenate(([0], np.cumsum(counts)))
                    expected += [
                        (doc + base, positions[starts[i] : starts[i + 1]].tolist()) for i, doc in enumerate(docs)
                    ]
                docs, counts, positions = arrays.list_positions(segments(), asked)
                assert docs.tolist() == [doc for doc, _ in expected]
                assert counts.tolist() == [len(places) for _, places in expected]
                assert positions.tolist() == [place for _, places in expected for place in places]
                assert asked is None or docs.tolist() == asked.tolist()


def _leaf_of(reader):
    """The leaf matcher of a common term in `reader` (which codec wrote the segment)."""
    matcher = reader.postings("chars", "的")
    return getattr(matcher, "child", matcher)
