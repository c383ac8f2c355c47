"""Screen blanking on a bare X session, through ``xset``: off while the kiosk runs, and put
back as it was when it stops.

A desktop offers the freedesktop ScreenSaver inhibit for this (kiosk/ui/no_blanking.py); an
X session with only a window manager has nothing but the X server's own screen saver and
DPMS, which ``xset`` sets. ``xset q`` says how they stand, so the kiosk restores what it
found, not a default. A kiosk killed outright (SIGKILL, a power cut) leaves them off, the
lesser harm on a kiosk's screen.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from typing import Optional

OFF = ("s", "off", "s", "noblank")  # no screen saver, and it would not blank if it came
TIMEOUT_S = 5  # for one xset call: it only talks to the local X server


@dataclass(frozen=True)
class Blanking:
    """The X server's screen saver and DPMS, as ``xset q`` shows them."""

    timeout_s: int  # idle seconds before the screen saver starts; 0: never
    cycle_s: int
    blanks: bool  # "prefer blanking": the screen saver blanks the screen
    dpms: Optional[bool]  # DPMS enabled; None where the server has no DPMS (Xvfb)

    def xset_args(self) -> list[str]:
        """The ``xset`` arguments that set the server back to this."""
        args = ["s", str(self.timeout_s), str(self.cycle_s), "s", "blank" if self.blanks else "noblank"]
        return args if self.dpms is None else [*args, "+dpms" if self.dpms else "-dpms"]

    def __str__(self) -> str:
        saver = f"screen saver after {self.timeout_s} s" if self.timeout_s else "no screen saver"
        saver += ", blanking" if self.blanks else ", not blanking"
        return saver + ("" if self.dpms is None else f", DPMS {'on' if self.dpms else 'off'}")


def parse_query(text: str) -> Blanking:
    """How blanking stands, read from ``xset q``'s output; ValueError if it says nothing of it."""
    saver = re.search(r"prefer blanking:\s*(yes|no)", text)
    times = re.search(r"timeout:\s*(\d+)\s+cycle:\s*(\d+)", text)
    if saver is None or times is None:
        raise ValueError("xset q showed no screen saver settings")
    dpms = re.search(r"DPMS is (Enabled|Disabled)", text)
    return Blanking(int(times.group(1)), int(times.group(2)), saver.group(1) == "yes",
                    None if dpms is None else dpms.group(1) == "Enabled")


class XsetBlanking:
    """Turns the X server's blanking off with ``xset``, and back to what it was."""

    def __init__(self, display: str):
        self.display = display
        self.saved: Optional[Blanking] = None

    def turn_off(self) -> Blanking:
        """Save how blanking stands, turn it off, and return what was saved; OSError (with
        what xset said) if xset cannot be run or fails, ValueError if its answer is unreadable."""
        saved = parse_query(self._xset("q"))
        self._xset(*OFF, *([] if saved.dpms is None else ["-dpms"]))
        self.saved = saved
        return saved

    def restore(self) -> None:
        """Set blanking back to what ``turn_off`` found; nothing if it found nothing."""
        if self.saved is not None:
            self._xset(*self.saved.xset_args())
            self.saved = None

    def _xset(self, *args: str) -> str:
        command = ["xset", "-display", self.display, *args]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise OSError(f"{' '.join(command)} did not answer within {TIMEOUT_S} s") from exc
        if done.returncode != 0:
            raise OSError(f"{' '.join(command)} failed: {done.stderr.strip() or done.returncode}")
        return done.stdout
