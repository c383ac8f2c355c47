"""The visitors' screens for one content load, made together and dropped together.

Only the attract screen is made before the first frame; the others are made when first
needed or, at the latest, right after the first frame (``build_ahead``), so visitors see
the attract screen as early as the machine allows. A new language, text size or contrast
reaches them all in place (``apply``).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from kiosk.session import Screen
from kiosk.ui.attract import AttractScreen
from kiosk.ui.library import PageLibrary
from kiosk.ui.pages.base import ViewContext
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:  # the other screens' modules load after the first frame, with the screens
    from kiosk.ui.advisory import AdvisoryScreen
    from kiosk.ui.chapter_screen import ChapterScreen
    from kiosk.ui.home import HomeScreen
    from kiosk.ui.pages.sources import SourcesPanel


class Screens(QObject):
    """Attract, home, advisory and chapter screens, their page views and the sources panel."""

    def __init__(self, ctx: ViewContext, window: KioskWindow, wire: Callable[[Screen, object], None],
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.window = window
        self._wire = wire
        self.shelf = QWidget(window)  # page views wait here, hidden, while off screen
        self.shelf.setObjectName("shelf")
        self.shelf.hide()
        self.library = PageLibrary(ctx, self.shelf, parent=self)
        self.sources: Optional[SourcesPanel] = None
        self._by_screen: dict[Screen, object] = {}
        self.attract = self.screen_for(Screen.ATTRACT)

    def _make(self, kind: Screen):
        ctx = self.ctx
        if kind is Screen.ATTRACT:
            return AttractScreen(ctx)
        if kind is Screen.HOME:
            from kiosk.ui.home import HomeScreen

            return HomeScreen(ctx, self._home_timeline())
        if kind is Screen.ADVISORY:
            from kiosk.ui.advisory import AdvisoryScreen

            return AdvisoryScreen(ctx)
        from kiosk.ui.chapter_screen import ChapterScreen

        chapter = ChapterScreen(ctx, self.library)
        chapter.resize(self.window.size())
        chapter.layout().activate()
        self.library.set_page_size(chapter.stack.size())
        chapter.stack.resized.connect(self.library.set_page_size)  # views are laid out ahead at it
        self.library.move_shelf(chapter.stack)
        return chapter

    def _home_timeline(self):
        ref = self.ctx.exhibit.home_timeline
        _, page = self.ctx.exhibit.find_page(ref) if ref else (None, None)
        from kiosk.ui.pages.timeline_page import TimelineView

        return TimelineView(page.events, self.ctx, compact=True) if page is not None else None

    @property
    def made(self) -> set:
        """The kinds of screen made so far."""
        return set(self._by_screen)

    def screen_for(self, kind: Screen):
        """The screen for ``kind``, made (and wired by the kiosk) the first time it is asked for."""
        if kind not in self._by_screen:
            screen = self._by_screen[kind] = self._make(kind)
            self.window.add_screen(screen)
            self._wire(kind, screen)
        return self._by_screen[kind]

    @property
    def home(self) -> HomeScreen:
        return self.screen_for(Screen.HOME)

    @property
    def advisory(self) -> AdvisoryScreen:
        return self.screen_for(Screen.ADVISORY)

    @property
    def chapter(self) -> ChapterScreen:
        return self.screen_for(Screen.CHAPTER)

    def build_ahead(self) -> None:
        """Make the other screens now; the page views near the visitor follow (``plan``)."""
        for kind in (Screen.HOME, Screen.CHAPTER, Screen.ADVISORY):
            self.screen_for(kind)

    def plan(self, chapter: Optional[int], page: int) -> None:
        """The visitor is here (chapter None: not in a chapter): build what is near."""
        self._hold_strip()
        self.library.plan(chapter, page)

    def _hold_strip(self) -> None:
        """The page strip's views stay, wherever the visitor is, and follow a change at once."""
        if Screen.CHAPTER in self._by_screen:
            screen = self.chapter
            self.library.hold((screen.index, p) for p in screen.stack.shown_pages())

    def adopt(self, exhibit) -> None:
        """The whole of the content the screens were made with (only its first screen's part
        had come): nothing shown changes."""
        self.ctx = dataclasses.replace(self.ctx, exhibit=exhibit)
        self.library.ctx = self.ctx

    def apply(self, ctx: ViewContext) -> None:
        """Every screen and kept view in a new language, text size, contrast or motion."""
        self.ctx = ctx
        for screen in self._by_screen.values():
            screen.apply(ctx)
        self._hold_strip()
        self.library.apply(ctx)
        if Screen.CHAPTER in self._by_screen:
            self.chapter.stack.set_turn_ms(ctx.ui.turn_ms)
        if self.sources is not None:
            self.sources.apply(ctx)

    # --- sources ---------------------------------------------------------------------------

    def show_sources(self) -> bool:
        """Open the current page's sources over the chapter; False if it has none."""
        view = self.chapter.stack.current_view()
        if view is None or not view.page.sources:
            return False
        self.hide_sources()
        from kiosk.ui.pages.sources import SourcesPanel

        self.sources = SourcesPanel(view.page, self.ctx, self.chapter)
        self.sources.closed.connect(self.hide_sources)
        self.sources.setGeometry(self.chapter.rect())
        self.sources.show()
        self.sources.raise_()
        return True

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
        for kind in (Screen.HOME, Screen.CHAPTER):
            if kind in self._by_screen:
                self._by_screen[kind].reset()
        for view in self.library.all_views():
            view.reset()

    def stop(self) -> None:
        self.library.stop()
        self.attract.stop()
        if Screen.CHAPTER in self._by_screen:
            self.chapter.reset()
            self.chapter.stack.detach()
        if Screen.HOME in self._by_screen and self.home.timeline is not None:
            self.home.timeline.detach()

    def discard(self) -> None:
        self.stop()
        for screen in self._by_screen.values():
            # Hidden first, while every Python part of it is whole: a screen still visible when
            # Qt deletes it gets its hide event half torn down, and one the stack shows again
            # would start its timers anew.
            screen.hide()
            self.window.remove_screen(screen)
            screen.deleteLater()
        self.library.discard()
        self.shelf.deleteLater()
        self.deleteLater()
