"""The home screen: the chapters as large tiles on a grid that pages, the timeline, and the
language choice.

The fit checks ask it what does not fit, measured on the real tiles at the real size:
``misfits()`` lists each title over two lines and each teaser cut short, ``fit()`` says how
many grid pages the chapters take and whether the tiles are below their least size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.home_grid import ChapterGrid
from kiosk.ui.pages.base import Texts, ViewContext
from kiosk.ui.tiles import TITLE_LINES, ChapterTile
from kiosk.ui.widgets import language_buttons, restyle, text_size_button

@dataclass(frozen=True)
class TileMisfit:
    """A tile's text that does not fit: a title over two lines, or a teaser cut short (it
    ends in an ellipsis)."""

    chapter_index: int
    field: str  # "title" or "teaser"
    lines_needed: int
    lines_shown: int


@dataclass(frozen=True)
class HomeFit:
    """Whether the home screen holds its chapters, as laid out now."""

    chapters: int
    pages: int  # grid pages the visitor swipes through (1: all on one screen)
    columns: int
    rows: int
    tile: QSize
    least: QSize  # the least tile size at this text size
    below_minimum: bool  # the tiles are smaller than that: the screen is too small for them

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


class HomeScreen(QWidget):
    """Chapters, timeline and languages. It only asks; the window decides."""

    chapter_requested = Signal(int)
    timeline_event_requested = Signal(int)
    language_requested = Signal(str)
    text_size_requested = Signal()

    def __init__(self, ctx: ViewContext, timeline: Optional[QWidget] = None, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "screen")
        self.setObjectName("home")
        self._texts = Texts(ctx)
        self._texts.bind(self.setAccessibleName, lambda c: c.label("chapters"))
        ui = ctx.ui
        self.tiles = [ChapterTile(i, c, ctx) for i, c in enumerate(ctx.exhibit.chapters)]
        for index, tile in enumerate(self.tiles):
            tile.clicked.connect(lambda _=False, i=index: self.chapter_requested.emit(i))
        self.grid = ChapterGrid(self.tiles, ctx)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(ui.margin, ui.margin // 2, ui.margin, ui.margin // 2)
        outer.setSpacing(ui.gap)
        outer.addLayout(self._header())
        self.grid.room_outside, self.grid.bar_moved = self._room_in_header, self._on_bar_moved
        outer.addWidget(self.grid, 1)
        self.timeline = timeline
        if timeline is not None:
            timeline.event_opened.connect(self.timeline_event_requested)
            heading = self._timeline_heading = QLabel()
            heading.setProperty("role", "eyebrow")
            self._texts.bind(heading, lambda c: c.label("timeline"))
            outer.addWidget(heading)
            outer.addWidget(timeline)

    def apply(self, ctx: ViewContext) -> None:
        """Show the screen in ``ctx``: its words, the chosen language marked, the tiles, the timeline."""
        self.ctx = ctx
        self._texts.apply(ctx)
        for tile in self.tiles:
            tile.apply(ctx)
        self._fit_title()  # first: the page bar takes the room the title leaves in the header
        if self.timeline is not None:
            self.timeline.apply(ctx)
        self.grid.apply(ctx)
        self._place_timeline()

    def set_visited(self, chapter_ids) -> None:
        """Mark the tiles of the chapters opened in this visit (``chapter_ids``)."""
        for tile in self.tiles:
            tile.set_visited(tile.chapter.id in chapter_ids)

    def reset(self) -> None:
        """As the next visitor should find it: the first grid page, no timeline event picked,
        scrolled to the start."""
        self.grid.reset()
        if self.timeline is not None:
            self.timeline.reset()

    def _header(self) -> QHBoxLayout:
        ctx = self.ctx
        title = QLabel()
        title.setProperty("role", "title")
        title.setWordWrap(True)
        self._texts.bind(title, lambda c: c.text(c.exhibit.title))
        header = self._header_layout = QHBoxLayout()
        self._title = title
        header.setSpacing(ctx.ui.gap)
        header.addWidget(title, 1)  # the subtitle is the attract screen's: here the tiles need the room
        self.language_buttons = language_buttons(ctx, self._texts, self.language_requested.emit)
        for choice in self.language_buttons:
            header.addWidget(choice, 0, Qt.AlignTop)
        self._bar_slot = QHBoxLayout()  # the grid's page bar, on a landscape screen
        self._bar_slot.setContentsMargins(0, 0, 0, 0)
        header.addLayout(self._bar_slot)
        self.text_size_button = text_size_button(ctx, self._texts)
        self.text_size_button.clicked.connect(self.text_size_requested)
        header.addWidget(self.text_size_button, 0, Qt.AlignTop)
        return header

    def _beside_title(self) -> int:
        """The width the header's buttons take beside the exhibit's title (the page bar not
        counted), with the spaces between them."""
        header = self._header_layout
        taken = 0
        for index in range(header.count()):
            widget = header.itemAt(index).widget()
            if widget is not None and widget not in (self._title, self.grid.bar) and not widget.isHidden():
                taken += widget.sizeHint().width()
        return taken + header.spacing() * header.count()

    def _room_in_header(self) -> int:
        """How wide a page bar the header holds beside the exhibit's title (on a landscape
        screen the bar sits there, and the tiles keep the height)."""
        title = self._title.fontMetrics().horizontalAdvance(self._title.text())
        return self.width() - 2 * self.ctx.ui.margin - title - self._beside_title()

    def _fit_title(self) -> None:
        """The exhibit's title on one line beside the buttons: set as a heading where the title
        size would wrap it (large text on a small screen), so that the tiles keep their height."""
        room = self.width() - 2 * self.ctx.ui.margin - self._beside_title()
        wide = QFontMetrics(self.ctx.ui.font("title")).horizontalAdvance(self._title.text())
        role = "title" if wide <= room else "heading"
        if self._title.property("role") != role:
            restyle(self._title, role=role)
            self._title.updateGeometry()
            self._header_layout.invalidate()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_title()
        self._place_timeline()

    def _place_timeline(self) -> None:
        """The timeline under the tiles only where they lose nothing by it: no more grid pages,
        no more words cut short, nothing under its least size. Else (large text, a small
        screen, many chapters) the tiles take its room; the timeline is a chapter of its own."""
        grid = self.grid
        if self.timeline is None or grid.width() <= 0:
            return
        layout, margins = self.layout(), self.layout().contentsMargins()
        taken = self._timeline_heading.sizeHint().height() + self.timeline.sizeHint().height() + 2 * layout.spacing()
        # The grid's height without the timeline, from the screen's (the layout may not have
        # caught up with a new text size yet).
        room = (self.height() - margins.top() - margins.bottom() - self._header_layout.sizeHint().height()
                - layout.spacing())
        with_it, _ = grid.plan_for(grid.width(), room - taken)
        without, _ = grid.plan_for(grid.width(), room)
        keep = not with_it.below_minimum and (with_it.pages, grid.cuts(with_it)) <= (without.pages, grid.cuts(without))
        if keep != self.timeline.isVisibleTo(self):
            self._timeline_heading.setVisible(keep)
            self.timeline.setVisible(keep)

    def _on_bar_moved(self, inside: bool) -> None:
        if inside:
            self._bar_slot.removeWidget(self.grid.bar)
        else:
            self._bar_slot.addWidget(self.grid.bar)

    # --- what the fit checks ask -----------------------------------------------------------

    def misfits(self) -> list[TileMisfit]:
        """Each tile title over two lines and each teaser cut short, as the tiles are laid out
        at the screen's size now (a change still waiting for the layout is laid out first)."""
        self.layout().activate()
        found = []
        for index, tile in enumerate(self.tiles):
            title, teaser = tile.title, tile.teaser
            if title.needed > TITLE_LINES:
                found.append(TileMisfit(index, "title", title.needed, len(title.shown_lines())))
            if teaser.cut:
                found.append(TileMisfit(index, "teaser", teaser.needed, len(teaser.shown_lines())))
        return found

    def fit(self) -> HomeFit:
        """How the chapters sit on the grid now: pages, columns, rows, tile size."""
        self.layout().activate()
        plan = self.grid.plan
        return HomeFit(len(self.tiles), plan.pages, plan.columns, plan.rows, plan.tile, plan.least,
                       plan.below_minimum)
