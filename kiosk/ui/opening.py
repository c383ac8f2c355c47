"""The opening hours on the floor: the closed screen outside them, and the nightly restart.

``ScheduleWatch`` asks the Qt-free :class:`kiosk.schedule.Schedule` at every change of the
visitor's screen and at a deadline (kiosk.ui.idle.Deadline: a QTimer on the floor, the test's
clock in tests) set for the next moment the answer can change. The closed screen comes only
on the attract screen: a visitor in the middle of a visit at closing time finishes it, and the
closed screen follows the idle reset; staff on the admin screen keep it. The same rule holds
for the nightly restart, which the watch asks for (``restart_requested``) and the floor does.
"""

from __future__ import annotations

import logging
import math
from typing import Optional

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.schedule import Schedule, WallClock
from kiosk.session import Screen, State
from kiosk.ui.closed import ClosedScreen
from kiosk.ui.idle import NewDeadline

log = logging.getLogger("kiosk")


class ScheduleWatch(QObject):
    """Shows ``kiosk``'s closed screen outside the opening hours; asks for the nightly restart."""

    restart_requested = Signal()

    def __init__(self, kiosk, wall_clock: WallClock, new_deadline: NewDeadline,
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        self._kiosk = kiosk
        self._wall_clock = wall_clock
        self._deadline = new_deadline(self)
        self._restarting = False
        self.screen: Optional[ClosedScreen] = None
        self._schedule = Schedule(kiosk.result.exhibit, wall_clock)
        kiosk.state_changed.connect(self._on_state_changed)
        kiosk.content_reloaded.connect(self._on_content_reloaded)
        self.update()

    @property
    def schedule(self) -> Schedule:
        return self._schedule

    @property
    def closed(self) -> bool:
        """True while the closed screen is what the window shows."""
        return self.screen is not None and self._kiosk.window.current_screen() is self.screen

    def update(self) -> None:
        """The closed screen or not, the restart or not, and when to look again."""
        if self._restarting:
            return
        on_attract = self._kiosk.session.state.screen is Screen.ATTRACT
        if self._schedule.restart_now(visit_under_way=not on_attract):
            self._restarting = True
            self._deadline.stop()
            log.info("nightly restart")
            self.restart_requested.emit()
            return
        if on_attract and not self._schedule.is_open():
            self._close()
        elif self.closed:
            self._open()
        wait = self._schedule.wait()
        if wait is None:
            self._deadline.stop()
        else:
            self._deadline.start(max(1, math.ceil(wait * 1000)), self.update)

    def _close(self) -> None:
        window = self._kiosk.window
        screen = self._screen()
        reopens = self._schedule.reopens()
        screen.show_reopening(reopens)
        if window.current_screen() is not screen:
            log.info("closed until %s", f"{reopens:%A %H:%M}" if reopens else "opening hours are set")
            window.show_screen(screen)
            screen.setFocus()

    def _open(self) -> None:
        log.info("open")
        self._kiosk.window.show_screen(self._kiosk.screens.attract)

    def _screen(self) -> ClosedScreen:
        if self.screen is None:
            kiosk = self._kiosk
            exhibit = kiosk.result.exhibit
            ctx = kiosk.context(State(language=exhibit.default_language))
            self.screen = ClosedScreen(ctx, black=exhibit.closed_screen == "black")
            kiosk.window.add_screen(self.screen)
        return self.screen

    @Slot(object)
    def _on_state_changed(self, change) -> None:
        self.update()

    @Slot()
    def _on_content_reloaded(self) -> None:
        """New content: its own hours, words and theme."""
        self._drop_screen()
        before = self._schedule
        self._schedule = Schedule(self._kiosk.result.exhibit, self._wall_clock)
        if before.restart_at is not None and before.restart_at == self._schedule.restart_at:
            self._schedule.restart_due = before.restart_due  # one put off by a visit stays due
        self.update()

    def _drop_screen(self) -> None:
        if self.screen is None:
            return
        window, screen = self._kiosk.window, self.screen
        if window.current_screen() is screen:
            window.show_screen(self._kiosk.screens.attract)
        window.remove_screen(screen)
        screen.deleteLater()
        self.screen = None

    def stop(self) -> None:
        self._deadline.stop()
