"""Checking a PIN off the UI thread.

A PBKDF2 check takes a tenth of a second at the iterations ``kiosk admin-pin`` uses, and up to
a third of a second at the most a content folder may ask for (kiosk.pin.MAX_ITERATIONS); on
the UI thread the screen would stand still that long. hashlib lets go of the GIL while it
hashes, so one worker thread does it while the event loop runs, and the answer comes back as
a signal on the UI thread. The worker runs only hashlib: no Qt is touched or imported there.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Optional

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.pin import check_pin


class PinChecker(QObject):
    """``check(pin, stored)``; ``checked(right)`` follows on the UI thread. One at a time."""

    checked = Signal(bool)
    _finished = Signal(object)

    def __init__(self, parent: Optional[QObject] = None):
        super().__init__(parent)
        self._pool: Optional[ThreadPoolExecutor] = None
        self._busy = False
        self._stopped = False
        self._finished.connect(self._on_finished)  # queued: emitted from the worker

    @property
    def busy(self) -> bool:
        """True from ``check`` until ``checked`` has been emitted."""
        return self._busy

    def check(self, pin: str, stored: str) -> None:
        if self._stopped or self._busy:
            return
        if self._pool is None:  # made on the first PIN: a kiosk nobody unlocks has no thread
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pin")
        self._busy = True
        self._pool.submit(check_pin, pin, stored).add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        if not self._stopped and not future.cancelled():
            self._finished.emit(future)

    @Slot(object)
    def _on_finished(self, future: Future) -> None:
        self._busy = False
        if self._stopped:
            return
        error = future.exception()
        self.checked.emit(error is None and bool(future.result()))  # a check that failed opens nothing

    def stop(self) -> None:
        """No more checks; waits for one under way (a fraction of a second)."""
        self._stopped = True
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
