"""Edge cases of the bulk building of postings (bulk_fields, posting_arrays, flush): Whoosh's segment, exactly.

Two references: Whoosh's own writer (dump_index: terms, postings, lengths),
and the project's writer with `writes_arrays` off, which sends every field
through field.index, the pool and the same codec posting by posting: the
term infos and posting blocks built from arrays must be those bytes.
"""

from __future__ import annotations

from pickle import loads

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.fields import ID, Schema
from whoosh.reading import SegmentReader

from reader.core.parsing.parse import parse_text
from reader.core.search import index as index_module
from reader.core.search.index import add_issue, create_index, delete_issue, open_writer
from reader.core.search.whoosh27 import bulk_fields, codec, flush
from reader.core.search.whoosh27 import writer as writer_module
from reader.core.search.whoosh27.fields import BigramField, CharField, WordField
from reader.core.search.whoosh27.merging import MergePolicy
from reader.core.search.whoosh27.writer import TunedSegmentWriter

from .index_dump import dump_index
from .test_index import _seed_texts


def _document(number: int, text: str) -> dict:
    headline = text.split("\n")[0]
    return {
        "issue": str(number % 3),
        "title": headline,
        "text": text,
        "headline_chars": headline,
        "headline_bigrams": headline,
        "headline_words": headline,
        "chars": text,
        "bigrams": text,
        "words": text,
    }


def _raw_terms(ix) -> list:
    """Every term of the index's one segment as written: its term info's bytes and its posting blocks' bytes."""
    with ix.reader() as reader:
        return _raw_reader_terms(reader)


def _raw_segment_terms(ix, segment) -> list:
    reader = SegmentReader(ix.storage, ix.schema, segment)
    try:
        return _raw_reader_terms(reader)
    finally:
        reader.close()


def _raw_reader_terms(reader) -> list:
    terms = reader._terms
    rows = []
    for key, info_bytes in terms._tindex.items():
        offset, length = W3TermInfo.from_bytes(info_bytes).extent()
        length = length[0] if isinstance(length, tuple) else length  # Whoosh reads it back as a 1-tuple
        rows.append((terms._keydecoder(key), info_bytes, bytes(terms._postfile.get(offset, length))))
    return rows


def _index(index_dir, texts, way: str, boosts: dict | None = None):
    """`texts` indexed in one segment: "bulk" (the project's writer), "whooshs_way" (the project's writer and
    codec, every field through field.index and the pool, posting by posting) or "whoosh" (Whoosh's own)."""
    ix = create_index(index_dir)
    if way == "whoosh":
        writer = ix.writer(**index_module._WRITER_OPTIONS)
    else:
        writer = open_writer(ix, 0)
        assert isinstance(writer, TunedSegmentWriter)
        writer.writes_arrays = way == "bulk"
    for number, text in enumerate(texts):
        writer.add_document(**_document(number, text), **(boosts or {}).get(number, {}))
    writer.commit()
    return ix


#: Bigrams that spell one term from different tokens: NFKC makes "…" the token "...", "‥" "..", "ß" "ss", "㏄" "cc".
SAME_SPELLING_TEXTS = ["等等….", "又.…", "ßs sß", "‥‥ ….", "甲", "25℃c 25°㏄", ".… …. ‥‥"]


def test_bigrams_spelled_alike_from_different_tokens_are_one_term_as_in_whoosh(tmp_path):
    bulk = _index(tmp_path / "bulk", SAME_SPELLING_TEXTS, "bulk")
    whoosh = _index(tmp_path / "whoosh", SAME_SPELLING_TEXTS, "whoosh")
    terms = [term for field, term, *_ in dump_index(bulk)["terms"] if field == "bigrams"]
    assert len(terms) == len(set(terms))
    assert dump_index(bulk) == dump_index(whoosh)


def test_bulk_blocks_are_the_bytes_whooshs_way_writes(tmp_path):
    texts = SAME_SPELLING_TEXTS + ["北碚區 核酸檢測\n25℃……ß\n\n记者 熊 辉  8000 余户", "\n\n", "", "㈱㈱ ℃℃"]
    bulk = _index(tmp_path / "bulk", texts * 3, "bulk")
    whooshs_way = _index(tmp_path / "way", texts * 3, "whooshs_way")
    assert _raw_terms(bulk) == _raw_terms(whooshs_way)


def test_a_document_boost_among_bulk_documents_keeps_postings_in_document_order(tmp_path):
    """A boosted document's text fields go Whoosh's way (the pool): its postings join the bulk ones in order."""
    texts = ["甲乙丙", "甲乙丙", "甲乙丙"]
    boosts = {1: {"_boost": 2.0}}
    bulk = _index(tmp_path / "bulk", texts, "bulk", boosts)
    whoosh = _index(tmp_path / "whoosh", texts, "whoosh", boosts)
    assert dump_index(bulk) == dump_index(whoosh)


def _merged(index_dir, way: str) -> dict:
    """Five one-document segments, then a writer with a new document whose commit merges them Whoosh's way."""
    ix = create_index(index_dir)

    def new_writer():
        return ix.writer(**index_module._WRITER_OPTIONS) if way == "whoosh" else open_writer(ix, 0)

    for number in range(5):
        writer = new_writer()
        writer.add_document(**_document(number, f"甲乙丙 旧的{number}"))
        writer.commit(merge=False)
    writer = new_writer()
    writer.add_document(**_document(5, "甲乙丙 新的"))
    writer.commit()  # Whoosh's MERGE_SMALL: the five small segments through add_reader and the pool
    assert len(ix._segments()) == 1
    return dump_index(ix)


def test_whooshs_own_merge_in_a_commit_with_new_documents_keeps_postings_in_document_order(tmp_path):
    merged = _merged(tmp_path / "bulk", "bulk")
    for *_, postings in merged["terms"]:
        ids = [doc for doc, _, _ in postings]
        assert ids == sorted(ids)
    assert merged == _merged(tmp_path / "whoosh", "whoosh")


def test_fields_boosted_by_a_fraction_write_whooshs_block_maximum_weights(tmp_path):
    """Whoosh's block header holds the largest weight as computed (count * 1.1), not as the block stores it."""

    def build(name: str, bulk: bool) -> list:
        schema = Schema(
            issue=ID(stored=True),
            chars=CharField(field_boost=1.1),
            bigrams=BigramField(field_boost=1.1),
            words=WordField(field_boost=0.7),
        )
        (tmp_path / name).mkdir()
        ix = whoosh_index.create_in(str(tmp_path / name), schema)
        writer = TunedSegmentWriter(ix, compound=False)
        writer.writes_arrays = bulk
        for number, text in enumerate(["甲乙甲乙甲", "甲甲甲 乙", "碚"] * 3):
            writer.add_document(issue=str(number), chars=text, bigrams=text, words=text)
        writer.commit()
        return _raw_terms(ix)

    assert build("bulk", True) == build("way", False)


def test_bulk_segments_and_merges_are_the_bytes_whooshs_way_writes(tmp_path, monkeypatch):
    """Seed issues in small chunks, blocks and windows (many blocks per term, many windows per field), a
    document of more than 65,536 positions, then a merge with a deleted issue: every term info and block
    written from arrays is the one the same codec writes posting by posting."""
    monkeypatch.setattr(bulk_fields, "CHUNK_TOKENS", 3000)
    monkeypatch.setattr(writer_module, "BLOCK_POSTINGS", 8)
    monkeypatch.setattr(flush, "WINDOW_TERMS", 50)
    monkeypatch.setattr(flush, "WINDOW_POSTINGS", 500)
    issues = [parse_text(text, "seed.txt") for text in _seed_texts()]
    long_text = "\n".join(["甲乙丙丁…. 戊己庚辛 ß ㈱ 區"] * 4000)  # about 72,000 positions

    def build(name: str, bulk: bool) -> tuple[list, list]:
        ix = create_index(tmp_path / name)
        for commit in range(3):
            writer = open_writer(ix, 0)
            writer.writes_arrays = bulk
            for number, issue in enumerate(issues):
                add_issue(writer, f"{commit}-{number}", issue)
            writer.add_document(**_document(commit, long_text))
            writer.commit(merge=False)
        written = [_raw_segment_terms(ix, segment) for segment in ix._segments()]
        writer = open_writer(ix, 0)
        writer.writes_arrays = bulk
        delete_issue(writer, "1-2")
        writer.add_document(**_document(7, "新的 甲乙丙丁"))
        writer.commit(mergetype=MergePolicy(choose=list))
        assert len(ix._segments()) == 1
        return written, _raw_terms(ix)

    bulk, whooshs_way = build("bulk", True), build("way", False)
    assert bulk == whooshs_way
    merged = bulk[1]
    assert max(W3TermInfo.from_bytes(info).doc_frequency() for _, info, _ in merged) > 10 * 8  # many blocks
    assert sum(1 for (field, _), *_ in merged if field == "bigrams") > 10 * 50  # many windows


def test_a_document_that_fails_half_way_leaves_no_postings_for_the_next_one(tmp_path):
    """Its text fields added before the failing one are taken back (Whoosh's pool would keep them)."""
    texts = ["甲乙丙", "丁戊….", "甲乙己"]
    ix = create_index(tmp_path / "bulk")
    writer = open_writer(ix, 0)
    writer.add_document(**_document(0, texts[0]))
    with pytest.raises(AttributeError):  # headline_words fails after the chars and bigrams fields were added
        writer.add_document(**{**_document(1, texts[1]), "headline_words": 1})
    writer.add_document(**_document(1, texts[2]))
    writer.commit()
    expected = _index(tmp_path / "whoosh", [texts[0], texts[2]], "whoosh")

    # Postings only: Whoosh's per-document writer keeps the failed document's field lengths for the next
    # (its cancel_doc does not take back column values), with the project's writer as with Whoosh's own.
    def postings(index):
        return [(field, term, frequency, rows) for field, term, frequency, _, _, rows in dump_index(index)["terms"]]

    assert postings(ix) == postings(expected)


def test_segments_of_the_previous_block_format_read_and_merge_as_before(tmp_path, monkeypatch):
    """Blocks pickled with protocol 2, compressed however short, with positions as lengths and values and
    counts as four bytes each (the codec before protocol 4, UNCOMPRESSED_BELOW, POSITION_DELTAS and
    FREQUENCY_COUNTS) read as Whoosh's own segments of the same documents, and merge from arrays into what
    Whoosh's way merges them into."""
    texts = SAME_SPELLING_TEXTS + ["北碚區 核酸檢測\n25℃……ß", "", "㈱㈱ ℃℃"]

    def build(name: str, way: str) -> tuple[dict, dict, list]:
        ix = create_index(tmp_path / name)
        with monkeypatch.context() as old_format:
            old_format.setattr(codec, "DATA_PICKLE_PROTOCOL", 2)
            old_format.setattr(codec, "UNCOMPRESSED_BELOW", 0)
            old_format.setattr(codec, "stores_position_deltas", lambda format_: False)  # positions as a pair
            old_format.setattr(codec, "stores_counts", lambda format_: False)  # counts as four bytes each
            for commit in range(2):
                if way == "whoosh":
                    writer = ix.writer(**index_module._WRITER_OPTIONS)
                else:
                    writer = open_writer(ix, 0)
                    writer.writes_arrays = False  # the codec's own writer: its blocks in the old format
                for number, text in enumerate(texts):
                    writer.add_document(**_document(number + 10 * commit, text))
                writer.commit(merge=False)
        written = dump_index(ix)
        if way == "whoosh":
            return written, {}, []
        # Every block, however short, compressed (level 3 in its header, after the magic and block length).
        assert all(loads(blocks[8:])[3] for *_, blocks in _raw_segment_terms(ix, ix._segments()[0]))
        writer = open_writer(ix, 0)
        writer.writes_arrays = way == "bulk"
        delete_issue(writer, "1")
        writer.commit(mergetype=MergePolicy(choose=list))
        return written, dump_index(ix), _raw_terms(ix)

    bulk, whooshs_way = build("bulk", "bulk"), build("way", "whooshs_way")
    assert bulk[0] == build("whoosh", "whoosh")[0]  # the old blocks read as Whoosh's own
    assert bulk == whooshs_way
    assert len(bulk[1]["documents"]) < len(bulk[0]["documents"])  # the deleted issue is gone


def test_both_writers_store_blocks_of_positions_uncompressed_and_others_compressed(tmp_path):
    """One rule (codec.stored_uncompressed) in both writers, on blocks long enough for zlib (512 bytes and more):
    positions (bigrams) without zlib; counts (chars, words) and ids only (issue) with it."""
    texts = [f"疫情防控 第{number}期\n核酸检测 疫情防控 北碚 {number}" for number in range(1500)]
    levels = {}
    for way in ("bulk", "whooshs_way"):
        ix = _index(tmp_path / way, texts, way)
        for (field, term), _, stored in _raw_terms(ix):
            if (field, term.decode("utf-8")) in (
                ("chars", "疫"),
                ("words", "疫情"),
                ("bigrams", "疫情"),
                ("issue", "1"),
            ):
                header_end = 4 + 4  # the magic, then the first block's signed length
                levels[way, field] = loads(stored[header_end:])[3]  # its pickled header: the level is 4th
    assert levels == {
        (way, field): 0 if field == "bigrams" else 3
        for way in ("bulk", "whooshs_way")
        for field in ("chars", "words", "bigrams", "issue")
    }
