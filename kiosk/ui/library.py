"""Page views built ahead of need, so a page turn never waits for one to be made.

After the first frame is on screen the library builds every page view, one per turn of
the event loop, so the kiosk stays responsive while it works. A view asked for before
its turn is built on the spot.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QPixmap

from kiosk.ui.pages import make_page_view
from kiosk.ui.pages.base import PageView, ViewContext


class PageLibrary(QObject):
    """Every page view of the exhibit in one language, made once and kept."""

    all_built = Signal()

    def __init__(self, ctx: ViewContext, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = QSize()
        self._views: dict[tuple[int, int], PageView] = {}
        self._todo = [
            (c, p) for c, chapter in enumerate(ctx.exhibit.chapters) for p in range(len(chapter.pages))
        ]
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_build_next)

    def view(self, chapter: int, page: int) -> PageView:
        """The view of a page, built now if the background has not reached it yet."""
        key = (chapter, page)
        if key not in self._views:
            self._views[key] = self._warmed(make_page_view(self.ctx.exhibit.chapters[chapter].pages[page],
                                                           self.ctx))
        return self._views[key]

    def _warmed(self, view: PageView) -> PageView:
        """Lay the view out at the page size and draw it once, off screen: its first real
        showing then finds fonts, layouts and pictures ready."""
        if self.page_size.isValid():
            view.resize(self.page_size)
            view.render(QPixmap(self.page_size))
        return view

    def chapter_views(self, chapter: int) -> list[PageView]:
        return [self.view(chapter, p) for p in range(len(self.ctx.exhibit.chapters[chapter].pages))]

    def all_views(self) -> list[PageView]:
        return list(self._views.values())

    def build_in_background(self) -> None:
        self._timer.start()

    def build_all(self) -> None:
        for key in self._todo:
            self.view(*key)
        self._todo.clear()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def done(self) -> bool:
        return not self._todo

    @Slot()
    def _on_build_next(self) -> None:
        while self._todo and self._todo[0] in self._views:
            self._todo.pop(0)
        if self._todo:
            self.view(*self._todo.pop(0))
        if not self._todo:
            self._timer.stop()
            self.all_built.emit()

    def discard(self) -> None:
        """Drop every view (after a reload or a language change)."""
        self.stop()
        for view in self._views.values():
            view.deleteLater()
        self._views.clear()
