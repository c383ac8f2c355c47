"""The soak: a long run of random touches over the real widgets of a real kiosk.

    python tests/soak.py --events N [--seed S] [--content DIR] [--warm-up W]

A kiosk is made as the tests make one (tests/conftest.py's ``make_kiosk``: offscreen, in
kiosk mode, 1920×1080, on a ``StillClock``) and started; then, inside Qt's own event loop as
on the floor, a ``Visitor`` (tests/soak_visitor.py) does N things one after another: taps
anywhere and on buttons, swipes, two and three fingers, bursts, long presses, bars of charts,
text size and language, idle resets (the clock runs on and the kiosk's deadlines fall due),
and now and then a staff visit. Between events the clock moves on as a visitor pauses; the
run never waits for real time to pass (only a reading visitor lets a page finish sliding).
A seed gives the same choices, not always the same run: Qt slides pages in real time, so a
touch may meet a page still sliding in one run and at rest in another.

It prints the resident memory as it goes, then what went wrong: exceptions (PySide6 hands
one raised in a slot or event handler to ``sys.excepthook``), Qt's warnings, errors the kiosk
logged, widgets shown as windows of their own, and moments where the screen on show was not
the session's. It exits 1 if there was any of those.

Memory is given from the start (the kiosk started, before the first event) and from the end
of the warm-up (the first W events, 5,000 unless told, or a fifth of a shorter run): by then
every page, picture and font a visitor can reach has been made once, so what grows after it
is what the kiosk keeps that it should not. Each figure is taken after a garbage collection.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

if __name__ == "__main__":  # run as a script: the checkout's packages, as pytest sees them
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QObject, QSize, QTimer, Slot  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.content.loader import load_exhibit  # noqa: E402
from kiosk.session import Screen  # noqa: E402
from tests.conftest import CONTENT, StillClock  # noqa: E402
from tests.soak_visitor import Visitor  # noqa: E402
from tests.soak_watch import Watch, rss_mb  # noqa: E402

WARM_UP = 5000
SAMPLES = 20  # memory lines printed over a run


def offscreen_screen(size: tuple[int, int], folder: Path) -> None:
    """An offscreen screen the size of the kiosk's (offscreen's own is 800×800): Qt finds the
    widget under a touch gesture by the screen it lies on, and finds none off the screen."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    screens = folder / "screens.json"
    screens.write_text(json.dumps({"screens": [{"name": "soak", "x": 0, "y": 0, "width": size[0], "height": size[1],
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"


def open_kiosk(content: Path, clock: StillClock, size: tuple[int, int]):
    """The kiosk as tests/conftest.py's ``make_kiosk`` makes it, started as after its first frame."""
    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.kiosk import Kiosk

    result = load_exhibit(content)
    if result.errors:
        raise SystemExit("soak: the content has errors; fix them first:\n" +
                         "\n".join(str(problem) for problem in result.errors))
    register_fonts(assets_dir() / "fonts")
    # The kiosk's own admin PIN, as an operator sets it (the shipped content holds none).
    from kiosk.pin_file import PIN_FILE, PinFile
    from tests.conftest import with_kiosk_pin

    pin_file = PinFile(with_kiosk_pin(Path(tempfile.mkdtemp(prefix="soak-data-"))) / PIN_FILE)
    kiosk = Kiosk(result, str(content), QSize(*size), 96, kiosk_mode=True, clock=clock,
                  new_deadline=clock.deadline, pin_file=pin_file)
    kiosk.window.resize(*size)
    kiosk.window.show()
    QTest.qWaitForWindowExposed(kiosk.window)
    kiosk.start()
    return kiosk


class Soak(QObject):
    """Runs the visitor's events one per turn of the event loop, and keeps the figures."""

    def __init__(self, kiosk, visitor: Visitor, watch: Watch, events: int, warm_up: int):
        super().__init__()
        self.kiosk, self.visitor, self.watch = kiosk, visitor, watch
        self.events, self.warm_up, self.done = events, warm_up, 0
        self.every = max(1, events // SAMPLES)
        self.did: Counter = Counter()
        self.reasons: Counter = Counter()
        self.memory: dict[str, float] = {}
        self.most_windows = 1
        self.started = time.monotonic()
        kiosk.state_changed.connect(lambda change: self.reasons.update([str(change.reason)]))
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_step)

    def run(self) -> None:
        self.memory["start"] = self._sample()
        self.started = time.monotonic()
        self._timer.start()
        QApplication.instance().exec()

    @Slot()
    def _on_step(self) -> None:
        if self.done >= self.events:
            self._timer.stop()
            self.memory["end"] = self._sample()
            QApplication.instance().exit(0)  # not quit(): that asks the window, which refuses in kiosk mode
            return
        name, action = self.visitor.choose()
        self.watch.at = f"event {self.done + 1} ({name} on the {self.kiosk.session.state.screen.value} screen)"
        try:
            action()
            self.visitor.pause()
        except Exception:  # noqa: BLE001 (raised in a call the soak made into the kiosk: counted)
            self.watch.caught(*sys.exc_info())
        self.done += 1
        self.did[name] += 1
        self._check_in_step()
        if self.done == self.warm_up:
            self.memory["warm-up"] = self._sample()
        elif self.done % self.every == 0 and self.done < self.events:
            self._sample()

    def _check_in_step(self) -> None:
        """The screen on show is the session's (a transition that failed half-way leaves them apart)."""
        kiosk = self.kiosk
        state = kiosk.session.state.screen
        expected = kiosk.staff.screen if state is Screen.ADMIN else kiosk.screens.screen_for(state)
        if kiosk.window.current_screen() is not expected:
            shown = kiosk.window.current_screen()
            self.watch.out_of_step.add(f"{self.watch.at}: the session is on {state.value}, the window shows "
                                       f"{type(shown).__name__}")

    def _sample(self) -> float:
        gc.collect()
        rss = rss_mb()
        strays = self.watch.stray_windows()
        self.most_windows = max(self.most_windows, 1 + len(strays))
        for stray in strays:
            self.watch.windows.add(f"{self.watch.at}: {stray} is visible as a window of its own")
        print(f"soak: {self.done:>7} events  {time.monotonic() - self.started:7.1f} s  RSS {rss:7.1f} MB  "
              f"{self.kiosk.session.state.screen.value}", flush=True)
        return rss


def report(soak: Soak, watch: Watch, seed: int, content: Path, wall: float) -> int:
    memory = soak.memory
    print(f"\nsoak: {soak.done} events in {wall:.1f} s (seed {seed}, content {content})")
    print("  did: " + ", ".join(f"{name} {count}" for name, count in soak.did.most_common()))
    print("  the kiosk: " + ", ".join(f"{reason} {count}" for reason, count in soak.reasons.most_common()))
    for title, tally in (("exceptions", watch.exceptions), ("Qt and Python warnings", watch.warnings),
                         ("errors the kiosk logged", watch.errors_logged),
                         ("windows of their own", watch.windows), ("screen out of step", watch.out_of_step)):
        print(f"  {title}: {tally.count}")
        for text in tally.first:
            print("    " + text.rstrip().replace("\n", "\n    "))
    print(f"  most windows visible at once: {soak.most_windows}")
    start, end = memory["start"], memory["end"]
    line = f"  RSS: start {start:.1f} MB, end {end:.1f} MB ({end - start:+.1f} MB)"
    if "warm-up" in memory:
        warm = memory["warm-up"]
        line += f"; after the warm-up ({soak.warm_up} events) {warm:.1f} MB, growth since {end - warm:+.1f} MB"
    print(line)
    failed = watch.failures + (soak.most_windows > 1)
    print(f"soak: {'FAILED' if failed else 'passed'}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, required=True, help="how many things the visitor does")
    parser.add_argument("--seed", type=int, default=1, help="the visitor's random seed (default 1)")
    parser.add_argument("--content", type=Path, default=CONTENT, help="the content folder (default: the shipped one)")
    parser.add_argument("--warm-up", type=int, help=f"events before the memory baseline (default {WARM_UP}, "
                        "or a fifth of a shorter run)")
    parser.add_argument("--size", default="1920x1080", help="the screen, WIDTHxHEIGHT (default 1920x1080)")
    args = parser.parse_args(argv)
    warm_up = args.warm_up if args.warm_up is not None else min(WARM_UP, args.events // 5)
    size = tuple(int(part) for part in args.size.split("x"))
    app = QApplication.instance()
    if app is None:
        with tempfile.TemporaryDirectory(prefix="soak-") as folder:
            offscreen_screen(size, Path(folder))
            app = QApplication(sys.argv[:1])
    began = time.monotonic()
    clock = StillClock()
    kiosk = open_kiosk(args.content, clock, size)
    watch = Watch(kiosk.window)
    watch.start()
    try:
        soak = Soak(kiosk, Visitor(kiosk, clock, random.Random(args.seed)), watch, args.events, warm_up)
        soak.run()
    finally:
        watch.close()
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()
    return report(soak, watch, args.seed, args.content, time.monotonic() - began)


if __name__ == "__main__":
    sys.exit(main())
