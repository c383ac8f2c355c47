"""The kiosk's own screens at one screen size and text size, built offscreen to be measured.

The page views come from a real :class:`~kiosk.ui.library.PageLibrary`, laid out at the size
the real :class:`~kiosk.ui.chapter_screen.ChapterScreen` gives its page strip, in the window's
one stylesheet and the bundled fonts: what a visitor would see, to the pixel. Nothing is shown;
each view is laid out and drawn once into a QPicture, as the kiosk does when it builds ahead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QPicture
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Exhibit
from kiosk.paths import assets_dir
from kiosk.ui.fonts import register_fonts
from kiosk.ui.imagecheck import ensure_gui
from kiosk.ui.pages.base import PageView, ViewContext
from kiosk.ui.theme import make_theme

SETTLE_ROUNDS = 3
DPI = 96  # as ``kiosk proof`` renders: a 20 mm fingertip is 76 px
_fonts_from: set[str] = set()


def prepare(exhibit: Exhibit) -> None:
    """An application offscreen, and the bundled fonts (and the content's own) loaded once."""
    ensure_gui()
    for folder in (assets_dir() / "fonts", Path(exhibit.root) / "fonts"):
        if str(folder) not in _fonts_from:
            _fonts_from.add(str(folder))
            register_fonts(folder)


def settled(widget: QWidget, rounds: int = SETTLE_ROUNDS) -> QWidget:
    """``widget`` laid out as it is once on screen: a layout that changes sizes as it goes (a
    tile fitting its words, a chart its names) posts itself another pass, which a shown
    window runs before it is seen; here each is run and drawn, until none is left."""
    for _ in range(rounds):
        widget.render(QPicture())
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return widget


class Stage:
    """The window, the chapter screen and its page library, and the home screen, at one size."""

    def __init__(self, exhibit: Exhibit, size: tuple[int, int], scale: float, lang: str):
        from kiosk.ui.chapter_screen import ChapterScreen
        from kiosk.ui.library import PageLibrary

        self.size, self.scale = size, scale
        ui = make_theme(exhibit.theme, QSize(*size), DPI, scale)
        self.ctx = ViewContext(exhibit, ui, lang)
        self.window = QWidget()
        self.window.setProperty("role", "screen")
        self.window.setStyleSheet(ui.stylesheet())
        self.window.resize(*size)
        shelf = QWidget(self.window)
        shelf.hide()
        self.library = PageLibrary(self.ctx, shelf)
        self.chapter = ChapterScreen(self.ctx, self.library, self.window)
        self.chapter.resize(*size)
        self.chapter.ensurePolished()
        self.chapter.render(QPicture())  # lays the screen out in its stylesheet's fonts
        self.library.set_page_size(self.chapter.stack.size())
        self.library.move_shelf(self.chapter.stack)
        self._home = None
        self._attract = None

    @property
    def ui(self):
        return self.ctx.ui

    def view(self, chapter: int, page: int) -> PageView:
        """The page's view, laid out at the page strip's size as it settles on screen."""
        return settled(self.library.view(chapter, page))

    def drop_views(self) -> None:
        """Let the views built so far go (one chapter's are measured at a time)."""
        self.library.discard()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def home(self):
        """The home screen at this size, laid out."""
        if self._home is None:
            from kiosk.ui.home import HomeScreen
            from kiosk.ui.pages.timeline_page import TimelineView

            exhibit = self.ctx.exhibit
            ref = exhibit.home_timeline
            _, page = exhibit.find_page(ref) if ref else (None, None)
            timeline = TimelineView(page.events, self.ctx, compact=True) if page is not None else None
            self._home = HomeScreen(self.ctx, timeline, self.window)
            self._home.resize(*self.size)
            self._home.ensurePolished()
            settled(self._home)
        return self._home

    def attract(self):
        """The attract screen at this size, laid out (its highlights are shown one by one)."""
        if self._attract is None:
            from kiosk.ui.attract import AttractScreen

            self._attract = AttractScreen(self.ctx, self.window)
            self._attract.resize(*self.size)
            self._attract.ensurePolished()
            settled(self._attract)
        return self._attract

    def close(self) -> None:
        self.library.stop()
        self.drop_views()
        if self._home is not None and self._home.timeline is not None:
            self._home.timeline.detach()
        if self._attract is not None:
            self._attract.stop()
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
