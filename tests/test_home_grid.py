"""The home screen holds 1 to 30 chapters at every screen and text size: a grid that pages.

Real content in tmp_path (the shipped exhibit with more or fewer chapters, tests/variants.py),
the real kiosk, a visitor's finger.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from kiosk.session import TEXT_SCALES, Screen
from tests.conftest import CONTENT
from tests.touch import settle, start_visit, swipe, tap
from tests.variants import chapters_variant

SIZES = [(1920, 1080), (1080, 1920), (1366, 768), (1280, 800), (2560, 1440)]


def shown_tiles(home) -> list[int]:
    """The chapters whose tiles the visitor sees now, wholly inside the grid."""
    grid = home.grid
    area = QRect(QPoint(0, 0), grid.size())
    return [i for i, tile in enumerate(home.tiles)
            if area.contains(QRect(tile.mapTo(grid, QPoint(0, 0)), tile.size()))]


def still(kiosk, qtbot) -> None:
    qtbot.waitUntil(lambda: not kiosk.screens.home.grid.busy)


def test_twelve_chapters_at_1366_page_by_swipe_and_a_tile_on_page_two_opens(open_kiosk, qtbot, tmp_path, clock):
    kiosk = open_kiosk(chapters_variant(tmp_path, 12), size=(1366, 768), clock=clock)
    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    fit = home.fit()
    assert (fit.pages, fit.columns, fit.rows, fit.below_minimum) == (2, 3, 2, False)
    assert not home.timeline.isVisible()  # the tiles take its room (the timeline is chapter 8)
    assert shown_tiles(home) == list(range(6))
    assert home.grid.bar.isVisible() and home.grid.bar.dots.accessibleName() == "1 / 2"
    assert not home.grid.bar.previous_button.isEnabled() and home.grid.bar.next_button.isEnabled()
    assert home.grid.bar.next_button.accessibleName() == "More chapters"

    middle = home.grid.rect().center()
    swipe(qtbot, home.grid, middle, middle - QPoint(500, 0), clock=clock)
    still(kiosk, qtbot)
    assert home.grid.current == 1 and shown_tiles(home) == list(range(6, 12))
    assert home.grid.bar.dots.accessibleName() == "2 / 2"

    tap(home.tiles[8])
    settle(kiosk, qtbot)
    state = kiosk.session.state
    assert (state.screen, state.chapter) == (Screen.CHAPTER, 8)
    assert kiosk.screens.chapter.index == 8


def test_the_arrows_and_the_dots_turn_the_grid_pages(open_kiosk, qtbot, tmp_path):
    kiosk = open_kiosk(chapters_variant(tmp_path, 30), size=(2560, 1440))
    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    bar = home.grid.bar
    fit = home.fit()
    each = fit.per_page
    assert fit.pages == 4 and bar.dots.as_dots
    tap(bar.next_button)
    still(kiosk, qtbot)
    assert home.grid.current == 1 and shown_tiles(home) == list(range(each, 2 * each))
    tap(bar.dots, bar.dots.dot_rect(3).center().toPoint())
    still(kiosk, qtbot)
    assert home.grid.current == 3 and shown_tiles(home) == list(range(3 * each, 30))
    assert not bar.next_button.isEnabled()
    tap(bar.previous_button)
    still(kiosk, qtbot)
    assert home.grid.current == 2


def test_an_idle_reset_brings_the_next_visitor_to_the_first_grid_page(open_kiosk, qtbot, tmp_path, clock):
    kiosk = open_kiosk(chapters_variant(tmp_path, 12), size=(1366, 768), clock=clock)
    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    tap(home.grid.bar.next_button)
    still(kiosk, qtbot)
    assert home.grid.current == 1
    idle = kiosk.result.exhibit.idle
    clock.advance(idle.timeout + idle.warning + 1)
    assert kiosk.session.state.screen is Screen.ATTRACT
    start_visit(kiosk, qtbot)
    assert home.grid.current == 0 and shown_tiles(home) == list(range(6))


def test_a_larger_text_gives_fewer_wider_tiles_in_place(open_kiosk, qtbot, tmp_path, clock):
    kiosk = open_kiosk(chapters_variant(tmp_path, 12), size=(1920, 1080), clock=clock)
    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    tiles = list(home.tiles)
    before = home.fit()
    tap(home.text_size_button)
    tap(home.text_size_button)
    settle(kiosk, qtbot)
    after = home.fit()
    assert kiosk.session.state.text_scale == 1.5
    assert home.tiles == tiles  # the same tiles, laid out again
    assert after.per_page < before.per_page and after.tile.width() >= before.tile.width()
    assert after.pages > before.pages and home.misfits() == []


@pytest.mark.parametrize("count", [1, 8, 12, 30])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_chapter_count_fits_every_size_and_text_size_whole(open_kiosk, qtbot, tmp_path, count, size):
    folder = CONTENT if count == 8 else chapters_variant(tmp_path, count)
    kiosk = open_kiosk(folder, size=size)
    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    for scale in TEXT_SCALES:
        kiosk.session.set_text_scale(scale)
        fit = home.fit()
        assert not fit.below_minimum, (scale, fit)
        assert fit.pages * fit.per_page >= count
        assert home.misfits() == [], scale
        # The artwork's band is between five to one and the drawings' own 16:10, the same on
        # every tile, so that the titles line up.
        assert len({tile.art.height() for tile in home.tiles}) == 1
        assert len({tile.title.y() for tile in home.tiles}) == 1
        for tile in home.tiles:
            assert tile.art.width() / 5 - 1 <= tile.art.height() <= tile.art.width() / 1.6 + 1
            assert tile.teaser.geometry().bottom() < tile.height()
            assert not tile.teaser.shown_lines() or not tile.teaser.shown_lines()[-1].endswith("…")
    if count == 8 and size[0] > size[1]:
        kiosk.session.set_text_scale(1.0)
        assert home.fit().pages == 1  # the shipped exhibit on one screen


LONG_TEASER = ("Deportations and deaths in the countryside, told village by village, year by year, "
               "from the first quotas to the last trains, with the letters the families wrote home.")


def test_a_teaser_too_long_ends_on_a_whole_word_and_is_reported(open_kiosk, qtbot, content_copy):
    chapter = content_copy / "chapters" / "07-war-on-peasants" / "chapter.yaml"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("  en: Mass deportations, and millions of deaths.",
                                    f"  en: {LONG_TEASER}"), encoding="utf-8")
    title = content_copy / "chapters" / "01-roots-of-terror" / "chapter.yaml"
    title.write_text(title.read_text(encoding="utf-8").replace(
        "  en: Roots of the terror\n", "  en: Roots of the terror inside the party and outside it, in the cities and the villages, 1917–1924\n"),
        encoding="utf-8")
    kiosk = open_kiosk(content_copy, size=(1920, 1080))
    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    misfits = {(m.chapter_index, m.field): m for m in home.misfits()}
    assert {(0, "title"), (6, "teaser")} <= set(misfits) <= {(0, "title"), (0, "teaser"), (6, "teaser")}
    assert misfits[0, "title"].lines_shown == 2 < misfits[0, "title"].lines_needed
    teaser = home.tiles[6].teaser
    shown = teaser.shown_lines()
    assert misfits[6, "teaser"].lines_shown == len(shown) < misfits[6, "teaser"].lines_needed
    assert shown[-1].endswith("…") and not shown[-1].endswith(",…")
    words = " ".join(shown)[:-1].split()
    assert words == LONG_TEASER.split()[:len(words)]  # whole words, in order, none cut
    assert home.tiles[0].title.shown_lines()[-1].endswith("…")
    assert home.fit().pages == 1  # a text too long for any tile never makes the grid page
