"""What the soak watches while it runs: exceptions, Qt's warnings, the kiosk's logged errors,
windows of their own, and the process's memory.

Each watcher counts, keeps the first few in full for the report, and is undone by ``close``
(the soak may run inside another program, the test suite's).
"""

from __future__ import annotations

import logging
import sys
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kiosk.ui import events

KEPT = 5  # of each kind of problem, the first few are kept word for word for the report

# What the offscreen platform cannot do and says so: not the kiosk's fault, and not said on
# a real display (the same list as pyproject's qt_log_ignore, for the same reason).
OFFSCREEN_ONLY = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")

# Windows by design, not a widget that lost its parent (conftest's one-window check allows them too).
BY_DESIGN = {Qt.WindowType.ToolTip, Qt.WindowType.Popup}
SERIOUS = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}


@dataclass
class Tally:
    """One kind of problem: how many, and the first few as they were said."""

    count: int = 0
    first: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.count += 1
        if len(self.first) < KEPT:
            self.first.append(text)


class Watch(QObject):
    """Counts every problem of the run from ``start`` to ``close``; ``at`` names the moment
    (the event under way) each is filed under."""

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        self.at = "start-up"
        self.exceptions, self.warnings, self.errors_logged = Tally(), Tally(), Tally()
        self.windows, self.out_of_step = Tally(), Tally()  # the last filed by the soak itself
        self._saved = None

    def start(self) -> None:
        saved_hook, saved_show = sys.excepthook, warnings.showwarning
        sys.excepthook = self._on_exception  # PySide6 hands an exception in a slot or event handler here
        warnings.showwarning = self._on_python_warning
        saved_handler = qInstallMessageHandler(self._on_qt_message)
        self._log = _ErrorLog(self._on_error_logged)
        logging.getLogger("kiosk").addHandler(self._log)
        events.watch(self, {QEvent.Show}, self._on_show)  # every window shown, however briefly
        self._saved = (saved_hook, saved_show, saved_handler)

    def close(self) -> None:
        if self._saved is None:
            return
        sys.excepthook, warnings.showwarning, handler = self._saved
        qInstallMessageHandler(handler)
        logging.getLogger("kiosk").removeHandler(self._log)
        events.unwatch(self)
        self._saved = None

    def caught(self, kind, value, tb) -> None:
        """An exception that reached the soak itself (raised in a call it made)."""
        self._on_exception(kind, value, tb)

    @property
    def failures(self) -> int:
        return sum(tally.count for tally in (self.exceptions, self.warnings, self.errors_logged, self.windows,
                                             self.out_of_step))

    def _on_exception(self, kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        self.exceptions.add(f"{self.at}:\n{text}")
        if self.exceptions.count <= KEPT:
            print(f"soak: exception at {self.at}:\n{text}", file=sys.stderr, flush=True)

    def _on_python_warning(self, message, category, filename, lineno, file=None, line=None) -> None:
        self.warnings.add(f"{self.at}: {filename}:{lineno}: {category.__name__}: {message}")

    def _on_qt_message(self, kind, context, message: str) -> None:
        if kind in SERIOUS and not message.startswith(OFFSCREEN_ONLY):
            where = f" ({context.file}:{context.line})" if context.file else ""
            self.warnings.add(f"{self.at}: Qt: {message}{where}")

    def _on_error_logged(self, record: logging.LogRecord) -> None:
        self.errors_logged.add(f"{self.at}: {record.getMessage()}")

    def _on_show(self, obj: QObject, event: QEvent) -> bool:
        if obj.isWidgetType() and obj.isWindow() and obj is not self.window and obj.windowType() not in BY_DESIGN:
            self.windows.add(f"{self.at}: {described(obj)} showed as a window of its own")
        return False

    def stray_windows(self) -> list[str]:
        """The visible top-level widgets other than the kiosk's window, now."""
        return [described(w) for w in QApplication.topLevelWidgets()
                if w.isVisible() and w is not self.window and w.windowType() not in BY_DESIGN]


class _ErrorLog(logging.Handler):
    """The kiosk's own log, errors only: what it caught and logged instead of dying is a failure too."""

    def __init__(self, then):
        super().__init__(logging.ERROR)
        self._then = then

    def emit(self, record: logging.LogRecord) -> None:
        self._then(record)


def described(widget) -> str:
    name = f" {widget.objectName()!r}" if widget.objectName() else ""
    return f"{type(widget).__name__}{name}"


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux's /proc; elsewhere the peak, from resource)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
