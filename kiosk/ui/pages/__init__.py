"""Page views by page kind. Chart views are imported only when first needed (pyqtgraph is slow to import)."""

from __future__ import annotations

from importlib import import_module

from kiosk.ui.pages.base import PageView, ViewContext

VIEWS = {
    "text": ("kiosk.ui.pages.text_page", "TextPageView"),
    "image": ("kiosk.ui.pages.image_page", "ImagePageView"),
    "chart": ("kiosk.ui.pages.chart_page", "ChartPageView"),
    "figure": ("kiosk.ui.pages.figure_page", "FigurePageView"),
    "timeline": ("kiosk.ui.pages.timeline_page", "TimelinePageView"),
    "quote": ("kiosk.ui.pages.quote_page", "QuotePageView"),
}


def make_page_view(page, ctx: ViewContext) -> PageView:
    """A new view of ``page``."""
    module, name = VIEWS[page.type]
    return getattr(import_module(module), name)(page, ctx)
