"""The visitors' screens for one language, made together and dropped together."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, Slot

from kiosk.session import Screen
from kiosk.ui.advisory import AdvisoryScreen
from kiosk.ui.attract import AttractScreen
from kiosk.ui.chapter_screen import ChapterScreen
from kiosk.ui.home import HomeScreen
from kiosk.ui.library import PageLibrary
from kiosk.ui.pages.base import ViewContext
from kiosk.ui.pages.sources import SourcesPanel
from kiosk.ui.pages.timeline_page import TimelineView
from kiosk.ui.window import KioskWindow


class Screens(QObject):
    """Attract, home, advisory and chapter screens, their page views and the sources panel."""

    def __init__(self, ctx: ViewContext, window: KioskWindow, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.window = window
        self.library = PageLibrary(ctx, self)
        self.attract = AttractScreen(ctx)
        self.home = HomeScreen(ctx, self._home_timeline())
        self.advisory = AdvisoryScreen(ctx)
        self.chapter = ChapterScreen(ctx, self.library.chapter_views)
        self.sources: Optional[SourcesPanel] = None
        self._by_screen = {
            Screen.ATTRACT: self.attract, Screen.HOME: self.home,
            Screen.ADVISORY: self.advisory, Screen.CHAPTER: self.chapter,
        }
        for screen in self._by_screen.values():
            window.add_screen(screen)
        self._highlights = [ref.page for ref in ctx.exhibit.attract.highlights]
        self._add_ready_highlights(charts=False)

    def _home_timeline(self):
        ref = self.ctx.exhibit.home_timeline
        _, page = self.ctx.exhibit.find_page(ref) if ref else (None, None)
        if page is None:
            return None
        timeline = TimelineView(page.events, self.ctx, compact=True)
        return timeline

    def screen_for(self, screen: Screen):
        return self._by_screen[screen]

    def build_ahead(self) -> None:
        """Build every page view in the background; charts join the attract loop when ready."""
        self.library.all_built.connect(self._on_all_built)
        self.library.build_in_background()

    @Slot()
    def _on_all_built(self) -> None:
        self._add_ready_highlights(charts=True)

    def _add_ready_highlights(self, charts: bool) -> None:
        """Highlights get views of their own (a view lives in one place at a time)."""
        from kiosk.ui.pages import make_page_view

        for ref in list(self._highlights):
            _, page = self.ctx.exhibit.find_page(ref)
            if page is None or (page.type == "chart") != charts:
                continue
            self._highlights.remove(ref)
            self.attract.add_highlight(make_page_view(page, self.ctx))
        self.attract.start() if self.attract.isVisible() else None

    # --- sources ---------------------------------------------------------------------------

    @Slot()
    def show_sources(self) -> None:
        view = self.chapter.stack.current_view()
        if view is None or not view.page.sources:
            return
        self.hide_sources()
        self.sources = SourcesPanel(view.page, self.ctx, self.chapter)
        self.sources.closed.connect(self.hide_sources)
        self.sources.setGeometry(self.chapter.rect())
        self.sources.show()
        self.sources.raise_()

    @Slot()
    def hide_sources(self) -> None:
        if self.sources is not None:
            self.sources.hide()
            self.sources.deleteLater()
            self.sources = None

    # --- life ------------------------------------------------------------------------------

    def reset_all(self) -> None:
        """Every screen as it first was: chapter closed, pages scrolled up, panels shut."""
        self.hide_sources()
        self.chapter.reset()
        for view in self.library.all_views():
            view.reset()

    def stop(self) -> None:
        self.library.stop()
        self.attract.stop()
        self.chapter.reset()

    def discard(self) -> None:
        self.stop()
        for screen in self._by_screen.values():
            self.window.remove_screen(screen)
            screen.deleteLater()
        self.library.discard()
        self.deleteLater()
