"""A key-figure page: one large number, what it counts, and a few lines of context."""

from __future__ import annotations

import re
from typing import Optional

from PySide6.QtWidgets import QWidget

from kiosk.content.model import FigurePage
from kiosk.ui.pages.base import ScrollingPageView, ViewContext
from kiosk.ui.widgets import close_page, page_column, text_label

NUMBER_AND_WORD = re.compile(r"(\d) (?=\S)")


class FigurePageView(ScrollingPageView):
    """A FigurePage: the figure as the curator wrote it, else the value in the visitor's locale."""

    def __init__(self, page: FigurePage, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(page, ctx, parent)
        ui = ctx.ui
        grid, self.title_label = page_column(ctx.text(page.title), ui)
        grid.column.addStretch(1)
        self.figure_label = grid.add_wide(text_label("", "figure"))
        grid.column.addSpacing(ui.px(8))
        self.label_label = grid.add_text(text_label(ctx.text(page.label), "subtitle"))
        self.context_label, self._area = close_page(self, grid, ctx.text(page.context), ui.px(40))
        self.texts.bind(self.figure_label, self._figure)
        for label, text in ((self.title_label, page.title), (self.label_label, page.label),
                            (self.context_label, page.context)):
            self.bind_text(label, text)

    def _figure(self, ctx: ViewContext) -> str:
        """The figure as the curator wrote it, else the value in the visitor's locale."""
        figure = ctx.text(self.page.display) if self.page.display is not None else ctx.number(self.page.value)
        return NUMBER_AND_WORD.sub("\\1\u00a0", figure)  # wrap "6 million" as one
