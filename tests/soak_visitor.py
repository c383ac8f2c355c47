"""The soak's visitor: random touches of every kind on whatever the kiosk shows now.

Every touch is a real touch event on the kiosk's window (tests/touch.py's device). Time passes
on the kiosk's ``StillClock``: between touches, while a finger is held or drags, and when the
visitor walks away (its idle deadlines fall due as the clock passes them). Nothing here waits
for real time, except that a visitor now and then lets a page finish sliding, which Qt
animates in real time.
"""

from __future__ import annotations

import random
from typing import Callable

from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from kiosk.session import Screen
from tests.touch import DEVICE

WALK_STEP_S = 7.0  # a visitor who walks away: the clock moves on in steps of this, deadlines falling due
PIN = "1921"  # the soak kiosk's own (tests/soak.py sets it, as kiosk admin-pin does)
SLIDE_WAIT_MS = 2000  # the longest a reading visitor waits for a page to finish sliding


class Visitor:
    """Picks one thing to do at a time (``choose``), at random on ``rng``, and does it by finger."""

    def __init__(self, kiosk, clock, rng: random.Random):
        self.kiosk, self.window, self.clock, self.rng = kiosk, kiosk.window, clock, rng
        languages = kiosk.result.exhibit.languages
        self.actions: list[tuple[str, float, Callable[[], None]]] = [
            ("tap", 20, self.tap_anywhere), ("control", 30, self.tap_control), ("swipe", 15, self.swipe),
            ("fingers", 6, self.fingers), ("burst", 6, self.burst), ("long press", 4, self.long_press),
            ("chart bar", 3, self.chart_bar), ("read", 4, self.read), ("text size", 0.5, self.text_size),
            ("language", 3 if len(languages) > 1 else 0, self.language), ("walk away", 1, self.walk_away),
            ("hesitate", 1, self.hesitate), ("staff", 0.2, self.staff),
        ]

    def choose(self) -> tuple[str, Callable[[], None]]:
        """What to do next, and its name; after it, the visitor ``pause``s."""
        name, _, action = self.rng.choices(self.actions, [weight for _, weight, _ in self.actions])[0]
        return name, action

    def pause(self) -> None:
        roll = self.rng.random()
        self.clock.advance(0 if roll < 0.05 else self.rng.uniform(0.05, 0.6) if roll < 0.75
                           else self.rng.uniform(0.6, 5))

    # --- where a finger lands ---------------------------------------------------------------

    def anywhere(self) -> QPoint:
        rect = self.window.rect()
        point = QPoint(self.rng.randrange(rect.width()), self.rng.randrange(rect.height()))
        return point if not self._forbidden().contains(point) else QPoint(rect.width() // 2, rect.height() // 2)

    def on_screen(self, point: QPoint) -> QPoint:
        """Where a finger that would leave the screen stops: at its edge (the window is the screen)."""
        rect = self.window.rect()
        return QPoint(min(max(point.x(), 0), rect.width() - 1), min(max(point.y(), 0), rect.height() - 1))

    def controls(self) -> list[QPoint]:
        """The middle of every button a visitor can see now (tiles, cards and keys are buttons too)."""
        window, forbidden, found = self.window, self._forbidden(), []
        for widget in window.findChildren(QAbstractButton):
            if not widget.isVisible():
                continue
            seen = widget.visibleRegion().boundingRect()
            if seen.isEmpty():
                continue
            point = widget.mapTo(window, seen.center())
            if window.rect().contains(point) and not forbidden.contains(point):
                found.append(point)
        return found

    def _forbidden(self) -> QRect:
        """The admin screen's quit button: the soak keeps the kiosk running."""
        staff = self.kiosk.staff
        screen = getattr(staff, "_screen", None)
        if screen is None or not screen.exit_button.isVisible():
            return QRect()
        button = screen.exit_button
        return QRect(button.mapTo(self.window, QPoint(0, 0)), button.size())

    # --- fingers ----------------------------------------------------------------------------

    def press(self, points: list[QPoint]) -> None:
        touch = QTest.touchEvent(self.window, DEVICE)
        for finger, point in enumerate(points):
            touch.press(finger, point, self.window)
        touch.commit()

    def release(self, points: list[QPoint]) -> None:
        touch = QTest.touchEvent(self.window, DEVICE)
        for finger, point in enumerate(points):
            touch.release(finger, point, self.window)
        touch.commit()

    def tap_at(self, point: QPoint) -> None:
        self.press([point])
        self.release([point])

    def tap_anywhere(self) -> None:
        self.tap_at(self.anywhere())

    def tap_control(self) -> None:
        controls = self.controls()
        self.tap_at(self.rng.choice(controls) if controls else self.anywhere())

    def swipe(self) -> None:
        """One finger dragged: mostly across or up and down, at a speed of the clock's."""
        start = self.anywhere()
        if self.rng.random() < 0.8:
            length = self.rng.choice((-1, 1)) * self.rng.uniform(20, 900)
            across = self.rng.random() < 0.6
            end = self.on_screen(start + (QPoint(round(length), 0) if across else QPoint(0, round(length))))
        else:
            end = self.anywhere()
        steps, step_s = self.rng.randint(2, 12), self.rng.uniform(0.002, 0.06)
        sequence = QTest.touchEvent(self.window, DEVICE, False)
        sequence.press(0, start, self.window).commit()
        for step in range(1, steps + 1):
            self.clock.advance(step_s)
            sequence.move(0, start + (end - start) * (step / steps), self.window).commit()
        sequence.release(0, end, self.window).commit()

    def fingers(self) -> None:
        """Two or three fingers at once, on buttons or anywhere; they may move together."""
        controls = self.controls()
        points = [self.rng.choice(controls) if controls and self.rng.random() < 0.5 else self.anywhere()
                  for _ in range(self.rng.choice((2, 2, 3)))]
        self.press(points)
        if self.rng.random() < 0.5:
            shift = QPoint(self.rng.randint(-300, 300), self.rng.randint(-200, 200))
            for step in range(1, 5):
                self.clock.advance(0.016)
                touch = QTest.touchEvent(self.window, DEVICE)
                for finger, point in enumerate(points):
                    touch.move(finger, self.on_screen(point + shift * (step / 4)), self.window)
                touch.commit()
            points = [self.on_screen(point + shift) for point in points]
        self.release(points)

    def burst(self) -> None:
        """A child's taps: several on one spot, faster than anything turns."""
        controls = self.controls()
        point = self.rng.choice(controls) if controls and self.rng.random() < 0.7 else self.anywhere()
        for _ in range(self.rng.randint(2, 7)):
            self.tap_at(point)
            self.clock.advance(self.rng.uniform(0, 0.08))

    def long_press(self) -> None:
        point = self.anywhere()
        self.press([point])
        self.clock.advance(self.rng.uniform(0.8, 5))
        self.release([point])

    def chart_bar(self) -> None:
        """A tap on a bar of the chart on screen (or, with no chart, a tap on a button)."""
        chart = self._chart()
        if chart is None:
            self.tap_control()
            return
        spec = chart.spec
        bar = chart.bar_rect(self.rng.randrange(len(spec.series_resolved)),
                             self.rng.randrange(len(spec.categories_resolved)))
        self.tap_at(chart.mapTo(self.window, bar.center().toPoint()))

    def _chart(self):
        screens = self.kiosk.screens
        if self.window.current_screen() is not screens.chapter:
            return None
        view = screens.chapter.stack.current_view()
        chart = getattr(view, "chart", None)
        spec = getattr(chart, "spec", None)
        return chart if spec is not None and spec.series_resolved and spec.categories_resolved else None

    def read(self) -> None:
        """A visitor who reads lets a sliding page come to rest (Qt slides it in real time)."""
        chapter = self.kiosk.screens.chapter
        for _ in range(SLIDE_WAIT_MS // 10):
            if not chapter.busy:
                break
            QTest.qWait(10)
        self.clock.advance(self.rng.uniform(2, 20))

    # --- the kiosk's own choices ------------------------------------------------------------

    def text_size(self) -> None:
        screens, current = self.kiosk.screens, self.window.current_screen()
        for screen in (screens.home, screens.chapter):
            if current is screen:
                self.tap_at(screen.text_size_button.mapTo(self.window, screen.text_size_button.rect().center()))
                return
        self.tap_control()

    def language(self) -> None:
        """A language's button, where the screen has them (attract, home, a chapter)."""
        choices = getattr(self.window.current_screen(), "language_buttons", None)
        if choices:
            choice = self.rng.choice(choices)
            self.tap_at(choice.mapTo(self.window, choice.rect().center()))
        else:
            self.tap_control()

    def walk_away(self) -> None:
        """Gone: the clock runs on until the kiosk has started over (the attract screen)."""
        session, walked = self.kiosk.session, 0.0
        while session.state.screen is not Screen.ATTRACT and walked < 3600:
            self.clock.advance(WALK_STEP_S)
            walked += WALK_STEP_S

    def hesitate(self) -> None:
        """Nearly gone: the kiosk asks if anyone is there, and a finger answers (or does not)."""
        overlay, waited = self.kiosk.idle_overlay, 0.0
        while not overlay.isVisible() and waited < 3600 and self.kiosk.session.state.screen is not Screen.ATTRACT:
            self.clock.advance(1)
            waited += 1
        if overlay.isVisible():
            self.clock.advance(self.rng.uniform(0, 5))
        roll = self.rng.random()
        if roll < 0.4 and overlay.isVisible():
            button = overlay.continue_button
            self.tap_at(button.mapTo(self.window, button.rect().center()))
        elif roll < 0.8:
            self.tap_anywhere()

    def staff(self) -> None:
        """Staff at the kiosk: the corner gesture, a PIN (not always the right one), and back."""
        kiosk = self.kiosk
        gesture = kiosk.result.exhibit.admin.gesture
        point = corner_point(self.window, gesture.corner)
        self.press([point])
        self.clock.advance(gesture.hold_seconds + 0.2)
        self.release([point])
        for corner in gesture.taps:
            self.clock.advance(0.4)
            self.tap_at(corner_point(self.window, corner))
        pad = kiosk.staff.pinpad
        if not pad.isVisible():
            return
        self.clock.advance(0.5)
        pin = PIN if self.rng.random() < 0.6 else "".join(self.rng.choice("0123456789") for _ in range(4))
        for digit in pin:
            key = pad.digit_keys[int(digit)]
            self.tap_at(key.mapTo(self.window, key.rect().center()))
        self.tap_at(pad.ok_key.mapTo(self.window, pad.ok_key.rect().center()))
        if kiosk.session.state.screen is Screen.ADMIN:
            for _ in range(self.rng.randint(0, 4)):
                self.clock.advance(0.3)
                self.tap_control()  # never the quit button
            back = kiosk.staff.screen.back_button
            if back.isVisible():
                self.clock.advance(0.3)
                self.tap_at(back.mapTo(self.window, back.rect().center()))


INSET = 20  # how far inside a corner staff's finger lands


def corner_point(window, corner: str) -> QPoint:
    vertical, horizontal = corner.split("-")
    return QPoint(INSET if horizontal == "left" else window.width() - INSET,
                  INSET if vertical == "top" else window.height() - INSET)
