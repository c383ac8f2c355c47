"""The soak in the suite: a bounded run over the shipped exhibit in two languages, and proof
that the soak sees what it is there to see.

Each run is ``tests/soak.py`` in a process of its own, as a person runs it: its own Qt, an
offscreen screen the kiosk's size, and its exit status. Nothing waits for real time: the
kiosk's clock moves with the visitor's events.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import CONTENT, REPO

EVENTS = 2000  # a few thousand: every screen, page and picture is reached, in under a minute
RUN_S = 600  # at most, for a run on a machine whose cores are all busy


def soak(*args: str, script: Path = REPO / "tests" / "soak.py") -> subprocess.CompletedProcess:
    env = {**{key: value for key, value in os.environ.items() if not key.startswith("QT_QPA_")},
           "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(script), *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=RUN_S)


def counted(output: str, title: str) -> int:
    found = re.search(rf"^  {re.escape(title)}: (\d+)$", output, re.MULTILINE)
    assert found, f"the soak's report has no line for {title!r}:\n{output}"
    return int(found.group(1))


def test_a_bounded_soak_ends_with_no_exception_warning_or_second_window(tmp_path):
    # The shipped exhibit is bilingual itself, so the home screen offers a choice of language.
    assert "- {code: sv, name: Svenska}" in (CONTENT / "exhibit.yaml").read_text(encoding="utf-8")
    done = soak("--events", str(EVENTS), "--seed", "8", "--content", str(CONTENT))
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    for title in ("exceptions", "Qt and Python warnings", "errors the kiosk logged", "windows of their own",
                  "screen out of step"):
        assert counted(report, title) == 0, report
    assert counted(report, "most windows visible at once") == 1
    assert f"soak: {EVENTS} events in " in report and done.stdout.rstrip().endswith("soak: passed")
    # the visitor went everywhere a visitor can: visits, chapters, pages, languages, sizes, resets
    line = re.search(r"^  the kiosk: (.*)$", report, re.MULTILINE)[1]
    did = dict(item.rsplit(" ", 1) for item in line.split(", "))
    for reason in ("visit started", "chapter opened", "page turned", "language chosen", "text scaled",
                   "idle reset", "home"):
        assert int(did.get(reason, 0)) > 0, f"the soak never saw a {reason!r}: {did}"
    assert re.search(r"RSS: start [\d.]+ MB, end [\d.]+ MB .*after the warm-up \(400 events\) [\d.]+ MB, "
                     r"growth since [+-][\d.]+ MB", report), report


PLANTED = """
import logging
import sys

from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QWidget

from kiosk.session import Screen
from kiosk.ui.kiosk import Kiosk
from tests import soak

strays = []
start_visit, show = Kiosk._on_visit_requested, Kiosk._show


def visit_with_faults(self):
    start_visit(self)
    qWarning("a planted warning")
    logging.getLogger("kiosk").error("a planted error")
    strays.append(QWidget())
    strays[-1].show()  # no parent: a window of its own
    raise RuntimeError("a planted exception")


def show_all_but_chapters(self, state, animate, before=None):
    if state.screen is not Screen.CHAPTER:  # the session opens a chapter; the window stays where it was
        show(self, state, animate, before)


Kiosk._on_visit_requested = visit_with_faults
Kiosk._show = show_all_but_chapters
sys.exit(soak.main(sys.argv[1:]))
"""


def test_the_soak_fails_on_an_exception_a_warning_a_logged_error_a_second_window_and_a_screen_out_of_step(
        tmp_path):
    script = tmp_path / "planted.py"
    script.write_text(PLANTED, encoding="utf-8")
    done = soak("--events", "150", "--seed", "3", script=script)
    report = done.stdout + done.stderr
    assert done.returncode == 1, report
    assert done.stdout.rstrip().endswith("soak: FAILED"), report
    for title in ("exceptions", "Qt and Python warnings", "errors the kiosk logged", "windows of their own",
                  "screen out of step"):
        assert counted(report, title) > 0, report
    assert "RuntimeError: a planted exception" in report
    assert re.search(r"^    event \d+ \(\w[\w ]* on the attract screen\): Qt: a planted warning", report, re.MULTILINE)
    assert re.search(r"^    event \d+ \(.*\): a planted error$", report, re.MULTILINE)
    assert re.search(r"^    event \d+ \(.*\): QWidget showed as a window of its own$", report, re.MULTILINE)
    assert re.search(r"^    event \d+ \(.*\): the session is on chapter, the window shows \w+Screen$", report,
                     re.MULTILINE)
