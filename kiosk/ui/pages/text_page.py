"""A page of text: its title and its Markdown body on the page grid, scrolling when long."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import TextPage
from kiosk.ui.pages.base import ScrollingPageView, ViewContext
from kiosk.ui.widgets import MarkdownLabel, page_column, scroll_area


class TextPageView(ScrollingPageView):
    """A TextPage: the title over the body, set to a comfortable measure; long texts scroll."""

    def __init__(self, page: TextPage, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(page, ctx, parent)
        ui = ctx.ui
        self._area = scroll_area(Qt.Orientation.Vertical, self)
        grid, self.title_label = page_column(ctx.text(page.title), ui)
        self.body_label = grid.add_text(MarkdownLabel(ctx.text(page.body), "body"))
        self.bind_text(self.title_label, page.title)
        self.bind_text(self.body_label, page.body)
        grid.column.addStretch(1)
        self._area.setWidget(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._area)
