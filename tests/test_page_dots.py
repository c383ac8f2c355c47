"""A chapter's page dots are a control, not decoration: each is a finger-sized target, and a
tap on one turns to its page, as the home screen's dots turn its pages of tiles."""

from __future__ import annotations

from kiosk.session import Screen
from tests.touch import settle, start_visit, tap


def test_a_tap_on_a_chapters_page_dot_opens_that_page(kiosk, qtbot):
    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    tap(home.tiles[1])  # the secret police: five pages, after its advisory
    settle(kiosk, qtbot)
    if kiosk.session.state.screen is Screen.ADVISORY:
        tap(kiosk.screens.advisory.continue_button)
        settle(kiosk, qtbot)
    assert kiosk.session.state.screen is Screen.CHAPTER
    screen = kiosk.screens.chapter
    dots = screen.dots
    count = len(kiosk.result.exhibit.chapters[1].pages)
    assert dots.count == count and dots.as_dots
    side = kiosk.screens.ctx.ui.tap_px
    assert all(dots.dot_rect(page).width() >= side and dots.dot_rect(page).height() >= side
               for page in range(count))
    tap(dots, dots.dot_rect(3).center().toPoint())
    settle(kiosk, qtbot)
    assert kiosk.session.state.page == 3
    assert screen.indicator.text() == f"4 / {count}" and dots.current == 3
    assert dots.accessibleName() == f"4 / {count}"
    tap(dots, dots.dot_rect(0).center().toPoint())
    settle(kiosk, qtbot)
    assert kiosk.session.state.page == 0 and dots.current == 0


def test_beside_a_long_next_chapter_button_the_chapter_still_shows_its_dots(open_kiosk, qtbot, clock):
    """At 1366×768 in Swedish the last page's 'Nästa kapitel: …' is wide: the page indicator
    keeps its dots, and the words '5 / 5' are said once, not twice."""
    from tests.conftest import CONTENT
    from tests.touch import settle, start_visit, tap

    kiosk = open_kiosk(CONTENT, size=(1366, 768), clock=clock)
    start_visit(kiosk, qtbot)
    tap(next(b for b in kiosk.screens.home.language_buttons if b.objectName().endswith("sv")))
    settle(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    settle(kiosk, qtbot)
    screen = kiosk.screens.chapter
    while kiosk.session.state.page < len(screen.chapter.pages) - 1:
        tap(screen.next_button)
        settle(kiosk, qtbot)
    assert screen.next_button.text().startswith("Nästa kapitel")
    assert screen.dots.as_dots and screen.indicator.text() == "5 / 5"
