"""Staff at the running kiosk: the corner gesture, the PIN pad, the admin screen and its buttons.

Everything is done by finger on the real kiosk window, on a private copy of the shipped
content. The shipped content holds no PIN: the kiosks here have their own, 1921, in their data
folder as ``kiosk admin-pin`` keeps it (the fixtures set it); a few tests give the content a
PIN for every kiosk instead, and the last ones run ``kiosk admin-pin`` itself. The kiosk runs on a clock that stands still until the test moves it
on, where a finger is held for seconds or staff walk away, so no test waits for a hold or a
lockout, and what the kiosk says follows from the clock alone (its idle deadline too runs
on that clock; only the PIN pad's one-second countdown tick is still real time).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from kiosk.session import Screen
from tests.conftest import pin_hash_1921, running
from tests.test_cli import SHIPPED_PIN_WARNING as CLI_PIN_WARNING
from tests.touch import DEVICE, settle, tap

PIN = "1921"
INSET = 20  # how far inside a corner the finger lands
PAUSE, TAP = 0.4, 0.1  # seconds between the gesture's taps, and each tap's
SHIPPED_PIN_WARNING = "{}/exhibit.yaml:{}: " + CLI_PIN_WARNING
IDLE = 10  # seconds of an idle timeout longer than the corner gesture takes: the visit lasts it


def corner_point(window, corner: str) -> QPoint:
    vertical, horizontal = corner.split("-")
    x = INSET if horizontal == "left" else window.width() - INSET
    y = INSET if vertical == "top" else window.height() - INSET
    return QPoint(x, y)


def touch(window, point: QPoint, clock, hold: float) -> None:
    """One finger on the window at ``point``, held ``hold`` seconds on the kiosk's clock."""
    QTest.touchEvent(window, DEVICE).press(0, point, window).commit()
    clock.advance(hold)
    QTest.touchEvent(window, DEVICE).release(0, point, window).commit()


def admin_gesture(kiosk, clock, hold: float | None = None) -> None:
    """Hold the content's corner, then tap its corners in turn."""
    gesture, window = kiosk.result.exhibit.admin.gesture, kiosk.window
    touch(window, corner_point(window, gesture.corner), clock,
          gesture.hold_seconds if hold is None else hold)
    for corner in gesture.taps:
        clock.advance(PAUSE)
        touch(window, corner_point(window, corner), clock, TAP)


def enter_pin(kiosk, pin: str, qtbot) -> None:
    """Tap the PIN and OK, then wait for the answer (the pad checks off the UI thread)."""
    pad = kiosk.staff.pinpad
    for digit in pin:
        tap(pad.digit_keys[int(digit)])
    tap(pad.ok_key)
    qtbot.waitUntil(lambda: not pad.checking, timeout=10000)


def open_pin_pad(kiosk, qtbot, clock):
    admin_gesture(kiosk, clock)
    assert kiosk.staff.pinpad.isVisible()
    settle(kiosk, qtbot)
    return kiosk.staff.pinpad


def open_admin(kiosk, qtbot, clock):
    open_pin_pad(kiosk, qtbot, clock)
    enter_pin(kiosk, PIN, qtbot)
    assert kiosk.session.state.screen is Screen.ADMIN
    settle(kiosk, qtbot)
    return kiosk.staff.screen


def set_idle(folder: Path, timeout: float, warning: float) -> None:
    exhibit = folder / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    assert "idle: {timeout: 90, warning: 20}" in text
    exhibit.write_text(text.replace("idle: {timeout: 90, warning: 20}",
                                    f"idle: {{timeout: {timeout}, warning: {warning}}}"), encoding="utf-8")


def with_content_pin(folder: Path, line: str) -> Path:
    """``folder`` whose exhibit.yaml gives ``line`` as the admin PIN of every kiosk."""
    exhibit = folder / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    assert "pin_hash:" not in text and "\nadmin:\n" in text
    exhibit.write_text(text.replace("\nadmin:\n", f'\nadmin:\n  pin_hash: "{line}"\n'), encoding="utf-8")
    return folder


@pytest.fixture
def staffed(open_kiosk, content_copy, clock):
    """The shipped exhibit (a private copy) running on a clock the test can move on."""
    return open_kiosk(content_copy, clock=clock)


def test_the_corner_gesture_opens_the_pin_pad_only_when_held_long_enough(staffed, qtbot, clock):
    kiosk = staffed
    hold = kiosk.result.exhibit.admin.gesture.hold_seconds
    admin_gesture(kiosk, clock, hold=hold - 0.5)
    assert not kiosk.staff.pinpad.isVisible()
    settle(kiosk, qtbot)
    pad = open_pin_pad(kiosk, qtbot, clock)
    assert pad.prompt.text() == "Enter the PIN"
    assert pad.dots.count == 0 and pad.message.text() == ""


def test_the_right_pin_opens_the_admin_screen(staffed, qtbot, clock):
    kiosk = staffed
    open_pin_pad(kiosk, qtbot, clock)
    enter_pin(kiosk, PIN, qtbot)
    assert not kiosk.staff.pinpad.isVisible()
    assert kiosk.session.state.screen is Screen.ADMIN
    assert kiosk.window.current_screen() is kiosk.staff.screen
    assert kiosk.staff.screen.title.text() == "Staff settings"
    assert kiosk.staff.screen.shown_problems() == []  # the shipped content has none


def test_content_whose_pin_is_the_once_shipped_1921_is_warned_of_on_the_admin_screen(
        open_kiosk, content_copy, qtbot, clock):
    with_content_pin(content_copy, pin_hash_1921())  # content from the days the kiosk shipped 1921
    kiosk = open_kiosk(content_copy, clock=clock, kiosk_pin=False)
    open_admin(kiosk, qtbot, clock)
    lines = (content_copy / "exhibit.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith("pin_hash:"))
    assert kiosk.staff.screen.shown_problems() == [SHIPPED_PIN_WARNING.format(content_copy, line)]


def test_a_wrong_pin_says_so_and_opens_nothing(staffed, qtbot, clock):
    kiosk = staffed
    pad = open_pin_pad(kiosk, qtbot, clock)
    enter_pin(kiosk, "0000", qtbot)
    assert pad.isVisible()
    assert pad.message.text() == "Wrong PIN. Please try again."
    assert pad.dots.count == 0
    assert kiosk.session.state.screen is not Screen.ADMIN


def test_wrong_pins_in_a_row_lock_the_pad_until_the_lockout_ends(open_kiosk, content_copy, qtbot, clock):
    set_idle(content_copy, timeout=600, warning=20)  # the kiosk waits out the lockout with staff
    kiosk = open_kiosk(content_copy, clock=clock)
    admin = kiosk.result.exhibit.admin
    pad = open_pin_pad(kiosk, qtbot, clock)
    for _ in range(admin.attempts):
        enter_pin(kiosk, "0000", qtbot)
    locked = f"Too many wrong PINs. Try again in {round(admin.lockout_seconds)} s."
    assert pad.message.text() == locked
    assert not any(key.isEnabled() for key in pad.digit_keys + [pad.ok_key])
    enter_pin(kiosk, PIN, qtbot)  # even the right PIN: the keys take no taps
    assert pad.dots.count == 0 and kiosk.session.state.screen is not Screen.ADMIN

    tap(pad.close_button)  # walking off and coming back does not undo the lock
    assert not pad.isVisible()
    open_pin_pad(kiosk, qtbot, clock)  # which took the seconds of a held corner and its taps
    gesture = admin.gesture
    took = gesture.hold_seconds + len(gesture.taps) * (PAUSE + TAP)
    left = math.ceil(admin.lockout_seconds - took)
    assert pad.message.text() == f"Too many wrong PINs. Try again in {left} s."
    assert not pad.ok_key.isEnabled()

    clock.advance(left - 1)  # the pad looks at the clock on its own (real) one-second tick
    qtbot.waitUntil(lambda: pad.message.text() == "Too many wrong PINs. Try again in 1 s.", timeout=5000)
    assert not pad.ok_key.isEnabled()
    clock.advance(1)
    qtbot.waitUntil(lambda: pad.ok_key.isEnabled(), timeout=5000)
    assert pad.message.text() == ""
    enter_pin(kiosk, PIN, qtbot)
    assert kiosk.session.state.screen is Screen.ADMIN


def test_quit_on_the_admin_screen_closes_the_window_that_refuses_to_close(staffed, qtbot, clock):
    kiosk = staffed
    kiosk.window.close()
    assert kiosk.window.isVisible()
    screen = open_admin(kiosk, qtbot, clock)
    assert screen.exit_button.text() == "Quit the kiosk"
    with qtbot.waitSignal(kiosk.staff.exit_requested, timeout=1000):
        tap(screen.exit_button)
    assert not kiosk.window.isVisible()


def test_staff_who_walk_away_leave_no_admin_screen_open(open_kiosk, content_copy, qtbot, clock):
    set_idle(content_copy, timeout=IDLE, warning=1)
    kiosk = open_kiosk(content_copy, clock=clock)
    screen = open_admin(kiosk, qtbot, clock)
    clock.advance(IDLE)
    assert kiosk.idle_overlay.isVisible()
    assert screen.isVisible()
    clock.advance(1)
    assert kiosk.window.current_screen() is kiosk.screens.attract
    assert kiosk.session.state.screen is Screen.ATTRACT
    assert not screen.isVisible()


def test_a_pin_pad_left_open_closes_when_the_kiosk_starts_over(open_kiosk, content_copy, qtbot, clock):
    set_idle(content_copy, timeout=IDLE, warning=1)
    kiosk = open_kiosk(content_copy, clock=clock)
    pad = open_pin_pad(kiosk, qtbot, clock)
    tap(pad.digit_keys[1])
    assert pad.dots.count == 1
    clock.advance(IDLE)
    assert kiosk.idle_overlay.isVisible()
    assert pad.isVisible()
    clock.advance(1)
    assert kiosk.window.current_screen() is kiosk.screens.attract
    assert not pad.isVisible()
    assert pad.dots.count == 0  # the next one to open it starts with an empty PIN


# --- the lockout outlives the kiosk: a restart on the same data folder ---------------------------


def locked_message(seconds: float) -> str:
    return f"Too many wrong PINs. Try again in {math.ceil(seconds)} s."


def lock_out_by_finger(kiosk, qtbot, clock) -> None:
    """The corner gesture, then wrong PINs tapped until the pad locks."""
    pad = open_pin_pad(kiosk, qtbot, clock)
    for _ in range(kiosk.result.exhibit.admin.attempts):
        enter_pin(kiosk, "0000", qtbot)
    assert not pad.ok_key.isEnabled()


def restart(floor, open_floor, folder, data, qtbot, clock):
    """The kiosk stopped, and a new one started on the same content and data folder."""
    floor.stop()
    floor.window.hide()
    new = open_floor(folder, data=data, clock=clock)
    return new, running(new, qtbot)


def test_a_restart_keeps_the_lockout_and_the_next_lockout_is_longer(open_floor, content_copy, tmp_path,
                                                                      qtbot, clock):
    set_idle(content_copy, timeout=7200, warning=20)  # the kiosk waits out the lockouts with staff
    data = tmp_path / "data"
    floor = open_floor(content_copy, data=data, clock=clock)
    kiosk = running(floor, qtbot)
    lockout = kiosk.result.exhibit.admin.lockout_seconds
    gesture = kiosk.result.exhibit.admin.gesture
    took = gesture.hold_seconds + len(gesture.taps) * (PAUSE + TAP)  # the corner gesture's seconds
    lock_out_by_finger(kiosk, qtbot, clock)
    assert kiosk.staff.pinpad.message.text() == locked_message(lockout)

    clock.advance(60)  # the kiosk is restarted a minute later (a crash, a power cut, the service)
    floor, kiosk = restart(floor, open_floor, content_copy, data, qtbot, clock)
    pad = open_pin_pad(kiosk, qtbot, clock)
    assert pad.message.text() == locked_message(lockout - 60 - took)
    assert not any(key.isEnabled() for key in pad.digit_keys + [pad.ok_key])
    enter_pin(kiosk, PIN, qtbot)  # not even the right PIN: the keys take no taps
    assert kiosk.session.state.screen is not Screen.ADMIN

    clock.advance(lockout)  # the lockout over, five more wrong PINs lock it twice as long
    qtbot.waitUntil(lambda: pad.ok_key.isEnabled(), timeout=5000)
    for _ in range(kiosk.result.exhibit.admin.attempts):
        enter_pin(kiosk, "0000", qtbot)
    assert pad.message.text() == locked_message(2 * lockout)

    floor, kiosk = restart(floor, open_floor, content_copy, data, qtbot, clock)  # and that one is kept too
    pad = open_pin_pad(kiosk, qtbot, clock)
    assert pad.message.text() == locked_message(2 * lockout - took)


def test_a_content_reload_gives_no_fresh_guesses(open_floor, content_copy, qtbot, clock):
    set_idle(content_copy, timeout=7200, warning=20)
    floor = open_floor(content_copy, clock=clock)
    kiosk = running(floor, qtbot)
    attempts = kiosk.result.exhibit.admin.attempts
    pad = open_pin_pad(kiosk, qtbot, clock)
    for _ in range(attempts - 1):
        enter_pin(kiosk, "0000", qtbot)
    tap(pad.close_button)
    exhibit = content_copy / "exhibit.yaml"  # new content, so new staff widgets and a new lock
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("Before the Great Terror", "Before"),
                       encoding="utf-8")
    staff = kiosk.staff
    floor.feed.request()  # what the admin screen's reload button asks for
    qtbot.waitUntil(lambda: kiosk.staff is not staff, timeout=10000)
    pad = open_pin_pad(kiosk, qtbot, clock)
    enter_pin(kiosk, "0000", qtbot)  # the last attempt is the last one still
    assert pad.message.text() == locked_message(kiosk.result.exhibit.admin.lockout_seconds)


def test_every_step_staff_take_is_logged_and_never_the_pin(staffed, qtbot, clock, caplog):
    caplog.set_level("INFO", logger="kiosk")
    kiosk = staffed
    open_pin_pad(kiosk, qtbot, clock)
    enter_pin(kiosk, "4711", qtbot)
    enter_pin(kiosk, PIN, qtbot)
    settle(kiosk, qtbot)
    screen = kiosk.staff.screen
    with qtbot.waitSignal(kiosk.reload_requested, timeout=1000):
        tap(screen.reload_button)
    tap(screen.back_button)
    settle(kiosk, qtbot)
    open_admin(kiosk, qtbot, clock)
    tap(kiosk.staff.screen.exit_button)
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("admin:")]
    assert said == ["admin: the PIN pad opened", "admin: wrong PIN (1 of 5)", "admin: opened", "admin: reload",
                    "admin: back to the exhibit", "admin: the PIN pad opened", "admin: opened", "admin: exit"]
    assert not any(pin in r.getMessage() for r in caplog.records for pin in ("4711", PIN))


def test_a_changed_pin_brings_no_warning_to_the_admin_screen(open_kiosk, content_copy, qtbot, clock):
    from kiosk.pin import hash_pin

    with_content_pin(content_copy, hash_pin("2468", iterations=1000))
    kiosk = open_kiosk(content_copy, clock=clock, kiosk_pin=False)
    open_pin_pad(kiosk, qtbot, clock)
    enter_pin(kiosk, "2468", qtbot)
    assert kiosk.session.state.screen is Screen.ADMIN
    assert kiosk.staff.screen.shown_problems() == []


# --- the kiosk's own PIN, set by the operator with kiosk admin-pin ------------------------------


def set_kiosk_pin(data: Path, pin: str) -> None:
    """``kiosk admin-pin --data-dir data``, the PIN typed twice, as an operator runs it."""
    from tests.test_cli import kiosk as run_kiosk_command

    done = run_kiosk_command("admin-pin", "--data-dir", str(data), stdin=f"{pin}\n{pin}\n")
    assert done.returncode == 0, done.stderr


def test_with_no_pin_set_the_pad_says_how_to_set_one_and_a_pin_set_meanwhile_opens_it(
        open_floor, content_copy, tmp_path, qtbot, clock):
    data = tmp_path / "data"
    kiosk = running(open_floor(content_copy, data=data, clock=clock, kiosk_pin=False), qtbot)
    pad = open_pin_pad(kiosk, qtbot, clock)
    assert pad.message.text() == ("No admin PIN is set on this kiosk. Set one on this computer with: "
                                  "kiosk admin-pin")
    assert not any(key.isEnabled() for key in pad.digit_keys + [pad.delete_key, pad.ok_key])
    assert pad.close_button.isEnabled()
    tap(pad.close_button)
    settle(kiosk, qtbot)

    set_kiosk_pin(data, "2468")  # on the running kiosk's computer
    pad = open_pin_pad(kiosk, qtbot, clock)
    assert pad.message.text() == "" and pad.ok_key.isEnabled()
    enter_pin(kiosk, "2468", qtbot)
    assert kiosk.session.state.screen is Screen.ADMIN
    assert kiosk.staff.screen.shown_problems() == []  # a PIN of its own is no shipped PIN


def test_the_kiosks_own_pin_comes_before_the_contents(open_floor, content_copy, tmp_path, qtbot, clock):
    with_content_pin(content_copy, pin_hash_1921())
    data = tmp_path / "data"
    set_kiosk_pin(data, "2468")
    kiosk = running(open_floor(content_copy, data=data, clock=clock, kiosk_pin=False), qtbot)
    pad = open_pin_pad(kiosk, qtbot, clock)
    enter_pin(kiosk, PIN, qtbot)
    assert pad.message.text() == "Wrong PIN. Please try again."
    enter_pin(kiosk, "2468", qtbot)
    assert kiosk.session.state.screen is Screen.ADMIN
    assert kiosk.staff.screen.shown_problems() == []  # the content's 1921 is not the PIN in use
