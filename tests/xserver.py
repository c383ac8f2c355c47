"""A real X server for tests (Xvfb): the display fixture, and what a test asks the server.

``xvfb`` starts a display of its own for a test module (Xvfb picks a free number) and waits
until a client is let in; ``run`` runs an X client on it, ``viewable_windows`` lists its mapped
top-level windows, ``screenshot`` takes the screen. tests/test_xvfb.py and
tests/test_window_manager.py share them.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

WIDTH, HEIGHT = 1920, 1080
TOOLS = ("Xvfb", "xwininfo", "xdotool", "import")
STEP_S = 40  # at most, for a client to start or for one step to take effect
needs_xvfb = pytest.mark.skipif(
    shutil.which("Xvfb") is None, reason="no Xvfb binary (apt-get install xvfb; .ci/run installs it)")


def env(**extra: str) -> dict:
    """This process's environment for a client of the X server: no offscreen platform, and ``extra``."""
    kept = {key: value for key, value in os.environ.items() if not key.startswith("QT_QPA_")}
    return {**kept, **extra}


SERVERS: dict[str, tuple[subprocess.Popen, Path]] = {}  # display -> its Xvfb and what Xvfb said


def server_state(display: str) -> str:
    """How the display's Xvfb is doing, for a message when the display cannot be reached."""
    if display not in SERVERS:
        return ""
    server, said = SERVERS[display]
    state = "running" if server.poll() is None else f"exited with {server.returncode}"
    return f"\nXvfb {display} is {state}; it said:\n{said.read_text(errors='replace')}"


def run(display: str, *command: str) -> str:
    done = subprocess.run(command, env=env(DISPLAY=display), capture_output=True, text=True, timeout=10)
    assert done.returncode == 0, f"{' '.join(command)}: {done.stderr}{server_state(display)}"
    return done.stdout


def viewable_windows(display: str) -> list[str]:
    """The X server's top-level windows that are mapped and viewable, one line each."""
    children = [line.split(None, 1) for line in run(display, "xwininfo", "-root", "-children").splitlines()
                if line.strip().startswith("0x")]
    return [f"{wid} {rest}" for wid, rest in children if viewable(display, wid)]


def viewable(display: str, wid: str) -> bool:
    done = subprocess.run(["xwininfo", "-id", wid], env=env(DISPLAY=display), capture_output=True, text=True,
                          timeout=10)
    if done.returncode != 0 and "No such window" in done.stderr:
        return False  # gone since the list was made
    assert done.returncode == 0, f"xwininfo -id {wid}: {done.stderr}"
    return "Map State: IsViewable" in done.stdout


def screenshot(display: str) -> bytes:
    """The whole screen, 8-bit red, green and blue row by row (raw: no PNG to write and read)."""
    done = subprocess.run(["import", "-window", "root", "-depth", "8", "rgb:-"], env=env(DISPLAY=display),
                          capture_output=True, timeout=10)
    assert done.returncode == 0, done.stderr.decode()
    assert len(done.stdout) == WIDTH * HEIGHT * 3, "a screenshot of another size than the screen's"
    return done.stdout


def accepting(display: str) -> None:
    """Until a client can open ``display``. Xvfb names its display once it listens, but a client
    may still be turned away on a machine without network interfaces (the host list Xvfb builds
    is empty there: hence ``-ac``, and this wait, which says what the client was told)."""
    deadline, said = time.monotonic() + STEP_S, ""
    while time.monotonic() < deadline:
        done = subprocess.run(["xwininfo", "-root"], env=env(DISPLAY=display), capture_output=True, text=True,
                              timeout=10)
        if done.returncode == 0:
            return
        said = done.stderr
        time.sleep(0.05)  # a poll's pace: the loop tries again until the server lets a client in
    raise AssertionError(f"no client could open {display} within {STEP_S} s: {said}{server_state(display)}")


@pytest.fixture(scope="module")
def xvfb(tmp_path_factory):
    """A display of its own (Xvfb picks a free number), 1920×1080 at 96 dpi like the proof."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"Xvfb is here but not {', '.join(missing)}: apt-get install x11-utils xdotool imagemagick"
    said = tmp_path_factory.mktemp("xvfb") / "xvfb.txt"
    read, write = os.pipe()
    with said.open("w") as log:
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24",
                                   "-dpi", "96", "-nolisten", "tcp", "-ac", "-noreset"], pass_fds=(write,), stdout=log,
                                  stderr=subprocess.STDOUT)
    os.close(write)
    ready, _, _ = select.select([read], [], [], STEP_S)
    number = os.read(read, 16).decode().strip() if ready else ""
    try:  # the pipe stays open while the server runs: Xvfb fails if it cannot write to it
        assert number, f"Xvfb did not say which display it took; it said:\n{said.read_text(errors='replace')}"
        SERVERS[f":{number}"] = (server, said)
        accepting(f":{number}")
        yield f":{number}"
    finally:
        SERVERS.pop(f":{number}", None)
        server.terminate()
        server.wait(timeout=10)
        os.close(read)
