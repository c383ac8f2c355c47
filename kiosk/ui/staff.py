"""The staff's way in: the admin gesture, the PIN pad, and the admin screen.

Staff widgets speak the exhibit's first language and live as long as the content: a
visitor changing the language does not reset the PIN pad's lockout. ``Staff`` decides
nothing about the visit: it asks by signal (open the admin screen, go back, reload, quit),
and the composition root acts.
"""

from __future__ import annotations

import time
from typing import Callable, Optional

from PySide6.QtCore import QObject, Signal, Slot

from kiosk import __version__
from kiosk.admin_lock import PinLock
from kiosk.content.loader import LoadResult
from kiosk.ui.admin.gesture import AdminGesture
from kiosk.ui.admin.pinpad import PinPad
from kiosk.ui.admin.screen import AdminScreen
from kiosk.ui.pages.base import ViewContext
from kiosk.ui.window import KioskWindow

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
        admin = ctx.exhibit.admin
        self._lock = PinLock(admin.attempts, admin.lockout_seconds, clock)
        self.gesture = AdminGesture(window, admin.gesture, round(ctx.ui.tap_px * CORNER_TAPS), clock)
        self.gesture.gesture_completed.connect(self._on_gesture)
        self.pinpad = PinPad(ctx, admin, lock=self._lock, parent=window)
        self.pinpad.hide()
        self.pinpad.unlocked.connect(self._on_unlocked)
        self.pinpad.closed.connect(self.close)
        self.screen = AdminScreen(ctx, result, content_dir, __version__, now_text())
        window.add_screen(self.screen)
        self.screen.back_requested.connect(self.back_requested)
        self.screen.reload_requested.connect(self.reload_requested)
        self.screen.exit_requested.connect(self.exit_requested)

    def show_result(self, result: LoadResult) -> None:
        """What the last load found (its problems), on the admin screen."""
        self.screen.set_result(result, now_text())

    @Slot()
    def _on_gesture(self) -> None:
        self.pinpad.clear()
        self.pinpad.setGeometry(self._window.rect())
        self.pinpad.show()
        self.pinpad.raise_()
        self.pinpad.setFocus()

    @Slot()
    def _on_unlocked(self) -> None:
        self.close()
        self.admin_requested.emit()

    @Slot()
    def close(self) -> None:
        self.pinpad.hide()
        self.pinpad.clear()

    def stop(self) -> None:
        self.gesture.stop()
        self.pinpad.hide()

    def discard(self) -> None:
        """Gone with its content: off the window, and deleted."""
        self.stop()
        self._window.remove_screen(self.screen)
        for widget in (self.gesture, self.pinpad, self.screen):
            widget.deleteLater()
        self.deleteLater()
