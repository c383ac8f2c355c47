"""The staff's way in: the admin gesture, the PIN pad, and the admin screen, wired to the kiosk.

Staff widgets speak the exhibit's first language and live as long as the content: a
visitor changing the language does not reset the PIN pad's lockout.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QObject, Signal, Slot

from kiosk import __version__
from kiosk.admin_lock import PinLock
from kiosk.content.loader import LoadResult, NotContentFolder, load_exhibit
from kiosk.content.problems import Problem
from kiosk.ui.admin.gesture import AdminGesture
from kiosk.ui.admin.pinpad import PinPad
from kiosk.ui.admin.screen import AdminScreen
from kiosk.ui.imagecheck import with_image_problems

if TYPE_CHECKING:
    from kiosk.ui.kiosk import Kiosk

CORNER_TAPS = 1.5  # a corner of the gesture is this many tap targets wide


def now_text() -> str:
    return time.strftime("%Y-%m-%d %H:%M")


class Staff(QObject):
    """Gesture → PIN → admin screen; exit, reload, back."""

    exit_requested = Signal()

    def __init__(self, kiosk: "Kiosk"):
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.gesture: Optional[AdminGesture] = None
        self.pinpad: Optional[PinPad] = None
        self.screen: Optional[AdminScreen] = None
        self._lock: Optional[PinLock] = None
        self._built_for = None

    def rebuild(self, ctx) -> None:
        """Make the staff widgets for this content (kept across language changes)."""
        result = self.kiosk.result
        if self._built_for is result:
            return
        self.stop()
        for old in (self.gesture, self.pinpad):  # the last content's
            if old is not None:
                old.deleteLater()
        admin = result.exhibit.admin
        staff_ctx = self.kiosk.context(result.exhibit.default_language) if ctx.lang != \
            result.exhibit.default_language else ctx
        window = self.kiosk.window
        clock = self.kiosk.clock
        self._lock = PinLock(admin.attempts, admin.lockout_seconds, clock)
        self.gesture = AdminGesture(window, admin.gesture, round(ctx.ui.tap_px * CORNER_TAPS), clock)
        self.gesture.gesture_completed.connect(self._on_gesture)
        self.pinpad = PinPad(staff_ctx, admin, lock=self._lock, parent=window)
        self.pinpad.hide()
        self.pinpad.unlocked.connect(self._on_unlocked)
        self.pinpad.closed.connect(self.close)
        if self.screen is not None:
            window.remove_screen(self.screen)
            self.screen.deleteLater()
        self.screen = AdminScreen(staff_ctx, result, self.kiosk.content_dir, __version__, now_text())
        window.add_screen(self.screen)
        self.screen.back_requested.connect(self._on_back)
        self.screen.reload_requested.connect(self._on_reload)
        self.screen.exit_requested.connect(self._on_exit)
        self._built_for = result

    def show_result(self, result: LoadResult) -> None:
        """The content on the floor has more problems to show (its images were checked)."""
        self._built_for = result
        self.screen.set_result(result, now_text())

    @Slot()
    def _on_gesture(self) -> None:
        self.pinpad.clear()
        self.pinpad.setGeometry(self.kiosk.window.rect())
        self.pinpad.show()
        self.pinpad.raise_()
        self.pinpad.setFocus()

    @Slot()
    def _on_unlocked(self) -> None:
        self.close()
        self.kiosk.session.open_admin()

    @Slot()
    def close(self) -> None:
        if self.pinpad is not None:
            self.pinpad.hide()
            self.pinpad.clear()

    @Slot()
    def _on_back(self) -> None:
        self.kiosk.session.reset("admin closed")

    @Slot()
    def _on_reload(self) -> None:
        try:
            result = with_image_problems(load_exhibit(self.kiosk.content_dir))
        except NotContentFolder as exc:  # renamed or unplugged: say so, keep the floor running
            reason = self.screen.ctx.label("admin_reload_failed", reason=exc)
            gone = Problem(self.kiosk.content_dir, 0, (), reason)
            result = LoadResult(None, (gone,))
        if not self.kiosk.reload(result):
            self.screen.set_result(result, now_text())  # the floor keeps the content it had

    @Slot()
    def _on_exit(self) -> None:
        self.kiosk.window.allow_close()
        self.exit_requested.emit()
        self.kiosk.window.close()

    def stop(self) -> None:
        if self.gesture is not None:
            self.gesture.stop()
        if self.pinpad is not None:
            self.pinpad.hide()
