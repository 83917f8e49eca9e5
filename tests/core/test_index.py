"""The index's own field types and segment writer (whoosh27) write what Whoosh itself would."""

from __future__ import annotations

import pytest
from whoosh.fields import TEXT
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions

from reader.config import seeds_dir
from reader.core.parsing.decode import read_issue_file
from reader.core.parsing.parse import parse_text
from reader.core.search import index as index_module
from reader.core.search.index import add_issue, create_index, open_writer, writing
from reader.core.search.whoosh27 import bulk_fields
from reader.core.search.whoosh27.analyzers import bigram_analyzer, char_analyzer, word_analyzer
from reader.core.search.whoosh27.bulk_fields import TextPostingsBuilder
from reader.core.search.whoosh27.fields import BigramField, CharField, WordField
from reader.core.search.whoosh27.pool import TermGroupedPool
from reader.core.search.whoosh27.writer import TunedSegmentWriter

from .index_dump import dump_index

SAMPLES = ["ａＢ  c\n\n碚碚碚 x", "", "甲\n乙丙乙丙乙丙\nß㈱"]


def _seed_texts() -> list[str]:
    return [read_issue_file(str(path))[1] for path in sorted(seeds_dir().glob("*.txt"))]


def _rows(field, text):
    rows = sorted(field.index(text))
    if isinstance(field.format, Positions):  # the same positions, whatever the pickle bytes
        rows = [(term, freq, weight, field.format.decode_positions(value)) for term, freq, weight, value in rows]
    return rows


@pytest.mark.parametrize(
    ("ours", "whooshs"),
    [
        (CharField(), TEXT(analyzer=char_analyzer(), phrase=False)),
        (BigramField(), TEXT(analyzer=bigram_analyzer(), phrase=True)),
        (WordField(field_boost=3.0), TEXT(analyzer=word_analyzer(), phrase=False, field_boost=3.0)),
    ],
    ids=["chars", "bigrams", "words"],
)
def test_field_rows_equal_whooshs_own_formats(ours, whooshs):
    for text in SAMPLES + _seed_texts():
        assert _rows(ours, text) == _rows(whooshs, text)


def _segment_dump(index_dir, seed_issues, tuned):
    """Every term of the segment with its term info and its postings (document, weight, value).

    Tuned: the project's writer, as the index uses it; else Whoosh's own SegmentWriter.
    """
    ix = create_index(index_dir)
    writer = open_writer(ix, 0) if tuned else ix.writer(**index_module._WRITER_OPTIONS)
    assert isinstance(writer, TunedSegmentWriter) == tuned
    for number, issue in enumerate(seed_issues):
        add_issue(writer, str(number), issue)
    writer.commit()
    return dump_index(ix)


def test_tuned_writer_writes_the_same_segment_as_whooshs(tmp_path):
    # All five seeds, repeated: common terms then fill more than one block of 128 postings.
    issues = [parse_text(text, "seed.txt") for text in _seed_texts()] * 4
    tuned = _segment_dump(tmp_path / "tuned", issues, tuned=True)
    plain = _segment_dump(tmp_path / "plain", issues, tuned=False)
    assert tuned == plain
    assert any(min_length for *_, min_length, _, _ in tuned["terms"])  # lengths were really written
    assert max(len(postings) for *_, postings in tuned["terms"]) > 128


def test_a_tuned_writer_in_chunks_and_runs_writes_the_same_segment_as_whooshs(tmp_path, monkeypatch):
    """A very large issue or batch: text postings built in many chunks, the pool's fields spilled to runs,
    must still give exactly Whoosh's segment."""
    issues = [parse_text(text, "seed.txt") for text in _seed_texts()] * 2
    plain = _segment_dump(tmp_path / "plain", issues, tuned=False)
    monkeypatch.setattr(bulk_fields, "CHUNK_TOKENS", 2000)
    chunks = []
    build = TextPostingsBuilder._build_chunk
    monkeypatch.setattr(
        TextPostingsBuilder, "_build_chunk", lambda builder, buffer: chunks.append(1) or build(builder, buffer)
    )
    monkeypatch.setattr(TermGroupedPool, "posting_bytes", 1 << 22)  # a run every 64 postings (the ID fields)
    spills = []
    save = TermGroupedPool.save
    monkeypatch.setattr(TermGroupedPool, "save", lambda pool: spills.append(1) or save(pool))
    assert _segment_dump(tmp_path / "tuned", issues, tuned=True) == plain
    assert len(chunks) > 20 and len(spills) > 3


#: Texts the bulk building must token exactly as the fields do: NFKC expansions (ß, ㈱, ℃, ……), traditional
#: characters (variant tokens), full-width forms, spaces between Han characters, empty lines and lines.
TRICKY_TEXTS = SAMPLES + [
    "北碚區 核酸檢測\n25℃……ß\n\n记者 熊 辉  8000 余户",
    "\n\n",
    "ＡＢＣ１２３ 區區區",
    "甲",
    "㈱㈱ ℃℃",
]


def test_tricky_texts_are_indexed_in_bulk_as_whoosh_indexes_them(tmp_path):
    dumps = []
    for tuned in (True, False):
        ix = create_index(tmp_path / str(tuned))
        writer = open_writer(ix, 0) if tuned else ix.writer(**index_module._WRITER_OPTIONS)
        for number, text in enumerate(TRICKY_TEXTS * 3):
            headline = text.split("\n")[0]
            writer.add_document(
                issue=str(number % 4),
                title=headline,
                text=text,
                headline_chars=headline,
                headline_bigrams=headline,
                headline_words=headline,
                chars=text,
                bigrams=text,
                words=text,
            )
        writer.commit()
        dumps.append(dump_index(ix))
    assert dumps[0] == dumps[1]
    assert any(term.startswith(b"~") for _, term, *_ in dumps[0]["terms"])  # variant tokens were indexed


def test_a_pool_over_its_memory_limit_spills_grouped_runs_and_gives_every_posting_back(tmp_path, monkeypatch):
    monkeypatch.setattr(TermGroupedPool, "posting_bytes", 1 << 20)  # each posting "fills" 1 MB
    pool = TermGroupedPool(FileStorage(str(tmp_path)), segment=None, limitmb=3)
    postings = [
        (field, term, docnum, float(docnum % 3), b"v%d" % docnum)
        for docnum in range(20)
        for field in ("b", "a")
        for term in (b"y", b"x", b"x%d" % (docnum % 4))
    ]
    for posting in postings:
        pool.add(posting)
    assert len(pool.spilled) > 1 and list(tmp_path.iterdir()) == []  # runs are temporary files, already gone
    assert list(pool.iter_postings()) == sorted(postings)  # each term's postings joined across runs, in order
    pool.cleanup()


def test_a_failed_batch_is_cancelled_and_leaves_the_index_writable(tmp_path):
    ix = create_index(tmp_path / "index")
    try:
        with writing(ix, 0) as writer:
            writer.add_document(issue="half", text="x")
            raise RuntimeError("a parser bug in the middle of a batch")
    except RuntimeError:
        pass
    with writing(ix, 0) as writer:  # would time out on Whoosh's write lock had the failed writer kept it
        writer.add_document(issue="whole", text="y")
    with ix.searcher() as searcher:
        assert [fields["issue"] for fields in searcher.all_stored_fields()] == ["whole"]
