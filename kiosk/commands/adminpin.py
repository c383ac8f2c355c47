"""``kiosk admin-pin``: ask for a PIN and set it as this kiosk's (its salted hash, in the data
folder: kiosk.pin_file), or with ``--print`` print the hash line for exhibit.yaml instead.

At a terminal the PIN is read with getpass (from the terminal itself, not echoed); piped in,
from stdin. The PIN pad has the keys 0 to 9 and no others, so only those digits are taken:
``str.isdigit`` would also take ``١٢٣٤``, ``①②③④`` or full-width digits, which no one could
then type on the pad. Ctrl-C and Ctrl-D end the command with one line, not a traceback.
"""

from __future__ import annotations

import getpass
import sys

from pathlib import Path
from typing import Optional

from kiosk.pin import SHIPPED_PIN, hash_pin
from kiosk.pin_file import PIN_FILE, PinFile

MIN_DIGITS = 4
MAX_DIGITS = 12
PAD_DIGITS = frozenset("0123456789")
NOTHING = "nothing was made"
INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C (128 + SIGINT)


class Ended(Exception):
    """The person ended the prompt: Ctrl-C (``code`` 130) or Ctrl-D (1)."""

    def __init__(self, code: int, said: str):
        super().__init__(said)
        self.code = code


def _ask(prompt: str, unsaid: str) -> str:
    """The answer to ``prompt``; ``Ended`` on Ctrl-C, or on Ctrl-D or the end of the input
    (then ``unsaid`` says what was not typed)."""
    at_terminal = sys.stdin.isatty()
    try:
        if at_terminal:
            return getpass.getpass(prompt)
        # Piped in, the answer is not echoed: end the prompt's line, or the next one runs into it.
        print(prompt, file=sys.stderr, flush=True)
        line = sys.stdin.readline()
    except KeyboardInterrupt:
        raise Ended(INTERRUPTED, f"cancelled; {NOTHING}") from None
    except EOFError:
        line = ""
    if not line:  # Ctrl-D at the prompt, or the input ended
        raise Ended(1, f"{unsaid} (the input ended); {NOTHING}")
    return line.strip()


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be the admin PIN, or None."""
    if not set(pin) <= PAD_DIGITS:
        if pin.isdigit():
            return (f"the PIN must be typed with the digits 0 to 9, the only keys the pad has (these "
                    f"look like digits but are other characters); {NOTHING}")
        return f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} of the digits 0 to 9 (the pad has only those); {NOTHING}"
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} of the digits 0 to 9 (the pad has only those); {NOTHING}"
    if pin == SHIPPED_PIN:
        return (f"{SHIPPED_PIN} is the PIN that earlier kiosks shipped with, which anyone could read in their "
                f"guide: choose another; {NOTHING}")
    return None


def run_admin_pin(data_dir: Optional[Path] = None, print_line: bool = False) -> int:
    """Set the PIN of the kiosk whose data folder is ``data_dir``; with ``print_line``, print
    the line for exhibit.yaml and set nothing."""
    try:
        pin = _ask(f"New admin PIN ({MIN_DIGITS}–{MAX_DIGITS} digits, 0–9): ", "no PIN was typed")
        problem = pin_problem(pin)
        if problem:
            return _fail(problem)
        if _ask("The same PIN again: ", "the PIN was not typed again") != pin:
            return _fail(f"the two PINs differ; {NOTHING}")
    except Ended as ended:
        if sys.stdin.isatty():
            print(file=sys.stderr)  # the prompt's line was left open: "^C" stands on it
        return _fail(str(ended), ended.code)
    line = hash_pin(pin)
    if print_line:
        print("Paste this line under 'admin:' in exhibit.yaml, in place of any old pin_hash:", file=sys.stderr)
        print(f'  pin_hash: "{line}"')
        return 0
    target = Path(data_dir) / PIN_FILE
    try:
        PinFile(target).write(line)
    except OSError as exc:
        return _fail(f"cannot write {target} ({exc.strerror or exc}): give a folder the kiosk's user "
                     f"may write with --data-dir, or use --print; {NOTHING}")
    print(f"The admin PIN of this kiosk is set (kept in {target}). It opens the PIN pad at once, "
          "even on a kiosk that is running.", file=sys.stderr)
    return 0


def _fail(said: str, code: int = 1) -> int:
    print(f"kiosk admin-pin: {said}", file=sys.stderr)
    return code
