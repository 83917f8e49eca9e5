"""The core's errors carry a kind and its values; their English sentences stay what the CLI prints."""

from __future__ import annotations

import ast
import os
import socket
from pathlib import Path

import pytest

import reader.core
from reader.core.errors import ENGLISH, ErrorKind, LibraryBusy, QuerySyntaxError, ReaderError, RejectedFile
from reader.core.library.locking import WriterLock
from reader.core.parsing.decode import decode_issue_bytes, read_issue_file
from reader.core.search.query import parse_query
from tests.conftest import SEED_FILES

CORE = Path(reader.core.__file__).parent


#: The kinds the error classes give themselves (`raise IndexNotReady()`), not named where they are raised.
CLASS_KINDS = {
    ErrorKind.LIBRARY_BUSY,
    ErrorKind.LIBRARY_BUSY_BY,
    ErrorKind.LOCKING_UNSUPPORTED,
    ErrorKind.INDEX_NOT_READY,
    ErrorKind.STOPPED,
}


def kinds_raised_by_the_core() -> set[ErrorKind]:
    """Every ErrorKind the core's modules name (`ErrorKind.X`, outside errors.py), and the classes' own."""
    named = set(CLASS_KINDS)
    for path in CORE.rglob("*.py"):
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ErrorKind":
                named.add(ErrorKind[node.attr])
    return named


def test_every_kind_is_raised_somewhere_and_has_an_english_sentence():
    assert kinds_raised_by_the_core() == set(ErrorKind)  # the window words every kind of ErrorKind (gui tests)
    assert set(ENGLISH) == set(ErrorKind)


def test_an_error_names_a_kind_not_a_sentence():
    with pytest.raises(ValueError):
        ReaderError("something went wrong")


@pytest.mark.parametrize(
    ("data", "kind", "sentence"),
    [
        (b"", ErrorKind.EMPTY_FILE, "the file is empty"),
        (bytes(range(256)) * 8, ErrorKind.BINARY_FILE, "this is a binary file, not a text file"),
        (b"\n  \n", ErrorKind.BLANK_FILE, "the file contains no text, only blank lines"),
    ],
)
def test_a_rejected_file_keeps_its_english_reason_and_says_its_kind(data, kind, sentence):
    with pytest.raises(RejectedFile) as caught:
        decode_issue_bytes(data, "稿件/第1版.txt")
    error = caught.value
    assert (error.kind, error.path, error.reason) == (kind, "稿件/第1版.txt", sentence)
    assert str(error) == f"稿件/第1版.txt: {sentence}"


def test_a_file_too_large_names_its_size_and_the_limit(monkeypatch):
    monkeypatch.setattr("reader.core.parsing.decode.MAX_ISSUE_BYTES", 1024 * 1024)
    with pytest.raises(RejectedFile) as caught:
        decode_issue_bytes("报".encode() * 1_000_000, "合订本.txt")
    assert caught.value.values == {"megabytes": "2.9", "limit": "1"}
    assert caught.value.reason == "the file is too large to be a newspaper issue (2.9 MB; the limit is 1 MB)"


def test_a_missing_file_is_rejected_by_kind(tmp_path):
    with pytest.raises(RejectedFile) as caught:
        read_issue_file(str(tmp_path / "没有这份.txt"))
    assert caught.value.kind == ErrorKind.NO_SUCH_FILE and caught.value.reason == "the file does not exist"


@pytest.mark.parametrize(
    ("query", "kind", "values", "sentence"),
    [
        ("title:", ErrorKind.QUERY_EMPTY_FIELD, {"field": "title"}, "“title:” needs something after the colon"),
        ("date:2021-13", ErrorKind.QUERY_NO_SUCH_MONTH, {"value": "2021-13"}, "“2021-13” has no such month"),
        ("date:2021-11-40", ErrorKind.QUERY_NO_SUCH_DAY, {"value": "2021-11-40"}, "“2021-11-40” has no such day"),
        (
            "date:昨天",
            ErrorKind.QUERY_NOT_A_DATE,
            {"value": "昨天"},
            "“昨天” is not a date: write 2021, 2021-11 or 2021-11-09",
        ),
        (
            '作者:"张三"',
            ErrorKind.QUERY_UNKNOWN_FIELD,
            {"field": "作者"},
            "unknown field “作者:”; use title:, date: or publication:",
        ),
        (
            "疫苗" * 251,
            ErrorKind.QUERY_TOO_LONG,
            {"length": "502", "limit": "500"},
            "the query is too long (502 characters; the limit is 500)",
        ),
        (
            "疫苗\udcff\udcfe",  # bytes of a command-line argument that are not UTF-8 (surrogateescape)
            ErrorKind.QUERY_NOT_TEXT,
            {"value": "疫苗\\xff\\xfe"},
            "the query “疫苗\\xff\\xfe” holds bytes that are not text in this system's encoding",
        ),
    ],
)
def test_a_query_error_says_its_kind_and_what_was_typed(query, kind, values, sentence):
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    assert (caught.value.kind, caught.value.values, str(caught.value)) == (kind, values, sentence)


def test_a_bad_corrected_date_says_its_kind(library):
    report = library.import_paths([str(SEED_FILES[0])])
    with pytest.raises(ReaderError) as caught:
        library.correct(report.imported[0].issue_id, date="2021-13")
    assert (caught.value.kind, caught.value.values) == (ErrorKind.BAD_CORRECTED_DATE, {"value": "2021-13"})
    assert str(caught.value) == "“2021-13” is not a date: write 2021-11-09 or 2021-11"


def test_a_busy_library_names_its_folder_and_the_owner_its_lock_file_records(tmp_path):
    folder = tmp_path / "图书馆"
    with WriterLock(folder / "writer.lock"), pytest.raises(LibraryBusy) as caught:
        WriterLock(folder / "writer.lock").acquire()
    owner = {"pid": str(os.getpid()), "host": socket.gethostname()}
    assert (caught.value.kind, caught.value.values) == (ErrorKind.LIBRARY_BUSY_BY, {"folder": str(folder), **owner})
    assert str(caught.value).startswith(
        f"another copy of the reader (process {os.getpid()} on {socket.gethostname()}) "
        f"is changing the library in {folder};"
    )


def test_a_busy_library_whose_owner_is_unknown_names_its_folder():
    assert str(LibraryBusy("/数据/图书馆")).startswith(
        "another copy of the reader is changing the library in /数据/图书馆;"
    )
