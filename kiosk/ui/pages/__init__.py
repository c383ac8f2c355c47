"""Page views by page kind. Chart views are imported only when first needed (pyqtgraph is slow
to import: about a fifth of a second, which would hold the event loop as long). After the first
frame the kiosk has it imported on a worker thread instead (``import_charts_in_background``;
its Python runs in slices between the event loop's turns), and the views built ahead wait for
it (``charts_ready``)."""

from __future__ import annotations

import threading
from importlib import import_module
from typing import Optional

from kiosk.ui.pages.base import PageView, ViewContext

VIEWS = {
    "text": ("kiosk.ui.pages.text_page", "TextPageView"),
    "image": ("kiosk.ui.pages.image_page", "ImagePageView"),
    "chart": ("kiosk.ui.pages.chart_page", "ChartPageView"),
    "figure": ("kiosk.ui.pages.figure_page", "FigurePageView"),
    "timeline": ("kiosk.ui.pages.timeline_page", "TimelinePageView"),
    "quote": ("kiosk.ui.pages.quote_page", "QuotePageView"),
}

_importing: Optional[threading.Thread] = None


def make_page_view(page, ctx: ViewContext) -> PageView:
    """A new view of ``page`` (a chart's waits for the import under way, if one is)."""
    module, name = VIEWS[page.type]
    return getattr(import_module(module), name)(page, ctx)


def import_charts_in_background() -> None:
    """Import pyqtgraph on a worker thread, once; the event loop goes on meanwhile. numpy is
    imported first, here: its compiled part starts up holding the interpreter's lock, which
    would hold the event loop all the same, and longer, from a thread."""
    global _importing
    if _importing is None:
        import_module("numpy")
        # Not a daemon: the interpreter must not shut down under an import of Qt's modules.
        _importing = threading.Thread(target=import_module, args=("pyqtgraph",), name="import pyqtgraph")
        _importing.start()


def finish_chart_import() -> None:
    """Wait for the background import, if one is under way (before the kiosk stops)."""
    if _importing is not None:
        _importing.join()


def charts_ready() -> bool:
    """False while the background import of pyqtgraph is under way (a chart view made now
    would wait for it)."""
    return _importing is None or not _importing.is_alive()
