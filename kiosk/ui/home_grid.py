"""The chapter tiles as a grid that pages: as many columns and rows as the screen and the text
size allow, and more pages, side by side, when the chapters do not fit one.

The columns follow from the width: a tile is at least ``TILE_MIN_EMS`` caption-sized ems wide,
so a larger text size gives fewer, wider tiles. The rows follow from the height: a tile is as
tall as its band, two title lines and two teaser lines need (``tiles.tile_height``). What does
not fit one page goes on the next; the visitor swipes between pages, or taps the arrows or a
page's dot under the grid. The bar is there only when there is more than one page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Optional

from PySide6.QtCore import QEasingCurve, QPointF, QSize, Qt, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.gestures import DragTracker, dragged_position, swipe_step
from kiosk.ui.page_dots import PageDots
from kiosk.ui.theme import UiTheme
from kiosk.ui.tiles import (
    TEASER_LINES, TEASER_MOST_LINES, ChapterTile, art_growth, line_height, tile_height, tile_words,
)
from kiosk.ui.widgets import button

TILE_MIN_EMS = 13  # a tile's least width, in ems of the teaser's (caption) font: about 26 characters
TILE_MAX_EMS = 30  # and its widest, for an exhibit of few chapters


@dataclass(frozen=True)
class GridPlan:
    """How the tiles sit in an area: the same columns, rows and tile size on every page."""

    columns: int
    rows: int
    tile: QSize
    pages: int
    least: QSize  # the tile's least size at this text size: TILE_MIN_EMS wide, its words' height

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def below_minimum(self) -> bool:
        """Whether the area is too small for even one tile of the least size."""
        return self.tile.width() < self.least.width() or self.tile.height() < self.least.height()


def least_tile_width(ui: UiTheme) -> int:
    return round(ui.font("caption").pixelSize() * TILE_MIN_EMS)


def plan_grid(ui: UiTheme, count: int, width: int, height: int, bar: int,
              cuts: Callable[[QSize], int] = lambda size: 0, words: Callable[[int], int] = lambda width: 0) -> GridPlan:
    """The grid for ``count`` tiles in ``width`` × ``height`` pixels; a page bar ``bar`` high
    (the bar and its gap; 0 where it sits elsewhere) takes its room from the height when there
    is more than one page.

    Of the most columns the width allows and one fewer (never fewer still: one long teaser must
    not halve the grid), each with as many rows as the height holds or fewer (fewer, taller
    rows may show words whole that more rows would cut), the one that cuts the fewest texts short (``cuts`` counts them for a
    tile size), then with the fewest pages, then the fewest rows on a page
    (4 chapters: one row of 4, not 3 and 1), then the fewest columns (wider tiles). Tiles grow
    taller into spare height only as far as the longest words need (``words`` gives the height
    of the tallest title and teaser for a tile width). A text too
    long for both is cut in either, so it never makes the grid page."""
    gap, least_w = ui.gap, least_tile_width(ui)
    most = max(1, (width + gap) // (least_w + gap))
    least = QSize(least_w, tile_height(ui, least_w))
    widest = min(most, max(count, 1))
    plans = [_plan(ui, count, columns, width, height, bar, words, rows)
             for columns in range(max(1, widest - 1), widest + 1)
             for rows in range(1, _plan(ui, count, columns, width, height, bar, words).rows + 1)]
    best = min(plans, key=lambda plan: (cuts(plan.tile), plan.pages, math.ceil(min(count, plan.per_page) / plan.columns),
                                        plan.columns))
    return GridPlan(best.columns, best.rows, best.tile, best.pages, least)


def _plan(ui: UiTheme, count: int, columns: int, width: int, height: int, bar: int,
          words: Callable[[int], int], most_rows: Optional[int] = None) -> GridPlan:
    """The grid of ``columns`` with as many rows as the height holds (at most ``most_rows``:
    fewer, taller rows may cut no words where more would)."""
    gap = ui.gap
    tile_w = min((width - (columns - 1) * gap) // columns, round(ui.font("caption").pixelSize() * TILE_MAX_EMS))
    tile_h = tile_height(ui, tile_w)

    def rows_in(room: int) -> int:
        return max(1, (room + gap) // (tile_h + gap))

    rows = rows_in(height)
    if count > columns * rows:
        height -= bar
        rows = rows_in(height)
    rows = min(rows, max(1, math.ceil(count / columns)), most_rows or rows)
    pages = max(1, math.ceil(count / (columns * rows)))
    # Spare height goes to the teasers, a line at a time, up to their most lines, then to the
    # artwork, up to the drawings' own shape.
    row_room = (height - (rows - 1) * gap) // rows
    tall = min(tile_h + (TEASER_MOST_LINES - TEASER_LINES) * line_height(ui.font("caption")),
               max(tile_h, tile_h - tile_words(ui) + words(tile_w))) + art_growth(ui, tile_w)
    return GridPlan(columns, rows, QSize(max(1, tile_w), max(1, min(row_room, tall))), pages, QSize())


class PageBar(QWidget):
    """Under the grid: the previous-page arrow, the dots, the next-page arrow."""

    page_requested = Signal(int)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.previous_button = button("‹", "arrow", "chapters-previous")
        self.next_button = button("›", "arrow", "chapters-next")
        self.dots = PageDots()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.previous_button)
        row.addWidget(self.dots, 1)
        row.addWidget(self.next_button)
        self.current, self.count = 0, 1
        self.previous_button.clicked.connect(lambda: self.page_requested.emit(self.current - 1))
        self.next_button.clicked.connect(lambda: self.page_requested.emit(self.current + 1))
        self.dots.page_requested.connect(self.page_requested)

    def width_for(self, pages: int) -> int:
        """How wide the bar is with a dot for each of ``pages``."""
        return self._ctx.ui.tap_px * (pages + 2) + 2 * self._ctx.ui.gap

    def least_width(self, pages: int) -> int:
        """How wide the bar is at least: the arrows, and the words "2 / 12" where the dots would not fit."""
        words = self._ctx.label("page_of", page=self._ctx.number(pages), count=self._ctx.number(pages))
        text = QFontMetrics(self._ctx.ui.font("button")).horizontalAdvance(words)
        return min(self.width_for(pages), self._ctx.ui.tap_px * 2 + text + self._ctx.ui.gap * 3)

    def apply(self, ctx) -> None:
        ui = ctx.ui
        self._ctx = ctx
        self.layout().setSpacing(ui.gap)
        for arrow, name in ((self.previous_button, "chapters_previous"), (self.next_button, "chapters_next")):
            arrow.setFixedSize(ui.tap_px, ui.tap_px)
            arrow.setAccessibleName(ctx.label(name))
        self.dots.set_theme(ui)
        self.set_pages(self.count, self.current)

    def set_pages(self, count: int, current: int) -> None:
        self.count, self.current = count, current
        words = self._ctx.label("page_of", page=self._ctx.number(current + 1), count=self._ctx.number(count))
        self.dots.set_pages(count, current, words)
        self.dots.setAccessibleName(words)
        self.previous_button.setEnabled(current > 0)
        self.next_button.setEnabled(current < count - 1)


class ChapterGrid(QWidget):
    """The tiles on pages side by side; one page fills the view. ``position`` says which (1.5
    is halfway between the second and the third), as on a chapter's page strip."""

    page_changed = Signal(int)

    def __init__(self, tiles: list[ChapterTile], ctx, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.tiles = tiles
        self._strip = QWidget(self)
        for tile in tiles:
            tile.setParent(self._strip)
        self.bar = PageBar(self)
        self.bar.page_requested.connect(self._on_page_requested)
        self.current, self._position, self._drag_from = 0, 0.0, 0.0
        self.bar_inside = True  # under the grid; False: the home screen holds it in its header
        self.room_outside = lambda: 0  # how wide a page bar the home screen's header has room for
        self.bar_moved = lambda inside: None  # the home screen takes the bar or gives it back
        self.plan: Optional[GridPlan] = None
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(lambda value: self._set_position(float(value)))
        self._tracker = DragTracker(self, ctx.ui.tap_px / 4, self._wants_drag)
        self._tracker.dragged.connect(self._on_dragged)
        self._tracker.drag_finished.connect(self._on_drag_finished)
        self.apply(ctx)

    # --- what the home screen asks -----------------------------------------------------------

    def apply(self, ctx) -> None:
        """Another text size, language or contrast: the plan and the bar follow."""
        self.ui = ctx.ui
        self.bar.apply(ctx)
        self._update_plan()

    @property
    def pages(self) -> int:
        return self.plan.pages if self.plan else 1

    @property
    def busy(self) -> bool:
        """True while the grid moves under a finger or by itself."""
        return self._tracker.dragging or self._animation.state() == QVariantAnimation.State.Running

    def page_of(self, index: int) -> int:
        """The grid page that shows chapter ``index``'s tile."""
        return index // self.plan.per_page if self.plan else 0

    def show_page(self, page: int, animate: bool = True) -> None:
        """Slide to grid page ``page`` (kept within the pages there are)."""
        page = min(max(page, 0), self.pages - 1)
        changed = page != self.current
        self.current = page
        self.bar.set_pages(self.pages, page)
        self._slide_to(float(page), animate)
        if changed:
            self.page_changed.emit(page)

    def reset(self) -> None:
        """The first page, still, and no finger remembered."""
        self._tracker.cancel()
        self._animation.stop()
        self.show_page(0, animate=False)

    def detach(self) -> None:
        self._tracker.detach()

    # --- layout --------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_plan()

    def _place_bar(self, inside: bool) -> None:
        """The page bar under the grid (taking its room), or in the home screen's header."""
        if inside != self.bar_inside:
            self.bar_inside = inside
            self.bar_moved(inside)
            if inside:
                self.bar.setParent(self)

    def cuts(self, plan: GridPlan) -> int:
        """How many titles and teasers ``plan``'s tiles cut short."""
        return sum(tile.cuts_at(plan.tile) for tile in self.tiles)

    def plan_for(self, width: int, height: int) -> tuple[GridPlan, bool]:
        """The grid the tiles would take in ``width`` × ``height``, and whether its page bar
        would sit in the home screen's header (else under the grid, taking height)."""
        cuts = lambda size: sum(tile.cuts_at(size) for tile in self.tiles)  # noqa: E731
        words = lambda width: max((tile.words_height(width) for tile in self.tiles), default=0)  # noqa: E731
        plan = plan_grid(self.ui, len(self.tiles), width, height, 0, cuts, words)
        outside = plan.pages == 1 or self.room_outside() >= self.bar.least_width(plan.pages)
        if not outside:
            plan = plan_grid(self.ui, len(self.tiles), width, height, self.ui.tap_px + self.ui.gap, cuts, words)
        return plan, outside

    def _update_plan(self) -> None:
        width, height = self.width(), self.height()
        if width <= 0 or height <= 0:
            return
        plan, outside = self.plan_for(width, height)
        if outside:
            room = self.room_outside()
            self.bar.setFixedWidth(max(1, min(room, self.bar.width_for(plan.pages))))
        else:
            self.bar.setMinimumWidth(0)
            self.bar.setMaximumWidth(16777215)
        self._place_bar(not outside)
        self.plan = plan
        tile, gap = plan.tile, self.ui.gap
        used = min(plan.columns, len(self.tiles))
        left = (width - used * tile.width() - (used - 1) * gap) // 2 if plan.pages == 1 else 0
        grid_height = plan.rows * tile.height() + (plan.rows - 1) * gap
        # A few chapters on one page sit in the middle of the room, not at its top edge
        top = max(0, (height - grid_height) // 2) if plan.pages == 1 else 0
        extra = min((widget.art_room(tile) for widget in self.tiles), default=0)
        for index, widget in enumerate(self.tiles):
            widget.set_art_extra(extra)  # one band height on every tile: the titles line up
            page, slot = divmod(index, plan.per_page)
            row, column = divmod(slot, plan.columns)
            x = page * width + left + column * (tile.width() + gap)
            widget.setGeometry(x, top + row * (tile.height() + gap), tile.width(), tile.height())
        self._strip.resize(plan.pages * width, max(grid_height, height if plan.pages == 1 else 0))
        if self.bar_inside:
            self.bar.setGeometry(0, grid_height + gap, width, self.ui.tap_px)
        self.bar.setVisible(plan.pages > 1)
        self.current = min(self.current, plan.pages - 1)
        self.bar.set_pages(plan.pages, self.current)
        self._set_position(float(self.current))

    def _set_position(self, position: float) -> None:
        self._position = position
        self._strip.move(round(-position * self.width()), 0)

    def _slide_to(self, target: float, animate: bool) -> None:
        self._animation.stop()
        distance = abs(target - self._position)
        if not animate or distance < 1e-3 or self.ui.turn_ms <= 0:
            self._set_position(target)
            return
        self._animation.setDuration(max(1, round(self.ui.turn_ms * min(1.0, distance))))
        self._animation.setStartValue(self._position)
        self._animation.setEndValue(target)
        self._animation.start()

    # --- the finger ----------------------------------------------------------------------------

    @Slot(int)
    def _on_page_requested(self, page: int) -> None:
        if not self.busy:
            self.show_page(page)

    def _wants_drag(self, orientation: Qt.Orientation, offset: QPointF) -> bool:
        if orientation != Qt.Orientation.Horizontal or self.pages < 2:
            return False
        if self._animation.state() == QVariantAnimation.State.Running:
            return False
        self._drag_from = self._position
        return True

    @Slot(QPointF)
    def _on_dragged(self, offset: QPointF) -> None:
        self._set_position(dragged_position(self._drag_from, offset, self.width(), self.pages - 1))

    @Slot(QPointF, QPointF)
    def _on_drag_finished(self, offset: QPointF, velocity: QPointF) -> None:
        target = self.current + swipe_step(offset, velocity, self.width(), self.ui.scale)
        self.show_page(target)  # kept within the pages; where it stays, it springs back
