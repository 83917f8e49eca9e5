"""Bytes of an issue file -> text with `\\n` line ends, or a plain-words refusal.

Issue files come from PDF extraction tools on many machines: UTF-8 with or
without a BOM, UTF-16 with a BOM (or, from some Windows tools, without one),
and GB18030/GBK from older Chinese software; line ends may be CRLF or CR.
"""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from typing import BinaryIO

from reader.core.errors import ErrorKind, RejectedFile

#: An issue of a local paper is 10-100 KB of text; anything far above is not one.
MAX_ISSUE_BYTES = 16 * 1024 * 1024

#: Share of control characters above which "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normalize_line_ends(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_common_char(char: str) -> bool:
    """Characters of ordinary Chinese text: CJK, ASCII, CJK and general punctuation."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x20 <= code < 0x7F
        or char in "\t\n\r"
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
        or 0x2460 <= code <= 0x25FF
    )


def _plausible_chinese(text: str) -> bool:
    """True when nearly all characters are ones Chinese newspaper text is made of.

    Bytes decoded with the wrong 16-bit codec scatter over the whole Unicode
    plane (Hangul, Yi, private use), so this tells a right guess from a wrong one.
    """
    sample = text[:4000]
    has_structure = any(mark in sample for mark in ("\n", "。", "，", "、"))
    return has_structure and sum(map(_is_common_char, sample)) >= 0.9 * len(sample)


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM: the decoded text must look like Chinese text."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:8000].decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text):
            return codec
    return None


def _detect_encoding(data: bytes) -> str | None:
    """Name the codec of `data`, or None when no supported codec fits."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if b"\x00" not in data:
            return "utf-8"
    guessed_utf16 = _bomless_utf16(data)
    if guessed_utf16:
        return guessed_utf16
    if b"\x00" in data:
        return None
    for codec in ("gb18030",):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return None


def _looks_binary(text: str) -> bool:
    """True when the decoded text is mostly not text (control characters, NULs)."""
    if not text:
        return False
    controls = sum(1 for ch in text if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc")
    return controls > max(2, len(text) * _MAX_CONTROL_SHARE)


def _too_large(name: str, size: int) -> RejectedFile:
    """The refusal for a file far larger than any newspaper issue."""
    megabytes = size / (1024 * 1024)
    limit = MAX_ISSUE_BYTES // (1024 * 1024)
    return RejectedFile(name, ErrorKind.TOO_LARGE, megabytes=f"{megabytes:.1f}", limit=limit)


def decode_issue_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode an issue file's bytes; return (text, codec) or raise RejectedFile.

    `name` is only used in the error message.
    """
    if not data:
        raise RejectedFile(name, ErrorKind.EMPTY_FILE)
    if len(data) > MAX_ISSUE_BYTES:
        raise _too_large(name, len(data))
    codec = _detect_encoding(data)
    if codec is None:
        if b"\x00" in data:
            raise RejectedFile(name, ErrorKind.BINARY_FILE)
        raise RejectedFile(name, ErrorKind.UNKNOWN_ENCODING)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise RejectedFile(name, ErrorKind.DAMAGED_TEXT, codec=codec.upper()) from None
    text = normalize_line_ends(text.lstrip("\ufeff"))
    if _looks_binary(text):
        raise RejectedFile(name, ErrorKind.BINARY_FILE)
    if not text.strip():
        raise RejectedFile(name, ErrorKind.BLANK_FILE)
    return text, codec


def read_bounded(handle: BinaryIO, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a stream: enough to tell a file over the limit without reading it all.

    A file's size on disk cannot be trusted to stop the read: /proc files say 0
    bytes, and a file may grow while it is read.
    """
    chunks: list[bytes] = []
    wanted = limit + 1
    while wanted > 0:
        chunk = handle.read(min(wanted, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def _open_regular_file(path: str) -> BinaryIO:
    """Open a regular file for reading, refusing anything else before it is opened.

    Opening a FIFO waits for a writer forever, and a device such as /dev/zero
    never ends, so only regular files are opened; O_NONBLOCK keeps even a file
    swapped for a FIFO after the check from hanging the open, and the second
    check on the open descriptor refuses it.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        kind = ErrorKind.BROKEN_LINK if os.path.islink(path) else ErrorKind.NO_SUCH_FILE
        raise RejectedFile(path, kind) from None
    if stat.S_ISDIR(status.st_mode):
        raise RejectedFile(path, ErrorKind.FOLDER_NOT_FILE)
    if not stat.S_ISREG(status.st_mode):
        raise RejectedFile(path, ErrorKind.NOT_A_REGULAR_FILE)
    if status.st_size > MAX_ISSUE_BYTES:
        raise _too_large(path, status.st_size)
    handle = open(path, "rb", opener=_open_without_waiting)  # closed by the caller's with block
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise RejectedFile(path, ErrorKind.NOT_A_REGULAR_FILE)
    return handle


def _open_without_waiting(path: str, flags: int) -> int:
    """os.open with O_NONBLOCK where there is one: no effect on a regular file, no wait on a FIFO."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_issue_file(path: str) -> tuple[bytes, str, str]:
    """Read and decode one issue file; return (raw bytes, text, codec).

    Only regular files are read, and never more than MAX_ISSUE_BYTES + 1 bytes.
    Every OS-level failure becomes a RejectedFile naming the file.
    """
    try:
        with _open_regular_file(path) as handle:
            data = read_bounded(handle, MAX_ISSUE_BYTES)
    except FileNotFoundError:
        raise RejectedFile(path, ErrorKind.NO_SUCH_FILE) from None
    except PermissionError:
        raise RejectedFile(path, ErrorKind.PERMISSION_DENIED) from None
    except IsADirectoryError:
        raise RejectedFile(path, ErrorKind.FOLDER_NOT_FILE) from None
    except OSError as error:
        raise RejectedFile(path, ErrorKind.UNREADABLE, detail=error.strerror or error) from None
    text, codec = decode_issue_bytes(data, path)
    return data, text, codec
