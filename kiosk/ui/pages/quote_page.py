"""A quotation page: the words large in the serif italic, who said them, and why they matter."""

from __future__ import annotations

from math import ceil
from typing import Optional

from PySide6.QtGui import QFont, QPainter, QPainterPath
from PySide6.QtWidgets import QWidget

from kiosk.content.model import QuotePage
from kiosk.ui.pages.base import ScrollingPageView, ViewContext
from kiosk.ui.theme import UiTheme
from kiosk.ui.widgets import close_page, page_column, text_label

MARK = "\u201c"  # the opening quotation mark, drawn large as the page's ornament
MARK_SCALE = 1.3  # times the display size


class QuotePageView(ScrollingPageView):
    """A QuotePage: a large quotation mark, the quote, its attribution, then its context."""

    def __init__(self, page: QuotePage, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(page, ctx, parent)
        ui = ctx.ui
        grid, self.title_label = page_column(ctx.text(page.title), ui)
        grid.column.addStretch(1)
        self.mark = grid.add_wide(QuoteMark(ui))
        grid.column.addSpacing(ui.px(12))
        self.quote_label = grid.add_wide(text_label(ctx.text(page.quote), "quote"))
        grid.column.addSpacing(ui.px(36))
        self.attribution_label = grid.add_text(text_label(ctx.text(page.attribution), "caption"))
        self.context_label, self._area = close_page(self, grid, ctx.text(page.context), ui.px(56))
        self._grid = grid
        for label, text in ((self.title_label, page.title), (self.quote_label, page.quote),
                            (self.attribution_label, page.attribution), (self.context_label, page.context)):
            self.bind_text(label, text)
        self._update_style()

    def _update_style(self) -> None:
        self.quote_label.setMaximumWidth(round(self._grid.measure * 1.2))


class QuoteMark(QWidget):
    """A large opening quotation mark in the heading serif and the accent colour."""

    def __init__(self, ui: UiTheme, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.set_theme(ui)

    def set_theme(self, ui: UiTheme) -> None:
        font = QFont(ui.font("display"))
        font.setPixelSize(round(ui.text_px(ui.theme.sizes.display) * MARK_SCALE))
        self._path = QPainterPath()
        self._path.addText(0, 0, font, MARK)
        ink = self._path.boundingRect()
        self._path.translate(-ink.left(), -ink.top())  # the ink at the widget's top left
        self._colour = ui.colour("accent")
        self.setFixedSize(ceil(ink.width()), ceil(ink.height()))
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(self._path, self._colour)
