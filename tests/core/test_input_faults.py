"""Input the file system can hand an import: names that are not text, pipes, devices, links to nothing."""

from __future__ import annotations

import builtins
import io
import os
import shutil
import stat
from pathlib import Path

import pytest

from reader.core.errors import ErrorKind, RejectedFile
from reader.core.filenames import printable_name, storable_name
from reader.core.parsing import decode
from reader.core.parsing.decode import read_bounded, read_issue_file
from tests.conftest import SEED_FILES

POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs, /dev/zero and byte file names are POSIX")
#: A file name that is not UTF-8 (Latin-1 "ÿþ" then 报 in GBK), as an old Windows tool or a copied disk leaves it.
NOT_UTF8 = b"\xff\xfe\xb1\xa8_2021-11-09.txt"


@pytest.fixture
def opens_only_regular_files(monkeypatch):
    """Fail the test (instead of hanging it) if anything opens a FIFO or a device."""
    real_open, real_os_open = builtins.open, os.open

    def refuse_special(path) -> None:
        if isinstance(path, int):
            return
        try:
            mode = os.stat(path).st_mode
        except OSError:
            return
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise AssertionError(f"opened {path!r}, which is not a regular file")

    def guarded_open(file, *args, **kwargs):
        refuse_special(file)
        return real_open(file, *args, **kwargs)

    def guarded_os_open(path, *args, **kwargs):
        refuse_special(path)
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)


@POSIX
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_pipe_or_a_device_given_directly_is_refused_without_being_read(tmp_path, opens_only_regular_files, special):
    if special == "fifo":
        special = str(tmp_path / "管道.txt")
        os.mkfifo(special)
    with pytest.raises(RejectedFile) as caught:
        read_issue_file(special)
    assert caught.value.kind == ErrorKind.NOT_A_REGULAR_FILE
    assert (
        str(caught.value)
        == f"{special}: this is not a file but a device, a pipe or a socket, which the reader does not read"
    )


def test_a_file_is_never_read_past_the_limit():
    class Endless(io.RawIOBase):
        """A stream that never ends, as /dev/zero or a /proc file claiming 0 bytes."""

        read_sizes: list[int] = []

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            assert size is not None and size >= 0, "an unbounded read"
            self.read_sizes.append(size)
            return b"\0" * size

    stream = Endless()
    assert len(read_bounded(stream, 3 * 1024 * 1024)) == 3 * 1024 * 1024 + 1
    assert sum(stream.read_sizes) == 3 * 1024 * 1024 + 1


def test_a_file_larger_than_the_limit_is_refused_even_if_its_size_says_otherwise(tmp_path, monkeypatch):
    big = tmp_path / "合订本.txt"
    big.write_bytes("报".encode() * 400_000)  # 1.1 MB
    monkeypatch.setattr(decode, "MAX_ISSUE_BYTES", 1024 * 1024)
    real_stat = os.stat

    def claims_empty(path, *args, **kwargs):  # as a /proc file does
        status = real_stat(path, *args, **kwargs)
        return os.stat_result((*status[:6], 0, *status[7:]))

    monkeypatch.setattr(os, "stat", claims_empty)
    with pytest.raises(RejectedFile) as caught:
        read_issue_file(str(big))
    assert caught.value.kind == ErrorKind.TOO_LARGE


def test_a_dangling_link_is_named_as_one(tmp_path):
    link = tmp_path / "北碚报_2021-11-09.txt"
    try:
        link.symlink_to(tmp_path / "已删除.txt")
    except OSError:
        pytest.skip("no symbolic links here")
    with pytest.raises(RejectedFile) as caught:
        read_issue_file(str(link))
    assert caught.value.kind == ErrorKind.BROKEN_LINK


@POSIX
def test_a_folder_import_reports_what_it_cannot_read(library, tmp_path, opens_only_regular_files):
    folder = tmp_path / "收件"
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    shutil.copy(SEED_FILES[1], elsewhere / SEED_FILES[1].name)
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    (folder / "链接的文件夹").symlink_to(elsewhere, target_is_directory=True)
    (folder / "断开的链接.txt").symlink_to(tmp_path / "没有了.txt")
    os.mkfifo(folder / "管道.txt")
    (folder / "说明.pdf").write_bytes(b"%PDF")
    report = library.import_paths([str(folder)])
    assert [Path(item.path).name for item in report.imported] == [SEED_FILES[0].name]
    assert {(Path(r.path).name, r.kind) for r in report.rejected} == {
        ("链接的文件夹", ErrorKind.LINKED_FOLDER),
        ("断开的链接.txt", ErrorKind.BROKEN_LINK),
        ("管道.txt", ErrorKind.NOT_A_REGULAR_FILE),
    }
    assert report.skipped_non_issue == 1  # the .pdf, as before


def _make_not_utf8_file(folder: Path, data: bytes) -> bytes:
    """Write a file whose name is not UTF-8; return its path as bytes (skip where names must be text)."""
    path = os.path.join(os.fsencode(folder), NOT_UTF8)
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except (OSError, UnicodeError):
        pytest.skip("this file system only takes names that are text")
    return path


@POSIX
def test_a_file_whose_name_is_not_utf8_is_imported_under_an_escaped_name(library, tmp_path):
    folder = tmp_path / "收件"
    folder.mkdir()
    _make_not_utf8_file(folder, SEED_FILES[0].read_bytes())
    shutil.copy(SEED_FILES[1], folder / SEED_FILES[1].name)
    report = library.import_paths([str(folder)])
    assert len(report.imported) == 2 and not report.rejected
    sources = sorted(record.source for record in library.records())
    assert "\\xff\\xfe\\xb1\\xa8_2021-11-09.txt" in sources
    record = next(r for r in library.records() if r.source.startswith("\\xff"))
    assert record.shown_date == "2021-11-09"  # the readable part of the name still says the date
    assert library.original_path(record).read_bytes() == SEED_FILES[0].read_bytes()
    json_paths = [item["path"] for item in report.to_json()["imported"]]
    assert all(path.encode("utf-8") for path in json_paths)  # valid text, printable as JSON


@POSIX
def test_a_rejected_file_whose_name_is_not_utf8_names_it_escaped(library, tmp_path):
    path = _make_not_utf8_file(tmp_path, b"")
    report = library.import_paths([path])  # given as bytes, as os.listdir(bytes) hands it over
    assert [r.kind for r in report.rejected] == [ErrorKind.EMPTY_FILE]
    assert str(report.rejected[0]) == f"{tmp_path}/\\xff\\xfe\\xb1\\xa8_2021-11-09.txt: the file is empty"


def test_names_are_escaped_only_where_they_cannot_be_shown():
    assert storable_name(os.fsdecode(b"\xff\xfe.txt")) == "\\xff\\xfe.txt"
    assert storable_name("北碚报\x1b[31m.txt") == "北碚报\x1b[31m.txt"  # stored as it is: valid text
    assert printable_name("北碚报\x1b[31m\t\u202e.txt") == "北碚报\\x1b[31m\\x09\\u202e.txt"
    assert printable_name("北碚报 2021-11-09.txt") == "北碚报 2021-11-09.txt"
