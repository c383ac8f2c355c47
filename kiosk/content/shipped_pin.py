"""The warning that the content's admin PIN is 1921, the one earlier kiosks shipped with.

Everyone who read their guide knows that PIN. The kiosk now ships no PIN (each kiosk's is set
on it: kiosk.pin_file), but a content folder from those days still carries it. It is no
mistake in the content's form, so the loader does not report it; ``kiosk validate`` and the admin
screen do, with the line of exhibit.yaml to change. Whether a hash is the shipped PIN's takes
one PBKDF2 check, done once per hash line (kiosk.pin.is_shipped_pin).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from kiosk.pin import hash_problem, is_shipped_pin

from .context import child, line
from .problems import WARNING, Problem, Problems, shown_path
from .yamlsource import read_yaml

EXHIBIT_FILE = "exhibit.yaml"
KEYS = ("admin", "pin_hash")
MESSAGE = ("this is 1921, the PIN that earlier kiosks shipped with and their guide printed: remove the "
           "line and set each kiosk's own PIN with 'kiosk admin-pin', or paste in its place the line "
           "that 'kiosk admin-pin --print' prints")


def shipped_pin_problem(stored: str, root: Path, prefix: str) -> Optional[Problem]:
    """A warning at the ``pin_hash`` line of ``root``'s exhibit.yaml when ``stored`` (the hash
    the kiosk runs with) opens to the shipped PIN; None when it does not. ``prefix`` is the
    content folder as messages show it."""
    if not stored or hash_problem(stored) is not None or not is_shipped_pin(stored):
        return None
    return Problem(shown_path(prefix.rstrip("/"), EXHIBIT_FILE), pin_line(Path(root)), KEYS, MESSAGE, WARNING)


def pin_line(root: Path) -> int:
    """The line of ``admin: pin_hash:`` in exhibit.yaml; 0 when it cannot be found."""
    top = read_yaml(root / EXHIBIT_FILE, EXHIBIT_FILE, Problems())
    found = child(child(top, "admin"), "pin_hash")
    return line(found)
