"""The kiosk as a systemd service: its heartbeat, its clean stop, and the screen kept on.

systemd's side is a real datagram socket bound in tmp_path (``$NOTIFY_SOCKET``); the
desktop's side is a real session bus of the test's own (``dbus-daemon``), on which a small
QtDBus service (tests/screensaver_service.py) plays the freedesktop ScreenSaver; the bare X
session is a real Xvfb and the real ``xset``. The kiosk is the real one: in this process
for the heartbeat, whose timer runs in the event loop the test blocks, and as a real
``python -m kiosk`` subprocess for the signals.
"""

from __future__ import annotations

import os
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kiosk.restart import STAFF_EXIT_UNDER_SERVICE, staff_exit
from kiosk.ui.app import FirstFrame, start_kiosk
from kiosk.ui.service import KioskService
from tests.conftest import CONTENT, REPO, with_kiosk_pin
from tests.test_kiosk_staff import open_admin
from tests.touch import tap
from tests.xserver import env as display_env
from tests.xserver import xvfb  # noqa: F401 (a fixture)

WAIT_S = 40  # at most, for a kiosk subprocess to start, answer or stop
BEAT_USEC = 200_000  # the watchdog interval the tests give: a heartbeat every 100 ms
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""  # a session bus with no service files: nothing on it but what a test starts
needs_dbus = pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="no dbus-daemon (apt-get install dbus-daemon)")


class NotifySocket:
    """systemd's end of the notify protocol: a datagram socket that keeps what it is sent."""

    def __init__(self, path: Path):
        self.path = path
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._socket.bind(str(path))
        self._socket.setblocking(False)
        self.received: list[str] = []

    def take(self) -> list[str]:
        """Every message that has arrived, in order (all of them so far, not only the new)."""
        while True:
            try:
                self.received.append(self._socket.recv(4096).decode())
            except BlockingIOError:
                return self.received

    def arriving_within(self, seconds: float) -> list[str]:
        """What arrives in the next ``seconds``, waiting the whole time (for a frozen loop)."""
        new, deadline = [], time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if select.select([self._socket], [], [], left)[0]:
                new.append(self._socket.recv(4096).decode())
        self.received += new
        return new

    def count(self, message: str) -> int:
        return self.take().count(message)

    def close(self) -> None:
        self._socket.close()


@pytest.fixture
def systemd(tmp_path):
    notify = NotifySocket(tmp_path / "notify")
    yield notify
    notify.close()


# --- the heartbeat, in this process -------------------------------------------------------


def test_ready_comes_after_the_first_frame_and_the_heartbeat_stops_while_the_loop_is_blocked(
        qtbot, tmp_path, systemd, monkeypatch):
    """A frozen UI must fall silent, or systemd would never restart it. The freeze is a slot
    that does not return for ten heartbeats' time (waiting on the socket all along): nothing
    may arrive in it, and the heartbeats come again once the slot returns."""
    monkeypatch.setenv("NOTIFY_SOCKET", str(systemd.path))
    monkeypatch.setenv("WATCHDOG_USEC", str(BEAT_USEC))
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    app, floor = start_kiosk(str(CONTENT), True, "800x600", str(tmp_path / "data"))
    qtbot.addWidget(floor.window)
    at_first_frame = []
    floor.first_frame.painted.connect(lambda: at_first_frame.append(list(systemd.take())))
    try:
        with KioskService(app, floor, kiosk_mode=False):
            qtbot.waitUntil(lambda: systemd.count("WATCHDOG=1") >= 3, timeout=WAIT_S * 1000)
            in_the_freeze = []
            QTimer.singleShot(0, lambda: in_the_freeze.append(_frozen(systemd)))
            qtbot.waitUntil(lambda: bool(in_the_freeze), timeout=WAIT_S * 1000)
            beats = systemd.count("WATCHDOG=1")
            qtbot.waitUntil(lambda: systemd.count("WATCHDOG=1") > beats, timeout=WAIT_S * 1000)
            floor.stop()
    finally:
        floor.window.close()
    assert at_first_frame == [[]], "systemd heard from the kiosk before its first frame"
    assert systemd.take()[0] == "READY=1"
    assert in_the_freeze == [[]], "heartbeats came while the event loop was blocked"
    assert systemd.take()[-1] == "STOPPING=1", "a heartbeat after the kiosk said it was stopping"


def test_quit_on_the_admin_screen_ends_the_service_for_good_and_a_nightly_restart_does_not(
        open_floor, content_copy, qtbot, clock, monkeypatch):
    """The unit's Restart=always would start a kiosk that staff quit again after a 0: under the
    service their Quit exits with the status the unit does not restart; elsewhere with 0, which
    also ends the autostart entry's loop."""
    from PySide6.QtWidgets import QApplication

    floor = open_floor(content_copy, clock=clock)
    floor.first_frame = FirstFrame(floor.window)
    with KioskService(QApplication.instance(), floor, kiosk_mode=False) as service:
        screen = open_admin(floor.kiosk, qtbot, clock)
        with qtbot.waitSignal(floor.exit_requested, timeout=1000):
            tap(screen.exit_button)
    assert service.staff_exit
    monkeypatch.setenv("SYSTEMD_EXEC_PID", str(os.getpid()))
    assert staff_exit() == STAFF_EXIT_UNDER_SERVICE
    unit = (REPO / "packaging" / "kiosk.service").read_text(encoding="utf-8").splitlines()
    assert f"RestartPreventExitStatus={STAFF_EXIT_UNDER_SERVICE}" in unit
    assert f"SuccessExitStatus={STAFF_EXIT_UNDER_SERVICE}" in unit  # an exit on purpose, not a failure
    monkeypatch.delenv("SYSTEMD_EXEC_PID")
    assert staff_exit() == 0

    restarting = open_floor(content_copy, clock=clock, data=content_copy.parent / "data2")
    restarting.first_frame = FirstFrame(restarting.window)
    with KioskService(QApplication.instance(), restarting, kiosk_mode=False) as service:
        restarting.schedule.restart_requested.emit()  # what the schedule says at the restart's time
    assert restarting.restarting and not service.staff_exit


def _frozen(systemd: NotifySocket) -> list[str]:
    """A slot that hangs the event loop for ten heartbeats; what arrived meanwhile."""
    systemd.take()  # a beat sent just before the freeze is not one sent in it
    return systemd.arriving_within(10 * BEAT_USEC / 1_000_000)


# --- a kiosk subprocess, a private session bus -------------------------------------------


@pytest.fixture
def session_bus(tmp_path):
    """A D-Bus session bus of this test's own; its address."""
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG, encoding="utf-8")
    bus = subprocess.Popen(["dbus-daemon", "--config-file", str(config), "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready, _, _ = select.select([bus.stdout], [], [], WAIT_S)
        address = bus.stdout.readline().strip() if ready else ""
        assert address, "dbus-daemon did not say its address"
        yield address
    finally:
        bus.terminate()
        bus.communicate(timeout=10)  # and closes its pipe


@pytest.fixture
def screen_saver(session_bus, tmp_path):
    """The desktop's freedesktop ScreenSaver on ``session_bus``: (its record of calls, its cookie)."""
    record, cookie = tmp_path / "screensaver.txt", 7_340_033  # more than 16 bits, as real cookies are
    service = subprocess.Popen([sys.executable, str(REPO / "tests" / "screensaver_service.py"), str(record),
                                str(cookie)], env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus},
                               stdout=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([service.stdout], [], [], WAIT_S)
        said = service.stdout.readline().strip() if ready else ""
        assert said == "ready", f"the ScreenSaver service did not start: {said!r}"
        yield record, cookie
    finally:
        service.terminate()
        service.communicate(timeout=10)


class KioskProcess:
    """``python -m kiosk`` on the shipped content, in kiosk mode, told of ``systemd``'s socket."""

    def __init__(self, tmp_path: Path, systemd: NotifySocket, **env: str):
        self.output = tmp_path / "kiosk-output.txt"
        self.systemd = systemd
        with_kiosk_pin(tmp_path / "data")  # as the operator set it, with kiosk admin-pin
        with self.output.open("w") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kiosk", str(CONTENT), "--data-dir", str(tmp_path / "data")], cwd=REPO,
                stdout=output, stderr=subprocess.STDOUT,
                env=display_env(NOTIFY_SOCKET=str(systemd.path), XDG_STATE_HOME=str(tmp_path / "state"), **env))

    def said(self) -> str:
        return self.output.read_text(encoding="utf-8")

    def until(self, holds, what: str) -> None:
        """Until ``holds()`` (polled); fails, with what the kiosk said, after WAIT_S."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            if holds():
                return
            assert self.process.poll() is None, f"the kiosk exited with {self.process.returncode}:\n{self.said()}"
            time.sleep(0.05)  # a poll's pace: the loop checks again until it holds
        raise AssertionError(f"{what} did not happen within {WAIT_S} s; the kiosk said:\n{self.said()}")

    def ready(self) -> None:
        self.until(lambda: "READY=1" in self.systemd.take(), "READY=1")

    def stop(self, number: signal.Signals) -> int:
        """Send the signal; the exit code."""
        self.process.send_signal(number)
        return self.process.wait(timeout=WAIT_S)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=WAIT_S)


@pytest.fixture
def kiosk_process(tmp_path, systemd):
    """Start kiosk subprocesses (``kiosk_process(**env)``); killed after, if still running."""
    started = []

    def start(**env: str) -> KioskProcess:
        started.append(KioskProcess(tmp_path, systemd, **env))
        return started[-1]

    yield start
    for kiosk in started:
        kiosk.kill()


@needs_dbus
def test_sigterm_exits_0_and_gives_the_screen_saver_its_cookie_back(kiosk_process, session_bus, screen_saver):
    record, cookie = screen_saver
    kiosk = kiosk_process(QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS=session_bus)
    kiosk.ready()
    kiosk.until(lambda: record.is_file(), "the Inhibit call")
    assert kiosk.stop(signal.SIGTERM) == 0, kiosk.said()
    assert record.read_text(encoding="utf-8").splitlines() == [
        f"Inhibit\tkiosk\ta museum kiosk is on show\t{cookie}", f"UnInhibit\t{cookie}"]
    said = kiosk.said()
    assert f"screen saver inhibited through org.freedesktop.ScreenSaver (cookie {cookie})" in said
    assert f"screen saver inhibit released (cookie {cookie})" in said
    assert "kiosk stopped (SIGTERM)" in said and "Traceback" not in said, said
    assert kiosk.systemd.take()[-1] == "STOPPING=1"


@needs_dbus
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGHUP], ids=lambda n: n.name)
def test_with_no_way_to_keep_the_screen_on_the_kiosk_says_so_once_and_runs(kiosk_process, session_bus, number):
    kiosk = kiosk_process(QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS=session_bus)
    kiosk.ready()
    assert kiosk.stop(number) == 0, kiosk.said()
    said = [line for line in kiosk.said().splitlines() if "blanking" in line]
    assert len(said) == 1 and "screen blanking left as it is" in said[0], said
    assert "no org.freedesktop.ScreenSaver on the session bus" in said[0]
    assert "no X display for xset (Qt platform offscreen" in said[0]
    assert f"kiosk stopped ({number.name})" in kiosk.said()


def _blanking(display: str) -> str:
    done = subprocess.run(["xset", "-display", display, "q"], capture_output=True, text=True, timeout=10)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout[done.stdout.index("Screen Saver:"):done.stdout.index("Colors:")].split())


@needs_dbus
@pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xset") is None,
                    reason="no Xvfb or no xset (apt-get install xvfb x11-xserver-utils)")
def test_on_a_bare_x_session_xset_turns_blanking_off_and_back(kiosk_process, session_bus, xvfb):
    subprocess.run(["xset", "-display", xvfb, "s", "321", "123", "s", "blank"], check=True, timeout=10)
    before = _blanking(xvfb)
    assert before == "Screen Saver: prefer blanking: yes allow exposures: yes timeout: 321 cycle: 123"
    kiosk = kiosk_process(QT_QPA_PLATFORM="xcb", DISPLAY=xvfb, DBUS_SESSION_BUS_ADDRESS=session_bus)
    kiosk.ready()
    kiosk.until(lambda: "turned off with xset" in kiosk.said(), "xset")
    assert _blanking(xvfb) == "Screen Saver: prefer blanking: no allow exposures: yes timeout: 0 cycle: 123"
    assert kiosk.stop(signal.SIGTERM) == 0, kiosk.said()
    assert _blanking(xvfb) == before
    assert f"screen blanking restored with xset on {xvfb}" in kiosk.said()


# --- the XDG autostart entry, as a desktop without systemd runs it -----------------------


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


@needs_dbus
def test_the_autostart_entry_starts_a_killed_kiosk_again_and_ends_with_a_clean_exit(
        tmp_path, systemd, session_bus):
    """Its command line run as a launcher runs it, with ~/kiosk holding a stand-in for the
    bundle (the real kiosk, from this checkout) and the shipped exhibit."""
    entry = (REPO / "packaging" / "kiosk-autostart.desktop").read_text(encoding="utf-8")
    [exec_line] = [line[len("Exec="):] for line in entry.splitlines() if line.startswith("Exec=")]
    home = tmp_path / "home"
    (home / "kiosk").mkdir(parents=True)
    (home / "kiosk" / "content").symlink_to(CONTENT)
    bundle = home / "kiosk" / "kiosk"
    # -P: the launcher's working folder is home, whose kiosk/ folder is no Python package
    bundle.write_text(f'#!/bin/sh\nexec {sys.executable} -P -m kiosk "$@"\n', encoding="utf-8")
    bundle.chmod(0o755)
    output = tmp_path / "session-output.txt"
    with output.open("w") as said:
        session = subprocess.Popen(shlex.split(exec_line), cwd=home, stdout=said, stderr=subprocess.STDOUT,
                                   env=display_env(HOME=str(home), QT_QPA_PLATFORM="offscreen",
                                                   NOTIFY_SOCKET=str(systemd.path),
                                                   DBUS_SESSION_BUS_ADDRESS=session_bus))
    try:
        first = _started(session, systemd, 1, output)
        os.kill(first, signal.SIGKILL)
        second = _started(session, systemd, 2, output)
        assert second != first
        os.kill(second, signal.SIGTERM)
        assert session.wait(timeout=WAIT_S) == 0, output.read_text(encoding="utf-8")
    finally:
        for child in _children(session.pid):
            os.kill(child, signal.SIGKILL)
        session.kill()
        session.wait(timeout=WAIT_S)
    assert "kiosk stopped (SIGTERM)" in output.read_text(encoding="utf-8")


def _started(session: subprocess.Popen, systemd: NotifySocket, times: int, output: Path) -> int:
    """Until the kiosk has said READY=1 ``times`` times; the pid of the one running."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        assert session.poll() is None, f"the session's command ended:\n{output.read_text(encoding='utf-8')}"
        if systemd.count("READY=1") >= times:
            [kiosk] = _children(session.pid)
            return kiosk
        time.sleep(0.05)  # a poll's pace: the loop checks again until it holds
    raise AssertionError(f"no start number {times} within {WAIT_S} s:\n{output.read_text(encoding='utf-8')}")
