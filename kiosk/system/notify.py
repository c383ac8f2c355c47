"""systemd's notify protocol (sd_notify(3)) in the few lines of ``socket`` it takes.

A service of ``Type=notify`` finds in ``$NOTIFY_SOCKET`` where to send its state: a socket
path, or an abstract socket's name after an '@'. Each message is one datagram of
``KEY=value`` lines: ``READY=1``, ``WATCHDOG=1``, ``STOPPING=1``. Started by hand, or by
anything but systemd, there is no socket and every call does nothing, so the kiosk runs the
same everywhere.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Mapping, Optional

log = logging.getLogger("kiosk")


def notify_address(environ: Mapping[str, str]) -> Optional[str]:
    """The notify socket's address as ``socket`` takes it, or None where there is none (or one of
    a kind this module does not speak, such as systemd's ``vsock:``)."""
    address = environ.get("NOTIFY_SOCKET", "")
    if address.startswith("@"):
        return "\0" + address[1:]  # Linux's abstract namespace
    return address if address.startswith("/") else None


def watchdog_interval_s(environ: Mapping[str, str], pid: Optional[int] = None) -> Optional[float]:
    """The watchdog interval systemd gave this process, in seconds, or None if it gave none.

    As sd_watchdog_enabled(3) reads it: ``$WATCHDOG_USEC`` microseconds, meant for us only when
    ``$WATCHDOG_PID`` is unset or is our pid (a child started by the service inherits both)."""
    me = os.getpid() if pid is None else pid
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
        owner = int(environ.get("WATCHDOG_PID") or me)
    except ValueError:
        return None
    return usec / 1_000_000 if usec > 0 and owner == me else None


class Notifier:
    """Sends states to systemd's notify socket; with no socket, sends nothing and says nothing."""

    def __init__(self, environ: Mapping[str, str] = os.environ):
        self.address = notify_address(environ)
        self._socket: Optional[socket.socket] = None
        self._failing = False

    def send(self, *states: str) -> bool:
        """Send ``states`` (``"READY=1"``, …) as one message; True if the socket took it.

        The socket never blocks: a manager too busy to read does not freeze the kiosk, and the
        heartbeat it then misses is the truth anyway. A failure is logged once, not per beat."""
        if self.address is None:
            return False
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
                self._socket.setblocking(False)
            self._socket.sendto("\n".join(states).encode(), self.address)
        except OSError as exc:
            if not self._failing:
                log.warning("systemd's notify socket %s took no message (%s); the service may count "
                            "the kiosk as not started or frozen", self.address.replace("\0", "@"),
                            exc.strerror or exc)
            self._failing = True
            return False
        self._failing = False
        return True

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
