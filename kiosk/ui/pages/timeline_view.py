"""The line of years with an event card above each event: the timeline page's and the home screen's.

Every year of the span has its place on the line, in order; years with events are as wide
as their cards, years without are narrow, so the line stays readable without gaps of empty
screen. It scrolls sideways when it does not fit: on a chapter page the chapter screen drives
that scrolling; the home screen's compact line follows the finger itself.
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import TimelineEvent
from kiosk.ui.gestures import DragTracker
from kiosk.ui.pages.base import ViewContext
from kiosk.content.timeline import year_span
from kiosk.ui.pages.timeline_card import EventCard, unbroken
from kiosk.ui.pages.wrapping import fitting_width
from kiosk.ui.widgets import EdgeFade, overflows, scroll_area, scroll_to_start

__all__ = ["EventCard", "TimelineView", "year_span"]

CARD_EMS = {False: 7.5, True: 7.0}  # a card's least width, in its title's ems (full, compact)
TITLE_LINES = 2  # the most lines a card's title may take before the cards widen


class _Track(QWidget):
    """The line of years with the event cards above it; lays out and draws both."""

    def __init__(self, events: Sequence[TimelineEvent], ctx: ViewContext, compact: bool):
        super().__init__()
        self._ui, self._compact, self._events, ui = ctx.ui, compact, events, ctx.ui
        self.first, self.last = year_span(events)
        self.cards = [EventCard(ctx.text(e.date), ctx.text(e.title), compact, ui) for e in events]
        self._years: list[int] = []
        previous = self.first
        for card, event in zip(self.cards, events):
            card.setParent(self)
            previous = event.year if event.year is not None else previous
            self._years.append(previous)
        self.current = -1
        self.inset = 0
        self._cells: list[QRect] = []
        self._stem = ui.px(16 if compact else 24)
        self._dot = max(3, ui.px(6 if compact else 8))
        self._year_gap = ui.px(10 if compact else 14)
        self._gap = ui.gap // 2 if compact else ui.gap
        self._set_type(ctx)

    def apply(self, ctx: ViewContext) -> None:
        """The cards' words in ``ctx``'s language and every size and colour from its theme."""
        self._ui = ctx.ui
        for card, event in zip(self.cards, self._events):
            card.set_words(ctx.text(event.date), ctx.text(event.title))
            card.set_theme(ctx.ui)
        self._set_type(ctx)
        self._lay_out()
        self.update()

    def _set_type(self, ctx: ViewContext) -> None:
        """The years' font and the cards' widths and height, measured from their words."""
        self._year_font = QFont(ctx.ui.font("caption"))
        self._year_font.setFamily(ctx.ui.theme.fonts.heading)
        self._card_min = self._least_card_width(self._events, ctx)
        self._card_max = round(self._card_min * 1.35)
        self.measure()

    def _least_card_width(self, events: Sequence[TimelineEvent], ctx: ViewContext) -> int:
        """Wide enough to tap, and for every title in TITLE_LINES lines and every date in one."""
        ui, compact = ctx.ui, self._compact
        font = ui.font("card-title" if compact else "body")
        limit = ui.px(480)
        words = fitting_width([unbroken(ctx.text(e.title)) for e in events], font, TITLE_LINES, limit)
        if not compact:
            words = max(words, fitting_width([ctx.text(e.date) for e in events], ui.font("caption"), 1, limit))
        padding = 2 * (ui.px(10 if compact else 16) + max(1, ui.px(2)))
        return max(ui.tap_px, round(font.pixelSize() * CARD_EMS[compact]), math.ceil(words) + padding + 2)

    def measure(self) -> None:
        """Set the height from the cards' words: the tallest card, its stem, the line, the years."""
        heights = [card.height_for(self._card_min) for card in self.cards]
        self._card_h = max([self._ui.tap_px, *heights])
        year_h = QFontMetrics(self._year_font).height()
        self.line_y = self._card_h + self._stem
        self.setFixedHeight(self.line_y + self._dot * 2 + self._year_gap + year_h + self._year_gap)

    def _cell_widths(self, card_w: int, squeeze: float = 0.0) -> list[float]:
        """Each year's width: its cards side by side, or (no event) its number; ``squeeze`` takes
        up to 1.5 gaps off each year without an event where room is short."""
        gap, year_w = self._gap, QFontMetrics(self._year_font).horizontalAdvance("0000")
        empty = year_w + 2 * gap - min(squeeze, 1.5 * gap)
        return [count * (card_w + gap) if count else empty
                for count in (self._years.count(year) for year in range(self.first, self.last + 1))]

    def natural_width(self) -> int:
        """The width the line takes with every card at its least width."""
        return math.ceil(sum(self._cell_widths(self._card_min))) + 2 * self.inset

    def least_width(self) -> int:
        """The narrowest the line may be before it scrolls: the years without events squeezed."""
        return math.ceil(sum(self._cell_widths(self._card_min, 1.5 * self._gap))) + 2 * self.inset

    def _lay_out(self) -> None:
        room = self.width() - 2 * self.inset
        count, empty = max(1, len(self.cards)), self.last - self.first + 1 - len(set(self._years))
        short = max(0, self.natural_width() - 2 * self.inset - room)
        spare = max(0, room - (self.natural_width() - 2 * self.inset))
        card_w = min(self._card_max, self._card_min + spare // count)
        widths = self._cell_widths(card_w, short / max(1, empty))
        extra = max(0.0, room - sum(widths)) / max(1, len(widths))
        x, gap, self._cells = float(self.inset), self._gap, []
        for offset, width in enumerate(widths):
            cell = QRect(round(x), 0, round(x + width + extra) - round(x), self.height())
            self._cells.append(cell)
            x += width + extra
            indices = [i for i, y in enumerate(self._years) if y == self.first + offset]
            used = len(indices) * (card_w + gap) - gap
            left = cell.x() + (cell.width() - used) // 2
            for n, index in enumerate(indices):
                self.cards[index].setGeometry(left + n * (card_w + gap), 0, card_w, self._card_h)

    def resizeEvent(self, event) -> None:
        self._lay_out()
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        ui = self._ui
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        muted, text, accent = ui.colour("muted"), ui.colour("text"), ui.colour("accent")
        thin = max(1, ui.px(2))
        painter.setPen(QPen(muted, thin))
        y = self.line_y
        if self._cells:
            painter.drawLine(self._cells[0].left(), y, self._cells[-1].right(), y)
        tick = ui.px(8)
        painter.setFont(self._year_font)
        for offset, cell in enumerate(self._cells):
            year = self.first + offset
            painter.setPen(QPen(muted, thin))
            if offset:
                painter.drawLine(cell.left(), y - tick, cell.left(), y + tick)
            painter.setPen(text if year in self._years else muted)
            label = QRect(cell.x(), y + self._dot * 2 + self._year_gap, cell.width(), self.height())
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(year))
        for index, card in enumerate(self.cards):
            self._paint_marker(painter, card, index == self.current, muted, text, accent)

    def _paint_marker(self, painter: QPainter, card: EventCard, current: bool, muted, text, accent) -> None:
        ui, x = self._ui, card.geometry().center().x() + 0.5
        painter.setPen(QPen(accent if current else muted, max(1, ui.px(2))))
        painter.drawLine(QPointF(x, card.geometry().bottom() + 1), QPointF(x, self.line_y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent if current else text)
        radius = self._dot * (1.5 if current else 1.0)
        painter.drawEllipse(QPointF(x, self.line_y), radius, radius)


class TimelineView(QWidget):
    """Events along the years, each a card to tap; scrolls sideways when it does not fit.

    ``compact`` is the home screen's form: smaller type, one row, and it follows a sideways
    finger itself (no chapter screen drives it there). The view only announces a tap
    (``event_opened``) and marks the open event; showing its text is the parent's job.
    """

    event_opened = Signal(int)

    def __init__(self, events: Sequence[TimelineEvent], ctx: ViewContext, compact: bool = False,
                 parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._track = _Track(events, ctx, compact)
        self.area = scroll_area(Qt.Orientation.Horizontal, self)
        # The edge fades say there is more; a scroll bar would be a second line under the line.
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(self._track)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self._fades = [EdgeFade(ctx.ui, self.area, edge, self) for edge in (Qt.Edge.LeftEdge, Qt.Edge.RightEdge)]
        for index, card in enumerate(self._track.cards):
            card.clicked.connect(lambda _=False, i=index: self._on_card_clicked(i))
        self._drag_from = 0
        self._tracker: Optional[DragTracker] = None
        if compact:
            self._tracker = DragTracker(self, ctx.ui.tap_px / 4, self._wants_drag)
            self._tracker.drag_started.connect(self._on_drag_started)
            self._tracker.dragged.connect(self._on_dragged)
        self._update_height()
        self.set_inset(0)

    @property
    def cards(self) -> list[EventCard]:
        return list(self._track.cards)

    def sizeHint(self) -> QSize:
        return QSize(self._track.natural_width(), self._track.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._track.height(), self._track.height())

    def _update_height(self) -> None:
        """The strip is as high as its cards' words need."""
        self._track.measure()
        self.area.setFixedHeight(self._track.height())
        self.updateGeometry()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._update_height()

    def apply(self, ctx: ViewContext) -> None:
        """Show the line in ``ctx`` (language, text size, contrast) on the same cards, where it was."""
        self._track.apply(ctx)
        for fade in self._fades:
            fade.set_theme(ctx.ui)
        self._update_height()
        self._fit_width(self.width())
        self._place_fades()

    def set_inset(self, inset: int) -> None:
        """Space before the first and after the last year, inside the scrolling (page margins)."""
        self._track.inset = inset
        self._track.setMinimumWidth(self._track.natural_width())
        self.updateGeometry()

    def _fit_width(self, width: int) -> None:
        """Squeeze the years without events only where that makes the whole line fit."""
        least, natural = self._track.least_width(), self._track.natural_width()
        self._track.setMinimumWidth(least if width >= least else natural)

    def current(self) -> int:
        """The open event's index, or -1."""
        return self._track.current

    def set_current(self, index: int) -> None:
        """Mark the event ``index`` as open (-1: none) and scroll it into view."""
        previous, self._track.current = self._track.current, index
        for i in (previous, index):
            if 0 <= i < len(self._track.cards):
                self._track.cards[i].set_selected(i == index)
        if 0 <= index < len(self._track.cards):
            self.area.ensureWidgetVisible(self._track.cards[index], self._track.inset, 0)
        self._track.update()

    def reset(self) -> None:
        self.set_current(-1)
        self.reset_scroll()
        if self._tracker is not None:
            self._tracker.cancel()

    def detach(self) -> None:
        """Stop following fingers for good (the screen is going)."""
        if self._tracker is not None:
            self._tracker.detach()

    def reset_scroll(self) -> None:
        """Back to the first year."""
        scroll_to_start(self.area)

    def scroll_area_for(self, orientation: Qt.Orientation) -> Optional[QAbstractScrollArea]:
        """The sideways scroll area while the line does not fit, else None."""
        if orientation == Qt.Orientation.Horizontal and overflows(self.area, orientation):
            return self.area
        return None

    @Slot(int)
    def _on_card_clicked(self, index: int) -> None:
        """A card was tapped: say so. On the page the card is marked as the open event; on the
        home screen's compact line a card is a way in, not a choice, and nothing stays marked."""
        if self._tracker is None:
            self.set_current(index)
        self.event_opened.emit(index)

    def _wants_drag(self, orientation: Qt.Orientation, offset: QPointF) -> bool:
        return self.scroll_area_for(orientation) is not None

    @Slot(object, QPointF)
    def _on_drag_started(self, orientation, start: QPointF) -> None:
        """A sideways drag began on the compact line: it follows the finger."""
        self._drag_from = self.area.horizontalScrollBar().value()

    @Slot(QPointF)
    def _on_dragged(self, offset: QPointF) -> None:
        """The finger moved: the line moves with it."""
        self.area.horizontalScrollBar().setValue(round(self._drag_from - offset.x()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_width(event.size().width())
        self._place_fades()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._place_fades()

    def _place_fades(self) -> None:
        self.layout().activate()
        for fade in self._fades:
            fade.place()
