"""The admin PIN pad's memory: wrong PINs in a row, and a lockout after too many.

Plain Python with an injected clock, so the lockout is tested without waiting for it.
"""

from __future__ import annotations

import time
from enum import Enum
from typing import Callable

from kiosk.pin import check_pin

Clock = Callable[[], float]


class Result(Enum):
    """What became of one PIN."""

    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


class PinLock:
    """Checks PINs; after ``attempts`` wrong ones in a row refuses every PIN for a while.

    A right PIN resets the count. The wrong PIN that uses up the last attempt already
    answers ``LOCKED``, so the pad can say so at once. While locked no PIN is checked at all,
    not even the right one, until ``lockout_seconds`` have passed on ``clock``.
    """

    def __init__(self, attempts: int, lockout_seconds: float, clock: Clock = time.monotonic):
        self._attempts = max(1, int(attempts))
        self._lockout = max(0.0, float(lockout_seconds))
        self._clock = clock
        self._wrong = 0
        self._locked_until: float | None = None

    @property
    def wrong_in_a_row(self) -> int:
        """Wrong PINs since the last right one or the last lockout."""
        return self._wrong

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
        if check_pin(pin, stored_hash):
            self._wrong = 0
            return Result.OK
        self._wrong += 1
        if self._wrong < self._attempts:
            return Result.WRONG
        self._wrong = 0
        if self._lockout <= 0:
            return Result.WRONG
        self._locked_until = self._clock() + self._lockout
        return Result.LOCKED
