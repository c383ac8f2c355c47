"""From chapter to chapter: the last page's Next says where it leads, the page indicator keeps
the middle of the screen, and the home tiles mark the chapters a visitor has opened until the
idle reset. The real kiosk on the shipped exhibit, a finger, a clock the test moves on."""

from __future__ import annotations

import pytest

from kiosk.session import Screen
from tests.touch import settle, start_visit, tap


def through_advisory(kiosk, qtbot) -> None:
    if kiosk.session.state.screen is Screen.ADVISORY:
        tap(kiosk.screens.advisory.continue_button)
        settle(kiosk, qtbot)


def open_by_tile(kiosk, qtbot, index: int) -> None:
    tap(kiosk.screens.home.tiles[index])
    settle(kiosk, qtbot)
    through_advisory(kiosk, qtbot)
    assert (kiosk.session.state.screen, kiosk.session.state.chapter) == (Screen.CHAPTER, index)


def to_last_page(kiosk, qtbot) -> None:
    screen = kiosk.screens.chapter
    while kiosk.session.state.page < len(screen.chapter.pages) - 1:
        tap(screen.next_button)
        settle(kiosk, qtbot)


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_next_on_a_chapters_last_page_names_the_next_chapter_and_opens_it(open_kiosk, qtbot, clock, size):
    from tests.conftest import CONTENT

    kiosk = open_kiosk(CONTENT, size=size, clock=clock)
    chapters = kiosk.result.exhibit.chapters
    start_visit(kiosk, qtbot)
    open_by_tile(kiosk, qtbot, 0)
    screen = kiosk.screens.chapter
    assert screen.next_button.text() == "Next  ›"  # on the first page: a page, not a chapter
    dots = screen.dots
    where = dots.mapTo(kiosk.window, dots.rect().center()).x()
    assert abs(where - kiosk.window.width() / 2) <= kiosk.window.width() / 8  # about the middle
    to_last_page(kiosk, qtbot)
    title = kiosk.screens.ctx.spoken(chapters[1].title)
    assert screen.next_button.text() == f"Next chapter: {title}  ›"
    assert screen.next_button.accessibleName() == f"Next chapter: {title}  ›"
    assert dots.mapTo(kiosk.window, dots.rect().center()).x() == where  # the indicator has not moved
    assert screen.next_button.width() <= kiosk.window.width() / 3 + kiosk.screens.ctx.ui.px(60)
    tap(screen.next_button)
    settle(kiosk, qtbot)
    through_advisory(kiosk, qtbot)
    assert (kiosk.session.state.chapter, kiosk.session.state.page) == (1, 0)
    assert screen.next_button.text() == "Next  ›"


def test_the_last_chapters_last_page_leads_home(kiosk, qtbot):
    chapters = kiosk.result.exhibit.chapters
    start_visit(kiosk, qtbot)
    open_by_tile(kiosk, qtbot, len(chapters) - 1)
    to_last_page(kiosk, qtbot)
    screen = kiosk.screens.chapter
    assert screen.next_button.text() == "Home  ›"
    tap(screen.next_button)
    settle(kiosk, qtbot)
    assert kiosk.session.state.screen is Screen.HOME


def test_visited_chapters_are_marked_on_home_until_the_idle_reset(kiosk, qtbot, clock):
    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    assert not any(tile.visited for tile in home.tiles)
    for index in (0, 2):
        open_by_tile(kiosk, qtbot, index)
        tap(kiosk.screens.chapter.home_button)
        settle(kiosk, qtbot)
    assert [tile.visited for tile in home.tiles] == [i in (0, 2) for i in range(len(home.tiles))]
    assert home.tiles[0].art.mark == "Visited" and home.tiles[1].art.mark == ""
    assert home.tiles[2].accessibleDescription().startswith("Visited. ")
    tap(home.language_buttons[1])  # in Swedish, the mark says so in Swedish
    settle(kiosk, qtbot)
    assert home.tiles[0].art.mark == "Besökt"
    idle = kiosk.result.exhibit.idle
    clock.advance(idle.timeout + idle.warning + 1)  # the visitor walks away: the next one starts afresh
    assert kiosk.session.state.screen is Screen.ATTRACT and kiosk.session.state.visited == frozenset()
    start_visit(kiosk, qtbot)
    assert not any(tile.visited or tile.art.mark for tile in home.tiles)
