"""The page views near the visitor: built ahead in small steps, kept while near, dropped when far.

Where the visitor is decides what is wanted (``plan``): in a chapter, its pages nearest the
open one first, then the next chapter's first page; on the home screen, the first page of
every chapter a tap away. At most ``budget`` views are kept, whatever the size of the
exhibit; the rest are dropped. The wanted views are built one per turn of the event loop, so
the kiosk stays responsive while it works; a view asked for before its turn is built at once.

Views not on screen wait hidden on a shelf (the page strip, once it exists), so none is ever
shown without a parent.
"""

from __future__ import annotations

import ctypes
import functools
import platform
import sys
from typing import Iterable, Optional

from PySide6.QtCore import QObject, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QPicture
from PySide6.QtWidgets import QWidget

from kiosk.ui.pages import make_page_view
from kiosk.ui.pages.base import PageView, ViewContext

BUDGET = 24  # page views kept at most: a chapter's neighbourhood and the chapters' first pages
NEAR_PAGES = 12  # of the open chapter, nearest first
FRAME_MS = 17  # one frame at 60 Hz

Key = tuple[int, int]


class PageLibrary(QObject):
    """A bounded set of page views of the exhibit, in the context they were last given."""

    all_built = Signal()  # everything wanted so far is built
    view_made = Signal(object)  # a new PageView, for its owner to wire

    def __init__(self, ctx: ViewContext, shelf: QWidget, budget: int = BUDGET,
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = QSize()
        self.budget = budget
        self._shelf = shelf
        self._views: dict[Key, PageView] = {}
        self._wanted: list[Key] = []
        self._held: set[Key] = set()  # on screen now: never dropped
        self.built_count = 0  # views made since the start (for tests and benchmarks)
        self._dropped = False  # views were dropped since memory was last given back
        self._stale: set[Key] = set()  # kept views not yet in the context last applied
        self.charts_later = False  # set while pyqtgraph is imported in pieces: charts wait for it
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_build_next)

    # --- views ------------------------------------------------------------------------

    def view(self, chapter: int, page: int) -> PageView:
        """The view of a page, built now if it is not ready."""
        key = (chapter, page)
        if key in self._stale:
            self._refresh(key)
        if key not in self._views:
            view = make_page_view(self.ctx.exhibit.chapters[chapter].pages[page], self.ctx)
            view.setParent(self._shelf)
            view.hide()
            self._views[key] = self._warmed(view)
            self.built_count += 1
            self.view_made.emit(view)
        return self._views[key]

    def _warmed(self, view: PageView) -> PageView:
        """Lay the view out at the page size and draw it once, off screen: its first real
        showing then finds fonts, layouts and pictures ready. It is drawn into a QPicture,
        which records the drawing without a screen's worth of pixels to hold it."""
        if self.page_size.isValid():
            view.resize(self.page_size)
            view.render(QPicture())
        return view

    def set_page_size(self, size: QSize) -> None:
        """The size the page strip shows views at, which views built from now on are laid
        out at (one laid out at another size is laid out again when it shows: a frame lost)."""
        self.page_size = QSize(size)

    def hold(self, keys: Iterable[Key]) -> None:
        """These views are on screen: keep them whatever the plan says."""
        self._held = set(keys)

    def shelve(self, view: PageView) -> None:
        """A view leaves the screen: back on the shelf, hidden."""
        view.hide()
        if view.parentWidget() is not self._shelf:
            view.setParent(self._shelf)

    def move_shelf(self, shelf: QWidget) -> None:
        """Keep the views off screen in ``shelf`` from now on — the page strip itself, so that
        a page turn only shows and hides views: moving a widget to another parent restyles it
        and all its children, which costs a frame for a chart."""
        for view in self._views.values():
            if view.parentWidget() is self._shelf:
                view.setParent(shelf)
                view.hide()
        self._shelf = shelf

    def all_views(self) -> list[PageView]:
        return list(self._views.values())

    def apply(self, ctx: ViewContext) -> None:
        """Every kept view in a new language, text size or contrast (none is rebuilt): those
        on screen or held at once, the others one per turn of the event loop (or when asked
        for, whichever comes first), so the tap's answer does not wait for views nobody sees."""
        self.ctx = ctx
        self._stale = set(self._views)
        for key in [k for k, view in self._views.items() if k in self._held or view.isVisible()]:
            self._refresh(key)
        if self._stale:  # from the frame after the one that shows the change
            self._timer.start(FRAME_MS)

    def _refresh(self, key: Key) -> None:
        self._stale.discard(key)
        self._views[key].apply(self.ctx)

    # --- the plan ---------------------------------------------------------------------

    def plan(self, chapter: Optional[int], page: int = 0) -> None:
        """The visitor is in ``chapter`` at ``page`` (None: on the home screen). Build what
        is near in the background; drop what is far."""
        self._wanted = wanted_around(self.ctx.exhibit, chapter, page, self.budget)
        keep = set(self._wanted) | self._held
        self._give_back()  # the views dropped by the last plan are deleted by now
        for key in [k for k in self._views if k not in keep]:
            self._views.pop(key).deleteLater()
            self._stale.discard(key)
            self._dropped = True
        if self.done:
            self._timer.stop()
            self.all_built.emit()
        else:
            self._timer.start()

    def _give_back(self) -> None:
        if self._dropped:
            self._dropped = False
            give_back_memory()

    @property
    def done(self) -> bool:
        return not self.charts_later and not self._stale and all(key in self._views for key in self._wanted)

    def build_all(self) -> None:
        """Build everything wanted now (tests and proofs)."""
        for key in self._wanted:
            self.view(*key)

    @Slot()
    def _on_build_next(self) -> None:
        self._timer.setInterval(0)
        missing = next((key for key in self._wanted if key not in self._views
                        and not (self.charts_later and self._page(key).type == "chart")), None)
        if self._stale:
            self._refresh(min(self._stale, key=self._nearness))
        elif missing is not None:
            self.view(*missing)
        elif self.charts_later:  # only charts are left: look again once pyqtgraph may be in
            self._timer.setInterval(FRAME_MS)
            return
        if self.done:
            self._timer.stop()
            self._give_back()
            self.all_built.emit()

    def charts_in(self) -> None:
        """pyqtgraph is in: the charts are built like any page."""
        self.charts_later = False
        if not self.done:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _page(self, key: Key):
        return self.ctx.exhibit.chapters[key[0]].pages[key[1]]

    def _nearness(self, key: Key) -> int:
        """How soon the visitor may need ``key``: its place in the plan (the unplanned last)."""
        return self._wanted.index(key) if key in self._wanted else len(self._wanted)

    def discard(self) -> None:
        """Drop every view (after a new content load)."""
        self.stop()
        for view in self._views.values():
            view.deleteLater()
        self._views.clear()
        self._stale.clear()


def give_back_memory() -> None:
    """Hand the memory freed by dropped views back to the system. glibc keeps freed heap for
    reuse, so weeks of views built and dropped would leave the kiosk at its high-water mark;
    malloc_trim returns it (under a millisecond). Elsewhere than glibc, nothing to do."""
    if _libc() is not None:
        _libc().malloc_trim(0)


@functools.lru_cache(maxsize=1)
def _libc():
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def wanted_around(exhibit, chapter: Optional[int], page: int, budget: int) -> list[Key]:
    """The views a visitor at ``chapter``/``page`` may need next, most likely first."""
    chapters = exhibit.chapters
    wanted: list[Key] = []
    if chapter is not None and 0 <= chapter < len(chapters):
        count = len(chapters[chapter].pages)
        near = sorted(range(count), key=lambda p: (abs(p - page), p < page))[:NEAR_PAGES]
        wanted += [(chapter, p) for p in near]
        if chapter + 1 < len(chapters):
            wanted.append((chapter + 1, 0))
    wanted += [(c, 0) for c in range(len(chapters)) if (c, 0) not in wanted]
    return wanted[:budget]
