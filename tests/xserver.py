"""A real X server (Xvfb) of a test module's own, for the tests that run the kiosk in a real
window: the ``xvfb`` fixture, and what to say when the display cannot be reached."""

from __future__ import annotations

import os
import select
import subprocess
import time
from pathlib import Path

import pytest

WIDTH, HEIGHT = 1920, 1080
WAIT_S = 40  # at most, for the server to start and let a client in


def display_env(**extra: str) -> dict:
    """This process's environment without Qt's platform choice, plus ``extra``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_QPA_")}
    return {**env, **extra}


SERVERS: dict[str, tuple[subprocess.Popen, Path]] = {}  # display -> its Xvfb and what Xvfb said


def server_state(display: str) -> str:
    """How the display's Xvfb is doing, for a message when the display cannot be reached."""
    if display not in SERVERS:
        return ""
    server, said = SERVERS[display]
    state = "running" if server.poll() is None else f"exited with {server.returncode}"
    return f"\nXvfb {display} is {state}; it said:\n{said.read_text(errors='replace')}"


def accepting(display: str) -> None:
    """Until a client can open ``display``. Xvfb names its display once it listens, but a client
    may still be turned away on a machine without network interfaces (the host list Xvfb builds
    is empty there: hence ``-ac``, and this wait, which says what the client was told)."""
    deadline, said = time.monotonic() + WAIT_S, ""
    while time.monotonic() < deadline:
        done = subprocess.run(["xwininfo", "-root"], env=display_env(DISPLAY=display), capture_output=True,
                              text=True, timeout=10)
        if done.returncode == 0:
            return
        said = done.stderr
        time.sleep(0.05)  # a poll's pace: the loop tries again until the server lets a client in
    raise AssertionError(f"no client could open {display} within {WAIT_S} s: {said}{server_state(display)}")


@pytest.fixture(scope="module")
def xvfb(tmp_path_factory):
    """A display of its own (Xvfb picks a free number), 1920×1080 at 96 dpi like the proof."""
    said = tmp_path_factory.mktemp("xvfb") / "xvfb.txt"
    read, write = os.pipe()
    with said.open("w") as log:
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24",
                                   "-dpi", "96", "-nolisten", "tcp", "-ac", "-noreset"], pass_fds=(write,), stdout=log,
                                  stderr=subprocess.STDOUT)
    os.close(write)
    ready, _, _ = select.select([read], [], [], WAIT_S)
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
