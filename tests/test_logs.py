"""The log staff read after weeks on the floor: where it goes, a disk that fills under it,
native crashes in it, and the figures of each day.

What sets up the process's logging runs in a fresh interpreter of its own (the handlers,
the excepthook and faulthandler are the process's); the day's figures run in-process on a
kiosk whose clock moves only when the test moves it.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.logs import LOG_BYTES
from tests.conftest import REPO, running
from tests.touch import settle, start_visit, tap

ONE_LINE = "the log file {} cannot be written (No space left on device): logging to stderr only"

LOGGING = """
import sys
from kiosk.logs import log, setup_logging
setup_logging(*sys.argv[2:])
for number in range(int(sys.argv[1])):
    log.info("visit %d began", number)
"""


def python(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def assert_said_once_then_stderr_only(done: subprocess.CompletedProcess, log_file: Path, records: int) -> None:
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stderr.splitlines()
    assert "Logging error" not in done.stderr and "Traceback" not in done.stderr, done.stderr[:2000]
    said = [line.split(": ", 1)[1] for line in lines if "cannot be written" in line]
    assert said == [ONE_LINE.format(log_file)]
    assert sum(" visit " in line for line in lines) == records  # each record reached stderr
    assert len(lines) == records + 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_log_file_on_a_full_disk_says_so_once_and_the_log_goes_on_on_stderr(tmp_path):
    state = tmp_path / "state"  # the log folder follows XDG_STATE_HOME, as on a Linux desktop
    folder = state / "kiosk" / "log"
    folder.mkdir(parents=True)
    (folder / "kiosk.log").symlink_to("/dev/full")  # every write: ENOSPC, as on a full disk
    done = python(LOGGING, "2000", env={"XDG_STATE_HOME": str(state)})
    assert_said_once_then_stderr_only(done, folder / "kiosk.log", 2000)


def test_a_disk_that_fills_while_the_kiosk_logs_says_so_once(tmp_path):
    """A real (tiny) file system, mounted in a namespace of its own; skipped where none can be."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare(1) to mount a file system of the test's own")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = 'mount -t tmpfs -o size=32k tmpfs "$1" || exit 77; shift; exec "$@"'
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
                           str(disk), sys.executable, "-c", LOGGING, "2000", str(disk)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    if done.returncode == 77 or "unshare:" in done.stderr:
        pytest.skip(f"no file system of the test's own could be mounted: {done.stderr.strip()[:200]}")
    assert_said_once_then_stderr_only(done, disk / "kiosk.log", 2000)


CRASH = """
import faulthandler, sys
from kiosk.logs import log, setup_logging
setup_logging(sys.argv[1])
for number in range(int(sys.argv[2])):
    log.info("visit %d began, and this line is long enough to fill the log a little faster", number)
faulthandler._sigsegv()
"""


@pytest.mark.parametrize("records", [1, LOG_BYTES // 100 + 10], ids=["first file", "after a rotation"])
def test_a_native_crash_is_written_into_the_log_file(tmp_path, records):
    done = python(CRASH, str(tmp_path), str(records))
    assert done.returncode != 0
    log_file = (tmp_path / "kiosk.log").read_text(encoding="utf-8", errors="replace")
    assert "Fatal Python error: Segmentation fault" in log_file
    assert f"visit {records - 1} began" in log_file  # the file written last, not one rotated away
    if records > 1:
        assert (tmp_path / "kiosk.log.1").exists()
        assert "Fatal Python error" not in (tmp_path / "kiosk.log.1").read_text(encoding="utf-8")


# --- the figures of each day ------------------------------------------------------------------

def test_each_local_midnight_logs_the_days_visits_and_resets(open_kiosk, small_content, caplog, qtbot, clock):
    from kiosk.ui.daylog import DayLog

    caplog.set_level(logging.INFO, logger="kiosk")
    evening = datetime(2026, 12, 2, 23, 50).astimezone()
    started = clock.now
    days = DayLog(lambda: evening + timedelta(seconds=clock.now - started), clock.deadline)
    kiosk = open_kiosk(small_content(timeout=1, warning=2), clock=clock)
    days.follow(kiosk)
    start_visit(kiosk, qtbot)
    tap(kiosk.screens.home.tiles[0])
    settle(kiosk, qtbot)
    clock.advance(3)  # the visitor left: an idle reset
    assert kiosk.window.current_screen() is kiosk.screens.attract
    settle(kiosk, qtbot)
    start_visit(kiosk, qtbot)  # the day's second visit, left at home
    clock.advance(10 * 60)  # midnight passes while the kiosk waits; it reset at 23:50 and a bit
    start_visit(kiosk, qtbot)  # the new day's first visit
    days.stop()
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith(("figures", "idle reset"))]
    assert lines == [
        "idle reset on the chapter screen (01-story/long)",
        "idle reset on the home screen",
        "figures for 2026-12-02: 2 visits, 2 idle resets, 0 errors",
        "figures for 2026-12-03 so far: 1 visit, 0 idle resets, 0 errors",
    ]
    kiosk.stop()


def test_the_floor_logs_what_it_shows_the_contents_version_and_the_days_figures_at_shutdown(
        open_floor, content_copy, caplog, qtbot):
    caplog.set_level(logging.INFO, logger="kiosk")
    floor = open_floor(content_copy)
    kiosk = running(floor, qtbot)
    qtbot.waitUntil(lambda: any(r.getMessage().startswith("kiosk ") for r in caplog.records), timeout=10000)
    start_visit(kiosk, qtbot)
    floor.stop()
    said = [r.getMessage() for r in caplog.records]
    assert "showing 'Before the Great Terror' from the folder" in said
    version = next(line for line in said if line.startswith("kiosk "))
    assert version.startswith(f"kiosk {__version__}; content ") and f"; content {content_copy}: " in version
    today = datetime.now().date().isoformat()
    assert said[-1] == f"figures for {today} so far: 1 visit, 0 idle resets, 0 errors"
