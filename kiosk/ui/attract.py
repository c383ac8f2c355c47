"""The attract loop: the exhibit's title and its highlights, cycling calmly, and an invitation.

The whole screen is one touch target. A press does nothing visible; lifting the finger
starts the visit, so the touch that wakes the kiosk never presses what lies beneath it
on the next screen. The highlights never receive the touch themselves.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import (QEasingCurve, QPropertyAnimation, Qt, QTimer, Signal, Slot)
from PySide6.QtWidgets import (QGraphicsOpacityEffect, QHBoxLayout, QLabel, QSizePolicy, QStackedLayout, QVBoxLayout,
                               QWidget)

from kiosk.ui.pages.base import PageView, Texts, ViewContext
from kiosk.ui.widgets import language_buttons


class AttractScreen(QWidget):
    """Title, cycling highlights, and 'touch to begin'."""

    visit_requested = Signal()
    language_requested = Signal(str)  # a language's button: the visit begins in that language

    def __init__(self, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "screen")
        self.setObjectName("attract")
        ui = ctx.ui
        self._texts = Texts(ctx)
        self.title = QLabel(ctx.text(ctx.exhibit.title))
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setWordWrap(True)
        self.subtitle = QLabel(ctx.text(ctx.exhibit.subtitle), self)  # a parent before it is made visible
        self.subtitle.setProperty("role", "subtitle")
        self.subtitle.setAlignment(Qt.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.subtitle.setVisible(ctx.exhibit.subtitle is not None)
        self.stage = QWidget()
        self.stage.setAttribute(Qt.WA_TransparentForMouseEvents)
        # The stage takes the room that is left: a small window crops a highlight rather than
        # growing past the screen.
        self.stage.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self._stage_layout = QStackedLayout(self.stage)
        self.invitation = QLabel(ctx.label("touch_to_begin"))
        self.invitation.setObjectName("invitation")
        self.invitation.setProperty("role", "invitation")
        self.invitation.setAlignment(Qt.AlignCenter)
        self.invitation.setMinimumHeight(ui.tap_px)
        self._texts.bind(self.title, lambda c: c.text(c.exhibit.title))
        self._texts.bind(self.subtitle, lambda c: c.text(c.exhibit.subtitle))
        self._texts.bind(self.invitation, lambda c: c.label("touch_to_begin"))
        self._highlights: list[PageView] = []
        self._highlights_stale = False  # a context came while the screen was hidden
        self._index = 0
        self._pressed = False
        self._fade = QGraphicsOpacityEffect(self.stage)
        self._fade.setOpacity(1.0)
        self.stage.setGraphicsEffect(self._fade)
        self._fader = QPropertyAnimation(self._fade, b"opacity", self)
        self._fader.setDuration(max(1, ui.fade_ms))
        self._fader.setEasingCurve(QEasingCurve.InOutSine)
        self._fader.finished.connect(self._on_fade_finished)
        self._cycle = QTimer(self)
        self._cycle.setInterval(round(ctx.exhibit.attract.seconds_per_highlight * 1000))
        self._cycle.timeout.connect(self._on_cycle)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(ui.margin, ui.margin, ui.margin, ui.margin)
        outer.setSpacing(ui.gap)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)
        outer.addWidget(self.stage, 1)
        outer.addWidget(self.invitation, 0, Qt.AlignHCenter)
        self.language_buttons = language_buttons(ctx, self._texts, self.language_requested.emit)
        if self.language_buttons:
            choices = QHBoxLayout()
            choices.setSpacing(ui.gap)
            choices.addStretch(1)
            for choice in self.language_buttons:
                choices.addWidget(choice)
            choices.addStretch(1)
            outer.addLayout(choices)

    def apply(self, ctx: ViewContext) -> None:
        """Show the screen and its highlights in ``ctx``; with reduced motion, a fade under way ends."""
        self.ctx = ctx
        self._texts.apply(ctx)
        self._highlights_stale = True
        if self.isVisible():
            self._apply_highlights()
        self._fader.setDuration(max(1, ctx.ui.fade_ms))
        if ctx.ui.fade_ms <= 0 and self._fader.state() == QPropertyAnimation.Running:
            self._fader.stop()
            if self._fader.endValue() < 0.5:  # it was fading out: the next highlight, at once
                self._next_highlight()
            self._fade.setOpacity(1.0)

    def _apply_highlights(self) -> None:
        """The highlights in the last context (when the screen shows: unseen, they can wait)."""
        if self._highlights_stale:
            self._highlights_stale = False
            for view in self._highlights:
                view.apply(self.ctx)

    def add_highlight(self, view: PageView) -> None:
        """Add a page to the loop (the window adds them as they are built)."""
        view.setAttribute(Qt.WA_TransparentForMouseEvents)
        view.on_attract()
        self._highlights.append(view)
        self._stage_layout.addWidget(view)
        if len(self._highlights) == 1:
            self._stage_layout.setCurrentWidget(view)
            view.page_shown()

    def current_highlight(self) -> Optional[PageView]:
        return self._highlights[self._index] if self._highlights else None

    def start(self) -> None:
        """Begin cycling (when the screen shows)."""
        if len(self._highlights) > 1:
            self._cycle.start()

    def stop(self) -> None:
        self._cycle.stop()
        self._fader.stop()
        self._fade.setOpacity(1.0)
        self._pressed = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._apply_highlights()
        self.start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        self.stop()

    @Slot()
    def _on_cycle(self) -> None:
        if len(self._highlights) < 2 or self._fader.state() == QPropertyAnimation.Running:
            return
        if self.ctx.ui.fade_ms <= 0:  # reduced motion: the next highlight without a fade
            self._next_highlight()
            return
        self._fader.setStartValue(1.0)
        self._fader.setEndValue(0.0)
        self._fader.start()

    @Slot()
    def _on_fade_finished(self) -> None:
        if self._fade.opacity() > 0.5:
            return  # faded in: done until the next cycle
        self._next_highlight()
        self._fader.setStartValue(0.0)
        self._fader.setEndValue(1.0)
        self._fader.start()

    def _next_highlight(self) -> None:
        self.current_highlight().page_hidden()
        self._index = (self._index + 1) % len(self._highlights)
        view = self.current_highlight()
        view.reset()
        self._stage_layout.setCurrentWidget(view)
        view.page_shown()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._pressed = True
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._pressed:
            self._pressed = False
            self.visit_requested.emit()
        event.accept()
