"""No blanking while the kiosk runs, and things as they were when it stops.

Where a desktop offers the freedesktop ScreenSaver service on the session bus (KDE, Xfce,
LXQt, MATE, Cinnamon…), the kiosk asks it to ``Inhibit`` and hands the cookie back with
``UnInhibit``; such a desktop also drops the inhibit of a kiosk that dies. On a bare X
session (a window manager, no desktop) ``xset`` turns the X server's screen saver and DPMS
off and restores them (kiosk/system/xset.py). With neither, one line in the log says so and
the kiosk runs on: a screen that may blank is no reason not to start.
"""

from __future__ import annotations

import logging
import os
import shutil
from typing import Optional

from PySide6.QtCore import Q_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface

from kiosk.system.xset import XsetBlanking

log = logging.getLogger("kiosk")
SERVICE = INTERFACE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
CALL_MS = 3000  # a desktop that takes longer than this to answer is not one to wait for
REASON = "a museum kiosk is on show"


class Unavailable(Exception):
    """This way of keeping the screen on is not offered here; the message says why."""


class DesktopInhibit:
    """The desktop's screen saver, inhibited over D-Bus until released."""

    def __init__(self, app_name: str):
        self.app_name = app_name
        self.cookie: Optional[int] = None
        self._screen_saver: Optional[QDBusInterface] = None

    def start(self) -> str:
        """Inhibit the screen saver; what was done, for the log. Unavailable if no desktop offers it."""
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise Unavailable(f"no D-Bus session bus ({bus.lastError().message()})")
        screen_saver = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
        if not screen_saver.isValid():
            raise Unavailable(f"no {SERVICE} on the session bus ({screen_saver.lastError().message()})")
        screen_saver.setTimeout(CALL_MS)
        reply = screen_saver.call("Inhibit", self.app_name, REASON)
        answer = reply.arguments()
        if reply.errorName() or not answer or not isinstance(answer[0], int):
            raise Unavailable(f"{SERVICE} refused to inhibit ({reply.errorMessage() or answer})")
        self.cookie, self._screen_saver = answer[0], screen_saver
        return f"screen saver inhibited through {SERVICE} (cookie {self.cookie})"

    def release(self) -> str:
        # PySide sends a Python int as a D-Bus int32, and UnInhibit takes a uint32: the
        # interface's own method, made from the service's introspection, sends the right type.
        screen_saver, self._screen_saver = self._screen_saver, None
        if screen_saver is None or screen_saver.metaObject().indexOfMethod("UnInhibit(uint)") < 0:
            return f"{SERVICE} drops the inhibit when the kiosk's bus connection closes"
        QMetaObject.invokeMethod(screen_saver, "UnInhibit", Qt.ConnectionType.DirectConnection,
                                 Q_ARG("uint", self.cookie))
        error = screen_saver.lastError()
        if error.isValid():
            return f"{SERVICE} refused to release the inhibit ({error.message()}); it drops it " \
                   "when the kiosk's bus connection closes"
        return f"screen saver inhibit released (cookie {self.cookie})"


class XsetOff:
    """The X server's own screen saver and DPMS, off through ``xset`` until released."""

    def __init__(self, platform: str):
        self.platform = platform
        self._xset: Optional[XsetBlanking] = None

    def start(self) -> str:
        display = os.environ.get("DISPLAY", "")
        if self.platform != "xcb" or not display:
            raise Unavailable(f"no X display for xset (Qt platform {self.platform}, DISPLAY "
                              f"{display or 'unset'})")
        if shutil.which("xset") is None:
            raise Unavailable("xset is not installed (apt install x11-xserver-utils)")
        xset = XsetBlanking(display)
        try:
            saved = xset.turn_off()
        except (OSError, ValueError) as exc:
            raise Unavailable(str(exc)) from exc
        self._xset = xset
        return f"screen blanking and DPMS turned off with xset on {display} (they were: {saved})"

    def release(self) -> str:
        xset = self._xset
        try:
            xset.restore()
        except OSError as exc:
            return f"screen blanking not restored: {exc}"
        return f"screen blanking restored with xset on {xset.display}"


class NoBlanking:
    """Keeps the screen on while the kiosk runs, the first way the session offers."""

    def __init__(self, app_name: str, platform: str):
        self._ways = (DesktopInhibit(app_name), XsetOff(platform))
        self.way: Optional[DesktopInhibit | XsetOff] = None

    def start(self) -> None:
        """Keep the screen on, logging which way; where no way works, log why in one line."""
        why_not = []
        for way in self._ways:
            try:
                log.info("%s", way.start())
            except Unavailable as exc:
                why_not.append(str(exc))
            else:
                self.way = way
                return
        log.warning("screen blanking left as it is, so the screen may blank while the kiosk runs: %s. "
                    "Turn blanking off in the desktop's power settings", "; ".join(why_not))

    def release(self) -> None:
        """Undo what ``start`` did, if anything."""
        way, self.way = self.way, None
        if way is not None:
            log.info("%s", way.release())
