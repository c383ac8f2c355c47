"""``kiosk admin-pin``: ask for a PIN, print the salted hash line for exhibit.yaml."""

from __future__ import annotations

import getpass
import sys

from kiosk.pin import hash_pin

MIN_DIGITS = 4
MAX_DIGITS = 12


def _ask(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    # Piped in, the answer is not echoed: end the prompt's line, or the next one runs into it.
    print(prompt, file=sys.stderr, flush=True)
    return sys.stdin.readline().strip()


def run_admin_pin() -> int:
    pin = _ask(f"New admin PIN ({MIN_DIGITS}–{MAX_DIGITS} digits): ")
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        print(f"kiosk admin-pin: the PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits (the pad has "
              "only digits); nothing was made", file=sys.stderr)
        return 1
    if _ask("The same PIN again: ") != pin:
        print("kiosk admin-pin: the two PINs differ; nothing was made", file=sys.stderr)
        return 1
    print("Paste this line under 'admin:' in exhibit.yaml, in place of the old pin_hash:", file=sys.stderr)
    print(f'  pin_hash: "{hash_pin(pin)}"')
    return 0
