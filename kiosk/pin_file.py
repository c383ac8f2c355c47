"""The admin PIN of one kiosk, kept in its data folder (``admin-pin``) by ``kiosk admin-pin``.

The PIN belongs to the machine, not to the exhibit: the content shipped with the kiosk holds
none, so no PIN is known to everyone who has read the guide, and a content folder copied to
another kiosk does not carry that kiosk's PIN with it. A museum that sends one content folder
to many kiosks may still give ``admin: pin_hash:`` in exhibit.yaml; a PIN set on the kiosk
itself comes first. The file holds only the salted hash line (kiosk.pin), readable by its
owner alone, and is written whole or not at all.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kiosk.pin import hash_problem

PIN_FILE = "admin-pin"
log = logging.getLogger("kiosk")


class PinFile:
    """The hash line in ``path``, read afresh each time it is asked for (a PIN set while the
    kiosk runs opens the pad at once)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._told = ""  # the last problem logged, so that one damaged file is logged once

    def read(self) -> str:
        """The hash line, or "" when no PIN is set here (or the file is damaged: logged)."""
        try:
            line = self.path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return ""
        except (OSError, UnicodeDecodeError) as exc:
            return self._ignore(f"cannot be read ({exc})")
        if hash_problem(line):
            return self._ignore("it is not a line that 'kiosk admin-pin' writes (damaged, or changed by "
                                "hand): set the PIN again with 'kiosk admin-pin'")
        return line

    def write(self, line: str) -> None:
        """Keep ``line`` (a hash from kiosk.pin.hash_pin): a temporary file, then a rename."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(line + "\n")
        os.replace(partial, self.path)

    def _ignore(self, problem: str) -> str:
        if problem != self._told:
            log.warning("admin: ignoring the kiosk's PIN in %s: %s", self.path, problem)
            self._told = problem
        return ""
