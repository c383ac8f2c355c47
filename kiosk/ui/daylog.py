"""The figures of each day in the log: one line at each local midnight, and one at shutdown.

The counting is plain Python (``kiosk.logs.DayFigures``); this is the clock that ends a day:
a deadline at the next local midnight, and the wall clock read again whenever a change comes,
so a change after midnight is counted in the new day even if the deadline ran late.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Callable, Optional

from PySide6.QtCore import QObject, Slot

from kiosk.logs import DayFigures
from kiosk.ui.idle import NewDeadline, QtDeadline

log = logging.getLogger("kiosk")


def local_now() -> datetime:
    return datetime.now().astimezone()


def until_midnight(now: datetime) -> float:
    """Seconds from ``now`` (aware) to the next local midnight, a change of summer time included."""
    midnight = datetime.combine(now.date() + timedelta(days=1), time.min).astimezone()
    return (midnight - now).total_seconds()


class DayLog(QObject):
    """Counts the visits and resets of every kiosk it follows; logs each day's figures."""

    def __init__(self, wall: Callable[[], datetime] = local_now, new_deadline: NewDeadline = QtDeadline,
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        self._wall = wall
        self.figures = DayFigures(wall().date())
        self._deadline = new_deadline(self)
        self._stopped = False
        self._schedule()

    def follow(self, kiosk) -> None:
        """Count ``kiosk``'s session changes (the floor's kiosk, once it runs)."""
        kiosk.state_changed.connect(self._on_state_changed)

    @Slot(object)
    def _on_state_changed(self, change) -> None:
        self._roll()
        self.figures.count(change)

    def _on_midnight(self) -> None:
        self._roll()
        self._schedule()

    def _roll(self) -> None:
        """If the day has ended: its line, and a new day."""
        today = self._wall().date()
        if today != self.figures.day:
            log.info(self.figures.line())
            self.figures = DayFigures(today)

    def _schedule(self) -> None:
        ms = max(1, round(until_midnight(self._wall()) * 1000))
        self._deadline.start(ms, self._on_midnight)

    def stop(self) -> None:
        """The kiosk stops: the figures of the day so far."""
        if self._stopped:
            return
        self._stopped = True
        self._deadline.stop()
        self._roll()
        log.info(self.figures.line(so_far=True))
