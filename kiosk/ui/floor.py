"""The kiosk on the floor: one window, the content owner's deliveries, and what runs in it.

At start the floor asks the owner for what the first screen needs (fast, whatever the size
of the exhibit) and shows it; the rest of the content follows off the UI thread. With nothing
to run it shows the calm "temporarily unavailable" screen and asks the owner again every few
seconds. Staff's reload goes through the owner too, so start-up, reload (and the curators'
preview) follow one rule. Never an exit, a traceback or a blank screen.
Outside the exhibit's opening hours the floor shows the closed screen, and it asks for the
nightly restart (kiosk.ui.opening).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Optional

from PySide6.QtCore import QObject, QSize, QTimer, Signal, Slot

from kiosk.admin_lock import LOCK_FILE, LockFile
from kiosk.pin_file import PIN_FILE, PinFile
from kiosk.content.result import LoadResult
from kiosk.content.problems import Problem
from kiosk.owner import ContentOwner, Delivery, Source
from kiosk.snapshot import version_text
from kiosk.ui.daylog import DayLog
from kiosk.ui.idle import NewDeadline, QtDeadline
from kiosk.ui.opening import ScheduleWatch
from kiosk.ui.unavailable import UnavailableScreen
from kiosk.ui.window import KioskWindow

log = logging.getLogger("kiosk")
RETRY_MS = 5000  # how often a floor with nothing to run looks at the folder again


class ContentFeed(QObject):
    """Runs the owner's loads on a worker thread and hands each ``Delivery`` to the UI thread."""

    delivered = Signal(object)
    _finished = Signal(object)

    def __init__(self, owner: ContentOwner, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.owner = owner
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="content")
        self._stopped = False
        self._finished.connect(self._on_finished)  # queued: emitted from the worker

    def request(self) -> None:
        """Load the folder again; ``delivered`` follows."""
        self._submit(self.owner.load)

    def complete(self, delivery: Delivery) -> None:
        """Bring the rest of a delivery that holds only its first screen; ``delivered`` follows."""
        self._submit(delivery.completed)

    def log_version(self) -> None:
        """Log the kiosk's version and the content's (a hash of every file's bytes: off the UI
        thread, behind the loads)."""
        if not self._stopped:
            self._pool.submit(_log_version, self.owner.folder)

    def _submit(self, work: Callable[[], Delivery]) -> None:
        if self._stopped:
            return
        self._pool.submit(work).add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        if not self._stopped and not future.cancelled():
            self._finished.emit(future)

    @Slot(object)
    def _on_finished(self, future: Future) -> None:
        if self._stopped:
            return
        error = future.exception()
        if error is not None:  # the owner catches what the files can do; this is our own bug
            log.error("loading the content failed", exc_info=error)
            return
        self.delivered.emit(future.result())

    def stop(self) -> None:
        self._stopped = True
        self._pool.shutdown(wait=True, cancel_futures=True)


def _log_version(folder) -> None:
    try:
        log.info("%s", version_text(folder).replace("\n", "; "))
    except Exception:  # noqa: BLE001 (a line of the log is not worth a stop)
        log.exception("the content's version could not be read")


def staff_view(delivery: Delivery, folder: str) -> LoadResult:
    """The load as staff should see it: the folder's own problems, and a word when the
    snapshot runs in its place."""
    problems = delivery.problems
    if delivery.source is Source.SNAPSHOT:
        note = Problem(folder, 0, (),
                       "the content folder cannot be used, so the last content that loaded without "
                       "errors is running: fix the problems listed here, then reload")
        problems = (note, *problems)
    return dataclasses.replace(delivery.result, problems=tuple(problems))


class Floor(QObject):
    """The window and whatever runs in it: a ``Kiosk`` for content, or the unavailable screen."""

    kiosk_started = Signal(object)  # a new Kiosk (the first, or one after the unavailable screen)
    exit_requested = Signal()  # staff quit, or the nightly restart (then ``restarting`` is True)

    def __init__(self, owner: ContentOwner, screen: QSize, dpi: float, kiosk_mode: bool,
                 clock: Callable[[], float] = time.monotonic, retry_ms: int = RETRY_MS,
                 new_deadline: Optional[NewDeadline] = None, parent: Optional[QObject] = None,
                 wall_clock: Callable[[], float] = time.time):
        super().__init__(parent)
        self._screen, self._dpi, self._kiosk_mode, self._clock = screen, dpi, kiosk_mode, clock
        self._wall_clock = wall_clock  # the opening hours' and the PIN lockout's (across restarts)
        self.schedule: Optional[ScheduleWatch] = None
        self.restarting = False
        self._new_deadline = new_deadline or QtDeadline
        self.owner = owner
        self._shown = owner.shown_as
        self.window = KioskWindow(kiosk_mode, clock)
        self.window.resize(screen)
        self.feed = ContentFeed(owner, self)
        self.feed.delivered.connect(self._on_delivered)
        self.kiosk = None
        self.delivery: Optional[Delivery] = None
        self.unavailable: Optional[UnavailableScreen] = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.feed.request)
        self._started = False
        self.days = DayLog(new_deadline=self._new_deadline, parent=self)  # the day's figures in the log
        self.kiosk_started.connect(self.days.follow)

    def start_up(self) -> None:
        """Show what can run now (before the first frame): the content's first screen, or the
        unavailable screen."""
        self._take(self.owner.load(front=True))

    def start(self) -> None:
        """After the first frame."""
        self._started = True
        if self.kiosk is not None:
            self.kiosk.start()
        if self.delivery is not None:
            self._complete_later(self.delivery)
        self.feed.log_version()

    def recover(self) -> None:
        """After an unexpected error: the kiosk back at its start (the unavailable screen has
        nothing to put back)."""
        if self.kiosk is not None:
            self.kiosk.recover()

    @Slot(object)
    def _on_delivered(self, delivery: Delivery) -> None:
        self._take(delivery)

    def _take(self, delivery: Delivery) -> None:
        if not delivery.same_content_as(self.delivery):
            for problem in delivery.problems:
                log.warning("content: %s", problem)
        if delivery.result is None:
            self._nothing_to_run(delivery)
        elif self.kiosk is None:
            self._start_kiosk(delivery)
        elif delivery.same_content_as(self.delivery):
            if delivery.complete and not self.kiosk.complete:
                self.kiosk.complete_with(delivery.result)
            self.delivery = delivery
            self.kiosk.show_problems(staff_view(delivery, self._shown))
        else:
            log.info("content reloaded from the %s", delivery.source.value)
            self.delivery = delivery
            self.kiosk.reload(delivery.result)
            self.kiosk.show_problems(staff_view(delivery, self._shown))
            self._complete_later(delivery)

    def _nothing_to_run(self, delivery: Delivery) -> None:
        if self.kiosk is not None:  # keep what is on the floor; staff see why nothing changed
            self.kiosk.show_problems(LoadResult(None, delivery.problems))
            return
        if self.unavailable is None:
            log.warning("nothing to show: the unavailable screen is up until the content can be used")
            self.unavailable = UnavailableScreen(self._screen)
            self.window.setStyleSheet(self.unavailable.stylesheet())
            self.window.add_screen(self.unavailable)
            self.window.show_screen(self.unavailable)
        self._retry.start()

    def _start_kiosk(self, delivery: Delivery) -> None:
        from kiosk.ui.kiosk import Kiosk

        self.delivery = delivery
        kiosk = Kiosk(delivery.result, str(self.owner.folder), self._screen, self._dpi, self._kiosk_mode,
                      self._clock, self._new_deadline, parent=self, window=self.window,
                      complete=delivery.complete,
                      lock_file=LockFile(self.owner.store.data_dir / LOCK_FILE, self._wall_clock),
                      pin_file=PinFile(self.owner.store.data_dir / PIN_FILE))
        kiosk.reload_requested.connect(self.feed.request)
        kiosk.exit_requested.connect(self.exit_requested)
        if delivery.source is Source.SNAPSHOT:
            log.warning("the content folder %s cannot be used: running the snapshot of the last content "
                        "that loaded without errors", self._shown)
        log.info("showing %r from the %s", kiosk.screens.ctx.text(delivery.exhibit.title),
                 delivery.source.value)
        if delivery.problems or delivery.source is Source.SNAPSHOT:
            kiosk.show_problems(staff_view(delivery, self._shown))
        if self._kiosk_mode and not kiosk.staff.pin_hash():
            log.warning("no admin PIN is set, on this kiosk or in the content: the admin screen cannot be "
                        "opened until one is; run 'kiosk admin-pin' on this computer")
        self.kiosk = kiosk
        if self.unavailable is not None:
            self.window.remove_screen(self.unavailable)
            self.unavailable.deleteLater()
            self.unavailable = None
        self.schedule = ScheduleWatch(kiosk, self._wall_clock, self._new_deadline, self)
        self.schedule.restart_requested.connect(self._on_restart)
        if self._started:  # before the first frame, reading the rest would only delay it
            self._complete_later(delivery)
            kiosk.start()
        self.kiosk_started.emit(kiosk)

    @Slot()
    def _on_restart(self) -> None:
        """The nightly restart: the event loop ends, and the app restarts (kiosk.restart)."""
        self.restarting = True
        self.window.allow_close()
        self.exit_requested.emit()

    def _complete_later(self, delivery: Delivery) -> None:
        if not delivery.complete:
            self.feed.complete(delivery)

    def stop(self) -> None:
        self._retry.stop()
        if self.schedule is not None:
            self.schedule.stop()
        self.feed.stop()
        if self.kiosk is not None:
            self.kiosk.stop()
        self.window.stop()
        self.days.stop()
