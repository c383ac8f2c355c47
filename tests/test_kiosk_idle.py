"""A visitor who walks away: the kiosk asks if anyone is there, counts down, and starts over.

Every kiosk here runs on a small exhibit of its own (``small_content``) and on a clock that
stands still until the test moves it on; the kiosk's idle deadline runs on that clock too,
and falls due while the test moves it. So what the kiosk says depends on the clock alone,
and no test waits for the time a visitor walks away. The texts asserted are that exhibit's
labels.
"""

from __future__ import annotations

import re
import subprocess
import sys

from PySide6.QtCore import QPoint, Qt

from kiosk.session import Screen
from tests.conftest import REPO
from tests.touch import settle, start_visit, swipe, tap


def open_story(kiosk, qtbot):
    start_visit(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    assert kiosk.session.state.screen is Screen.CHAPTER
    settle(kiosk, qtbot)
    return kiosk.screens.chapter


def turn_page(kiosk, qtbot):
    tap(kiosk.screens.chapter.next_button)
    settle(kiosk, qtbot)


def test_after_the_timeout_the_kiosk_asks_counts_down_and_starts_over(open_kiosk, small_content, qtbot, clock):
    kiosk = open_kiosk(small_content(timeout=1, warning=1.5), clock=clock)
    overlay = kiosk.idle_overlay
    start_visit(kiosk, qtbot)
    assert not overlay.isVisible()
    clock.advance(1)
    assert overlay.isVisible()
    assert overlay.question.text() == "Are you still there?"
    assert overlay.countdown.text() == "Starting over in 2 s"  # 1.5 s left: the count rounds up
    assert overlay.continue_button.text() == "Yes, continue"
    clock.advance(1)
    assert overlay.countdown.text() == "Starting over in 1 s"
    assert overlay.isVisible()
    assert kiosk.window.current_screen() is kiosk.screens.home
    clock.advance(0.5)
    assert kiosk.window.current_screen() is kiosk.screens.attract
    assert not overlay.isVisible()
    assert kiosk.session.state.screen is Screen.ATTRACT


def test_starting_over_puts_every_screen_back(open_kiosk, small_content, qtbot, clock):
    kiosk = open_kiosk(small_content(timeout=1, warning=1), clock=clock)
    screen = open_story(kiosk, qtbot)
    stack = screen.stack
    text = stack.current_view()
    area = text.scroll_area_for(Qt.Vertical)
    assert area is not None, "the long read must be long enough to scroll"
    middle = stack.rect().center()
    swipe(qtbot, stack, middle + QPoint(0, 200), middle - QPoint(0, 200), clock=clock)
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0)

    turn_page(kiosk, qtbot)
    chart = stack.current_view().chart
    tap(chart, chart.bar_rect(0, 1).center().toPoint())
    assert chart.revealed == (0, 1) and chart.callout.isVisible()

    turn_page(kiosk, qtbot)
    timeline = stack.current_view()
    as_first_seen = timeline.current_event(), timeline.detail.isHidden()
    tap(timeline.timeline.cards[2])
    assert timeline.current_event() == 2 and timeline.detail.isVisible()
    tap(screen.sources_button)
    assert kiosk.screens.sources is not None and kiosk.screens.sources.isVisible()
    assert screen.indicator.text() == "3 / 4"

    clock.advance(1)
    assert kiosk.idle_overlay.isVisible()
    clock.advance(1)
    assert kiosk.window.current_screen() is kiosk.screens.attract
    assert kiosk.session.state == kiosk.session.initial_state()
    assert kiosk.screens.sources is None
    assert area.verticalScrollBar().value() == 0
    assert chart.revealed is None and chart.callout.isHidden()
    assert (timeline.current_event(), timeline.detail.isHidden()) == as_first_seen

    settle(kiosk, qtbot)
    open_story(kiosk, qtbot)  # the next visitor begins at the beginning
    assert stack.current_view() is text and screen.indicator.text() == "1 / 4"
    assert area.verticalScrollBar().value() == 0


def test_starting_over_brings_back_the_first_language(open_kiosk, small_content, qtbot, clock):
    kiosk = open_kiosk(small_content(timeout=1, warning=1), clock=clock)
    start_visit(kiosk, qtbot)
    swedish = next(b for b in kiosk.screens.home.language_buttons if b.objectName() == "language-sv")
    tap(swedish)
    assert kiosk.session.state.language == "sv"
    assert kiosk.screens.home.tiles[0].accessibleName() == "Berättelsen"
    clock.advance(1)
    assert kiosk.idle_overlay.isVisible()
    assert kiosk.idle_overlay.question.text() == "Är du kvar?"
    assert kiosk.idle_overlay.countdown.text() == "Börjar om om 1 s"
    clock.advance(1)
    assert kiosk.window.current_screen() is kiosk.screens.attract
    assert kiosk.session.state.language == "en"
    assert kiosk.screens.attract.invitation.text() == "Touch the screen to begin"
    settle(kiosk, qtbot)
    start_visit(kiosk, qtbot)
    assert kiosk.screens.home.tiles[0].accessibleName() == "The story"


def test_a_touch_anywhere_calls_off_the_warning_and_presses_nothing(open_kiosk, small_content, qtbot, clock):
    kiosk = open_kiosk(small_content(timeout=1, warning=5), clock=clock)
    screen = open_story(kiosk, qtbot)
    pressed = []
    screen.next_button.pressed.connect(lambda: pressed.append(True))
    clock.advance(1)
    assert kiosk.idle_overlay.isVisible()
    with qtbot.waitSignal(kiosk.idle.warning_cancelled, timeout=1000):
        tap(screen.next_button)  # the overlay lies over it
    assert not kiosk.idle_overlay.isVisible()
    assert pressed == []
    assert kiosk.window.current_screen() is screen and screen.indicator.text() == "1 / 4"
    turn_page(kiosk, qtbot)  # the visit goes on, and no tap after it is lost
    assert pressed == [True] and screen.indicator.text() == "2 / 4"
    turn_page(kiosk, qtbot)
    turn_page(kiosk, qtbot)
    assert pressed == [True, True, True] and screen.indicator.text() == "4 / 4"


def test_the_big_button_continues_the_visit_and_the_wait_starts_again(open_kiosk, small_content, qtbot, clock):
    kiosk = open_kiosk(small_content(timeout=1, warning=5), clock=clock)
    overlay = kiosk.idle_overlay
    start_visit(kiosk, qtbot)
    clock.advance(1)
    assert overlay.isVisible()
    assert overlay.countdown.text() == "Starting over in 5 s"
    clock.advance(3)  # the count goes down with the clock
    assert overlay.countdown.text() == "Starting over in 2 s"
    with qtbot.waitSignal(kiosk.idle.warning_cancelled, timeout=1000):
        tap(overlay.continue_button)
    assert not overlay.isVisible()
    assert kiosk.window.current_screen() is kiosk.screens.home
    # the next question comes a whole timeout after the tap, with the whole countdown
    clock.advance(1)
    assert overlay.isVisible()
    assert overlay.countdown.text() == "Starting over in 5 s"
    assert kiosk.window.current_screen() is kiosk.screens.home


def test_a_page_with_its_own_idle_timeout_waits_longer(open_kiosk, small_content, qtbot, clock):
    kiosk = open_kiosk(small_content(timeout=1, warning=2, page_timeout=3), clock=clock)
    screen = open_story(kiosk, qtbot)
    for _ in range(3):
        turn_page(kiosk, qtbot)
    assert screen.indicator.text() == "4 / 4"
    assert screen.stack.current_view().title_label.text() == "A page for study"
    # after three quiet seconds the exhibit's timeout (1 s) and warning (2 s) are both over;
    # only the page's own 3 s make this the start of the warning, with all of it to count down
    clock.advance(3)
    assert kiosk.idle_overlay.isVisible()
    assert kiosk.idle_overlay.countdown.text() == "Starting over in 2 s"
    assert kiosk.window.current_screen() is screen


def test_the_attract_screen_never_asks(open_kiosk, small_content, qtbot, clock):
    kiosk = open_kiosk(small_content(timeout=1, warning=1), clock=clock)
    assert kiosk.window.current_screen() is kiosk.screens.attract
    clock.advance(3600)  # an hour with no one at the kiosk
    assert not clock.waiting()  # nothing is waiting to ask
    assert not kiosk.idle_overlay.isVisible()
    start_visit(kiosk, qtbot)  # the wait starts at the first touch, not at the last visit
    assert clock.waiting()
    clock.advance(1)
    assert kiosk.idle_overlay.isVisible()
    assert kiosk.idle_overlay.countdown.text() == "Starting over in 1 s"


LEAKY = """
from kiosk.content.loader import load_exhibit
from tests.conftest import CONTENT, make_kiosk
from tests.touch import tap


def test_leaves_the_kiosk_running(qtbot):
    kiosk = make_kiosk(qtbot, load_exhibit(CONTENT))
    tap(kiosk.screens.attract)  # the visit starts, and the idle timer with it


def test_stops_the_kiosk(qtbot):
    kiosk = make_kiosk(qtbot, load_exhibit(CONTENT))
    tap(kiosk.screens.attract)
    kiosk.stop()
"""


def test_a_kiosk_left_running_fails_its_test_naming_the_idle_timer(tmp_path):
    """The suite's dangling-timer check (conftest), run on two tests of its own in a fresh pytest."""
    test_file = tmp_path / "test_leak.py"
    test_file.write_text(LEAKY, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-c", str(REPO / "pyproject.toml"),
         "--rootdir", str(REPO), str(test_file)],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert re.search(r"\b2 passed, 1 error\b", done.stdout), done.stdout
    assert "ERROR at teardown of test_leaves_the_kiosk_running" in done.stdout
    assert "1 QTimer(s) left running after the test" in done.stdout
    assert re.search(r"Started at:\n.*kiosk/ui/idle\.py:\d+ in reschedule", done.stdout), done.stdout
