"""Bytes of an issue file -> text with `\\n` line ends, or a plain-words refusal.

Issue files come from PDF extraction tools on many machines: UTF-8 with or
without a BOM, UTF-16 with a BOM (or, from some Windows tools, without one),
and GB18030/GBK from older Chinese software; line ends may be CRLF or CR.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
from dataclasses import dataclass
from typing import BinaryIO

from reader.core.errors import ErrorKind, RejectedFile

#: An issue of a local paper is 10-100 KB of text; anything far above is not one.
MAX_ISSUE_BYTES = 16 * 1024 * 1024

#: Share of control characters above which "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01

#: (byte order mark, codec name recorded, codec of the text after the mark).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

#: A file damaged in a few places (a flipped bit, a bad sector, a cut-off byte) is imported with each damaged
#: character shown as U+FFFD, when there are at most this many of them and this share of its characters.
MAX_DAMAGED_PLACES = 50
MAX_DAMAGED_SHARE = 0.001
REPLACEMENT_CHARACTER = "\ufffd"
#: The most bytes one character takes in the codecs read here (UTF-8, GB18030).
MAX_CHARACTER_BYTES = 4


@dataclass(frozen=True)
class Decoded:
    """An issue file's text, its codec, and how many places of it were damaged.

    Attributes:
        text: the text, with `\\n` line ends.
        codec: the codec recorded for the file ("utf-8", "utf-8-sig", "utf-16", "gb18030", ...).
        damaged: places whose bytes were not valid in that codec, each shown as U+FFFD (0 for a sound file).
    """

    text: str
    codec: str
    damaged: int = 0


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


def _decode_tolerating_damage(data: bytes, codec: str) -> tuple[str, int] | None:
    """Decode `data` with its damaged characters shown as U+FFFD; (text, damaged characters), or None if too many.

    A run of bad bytes counts one damaged character per MAX_CHARACTER_BYTES
    bytes (a UTF-8 character whose first byte is lost leaves three bad bytes:
    one character).  Too many: more than MAX_DAMAGED_PLACES, or more than
    MAX_DAMAGED_SHARE of the characters; then the file is not damaged text but
    something else.  Decoding resumes after each bad byte, so a sound file
    costs one decode.
    """
    view = memoryview(data)
    parts: list[str] = []
    damaged = position = 0
    run_start: int | None = None  # where the run of bad bytes being read began
    while True:
        try:
            rest, error = str(view[position:], codec), None
        except UnicodeDecodeError as caught:
            rest, error = "", caught
        if run_start is not None and (error is None or error.start > 0):  # the run ended at `position`
            characters = -(-(position - run_start) // MAX_CHARACTER_BYTES)
            damaged += characters
            parts.append(REPLACEMENT_CHARACTER * characters)
            run_start = None
            if damaged > MAX_DAMAGED_PLACES:
                return None
        if error is None:
            parts.append(rest)
            break
        parts.append(str(view[position : position + error.start], codec))
        if run_start is None:
            run_start = position + error.start
        position += max(error.end, error.start + 1)
        if position - run_start > MAX_DAMAGED_PLACES * MAX_CHARACTER_BYTES:
            return None
    text = "".join(parts)
    if damaged > len(text) * MAX_DAMAGED_SHARE:
        return None
    return text, damaged


def _decode_any(data: bytes, name: str) -> Decoded:
    """Decode with the codec that fits `data`; a file damaged in a few places is decoded all the same.

    Every file a strict decoding accepts is decoded as before (a BOM, UTF-8,
    UTF-16 without a BOM, GB18030, in that order); only then is a damaged
    file read as UTF-8, else GB18030, with its bad places replaced.
    """
    for bom, codec, body_codec in _BOMS:
        if data.startswith(bom):
            decoded = _decode_tolerating_damage(data[len(bom) :], body_codec)
            if decoded is None:
                raise RejectedFile(name, ErrorKind.DAMAGED_TEXT, codec=codec.upper())
            return Decoded(decoded[0], codec, decoded[1])
    if b"\x00" not in data:
        with contextlib.suppress(UnicodeDecodeError):
            return Decoded(data.decode("utf-8"), "utf-8")
    guessed_utf16 = _bomless_utf16(data)
    if guessed_utf16:
        decoded = _decode_tolerating_damage(data, guessed_utf16)
        if decoded is None:
            raise RejectedFile(name, ErrorKind.DAMAGED_TEXT, codec=guessed_utf16.upper())
        return Decoded(decoded[0], guessed_utf16, decoded[1])
    if b"\x00" in data:
        raise RejectedFile(name, ErrorKind.BINARY_FILE)
    with contextlib.suppress(UnicodeDecodeError):
        return Decoded(data.decode("gb18030"), "gb18030")
    for codec in ("utf-8", "gb18030"):
        decoded = _decode_tolerating_damage(data, codec)
        if decoded is not None:
            return Decoded(decoded[0], codec, decoded[1])
    raise RejectedFile(name, ErrorKind.UNKNOWN_ENCODING)


#: Unicode's control characters (category Cc: U+0000-U+001F, U+007F-U+009F) but tab, line ends and form feeds.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    """True when the decoded text is mostly not text (control characters, NULs).

    A regular expression counts them: a test of each character in Python
    took a tenth of the time of parsing an issue.
    """
    if not text:
        return False
    controls = len(_CONTROL_CHARACTER.findall(text))
    return controls > max(2, len(text) * _MAX_CONTROL_SHARE)


def _too_large(name: str, size: int) -> RejectedFile:
    """The refusal for a file far larger than any newspaper issue."""
    megabytes = size / (1024 * 1024)
    limit = MAX_ISSUE_BYTES // (1024 * 1024)
    return RejectedFile(name, ErrorKind.TOO_LARGE, megabytes=f"{megabytes:.1f}", limit=limit)


def decode_issue(data: bytes, name: str) -> Decoded:
    """Decode an issue file's bytes, or raise RejectedFile; `name` is only used in the error message."""
    if not data:
        raise RejectedFile(name, ErrorKind.EMPTY_FILE)
    if len(data) > MAX_ISSUE_BYTES:
        raise _too_large(name, len(data))
    decoded = _decode_any(data, name)
    text = normalize_line_ends(decoded.text.lstrip("\ufeff"))
    if _looks_binary(text):
        raise RejectedFile(name, ErrorKind.BINARY_FILE)
    if not text.strip():
        raise RejectedFile(name, ErrorKind.BLANK_FILE)
    return Decoded(text, decoded.codec, decoded.damaged)


def decode_issue_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode an issue file's bytes; return (text, codec) or raise RejectedFile (see decode_issue)."""
    decoded = decode_issue(data, name)
    return decoded.text, decoded.codec


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


def read_issue(path: str) -> tuple[bytes, Decoded]:
    """Read and decode one issue file; return (raw bytes, decoded).

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
    return data, decode_issue(data, path)


def read_issue_file(path: str) -> tuple[bytes, str, str]:
    """Read and decode one issue file; return (raw bytes, text, codec) (see read_issue)."""
    data, decoded = read_issue(path)
    return data, decoded.text, decoded.codec
