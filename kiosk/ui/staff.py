"""The staff's way in: the admin gesture, the PIN pad, and the admin screen.

Staff widgets speak the exhibit's first language and live as long as the content: a
visitor changing the language does not reset the PIN pad's lockout. ``Staff`` decides
nothing about the visit: it asks by signal (open the admin screen, go back, reload, quit),
and the composition root acts.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import QObject, Signal, Slot

from kiosk import __version__
from kiosk.admin_lock import PinLock
from kiosk.content.result import LoadResult
from kiosk.ui.admin.gesture import AdminGesture
from kiosk.ui.pages.base import ViewContext
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:  # made after the first frame, and their modules loaded then
    from kiosk.ui.admin.pinpad import PinPad
    from kiosk.ui.admin.screen import AdminScreen

CORNER_TAPS = 1.5  # a corner of the gesture is this many tap targets wide


def now_text() -> str:
    return time.strftime("%Y-%m-%d %H:%M")


class Staff(QObject):
    """Gesture → PIN → admin screen, for one content load."""

    admin_requested = Signal()  # the right PIN was typed
    back_requested = Signal()
    reload_requested = Signal()
    exit_requested = Signal()

    def __init__(self, ctx: ViewContext, result: LoadResult, window: KioskWindow, content_dir: str,
                 clock: Callable[[], float], parent: Optional[QObject] = None):
        super().__init__(parent)
        self._window = window
        self._ctx, self._result, self._content_dir, self._loaded_at = ctx, result, content_dir, now_text()
        admin = ctx.exhibit.admin
        self._lock = PinLock(admin.attempts, admin.lockout_seconds, clock)
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

            self._pinpad = PinPad(self._ctx, self._ctx.exhibit.admin, lock=self._lock, parent=self._window)
            self._pinpad.hide()
            self._pinpad.unlocked.connect(self._on_unlocked)
            self._pinpad.closed.connect(self.close)
        return self._pinpad

    @property
    def screen(self) -> AdminScreen:
        if self._screen is None:
            from kiosk.ui.admin.screen import AdminScreen

            self._screen = AdminScreen(self._ctx, self._result, self._content_dir, __version__, self._loaded_at)
            self._window.add_screen(self._screen)
            self._screen.back_requested.connect(self.back_requested)
            self._screen.reload_requested.connect(self.reload_requested)
            self._screen.exit_requested.connect(self.exit_requested)
        return self._screen

    def show_result(self, result: LoadResult) -> None:
        """What the last load found (its problems), on the admin screen."""
        self._result, self._loaded_at = result, now_text()
        if self._screen is not None:
            self._screen.set_result(result, self._loaded_at)

    @Slot()
    def _on_gesture(self) -> None:
        pinpad = self.pinpad
        pinpad.clear()
        pinpad.setGeometry(self._window.rect())
        pinpad.show()
        pinpad.raise_()
        pinpad.setFocus()

    @Slot()
    def _on_unlocked(self) -> None:
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
