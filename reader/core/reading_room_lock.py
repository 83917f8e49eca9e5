"""The reading-room lock: reading-room mode on every start of this computer's reader, until unlocked with a password.

An archivist sets up a reading-room PC once: the reader then opens in
reading-room mode (gui.kiosk) whether or not it is started with `--kiosk`,
and only the password turns that off.  What the lock protects is the mode,
not the computer: whoever can delete files in the user's config folder can
delete the lock, so the PC's own account is the one to lock down (a
restricted or kiosk account of the system).

The password is kept as a salted PBKDF2-SHA256 hash (hashlib, in the
standard library), compared in constant time.  The file is written whole or
not at all.  A lock file that cannot be read (damaged, from a newer
version) counts as no lock: an archivist must never be locked out by a
broken file, and the reading room then opens as a normal window, which
they see at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from pathlib import Path

from reader.core.files import write_atomically

#: PBKDF2 rounds: about a tenth of a second to check a password on a reading-room PC.
ITERATIONS = 200_000
#: Shortest password accepted (the dialog says so).
MIN_PASSWORD_LENGTH = 4
_ALGORITHM = "pbkdf2_sha256"


def _digest(password: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)


def password_hash(password: str) -> str:
    """The stored form of `password`: algorithm, rounds, salt and digest (salt and digest in base64).

    The rounds are ITERATIONS as it is when called (tests lower it).
    """
    iterations = ITERATIONS
    salt = secrets.token_bytes(16)
    digest = _digest(password, salt, iterations)
    encoded = (base64.b64encode(part).decode("ascii") for part in (salt, digest))
    return "$".join([_ALGORITHM, str(iterations), *encoded])


#: The rounds a stored hash may ask for: past them it is no hash this version wrote (and would take minutes).
_MAX_ITERATIONS = 100 * ITERATIONS


def _parsed(stored: str) -> tuple[int, bytes, bytes] | None:
    """(rounds, salt, digest) of a stored hash this version can check, else None (damaged, another algorithm)."""
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        rounds = int(iterations)
        if algorithm != _ALGORITHM or not 0 < rounds <= _MAX_ITERATIONS:
            return None
        salt_bytes, digest_bytes = (base64.b64decode(part, validate=True) for part in (salt, digest))
    except (ValueError, TypeError):
        return None
    return (rounds, salt_bytes, digest_bytes) if salt_bytes and digest_bytes else None


def password_matches(password: str, stored: str) -> bool:
    """True when `password` is the one `stored` (password_hash) was made from."""
    parsed = _parsed(stored)
    if parsed is None:
        return False
    rounds, salt, expected = parsed
    return hmac.compare_digest(_digest(password, salt, rounds), expected)


def _stored_hash(lock_file: Path) -> str | None:
    """The lock's stored hash; None when there is no lock or none this version can check (see the module docstring)."""
    try:
        stored = json.loads(lock_file.read_text(encoding="utf-8")).get("password")
    except (OSError, ValueError, AttributeError):
        return None
    return stored if isinstance(stored, str) and _parsed(stored) is not None else None


def is_locked(lock_file: Path) -> bool:
    """True when a readable lock is set (a damaged file counts as none: see the module docstring)."""
    return _stored_hash(lock_file) is not None


def lock(lock_file: Path, password: str) -> None:
    """Set the lock with `password` (raises ValueError when it is too short, OSError when it cannot be written)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a reading-room password has at least {MIN_PASSWORD_LENGTH} characters")
    write_atomically(lock_file, json.dumps({"password": password_hash(password)}).encode("utf-8"), private=True)


def unlock(lock_file: Path, password: str) -> bool:
    """Remove the lock if `password` is its password; False (and the lock kept) otherwise."""
    stored = _stored_hash(lock_file)
    if stored is None:
        return True
    if not password_matches(password, stored):
        return False
    lock_file.unlink(missing_ok=True)
    return True
