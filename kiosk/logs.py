"""The kiosk's log: what staff read after weeks on the floor.

Every module logs to the one logger, ``logging.getLogger("kiosk")``; only this module decides
where it goes: a rotating file in the platform's log folder (``kiosk.paths.log_dir``) and
stderr (the journal, under systemd). Python's own last resort goes there too: an exception no
handler caught (``sys.excepthook``, ``threading.excepthook``) and a native crash
(``faulthandler``, into the log file itself).

A log file that cannot be written (a full disk) must not flood stderr with logging's own
"--- Logging error ---" report for every record: the file handler says once why it stopped,
and the kiosk logs to stderr alone from then on.

Plain Python: the figures of each day (``DayFigures``) are counted here from the session's
changes; the UI says when a day ends.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from dataclasses import dataclass
from datetime import date
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Optional

from kiosk.paths import log_dir
from kiosk.session import Change, Reason

LOGGER = "kiosk"
log = logging.getLogger(LOGGER)
LOG_FILE = "kiosk.log"
LOG_BYTES, LOG_BACKUPS = 2_000_000, 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class LogFile(RotatingFileHandler):
    """The rotating log file, which gives up quietly when it cannot be written: one warning
    (on the other handlers: stderr) says why, then it drops every record. Native crashes are
    written to the file it writes now (``faulthandler``), after a rotation too."""

    def __init__(self, path: Path):
        super().__init__(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
        self.failed: Optional[OSError] = None
        _crashes_to(self.stream)

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed is None:
            super().emit(record)

    def doRollover(self) -> None:  # noqa: N802 (logging's name)
        super().doRollover()
        _crashes_to(self.stream)  # not the file just renamed (and closed)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):  # a bad message, not the file: logging's own report
            super().handleError(record)
            return
        self.failed = error
        stream, self.stream = self.stream, None
        try:
            if stream is not None:
                stream.close()  # its flush fails again, and the file is closed all the same
        except OSError:
            pass
        _crashes_to(sys.stderr)
        log.warning("the log file %s cannot be written (%s): logging to stderr only",
                    self.baseFilename, error.strerror or error)


def _crashes_to(stream) -> None:
    """Let faulthandler write a native crash's traceback to ``stream`` (if it has a file)."""
    try:
        faulthandler.enable(file=stream)
    except (AttributeError, OSError, ValueError, RuntimeError):  # no stream, or no file under it
        pass


def setup_logging(folder: Optional[Path] = None) -> Optional[Path]:
    """Log to stderr and to a rotating file in ``folder`` (the platform's log folder unless
    told); where the file cannot be made, to stderr alone. The log file's path, or None.
    Once per process: a second call changes nothing."""
    if log.handlers:
        return next((Path(h.baseFilename) for h in log.handlers if isinstance(h, LogFile)), None)
    log.setLevel(logging.INFO)
    formatter = logging.Formatter(FORMAT)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(formatter)
    log.addHandler(stderr)
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    folder = Path(folder) if folder is not None else log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = LogFile(folder / LOG_FILE)
    except OSError as exc:
        log.warning("no log file in %s (%s): logging to stderr only", folder, exc.strerror or exc)
        return None
    handler.setFormatter(formatter)
    log.addHandler(handler)
    return Path(handler.baseFilename)


def _log_uncaught(kind, value, traceback) -> None:
    log.critical("unexpected error", exc_info=(kind, value, traceback))


def _log_uncaught_in_thread(args) -> None:
    name = args.thread.name if args.thread is not None else "?"
    log.error("unexpected error in the thread %s", name,
              exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


# --- the figures of each day ---------------------------------------------------------------

@dataclass
class DayFigures:
    """One day on the floor, counted from the session's changes: visits begun, idle resets,
    and errors (each a start over at the attract screen)."""

    day: date
    visits: int = 0
    idle_resets: int = 0
    errors: int = 0

    def count(self, change: Change) -> None:
        if change.reason is Reason.VISIT_STARTED:
            self.visits += 1
        elif change.reason is Reason.IDLE_RESET:
            self.idle_resets += 1
        elif change.reason is Reason.RECOVERED:
            self.errors += 1

    def line(self, so_far: bool = False) -> str:
        """The day's line in the log (``so_far``: the day is not over, the kiosk is stopping)."""
        when = f"{self.day.isoformat()} so far" if so_far else self.day.isoformat()
        return (f"figures for {when}: {_count(self.visits, 'visit')}, "
                f"{_count(self.idle_resets, 'idle reset')}, {_count(self.errors, 'error')}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
