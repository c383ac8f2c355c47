"""Telling taps from drags on a part of the screen, the way a finger means them.

Touch reaches widgets as the mouse events Qt synthesizes from the first finger (a second
finger is never turned into a click). A ``DragTracker`` watches those events for an area
and everything in it: a press goes to the widget under the finger as usual, so buttons
show their pressed state at once; once the finger has moved past the slop in a direction
the area wants, the tracker takes the gesture over and cancels the press on the widget, so
a swipe that began on a button never clicks it.

A finger's speed is measured on a millisecond clock, not on the events' own timestamps, so
the flick that turns a page depends on how fast the finger moved on that clock alone: the
one given, else the one of the kiosk window the area is in (a test moves that one by hand),
else Qt's monotonic clock.
"""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
import shiboken6

from kiosk.ui import events
from kiosk.ui.window import KioskWindow

TURN_FRACTION = 0.3  # of the width: a slow drag past this turns the page
FLICK_PX_PER_S_AT_1080 = 500  # a flick faster than this turns the page, however short
EDGE_RESISTANCE = 0.3  # how far the first and last page follow a drag past the end


def dragged_position(start: float, offset: QPointF, width: int, last: int) -> float:
    """Where a strip of pages stands (in pages) while a finger drags it ``offset`` from
    ``start``: with the finger, but only a little way past the first and last page."""
    position = start - offset.x() / max(1, width)
    if position < 0:
        return position * EDGE_RESISTANCE
    if position > last:
        return last + (position - last) * EDGE_RESISTANCE
    return position


def swipe_step(offset: QPointF, velocity: QPointF, width: int, scale: float) -> int:
    """-1, 0 or 1: the page a drag that ended turns to (a flick, or a slow drag far enough)."""
    flick = abs(velocity.x()) > FLICK_PX_PER_S_AT_1080 * scale
    if not flick and abs(offset.x()) <= TURN_FRACTION * width:
        return 0
    return -1 if (velocity.x() if flick else offset.x()) > 0 else 1

MsClock = Callable[[], float]  # milliseconds on a monotonic clock

FAR_AWAY = QPointF(-100000, -100000)
MOUSE = {QEvent.MouseButtonPress, QEvent.MouseButtonDblClick, QEvent.MouseMove, QEvent.MouseButtonRelease}
VELOCITY_WINDOW_MS = 90


def qt_ms_clock() -> MsClock:
    """Milliseconds since the call, on Qt's monotonic clock."""
    timer = QElapsedTimer()
    timer.start()
    return timer.elapsed


class DragTracker(QObject):
    """Watches presses, moves and releases aimed at ``area`` and its children."""

    drag_started = Signal(object, QPointF)  # Qt.Orientation, where the finger went down (global)
    dragged = Signal(QPointF)  # offset from the press
    drag_finished = Signal(QPointF, QPointF)  # offset, velocity in px/s

    def __init__(self, area: QWidget, slop: float, wants: Callable[[Qt.Orientation, QPointF], bool],
                 clock: Optional[MsClock] = None):
        super().__init__(area)
        self._area = area
        self._clock = clock
        self._qt_clock: Optional[MsClock] = None
        self._slop = slop
        self._wants = wants
        self._start: Optional[QPointF] = None
        self._target: Optional[QWidget] = None
        self._locked: Optional[Qt.Orientation] = None
        self._declined = False
        self._samples: list[tuple[float, QPointF]] = []  # when (ms), where
        self._cancelling = False
        self._press_time = -1
        events.watch(self, MOUSE, self._filter)

    def cancel(self) -> None:
        """Forget the finger now down (an idle reset, the area hidden)."""
        self._start, self._target, self._locked, self._declined = None, None, None, False

    def detach(self) -> None:
        """Stop watching for good (the screen is going)."""
        self.cancel()
        events.unwatch(self)

    @property
    def dragging(self) -> bool:
        return self._locked is not None

    def pressed_within(self, widget: QWidget) -> bool:
        """Whether the finger now down landed on ``widget`` or inside it."""
        target = self._target
        return target is not None and (target is widget or widget.isAncestorOf(target))

    def _filter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.MouseButtonDblClick:
            # A finger down within the double-click time of the last one, anywhere (Qt moves
            # its mouse to the finger before pressing), reaches widgets as a double click
            # instead of a press: for a drag it is a press all the same.
            kind = QEvent.MouseButtonPress
        if kind not in (QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.MouseButtonRelease):
            return False
        if self._cancelling or not isinstance(obj, QWidget):
            return False
        if not self._watches(obj):
            if kind == QEvent.MouseButtonRelease:
                self.cancel()  # the finger lifted somewhere else: the area was hidden meanwhile
            return False
        if kind == QEvent.MouseButtonPress:
            return self._on_press(obj, event)
        if kind == QEvent.MouseMove:
            return self._on_move(event)
        return self._on_release(event)

    def _watches(self, widget: QWidget) -> bool:
        return self._area.isVisible() and (widget is self._area or self._area.isAncestorOf(widget))

    def _on_press(self, widget: QWidget, event: QMouseEvent) -> bool:
        if event.button() != Qt.LeftButton:
            return False
        if self._start is not None and event.timestamp() == self._press_time:
            return False  # the same press passing up to a parent
        self._press_time = event.timestamp()
        self._start = event.globalPosition()
        self._target = widget
        self._locked, self._declined = None, False
        self._samples = [(self.now_ms(), event.globalPosition())]
        return False

    def _on_move(self, event: QMouseEvent) -> bool:
        if self._start is None or not event.buttons() & Qt.LeftButton or self._declined:
            return False
        offset = event.globalPosition() - self._start
        now = self.now_ms()
        self._samples = [s for s in self._samples if now - s[0] <= VELOCITY_WINDOW_MS]
        self._samples.append((now, event.globalPosition()))
        if self._locked is None:
            if max(abs(offset.x()), abs(offset.y())) < self._slop:
                return False
            orientation = Qt.Horizontal if abs(offset.x()) >= abs(offset.y()) else Qt.Vertical
            if not self._wants(orientation, offset):
                self._declined = True
                return False
            self._locked = orientation
            self._cancel_press()
            self.drag_started.emit(orientation, self._start)
        self.dragged.emit(offset)
        return True

    def _on_release(self, event: QMouseEvent) -> bool:
        if self._start is None or event.button() != Qt.LeftButton:
            return False
        took_over = self._locked is not None
        offset = event.globalPosition() - self._start
        velocity = self._velocity(event)
        self._start, self._target, self._locked = None, None, None
        if took_over:
            self.drag_finished.emit(offset, velocity)
        return took_over

    def _velocity(self, event: QMouseEvent) -> QPointF:
        if not self._samples:
            return QPointF()
        first_time, first_pos = self._samples[0]
        elapsed = max(1.0, self.now_ms() - first_time)
        return (event.globalPosition() - first_pos) * (1000.0 / elapsed)

    def now_ms(self) -> float:
        """Milliseconds on the tracker's clock (looked up each time: the area may change windows)."""
        if self._clock is not None:
            return self._clock()
        window = self._area.window()
        if isinstance(window, KioskWindow):
            return window.now_ms()
        if self._qt_clock is None:
            self._qt_clock = qt_ms_clock()
        return self._qt_clock()

    def _cancel_press(self) -> None:
        """The widget under the finger sees the press end far away from it: no click."""
        target = self._target
        if target is None or not shiboken6.isValid(target):
            return
        release = QMouseEvent(QEvent.MouseButtonRelease, FAR_AWAY, FAR_AWAY, Qt.LeftButton,
                              Qt.NoButton, Qt.NoModifier)
        self._cancelling = True
        try:
            QApplication.sendEvent(target, release)
        finally:
            self._cancelling = False
