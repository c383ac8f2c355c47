"""When the kiosk is open, and when it restarts: the exhibit's week on the wall clock.

Plain Python on an injected wall clock (seconds since the epoch, ``time.time``), read as the
machine's local time: a museum's 10:00 is 10:00 in summer and in winter. ``Schedule`` answers
the three questions the floor asks: is it open now; when does it open again (for the closed
card); is the nightly restart due. It never waits itself: ``wait`` says how long the floor
may sleep before asking again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Callable, Optional

from kiosk.content.model import ClockTime, Exhibit, OpeningHours

WallClock = Callable[[], float]
DAYS = tuple(f.name for f in fields(OpeningHours) if f.name != "default")  # monday … sunday
ALL_DAY = ((0, 24 * 60),)
# The longest the floor sleeps between two looks at the clock: a clock put right (by NTP, by
# hand, at a change of daylight saving) is noticed within this, and a timer that fires early
# (Qt's coarse timers may, by 5 %) or late costs at most a part of it.
LOOK_AGAIN = 15 * 60.0


@dataclass(frozen=True)
class Week:
    """Each weekday's open spans, Monday first, in minutes since midnight."""

    days: tuple[tuple[tuple[int, int], ...], ...]

    @classmethod
    def of(cls, hours: Optional[OpeningHours]) -> Optional["Week"]:
        """The week ``hours`` describes; None (always open) without opening hours. A day not
        named takes ``default``; with no ``default`` it is closed."""
        if hours is None:
            return None
        days = []
        for name in DAYS:
            given = getattr(hours, name)
            given = given if given is not None else hours.default
            days.append(given.spans if given is not None else ())
        return cls(tuple(days))

    def is_open(self, when: datetime) -> bool:
        minute = when.hour * 60 + when.minute + when.second / 60 + when.microsecond / 60e6
        return any(start <= minute < end for start, end in self.days[when.weekday()])

    def changes(self, after: datetime):
        """Every moment a span opens or closes, from the start of ``after``'s day, a week
        and a day ahead, in order."""
        midnight = after.replace(hour=0, minute=0, second=0, microsecond=0)
        for offset in range(9):
            day = midnight + timedelta(days=offset)
            for start, end in self.days[day.weekday()]:
                yield day + timedelta(minutes=start)
                yield day + timedelta(minutes=end)

    def next_change(self, now: datetime) -> Optional[datetime]:
        """The next moment after ``now`` when the kiosk opens or closes; None if it never does."""
        was = self.is_open(now)
        return next((moment for moment in self.changes(now) if moment > now and self.is_open(moment) != was),
                    None)

    def next_opening(self, now: datetime) -> Optional[datetime]:
        """When a closed kiosk opens again; None if no day has opening hours."""
        if self.is_open(now):
            return None
        return next((moment for moment in self.changes(now) if moment > now and self.is_open(moment)), None)


def next_time(at: ClockTime, now: datetime) -> datetime:
    """The first moment after ``now`` that the clock shows ``at``."""
    today = now.replace(hour=at.minutes // 60, minute=at.minutes % 60, second=0, microsecond=0)
    return today if today > now else today + timedelta(days=1)


class Schedule:
    """The exhibit's opening hours and nightly restart, on ``wall_clock``.

    The restart falls due at the first ``nightly_restart`` after the kiosk started, and stays
    due until it happens: a visitor in the middle of a visit puts it off to the end of the visit
    (the floor asks again at every change of screen).
    """

    def __init__(self, exhibit: Exhibit, wall_clock: WallClock = time.time):
        self._clock = wall_clock
        self.week = Week.of(exhibit.opening_hours)
        self.restart_at = exhibit.nightly_restart
        self.restart_due: Optional[float] = (
            next_time(self.restart_at, self.now()).timestamp() if self.restart_at else None)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._clock())

    def is_open(self) -> bool:
        return self.week is None or self.week.is_open(self.now())

    def reopens(self) -> Optional[datetime]:
        """When the kiosk opens again (None while open, or if it never does)."""
        return self.week.next_opening(self.now()) if self.week is not None else None

    def restart_now(self, visit_under_way: bool) -> bool:
        """Whether to restart now: the time has come and no visitor is in the middle of a visit."""
        return self.restart_due is not None and self._clock() >= self.restart_due and not visit_under_way

    def wait(self) -> Optional[float]:
        """Seconds until the floor should look again (at most ``LOOK_AGAIN``); None: never.
        A restart already due is not waited for: the end of the visit brings it."""
        if self.week is None and self.restart_due is None:
            return None
        now = self._clock()
        change = self.week.next_change(self.now()) if self.week is not None else None
        coming = [change.timestamp()] if change is not None else []  # local time, daylight saving and all
        if self.restart_due is not None and self.restart_due > now:
            coming.append(self.restart_due)
        return min([moment - now for moment in coming] + [LOOK_AGAIN])
