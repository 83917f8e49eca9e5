"""A small record beside each stored original: what the catalog needs to list it again.

The catalog (SQLite) is the library's index of issues, but it is one file: a
full disk, a crash between storing an original and recording it, or a lost
or damaged catalog would leave originals with nothing to say what they were
(the file name the user imported, when, in which encoding, and the user's
corrections).  Each original `ab/<id>.txt` therefore has `ab/<id>.json`
beside it, written before the catalog row and rewritten with every
correction, so a repair can list the original again exactly as it was.
The file is JSON, readable by hand: it is part of the archive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

SIDECAR_SUFFIX = ".json"
FORMAT = 1


@dataclass
class Sidecar:
    """What an original's sidecar records."""

    source: str
    codec: str
    imported_at: float
    corrections: dict = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        record = {"format": FORMAT, **vars(self)}
        return (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def sidecar_name(stored_name: str) -> str:
    """`ab/<id>.txt` -> `ab/<id>.json`."""
    return str(Path(stored_name).with_suffix(SIDECAR_SUFFIX).as_posix())


def read_sidecar(path: Path) -> Sidecar | None:
    """The sidecar at `path`, or None when it is missing or unreadable (the original is listed without it)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        corrections = record.get("corrections") or {}
        return Sidecar(
            source=str(record["source"]),
            codec=str(record["codec"]),
            imported_at=float(record["imported_at"]),
            corrections={str(key): str(value) for key, value in corrections.items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
