"""The attract loop: the strongest artwork over the whole screen, drifting slowly, one large
line that invites a passer-by in, and the exhibit's title.

No page of a chapter is shown here, so nothing behind an advisory can reach someone who has
not chosen it. The whole screen is one touch target. A press does nothing visible; lifting the
finger starts the visit, so the touch that wakes the kiosk never presses what lies beneath it
on the next screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QTimer, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QBoxLayout, QGraphicsOpacityEffect, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Highlight
from kiosk.ui.attract_art import ArtStage
from kiosk.ui.pages.base import Texts, ViewContext
from kiosk.ui.widgets import language_buttons

LINE_SHARE = 0.62  # the line's measure, as a share of the screen's width in landscape
LINE_MOST = 3  # lines the line may take in landscape (a portrait screen gives it one more)


def line_room(size: tuple[int, int]) -> int:
    """How many lines a highlight's line may take on a screen of ``size``."""
    return LINE_MOST if size[0] >= size[1] else LINE_MOST + 1


class AttractScreen(QWidget):
    """Artwork, the highlight's line, the exhibit's title, and 'touch to begin'."""

    visit_requested = Signal()
    language_requested = Signal(str)  # a language's button: the visit begins in that language

    def __init__(self, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "screen")
        self.setObjectName("attract")
        ui = ctx.ui
        self._texts = Texts(ctx)
        self.highlights: tuple[Highlight, ...] = tuple(ctx.exhibit.attract.highlights)
        self._index = 0
        self._held = False  # standing on one highlight (the proof and the fit checks), not looping
        self.art = ArtStage(QColor(ui.theme.colours.background), self)
        self.title = QLabel(ctx.text(ctx.exhibit.title))
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(ctx.text(ctx.exhibit.subtitle), self)  # a parent before it is made visible
        self.subtitle.setProperty("role", "subtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setVisible(ctx.exhibit.subtitle is not None)
        self.line = QLabel(self)
        self.line.setObjectName("attract-line")
        self.line.setProperty("role", "lead")
        self.line.setWordWrap(True)
        self._line_fade = QGraphicsOpacityEffect(self.line)
        self._line_fade.setOpacity(1.0)
        self.line.setGraphicsEffect(self._line_fade)
        self.invitation = QLabel(ctx.label("touch_to_begin"))
        self.invitation.setObjectName("invitation")
        self.invitation.setProperty("role", "invitation")
        self.invitation.setAlignment(Qt.AlignCenter)
        self.invitation.setMinimumHeight(ui.tap_px)
        self._texts.bind(self.title, lambda c: c.text(c.exhibit.title))
        self._texts.bind(self.subtitle, lambda c: c.text(c.exhibit.subtitle))
        self._texts.bind(self.invitation, lambda c: c.label("touch_to_begin"))
        self._texts.bind(self.line, lambda c: c.text(self.highlight.line) if self.highlight else "")
        self._pressed = False
        self.art.fade.valueChanged.connect(self._on_fade)
        self._cycle = QTimer(self)
        self._cycle.setInterval(self._cycle_ms())
        self._cycle.timeout.connect(self.next_highlight)
        self._outer = QVBoxLayout(self)
        self._outer.setSpacing(ui.gap)
        self._outer.addWidget(self.title)
        self._outer.addWidget(self.subtitle)
        self._outer.addStretch(1)
        self._outer.addWidget(self.line)
        self._outer.addSpacing(ui.gap)
        # The invitation and the languages share a row where they fit side by side (landscape),
        # else the languages go below it.
        self._bottom = QBoxLayout(QBoxLayout.LeftToRight)
        self._bottom.setSpacing(ui.gap)
        self._bottom.addWidget(self.invitation, 0, Qt.AlignLeft | Qt.AlignVCenter)
        self._bottom.addStretch(1)
        self._choices = QHBoxLayout()
        self._choices.setSpacing(ui.gap)
        self.language_buttons = language_buttons(ctx, self._texts, self.language_requested.emit)
        for choice in self.language_buttons:
            self._choices.addWidget(choice)
        self._bottom.addLayout(self._choices)
        self._outer.addLayout(self._bottom)
        self._set_margins()

    # --- what shows ------------------------------------------------------------------------

    @property
    def highlight(self) -> Optional[Highlight]:
        return self.highlights[self._index] if self.highlights else None

    def highlight_index(self) -> int:
        return self._index

    def _artwork(self, highlight: Optional[Highlight]) -> Optional[Path]:
        chapter = self.ctx.exhibit.chapter(highlight.chapter) if highlight else None
        return self.ctx.path(chapter.artwork) if chapter is not None and chapter.artwork else None

    def _cycle_ms(self) -> int:
        return max(1, round(self.ctx.exhibit.attract.seconds_per_highlight * 1000))

    def _drift_ms(self) -> int:
        """The picture drifts until the next one has faded in over it: 0 with reduced motion."""
        ui = self.ctx.ui
        return 0 if ui.reduced_motion else self._cycle_ms() + ui.fade_ms

    def _set_margins(self) -> None:
        ui = self.ctx.ui
        self._outer.setContentsMargins(ui.margin * 2, ui.margin, ui.margin * 2, ui.margin)
        self.line.setMaximumWidth(self._line_measure())

    def line_lines(self) -> int:
        """How many lines the line on show takes at its measure."""
        if not self.line.text():
            return 0
        width = min(self.line.maximumWidth(), self.width() - self.ctx.ui.margin * 4)
        spacing = QFontMetrics(self.line.font()).lineSpacing()
        return max(1, round(self.line.heightForWidth(width) / spacing))

    def _arrange_bottom(self) -> None:
        """The languages beside the invitation where both fit on one row, else below it."""
        ui = self.ctx.ui
        room = self.width() - ui.margin * 4
        needed = self.invitation.sizeHint().width() + ui.gap * 2 + self._choices.sizeHint().width()
        across = not self.language_buttons or needed <= room
        self._bottom.setDirection(QBoxLayout.LeftToRight if across else QBoxLayout.TopToBottom)
        self._bottom.setAlignment(self._choices, Qt.Alignment() if across else Qt.AlignLeft)

    def _line_measure(self) -> int:
        width = self.width() or self.ctx.ui.px(1920)
        inner = width - self.ctx.ui.margin * 4
        landscape = self.width() >= self.height()
        return max(1, round(width * LINE_SHARE) if landscape else inner)

    def apply(self, ctx: ViewContext) -> None:
        """Show the screen in ``ctx``'s language, text size, contrast and motion."""
        self.ctx = ctx
        self._texts.apply(ctx)
        self.art.set_background(QColor(ctx.ui.theme.colours.background))
        self._set_margins()
        if ctx.ui.reduced_motion:
            self.art.still()
            self._line_fade.setOpacity(1.0)
        elif self.isVisible() and not self._held and self.art.drift.state() != self.art.drift.State.Running:
            self._show_current(fade=False)  # motion back on: the picture drifts again

    def start(self) -> None:
        """The first highlight, and the loop under way (when the screen shows)."""
        self._index, self._held = 0, False
        self._show_current(fade=False)
        if len(self.highlights) > 1:
            self._cycle.start()

    def stop(self) -> None:
        """The loop stopped and its pictures let go (the screen hides)."""
        self._cycle.stop()
        self.art.release()
        self._line_fade.setOpacity(1.0)
        self._pressed = False

    def show_highlight(self, index: int) -> None:
        """Highlight ``index`` at once, standing still where its drift is half done (the proof's
        shot: the same every time)."""
        self._cycle.stop()
        self._held = True
        if self.highlights:
            self._index = index % len(self.highlights)
        self.art.show_picture(self._artwork(self.highlight), 0, 0)
        self._texts.apply(self.ctx)
        self._line_fade.setOpacity(1.0)

    @Slot()
    def next_highlight(self) -> None:
        """On to the next highlight: it fades in over the last (at once, with reduced motion)."""
        if len(self.highlights) < 2:
            return
        self._index, self._held = (self._index + 1) % len(self.highlights), False
        self._show_current(fade=True)

    def _show_current(self, fade: bool) -> None:
        ui = self.ctx.ui
        fade_ms = ui.fade_ms if fade else 0
        self.art.show_picture(self._artwork(self.highlight), self._drift_ms(), fade_ms)
        if fade_ms <= 0:
            self._texts.apply(self.ctx)
            self._line_fade.setOpacity(1.0)

    @Slot(object)
    def _on_fade(self, value) -> None:
        """The line fades out over the first half of the pictures' cross-fade and the new one in
        over the second."""
        level = float(value)
        if level >= 0.5 and self.line.text() != self.ctx.text(self.highlight.line):
            self._texts.apply(self.ctx)
        self._line_fade.setOpacity(abs(1 - 2 * level) if level < 1 else 1.0)

    # --- Qt ----------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.art.setGeometry(self.rect())
        self.art.lower()
        self.line.setMaximumWidth(self._line_measure())
        self._arrange_bottom()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        self.stop()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._pressed = True
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._pressed:
            self._pressed = False
            self.visit_requested.emit()
        event.accept()
