"""The staff's way out: hold one corner of the screen, then tap corners in a set order.

``AdminGesture`` watches every press and release in the window, from a mouse or a finger,
without ever taking one: a visitor's taps in the corners work as they always do. The hold
is measured with an injected clock between press and release (no timer runs), and each tap
must follow the one before within ``TAP_SECONDS``; any other tap starts over.
"""

from __future__ import annotations

import time
from typing import Callable, Optional

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Gesture
from kiosk.ui import events

TAP_SECONDS = 4.0  # longest pause between two steps of the gesture

PRESSES = {QEvent.MouseButtonPress, QEvent.MouseButtonDblClick, QEvent.TouchBegin}
RELEASES = {QEvent.MouseButtonRelease, QEvent.TouchEnd}
TOUCHES = {QEvent.TouchBegin, QEvent.TouchEnd, QEvent.TouchCancel}


class AdminGesture(QObject):
    """Announces ``gesture_completed`` when the corner is held and the corners are tapped."""

    gesture_completed = Signal()

    def __init__(self, window: QWidget, gesture: Gesture, corner_px: int,
                 clock: Callable[[], float] = time.monotonic, tap_seconds: float = TAP_SECONDS):
        super().__init__(window)
        self._window = window
        self._gesture = gesture
        self._corner_px = max(1, int(corner_px))
        self._clock = clock
        self._tap_seconds = tap_seconds
        self._pressed: Optional[tuple[Optional[str], float]] = None  # corner, when
        self._done = 0  # steps done: 0 = waiting for the hold, 1 = held, 2 = first tap …
        self._last = 0.0  # when the last step ended
        self._watching = True
        events.watch(self, PRESSES | RELEASES | {QEvent.TouchCancel}, self._filter)

    def stop(self) -> None:
        """Stop watching; the gesture can no longer complete."""
        if self._watching:
            self._watching = False
            events.unwatch(self)
        self._pressed, self._done = None, 0

    def corner_at(self, window_pos: QPointF) -> Optional[str]:
        """The corner (top-left …) a point in window coordinates lies in, if any."""
        size, reach = self._window.size(), self._corner_px
        x, y = window_pos.x(), window_pos.y()
        across = "left" if 0 <= x < reach else "right" if size.width() - reach <= x < size.width() else None
        down = "top" if 0 <= y < reach else "bottom" if size.height() - reach <= y < size.height() else None
        return f"{down}-{across}" if across and down else None

    def _filter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in PRESSES and kind not in RELEASES and kind != QEvent.TouchCancel:
            return False
        if not self._in_window(obj):
            return False
        if kind == QEvent.TouchCancel:
            self._pressed = None
        elif kind not in TOUCHES and event.button() != Qt.LeftButton:
            pass
        elif kind in PRESSES:
            self._on_press(self._corner_of(event))
        else:
            self._on_release(self._corner_of(event))
        return False  # never consumed: the visitor's tap goes on as usual

    def _in_window(self, obj: QObject) -> bool:
        if obj is self._window or obj is self._window.windowHandle():
            return True
        return isinstance(obj, QWidget) and self._window.isAncestorOf(obj)

    def _corner_of(self, event: QEvent) -> Optional[str]:
        if event.type() in TOUCHES:
            points = event.points()
            if not points:
                return None
            where = points[0].globalPosition()
        else:
            where = event.globalPosition()
        return self.corner_at(QPointF(self._window.mapFromGlobal(where)))

    def _on_press(self, corner: Optional[str]) -> None:
        # One finger reaches the filter several times: as a touch and as Qt's mouse event
        # made from it, and once for each widget it passes up through. Only the first counts.
        if self._pressed is None:
            self._pressed = (corner, self._clock())

    def _on_release(self, corner: Optional[str]) -> None:
        if self._pressed is None:
            return
        pressed_at, since = self._pressed
        self._pressed = None
        now = self._clock()
        where = corner if corner == pressed_at else None  # slid out of the corner: no tap
        if self._done and since - self._last > self._tap_seconds:
            self._done = 0
        taps = self._gesture.taps
        if self._done and where == taps[self._done - 1]:
            self._done += 1
        elif where == self._gesture.corner and now - since >= self._gesture.hold_seconds:
            self._done = 1
        else:
            self._done = 0
        self._last = now
        if self._done == len(taps) + 1:
            self._done = 0
            self.gesture_completed.emit()
