"""The kiosk on the floor outside its opening hours: the closed card (or black), touches that do
nothing, the attract screen back at opening, and the nightly restart.

Each floor runs on a private copy of the shipped exhibit with opening hours added, on a clock
that stands still until the test moves it; the floor's wall clock moves with it (conftest's
``StillClock.wall``), so opening and closing fall due as the test moves time on, never by
waiting. Taps are real touch events on the real window.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from kiosk.session import Screen
from tests.conftest import running
from tests.test_kiosk_staff import PIN, enter_pin, open_pin_pad, set_idle
from tests.touch import settle, start_visit, swipe, tap

HOURS = """\
opening_hours:
  default: 10:00-17:00
  monday: closed
closed_screen: {screen}
{restart}admin:
"""


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """Day ``day`` of a week in March 2026 (0 = Monday 2 March) at hour:minute, local time."""
    return datetime(2026, 3, 2 + day, hour, minute)


def with_hours(folder: Path, screen: str = "card", restart: str = "") -> Path:
    exhibit = folder / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    restart_line = f'nightly_restart: "{restart}"\n' if restart else ""
    exhibit.write_text(text.replace("admin:\n", HOURS.format(screen=screen, restart=restart_line), 1),
                       encoding="utf-8")
    return folder


@pytest.fixture
def hours_floor(open_floor, content_copy, qtbot, clock):
    """``hours_floor(when, screen=…, restart=…, idle=…)``: the exhibit with opening hours (10:00 to
    17:00, closed on Mondays), started at ``when``; its running kiosk."""

    def start(when: datetime, screen: str = "card", restart: str = "", idle: float = 90):
        set_idle(content_copy, timeout=idle, warning=20)
        with_hours(content_copy, screen, restart)
        clock.set_wall(when)
        floor = open_floor(content_copy, clock=clock)
        return floor, running(floor, qtbot)

    return start


def advance_to(clock, when: datetime) -> None:
    clock.advance(when.timestamp() - clock.wall())


def test_outside_the_hours_the_closed_card_shows_and_touches_do_nothing(hours_floor, qtbot, clock):
    floor, kiosk = hours_floor(at(1, 8))  # Tuesday 08:00
    card = floor.schedule.screen
    assert kiosk.window.current_screen() is card
    assert card.lines() == ["Before the Great Terror", "Closed", "Open again Tuesday at 10:00",
                            "Stängt · Öppnar igen på tisdag kl. 10:00"]
    attract = kiosk.screens.attract
    for widget, point in ((card, None), (card, QPoint(40, 40)), (card, QPoint(card.width() - 40, 900))):
        tap(widget, point)  # the whole screen starts a visit when the kiosk is open
        settle(kiosk, qtbot)
    swipe(qtbot, card, QPoint(1500, 500), QPoint(300, 500), clock=clock)
    tap(card, attract.invitation.geometry().center())  # where 'Touch the screen to begin' would be
    assert kiosk.session.state.screen is Screen.ATTRACT
    assert kiosk.window.current_screen() is card
    assert not attract.isVisible()  # the attract loop does not run behind the card


def test_at_opening_the_attract_screen_returns_and_takes_a_visitor(hours_floor, qtbot, clock):
    floor, kiosk = hours_floor(at(1, 9, 30))
    assert floor.schedule.closed
    advance_to(clock, at(1, 9, 59))
    assert floor.schedule.closed
    advance_to(clock, at(1, 10))
    assert kiosk.window.current_screen() is kiosk.screens.attract
    start_visit(kiosk, qtbot)
    assert kiosk.window.current_screen() is kiosk.screens.home


def test_a_visitor_at_closing_time_finishes_the_visit_then_the_card_shows(hours_floor, qtbot, clock):
    floor, kiosk = hours_floor(at(1, 16, 59), idle=90)
    start_visit(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    settle(kiosk, qtbot)
    advance_to(clock, at(1, 17))
    assert kiosk.session.state.screen is Screen.CHAPTER  # not cut off mid-page
    assert not floor.schedule.closed
    clock.advance(90 + 20)  # the visitor walks away: the idle reset
    assert kiosk.session.state.screen is Screen.ATTRACT
    assert kiosk.window.current_screen() is floor.schedule.screen
    assert floor.schedule.screen.lines()[-2:] == ["Open again Wednesday at 10:00",
                                                  "Stängt · Öppnar igen på onsdag kl. 10:00"]


def test_the_card_names_the_next_open_day(hours_floor, qtbot, clock):
    floor, kiosk = hours_floor(at(6, 18))  # Sunday evening; Monday is closed
    assert floor.schedule.screen.lines()[-2:] == ["Open again Tuesday at 10:00",
                                                  "Stängt · Öppnar igen på tisdag kl. 10:00"]
    advance_to(clock, at(7, 12))  # Monday noon, still closed
    assert floor.schedule.closed
    assert floor.schedule.screen.lines()[-2:] == ["Open again Tuesday at 10:00",
                                                  "Stängt · Öppnar igen på tisdag kl. 10:00"]


def test_staff_get_in_while_closed_and_the_card_is_back_when_they_leave(hours_floor, qtbot, clock):
    floor, kiosk = hours_floor(at(0, 12))
    pad = open_pin_pad(kiosk, qtbot, clock)
    assert pad.isVisible()
    enter_pin(kiosk, PIN, qtbot)
    assert kiosk.window.current_screen() is kiosk.staff.screen
    settle(kiosk, qtbot)
    tap(kiosk.staff.screen.back_button)
    assert kiosk.session.state.screen is Screen.ATTRACT
    assert kiosk.window.current_screen() is floor.schedule.screen


def test_closed_screen_black_shows_nothing_and_takes_no_touch(hours_floor, qtbot, clock):
    floor, kiosk = hours_floor(at(1, 20), screen="black")
    card = floor.schedule.screen
    assert kiosk.window.current_screen() is card
    assert card.lines() == []
    picture = kiosk.window.grab().toImage()
    corners_and_middle = [(0, 0), (1919, 1079), (960, 540), (300, 800)]
    assert {picture.pixelColor(x, y).name() for x, y in corners_and_middle} == {QColor("#000000").name()}
    tap(card)
    assert kiosk.session.state.screen is Screen.ATTRACT and kiosk.window.current_screen() is card


def test_the_nightly_restart_comes_on_the_attract_screen(hours_floor, qtbot, clock):
    floor, kiosk = hours_floor(at(1, 3), restart="03:30")
    advance_to(clock, at(1, 3, 29))
    assert not floor.restarting
    with qtbot.waitSignal(floor.exit_requested, timeout=1000):
        advance_to(clock, at(1, 3, 30))
    assert floor.restarting


def test_a_visit_under_way_puts_the_restart_off_to_its_end(hours_floor, qtbot, clock):
    floor, kiosk = hours_floor(at(1, 12), restart="12:01", idle=90)  # open: a visitor can be there
    start_visit(kiosk, qtbot)
    advance_to(clock, at(1, 12, 1))
    assert not floor.restarting
    assert kiosk.session.state.screen is Screen.HOME
    with qtbot.waitSignal(floor.exit_requested, timeout=1000):
        clock.advance(90 + 20)  # the idle reset ends the visit
    assert floor.restarting


SWEDISH = """\
  closed: {en: Closed, sv: Stängt}
  open_again: {en: "Open again {day} at {time}", sv: "Öppet igen {day} kl. {time}"}
"""


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_the_card_speaks_every_language_of_the_exhibit(open_floor, small_content, qtbot, clock, size, tmp_path):
    folder = with_hours(small_content())
    exhibit = folder / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("labels:\n", "labels:\n" + SWEDISH, 1),
                       encoding="utf-8")
    clock.set_wall(at(1, 18))
    floor = open_floor(folder, clock=clock, size=size)
    running(floor, qtbot)
    card = floor.schedule.screen
    assert card.lines() == ["A small exhibit", "Closed", "Open again Wednesday at 10:00",
                            "Stängt · Öppet igen onsdag kl. 10:00"]
    floor.window.grab().save(str(tmp_path / f"closed-{size[0]}.png"))  # to look at


def test_new_content_brings_its_own_hours(hours_floor, content_copy, qtbot, clock):
    floor, kiosk = hours_floor(at(1, 19))
    assert floor.schedule.closed
    exhibit = content_copy / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    exhibit.write_text(text.replace("  default: 10:00-17:00\n", "  default: 10:00-21:00\n"), encoding="utf-8")
    with qtbot.waitSignal(kiosk.content_reloaded, timeout=10000):
        floor.feed.request()  # what the admin screen's reload button asks for
    assert kiosk.window.current_screen() is kiosk.screens.attract  # open till 21:00 now
    advance_to(clock, at(1, 21))
    assert kiosk.window.current_screen() is floor.schedule.screen
