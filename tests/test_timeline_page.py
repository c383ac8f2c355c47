"""The timeline page in the kiosk: a sideways swipe on the line of events moves the line, never
the page, even at the line's end; one begun on the rest of the page turns the page. The open
event's panel steps to the events before and after it, in landscape too. A visitor's finger on
the shipped exhibit at 1920×1080."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScroller

from kiosk.session import Screen
from tests.touch import settle, start_visit, swipe, tap


def open_timeline(kiosk, qtbot):
    """From home: the timeline chapter's tile, then Next to its page of events."""
    start_visit(kiosk, qtbot)
    chapters = kiosk.result.exhibit.chapters
    index = next(i for i, c in enumerate(chapters) if any(p.type == "timeline" for p in c.pages))
    tap(kiosk.screens.home.tiles[index])
    settle(kiosk, qtbot)
    if kiosk.session.state.screen is Screen.ADVISORY:
        tap(kiosk.screens.advisory.continue_button)
        settle(kiosk, qtbot)
    screen = kiosk.screens.chapter
    while screen.stack.current_view().page.type != "timeline":
        tap(screen.next_button)
        settle(kiosk, qtbot)
    return screen.stack.current_view()


def swipe_left_on(kiosk, qtbot, clock, widget) -> None:
    middle = widget.rect().center()
    swipe(qtbot, widget, middle + QPoint(200, 0), middle - QPoint(200, 0), clock=clock)
    viewport = widget.viewport() if hasattr(widget, "viewport") else None
    if viewport is not None:
        scroller = QScroller.scroller(viewport)
        qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive)
    settle(kiosk, qtbot)


def test_a_swipe_on_the_line_moves_the_line_and_one_beside_it_turns_the_page(kiosk, qtbot, clock):
    view = open_timeline(kiosk, qtbot)
    page = kiosk.session.state.page
    strip = view.timeline.area
    bar = strip.horizontalScrollBar()
    assert bar.maximum() > 0  # the shipped line is longer than the screen
    swipe_left_on(kiosk, qtbot, clock, strip)
    assert bar.value() > 0 and kiosk.session.state.page == page
    for _ in range(20):  # on to the line's end
        if bar.value() == bar.maximum():
            break
        swipe_left_on(kiosk, qtbot, clock, strip)
    assert bar.value() == bar.maximum()
    swipe_left_on(kiosk, qtbot, clock, strip)  # at the end: the line stays, and so does the page
    assert kiosk.session.state.page == page and bar.value() == bar.maximum()
    swipe_left_on(kiosk, qtbot, clock, view.detail)  # on the event's panel: the next page
    assert kiosk.session.state.page == page + 1


def test_the_open_event_steps_to_its_neighbours_in_landscape(kiosk, qtbot, clock):
    view = open_timeline(kiosk, qtbot)
    events = view.page.events
    detail = view.detail
    assert view.current_event() == 0 and not detail.earlier_button.isVisible()
    assert detail.later_button.isVisible() and detail.later_button.text() == f"{events[1].date.get('en')}  ›"
    tap(detail.later_button)
    settle(kiosk, qtbot)
    assert view.current_event() == 1 and detail.title_label.text() == events[1].title.get("en")
    assert detail.earlier_button.isVisible()
    tap(detail.earlier_button)
    settle(kiosk, qtbot)
    assert view.current_event() == 0
