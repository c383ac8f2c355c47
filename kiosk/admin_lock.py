"""The admin PIN pad's memory: wrong PINs in a row, and lockouts that grow.

Plain Python with an injected clock, so the lockout is tested without waiting for it. Given a
``LockFile`` in the kiosk's data folder, the memory outlives the kiosk: a restart, a crash or
a content reload does not give five fresh guesses. The file holds wall-clock times (a
monotonic clock starts again with the machine); the running kiosk counts on its own clock.
Every wrong PIN and every lockout is logged, never the PIN.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path
from typing import Callable, Optional

from kiosk.pin import check_pin

Clock = Callable[[], float]
log = logging.getLogger("kiosk")
LOCK_FILE = "admin-lock.json"
LONGEST_LOCKOUT = 3600.0  # lockouts double up to an hour (or the content's own, if longer)


class Result(Enum):
    """What became of one PIN."""

    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class Saved:
    """What the lock keeps on disk: wrong PINs in a row, lockouts since the last right PIN,
    and the running lockout as its end (seconds since the epoch) and its length."""

    wrong: int = 0
    lockouts: int = 0
    until: float = 0.0
    length: float = 0.0

    def left(self, now: float) -> float:
        """Seconds of the lockout still to run at wall-clock ``now``. A clock set back (by
        hand, or a dead CMOS battery) cannot make it longer than the lockout was."""
        return min(max(0.0, self.until - now), self.length)


class LockFile:
    """The lock's memory in one small JSON file, written whole or not at all."""

    def __init__(self, path: Path, wall_clock: Clock = time.time):
        self.path = Path(path)
        self.now = wall_clock
        self._failed = False

    def read(self) -> Saved:
        """What was saved; nothing (and a log line) for a file that is missing or damaged."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Saved(int(data["wrong"]), int(data["lockouts"]), float(data["until"]), float(data["length"]))
        except FileNotFoundError:
            return Saved()
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("admin: ignoring the PIN pad's memory in %s (%s)", self.path, exc)
            return Saved()

    def write(self, saved: Saved) -> None:
        """Save atomically (a temporary file, then a rename); a failure is logged once."""
        partial = self.path.with_name(self.path.name + ".part")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(asdict(saved)), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as exc:
            if not self._failed:
                log.warning("admin: cannot keep the PIN pad's memory in %s (%s): a restart would "
                            "forget wrong PINs and lockouts", self.path, exc.strerror or exc)
            self._failed = True
        else:
            self._failed = False


def duration(seconds: float) -> str:
    """'45 s', '5 min', '1 h' (rounded up): how long a lockout lasts, in the log."""
    if seconds < 60:
        return f"{math.ceil(seconds)} s"
    if seconds < 3600:
        return f"{math.ceil(seconds / 60)} min"
    hours = seconds / 3600
    return f"{hours:g} h" if hours == int(hours) else f"{math.ceil(seconds / 60)} min"


class PinLock:
    """Checks PINs; after ``attempts`` wrong ones in a row refuses every PIN for a while.

    A right PIN resets the count and the lockouts. The wrong PIN that uses up the last attempt
    already answers ``LOCKED``, so the pad can say so at once. While locked no PIN is checked
    at all, not even the right one. The first lockout lasts ``lockout_seconds`` on ``clock``,
    each one after it (with no right PIN between) twice the one before, up to an hour.

    ``try_pin`` checks and records in one; the PIN pad checks off the UI thread and then
    calls ``record`` with the answer.
    """

    def __init__(self, attempts: int, lockout_seconds: float, clock: Clock = time.monotonic,
                 memory: Optional[LockFile] = None):
        self._attempts = max(1, int(attempts))
        self._lockout = max(0.0, float(lockout_seconds))
        self._clock = clock
        self._memory = memory
        saved = memory.read() if memory is not None else Saved()
        self._wrong, self._lockouts = max(0, saved.wrong), max(0, saved.lockouts)
        self._length = saved.length
        left = saved.left(memory.now()) if memory is not None else 0.0
        self._locked_until: float | None = clock() + left if left > 0 else None

    @property
    def attempts(self) -> int:
        return self._attempts

    @property
    def wrong_in_a_row(self) -> int:
        """Wrong PINs since the last right one or the last lockout."""
        return self._wrong

    @property
    def longest(self) -> float:
        """The longest a lockout can last."""
        return max(self._lockout, LONGEST_LOCKOUT) if self._lockout > 0 else 0.0

    def lockout_length(self, lockouts: int) -> float:
        """How long the ``lockouts``-th lockout in a row lasts: doubling, up to ``longest``."""
        return min(self._lockout * 2 ** min(max(0, lockouts - 1), 32), self.longest)

    def locked_for(self) -> float:
        """Seconds until PINs are checked again; 0 when they are checked now."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            return 0.0
        return left

    def try_pin(self, pin: str, stored_hash: str) -> Result:
        """Check ``pin`` against the stored hash, unless the lock refuses every PIN now."""
        if self.locked_for() > 0:
            return Result.LOCKED
        return self.record(check_pin(pin, stored_hash))

    def record(self, right: bool) -> Result:
        """Count one PIN that was checked: right or wrong. (While locked nothing is counted.)"""
        if self.locked_for() > 0:
            return Result.LOCKED
        if right:
            if self._wrong or self._lockouts:
                self._wrong, self._lockouts = 0, 0
                self._save()
            return Result.OK
        self._wrong += 1
        log.warning("admin: wrong PIN (%d of %d)", self._wrong, self._attempts)
        if self._wrong < self._attempts or self._lockout <= 0:
            self._wrong %= self._attempts
            self._save()
            return Result.WRONG
        self._wrong = 0
        self._lockouts += 1
        self._length = self.lockout_length(self._lockouts)
        self._locked_until = self._clock() + self._length
        log.warning("admin: locked out for %s", duration(self._length))
        self._save()
        return Result.LOCKED

    def _save(self) -> None:
        if self._memory is None:
            return
        left = self.locked_for()
        until = self._memory.now() + left if left > 0 else 0.0
        self._memory.write(Saved(self._wrong, self._lockouts, until, self._length if left > 0 else 0.0))
