"""A visitor at the kiosk: touch taps and swipes through the shipped exhibit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.session import Screen
from tests.touch import settle, start_visit, swipe, tap, two_finger_tap


def first_plain_chapter(kiosk):
    return next(i for i, c in enumerate(kiosk.result.exhibit.chapters) if not c.advisory and len(c.pages) > 2)


def open_plain_chapter(kiosk, qtbot):
    start_visit(kiosk, qtbot)
    index = first_plain_chapter(kiosk)
    tap(kiosk.screens.home.tiles[index])
    assert kiosk.session.state.screen is Screen.CHAPTER
    settle(kiosk, qtbot)
    return index


def test_the_first_touch_only_starts_the_visit(kiosk, qtbot):
    home = kiosk.screens.home
    tile = home.tiles[0]
    where = tile.mapTo(kiosk.window, tile.rect().center())
    tap(kiosk.screens.attract, kiosk.screens.attract.mapFrom(kiosk.window, where))
    assert kiosk.window.current_screen() is home
    assert kiosk.session.state.screen is Screen.HOME  # the tile under the finger was not pressed


def test_a_tile_opens_its_chapter_and_the_buttons_turn_pages(kiosk, qtbot):
    index = open_plain_chapter(kiosk, qtbot)
    screen = kiosk.screens.chapter
    count = len(kiosk.result.exhibit.chapters[index].pages)
    assert screen.indicator.text() == f"1 / {count}"
    tap(screen.next_button)
    qtbot.waitUntil(lambda: not screen.busy)
    assert kiosk.session.state.page == 1 and screen.indicator.text() == f"2 / {count}"
    tap(screen.previous_button)
    qtbot.waitUntil(lambda: not screen.busy)
    assert kiosk.session.state.page == 0


def test_a_swipe_turns_the_page_and_a_short_drag_springs_back(kiosk, qtbot, clock):
    open_plain_chapter(kiosk, qtbot)
    stack = kiosk.screens.chapter.stack
    middle = stack.rect().center()
    swipe(qtbot, stack, middle + QPoint(300, 0), middle - QPoint(300, 0), clock=clock)
    qtbot.waitUntil(lambda: not stack.busy)
    assert kiosk.session.state.page == 1
    assert stack.current_view().geometry().x() == 0
    swipe(qtbot, stack, middle, middle + QPoint(60, 0), steps=6, step_ms=40, clock=clock)  # 250 px/s
    qtbot.waitUntil(lambda: not stack.busy)
    assert kiosk.session.state.page == 1
    assert stack.current_view().geometry().x() == 0
    swipe(qtbot, stack, middle - QPoint(300, 0), middle + QPoint(300, 0), clock=clock)
    qtbot.waitUntil(lambda: not stack.busy)
    assert kiosk.session.state.page == 0


@pytest.mark.parametrize("step_ms, turns", [(5, True), (50, False)])
def test_a_short_flick_turns_the_page_only_when_it_is_quick(kiosk, qtbot, clock, step_ms, turns):
    """80 px in four steps, far short of a third of the page: 5 ms a step (4000 px/s) is a
    flick and turns the page; 50 ms a step (400 px/s over the last moves, under the 500 a
    flick needs) springs back. Only the test's clock says how fast the finger went."""
    open_plain_chapter(kiosk, qtbot)
    stack = kiosk.screens.chapter.stack
    middle = stack.rect().center()
    swipe(qtbot, stack, middle, middle - QPoint(80, 0), steps=4, step_ms=step_ms, clock=clock)
    qtbot.waitUntil(lambda: not stack.busy)
    assert kiosk.session.state.page == (1 if turns else 0)
    assert stack.current_view().geometry().x() == 0


def test_a_swipe_begun_right_after_a_tap_turns_the_page(kiosk, qtbot, clock):
    """Qt makes a finger that lands within the double-click time of the last one a double
    click, wherever it lands; the swipe that follows a tap at once is a swipe all the same."""
    open_plain_chapter(kiosk, qtbot)
    stack = kiosk.screens.chapter.stack
    middle = stack.rect().center()
    tap(stack, middle)
    swipe(qtbot, stack, middle + QPoint(300, 0), middle - QPoint(300, 0), clock=clock)
    qtbot.waitUntil(lambda: not stack.busy)
    assert kiosk.session.state.page == 1


def test_a_burst_of_taps_turns_one_page(kiosk, qtbot):
    open_plain_chapter(kiosk, qtbot)
    screen = kiosk.screens.chapter
    for _ in range(4):
        tap(screen.next_button)
    qtbot.waitUntil(lambda: not screen.busy)
    assert kiosk.session.state.page == 1


def test_a_burst_of_taps_on_a_tile_opens_one_chapter_at_its_start(kiosk, qtbot):
    start_visit(kiosk, qtbot)
    settle(kiosk, qtbot)
    index = first_plain_chapter(kiosk)
    tile = kiosk.screens.home.tiles[index]
    for _ in range(3):
        tap(tile)
    assert (kiosk.session.state.screen, kiosk.session.state.chapter, kiosk.session.state.page) == \
        (Screen.CHAPTER, index, 0)


def test_a_second_finger_opens_nothing_more(kiosk, qtbot):
    start_visit(kiosk, qtbot)
    settle(kiosk, qtbot)
    tiles = kiosk.screens.home.tiles
    two_finger_tap(tiles[1], tiles[2])
    assert kiosk.session.state.chapter == 1


def test_the_advisory_lets_the_visitor_continue_or_skip(kiosk, qtbot):
    exhibit = kiosk.result.exhibit
    index = next(i for i, c in enumerate(exhibit.chapters) if c.advisory)
    start_visit(kiosk, qtbot)
    settle(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[index])
    advisory = kiosk.screens.advisory
    assert kiosk.window.current_screen() is advisory
    assert advisory.message.text() == exhibit.chapters[index].advisory.get("en")
    settle(kiosk, qtbot)
    tap(advisory.continue_button)
    assert kiosk.session.state.screen is Screen.CHAPTER and kiosk.session.state.chapter == index
    settle(kiosk, qtbot)
    tap(kiosk.screens.chapter.home_button)
    settle(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[index])
    settle(kiosk, qtbot)
    tap(advisory.skip_button)
    assert kiosk.session.state.chapter == index + 1


def test_the_quit_keys_do_not_close_the_kiosk(kiosk, qtbot):
    window = kiosk.window
    for key, modifier in ((Qt.Key_Escape, Qt.NoModifier), (Qt.Key_F4, Qt.AltModifier),
                          (Qt.Key_Q, Qt.ControlModifier), (Qt.Key_W, Qt.ControlModifier)):
        QTest.keyClick(window, key, modifier)
    assert window.isVisible()
    window.close()
    assert window.isVisible()


def test_the_sources_panel_opens_and_closes(kiosk, qtbot):
    exhibit = kiosk.result.exhibit
    index = next(i for i, c in enumerate(exhibit.chapters) if not c.advisory and c.pages[0].sources)
    start_visit(kiosk, qtbot)
    settle(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[index])
    settle(kiosk, qtbot)
    screen = kiosk.screens.chapter
    assert screen.sources_button.isVisible()
    tap(screen.sources_button)
    panel = kiosk.screens.sources
    assert panel is not None and panel.isVisible()
    assert panel.sources() == [s.get("en") for s in exhibit.chapters[index].pages[0].sources]
    tap(panel.close_button)
    assert kiosk.screens.sources is None
    assert kiosk.window.current_screen() is screen
