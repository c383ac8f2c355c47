"""The staff side: the PIN lock, the admin gesture, the PIN pad and the admin screen.

The lock is plain Python with a fake clock. The widgets are driven the way staff drive
them, with touch taps on the real widgets; time passes on an injected clock, never by
sleeping. A QTimer left running fails the test (conftest's dangling-timer check).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk import admin_lock
from kiosk.admin_lock import PinLock, Result
from kiosk.content.loader import LoadResult, load_exhibit
from kiosk.content.model import Gesture
from kiosk.pin import hash_pin
from tests.touch import DEVICE, swipe

PIN = "1921"  # the pads' PIN here (the shipped exhibit holds none)
CHEAP_HASH = hash_pin(PIN, salt=b"0123456789abcdef", iterations=1000)


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def touch(widget: QWidget, pos: QPoint | None = None, clock: FakeClock | None = None,
          hold: float = 0.0) -> None:
    """A finger on ``widget`` at ``pos`` (its centre), held ``hold`` seconds on ``clock``."""
    pos = widget.rect().center() if pos is None else pos
    QTest.touchEvent(widget, DEVICE).press(0, pos, widget).commit()
    if clock is not None:
        clock.advance(hold)
    QTest.touchEvent(widget, DEVICE).release(0, pos, widget).commit()


# --- PinLock ------------------------------------------------------------------------------


def test_right_pin_opens():
    assert PinLock(3, 60, FakeClock()).try_pin(PIN, CHEAP_HASH) is Result.OK


def test_wrong_pin_is_wrong_and_counted():
    lock = PinLock(3, 60, FakeClock())
    assert lock.try_pin("0000", CHEAP_HASH) is Result.WRONG
    assert lock.try_pin("", CHEAP_HASH) is Result.WRONG
    assert lock.wrong_in_a_row == 2
    assert lock.locked_for() == 0


def test_right_pin_resets_the_count():
    lock = PinLock(3, 60, FakeClock())
    for _ in range(2):
        assert lock.try_pin("0000", CHEAP_HASH) is Result.WRONG
    assert lock.try_pin(PIN, CHEAP_HASH) is Result.OK
    assert lock.wrong_in_a_row == 0
    for _ in range(2):
        assert lock.try_pin("0000", CHEAP_HASH) is Result.WRONG
    assert lock.locked_for() == 0


@pytest.mark.parametrize("attempts", [1, 3, 5])
def test_too_many_wrong_pins_lock_out_even_the_right_one(attempts):
    clock = FakeClock()
    lock = PinLock(attempts, 300, clock)
    results = [lock.try_pin("0000", CHEAP_HASH) for _ in range(attempts)]
    assert results == [Result.WRONG] * (attempts - 1) + [Result.LOCKED]
    assert lock.locked_for() == 300
    assert lock.try_pin(PIN, CHEAP_HASH) is Result.LOCKED
    clock.advance(299.5)
    assert lock.locked_for() == pytest.approx(0.5)
    assert lock.try_pin(PIN, CHEAP_HASH) is Result.LOCKED
    clock.advance(0.5)
    assert lock.locked_for() == 0
    assert lock.try_pin(PIN, CHEAP_HASH) is Result.OK


def test_after_a_lockout_the_count_starts_again():
    clock = FakeClock()
    lock = PinLock(2, 10, clock)
    lock.try_pin("0000", CHEAP_HASH), lock.try_pin("0000", CHEAP_HASH)
    clock.advance(10)
    assert lock.try_pin("0000", CHEAP_HASH) is Result.WRONG
    assert lock.try_pin("0000", CHEAP_HASH) is Result.LOCKED


def test_a_locked_lock_checks_no_pin(monkeypatch):
    lock = PinLock(1, 10, FakeClock())
    lock.try_pin("0000", CHEAP_HASH)
    checked = []
    monkeypatch.setattr(admin_lock, "check_pin", lambda *args: checked.append(args) or True)
    assert lock.try_pin(PIN, CHEAP_HASH) is Result.LOCKED
    assert checked == []


# --- the lock's memory: growing lockouts, kept in a file across restarts ------------------------


class WallClock:
    """A wall clock (seconds since the epoch) that moves only when told, even backwards."""

    def __init__(self, start: float = 1_767_225_600.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


def lock_out(lock: PinLock, clock: FakeClock) -> float:
    """Wrong PINs until the lock locks; how long it is locked for."""
    while lock.try_pin("0000", CHEAP_HASH) is not Result.LOCKED:
        pass
    return lock.locked_for()


def test_each_lockout_in_a_row_lasts_twice_the_one_before_up_to_an_hour():
    clock = FakeClock()
    lock = PinLock(3, 300, clock)
    lengths = []
    for _ in range(6):
        lengths.append(lock_out(lock, clock))
        clock.advance(lengths[-1])
    assert lengths == [300, 600, 1200, 2400, 3600, 3600]


def test_the_right_pin_ends_the_doubling():
    clock = FakeClock()
    lock = PinLock(3, 60, clock)
    clock.advance(lock_out(lock, clock))
    clock.advance(lock_out(lock, clock))
    assert lock.try_pin(PIN, CHEAP_HASH) is Result.OK
    assert lock_out(lock, clock) == 60


def test_a_lockout_longer_than_an_hour_is_not_cut_short():
    clock = FakeClock()
    lock = PinLock(1, 7200, clock)
    assert lock_out(lock, clock) == 7200
    clock.advance(7200)
    assert lock_out(lock, clock) == 7200


def new_lock(path: Path, clock: FakeClock, wall: WallClock, attempts: int = 3, lockout: float = 300) -> PinLock:
    """The lock of a kiosk started now, on the data folder's file (``clock`` starts anew too)."""
    return PinLock(attempts, lockout, clock, admin_lock.LockFile(path, wall))


def test_a_restart_keeps_the_lockout_and_the_wrong_pins(tmp_path):
    path, wall = tmp_path / "data" / admin_lock.LOCK_FILE, WallClock()
    first = new_lock(path, FakeClock(), wall)
    first.try_pin("0000", CHEAP_HASH)
    assert new_lock(path, FakeClock(), wall).wrong_in_a_row == 1  # a restart gives no fresh guesses
    lock_out(first, FakeClock())
    wall.now += 100  # the kiosk is down 100 s, and its monotonic clock starts again
    again = new_lock(path, FakeClock(5.0), wall)
    assert again.locked_for() == 200
    assert again.try_pin(PIN, CHEAP_HASH) is Result.LOCKED


def test_the_lockout_after_a_restart_doubles_and_the_right_pin_resets_it(tmp_path):
    path, wall, clock = tmp_path / admin_lock.LOCK_FILE, WallClock(), FakeClock()
    lock_out(new_lock(path, clock, wall), clock)
    wall.now += 300
    second = new_lock(path, clock, wall)
    assert second.locked_for() == 0
    assert lock_out(second, clock) == 600
    wall.now += 600
    third = new_lock(path, clock, wall)
    assert third.try_pin(PIN, CHEAP_HASH) is Result.OK
    assert lock_out(new_lock(path, clock, wall), clock) == 300


def test_a_clock_set_back_does_not_lengthen_the_lockout(tmp_path):
    path, wall = tmp_path / admin_lock.LOCK_FILE, WallClock()
    lock_out(new_lock(path, FakeClock(), wall), FakeClock())
    wall.now -= 10 * 24 * 3600  # ten days back: a dead clock battery, or a clock put wrong by hand
    assert new_lock(path, FakeClock(), wall).locked_for() == 300


def test_a_damaged_memory_is_ignored_and_said_so(tmp_path, caplog):
    path = tmp_path / admin_lock.LOCK_FILE
    path.write_text("{not json", encoding="utf-8")
    lock = new_lock(path, FakeClock(), WallClock())
    assert (lock.wrong_in_a_row, lock.locked_for()) == (0, 0)
    assert [r.getMessage().split(" (")[0] for r in caplog.records] == [
        f"admin: ignoring the PIN pad's memory in {path}"]
    lock.try_pin("0000", CHEAP_HASH)
    assert new_lock(path, FakeClock(), WallClock()).wrong_in_a_row == 1  # written anew, whole


def test_a_memory_that_cannot_be_written_is_said_once_and_the_lock_still_works(tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    lock = new_lock(blocked / admin_lock.LOCK_FILE, FakeClock(), WallClock(), attempts=2)
    assert [lock.try_pin("0000", CHEAP_HASH) for _ in range(2)] == [Result.WRONG, Result.LOCKED]
    said = [r.getMessage() for r in caplog.records if "cannot keep" in r.getMessage()]
    assert len(said) == 1 and said[0].startswith(f"admin: cannot keep the PIN pad's memory in {blocked}")


def test_the_file_is_written_whole_or_not_at_all(tmp_path):
    path = tmp_path / admin_lock.LOCK_FILE
    lock = new_lock(path, FakeClock(), WallClock())
    lock.try_pin("0000", CHEAP_HASH)
    assert sorted(p.name for p in tmp_path.iterdir()) == [admin_lock.LOCK_FILE]  # no .part left behind


def test_wrong_pins_and_lockouts_are_logged_never_the_pin(caplog):
    caplog.set_level("INFO", logger="kiosk")
    clock = FakeClock()
    lock = PinLock(3, 120, clock)
    lock_out(lock, clock)
    clock.advance(120)
    lock_out(lock, clock)
    assert [r.getMessage() for r in caplog.records] == [
        "admin: wrong PIN (1 of 3)", "admin: wrong PIN (2 of 3)", "admin: wrong PIN (3 of 3)",
        "admin: locked out for 2 min",
        "admin: wrong PIN (1 of 3)", "admin: wrong PIN (2 of 3)", "admin: wrong PIN (3 of 3)",
        "admin: locked out for 4 min"]
    assert all(r.name == "kiosk" for r in caplog.records)


@pytest.mark.parametrize("seconds, said", [(45, "45 s"), (60, "1 min"), (300, "5 min"), (3600, "1 h"),
                                           (5400, "90 min"), (7200, "2 h")])
def test_a_lockout_is_logged_in_plain_units(seconds, said):
    assert admin_lock.duration(seconds) == said


# --- AdminGesture -------------------------------------------------------------------------

SIZE = (800, 600)
CORNER_PX = 100
INSET = 20  # how far inside a corner the finger lands


def corner_point(widget: QWidget, corner: str) -> QPoint:
    vertical, horizontal = corner.split("-")
    x = INSET if horizontal == "left" else widget.width() - INSET
    y = INSET if vertical == "top" else widget.height() - INSET
    return QPoint(x, y)


class TouchArea(QWidget):
    """A widget that takes touch itself, so Qt makes no mouse events from it."""

    def __init__(self):
        super().__init__()
        self.setAttribute(Qt.WA_AcceptTouchEvents)
        self.touches = 0

    def event(self, event):
        if event.type() in (event.Type.TouchBegin, event.Type.TouchUpdate, event.Type.TouchEnd):
            self.touches += event.type() == event.Type.TouchEnd
            event.accept()
            return True
        return super().event(event)


SCREEN = (800, 800)  # the offscreen platform's screen: touches outside it are dropped


@pytest.fixture
def ctx(view_context):
    """The view context for a screen the size of the offscreen one, its stylesheet applied."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.pages.base import ViewContext
    from kiosk.ui.theme import make_theme

    ui = make_theme(view_context.exhibit.theme, QSize(*SCREEN), 96)
    QApplication.instance().setStyleSheet(ui.stylesheet())
    return ViewContext(view_context.exhibit, ui, view_context.lang)


def shown(qtbot, widget: QWidget, size=SCREEN) -> QWidget:
    """``widget`` filling a window of ``size``, as a child, the way the kiosk's window holds it."""
    window = QWidget()
    window.setProperty("role", "screen")
    qtbot.addWidget(window)
    qtbot.addWidget(widget)
    widget.setParent(window)
    window.resize(*size)
    widget.setGeometry(window.rect())
    window.show()
    qtbot.waitExposed(window)
    widget.test_window = window  # the window lives as long as the widget under test
    return window


@pytest.fixture
def kiosk_window(qtbot, view_context):
    """A window filled by one visitor button, so every tap also lands on the button."""
    visitor_button = QPushButton("visitor")
    window = shown(qtbot, visitor_button, SIZE)
    return window, visitor_button


@pytest.fixture
def make_gesture(clock):
    from kiosk.ui.admin.gesture import AdminGesture

    made = []

    def make(window: QWidget, gesture: Gesture = Gesture()):
        watcher = AdminGesture(window, gesture, CORNER_PX, clock=clock)
        completed = []
        watcher.gesture_completed.connect(lambda: completed.append(clock()))
        made.append(watcher)
        return watcher, completed

    yield make
    for watcher in made:
        watcher.stop()


def perform(target: QWidget, clock: FakeClock, gesture: Gesture = Gesture(), hold: float | None = None,
            taps: tuple[str, ...] | None = None, pause: float = 0.5) -> None:
    """The admin gesture by finger: hold the corner, then tap the corners in turn."""
    hold = gesture.hold_seconds if hold is None else hold
    touch(target, corner_point(target, gesture.corner), clock, hold)
    for corner in gesture.taps if taps is None else taps:
        clock.advance(pause)
        touch(target, corner_point(target, corner), clock, 0.1)


def test_gesture_completes_and_every_tap_still_reaches_the_visitor_button(
        qtbot, kiosk_window, make_gesture, clock):
    window, visitor_button = kiosk_window
    _, completed = make_gesture(window)
    clicks = []
    visitor_button.clicked.connect(lambda: clicks.append(1))
    perform(visitor_button, clock)
    assert len(completed) == 1
    assert len(clicks) == 4


@pytest.mark.parametrize("gesture", [
    Gesture(),
    Gesture("bottom-right", 5, ("top-left", "top-left", "bottom-right")),
    Gesture("top-right", 1, ()),
])
def test_gesture_follows_the_content(qtbot, kiosk_window, make_gesture, clock, gesture):
    window, visitor_button = kiosk_window
    _, completed = make_gesture(window, gesture)
    perform(visitor_button, clock, gesture)
    assert len(completed) == 1


@pytest.mark.parametrize("hold, taps, pause", [
    pytest.param(2.9, None, 0.5, id="short-hold"),
    pytest.param(None, ("top-right", "bottom-left", "bottom-right"), 0.5, id="wrong-order"),
    pytest.param(None, ("top-right", "bottom-right"), 0.5, id="too-few-taps"),
    pytest.param(None, None, 4.5, id="too-slow"),
])
def test_gesture_does_not_complete_when_it_is_not_done_right(
        qtbot, kiosk_window, make_gesture, clock, hold, taps, pause):
    window, visitor_button = kiosk_window
    _, completed = make_gesture(window)
    perform(visitor_button, clock, hold=hold, taps=taps, pause=pause)
    assert completed == []


def test_a_tap_elsewhere_starts_over(qtbot, kiosk_window, make_gesture, clock):
    window, visitor_button = kiosk_window
    _, completed = make_gesture(window)
    perform(visitor_button, clock, taps=("top-right",))
    touch(visitor_button, visitor_button.rect().center(), clock, 0.1)
    for corner in ("bottom-right", "bottom-left"):
        touch(visitor_button, corner_point(visitor_button, corner), clock, 0.1)
    assert completed == []
    perform(visitor_button, clock)
    assert len(completed) == 1


def test_gesture_on_a_widget_that_takes_touch_itself(qtbot, make_gesture, clock, view_context):
    area = TouchArea()
    qtbot.addWidget(area)
    area.resize(*SIZE)
    area.show()
    qtbot.waitExposed(area)
    _, completed = make_gesture(area)
    perform(area, clock)
    assert area.touches == 4
    assert len(completed) == 1


def test_gesture_in_a_portrait_window(qtbot, kiosk_window, make_gesture, clock):
    window, visitor_button = kiosk_window
    window.resize(SIZE[1], SIZE[0])
    visitor_button.setGeometry(window.rect())
    _, completed = make_gesture(window)
    perform(visitor_button, clock)
    assert len(completed) == 1


def test_corners_are_squares_of_the_given_size(qtbot, kiosk_window, make_gesture):
    window, _ = kiosk_window
    watcher, _ = make_gesture(window)
    width, height = SIZE
    inside, outside = CORNER_PX - 0.5, CORNER_PX + 0.5
    assert watcher.corner_at(QPointF(inside, inside)) == "top-left"
    assert watcher.corner_at(QPointF(width - inside, height - inside)) == "bottom-right"
    assert watcher.corner_at(QPointF(outside, 0)) is None
    assert watcher.corner_at(QPointF(0, height - outside)) is None
    assert watcher.corner_at(QPointF(width / 2, height / 2)) is None


def test_stopped_gesture_never_completes(qtbot, kiosk_window, make_gesture, clock):
    window, visitor_button = kiosk_window
    watcher, completed = make_gesture(window)
    watcher.stop()
    perform(visitor_button, clock)
    assert completed == []


# --- PinPad -------------------------------------------------------------------------------


@pytest.fixture
def pad_for(qtbot, ctx, clock):
    from kiosk.ui.admin.pinpad import PinPad

    def make(**admin_changes):
        admin = dataclasses.replace(ctx.exhibit.admin, **{"pin_hash": CHEAP_HASH, **admin_changes})
        pad = PinPad(ctx, admin, clock=clock)
        shown(qtbot, pad)
        pad.test_qtbot = qtbot  # for enter(), which waits for the check
        return pad

    return make


@pytest.fixture
def pad(pad_for):
    return pad_for()


def enter(pad, digits: str, ok: bool = True) -> None:
    """Tap the digits (and OK, then wait for the answer: the pad checks off the UI thread)."""
    for digit in digits:
        touch(pad.findChild(QPushButton, f"key-{digit}"))
    if ok:
        touch(pad.findChild(QPushButton, "ok"))
        pad.test_qtbot.waitUntil(lambda: not pad.checking, timeout=10000)


def message(pad) -> str:
    return pad.findChild(QLabel, "message").text()


def test_pad_asks_for_the_pin(pad, ctx):
    assert pad.findChild(QLabel, "prompt").text() == ctx.label("admin_enter_pin")
    assert pad.findChild(QPushButton, "close").text() == ctx.label("close")
    keys = [pad.findChild(QPushButton, f"key-{digit}") for digit in range(10)]
    keys += [pad.findChild(QPushButton, name) for name in ("delete", "ok", "close")]
    assert all(key.isVisible() for key in keys)
    assert min(min(key.width(), key.height()) for key in keys) >= ctx.ui.tap_px


def test_the_pin_shows_as_dots_never_digits(pad):
    enter(pad, "192", ok=False)
    assert pad.dots.count == 3
    assert not any("192" in label.text() for label in pad.findChildren(QLabel))
    touch(pad.findChild(QPushButton, "delete"))
    assert pad.dots.count == 2


def test_right_pin_unlocks(qtbot, pad):
    with qtbot.waitSignal(pad.unlocked, timeout=1000):
        enter(pad, PIN)
    assert pad.dots.count == 0
    assert message(pad) == ""


def test_a_typo_put_right_with_delete_unlocks(qtbot, pad):
    enter(pad, "1925", ok=False)
    touch(pad.findChild(QPushButton, "delete"))
    with qtbot.waitSignal(pad.unlocked, timeout=1000):
        enter(pad, "1")


def test_wrong_pin_says_so_and_clears_the_dots(qtbot, pad, ctx):
    with qtbot.assertNotEmitted(pad.unlocked):
        enter(pad, "1234")
    assert message(pad) == ctx.label("admin_wrong_pin")
    assert pad.dots.count == 0
    enter(pad, "1", ok=False)
    assert message(pad) == ""  # typing again puts the message away


def test_too_many_wrong_pins_lock_the_pad_until_the_lockout_passes(qtbot, pad_for, clock, ctx, monkeypatch):
    from kiosk.ui.admin import pinpad

    monkeypatch.setattr(pinpad, "TICK_MS", 20)  # the countdown ticks quicker; the clock decides
    pad = pad_for(attempts=3, lockout_seconds=120)
    with qtbot.assertNotEmitted(pad.unlocked):
        for _ in range(3):
            enter(pad, "1234")
        assert message(pad) == ctx.label("admin_locked", seconds=120)
        enter(pad, PIN)  # the keys are disabled: nothing is typed, nothing unlocks
        assert not pad.findChild(QPushButton, "ok").isEnabled()
        assert pad.lock.try_pin(PIN, ctx.exhibit.admin.pin_hash) is Result.LOCKED
        clock.advance(100)
        qtbot.waitUntil(lambda: message(pad) == ctx.label("admin_locked", seconds=20), timeout=3000)
        clock.advance(20)
        qtbot.waitUntil(lambda: pad.findChild(QPushButton, "ok").isEnabled(), timeout=3000)
    assert message(pad) == ""
    assert not [timer for timer in pad.findChildren(QTimer) if timer.isActive()]
    with qtbot.waitSignal(pad.unlocked, timeout=1000):
        enter(pad, PIN)


def test_locked_pad_ticks_only_while_it_is_seen(qtbot, pad_for, clock):
    pad = pad_for(attempts=1, lockout_seconds=60)
    enter(pad, "1234")
    ticking = lambda: [t for t in pad.findChildren(QTimer) if t.isActive()]  # noqa: E731
    assert [t.interval() for t in ticking()] == [1000]
    pad.hide()
    assert ticking() == []
    pad.show()
    assert len(ticking()) == 1
    pad.hide()
    clock.advance(60)
    pad.show()  # the lockout ended while no one looked
    assert ticking() == []
    assert message(pad) == ""
    assert pad.findChild(QPushButton, "ok").isEnabled()


def test_closing_the_pad_keeps_the_lockout(qtbot, pad_for, ctx):
    pad = pad_for(attempts=1, lockout_seconds=60)
    enter(pad, "1234")
    with qtbot.waitSignal(pad.closed, timeout=1000):
        touch(pad.findChild(QPushButton, "close"))
    pad.hide()
    pad.clear()  # the window hides the pad, then clears it for next time
    assert not [timer for timer in pad.findChildren(QTimer) if timer.isActive()]
    pad.show()
    assert message(pad) == ctx.label("admin_locked", seconds=60)
    assert not pad.findChild(QPushButton, "ok").isEnabled()


def test_clear_empties_the_pad(pad):
    enter(pad, "1234")
    enter(pad, "56", ok=False)
    pad.clear()
    assert pad.dots.count == 0
    assert message(pad) == ""


def test_a_keyboard_works_too(qtbot, pad):
    pad.setFocus()
    with qtbot.waitSignal(pad.unlocked, timeout=1000):
        QTest.keyClicks(pad, PIN)
        QTest.keyClick(pad, Qt.Key_Return)


# --- AdminScreen --------------------------------------------------------------------------


@pytest.fixture
def screen_for(qtbot, ctx):
    from kiosk.ui.admin.screen import AdminScreen

    def make(result: LoadResult, content_dir: str = "content", size=SCREEN):
        screen = AdminScreen(ctx, result, content_dir, "1.2.3", "09:30")
        shown(qtbot, screen, size)
        return screen

    return make


def broken_copy(folder: Path, strays: int = 1) -> LoadResult:
    """The shipped content with a misspelt key, a bad chart kind and unused files."""
    chapter = folder / "chapters" / "02-secret-police" / "chapter.yaml"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("teaser:", "teazer:", 1).replace("kind: grouped-bar", "kind: pie", 1),
                       encoding="utf-8")
    for number in range(strays):
        (folder / "chapters" / "03-dangerous-person" / f"stray-{number:02}.png").write_bytes(b"x")
    return load_exhibit(folder)


def test_screen_shows_the_status_and_no_problems(screen_for, shipped_exhibit, ctx):
    screen = screen_for(LoadResult(shipped_exhibit, ()))
    assert screen.findChild(QLabel, "admin-title").text() == ctx.label("admin_title")
    status = screen.findChild(QLabel, "status").text()
    assert status == ctx.label("admin_status", version="1.2.3", content=str(Path("content").resolve()),
                               loaded="09:30")
    assert "content content" not in status  # the folder is named whole, where it is
    assert screen.findChild(QLabel, "no-problems").text() == ctx.label("admin_no_problems")
    assert screen.shown_problems() == []


def test_going_back_is_the_primary_action_where_next_sits_and_quitting_is_quiet_and_apart(
        screen_for, shipped_exhibit):
    screen = screen_for(LoadResult(shipped_exhibit, ()))
    back, reload_, quit_ = (screen.findChild(QPushButton, name)
                            for name in ("admin-back", "admin-reload", "admin-exit"))
    assert back.property("role") == "primary" and quit_.property("role") == "quiet"
    right = lambda button: button.mapTo(screen, button.rect().bottomRight()).x()  # noqa: E731
    assert right(back) == max(right(b) for b in (back, reload_, quit_))  # the corner of a visitor's Next
    assert quit_.mapTo(screen, quit_.rect().topLeft()).x() < screen.width() // 4  # at the far end


@pytest.mark.parametrize("name, signal, label", [
    ("admin-back", "back_requested", "admin_back"),
    ("admin-reload", "reload_requested", "admin_reload"),
    ("admin-exit", "exit_requested", "admin_exit"),
])
def test_screen_buttons_ask_for_their_action(qtbot, screen_for, shipped_exhibit, ctx,
                                             name, signal, label):
    screen = screen_for(LoadResult(shipped_exhibit, ()))
    target = screen.findChild(QPushButton, name)
    assert target.text() == ctx.label(label)
    assert target.height() >= ctx.ui.tap_px
    with qtbot.waitSignal(getattr(screen, signal), timeout=1000):
        touch(target)


def test_screen_lists_the_problems_of_broken_content(screen_for, content_copy):
    result = broken_copy(content_copy)
    assert result.errors and result.warnings
    screen = screen_for(result, str(content_copy))
    shown = screen.shown_problems()
    assert shown == [str(p) for p in result.errors] + [str(p) for p in result.warnings]
    where = f"{content_copy}/chapters/02-secret-police/chapter.yaml"
    line = (content_copy / "chapters" / "02-secret-police" / "chapter.yaml").read_text(
        encoding="utf-8").splitlines().index("teazer:") + 1
    assert f"{where}:{line}: unknown key 'teazer': did you mean 'teaser'?" in shown
    assert "warning: " in shown[-1] and "warning: " not in shown[0]
    assert screen.findChild(QLabel, "no-problems") is None


def test_long_problems_wrap_inside_a_portrait_screen(screen_for, content_copy):
    screen = screen_for(broken_copy(content_copy), str(content_copy), size=(600, 800))
    assert screen.problem_list.width() <= screen.scroll.viewport().width()
    assert screen.findChild(QLabel, "status").width() <= screen.width()


def test_set_result_shows_a_reload(qtbot, screen_for, content_copy, shipped_exhibit, ctx):
    screen = screen_for(broken_copy(content_copy))
    assert screen.shown_problems()
    screen.set_result(LoadResult(shipped_exhibit, ()), "10:45")
    qtbot.waitUntil(lambda: screen.findChild(QLabel, "problem") is None)
    assert screen.shown_problems() == []
    assert screen.findChild(QLabel, "no-problems").isVisible()
    assert screen.findChild(QLabel, "status").text().endswith("10:45")


def test_a_long_problem_list_scrolls_by_finger(qtbot, screen_for, content_copy):
    screen = screen_for(broken_copy(content_copy, strays=40), str(content_copy))
    bar = screen.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    viewport = screen.scroll.viewport()
    start = viewport.rect().center()
    swipe(qtbot, viewport, start, start - QPoint(0, 300), steps=10)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
