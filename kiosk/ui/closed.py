"""What the screen shows outside the opening hours: a calm card, or black; never a touch taken.

The card says "Closed" and when the kiosk opens again, in every language of the exhibit (the
first large, the others one line each), in the exhibit's theme. Weekday names come from Qt's
locale data for each language, times as the exhibit writes them (24-hour). Every touch, click
and key ends here: nothing beneath is pressed. The staff's corner gesture watches the whole
window and still opens the PIN pad over it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Optional

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.pages.base import ViewContext

TOUCHES = {QEvent.TouchBegin, QEvent.TouchUpdate, QEvent.TouchEnd, QEvent.TouchCancel}


def reopening_words(ctx: ViewContext, when: Optional[datetime]) -> str:
    """'Open again Tuesday at 10:00' in ``ctx``'s language; '' when the kiosk never opens."""
    if when is None:
        return ""
    day = QLocale(ctx.lang).standaloneDayName(when.isoweekday(), QLocale.LongFormat)
    return ctx.label("open_again", day=day, time=f"{when:%H:%M}")


def _label(text: str, role: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setProperty("role", role)
    label.setAlignment(Qt.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    return label


class ClosedScreen(QWidget):
    """The closed card (``black=False``) or a black screen, until ``show_reopening`` says more."""

    def __init__(self, ctx: ViewContext, black: bool = False, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.black = black
        self.setObjectName("closed")
        self.setAttribute(Qt.WA_StyledBackground)
        self.setAttribute(Qt.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.StrongFocus)  # keys end here too
        self.setProperty("role", "" if black else "screen")
        if black:
            self.setStyleSheet("QWidget#closed { background: #000000; }")
        self.title = _label(ctx.text(ctx.exhibit.title), "eyebrow", "closed-exhibit")
        self.heading = _label(ctx.label("closed"), "display", "closed-heading")
        self.reopening = _label("", "subtitle", "closed-reopening")
        self.others = [_label("", "caption", "closed-other") for _ in ctx.exhibit.languages[1:]]
        layout = QVBoxLayout(self)
        margin = ctx.ui.margin * 2
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(ctx.ui.gap)
        layout.addStretch(1)
        for label in (self.title, self.heading, self.reopening, *self.others):
            layout.addWidget(label)
            label.setVisible(not black)
        layout.addStretch(1)

    def show_reopening(self, when: Optional[datetime]) -> None:
        """Say when the kiosk opens again (None: it has no opening hours ahead)."""
        ctx = self.ctx
        self.reopening.setText(reopening_words(ctx, when))
        self.reopening.setVisible(not self.black and when is not None)
        for label, language in zip(self.others, ctx.exhibit.languages[1:]):
            other = replace(ctx, lang=language.code)
            words = [other.label("closed"), reopening_words(other, when)]
            label.setText(" · ".join(word for word in words if word))

    def lines(self) -> list[str]:
        """The words on the card, top to bottom (none on a black screen)."""
        labels = (self.title, self.heading, self.reopening, *self.others)
        return [label.text() for label in labels if not label.isHidden() and label.text()]

    def event(self, event) -> bool:
        if event.type() in TOUCHES:
            event.accept()  # taken, and no mouse event is made from it
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()
