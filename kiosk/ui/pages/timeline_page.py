"""The timeline page: events along a line of years; tap one to read what happened.

The line itself is ``TimelineView`` (in ``timeline_view``), which the home screen shows small.
The page opens with the first event already told, so it is never an empty page under a
line, and the marked card shows what a tap does. On a portrait screen the line and the
event sit a little above the middle and the date is set large. Buttons under the event's text
step from one event to the next; a sideways swipe on the line runs along the years.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractScrollArea, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import TimelineEvent, TimelinePage
from kiosk.ui.pages.base import PageView, ViewContext, set_words
from kiosk.ui.pages.timeline_view import EventCard, TimelineView, year_span
from kiosk.ui.widgets import (
    GridColumn, MarkdownLabel, button, measure, overflows, restyle, scroll_area, scroll_to_start, text_label,
    title_block,
)

__all__ = ["EventCard", "EventDetail", "TimelinePageView", "TimelineView", "year_span"]

PORTRAIT_DROP = 160  # design px between the title and the line on a portrait page


class TimelinePageView(PageView):
    """A TimelinePage: the title, the line of events, and the open event's text below it."""

    event_opened = Signal(int)

    def __init__(self, page: TimelinePage, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(page, ctx, parent)
        ui = ctx.ui
        header = GridColumn(ui)
        self.title_label = title_block(ctx.text(page.title), ui, header)
        self.bind_text(self.title_label, page.title)
        self.timeline = TimelineView(page.events, ctx)
        self.timeline.set_inset(ui.margin)
        self.timeline.event_opened.connect(self._on_event_opened)
        self.detail = EventDetail(ctx)
        self.detail.closed.connect(self.close_event)
        self.detail.step_requested.connect(self._on_step_requested)
        body = GridColumn(ui)
        body.add_wide(self.detail)  # the text inside keeps to the measure
        content = QWidget()
        column = self._column = QVBoxLayout(content)
        column.setContentsMargins(0, ui.gap, 0, 0)  # under the event, the chapter's own controls keep apart
        column.setSpacing(0)
        column.addWidget(header)
        column.addSpacing(0)  # portrait: the line comes down the page
        column.addWidget(self.timeline)
        column.addSpacing(ui.gap)
        column.addWidget(body)
        column.addStretch(1)
        # Where the page is too low for the line and an open event, the page scrolls up.
        self._area = scroll_area(Qt.Orientation.Vertical, self)
        self._area.setWidget(content)
        # The open event's panel grows with its text a few layout passes after the tap: each
        # time the page's height changes, the whole panel is brought into view again.
        self._area.verticalScrollBar().rangeChanged.connect(self._reveal_event)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._area)
        self._portrait = False
        self._revealing = False  # an event was tapped: its panel is kept in view as it grows
        self._open_first()

    def _update_style(self) -> None:
        self.timeline.apply(self.ctx)
        self.detail.apply(self.ctx)

    def open_event(self, index: int) -> None:
        """Show the event ``index``'s text (as a tap on it does)."""
        events = self.page.events
        self.timeline.set_current(index)
        self.detail.show_event(events[index], events[index - 1] if index > 0 else None,
                               events[index + 1] if index + 1 < len(events) else None)
        self._area.widget().layout().activate()
        self._revealing = True
        self._reveal_event()

    @Slot()
    def _reveal_event(self) -> None:
        """Scroll the page so that the tapped event's panel shows whole, if it can."""
        if self._revealing and self.detail.isVisibleTo(self):
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

    @Slot(int)
    def _on_step_requested(self, step: int) -> None:
        """The event before or after the open one was asked for."""
        index = self.current_event() + step
        if 0 <= index < len(self.page.events):
            self._on_event_opened(index)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        if portrait != self._portrait:
            self._portrait = portrait
            self.detail.set_portrait(portrait)
            # On a tall page the line comes down from the title; the event's text grows downwards,
            # so the line stays put from one event to the next.
            self._column.itemAt(1).changeSize(0, self.ctx.ui.px(PORTRAIT_DROP) if portrait else 0)
            self._column.invalidate()
            self._column.activate()

    def _open_first(self) -> None:
        """The first event told, the line and the page at their start."""
        if self.page.events:
            self.open_event(0)
        self._revealing = False  # the page opens at its top, with its title
        self.timeline.reset_scroll()
        scroll_to_start(self._area)

    def reset(self) -> None:
        self.close_event()
        self.timeline.reset()
        self._open_first()

    def scroll_area_for(self, orientation: Qt.Orientation) -> Optional[QAbstractScrollArea]:
        if orientation == Qt.Orientation.Vertical:
            return self._area if overflows(self._area, orientation) else None
        return self.timeline.scroll_area_for(orientation)


class EventDetail(QWidget):
    """A panel with one event's date, title and text, and a close button.

    Two buttons under the text, named by the dates they lead to, step to the event before and
    after. On a portrait page (``set_portrait``) the date is set large.
    """

    closed = Signal()
    step_requested = Signal(int)  # -1: the event before, +1: the one after

    def __init__(self, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        ui, self._ctx = ctx.ui, ctx
        self.setProperty("role", "panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._shown: tuple[Optional[TimelineEvent], ...] = (None, None, None)  # the event, before, after
        self.date_label = text_label("", "eyebrow")
        self.title_label = text_label("", "heading")
        self.text_label = MarkdownLabel("", "body")
        self.close_button = button(ctx.label("close"), "quiet", "close-event")
        self.close_button.clicked.connect(self.closed)
        self.earlier_button, self.later_button = button("", "quiet", "earlier"), button("", "quiet", "later")
        self.earlier_button.clicked.connect(lambda _=False: self.step_requested.emit(-1))
        self.later_button.clicked.connect(lambda _=False: self.step_requested.emit(1))
        words = QVBoxLayout()
        words.setSpacing(ui.px(8))
        for label in (self.date_label, self.title_label):
            words.addWidget(label)
        words.addSpacing(ui.px(12))
        words.addWidget(self.text_label)
        self._keep_to_measure(ui)
        top = QHBoxLayout()
        top.setSpacing(ui.gap * 2)
        top.addLayout(words, 1)
        self._corner = QHBoxLayout()  # landscape: the steps beside Close, so the panel stays low
        self._corner.setSpacing(ui.gap)
        self._corner.addWidget(self.close_button)
        top.addLayout(self._corner)
        top.setAlignment(self._corner, Qt.AlignmentFlag.AlignTop)
        # Portrait: the steps under the text, at either side. A layout, not a widget: the steps
        # move between it and the corner without changing parent (a reparented button is
        # hidden, and missed by touch).
        self._steps = QHBoxLayout()
        self._steps.setContentsMargins(0, ui.px(20), 0, 0)
        self._steps.addStretch(1)
        layout = QVBoxLayout(self)
        pad = ui.px(36)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addLayout(self._steps)
        self._portrait: Optional[bool] = None
        self.set_portrait(False)
        self.hide()

    def set_portrait(self, portrait: bool) -> None:
        """The date set large and the steps under the text (portrait), or the date quiet and
        the steps beside Close (landscape)."""
        restyle(self.date_label, role="date" if portrait else "eyebrow")
        if portrait == self._portrait:
            return
        self._portrait = portrait
        if portrait:
            self._steps.insertWidget(0, self.earlier_button)
            self._steps.addWidget(self.later_button)
        else:
            self._corner.insertWidget(0, self.earlier_button)
            self._corner.insertWidget(1, self.later_button)
        self._show_steps()

    def _keep_to_measure(self, ui) -> None:
        """The words keep to a comfortable line, however wide the panel."""
        for label in (self.date_label, self.title_label, self.text_label):
            label.setMaximumWidth(measure(ui))

    def _show_steps(self) -> None:
        """A step to each neighbour the open event has; a step to nowhere is no button."""
        _, earlier, later = self._shown
        self.earlier_button.setVisible(earlier is not None)
        self.later_button.setVisible(later is not None)

    def apply(self, ctx: ViewContext) -> None:
        """The same event (if one is shown) told in ``ctx``'s language."""
        self._ctx = ctx
        self._keep_to_measure(ctx.ui)
        set_words(self.close_button, ctx.label("close"))
        if self._shown[0] is not None:
            self._set_words(*self._shown)

    def _set_words(self, event: TimelineEvent, earlier: Optional[TimelineEvent],
                   later: Optional[TimelineEvent]) -> None:
        ctx = self._ctx
        self.date_label.setText(ctx.text(event.date))
        self.title_label.setText(ctx.text(event.title))
        self.text_label.set_markdown(ctx.text(event.text))
        self.text_label.setVisible(event.text is not None)
        for step, other, text in ((self.earlier_button, earlier, "\u2039  {}"),
                                  (self.later_button, later, "{}  \u203a")):
            step.setText(text.format(ctx.text(other.date)) if other is not None else "")
            step.setEnabled(other is not None)

    def show_event(self, event: TimelineEvent, earlier: Optional[TimelineEvent] = None,
                   later: Optional[TimelineEvent] = None) -> None:
        self._shown = (event, earlier, later)
        self._set_words(event, earlier, later)
        self._show_steps()
        self.show()



