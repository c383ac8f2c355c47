"""The timeline: events along a line of years; tap one to read what happened.

``TimelineView`` is the line itself, reused small (``compact``) on the home screen.
Every year of the span has its place on the line, in order; years with events are as wide
as their cards, years without are narrow, so the line stays readable without gaps of empty
screen. It scrolls sideways when it does not fit; the chapter screen drives that scrolling.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from PySide6.QtCore import QPointF, QRect, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from kiosk.content.model import TimelineEvent, TimelinePage
from kiosk.ui.pages.base import PageView, ViewContext
from kiosk.ui.theme import UiTheme
from kiosk.ui.widgets import (
    EdgeFade, GridColumn, MarkdownLabel, overflows, scroll_area, scroll_to_start, text_label,
    title_block,
)

YEAR = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")
CARD_EMS = {False: 7.5, True: 7.0}  # a card's least width, in its title's ems (full, compact)


def year_span(events: Sequence[TimelineEvent]) -> tuple[int, int]:
    """The first and last year of the line: the events' years, and any year in their dates."""
    years = [e.year for e in events if e.year is not None]
    for event in events:
        years += [int(y) for text in event.date.all() for y in YEAR.findall(text)]
    return (min(years), max(years)) if years else (0, -1)


class EventCard(QPushButton):
    """One event on the line: its date over its title (compact: the title only; the line shows
    the year). A tap, decided on release, opens it."""

    def __init__(self, date: str, title: str, compact: bool, ui: UiTheme):
        super().__init__()
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(f"{date}, {title}")
        layout = QVBoxLayout(self)
        pad = ui.px(12 if compact else 16)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(ui.px(6))
        self.date_label = text_label(date, "caption")
        self.title_label = text_label(title, "caption" if compact else "body")
        self.date_label.setVisible(not compact)
        for label in (self.date_label, self.title_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def set_selected(self, selected: bool) -> None:
        self.setProperty("selected", selected)
        self.style().unpolish(self)
        self.style().polish(self)


class _Track(QWidget):
    """The line of years with the event cards above it; lays out and draws both."""

    def __init__(self, events: Sequence[TimelineEvent], ctx: ViewContext, compact: bool):
        super().__init__()
        self._ui, self._compact, ui = ctx.ui, compact, ctx.ui
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
        self._year_font = QFont(ui.font("caption"))
        self._year_font.setFamily(ui.theme.fonts.heading)
        title_px = ui.text_px(ui.theme.sizes.caption if compact else ui.theme.sizes.body)
        self._card_min = max(ui.tap_px, round(title_px * CARD_EMS[compact]))
        self._card_max = round(self._card_min * 1.35)
        self._stem = ui.px(16 if compact else 24)
        self._dot = max(3, ui.px(6 if compact else 8))
        self._year_gap = ui.px(10 if compact else 14)
        self._gap = ui.gap // 2 if compact else ui.gap
        self._measure_heights()

    def _measure_heights(self) -> None:
        for card in self.cards:
            card.ensurePolished()
        heights = [card.heightForWidth(self._card_min) for card in self.cards]
        self._card_h = max([self._ui.tap_px, *heights])
        year_h = QFontMetrics(self._year_font).height()
        self.line_y = self._card_h + self._stem
        self.setFixedHeight(self.line_y + self._dot * 2 + self._year_gap + year_h + self._year_gap)

    def _cell_widths(self, card_w: int) -> list[int]:
        gap, year_w = self._gap, QFontMetrics(self._year_font).horizontalAdvance("0000")
        widths = []
        for year in range(self.first, self.last + 1):
            count = self._years.count(year)
            widths.append(count * (card_w + gap) if count else year_w + 2 * gap)
        return widths

    def natural_width(self) -> int:
        return sum(self._cell_widths(self._card_min)) + 2 * self.inset

    def _lay_out(self) -> None:
        room = self.width() - 2 * self.inset
        count = max(1, len(self.cards))
        spare = max(0, room - (self.natural_width() - 2 * self.inset))
        card_w = min(self._card_max, self._card_min + spare // count)
        widths = self._cell_widths(card_w)
        extra = max(0, room - sum(widths)) / max(1, len(widths))
        x, gap, self._cells = float(self.inset), self._gap, []
        for offset, width in enumerate(widths):
            cell = QRect(round(x), 0, round(width + extra), self.height())
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
        if current:
            bar = max(2, ui.px(4))
            painter.fillRect(card.x(), card.geometry().bottom() + 1 + ui.px(4), card.width(), bar, accent)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent if current else text)
        radius = self._dot * (1.5 if current else 1.0)
        painter.drawEllipse(QPointF(x, self.line_y), radius, radius)


class TimelineView(QWidget):
    """Events along the years, each a card to tap; scrolls sideways when it does not fit.

    ``compact`` is the home screen's form: smaller type, one row. The view only announces
    a tap (``event_opened``) and marks the open event; showing its text is the parent's job.
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
        self.area.setFixedHeight(self._track.height())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self._fades = [EdgeFade(ctx.ui, self.area, edge, self) for edge in (Qt.Edge.LeftEdge, Qt.Edge.RightEdge)]
        for index, card in enumerate(self._track.cards):
            card.clicked.connect(lambda _=False, i=index: self._on_card_clicked(i))
        self.set_inset(0)

    @property
    def cards(self) -> list[EventCard]:
        return list(self._track.cards)

    def set_inset(self, inset: int) -> None:
        """Space before the first and after the last year, inside the scrolling (page margins)."""
        self._track.inset = inset
        self._track.setMinimumWidth(self._track.natural_width())

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
        scroll_to_start(self.area)

    def scroll_area_for(self, orientation: Qt.Orientation) -> Optional[QAbstractScrollArea]:
        """The sideways scroll area while the line does not fit, else None."""
        if orientation == Qt.Orientation.Horizontal and overflows(self.area, orientation):
            return self.area
        return None

    @Slot(int)
    def _on_card_clicked(self, index: int) -> None:
        """A card was tapped: mark it and say so."""
        self.set_current(index)
        self.event_opened.emit(index)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_fades()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._place_fades()

    def _place_fades(self) -> None:
        self.layout().activate()
        for fade in self._fades:
            fade.place()


class TimelinePageView(PageView):
    """A TimelinePage: the title, the line of events, and the open event's text below it."""

    event_opened = Signal(int)

    def __init__(self, page: TimelinePage, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(page, ctx, parent)
        ui = ctx.ui
        header = GridColumn(ui)
        self.title_label = title_block(ctx.text(page.title), ui, header)
        self.timeline = TimelineView(page.events, ctx)
        self.timeline.set_inset(ui.margin)
        self.timeline.event_opened.connect(self._on_event_opened)
        self.detail = EventDetail(ctx)
        self.detail.closed.connect(self.close_event)
        body = GridColumn(ui)
        body.add_text(self.detail)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, ui.gap, 0, ui.gap)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.timeline)
        column.addSpacing(ui.gap)
        column.addWidget(body)
        column.addStretch(1)
        # Where the page is too low for the line and an open event, the page scrolls up.
        self._area = scroll_area(Qt.Orientation.Vertical, self)
        self._area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._area)

    def open_event(self, index: int) -> None:
        """Show the event ``index``'s text (as a tap on it does)."""
        self.timeline.set_current(index)
        self.detail.show_event(self.page.events[index])
        self._area.widget().layout().activate()
        self._area.ensureWidgetVisible(self.detail, 0, self.ctx.ui.gap)

    @Slot()
    def close_event(self) -> None:
        """Close the open event."""
        self.timeline.set_current(-1)
        self.detail.hide()

    def current_event(self) -> int:
        return self.timeline.current()

    @Slot(int)
    def _on_event_opened(self, index: int) -> None:
        """An event card was tapped."""
        self.open_event(index)
        self.event_opened.emit(index)

    def reset(self) -> None:
        self.close_event()
        self.timeline.reset()
        scroll_to_start(self._area)

    def scroll_area_for(self, orientation: Qt.Orientation) -> Optional[QAbstractScrollArea]:
        if orientation == Qt.Orientation.Vertical:
            return self._area if overflows(self._area, orientation) else None
        return self.timeline.scroll_area_for(orientation)


class EventDetail(QWidget):
    """A panel with one event's date, title and text, and a close button."""

    closed = Signal()

    def __init__(self, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        ui, self._ctx = ctx.ui, ctx
        self.setProperty("role", "panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.date_label = text_label("", "eyebrow")
        self.title_label = text_label("", "subtitle")
        self.text_label = MarkdownLabel("", "body")
        self.close_button = QPushButton(ctx.label("close"))
        self.close_button.setProperty("role", "quiet")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.closed)
        words = QVBoxLayout()
        words.setSpacing(ui.px(6))
        for label in (self.date_label, self.title_label):
            words.addWidget(label)
        words.addSpacing(ui.px(8))
        words.addWidget(self.text_label)
        row = QHBoxLayout(self)
        pad = ui.px(28)
        row.setContentsMargins(pad + ui.px(8), pad, pad, pad)
        row.setSpacing(ui.gap * 2)
        row.addLayout(words, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_event(self, event: TimelineEvent) -> None:
        ctx = self._ctx
        self.date_label.setText(ctx.text(event.date))
        self.title_label.setText(ctx.text(event.title))
        self.text_label.set_markdown(ctx.text(event.text))
        self.text_label.setVisible(event.text is not None)
        self.show()
