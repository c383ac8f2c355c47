"""The kiosk as a service: systemd hears that it is ready and that its event loop still runs,
a signal ends it cleanly, and in kiosk mode the screen does not blank.

``run_kiosk`` wraps the event loop in ``KioskService``. Under a systemd unit of
``Type=notify`` (packaging/kiosk.service) the kiosk sends ``READY=1`` once its first frame is
painted, then ``WATCHDOG=1`` from a timer in the Qt event loop, so a frozen loop falls
silent and systemd restarts the kiosk; started any other way it sends nothing.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
from typing import Optional

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Slot

from kiosk.system.notify import Notifier, watchdog_interval_s
from kiosk.ui.no_blanking import NoBlanking

log = logging.getLogger("kiosk")
# SIGTERM: systemd, or an operator, stops the kiosk; SIGINT: Ctrl-C in a terminal; SIGHUP:
# the terminal or the session went away. Each ends the kiosk the same clean way.
SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Heartbeat(QObject):
    """``READY=1`` when told the first frame is painted, then ``WATCHDOG=1`` at half the
    watchdog interval (systemd's advice) from the event loop: a blocked loop sends none."""

    def __init__(self, notifier: Notifier, interval_s: Optional[float], parent: Optional[QObject] = None):
        super().__init__(parent)
        self._notifier = notifier
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(interval_s * 1000 / 2)) if interval_s else 0)
        self._timer.timeout.connect(self._on_beat)
        self._watched = interval_s is not None
        self._stopped = False

    @Slot()
    def ready(self) -> None:
        """The first frame is on screen."""
        if self._stopped:
            return
        self._notifier.send("READY=1")
        if self._watched:
            self._timer.start()

    @Slot()
    def _on_beat(self) -> None:
        self._notifier.send("WATCHDOG=1")

    @Slot()
    def stop(self) -> None:
        """No more heartbeats: the kiosk is stopping (``STOPPING=1``, once)."""
        if not self._stopped:
            self._stopped = True
            self._timer.stop()
            self._notifier.send("STOPPING=1")


class QuitOnSignals(QObject):
    """Quits the Qt event loop on SIGTERM, SIGINT or SIGHUP, and says which came.

    Python runs its signal handlers only between bytecodes, and a Qt event loop waiting for a
    touch runs none: a handler alone would wait for the next touch. ``signal.set_wakeup_fd``
    has the C-level handler write the signal's number to a socket, which a QSocketNotifier
    watches, so the loop wakes at once and this reads the number and quits (the standard
    Qt/Python pattern). Python's own handler only has to exist, so the default (death) is off."""

    def __init__(self, app: QCoreApplication, signals: tuple[signal.Signals, ...] = SIGNALS):
        super().__init__(app)
        self.received: Optional[signal.Signals] = None
        self._signals = signals
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)  # set_wakeup_fd asks for it: the C handler must never block
        self._old_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._old = {number: signal.signal(number, _wake_only) for number in signals}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_woken)

    @Slot()
    def _on_woken(self) -> None:
        try:
            numbers = self._read.recv(64)
        except BlockingIOError:
            return
        ours = [number for number in numbers if number in self._signals]
        if ours and self.received is None:
            self.received = signal.Signals(ours[0])
            log.info("%s received: the kiosk stops", self.received.name)
            # exit(), not quit(): Qt 6's quit() first asks every window to close, and a
            # kiosk-mode window refuses, which would cancel the quit.
            QCoreApplication.exit(0)

    def restore(self) -> None:
        """Put back the handlers and the wake-up fd that were there before."""
        self._notifier.setEnabled(False)
        for number, handler in self._old.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._old_fd)
        self._read.close()
        self._write.close()


def _wake_only(number, frame) -> None:
    """Python's half of the handler; the byte on the wake-up socket does the work."""


class KioskService:
    """Around the event loop (``with KioskService(app, floor, kiosk_mode):``): the heartbeat,
    the signals that end the kiosk, and, in kiosk mode only, no blanking (a windowed kiosk on
    a laptop leaves the owner's power settings alone). On the way out: heartbeats stopped, the
    screen as it was, one line saying why the kiosk stopped, and the log flushed."""

    def __init__(self, app: QCoreApplication, floor, kiosk_mode: bool):
        self._notifier = Notifier()
        self.heartbeat = Heartbeat(self._notifier, watchdog_interval_s(os.environ), app)
        floor.first_frame.painted.connect(self.heartbeat.ready)
        app.aboutToQuit.connect(self.heartbeat.stop)
        self._floor = floor
        self.staff_exit = False
        floor.exit_requested.connect(self._on_exit_requested)
        self.signals = QuitOnSignals(app)
        self.no_blanking = NoBlanking(app.applicationName(), app.platformName()) if kiosk_mode else None

    def __enter__(self) -> "KioskService":
        if self.no_blanking is not None:
            self.no_blanking.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.heartbeat.stop()
        if self.no_blanking is not None:
            self.no_blanking.release()
        log.info("kiosk stopped (%s)", self._why())
        self.signals.restore()
        self._notifier.close()
        self.heartbeat.deleteLater()
        self.signals.deleteLater()
        for handler in log.handlers:
            handler.flush()

    @Slot()
    def _on_exit_requested(self) -> None:
        self.staff_exit = not self._floor.restarting

    def _why(self) -> str:
        if self.signals.received is not None:
            return self.signals.received.name
        if self._floor.restarting:
            return "nightly restart"
        return "quit on the admin screen" if self.staff_exit else "its event loop ended"
