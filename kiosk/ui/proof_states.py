"""Every state a visitor can bring a page to, reached the way the visitor reaches it.

``page_states`` walks the page now on the chapter screen through them, calling ``shoot(suffix,
state)`` at each: the screens of a page that scrolls, one viewport at a time down to its end;
each event of a timeline opened (a tap on its card); each bar or point of a chart with its
figure revealed (what a tap on it shows); the sources panel (a tap on Sources). Afterwards the
page is as it first was.

Charts reveal every figure, not one per chart: each callout has its own figure, unit and note,
and its own place on the chart, and a reviewer checks each against the source.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt

Shoot = Callable[[str, str], None]  # (name suffix, what the visitor did, in words)


def page_states(kiosk, shoot: Shoot) -> None:
    """Shoot the current page's first screen and every state it can be brought to."""
    chapter = kiosk.screens.chapter
    view = chapter.stack.current_view()
    events = len(getattr(view.page, "events", ())) if view is not None else 0
    shoot("", f"as the page opens, event 1 of {events} told" if events else "as the page opens")
    if view is None:
        return
    _scrolled(view, shoot)
    if hasattr(view, "open_event"):
        _events(kiosk, view, shoot)
    if getattr(view, "chart", None) is not None:
        _reveals(kiosk, view, shoot)
    if view.page.sources:
        chapter.sources_button.click()  # a tap on a button is its click
        shoot("sources", "Sources tapped: the panel open over the page")
        panel = kiosk.screens.sources
        if panel is not None:
            panel.close_button.click()
    view.reset()


def scroll_positions(maximum: int, step: int) -> list[int]:
    """Where each screen after the first starts: one viewport further each, the last at the end."""
    if maximum <= 0 or step <= 0:
        return []
    positions = list(range(step, maximum, step))
    return positions + [maximum]


def _scrolled(view, shoot: Shoot) -> None:
    area = view.scroll_area_for(Qt.Orientation.Vertical)
    if area is None:
        return
    bar = area.verticalScrollBar()
    positions = scroll_positions(bar.maximum(), area.viewport().height())
    total = len(positions) + 1
    for number, position in enumerate(positions, 2):
        bar.setValue(position)
        shoot(f"scroll-{number:02d}", f"scrolled down: screen {number} of {total}")
    bar.setValue(0)


def _events(kiosk, view, shoot: Shoot) -> None:
    """Each event after the first (the page opens with the first told) opened by a tap on its card."""
    cards = view.timeline.cards
    events = view.page.events
    ctx = kiosk.screens.ctx
    for index in range(1, len(cards)):
        cards[index].click()
        shoot(f"event-{index + 1:02d}",
              f"event {index + 1} of {len(events)} tapped: {ctx.text(events[index].date)}")


def _reveals(kiosk, view, shoot: Shoot) -> None:
    """Each bar or point tapped in turn, in reading order: category by category, series by series."""
    chart = view.chart
    spec = chart.spec
    keys = sorted(chart.plot.bars, key=lambda key: (key[1], key[0]))
    ctx = kiosk.screens.ctx
    for number, (series, category) in enumerate(keys, 1):
        chart.reveal(series, category)  # what a tap on the bar calls (ChartView._on_tap)
        names = [ctx.text(spec.categories_resolved[category])]
        if len(spec.series_resolved) > 1:
            names.insert(0, ctx.text(spec.series_resolved[series].label))
        shoot(f"reveal-{number:02d}", f"bar {number} of {len(keys)} tapped: {' · '.join(names)}")
    chart.clear_reveal()
