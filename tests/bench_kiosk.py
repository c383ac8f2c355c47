"""Benchmark of the visitor kiosk: start-up, page changes, memory. Prints its figures.

    .venv/bin/python tests/bench_kiosk.py [--changes 10000]

- Start-up: process start to the first painted frame of the attract screen, side by side
  with a bare PySide6 app that imports pyqtgraph and shows one chart (median of 5 each).
- Page change: from the tap on "next" (a real touch event) to the new page fully painted,
  over every page of the shipped exhibit, chart pages included; 95th percentile.
- Memory: peak RSS after visiting every page, and RSS growth over many page changes.

Not a test (pytest collects test_*.py only): timings belong here, not in the suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
RUNS = 5

KIOSK_CHILD = """
import sys, time
from kiosk.ui.app import start_kiosk
app, kiosk, code = start_kiosk(sys.argv[1], True, "1920x1080")
def done():
    print(time.time(), flush=True)
    app.quit()
kiosk.first_frame.painted.connect(done)
app.exec()
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


def first_frame_ms(code: str, *args: str) -> float:
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=REPO, check=True, timeout=60).stdout
    return (float(out.strip().splitlines()[-1]) - started) * 1000


def bench_startup() -> None:
    content = str(REPO / "content")
    kiosk, bare = [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine
        kiosk.append(first_frame_ms(KIOSK_CHILD, content))
        bare.append(first_frame_ms(BARE_CHILD))
    k, b = statistics.median(kiosk), statistics.median(bare)
    print(f"start-up to first frame (median of {RUNS}): kiosk attract screen {k:.0f} ms, "
          f"bare PySide6 + pyqtgraph chart {b:.0f} ms -> kiosk is {b - k:+.0f} ms "
          f"{'faster' if k <= b else 'SLOWER'}")


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_pages(changes: int) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.content.loader import load_exhibit
    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.kiosk import Kiosk
    from tests.touch import tap

    app = QApplication.instance() or QApplication([])
    register_fonts(assets_dir() / "fonts")
    kiosk = Kiosk(load_exhibit(REPO / "content"), str(REPO / "content"), QSize(1920, 1080), 96, True)
    window = kiosk.window
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    kiosk.start()
    while not kiosk.screens.library.done:  # what the kiosk does after its first frame
        app.processEvents()
    session, screen = kiosk.session, kiosk.screens.chapter
    chapters = kiosk.result.exhibit.chapters

    def turn() -> float:
        """Tap next; the time until the new page is fully painted in place."""
        while window.holding:  # a visitor's next tap comes after the screen has settled
            app.processEvents()
        page = session.state.page
        started = time.perf_counter()
        tap(screen.next_button)
        app.processEvents()
        screen.stack.stop()  # the slide is deliberate motion; measure the page being ready
        window.repaint()
        elapsed = (time.perf_counter() - started) * 1000
        assert session.state.page == page + 1, "the tap did not turn the page"
        return elapsed

    latencies = []
    session.start_visit()
    for index, chapter in enumerate(chapters):
        session.open_chapter(index)
        session.accept_advisory()
        app.processEvents()
        window.repaint()
        for _ in range(len(chapter.pages) - 1):
            latencies.append(turn())
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"page change, tap to new page painted, {len(latencies)} changes over every page: "
          f"median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms "
          f"(target p95 < 33 ms)")
    print(f"peak RSS after visiting every page: {peak_rss_mb():.0f} MB (target < 250 MB)")

    longest = max(range(len(chapters)), key=lambda i: len(chapters[i].pages))
    session.open_chapter(longest)
    session.accept_advisory()
    count = len(chapters[longest].pages)

    def cycle(n: int) -> None:
        for step in range(n):
            session.go_to_page((session.state.page + 1) % count)
            screen.stack.stop()
            app.processEvents()
            window.repaint()

    cycle(500)  # warm up: caches, fonts, glyphs
    before = rss_mb()
    cycle(changes)
    after = rss_mb()
    print(f"RSS over {changes} page changes: {before:.1f} MB -> {after:.1f} MB, "
          f"growth {after - before:+.2f} MB (target < 2 MB)")
    kiosk.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    if not args.skip_startup:
        bench_startup()
    bench_pages(args.changes)


if __name__ == "__main__":
    main()
