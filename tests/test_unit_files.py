"""The service unit and the autostart entry in packaging/ are what systemd and the desktops
accept, and say what the kiosk relies on (READY=1 and heartbeats are only heard from a
``Type=notify`` unit with a watchdog; a dead kiosk is back within 5 s)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
UNIT = PACKAGING / "kiosk.service"
AUTOSTART = PACKAGING / "kiosk-autostart.desktop"


def _settings(path: Path) -> dict[str, str]:
    """``Key=value`` lines of a unit or desktop file (each key is set once in ours)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "=" in line and line[0] not in "#;"]
    return dict(line.split("=", 1) for line in lines)


def test_the_unit_runs_the_bundle_as_a_watched_notify_service():
    unit = _settings(UNIT)
    assert unit["Type"] == "notify" and unit["NotifyAccess"] == "main"
    assert unit["ExecStart"] == "%h/kiosk/kiosk %h/kiosk/content"
    assert unit["Restart"] == "always" and int(unit["RestartSec"]) <= 3  # back within 5 s with start-up
    assert int(unit["WatchdogSec"]) >= 4  # beats every half of it: no false alarms from a busy second
    assert int(unit["TimeoutStopSec"]) <= 5
    assert unit["WantedBy"] == unit["PartOf"] == unit["After"] == "graphical-session.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_finds_nothing_to_say_about_the_unit(tmp_path):
    """As the kiosk's user would install it: the bundle at ~/kiosk (here a stand-in, for
    systemd checks that the command is there), the unit in the user's unit folder."""
    home = tmp_path / "home"
    (home / "kiosk").mkdir(parents=True)
    (home / "kiosk" / "kiosk").write_text("#!/bin/sh\n", encoding="utf-8")
    (home / "kiosk" / "kiosk").chmod(0o755)
    units = home / ".config" / "systemd" / "user"
    units.mkdir(parents=True)
    shutil.copy(UNIT, units)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    done = subprocess.run(["systemd-analyze", "--user", "verify", str(units / UNIT.name)], capture_output=True,
                          text=True, timeout=60,
                          env={**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)})
    # A misspelt key is only a warning (exit 0): every word systemd says counts.
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_the_autostart_entry_starts_the_bundle_and_is_skipped_where_the_unit_runs():
    entry = _settings(AUTOSTART)
    assert entry["Type"] == "Application" and entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Exec"] == 'sh -c "until ~/kiosk/kiosk ~/kiosk/content; do sleep 2; done"'
    assert entry["X-systemd-skip"] == "true"  # a systemd session runs kiosk.service: never two kiosks


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="no desktop-file-validate (apt-get install desktop-file-utils)")
def test_the_autostart_entry_is_a_valid_desktop_entry():
    done = subprocess.run(["desktop-file-validate", str(AUTOSTART)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")
