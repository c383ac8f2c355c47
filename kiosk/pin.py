"""The admin PIN: stored only as a salted hash, checked in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "pbkdf2-sha256"
ITERATIONS = 200_000


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """The line to store in exhibit.yaml for ``pin``: scheme$iterations$salt$hash."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"{SCHEME}${iterations}${b64(salt)}${b64(digest)}"


def hash_problem(stored: str) -> str | None:
    """Why ``stored`` is not a usable PIN hash, or None when it is."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        return f"expected a line made by 'kiosk admin-pin' ({SCHEME}$…), got {stored[:40]!r}"
    try:
        if int(parts[1]) < 1000:
            return "the hash uses too few iterations: make a new one with 'kiosk admin-pin'"
        base64.b64decode(parts[2], validate=True)
        base64.b64decode(parts[3], validate=True)
    except ValueError:
        return "the hash is damaged: make a new one with 'kiosk admin-pin' and paste it whole"
    return None


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the stored hash."""
    if hash_problem(stored) is not None:
        return False
    _, iterations, salt, digest = stored.split("$")
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), base64.b64decode(salt), int(iterations))
    return hmac.compare_digest(candidate, base64.b64decode(digest))
