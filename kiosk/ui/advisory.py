"""A content advisory before a distressing chapter: the visitor may go on or skip it."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Chapter
from kiosk.ui.widgets import button
from kiosk.ui.pages.base import Texts, ViewContext

MEASURE_EM = 32  # the advisory's width, in body-text ems: a calm, readable line


class AdvisoryScreen(QWidget):
    """The chapter's title, its advisory, and two equal choices."""

    continue_requested = Signal()
    skip_requested = Signal()
    home_requested = Signal()

    def __init__(self, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "screen")
        self.setObjectName("advisory")
        ui = ctx.ui
        self.chapter: Optional[Chapter] = None
        self.home_button = button(ctx.label("home"), "quiet", "home")
        self.heading = QLabel(ctx.label("advisory_title"))
        self.heading.setProperty("role", "eyebrow")
        self.chapter_title = QLabel()
        self.chapter_title.setProperty("role", "title")
        self.chapter_title.setWordWrap(True)
        self.message = QLabel()
        self.message.setProperty("role", "body")
        self.message.setWordWrap(True)
        self.skip_button = button(ctx.label("advisory_skip"), "quiet", "skip")
        self.continue_button = button(ctx.label("advisory_continue"), "primary", "continue")
        for choice in (self.skip_button, self.continue_button):
            choice.setMinimumWidth(ui.tap_px * 4)
        self.skip_button.clicked.connect(self.skip_requested)
        self.continue_button.clicked.connect(self.continue_requested)
        self.home_button.clicked.connect(self.home_requested)
        inner = QVBoxLayout()
        inner.setSpacing(ui.gap)
        inner.addWidget(self.heading)
        inner.addWidget(self.chapter_title)
        inner.addWidget(self.message)
        inner.addSpacing(ui.gap)
        choices = QHBoxLayout()
        choices.setSpacing(ui.gap * 2)
        choices.addWidget(self.skip_button)
        choices.addWidget(self.continue_button)
        choices.addStretch(1)
        inner.addLayout(choices)
        top = QHBoxLayout()
        top.addWidget(self.home_button)
        top.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(ui.margin, ui.margin // 2, ui.margin, ui.margin)
        outer.addLayout(top)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(inner, 0)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self._texts = Texts(ctx)
        for widget, name in ((self.home_button, "home"), (self.heading, "advisory_title"),
                             (self.skip_button, "advisory_skip"), (self.continue_button, "advisory_continue")):
            self._texts.bind(widget, lambda c, name=name: c.label(name))
        self._texts.bind(self.chapter_title, lambda c: c.text(self.chapter.title) if self.chapter else "")
        self._texts.bind(self.message, lambda c: c.text(self.chapter.advisory) if self.chapter else "")
        self._update_measure()

    def _update_measure(self) -> None:
        ui = self.ctx.ui
        measure = ui.text_px(ui.theme.sizes.body) * MEASURE_EM
        for label in (self.heading, self.chapter_title, self.message):
            label.setMaximumWidth(measure)
            label.setMinimumWidth(min(measure, ui.px(900)))

    def apply(self, ctx: ViewContext) -> None:
        """Show the screen (and the chapter it warns of) in ``ctx``."""
        self.ctx = ctx
        self._texts.apply(ctx)
        self._update_measure()

    def show_chapter(self, chapter: Chapter) -> None:
        self.chapter = chapter
        self._texts.apply(self.ctx)
