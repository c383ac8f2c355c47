"""An exception in a handler never leaves the kiosk half-working.

Each test makes a real bug happen once (a method of the kiosk that raises the first time it
is called, as a bug in it would) and checks what the kiosk's own exception hook then does:
the error is logged once, with its traceback; the kiosk is back on the attract screen with
the session and the screen in step; and the next visitor's visit, idle reset included, works.

pytest-qt's capture of exceptions in Qt's slots is off here: the kiosk's hook must handle them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from kiosk.session import Screen, VisitorSession
from kiosk.ui.pages.text_page import TextPageView
from kiosk.ui.pagestack import PageStack
from kiosk.ui.recovery import Recovery
from tests.touch import settle, start_visit, tap

pytestmark = pytest.mark.qt_no_exception_capture

STARTS_OVER = "unexpected error: the kiosk starts over at the attract screen"


class Bug(Exception):
    """The bug a test makes happen."""


def fail(monkeypatch, owner, name: str, times: int = 1) -> list:
    """Make ``owner.name`` raise ``Bug`` the next ``times`` times it is called, then work again;
    returns the list of failures so far."""
    real = getattr(owner, name)
    failed: list = []

    def failing(*args, **kwargs):
        if len(failed) < times:
            failed.append(name)
            raise Bug(f"a bug in {name}")
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)
    return failed


@pytest.fixture
def recovering():
    """``recovering(kiosk)``: the kiosk's exception hook and Qt message handler, for this test."""
    installed = []

    def install(kiosk):
        installed.append(Recovery(kiosk.recover).install())
        return kiosk

    yield install
    for recovery in reversed(installed):
        recovery.uninstall()


@pytest.fixture
def errors(caplog):
    """The kiosk's log records of level ERROR and above, as they come."""
    caplog.set_level(logging.INFO, logger="kiosk")
    return lambda: [record for record in caplog.records if record.levelno >= logging.ERROR]


def with_advisory(folder: Path) -> Path:
    """The small exhibit's chapter behind a content advisory."""
    chapter = folder / "chapters" / "01-story" / "chapter.yaml"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("pages:\n", "advisory: Some pages tell of deaths.\npages:\n", 1),
                       encoding="utf-8")
    return folder


def assert_logged_once(records, name: str) -> None:
    assert [record.getMessage() for record in records] == [STARTS_OVER]
    kind, error, _ = records[0].exc_info
    assert kind is Bug and str(error) == f"a bug in {name}"


def assert_started_over(kiosk, qtbot, clock) -> None:
    """On the attract screen, session and screen in step; the next visit works, and so does
    its idle reset."""
    session, screens, window = kiosk.session, kiosk.screens, kiosk.window
    assert session.state == session.initial_state()
    assert window.current_screen() is screens.attract
    assert not kiosk.idle_overlay.isVisible()
    settle(kiosk, qtbot)
    start_visit(kiosk, qtbot)
    tap(screens.home.tiles[0])
    settle(kiosk, qtbot)
    if session.state.screen is Screen.ADVISORY:
        assert window.current_screen() is screens.advisory
        tap(screens.advisory.continue_button)
        settle(kiosk, qtbot)
    assert session.state.screen is Screen.CHAPTER and window.current_screen() is screens.chapter
    assert screens.chapter.indicator.text() == "1 / 4"
    clock.advance(session.idle_timeout())
    assert kiosk.idle_overlay.isVisible()
    clock.advance(session.exhibit.idle.warning)
    assert session.state == session.initial_state()
    assert window.current_screen() is screens.attract and not kiosk.idle_overlay.isVisible()


def test_an_exception_in_a_slot_is_logged_once_and_the_kiosk_starts_over(
        open_kiosk, small_content, recovering, errors, qtbot, clock):
    kiosk = recovering(open_kiosk(small_content(), clock=clock))
    start_visit(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    settle(kiosk, qtbot)
    screen = kiosk.screens.chapter

    def broken() -> None:
        raise Bug("a bug in a handler of the next button")

    screen.next_button.clicked.connect(broken)
    tap(screen.next_button)
    assert [record.getMessage() for record in errors()] == [STARTS_OVER]
    assert errors()[0].exc_info[0] is Bug
    assert "in broken" in errors()[0].exc_text  # its traceback, in the log
    screen.next_button.clicked.disconnect(broken)
    assert_started_over(kiosk, qtbot, clock)
    assert len(errors()) == 1


def test_an_exception_in_the_idle_deadline_does_not_stop_the_idle_reset(
        open_kiosk, small_content, recovering, errors, monkeypatch, qtbot, clock):
    kiosk = recovering(open_kiosk(small_content(timeout=1, warning=2), clock=clock))
    start_visit(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    settle(kiosk, qtbot)
    failed = fail(monkeypatch, VisitorSession, "idle_timeout")
    clock.advance(1)  # the deadline falls due: its handler asks the session, which fails
    assert failed
    assert_logged_once(errors(), "idle_timeout")
    assert_started_over(kiosk, qtbot, clock)


def test_an_exception_in_a_pages_reset_during_the_idle_reset_still_starts_over(
        open_kiosk, small_content, recovering, errors, monkeypatch, qtbot, clock):
    kiosk = recovering(open_kiosk(with_advisory(small_content(timeout=1, warning=2)), clock=clock))
    kiosk.screens.library.build_all()
    start_visit(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    settle(kiosk, qtbot)
    assert kiosk.window.current_screen() is kiosk.screens.advisory
    failed = fail(monkeypatch, TextPageView, "reset")
    clock.advance(3)  # the question, its countdown, and the reset, whose page reset fails
    assert failed
    assert_logged_once(errors(), "reset")
    assert_started_over(kiosk, qtbot, clock)


def test_an_exception_while_opening_a_chapter_leaves_the_kiosk_at_the_start(
        open_kiosk, small_content, recovering, errors, monkeypatch, qtbot, clock):
    kiosk = recovering(open_kiosk(small_content(), clock=clock))
    start_visit(kiosk, qtbot)
    failed = fail(monkeypatch, PageStack, "set_pages")
    tap(kiosk.screens.home.tiles[0])
    assert failed
    assert_logged_once(errors(), "set_pages")
    assert_started_over(kiosk, qtbot, clock)


def test_screens_that_cannot_be_put_back_are_made_anew(
        open_kiosk, small_content, recovering, errors, monkeypatch, qtbot, clock):
    kiosk = recovering(open_kiosk(small_content(timeout=1, warning=2), clock=clock))
    kiosk.screens.library.build_all()
    old = kiosk.screens
    start_visit(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    settle(kiosk, qtbot)
    failed = fail(monkeypatch, TextPageView, "reset", times=2)  # the idle reset's, and the start over's
    clock.advance(3)
    assert len(failed) == 2
    assert [record.getMessage() for record in errors()] == [
        STARTS_OVER, "the screens could not be put back after an error, so they are made anew"]
    assert kiosk.screens is not old
    assert_started_over(kiosk, qtbot, clock)


@pytest.mark.qt_log_ignore("a warning of Qt's own")
def test_qt_warnings_go_to_the_log(open_kiosk, small_content, recovering, caplog, clock):
    recovering(open_kiosk(small_content(), clock=clock))
    caplog.set_level(logging.INFO, logger="kiosk")
    qWarning("a warning of Qt's own")
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [(logging.WARNING, "Qt: a warning of Qt's own")]


def test_the_idle_watch_outlives_an_error_in_its_deadline_even_with_no_one_to_start_over(
        open_kiosk, small_content, monkeypatch, qtbot, clock):
    kiosk = open_kiosk(small_content(timeout=1, warning=2), clock=clock)
    start_visit(kiosk, qtbot)
    failed = fail(monkeypatch, VisitorSession, "idle_timeout")
    with qtbot.capture_exceptions() as caught:  # a hook that only notes it: nothing starts over
        clock.advance(1)
    assert failed and [type(error) for _, error, _ in caught] == [Bug]
    assert kiosk.window.current_screen() is kiosk.screens.home
    clock.advance(1)  # the watch woke again: the question is up, and the reset follows
    assert kiosk.idle_overlay.isVisible()
    clock.advance(2)
    assert kiosk.window.current_screen() is kiosk.screens.attract
