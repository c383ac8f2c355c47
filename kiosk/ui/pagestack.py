"""A chapter's pages side by side, slid by the finger or by the buttons.

The pages sit on a strip; ``position`` says which page fills the view (2.5 is halfway
between the third and the fourth). A drag moves the strip with the finger; on release a
quick flick or a drag past a third of the width turns the page, anything less springs back.
Vertical drags, and horizontal ones on a page that scrolls sideways, go to that page's
scroll area through its QScroller, so long texts scroll kinetically.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEasingCurve, QElapsedTimer, QPointF, Qt, QVariantAnimation, Signal, Slot
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QWidget

from kiosk.ui.gestures import DragTracker
from kiosk.ui.pages.base import PageView

TURN_FRACTION = 0.3  # of the width: a slow drag past this turns the page
FLICK_PX_PER_S_AT_1080 = 500  # a flick faster than this turns the page, however short
EDGE_RESISTANCE = 0.3  # how far the first and last page follow a drag past the end


class PageStack(QWidget):
    """Shows one page of a chapter at a time and slides between them."""

    page_requested = Signal(int)

    def __init__(self, scale: float, turn_ms: int, slop: float, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._scale = scale
        self._turn_ms = turn_ms
        self._views: list[PageView] = []
        self._current = 0
        self._position = 0.0
        self._drag_from = 0.0
        self._scroll: Optional[QAbstractScrollArea] = None
        self._clock = QElapsedTimer()
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.OutCubic)
        self._animation.valueChanged.connect(self._on_animation_step)
        self._tracker = DragTracker(self, slop, self._wants_drag)
        self._tracker.drag_started.connect(self._on_drag_started)
        self._tracker.dragged.connect(self._on_dragged)
        self._tracker.drag_finished.connect(self._on_drag_finished)

    # --- what the chapter screen asks ---------------------------------------------------

    def set_views(self, views: list[PageView], current: int = 0) -> None:
        """Show these page views, the ``current`` one in place."""
        self._animation.stop()
        for view in self._views:
            if view not in views:
                view.page_hidden()
                view.hide()
                view.setParent(None)
        self._views = list(views)
        for view in self._views:
            view.setParent(self)
            view.hide()  # explicitly: a reparented child would otherwise show with its parent
            view.reset()
        self._current = current
        self._set_position(float(current))
        if self._views:
            self._views[current].page_shown()

    def show_page(self, index: int, animate: bool = True) -> None:
        """Make page ``index`` current, sliding there from wherever the strip is now."""
        if not 0 <= index < len(self._views):
            return
        previous = self._current
        self._current = index
        if previous != index:
            self._views[previous].page_hidden()
            self._views[index].reset()
            self._views[index].page_shown()
        self._slide_to(float(index), animate)

    @property
    def busy(self) -> bool:
        """True while the strip moves under a finger or by itself."""
        return self._tracker.dragging or self._animation.state() == QVariantAnimation.Running

    def current_view(self) -> Optional[PageView]:
        return self._views[self._current] if self._views else None

    def stop(self) -> None:
        """Finish any slide at once: the current page in place."""
        self._animation.stop()
        self._set_position(float(self._current))

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

    def _set_position(self, position: float) -> None:
        self._position = position
        self._place()

    def _place(self) -> None:
        width, height = self.width(), self.height()
        for index, view in enumerate(self._views):
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
        if area is not None and _can_scroll(area, orientation, offset):
            self._scroll = area
            return True
        return orientation == Qt.Horizontal

    @Slot(object, QPointF)
    def _on_drag_started(self, orientation, start: QPointF) -> None:
        self._drag_from = self._position
        self._clock.start()
        if self._scroll is not None:
            viewport = self._scroll.viewport()
            self._scroll_start = viewport.mapFromGlobal(start)
            QScroller.scroller(viewport).handleInput(QScroller.InputPress, self._scroll_start, 0)

    @Slot(QPointF)
    def _on_dragged(self, offset: QPointF) -> None:
        if self._scroll is not None:
            QScroller.scroller(self._scroll.viewport()).handleInput(
                QScroller.InputMove, self._scroll_start + offset, self._clock.elapsed())
            return
        position = self._drag_from - offset.x() / max(1, self.width())
        last = len(self._views) - 1
        if position < 0:
            position *= EDGE_RESISTANCE
        elif position > last:
            position = last + (position - last) * EDGE_RESISTANCE
        self._set_position(position)

    @Slot(QPointF, QPointF)
    def _on_drag_finished(self, offset: QPointF, velocity: QPointF) -> None:
        if self._scroll is not None:
            QScroller.scroller(self._scroll.viewport()).handleInput(
                QScroller.InputRelease, self._scroll_start + offset, self._clock.elapsed())
            self._scroll = None
            return
        target = self._current
        flick = abs(velocity.x()) > FLICK_PX_PER_S_AT_1080 * self._scale
        far = abs(offset.x()) > TURN_FRACTION * self.width()
        if flick or far:
            step = -1 if (velocity.x() if flick else offset.x()) > 0 else 1
            target = min(max(self._current + step, 0), len(self._views) - 1)
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
