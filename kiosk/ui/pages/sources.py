"""The sources panel: where a page's facts come from, shown over the page on request."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import PageBase
from kiosk.ui.pages.base import Texts, ViewContext, set_theme_all
from kiosk.ui.widgets import Rule, button, measure, text_label

PANEL_MEASURES = 1.1  # the panel's width, in text measures (its own padding included)


class SourcesPanel(QWidget):
    """A page's sources on a panel, with a close button, over a dimmed page.

    Give it the whole area it covers (the chapter screen's rect): it dims that area (role
    scrim) and centres its panel (role panel) in it. Given only its ``sizeHint``, it is just
    the panel. ``closed`` fires on the close button, or on a tap on the dimmed page outside
    the panel; hiding it is the owner's job (it may fade it out).
    """

    closed = Signal()

    def __init__(self, page: PageBase, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        ui = ctx.ui
        self.setProperty("role", "scrim")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.panel = QWidget(self)
        self.panel.setProperty("role", "panel")
        self.panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.panel.setMaximumWidth(round(measure(ui) * PANEL_MEASURES))
        self.heading_label = text_label("", "heading")
        self.close_button = button("", "quiet", "close-sources")
        self.close_button.clicked.connect(self.closed)
        self.source_labels = [text_label("", "body") for _ in page.sources]
        self._texts = Texts(ctx)
        self._texts.bind(self.heading_label, lambda c: c.label("sources"))
        self._texts.bind(self.close_button, lambda c: c.label("close"))
        for label, source in zip(self.source_labels, page.sources):
            self._texts.bind(label, lambda c, source=source: c.text(source))
        self._fill_panel(ui)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(0)
        row.addWidget(self.panel, 1)
        row.addStretch(0)
        outer.addLayout(row)
        outer.addStretch(1)
        self._pressed_outside = False

    def _fill_panel(self, ui) -> None:
        head = QHBoxLayout()
        head.setSpacing(ui.gap * 2)
        head.addWidget(self.heading_label, 1, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        pad = ui.px(48)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(pad, pad * 2 // 3, pad, pad)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addSpacing(ui.px(8))
        layout.addWidget(Rule(ui))
        layout.addSpacing(ui.px(36))
        for index, label in enumerate(self.source_labels):
            layout.addSpacing(ui.px(20) if index else 0)
            layout.addWidget(label)

    def apply(self, ctx: ViewContext) -> None:
        """Show the panel in ``ctx`` (language, text size, contrast) on the same widgets."""
        self._texts.apply(ctx)
        set_theme_all(self, ctx.ui)
        self.panel.setMaximumWidth(round(measure(ctx.ui) * PANEL_MEASURES))

    def sources(self) -> list[str]:
        """The sources as listed."""
        return [label.text() for label in self.source_labels]

    def sizeHint(self) -> QSize:
        width = self.panel.maximumWidth()
        return QSize(width, self.panel.heightForWidth(width))

    def mousePressEvent(self, event) -> None:
        self._pressed_outside = not self.panel.geometry().contains(event.position().toPoint())
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        inside_me = self.rect().contains(event.position().toPoint())
        outside_panel = not self.panel.geometry().contains(event.position().toPoint())
        if self._pressed_outside and inside_me and outside_panel:
            self.closed.emit()
        self._pressed_outside = False
        event.accept()
