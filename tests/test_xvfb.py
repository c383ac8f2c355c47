"""The real kiosk on a real X server (Xvfb), as on the floor: one window, and what the proof shows.

One ``kiosk`` process is started full screen on its own Xvfb and walked by ``xdotool``
through a visit (attract, home, the secret-police chapter, its 1924 chart). From start-up
to the end every poll counts the X server's viewable windows: there must be exactly one.
The chart page, grabbed from the X server, must be the very picture ``kiosk proof`` renders
offscreen for the same page.

Where to tap comes from the same kiosk laid out in this process (offscreen, same size):
the test taps the widgets a visitor would, wherever the layout puts them.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import numpy as np
import pytest
from PySide6.QtGui import QImage

from pytestqt.qtbot import QtBot

from kiosk.content.loader import load_exhibit
from tests.conftest import CONTENT, REPO, make_kiosk
from tests.touch import settle, tap
from tests.xserver import HEIGHT, STEP_S, WIDTH, env, needs_xvfb, run, screenshot, viewable_windows
from tests.xserver import xvfb  # noqa: F401 (a fixture: the display this module's kiosk runs on)

CHAPTER, PAGE = "02-secret-police", 3  # the 1924 chart, whose long row names were cut short
pytestmark = needs_xvfb


@dataclass
class Visit:
    """What the X server showed while the real kiosk was visited."""

    viewable: list[tuple[str, list[str]]] = field(default_factory=list)  # (moment, viewable windows)
    chart_page: QImage = field(default_factory=QImage)
    log: str = ""


class WindowWatch(threading.Thread):
    """Counts the viewable windows again and again, beside the test's taps, until stopped."""

    def __init__(self, display: str, visit: Visit):
        super().__init__(daemon=True)
        self.display, self.visit, self.moment = display, visit, "start-up"
        self._done = threading.Event()
        self.problem: Optional[BaseException] = None

    def run(self) -> None:
        try:
            while not self._done.is_set():
                self.visit.viewable.append((self.moment, viewable_windows(self.display)))
        except BaseException as exc:  # noqa: BLE001 (raised again in the test's thread)
            self.problem = exc

    def stop(self) -> None:
        self._done.set()
        self.join(timeout=STEP_S)

    def check(self) -> None:
        """Raise what went wrong in the watching, if anything did."""
        if self.problem is not None:
            raise self.problem


@pytest.fixture(scope="module")
def taps(qapp, request) -> list[tuple[str, tuple[int, int]]]:
    """Where a visitor taps, in window pixels, found on the same kiosk laid out here."""
    exhibit = load_exhibit(CONTENT)
    kiosk = make_kiosk(QtBot(request), exhibit, size=(WIDTH, HEIGHT))
    kiosk.start()
    qtbot, screens, taps = QtBot(request), kiosk.screens, []

    def visitor_taps(name: str, widget) -> None:
        at = widget.mapTo(kiosk.window, widget.rect().center())
        taps.append((name, (at.x(), at.y())))
        tap(widget)
        settle(kiosk, qtbot)

    try:
        visitor_taps("attract", screens.attract)
        chapters = [chapter.id for chapter in exhibit.exhibit.chapters]
        visitor_taps("home", screens.home.tiles[chapters.index(CHAPTER)])
        visitor_taps("advisory", screens.advisory.continue_button)
        for number in range(PAGE):
            visitor_taps(f"page {number + 1}", screens.chapter.next_button)
        assert screens.chapter.stack.current_view().page.id == "gpu-1924"
    finally:
        kiosk.stop()
        kiosk.window.close()
        kiosk.window.deleteLater()
    return taps


def _until_changed(display: str, before: bytes, moment: str) -> bytes:
    """Screenshots until the screen has changed from ``before`` and then stood still for longer
    than the kiosk ignores touches after a screen change (so the next tap is not swallowed)."""
    still_for = 2 * load_exhibit(CONTENT).exhibit.theme.timings.page_turn_ms / 1000
    deadline, last, since = time.monotonic() + STEP_S, before, time.monotonic()
    while time.monotonic() < deadline:
        shot = screenshot(display)
        if shot != last:
            last, since = shot, time.monotonic()
        elif shot != before and time.monotonic() - since >= still_for:
            return shot
    raise AssertionError(f"{moment}: the screen did not change and settle within {STEP_S} s")


def _started(log: Path, visit: Visit, output: Path, watch: "WindowWatch") -> None:
    """Until the kiosk's log says it has started and its window is mapped."""
    deadline = time.monotonic() + STEP_S
    while time.monotonic() < deadline:
        watch.check()
        if any(windows for _, windows in visit.viewable[-1:]) and log.is_file() \
                and "kiosk started with" in log.read_text(encoding="utf-8"):
            return
        time.sleep(0.05)  # a poll's pace, not an assertion's: the loop checks until it holds
    said = output.read_text(encoding="utf-8") if output.is_file() else ""
    raise AssertionError(f"the kiosk did not start within {STEP_S} s; it said:\n{said}")


@pytest.fixture(scope="module")
def proof(tmp_path_factory):
    """``kiosk proof`` of the shipped content at the screen's size, started at once (it takes
    a few seconds, while the real kiosk is visited); call it for the chart page's picture."""
    out = tmp_path_factory.mktemp("proof")
    running = subprocess.Popen([sys.executable, "-m", "kiosk", "proof", str(CONTENT), "--out", str(out),
                                "--size", f"{WIDTH}x{HEIGHT}"], cwd=REPO, env=env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def picture() -> QImage:
        _, errors = running.communicate(timeout=120)
        assert running.returncode == 0, errors
        [path] = out.glob(f"[0-9][0-9][0-9]-{CHAPTER}-p{PAGE + 1:02d}-chart.png")
        return QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)

    yield picture
    if running.poll() is None:
        running.kill()
    running.communicate(timeout=10)


@pytest.fixture(scope="module")
def visit(xvfb, proof, taps, tmp_path_factory) -> Visit:
    """The real ``kiosk`` started full screen on ``xvfb`` and walked to the 1924 chart."""
    state = tmp_path_factory.mktemp("state")
    output = (state / "output.txt").open("w")
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", str(CONTENT)], cwd=REPO, stdout=output,
                             stderr=subprocess.STDOUT,
                             env=env(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", XDG_STATE_HOME=str(state),
                                      XDG_DATA_HOME=str(state / "data")))
    seen = Visit()
    watch = WindowWatch(xvfb, seen)
    watch.start()
    try:
        _started(state / "kiosk" / "log" / "kiosk.log", seen, state / "output.txt", watch)
        shot = screenshot(xvfb)
        for moment, (x, y) in taps:
            watch.moment = f"after the tap on {moment}"
            run(xvfb, "xdotool", "mousemove", str(x), str(y), "click", "1")
            shot = _until_changed(xvfb, shot, watch.moment)
        seen.chart_page = QImage(shot, WIDTH, HEIGHT, WIDTH * 3, QImage.Format.Format_RGB888).copy()
    finally:
        watch.stop()
        kiosk.terminate()
        kiosk.wait(timeout=10)
        output.close()
        seen.log = (state / "output.txt").read_text(encoding="utf-8")
    watch.check()
    return seen


def test_the_kiosk_shows_one_window_from_start_up_through_a_visit(visit):
    looks = [(moment, windows) for moment, windows in visit.viewable
             if windows or moment != "start-up"]  # from the first look that finds a window on
    assert len(looks) >= 10, "too few looks to count on"
    first = looks[0][1]
    assert len(first) == 1 and f"{WIDTH}x{HEIGHT}+0+0" in first[0], first
    # The same window may be named a moment after it maps: a window is its id and its geometry.
    same = [(line.split()[0], line.split()[-3:]) for line in first]
    extra = [(moment, windows) for moment, windows in looks
             if [(line.split()[0], line.split()[-3:]) for line in windows] != same]
    assert not extra, f"not only the kiosk's window {first}:\n" + "\n".join(
        f"  {moment}: {windows}" for moment, windows in extra[:5]) + f"\nkiosk output:\n{visit.log}"


def test_the_proof_of_a_chart_page_is_the_page_on_the_floor(visit, proof, tmp_path):
    floor, proofed = visit.chart_page, proof()
    differing = _differing(floor, proofed)
    if differing:
        floor.save(str(tmp_path / "floor.png"))
        proofed.save(str(tmp_path / "proof.png"))
    assert differing == 0, (
        f"the real window's {CHAPTER} page {PAGE + 1} differs from its proof in {differing} pixels; "
        f"see {tmp_path}")


def _differing(one: QImage, other: QImage) -> int:
    if one.size() != other.size():
        return max(one.width() * one.height(), other.width() * other.height())
    return int(np.count_nonzero((_pixels(one) != _pixels(other)).any(axis=2)))


def _pixels(image: QImage) -> np.ndarray:
    """The image's red, green and blue, row by row (what the eye sees; no alpha, no metadata)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return rows[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).copy()  # rgb's memory dies with it
