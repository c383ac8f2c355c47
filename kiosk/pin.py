"""The admin PIN: stored only as a salted hash, checked in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "pbkdf2-sha256"
ITERATIONS = 200_000
MIN_ITERATIONS = 1000
MAX_ITERATIONS = 10_000_000
DIGEST_BYTES = 32  # SHA-256
REMAKE = "run 'kiosk admin-pin' and paste the line it prints whole, in place of this one"


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """The line to store in exhibit.yaml for ``pin``: scheme$iterations$salt$hash."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"{SCHEME}${iterations}${b64(salt)}${b64(digest)}"


def hash_problem(stored: str) -> str | None:
    """Why ``stored`` is not a usable PIN hash, or None when it is.

    A line typed by hand or cut short when it was pasted would lock every member of staff
    out; one with an absurd number of iterations would hang the PIN pad."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        return f"expected the line that 'kiosk admin-pin' makes ({SCHEME}$…), got {stored[:40]!r}: {REMAKE}"
    try:
        iterations = int(parts[1])
        salt = base64.b64decode(parts[2], validate=True)
        digest = base64.b64decode(parts[3], validate=True)
    except ValueError:
        return f"the hash is damaged (cut short or changed by hand): {REMAKE}"
    if iterations < MIN_ITERATIONS:
        return f"the hash uses too few iterations to be safe: {REMAKE}"
    if iterations > MAX_ITERATIONS:
        return f"the hash uses so many iterations that the PIN pad would hang checking a PIN: {REMAKE}"
    if not salt or len(digest) != DIGEST_BYTES:
        return f"the hash is damaged (cut short or changed by hand): {REMAKE}"
    return None


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the stored hash."""
    if hash_problem(stored) is not None:
        return False
    _, iterations, salt, digest = stored.split("$")
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), base64.b64decode(salt), int(iterations))
    return hmac.compare_digest(candidate, base64.b64decode(digest))
