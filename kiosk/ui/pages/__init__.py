"""Page views by page kind. Chart views are imported only when first needed (pyqtgraph is slow
to import: about a fifth of a second, which would hold the event loop as long). After the first
frame the kiosk imports it in pieces (``chart_import_steps``), and the page views built ahead
leave the charts until it is in."""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from kiosk.ui.pages.base import PageView, ViewContext

VIEWS = {
    "text": ("kiosk.ui.pages.text_page", "TextPageView"),
    "image": ("kiosk.ui.pages.image_page", "ImagePageView"),
    "chart": ("kiosk.ui.pages.chart_page", "ChartPageView"),
    "figure": ("kiosk.ui.pages.figure_page", "FigurePageView"),
    "timeline": ("kiosk.ui.pages.timeline_page", "TimelinePageView"),
    "quote": ("kiosk.ui.pages.quote_page", "QuotePageView"),
}

CHUNK = 40  # Qt names made ready per turn of the event loop (about 10 ms)


def make_page_view(page, ctx: ViewContext) -> PageView:
    """A new view of ``page``."""
    module, name = VIEWS[page.type]
    return getattr(import_module(module), name)(page, ctx)


def chart_import_steps() -> list[Callable[[], object]]:
    """The import of pyqtgraph in pieces, for one turn of the event loop each (none when it is
    in already). Most of its fifth of a second goes on making every Qt class of three modules
    ready (PySide makes them on first use): that is done a few dozen names at a time, numpy is
    imported on its own, and pyqtgraph last. All on this thread: PySide's making of classes
    is not safe beside another thread's."""
    if "pyqtgraph" in sys.modules:
        return []
    steps: list[Callable[[], object]] = [lambda: import_module("numpy")]
    for module in (QtCore, QtGui, QtWidgets):
        names = dir(module)
        steps += [lambda m=module, part=names[i:i + CHUNK]: [getattr(m, n) for n in part]
                  for i in range(0, len(names), CHUNK)]
    return [*steps, lambda: import_module("pyqtgraph")]
