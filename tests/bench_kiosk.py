"""Benchmark of the visitor kiosk on the floor: start-up, page changes, slides, presentation
switches, memory. Prints its figures beside their goals.

    .venv/bin/python tests/bench_kiosk.py [--changes 10000] [--quick]

- Start-up: process start to the attract screen's first painted frame, with bytecode cached
  and the kiosk's data folder warm (as on a kiosk's second start), side by side with a bare
  PySide6 + pyqtgraph one-chart app, and on a generated 100 × 40-page exhibit (median of 5).
- Page change: the tap on "next" (a real touch event) to the new page painted, every page.
- Slides: the intervals between painted frames while a page slides.
- Text size: the tap on the larger-text button to the new texts painted.
- Memory: peak RSS on the shipped exhibit; on the generated exhibit after 60 s and 500 random
  page visits; RSS growth over many page changes.

Each figure comes from a process of its own, so one does not inherit another's memory.
Not a test (pytest collects test_*.py only): timings belong here, not in the suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
RUNS = 5

KIOSK_CHILD = """
import sys, time
from kiosk.ui.app import start_kiosk
app, floor = start_kiosk(sys.argv[1], True, "1920x1080", sys.argv[2])
def done():
    print(time.time(), flush=True)
    app.quit()
# The time is taken as the frame is painted, before the kiosk's own work after the first frame
# (building ahead), which start_kiosk connected first.
floor.first_frame.painted.disconnect(floor.start)
floor.first_frame.painted.connect(done)
floor.first_frame.painted.connect(floor.start)
app.exec()
floor.stop()
"""

BARE_CHILD = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import pyqtgraph as pg
app = QApplication([])
plot = pg.PlotWidget()
plot.plot([1, 5, 2, 4, 3])
plot.resize(1920, 1080)
class First(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print(time.time(), flush=True), app.quit()))
        return False
first = First()
plot.viewport().installEventFilter(first)  # a graphics view paints in its viewport
plot.show()
app.exec()
"""


def child_env() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a real kiosk caches bytecode
    env["PYTHONPATH"] = str(REPO)
    return env


def first_frame_ms(code: str, *args: str) -> float:
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=REPO, check=True, timeout=120, env=child_env()).stdout
    return (float(out.strip().splitlines()[-1]) - started) * 1000


def bench_startup(big: Path, data: Path) -> None:
    shipped = str(REPO / "content")
    for folder, name in ((shipped, "shipped"), (str(big), "big")):  # warm bytecode and data folder
        first_frame_ms(KIOSK_CHILD, folder, str(data / name))
    first_frame_ms(BARE_CHILD)
    times: dict[str, list[float]] = {"kiosk": [], "big": [], "bare": []}
    for _ in range(RUNS):  # interleaved, so all see the same machine
        times["kiosk"].append(first_frame_ms(KIOSK_CHILD, shipped, str(data / "shipped")))
        times["big"].append(first_frame_ms(KIOSK_CHILD, str(big), str(data / "big")))
        times["bare"].append(first_frame_ms(BARE_CHILD))
    k, g, b = (statistics.median(times[n]) for n in ("kiosk", "big", "bare"))
    print(f"start-up to first frame (median of {RUNS}): kiosk {k:.0f} ms, bare PySide6 + pyqtgraph "
          f"chart {b:.0f} ms -> {k / b:.2f}x (goal <= 0.6x)")
    print(f"start-up on the 4,000-page exhibit: {g:.0f} ms -> {g / k:.2f}x the shipped exhibit "
          f"(goal <= 1.3x)")


# --- in a child process: one running kiosk ----------------------------------------------------

def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


class Running:
    """The kiosk as ``kiosk`` starts it, on ``folder``, driven in-process."""

    def __init__(self, folder: Path, data: Path):
        from PySide6.QtWidgets import QApplication

        from kiosk.ui.app import start_kiosk

        self.app, self.floor = start_kiosk(str(folder), True, "1920x1080", str(data))
        self.app = QApplication.instance()
        self.window = self.floor.window
        self.run_until(lambda: self.floor.kiosk is not None and self.floor.kiosk.complete)
        self.kiosk = self.floor.kiosk
        self.session = self.kiosk.session
        self.idle()

    def turn(self) -> None:
        """One turn of the event loop as ``app.exec()`` makes it: processEvents alone never
        deletes what ``deleteLater`` gave up, the top-level loop does."""
        from PySide6.QtCore import QCoreApplication, QEvent

        self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)

    def run_until(self, done, limit: float = 60.0) -> None:
        started = time.time()
        while not done():
            self.turn()
            if time.time() - started > limit:
                raise RuntimeError("the kiosk did not get there in time")

    def idle(self) -> None:
        """Let the background work (views built ahead) and what moves on screen (a slide, bars
        growing) finish, as a visitor's pause to read would."""
        from PySide6.QtCore import QAbstractAnimation

        library = self.kiosk.screens.library

        def moving() -> bool:
            return any(animation.state() == QAbstractAnimation.Running
                       for animation in self.window.findChildren(QAbstractAnimation))

        self.run_until(lambda: library.done and not self.window.holding and not moving())

    def tap(self, widget) -> float:
        """A touch tap; the time until the window has painted what it changed."""
        from tests.touch import tap

        self.run_until(lambda: not self.window.holding)
        started = time.perf_counter()
        tap(widget)
        self.turn()
        self.kiosk.screens.chapter.stack.stop() if self.kiosk.screens.chapter.busy else None
        self.window.repaint()
        return (time.perf_counter() - started) * 1000

    def open(self, index: int) -> None:
        self.session.open_chapter(index)
        self.session.accept_advisory()
        self.turn()
        self.window.repaint()


def measure_pages(run: Running) -> dict:
    latencies = []
    screen = run.kiosk.screens.chapter
    run.session.start_visit()
    for index, chapter in enumerate(run.session.exhibit.chapters):
        run.open(index)
        run.idle()
        for _ in range(len(chapter.pages) - 1):
            page = run.session.state.page
            latencies.append(run.tap(screen.next_button))
            assert run.session.state.page == page + 1, "the tap did not turn the page"
            run.idle()
    return {"page_median": statistics.median(latencies), "page_p95": p95(latencies),
            "page_max": max(latencies), "page_count": len(latencies)}


def measure_slides(run: Running) -> dict:
    """Frame intervals while pages slide: every paint of the strip's views, by time."""
    from PySide6.QtCore import QEvent, QObject

    frames: list[float] = []

    screen = run.kiosk.screens.chapter

    class Frames(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Paint and (obj is screen.stack or screen.stack.isAncestorOf(obj)):
                now = time.perf_counter()
                if not frames or now - frames[-1] > 0.002:  # the views of one frame paint together
                    frames.append(now)
            return False

    spy = Frames()
    intervals: list[float] = []
    from tests.touch import tap

    for index, chapter in enumerate(run.session.exhibit.chapters):
        run.open(index)
        run.idle()
        for _ in range(len(chapter.pages) - 1):
            run.run_until(lambda: not run.window.holding)
            frames.clear()
            run.app.installEventFilter(spy)  # the whole app: views built or dropped on the way count too
            tap(screen.next_button)
            run.run_until(lambda: not screen.busy)
            run.app.removeEventFilter(spy)
            intervals += [(b - a) * 1000 for a, b in zip(frames, frames[1:])]
            run.idle()
    return {"frame_p95": p95(intervals), "frame_max": max(intervals), "frame_count": len(intervals)}


def measure_switch(run: Running, name: str, button) -> dict:
    """Tap a switch (``button(screen)`` finds it) on the home screen and on a chapter page, six
    times on each: the figures ``{name}_p95`` and ``{name}_max``."""
    session, screens = run.session, run.kiosk.screens
    latencies = []
    for place in ("home", "chapter"):
        session.reset()
        session.start_visit()
        run.idle()
        if place == "chapter":
            run.open(1)
            run.idle()
        target = screens.home if place == "home" else screens.chapter
        for _ in range(6):
            latencies.append(run.tap(button(target)))
            run.idle()
    return {f"{name}_p95": p95(latencies), f"{name}_max": max(latencies)}


def measure_text_size(run: Running) -> dict:
    """The larger-text button."""
    return measure_switch(run, "text", lambda screen: screen.text_size_button)


def measure_language(run: Running) -> dict:
    """The language buttons: each tap the other language (English, Swedish, English …)."""
    session = run.session

    def other(screen):
        return next(b for b in screen.language_buttons if b.property("lang") != session.state.language)

    return measure_switch(run, "language", other) if session.exhibit.languages[1:] else {}


def child_shipped(data: Path, changes: int) -> None:
    run = Running(REPO / "content", data)
    figures = measure_pages(run)
    figures.update(measure_slides(run))
    figures.update(measure_text_size(run))
    figures.update(measure_language(run))
    figures["peak_rss"] = peak_rss_mb()
    session, screen = run.session, run.kiosk.screens.chapter
    chapters = session.exhibit.chapters
    longest = max(range(len(chapters)), key=lambda i: len(chapters[i].pages))
    run.open(longest)
    count = len(chapters[longest].pages)

    def cycle(n: int) -> None:
        for _ in range(n):
            session.go_to_page((session.state.page + 1) % count)
            screen.stack.stop()
            run.turn()
            run.window.repaint()

    cycle(500)  # warm up: caches, fonts, glyphs
    before = rss_mb()
    cycle(changes)
    figures.update(growth_before=before, growth_after=rss_mb(), changes=changes)
    print(json.dumps(figures))
    run.floor.stop()


def child_big(folder: Path, data: Path, seconds: float, visits: int) -> None:
    run = Running(folder, data)
    started = time.time()
    chooser = random.Random(1921)
    chapters = run.session.exhibit.chapters
    run.session.start_visit()
    for _ in range(visits):
        index = chooser.randrange(len(chapters))
        run.open(index)
        run.session.go_to_page(chooser.randrange(len(chapters[index].pages)))
        run.kiosk.screens.chapter.stack.stop()
        run.turn()
        run.window.repaint()
    while time.time() - started < seconds:  # the background work of a minute on the floor
        run.turn()
    print(json.dumps({"big_peak_rss": peak_rss_mb(), "big_seconds": time.time() - started,
                      "big_views": len(run.kiosk.screens.library.all_views())}))
    run.floor.stop()


def in_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                         cwd=REPO, check=True, timeout=1800, env=child_env()).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="1,000 changes, 10 s on the big exhibit")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "shipped":
            child_shipped(Path(rest[0]), int(rest[1]))
        else:
            child_big(Path(rest[0]), Path(rest[1]), float(rest[2]), int(rest[3]))
        return
    from tests.bench_content import make_exhibit

    changes, seconds = (1000, 10.0) if args.quick else (args.changes, 60.0)
    with tempfile.TemporaryDirectory() as tmp:
        big, data = Path(tmp) / "big", Path(tmp) / "data"
        make_exhibit(big, 100, 40)
        bench_startup(big, data)
        f = in_child("shipped", str(data / "shipped"), str(changes))
        print(f"page change, tap to new page painted, {f['page_count']} changes over every page: "
              f"median {f['page_median']:.1f} ms, p95 {f['page_p95']:.1f} ms, max {f['page_max']:.1f} ms "
              f"(goal p95 <= 16.7 ms)")
        print(f"frames while a page slides ({f['frame_count']} intervals): p95 {f['frame_p95']:.1f} ms, "
              f"max {f['frame_max']:.1f} ms (goal p95 <= 20 ms, none over 50 ms)")
        print(f"text-size switch, tap to new texts painted: p95 {f['text_p95']:.1f} ms, "
              f"max {f['text_max']:.1f} ms (goal p95 <= 100 ms)")
        if "language_p95" in f:
            print(f"language switch, tap to new texts painted: p95 {f['language_p95']:.1f} ms, "
                  f"max {f['language_max']:.1f} ms (goal p95 <= 100 ms)")
        print(f"peak RSS on the shipped exhibit: {f['peak_rss']:.0f} MB (goal <= 150 MB)")
        print(f"RSS over {f['changes']} page changes: {f['growth_before']:.1f} MB -> {f['growth_after']:.1f} MB, "
              f"growth {f['growth_after'] - f['growth_before']:+.2f} MB (goal < 2 MB)")
        g = in_child("big", str(big), str(data / "big"), str(seconds), "500")
        print(f"peak RSS on the 4,000-page exhibit after {g['big_seconds']:.0f} s and 500 random visits: "
              f"{g['big_peak_rss']:.0f} MB, {g['big_views']} page views kept (goal <= 250 MB)")


if __name__ == "__main__":
    main()
