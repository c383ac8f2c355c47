"""The real kiosk under a real window manager (openbox on Xvfb): whatever the window manager does
to it, it comes back full screen, on top and active.

Each test starts a ``kiosk`` process in kiosk mode beside another program's window
(``xmessage``), does what a visitor with a keyboard, or a stray click, could do — Super+D
(openbox's "show desktop"), minimize, Alt+Tab, activating the other window — and then polls
the X server, with a generous deadline, until the kiosk's window is viewable again, 1920×1080
at 0,0, full screen, above the other window and the active one. Nothing is timed but the
deadline.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import CONTENT, REPO
from tests.xserver import HEIGHT, STEP_S, WIDTH, env, needs_xvfb, run
from tests.xserver import xvfb  # noqa: F401 (a fixture: this module's display, of its own)

WM_TOOLS = ("openbox", "xprop", "xmessage")
pytestmark = needs_xvfb


def attempt(display: str, *command: str) -> str:
    """An X client's output, or "" where it fails (while polling, a window may be gone or not there yet)."""
    done = subprocess.run(command, env=env(DISPLAY=display), capture_output=True, text=True, timeout=10)
    return done.stdout.strip() if done.returncode == 0 else ""


def until(what: str, found, timeout: float = STEP_S):
    """``found()`` polled until it gives something; an assertion naming ``what`` if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = found()
        if result:
            return result
        time.sleep(0.05)  # a poll's pace: the loop looks again until the server shows it
    raise AssertionError(f"{what}: not within {timeout} s")


@pytest.fixture(scope="module")
def openbox(xvfb, tmp_path_factory):  # noqa: F811 (the fixture imported above)
    """openbox managing the display, with its shipped key bindings (W-d: show desktop, A-Tab)."""
    missing = [tool for tool in WM_TOOLS if shutil.which(tool) is None]
    assert not missing, f"Xvfb is here but not {', '.join(missing)}: apt-get install openbox x11-utils"
    config = tmp_path_factory.mktemp("config")  # no user's rc.xml: openbox's own, from /etc/xdg
    manager = subprocess.Popen(["openbox"], env=env(DISPLAY=xvfb, XDG_CONFIG_HOME=str(config)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        until("openbox managing the display",
              lambda: "window id #" in attempt(xvfb, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK"))
        yield manager
    finally:
        manager.terminate()
        manager.wait(timeout=10)


@pytest.fixture(scope="module")
def other(xvfb, openbox):  # noqa: F811
    """Another program's window, beside the kiosk: its X window id."""
    program = subprocess.Popen(["xmessage", "-name", "other", "-geometry", "500x150+200+200", "Another program"],
                               env=env(DISPLAY=xvfb), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield int(until("the other program's window",
                        lambda: attempt(xvfb, "xdotool", "search", "--onlyvisible", "--classname", "other")))
    finally:
        program.terminate()
        program.wait(timeout=10)


@pytest.fixture
def kiosk(xvfb, openbox, other, tmp_path):  # noqa: F811
    """The real kiosk, full screen in kiosk mode (one for each test): its X window id."""
    state = tmp_path / "state"
    state.mkdir()
    output = (state / "output.txt").open("w")
    running = subprocess.Popen([sys.executable, "-m", "kiosk", str(CONTENT)], cwd=REPO, stdout=output,
                               stderr=subprocess.STDOUT,
                               env=env(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", XDG_STATE_HOME=str(state),
                                       XDG_DATA_HOME=str(state / "data")))
    try:
        found = until("the kiosk's window", lambda: attempt(xvfb, "xdotool", "search", "--onlyvisible", "--pid",
                                                           str(running.pid)))
        yield int(found.split()[0])
    finally:
        running.terminate()
        running.wait(timeout=10)
        output.close()


def looks(display: str, kiosk: int, other: int) -> dict:
    """What the X server and its window manager say of the kiosk's window now."""
    info = attempt(display, "xwininfo", "-id", str(kiosk))
    pairs = (line.split(": ", 1) for line in info.splitlines() if ": " in line)
    field = {key.strip(): value.strip() for key, value in pairs}
    stacking = attempt(display, "xprop", "-root", "_NET_CLIENT_LIST_STACKING").split("#")[-1]
    order = [int(wid, 16) for wid in stacking.replace(",", " ").split() if wid.startswith("0x")]
    active = attempt(display, "xdotool", "getactivewindow")
    return {
        "viewable": field.get("Map State") == "IsViewable",
        "geometry": f"{field.get('Width')}x{field.get('Height')}+{field.get('Absolute upper-left X')}"
                    f"+{field.get('Absolute upper-left Y')}",
        "full screen": "_NET_WM_STATE_FULLSCREEN" in attempt(display, "xprop", "-id", str(kiosk), "_NET_WM_STATE"),
        "above the other": kiosk in order and other in order and order.index(kiosk) > order.index(other),
        "active": active == str(kiosk),
    }


KEPT = {"viewable": True, "geometry": f"{WIDTH}x{HEIGHT}+0+0", "full screen": True, "above the other": True,
        "active": True}


def comes_back(display: str, kiosk: int, other: int, after: str) -> None:
    """Until the kiosk is kept as it should be; else what it looked like at the end."""
    seen = {}

    def kept() -> bool:
        seen.update(looks(display, kiosk, other))
        return seen == KEPT

    try:
        until(f"after {after}, the kiosk full screen, on top and active", kept)
    except AssertionError as exc:
        raise AssertionError(f"{exc}; it was: {seen}") from None


def test_the_kiosk_starts_full_screen_on_top_and_active(xvfb, kiosk, other):  # noqa: F811
    comes_back(xvfb, kiosk, other, "start-up")


def test_after_super_d_shows_the_desktop_the_kiosk_comes_back(xvfb, kiosk, other):  # noqa: F811
    comes_back(xvfb, kiosk, other, "start-up")
    run(xvfb, "xdotool", "key", "super+d")
    comes_back(xvfb, kiosk, other, "Super+D")


def test_after_being_minimized_the_kiosk_comes_back(xvfb, kiosk, other):  # noqa: F811
    comes_back(xvfb, kiosk, other, "start-up")
    run(xvfb, "xdotool", "windowminimize", str(kiosk))
    comes_back(xvfb, kiosk, other, "a minimize")


def test_after_alt_tab_the_kiosk_comes_back_on_top(xvfb, kiosk, other):  # noqa: F811
    comes_back(xvfb, kiosk, other, "start-up")
    run(xvfb, "xdotool", "key", "alt+Tab")
    comes_back(xvfb, kiosk, other, "Alt+Tab")


def test_when_another_window_is_activated_the_kiosk_takes_the_screen_back(xvfb, kiosk, other):  # noqa: F811
    comes_back(xvfb, kiosk, other, "start-up")
    run(xvfb, "xdotool", "windowactivate", str(other))
    comes_back(xvfb, kiosk, other, "activating the other window")


def test_after_a_switch_to_another_desktop_the_kiosk_comes_back(xvfb, kiosk, other):  # noqa: F811
    comes_back(xvfb, kiosk, other, "start-up")
    run(xvfb, "xdotool", "key", "ctrl+alt+Right")
    comes_back(xvfb, kiosk, other, "Ctrl+Alt+Right (the next desktop)")
