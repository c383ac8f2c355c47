"""Shared test set-up: Qt offscreen, the shipped content, and a check for leaked timers."""

from __future__ import annotations

import os
import shutil
import sys
import traceback
from pathlib import Path
from weakref import WeakKeyDictionary

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"


# --- napari's dangling-timer check ---------------------------------------------------------

HERE = Path(__file__).resolve()


def _started_at() -> str:
    """Where a timer was started: the project's own frames, innermost first, and the test's."""
    frames = traceback.extract_stack()[:-2]  # drop this function and the patched start
    ours = [f for f in frames if _in_project(f.filename)][::-1] or frames[-1:]
    named = [f"{_short(f.filename)}:{f.lineno} in {f.name}" for f in ours]
    return " <- ".join(named if len(named) <= 4 else named[:3] + ["…", named[-1]])


def _in_project(filename: str) -> bool:
    path = Path(filename).resolve()
    return path.is_file() and path != HERE and REPO in path.parents and ".venv" not in path.parts


def _short(filename: str) -> str:
    path = Path(filename).resolve()
    return str(path.relative_to(REPO)) if REPO in path.parents else filename


def _running(timer) -> bool:
    try:
        return timer.isActive()
    except RuntimeError:  # its C++ object is already gone, and the timer with it
        return False


@pytest.fixture(autouse=True)
def _dangling_qtimers(request, monkeypatch):
    """Fail a test that leaves a QTimer running that Python started (napari's check).

    ``QTimer.start`` and ``QTimer.singleShot`` are wrapped to remember where each timer was
    started; after the test (and its fixtures' teardown, e.g. ``Kiosk.stop()``) every timer
    still running is stopped and named in the failure.
    """
    if "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QObject, QTimer

    started: WeakKeyDictionary = WeakKeyDictionary()
    single_shots: list = []
    base_start, base_single_shot = QTimer.start, QTimer.singleShot

    def start(timer, *args):
        started[timer] = _started_at()
        base_start(timer, *args)

    def single_shot(msec, *args):
        if len(args) == 1 and callable(args[0]):  # singleShot(ms, callable)
            context, slot = None, args[0]
        elif len(args) == 2 and isinstance(args[0], QObject) and callable(args[1]):
            context, slot = args  # singleShot(ms, context, callable): dies with its context
        else:
            return base_single_shot(msec, *args)  # rarer forms: unwatched
        timer = QTimer(context)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        single_shots.append((timer, _started_at()))
        base_start(timer, msec)

    monkeypatch.setattr(QTimer, "start", start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))
    yield
    dangling = [(timer, where) for timer, where in [*started.items(), *single_shots] if _running(timer)]
    for timer, _ in dangling:
        timer.stop()
    single_shots.clear()
    assert not dangling, (
        f"{len(dangling)} QTimer(s) left running after the test; stop them (Kiosk.stop() "
        "stops the kiosk's own). Started at:\n" + "\n".join(f"  {where}" for _, where in dangling)
    )


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content folder, safe to break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def shipped_exhibit():
    """The shipped exhibit, loaded once."""
    from kiosk.content.loader import load_exhibit

    result = load_exhibit(CONTENT)
    assert not result.errors, result.errors
    return result.exhibit


@pytest.fixture
def view_context(qapp, shipped_exhibit):
    """What page views need, for a 1920×1080 screen at 96 dpi, in the exhibit's first language."""
    from PySide6.QtCore import QSize

    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.pages.base import ViewContext
    from kiosk.ui.theme import make_theme

    register_fonts(assets_dir() / "fonts")
    ui = make_theme(shipped_exhibit.theme, QSize(1920, 1080), 96)
    qapp.setStyleSheet(ui.stylesheet())
    return ViewContext(shipped_exhibit, ui, shipped_exhibit.default_language)


def make_kiosk(qtbot, result, size=(1920, 1080), content_dir=None, clock=None, kiosk_mode=True,
               pin_file=None):
    """A kiosk (in kiosk mode unless told) on a screen of ``size``, shown and ready for a finger;
    with ``pin_file`` (a kiosk.pin_file.PinFile), that is its own admin PIN.

    On a ``StillClock`` the kiosk's time, its idle deadlines included, moves only with that
    clock; with no clock it runs on real time and real QTimers.
    """
    from PySide6.QtCore import QSize

    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.kiosk import Kiosk

    register_fonts(assets_dir() / "fonts")
    timing = {"clock": clock, "new_deadline": clock.deadline} if isinstance(clock, StillClock) else \
        {"clock": clock} if clock is not None else {}
    kiosk = Kiosk(result, str(content_dir or CONTENT), QSize(*size), 96, kiosk_mode=kiosk_mode,
                  pin_file=pin_file, **timing)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(*size)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    return kiosk


@pytest.fixture
def kiosk(qtbot, clock):
    """The shipped exhibit running as a kiosk at 1920×1080 on ``clock``, every page built ahead."""
    from kiosk.content.loader import load_exhibit

    running = make_kiosk(qtbot, load_exhibit(CONTENT), clock=clock)
    running.screens.library.build_all()
    yield running
    running.stop()


@pytest.fixture
def open_kiosk(qtbot, tmp_path):
    """Start kiosks on content folders, as the app does after its first frame; stopped after.

    ``open_kiosk(folder, size=…, clock=…)`` loads ``folder`` (it must load without errors)
    and returns the running kiosk. Its own admin PIN is 1921 (``TEST_PIN``), as an operator
    sets it; with ``kiosk_pin=False`` it has none (then only the content's opens the pad).
    """
    from kiosk.content.loader import load_exhibit
    from kiosk.pin_file import PIN_FILE, PinFile

    running = []

    def start(folder: Path, kiosk_pin: bool = True, **options):
        result = load_exhibit(folder)
        assert not result.errors, result.errors
        pin_file = PinFile(with_kiosk_pin(tmp_path / "kiosk-data") / PIN_FILE) if kiosk_pin else None
        kiosk = make_kiosk(qtbot, result, content_dir=folder, pin_file=pin_file, **options)
        kiosk.start()
        running.append(kiosk)
        return kiosk

    yield start
    for kiosk in running:
        kiosk.stop()


# --- time that moves only when the test moves it (timing) ---------------------------------


class StillClock:
    """A monotonic clock (seconds) that moves only when the test moves it, and the deadlines
    that run on it: what the kiosk shows depends on the time the test set, not on how late a
    timer ran under load.

    ``clock.deadline(parent)`` makes a deadline (kiosk.ui.idle.Deadline) on this clock;
    ``clock.advance(seconds)`` moves time on and, on the way, fires every deadline that falls
    due, in order, each at its own moment, before returning.
    """

    def __init__(self) -> None:
        self.now = 1000.0
        self._deadlines: list[StillDeadline] = []
        self._wall_offset = 1_767_225_600.0 - self.now  # the wall clock: 2026-01-01 00:00 UTC

    def __call__(self) -> float:
        return self.now

    def wall(self) -> float:
        """The wall clock (seconds since the epoch, as ``time.time``) that moves with this one."""
        return self._wall_offset + self.now

    def set_wall(self, when) -> None:
        """Put the wall clock at ``when`` (a datetime; naive for the machine's local time)."""
        self._wall_offset = when.timestamp() - self.now

    def deadline(self, parent=None) -> "StillDeadline":
        made = StillDeadline(self)
        self._deadlines.append(made)
        return made

    def waiting(self) -> bool:
        """Whether any deadline on this clock is still to fall due."""
        return any(deadline.due is not None for deadline in self._deadlines)

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while True:
            due = [d for d in self._deadlines if d.due is not None and d.due <= end]
            if not due:
                break
            first = min(due, key=lambda deadline: deadline.due)
            self.now = max(self.now, first.due)
            first.fire()
        self.now = end


class StillDeadline:
    """A deadline on a ``StillClock``: due ``ms`` after it was started, on that clock."""

    def __init__(self, clock: StillClock) -> None:
        self._clock = clock
        self.due: float | None = None
        self._then = None

    def start(self, ms: int, then) -> None:
        self.due, self._then = self._clock.now + ms / 1000, then

    def stop(self) -> None:
        self.due = None

    def fire(self) -> None:
        """Call what waited, as Qt calls a timer's slot: an exception in it goes to
        ``sys.excepthook`` (pytest-qt's in a test, the kiosk's on the floor) and time goes on."""
        self.due = None
        try:
            self._then()
        except Exception:  # noqa: BLE001 (what PySide does with an exception in a slot)
            sys.excepthook(*sys.exc_info())


@pytest.fixture
def clock() -> StillClock:
    return StillClock()


# --- end of time (timing) ----------------------------------------------------------------


TEST_PIN = "1921"  # the PIN of the tests' kiosks: the one kiosk admin-pin refuses, cheap to check


def pin_hash_1921() -> str:
    from kiosk.pin import hash_pin

    return hash_pin(TEST_PIN, salt=b"0123456789abcdef", iterations=1000)


def with_kiosk_pin(data_dir: Path) -> Path:
    """``data_dir`` with the tests' PIN set in it, as ``kiosk admin-pin`` sets it (the shipped
    content holds no PIN)."""
    from kiosk.pin_file import PIN_FILE, PinFile

    PinFile(data_dir / PIN_FILE).write(pin_hash_1921())
    return data_dir


SMALL_EXHIBIT = """\
title: {{en: A small exhibit, sv: En liten utställning}}
languages:
  - {{code: en, name: English}}
  - {{code: sv, name: Svenska}}
idle: {{timeout: {timeout}, warning: {warning}}}
home_timeline: 01-story/years
theme:
  timings: {{page_turn_ms: 120}}
admin:
  pin_hash: "{pin_hash}"
labels:
  touch_to_begin: {{en: Touch the screen to begin, sv: Rör vid skärmen för att börja}}
  home: {{en: Home, sv: Hem}}
  previous: {{en: Back, sv: Bakåt}}
  next: {{en: Next, sv: Nästa}}
  page_of: "{{page}} / {{count}}"
  sources: {{en: Sources, sv: Källor}}
  close: {{en: Close, sv: Stäng}}
  chapters: Chapters
  timeline: Timeline
  language: Language
  advisory_title: Before you continue
  advisory_continue: Continue
  advisory_skip: Skip this chapter
  still_there: {{en: Are you still there?, sv: Är du kvar?}}
  resetting_in: {{en: "Starting over in {{seconds}} s", sv: "Börjar om om {{seconds}} s"}}
  continue_visit: {{en: "Yes, continue", sv: "Ja, fortsätt"}}
  unknown: Not known
  not_applicable: Does not apply
  tap_for_value: Tap a bar to see its figure.
  admin_title: Staff settings
  admin_enter_pin: Enter the PIN
  admin_wrong_pin: Wrong PIN. Please try again.
  admin_locked: "Too many wrong PINs. Try again in {{seconds}} s."
  admin_exit: Quit the kiosk
  admin_reload: Reload the content
  admin_back: Back to the exhibit
  admin_problems: Content problems
  admin_no_problems: The content has no problems.
  admin_status: "Version {{version}} · content {{content}} · loaded {{loaded}}"
  text_size: {{en: Text size, sv: Textstorlek}}
"""

SMALL_CHAPTER = """\
title: {{en: The story, sv: Berättelsen}}
teaser: Four pages to read, study and leave.
pages:
  - type: text
    id: long
    title: A long read
    body: |
{lines}
    sources:
      - {{en: A source, sv: En källa}}
  - type: chart
    id: figures
    title: Two figures
    chart:
      kind: bar
      unit: people
      categories: [First, Second]
      series:
        - {{label: People, values: [120, 340]}}
  - type: timeline
    id: years
    title: Three years
    events:
      - {{date: "1921", title: The first, text: What happened first.}}
      - {{date: "1925", title: The second, text: What happened next.}}
      - {{date: "1930", title: The third, text: What happened last.}}
    sources:
      - {{en: Another source, sv: En annan källa}}
  - type: text
    id: study
    title: A page for study
    idle_timeout: {page_timeout}
    body: Take your time.
"""


@pytest.fixture
def small_content(tmp_path: Path):
    """``small_content(timeout=…, warning=…, page_timeout=…)``: a content folder of its own.

    One chapter in English and Swedish (the kiosk's own words translated, the rest plain):
    a text long enough to scroll, with sources; a bar chart; a timeline (also on the home
    screen); a page with its own ``idle_timeout``. The admin PIN, in exhibit.yaml, is 1921.
    """

    def write(timeout: float = 1, warning: float = 2, page_timeout: float = 3) -> Path:
        root = tmp_path / "small"
        chapter = root / "chapters" / "01-story"
        chapter.mkdir(parents=True, exist_ok=True)
        (root / "exhibit.yaml").write_text(
            SMALL_EXHIBIT.format(timeout=timeout, warning=warning, pin_hash=pin_hash_1921()),
            encoding="utf-8")
        lines = "\n".join(f"      - Line {number} of a long read." for number in range(1, 41))
        (chapter / "chapter.yaml").write_text(
            SMALL_CHAPTER.format(lines=lines, page_timeout=page_timeout), encoding="utf-8")
        return root

    return write


# --- the floor: content owner, snapshot and window -------------------------------------------

@pytest.fixture
def open_floor(qtbot, tmp_path):
    """Start the kiosk as ``kiosk`` does, through the content owner: ``open_floor(folder,
    data=…, clock=…, retry_ms=…)`` shows what can run and returns the ``Floor``; stopped after.
    Each floor's data folder (its snapshot, the PIN pad's memory) is ``tmp_path / "data"``
    unless told, and holds the kiosk's own admin PIN, 1921, unless ``kiosk_pin=False``. On a
    ``StillClock`` its wall clock is that clock's ``wall``."""
    import time

    from PySide6.QtCore import QSize

    from kiosk.owner import ContentOwner
    from kiosk.paths import assets_dir
    from kiosk.ui.floor import Floor
    from kiosk.ui.fonts import register_fonts

    register_fonts(assets_dir() / "fonts")
    floors = []

    def start(folder: Path, data: Path | None = None, clock=None, retry_ms: int = 50, size=(1920, 1080),
              kiosk_pin: bool = True):
        data = data or tmp_path / "data"
        if kiosk_pin:
            with_kiosk_pin(data)
        owner = ContentOwner(folder, data)
        still = isinstance(clock, StillClock)
        floor = Floor(owner, QSize(*size), 96, kiosk_mode=True, clock=clock or time.monotonic,
                      retry_ms=retry_ms, new_deadline=clock.deadline if still else None,
                      wall_clock=clock.wall if still else time.time)
        qtbot.addWidget(floor.window)
        floor.start_up()
        floor.window.resize(*size)
        floor.window.show()
        qtbot.waitExposed(floor.window)
        floor.start()
        floors.append(floor)
        return floor

    yield start
    for floor in floors:
        floor.stop()


def running(floor, qtbot):
    """The floor's kiosk once all of its content has come."""
    qtbot.waitUntil(lambda: floor.kiosk is not None and floor.kiosk.complete, timeout=10000)
    return floor.kiosk


# --- one window: no widget may show as a top-level window of its own ---------------------

def _described(widget) -> str:
    words = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    name = f" {widget.objectName()!r}" if widget.objectName() else ""
    return f"{type(widget).__name__}{name}" + (f" {words[:60]!r}" if words else "")


@pytest.fixture(autouse=True)
def _one_window(request, monkeypatch):
    """Fail a test during which a widget shows as a window of its own, however briefly.

    A widget made visible before it has a parent becomes a top-level window: offscreen it is
    invisible to grabs, on the floor a grey box at the screen's corner. Allowed are the kiosk's
    window and what the test itself gave ``qtbot.addWidget``. An application event filter
    sees each Show of a window as it happens (transient ones too); at teardown every visible
    top-level widget is checked again.
    """
    if "qapp" not in request.fixturenames:
        yield
        return
    from weakref import WeakSet, ref

    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from kiosk.ui.window import KioskWindow

    # Tooltips and popup menus are windows by design, not a widget that lost its parent; that
    # none reaches a visitor is test_kiosk_mode's to check.
    BY_DESIGN = {Qt.WindowType.ToolTip, Qt.WindowType.Popup}  # noqa: N806

    app = QApplication.instance()
    expected, shown = WeakSet(), []
    before = {id(w) for w in app.topLevelWidgets() if w.isVisible()}
    base_add = QtBot.addWidget
    show = QEvent.Type.Show

    def add_widget(qtbot, widget, **kwargs):
        expected.add(widget)
        shown[:] = [(seen, text) for seen, text in shown if seen() is not widget]  # shown, then added
        base_add(qtbot, widget, **kwargs)

    class ShowWatch(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name); every event: keep it short
            if event.type() == show and obj.isWidgetType() and obj.isWindow() and not allowed(obj):
                shown.append((ref(obj), _described(obj)))  # weakly: the check keeps nothing alive
            return False

    def allowed(widget) -> bool:
        return (widget in expected or isinstance(widget, KioskWindow)
                                       or widget.windowType() in BY_DESIGN)

    watch = ShowWatch()
    monkeypatch.setattr(QtBot, "addWidget", add_widget)
    app.installEventFilter(watch)
    yield
    app.removeEventFilter(watch)
    strays = {text for _, text in shown}
    strays |= {_described(w) for w in app.topLevelWidgets()
               if w.isVisible() and id(w) not in before and not allowed(w)}
    shown.clear()
    assert not strays, (
        "a widget showed as a window of its own (give it its parent before making it visible): "
        + "; ".join(sorted(strays)))
