"""A visitor's finger for tests: taps and swipes as real touch events on a touch screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

DEVICE = QTest.createTouchDevice()


def centre(widget: QWidget) -> QPoint:
    return widget.rect().center()


def tap(widget: QWidget, point: QPoint | None = None) -> None:
    """One finger down and up on ``widget`` (at its centre unless told)."""
    point = centre(widget) if point is None else point
    window = widget.window()
    at = widget.mapTo(window, point)
    QTest.touchEvent(window, DEVICE).press(0, at, window).commit()
    QTest.touchEvent(window, DEVICE).release(0, at, window).commit()


def two_finger_tap(first: QWidget, second: QWidget) -> None:
    """Two fingers at once, one on each widget."""
    window = first.window()
    a, b = first.mapTo(window, centre(first)), second.mapTo(window, centre(second))
    QTest.touchEvent(window, DEVICE).press(0, a, window).press(1, b, window).commit()
    QTest.touchEvent(window, DEVICE).release(0, a, window).release(1, b, window).commit()


def swipe(qtbot, widget: QWidget, start: QPoint, end: QPoint, steps: int = 8, step_ms: int = 10,
          clock=None) -> None:
    """One finger dragged from ``start`` to ``end`` (widget coordinates), ``step_ms`` a step.

    With ``clock`` (the kiosk's ``StillClock``) each step moves that clock on, so the finger's
    speed is exactly what the test says and nothing waits; without, each step waits real time
    (for Qt's own kinetic scrolling, which reads real time).
    """
    window = widget.window()
    a, b = widget.mapTo(window, start), widget.mapTo(window, end)
    sequence = QTest.touchEvent(window, DEVICE, False)
    sequence.press(0, a, window).commit()
    for step in range(1, steps + 1):
        if clock is None:
            qtbot.wait(step_ms)
        else:
            clock.advance(step_ms / 1000)
        point = a + (b - a) * (step / steps)
        sequence.move(0, point, window).commit()
    sequence.release(0, b, window).commit()


HOLD_STEP = 0.01  # seconds a settling visitor lets pass at a time on a still clock


def settle(kiosk, qtbot) -> None:
    """Wait as a visitor would before the next tap: the screen has changed and stands still.

    On a still clock the visitor lets the kiosk's input hold pass on that clock; the page's
    slide, which Qt animates in real time, is waited for.
    """
    advance = getattr(kiosk.clock, "advance", None)
    while advance is not None and kiosk.window.holding:
        advance(HOLD_STEP)
    qtbot.waitUntil(lambda: not kiosk.window.holding and not kiosk.screens.chapter.busy)


def start_visit(kiosk, qtbot) -> None:
    """The first touch on the attract screen, then a moment for home to settle."""
    from kiosk.session import Screen

    tap(kiosk.screens.attract)
    assert kiosk.session.state.screen is Screen.HOME
    settle(kiosk, qtbot)
