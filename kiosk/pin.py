"""The admin PIN: stored only as a salted hash, checked in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading

SCHEME = "pbkdf2-sha256"
ITERATIONS = 200_000
MIN_ITERATIONS = 1000
# One check at the cap takes about 0.35 s on a two-core kiosk PC (0.08 s at ITERATIONS): the
# PIN pad checks off the UI thread, so the screen goes on painting, but staff wait that long.
MAX_ITERATIONS = 1_000_000
DIGEST_BYTES = 32  # SHA-256
REMAKE = "run 'kiosk admin-pin --print' and paste the line it prints whole, in place of this one"
SHIPPED_PIN = "1921"  # the PIN earlier kiosks shipped with, printed in their guide: never to be used


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """The line to store in exhibit.yaml for ``pin``: scheme$iterations$salt$hash."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"{SCHEME}${iterations}${b64(salt)}${b64(digest)}"


def hash_problem(stored: str) -> str | None:
    """Why ``stored`` is not a usable PIN hash, or None when it is.

    A line typed by hand or cut short when it was pasted would lock every member of staff
    out; one with an absurd number of iterations would keep staff waiting seconds a PIN."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        return f"expected the line that 'kiosk admin-pin --print' makes ({SCHEME}$…), got {stored[:40]!r}: {REMAKE}"
    try:
        iterations = int(parts[1])
        salt = base64.b64decode(parts[2], validate=True)
        digest = base64.b64decode(parts[3], validate=True)
    except ValueError:
        return f"the hash is damaged (cut short or changed by hand): {REMAKE}"
    if iterations < MIN_ITERATIONS:
        return f"the hash uses too few iterations to be safe: {REMAKE}"
    if iterations > MAX_ITERATIONS:
        return (f"the hash uses {iterations:,} iterations, more than the {MAX_ITERATIONS:,} the kiosk "
                f"takes (each PIN would take seconds to check): {REMAKE}")
    if not salt or len(digest) != DIGEST_BYTES:
        return f"the hash is damaged (cut short or changed by hand): {REMAKE}"
    return None


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the stored hash."""
    if hash_problem(stored) is not None:
        return False
    _, iterations, salt, digest = stored.split("$")
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), base64.b64decode(salt), int(iterations))
    right = hmac.compare_digest(candidate, base64.b64decode(digest))
    if right:  # a hash opens one PIN: whether it is the shipped one is known now, for free
        _remember_shipped(stored, pin == SHIPPED_PIN)
    return right


_shipped: dict[str, bool] = {}
_shipped_lock = threading.Lock()
SHIPPED_MEMO = 16  # hash lines remembered; one kiosk has one, the curators' preview a few


def is_shipped_pin(stored: str) -> bool:
    """True when ``stored`` is a hash of the shipped PIN, 1921. One check (at most a third of
    a second) per hash line, remembered; none after that hash has opened the pad."""
    with _shipped_lock:
        known = _shipped.get(stored)
    if known is None:
        known = check_pin(SHIPPED_PIN, stored)  # remembers a right one itself
        _remember_shipped(stored, known)
    return known


def _remember_shipped(stored: str, shipped: bool) -> None:
    with _shipped_lock:
        if len(_shipped) >= SHIPPED_MEMO and stored not in _shipped:
            _shipped.clear()
        _shipped[stored] = shipped
