"""A chapter's pages side by side, slid by the finger or by the buttons.

The pages sit on a strip; ``position`` says which page fills the view (2.5 is halfway
between the third and the fourth). A drag moves the strip with the finger; on release a
quick flick or a drag past a third of the width turns the page, anything less springs back.
Vertical drags, and horizontal ones on a page that scrolls sideways, go to that page's
scroll area through its QScroller, so long texts scroll kinetically.
"""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QEasingCurve, QPointF, QSize, Qt, QVariantAnimation, Signal, Slot
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QWidget

from kiosk.ui.gestures import DragTracker, dragged_position, swipe_step
from kiosk.ui.pages.base import PageView



class PageStack(QWidget):
    """Shows one page of a chapter at a time and slides between them."""

    page_requested = Signal(int)
    resized = Signal(QSize)  # the size every page view is shown at

    def __init__(self, scale: float, turn_ms: int, slop: float, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._scale = scale
        self._turn_ms = turn_ms
        self._count = 0
        self._view_for: Callable[[int], PageView] = lambda index: None
        self._shelve: Callable[[PageView], None] = lambda view: None
        self._views: dict[int, PageView] = {}  # the current page and its neighbours only
        self._current = 0
        self._position = 0.0
        self._drag_from = 0.0
        self._scroll: Optional[QAbstractScrollArea] = None
        self._drag_t0 = 0.0  # on the tracker's clock, which also times what QScroller is fed
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.OutCubic)
        self._animation.valueChanged.connect(self._on_animation_step)
        self._animation.finished.connect(self._trim)
        self._tracker = DragTracker(self, slop, self._wants_drag)
        self._tracker.drag_started.connect(self._on_drag_started)
        self._tracker.dragged.connect(self._on_dragged)
        self._tracker.drag_finished.connect(self._on_drag_finished)

    # --- what the chapter screen asks ---------------------------------------------------

    def set_pages(self, count: int, current: int, view_for: Callable[[int], PageView],
                  shelve: Callable[[PageView], None]) -> None:
        """Show a chapter of ``count`` pages at ``current``; ``view_for`` gives a page's view,
        ``shelve`` takes back one no longer near."""
        self._animation.stop()
        for view in self._views.values():
            self._release(view, view is self._views.get(self._current))
        self._views = {}
        self._count, self._view_for, self._shelve = count, view_for, shelve
        self._current = current
        self._take(self._near(current))
        self._set_position(float(current))
        if current in self._views:
            self._views[current].page_shown()

    def set_turn_ms(self, turn_ms: int) -> None:
        """How long a page takes to slide (0: no sliding, for reduced motion)."""
        self._turn_ms = turn_ms

    def show_page(self, index: int, animate: bool = True) -> None:
        """Make page ``index`` current, sliding there from wherever the strip is now."""
        if not 0 <= index < self._count:
            return
        previous = self._current
        self._current = index
        self._take(self._near(index))
        if previous != index:
            if previous in self._views:
                self._views[previous].page_hidden()
            self._views[index].reset()
            self._views[index].page_shown()
        self._slide_to(float(index), animate)

    def shown_pages(self) -> list[int]:
        """The pages whose views the strip holds now (the library keeps them)."""
        return sorted(self._views)

    def _near(self, index: int) -> list[int]:
        return [i for i in (index - 1, index, index + 1) if 0 <= i < self._count]

    def _take(self, indexes: list[int]) -> None:
        for index in indexes:
            if index not in self._views:
                view = self._views[index] = self._view_for(index)
                if view.parentWidget() is not self:
                    view.setParent(self)
                view.hide()  # explicitly: a reparented child would otherwise show with its parent
                view.reset()

    @Slot()
    def _trim(self) -> None:
        """Give back the views the strip no longer needs (once it stands still)."""
        if self.busy:
            return
        near = set(self._near(self._current))
        for index in [i for i in self._views if i not in near]:
            self._release(self._views.pop(index), False)

    def _release(self, view: PageView, current: bool) -> None:
        if current:
            view.page_hidden()
        view.hide()
        self._shelve(view)

    @property
    def busy(self) -> bool:
        """True while the strip moves under a finger or by itself."""
        return self._tracker.dragging or self._animation.state() == QVariantAnimation.Running

    def current_view(self) -> Optional[PageView]:
        return self._views.get(self._current)

    def stop(self) -> None:
        """Finish any slide at once: the current page in place."""
        self._animation.stop()
        self._set_position(float(self._current))
        self._trim()

    def reset(self) -> None:
        """Still, in place, and no finger remembered."""
        self._tracker.cancel()
        self._scroll = None
        self.stop()

    def detach(self) -> None:
        self._tracker.detach()

    # --- layout ---------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place()
        self.resized.emit(self.size())

    def _set_position(self, position: float) -> None:
        self._position = position
        self._place()

    def _place(self) -> None:
        width, height = self.width(), self.height()
        for index, view in self._views.items():
            x = round((index - self._position) * width)
            visible = -width < x < width
            if visible:
                view.setGeometry(x, 0, width, height)
            if visible == view.isHidden():
                view.setVisible(visible)

    def _slide_to(self, target: float, animate: bool) -> None:
        self._animation.stop()
        distance = abs(target - self._position)
        if not animate or distance < 1e-3 or self._turn_ms <= 0:
            self._set_position(target)
            self._trim()
            return
        self._animation.setDuration(max(1, round(self._turn_ms * min(1.0, distance))))
        self._animation.setStartValue(self._position)
        self._animation.setEndValue(target)
        self._animation.start()

    @Slot(object)
    def _on_animation_step(self, value) -> None:
        self._set_position(float(value))

    # --- the finger -----------------------------------------------------------------------

    def _wants_drag(self, orientation: Qt.Orientation, offset: QPointF) -> bool:
        self._scroll = None
        view = self.current_view()
        if view is None or self._animation.state() == QVariantAnimation.Running:
            return False
        area = view.scroll_area_for(orientation)
        if area is not None and orientation == Qt.Horizontal:
            # A strip that scrolls sideways (a long timeline) takes every sideways swipe begun
            # on it, even at its end; one begun elsewhere turns the page. The same swipe never
            # does the one here and the other there.
            if self._tracker.pressed_within(area):
                self._scroll = area
            return True
        if area is not None and _can_scroll(area, orientation, offset):
            self._scroll = area
            return True
        return orientation == Qt.Horizontal

    def _drag_ms(self) -> int:
        """Milliseconds since the drag began, as QScroller wants its input timed."""
        return round(self._tracker.now_ms() - self._drag_t0)

    @Slot(object, QPointF)
    def _on_drag_started(self, orientation, start: QPointF) -> None:
        self._drag_from = self._position
        self._drag_t0 = self._tracker.now_ms()
        if self._scroll is not None:
            viewport = self._scroll.viewport()
            self._scroll_start = viewport.mapFromGlobal(start)
            QScroller.scroller(viewport).handleInput(QScroller.InputPress, self._scroll_start, 0)

    @Slot(QPointF)
    def _on_dragged(self, offset: QPointF) -> None:
        if self._scroll is not None:
            QScroller.scroller(self._scroll.viewport()).handleInput(
                QScroller.InputMove, self._scroll_start + offset, self._drag_ms())
            return
        self._set_position(dragged_position(self._drag_from, offset, self.width(), self._count - 1))

    @Slot(QPointF, QPointF)
    def _on_drag_finished(self, offset: QPointF, velocity: QPointF) -> None:
        if self._scroll is not None:
            QScroller.scroller(self._scroll.viewport()).handleInput(
                QScroller.InputRelease, self._scroll_start + offset, self._drag_ms())
            self._scroll = None
            return
        step = swipe_step(offset, velocity, self.width(), self._scale)
        target = min(max(self._current + step, 0), self._count - 1)
        if target != self._current:
            self.page_requested.emit(target)
            if self._current == target:
                return  # the chapter screen already moved here
        self._slide_to(float(self._current), True)


def _can_scroll(area: QAbstractScrollArea, orientation: Qt.Orientation, offset: QPointF) -> bool:
    """Whether the content can still move the way the finger goes."""
    bar = area.verticalScrollBar() if orientation == Qt.Vertical else area.horizontalScrollBar()
    toward = offset.y() if orientation == Qt.Vertical else offset.x()
    if bar.maximum() <= bar.minimum():
        return False
    return bar.value() > bar.minimum() if toward > 0 else bar.value() < bar.maximum()
