"""One grid: a visitor tapping Next through the whole shipped exhibit sees every page's title
and body hang from the same left edge, and the header's buttons and the chapter's name stay in
their places, whatever the page kind, at each screen size. Nothing jumps during a swipe."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from kiosk.session import Screen
from kiosk.ui.pages.chart_page import ChartPageView
from kiosk.ui.pages.figure_page import FigurePageView
from kiosk.ui.pages.image_page import ImagePageView
from kiosk.ui.pages.quote_page import QuotePageView
from kiosk.ui.pages.text_page import TextPageView
from kiosk.ui.pages.timeline_page import TimelinePageView
from tests.touch import settle, start_visit, tap


def body_of(view):
    """Where the page's own matter starts, by page kind."""
    parts = {TextPageView: "body_label", FigurePageView: "figure_label", QuotePageView: "mark",
             ImagePageView: "image_view", ChartPageView: "chart", TimelinePageView: "detail"}
    return getattr(view, parts[type(view)])


def title_of(view):
    return view.title if isinstance(view, ChartPageView) else view.title_label


def left_in(window, widget) -> int:
    return widget.mapTo(window, widget.rect().topLeft()).x()


def slot(window, widget) -> QRect:
    """Where a header widget sits, shown or not (a hidden one keeps its place)."""
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def walk_pages(kiosk, qtbot):
    """Every page of every chapter, reached by tapping a tile, then Next, Next, …"""
    start_visit(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    settle(kiosk, qtbot)
    screen = kiosk.screens.chapter
    while kiosk.session.state.screen is not Screen.HOME:
        if kiosk.session.state.screen is Screen.ADVISORY:
            tap(kiosk.screens.advisory.continue_button)
            settle(kiosk, qtbot)
        yield screen.stack.current_view()
        tap(screen.next_button)
        settle(kiosk, qtbot)


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_hangs_from_one_left_edge_under_a_header_that_keeps_still(open_kiosk, qtbot, clock, size,
                                                                           content_copy):
    """The shipped exhibit, with a quotation page added (it has none of its own)."""
    from tests.test_page_views import QUOTE_PAGE

    chapter_file = content_copy / "chapters" / "01-roots-of-terror" / "chapter.yaml"
    chapter_file.write_text(chapter_file.read_text(encoding="utf-8").rstrip("\n") + "\n" + QUOTE_PAGE,
                            encoding="utf-8")
    kiosk = open_kiosk(content_copy, size=size, clock=clock)
    window, screen = kiosk.window, kiosk.screens.chapter
    header = [screen.home_button, screen.chapter_title, *screen.language_buttons, screen.text_size_button,
              screen.sources_button]
    titles, bodies, headers, kinds = {}, {}, set(), set()
    for view in walk_pages(kiosk, qtbot):
        where = f"{screen.chapter.id}/{view.page.id}"
        kinds.add(type(view))
        if title_of(view) is not None:
            titles[where] = left_in(window, title_of(view))
        bodies[where] = left_in(window, body_of(view))
        headers.add(tuple((w.objectName() or "title", slot(window, w).getRect()) for w in header))
    assert len(kinds) == 6, kinds  # every page kind was seen
    edge = kiosk.screens.ctx.ui.margin * 2
    assert {where: x for where, x in titles.items() if x != edge} == {}
    assert {where: x for where, x in bodies.items() if x != edge} == {}
    assert len(headers) == 1, sorted(headers)
