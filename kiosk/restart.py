"""The nightly restart: hand the kiosk back to its service, or start it again in place.

Under the systemd service the kiosk is the unit's main process (systemd 248 and later name it
in ``$SYSTEMD_EXEC_PID``): it exits 0 and ``Restart=always`` starts a fresh one. Anywhere else
(an XDG autostart entry, a terminal, an older systemd) nothing would bring it back, so it
replaces itself with the same command line (``os.execv``): same process, fresh state.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Mapping, Optional

log = logging.getLogger("kiosk")
RESTART_EXIT = 0  # the service restarts the kiosk on any exit; 0 says nothing went wrong
# Quit on the admin screen: staff ended the kiosk on purpose, and it must stay ended. Under the
# service, whose Restart=always would start it again after a 0, it exits 3, which the unit names
# in RestartPreventExitStatus= (and SuccessExitStatus=); anywhere else 0, which also ends the
# autostart entry's loop. Every other exit, a crash's or a signal's, is restarted.
STAFF_EXIT_UNDER_SERVICE = 3


def staff_exit() -> int:
    """The exit status after Quit on the admin screen."""
    return STAFF_EXIT_UNDER_SERVICE if under_service() else 0


def under_service(env: Mapping[str, str] = os.environ, pid: Optional[int] = None) -> bool:
    """True when this process is the main process of a systemd unit."""
    return env.get("SYSTEMD_EXEC_PID") == str(os.getpid() if pid is None else pid)


def command() -> list[str]:
    """The command line that started this kiosk, to start it again with."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: the executable is the kiosk
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, *sys.orig_argv[1:]]


def restart() -> int:
    """After the event loop has ended: the exit code for the service, or never return."""
    if under_service():
        log.info("nightly restart: exiting, for the service to start the kiosk again")
        return RESTART_EXIT
    argv = command()
    log.info("nightly restart: starting again in place")
    for handler in logging.getLogger("kiosk").handlers:
        handler.flush()
    try:
        os.execv(argv[0], argv)
    except OSError as exc:
        log.error("nightly restart: could not start again (%s): the kiosk has stopped", exc)
        return 1
    return RESTART_EXIT  # not reached
