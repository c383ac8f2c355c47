"""Idle time: noticing every touch, warning after a while, and resetting for the next visitor.

``IdleWatch`` feeds every touch, click and key to the session and wakes at the next
deadline the session names; it never polls. ``IdleOverlay`` is the question it shows.
The deadline is a ``Deadline`` given to it: a QTimer on the floor (``QtDeadline``), one the
test fires by moving its clock on in tests, so what the kiosk does depends on that clock alone.
"""

from __future__ import annotations

import math
from typing import Callable, Optional, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.session import Idle, VisitorSession
from kiosk.ui import events
from kiosk.ui.widgets import button
from kiosk.ui.pages.base import Texts, ViewContext

ACTIVITY = {
    QEvent.MouseButtonPress, QEvent.MouseButtonRelease, QEvent.MouseMove, QEvent.TouchBegin,
    QEvent.TouchUpdate, QEvent.TouchEnd, QEvent.KeyPress, QEvent.Wheel,
}


ENDS_WARNING = {QEvent.MouseButtonRelease, QEvent.TouchEnd, QEvent.KeyPress, QEvent.Wheel}


class Deadline(Protocol):
    """Calls ``then`` once, ``ms`` milliseconds from now, unless started again or stopped first."""

    def start(self, ms: int, then: Callable[[], None]) -> None: ...

    def stop(self) -> None: ...


class QtDeadline(QObject):
    """A ``Deadline`` on a single-shot QTimer: real time, for the kiosk on the floor."""

    def __init__(self, parent: Optional[QObject] = None):
        super().__init__(parent)
        self._then: Callable[[], None] = lambda: None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A deadline is a moment: Qt's default coarse timer may move it by 5% (72 minutes
        # of a day's wait for midnight).
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)

    def start(self, ms: int, then: Callable[[], None]) -> None:
        self._then = then
        self._timer.start(ms)

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _on_timeout(self) -> None:
        self._then()


class NoDeadline:
    """A ``Deadline`` that never falls due: for the preview and the proof, which have no idle
    reset (a proof that took longer than the exhibit's idle timeout would catch its warning)."""

    def __init__(self, parent: Optional[QObject] = None):
        pass

    def start(self, ms: int, then: Callable[[], None]) -> None:
        pass

    def stop(self) -> None:
        pass


NewDeadline = Callable[[QObject], Deadline]  # makes a deadline owned by (and gone with) its parent


class IdleWatch(QObject):
    """Watches for activity and announces the idle warning, its countdown, and the reset."""

    warning_started = Signal(int)
    countdown_changed = Signal(int)
    warning_cancelled = Signal()
    expired = Signal()

    def __init__(self, session: VisitorSession, parent: Optional[QObject] = None,
                 new_deadline: NewDeadline = QtDeadline):
        super().__init__(parent)
        self.session = session
        self._warning = False
        self._deadline = new_deadline(self)
        events.watch(self, ACTIVITY, self._filter)

    def _filter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY and isinstance(obj, QWidget):
            if kind != QEvent.MouseMove or event.buttons():
                self.session.touched()
                # The warning ends when the finger lifts, not when it lands: hiding the
                # overlay under a finger still down would leave Qt's touch-to-mouse state
                # out of step, and the visitor's next tap would be lost.
                if self._warning and kind in ENDS_WARNING:
                    self._warning = False
                    self.warning_cancelled.emit()
                    self.reschedule()
        return False

    @property
    def warning(self) -> bool:
        return self._warning

    def reschedule(self) -> None:
        """Wake at the next moment something may change (call after every state change)."""
        phase, left = self.session.idle()
        if math.isinf(left):
            self._deadline.stop()
            return
        wait = min(left, 1.0) if phase is Idle.WARNING else left
        self._deadline.start(max(1, math.ceil(wait * 1000)), self._on_deadline)

    def stop(self) -> None:
        self._deadline.stop()
        events.unwatch(self)

    def calm(self) -> None:
        """No warning is up (the kiosk starts over after an error)."""
        self._warning = False

    def _on_deadline(self) -> None:
        try:
            phase, left = self.session.idle()
            if phase is Idle.WARNING:
                if not self._warning:
                    self._warning = True
                    self.warning_started.emit(math.ceil(left))
                else:
                    self.countdown_changed.emit(math.ceil(left))
            elif phase is Idle.EXPIRED:
                self._warning = False
                self.expired.emit()
        finally:  # an error here must not leave the watch asleep for good
            self.reschedule()


class IdleOverlay(QWidget):
    """'Are you still there?' over everything, counting down, with one large button.

    Any touch on it continues the visit; the touch ends here and presses nothing beneath.
    """

    continue_requested = Signal()

    def __init__(self, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("idle-overlay")
        self.setProperty("role", "scrim")
        self.setAttribute(Qt.WA_StyledBackground)
        ui = ctx.ui
        panel = QWidget()
        panel.setProperty("role", "panel")
        panel.setAttribute(Qt.WA_StyledBackground)
        self.question = QLabel(ctx.label("still_there"))
        self.question.setProperty("role", "title")
        self.question.setAlignment(Qt.AlignCenter)
        self.question.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setProperty("role", "body")
        self.countdown.setAlignment(Qt.AlignCenter)
        self.continue_button = button(ctx.label("continue_visit"), "primary", "continue-visit")
        self.continue_button.setMinimumSize(ui.tap_px * 5, round(ui.tap_px * 1.3))
        self.continue_button.clicked.connect(self.continue_requested)
        self._seconds: Optional[int] = None
        self._texts = Texts(ctx)
        self._texts.bind(self.question, lambda c: c.label("still_there"))
        self._texts.bind(self.continue_button, lambda c: c.label("continue_visit"))
        self._texts.bind(self.countdown, lambda c: "" if self._seconds is None
                         else c.label("resetting_in", seconds=self._seconds))
        inner = QVBoxLayout(panel)
        pad = ui.margin
        inner.setContentsMargins(pad, pad, pad, pad)
        inner.setSpacing(ui.gap)
        inner.addWidget(self.question)
        inner.addWidget(self.countdown)
        inner.addSpacing(ui.gap)
        inner.addWidget(self.continue_button, 0, Qt.AlignCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignCenter)
        outer.addStretch(1)
        self.hide()

    def apply(self, ctx: ViewContext) -> None:
        """Ask (and count down) in ``ctx``'s language."""
        self.ctx = ctx
        self._texts.apply(ctx)

    def show_countdown(self, seconds: int) -> None:
        self._seconds = seconds
        self._texts.apply(self.ctx)
        if not self.isVisible():
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()
        self.continue_requested.emit()
