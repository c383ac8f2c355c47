"""Benchmark of content past the limits: how fast the message comes, how much memory, how long
the running kiosk's event loop is ever held. Prints one line of figures per case.

    .venv/bin/python tests/bench_limits.py [--main /path/to/a/checkout]

For each case (the bad content that once froze or crashed the kiosk, built in a temporary
folder by the cases of tests/test_limits.py):
- validate: ``kiosk validate`` in a process of its own: seconds to its summary, peak RSS;
- kiosk: the kiosk started on the folder in a process of its own (offscreen, 1920×1080), every
  page of every chapter visited, in the real event loop, with a 2 ms heartbeat timer timing how
  long the loop is ever held: the longest hold while it starts (first frame, pages built ahead,
  pictures checked) and while a visitor goes through every page, the peak RSS; or how it ended
  when it did not start. The valid base exhibit is
  measured first, so that what the bad content adds can be told apart.

Not a test (pytest collects test_*.py only): timings belong here, not in the suite.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.test_limits import MEASURED, Case, case_named  # noqa: E402
from tests.test_validate_broken import build  # noqa: E402

KIOSK_CHILD = """
import inspect, resource, sys, tempfile, time
from PySide6.QtCore import QEventLoop, QTimer
from kiosk.ui.app import start_kiosk

BEAT_S = 0.002
longest = 0.0
last_beat = None

def beat():
    # A timer every 2 ms: the gap between two of its beats, less 2 ms, is how long the loop
    # was held by whatever ran between them (one event, not a batch of them).
    global longest, last_beat
    now = time.monotonic()
    if last_beat is not None:
        longest = max(longest, now - last_beat - BEAT_S)
    last_beat = now

def pump(seconds, until=lambda: False):
    # The real event loop (exec), for ``seconds`` or until ``until()``, its holds timed.
    global last_beat
    loop, end = QEventLoop(), time.monotonic() + seconds
    heart, check = QTimer(), QTimer()
    heart.setInterval(round(BEAT_S * 1000))
    heart.timeout.connect(beat)
    check.setInterval(5)
    check.timeout.connect(lambda: loop.quit() if until() or time.monotonic() >= end else None)
    last_beat = None
    heart.start()
    check.start()
    loop.exec()
    heart.stop()
    check.stop()

def peak():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

# The kiosk of this branch returns (app, kiosk, code); a later one (app, floor), and loads the
# content in the background into floor.kiosk.
extra = [tempfile.mkdtemp()] if "data" in inspect.signature(start_kiosk).parameters else []
started = start_kiosk(sys.argv[1], True, "1920x1080", *extra)
app, floor = started[0], (started[1] if len(started) == 2 else None)
kiosk = started[1] if floor is None else None
if floor is None and kiosk is None:
    print("did-not-start", started[2], peak())
    sys.exit(0)
(floor or kiosk).window.show()
pump(3)  # the first frame, then pages built ahead and the pictures' check
if floor is not None:
    pump(60, lambda: floor.kiosk is not None and getattr(floor.kiosk, "complete", True))
    kiosk = floor.kiosk
    if kiosk is None:
        print("did-not-start", "-", peak())
        sys.exit(0)
at_start, longest = longest, 0.0
session = kiosk.session
exhibit = getattr(session, "exhibit", None) or kiosk.result.exhibit
session.start_visit()
pump(0.5)
for index, chapter in enumerate(exhibit.chapters):
    session.open_chapter(index)
    if chapter.advisory:
        session.accept_advisory()
    pump(0.6)
    for _ in chapter.pages[1:]:
        session.next_page()
        pump(0.6)
    session.go_home()
    pump(0.3)
(floor or kiosk).stop()
print("ran", round(at_start * 1000), round(longest * 1000), peak())
"""


def long_body(path: Path) -> None:
    """A chapter with one valid text of 50 MB (ten million words)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("title: Body\nteaser: A long read.\npages:\n  - type: text\n    body: >\n")
        for _ in range(1000):
            handle.write("      " + "word " * 10_000 + "\n")


def cases() -> list[Case]:
    """The bad content that once froze or crashed the kiosk."""
    chosen = [("the valid base exhibit, for comparison", {}),
              ("85,000-row CSV chart", case_named("csv-too-large").files),
              ("50 MB text body", {"76-body/chapter.yaml": long_body}),
              ("nested <use> SVG", case_named("svg-billion-laughs").files),
              ("8000x8000 PNG on six pages", case_named("huge-picture").files),
              ("symlink loop", case_named("link-loop-unused").files)]
    return [Case(label, files, ()) for label, files in chosen]


TIMEOUT = 600


def run(code: str, folder: Path, cwd: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    found = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True,
                           env=env, cwd=cwd, timeout=TIMEOUT)
    return (found.stdout.strip() or found.stderr.strip()[-300:] or f"exit {found.returncode}").splitlines()


def kiosk_figures(folder: Path, cwd: Path) -> str:
    try:
        lines = run(KIOSK_CHILD, folder, cwd)
    except subprocess.TimeoutExpired:
        return f"kiosk held for {TIMEOUT} s: stopped"
    last = lines[-1].split()
    if last[0] == "ran":
        return (f"kiosk: longest event-loop turn {last[1]} ms starting, {last[2]} ms visiting every "
                f"page; peak {last[3]} MB")
    if last[0] == "did-not-start":
        return f"kiosk: did not start (exit {last[1]}), peak {last[2]} MB"
    return "kiosk: " + " | ".join(lines)[-200:]


def validate_figures(folder: Path, cwd: Path) -> str:
    try:
        lines = run(MEASURED, folder, cwd)
    except subprocess.TimeoutExpired:
        return f"validate: no answer in {TIMEOUT} s"
    figures = lines[0].split()
    if len(figures) != 3:
        return "validate: " + " | ".join(lines)[-200:]
    code, seconds, peak = figures
    return f"validate: exit {code} in {seconds} s, peak {peak} MB; {lines[-1][-60:]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--main", type=Path, default=REPO, help="the checkout whose kiosk is measured, "
                        "to compare with another branch (run this script with that checkout's Python)")
    parser.add_argument("--only", default="", help="only the cases whose name holds this")
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds before a process is stopped")
    args = parser.parse_args()
    globals()["TIMEOUT"] = args.timeout
    for case in [c for c in cases() if args.only in c.id]:
        with tempfile.TemporaryDirectory() as tmp:
            content = build(Path(tmp), [case])
            print(f"{case.id}:\n  {validate_figures(content, args.main)}\n  {kiosk_figures(content, args.main)}",
                  flush=True)


if __name__ == "__main__":
    main()
