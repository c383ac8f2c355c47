"""What escapes a handler on the floor: logged once with its traceback, never shown, and the
kiosk starts over at the attract screen. Qt's own warnings go to the log too.

PySide6 hands an exception raised in a slot, in a virtual method (an event handler, an event
filter) or in a timer's callback to ``sys.excepthook``, then carries on with the event loop:
so the hook sees every one of them, and the kiosk would otherwise go on half-working (a
session on the chapter while the home screen shows). Recovery means a full start over, with
screens made anew if need be, never only a log line.
"""

from __future__ import annotations

import logging
import sys
from typing import Callable, Optional

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

log = logging.getLogger("kiosk")
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class Recovery:
    """The kiosk's ``sys.excepthook`` and Qt message handler, from ``install`` to ``uninstall``.

    ``start_over`` puts the kiosk back at its start (``Floor.recover``); it may be given once
    the kiosk exists, so that Qt's warnings while it starts reach the log too."""

    def __init__(self, start_over: Optional[Callable[[], None]] = None):
        self.start_over = start_over
        self._starting_over = False
        self._previous_hook = sys.excepthook
        self._previous_handler: Optional[Callable] = None

    def install(self) -> "Recovery":
        self._previous_hook = sys.excepthook
        sys.excepthook = self._on_exception
        self._previous_handler = qInstallMessageHandler(self._on_qt_message)
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self._on_exception:
            sys.excepthook = self._previous_hook
        qInstallMessageHandler(self._previous_handler)

    def _on_exception(self, kind, value, traceback) -> None:
        if not issubclass(kind, Exception):  # Ctrl-C, an exit: not a bug to recover from
            self._previous_hook(kind, value, traceback)
            return
        log.error("unexpected error: the kiosk starts over at the attract screen",
                  exc_info=(kind, value, traceback))
        if self._starting_over or self.start_over is None:  # raised in a slot the start over set off: it goes on
            return
        self._starting_over = True
        try:
            self.start_over()
        except Exception:  # noqa: BLE001 (the hook must not raise; what failed is in the log)
            log.exception("starting over after an error failed")
        finally:
            self._starting_over = False

    def _on_qt_message(self, kind: QtMsgType, context, message: str) -> None:
        log.log(QT_LEVELS.get(kind, logging.WARNING), "Qt: %s", message)
        if self._previous_handler is not None:  # pytest-qt's, in a test
            self._previous_handler(kind, context, message)


def recover_from_errors() -> Recovery:
    """Install the kiosk's handlers for the rest of the process (``kiosk run``); set its
    ``start_over`` once the kiosk exists."""
    return Recovery().install()
