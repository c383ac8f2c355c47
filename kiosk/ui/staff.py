"""The staff's way in: the admin gesture, the PIN pad, and the admin screen.

Staff widgets speak the exhibit's first language and live as long as the content; the PIN
pad's lockout outlives them in the data folder (kiosk.admin_lock.LockFile), so neither a
reload nor a restart gives fresh guesses. ``Staff`` decides nothing about the visit: it asks
by signal (open the admin screen, go back, reload, quit), and the composition root acts.
Every step staff take is logged.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import QObject, Signal, Slot

from kiosk import __version__
from kiosk.admin_lock import LockFile, PinLock
from kiosk.content.result import LoadResult
from kiosk.pin_file import PinFile
from kiosk.ui.admin.gesture import AdminGesture
from kiosk.ui.pages.base import ViewContext
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:  # made after the first frame, and their modules loaded then
    from kiosk.ui.admin.pinpad import PinPad
    from kiosk.ui.admin.screen import AdminScreen

CORNER_TAPS = 1.5  # a corner of the gesture is this many tap targets wide
log = logging.getLogger("kiosk")


def now_text() -> str:
    return time.strftime("%Y-%m-%d %H:%M")


class Staff(QObject):
    """Gesture → PIN → admin screen, for one content load."""

    admin_requested = Signal()  # the right PIN was typed
    back_requested = Signal()
    reload_requested = Signal()
    exit_requested = Signal()

    def __init__(self, ctx: ViewContext, result: LoadResult, window: KioskWindow, content_dir: str,
                 clock: Callable[[], float], parent: Optional[QObject] = None,
                 lock_file: Optional[LockFile] = None, pin_file: Optional[PinFile] = None):
        super().__init__(parent)
        self._window = window
        self._ctx, self._result, self._content_dir, self._loaded_at = ctx, result, content_dir, now_text()
        admin = ctx.exhibit.admin
        self._pin_file = pin_file
        self._lock = PinLock(admin.attempts, admin.lockout_seconds, clock, lock_file)
        self.gesture = AdminGesture(window, admin.gesture, round(ctx.ui.tap_px * CORNER_TAPS), clock)
        self.gesture.gesture_completed.connect(self._on_gesture)
        self._pinpad: Optional[PinPad] = None
        self._screen: Optional[AdminScreen] = None

    # The PIN pad and the admin screen are made when first needed, or after the first frame
    # (``build``): a visitor's first screen does not wait for them.

    def build(self) -> None:
        """Make the PIN pad and the admin screen now."""
        self.pinpad, self.screen  # noqa: B018 (made on first look)

    @property
    def pinpad(self) -> PinPad:
        if self._pinpad is None:
            from kiosk.ui.admin.pinpad import PinPad

            self._pinpad = PinPad(self._ctx, self._ctx.exhibit.admin, lock=self._lock, parent=self._window,
                                  pin_hash=self.pin_hash)
            self._pinpad.hide()
            self._pinpad.unlocked.connect(self._on_unlocked)
            self._pinpad.closed.connect(self.close)
        return self._pinpad

    @property
    def screen(self) -> AdminScreen:
        if self._screen is None:
            from kiosk.ui.admin.screen import AdminScreen

            self._screen = AdminScreen(self._ctx, self._result, self._content_dir, __version__, self._loaded_at,
                                       notices=self._pin_notices)
            self._window.add_screen(self._screen)
            for signal, said, then in ((self._screen.back_requested, "back to the exhibit", self.back_requested),
                                       (self._screen.reload_requested, "reload", self.reload_requested),
                                       (self._screen.exit_requested, "exit", self.exit_requested)):
                signal.connect(lambda said=said, then=then: self._on_action(said, then))
        return self._screen

    def show_result(self, result: LoadResult) -> None:
        """What the last load found (its problems), on the admin screen."""
        self._result, self._loaded_at = result, now_text()
        if self._screen is not None:
            self._screen.set_result(result, self._loaded_at)

    def pin_hash(self) -> str:
        """The admin PIN in use: the one set on this kiosk (kiosk admin-pin), else the content's."""
        own = self._pin_file.read() if self._pin_file is not None else ""
        return own or self._ctx.exhibit.admin.pin_hash

    def _pin_notices(self) -> tuple:
        """The warning that the PIN is still the shipped one, while the content's PIN is in use
        and is that one (asked as the admin screen shows: after the PIN opened the pad, known
        without another check)."""
        from kiosk.content.shipped_pin import shipped_pin_problem  # it reads YAML: not before the first frame

        exhibit = self._ctx.exhibit
        if self.pin_hash() != exhibit.admin.pin_hash:
            return ()
        found = shipped_pin_problem(exhibit.admin.pin_hash, Path(exhibit.root or self._content_dir),
                                    self._content_dir)
        return (found,) if found is not None else ()

    def _on_action(self, said: str, then) -> None:
        log.info("admin: %s", said)
        then.emit()

    @Slot()
    def _on_gesture(self) -> None:
        log.info("admin: the PIN pad opened")
        pinpad = self.pinpad
        pinpad.clear()
        pinpad.setGeometry(self._window.rect())
        pinpad.show()
        pinpad.raise_()
        pinpad.setFocus()

    @Slot()
    def _on_unlocked(self) -> None:
        log.info("admin: opened")
        self.close()
        self.admin_requested.emit()

    @Slot()
    def close(self) -> None:
        if self._pinpad is not None:
            self._pinpad.hide()
            self._pinpad.clear()

    def stop(self) -> None:
        self.gesture.stop()
        if self._pinpad is not None:
            self._pinpad.hide()
            self._pinpad.stop()

    def discard(self) -> None:
        """Gone with its content: off the window, and deleted."""
        self.stop()
        if self._screen is not None:
            self._screen.hide()
            self._window.remove_screen(self._screen)
        for widget in (self.gesture, self._pinpad, self._screen):
            if widget is not None:
                widget.deleteLater()
        self.deleteLater()
