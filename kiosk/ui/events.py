"""The application's one event filter, shared by everything that watches input app-wide.

Qt calls an application event filter for every event of every object — a page turn alone
makes hundreds (polish, resize, show, layout) — and each Python filter costs a crossing into
Python for each of them. So the kiosk installs one filter, which looks at an event's type once
and passes it on only to the watchers that asked for that kind: the window's manners, the idle
watch, the admin gesture and every drag tracker.

Watchers are called newest first and the first to return True consumes the event, as Qt does
with filters of its own. A watcher is forgotten when it asks (``unwatch``) or when its owner
is deleted.
"""

from __future__ import annotations

import itertools
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Optional

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

Handler = Callable[[QObject, QEvent], bool]


class EventHub(QObject):
    """Installed once on the application; see :func:`watch`."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        # (token, owner, kinds, handler), oldest first
        self._watchers: list[tuple[int, QObject, frozenset, Handler]] = []
        self._by_kind: dict[QEvent.Type, tuple[Handler, ...]] = {}
        self._tokens = itertools.count()
        app.installEventFilter(self)

    def watch(self, owner: QObject, kinds: Iterable[QEvent.Type], handler: Handler) -> None:
        token = next(self._tokens)  # not id(owner): an id is used again once its object is gone
        self._watchers = [w for w in self._watchers if w[1] is not owner]
        self._watchers.append((token, owner, frozenset(kinds), handler))
        owner.destroyed.connect(lambda *_: self._keep(lambda w: w[0] != token))
        self._index()

    def unwatch(self, owner: QObject) -> None:
        self._keep(lambda w: w[1] is not owner)

    def _keep(self, wanted: Callable[[tuple], bool]) -> None:
        kept = [w for w in self._watchers if wanted(w)]
        if len(kept) != len(self._watchers):
            self._watchers = kept
            self._index()

    def _index(self) -> None:
        by_kind: dict[QEvent.Type, list[Handler]] = {}
        for _, _, kinds, handler in reversed(self._watchers):  # newest first
            for kind in kinds:
                by_kind.setdefault(kind, []).append(handler)
        self._by_kind = {kind: tuple(handlers) for kind, handlers in by_kind.items()}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        handlers = self._by_kind.get(event.type())
        if handlers is None:
            return False
        for handler in handlers:  # a tuple: a handler may unwatch (itself or another) meanwhile
            if handler(obj, event):
                return True
        return False


_hub: Optional[EventHub] = None


def hub() -> EventHub:
    """The running application's hub (made on first use)."""
    global _hub
    app = QApplication.instance()
    if _hub is None or not _alive(_hub) or _hub.parent() is not app:
        _hub = EventHub(app)
    return _hub


def watch(owner: QObject, kinds: Iterable[QEvent.Type], handler: Handler) -> None:
    """Call ``handler(obj, event)`` for every event of these kinds, anywhere in the application,
    until ``unwatch(owner)`` or until ``owner`` is deleted. True from the handler consumes it."""
    hub().watch(owner, kinds, handler)


def unwatch(owner: QObject) -> None:
    hub().unwatch(owner)


@contextmanager
def paused() -> Iterator[None]:
    """No watcher is asked about the events sent meanwhile: for a restyle of every screen,
    which sends thousands of style and font events and none of them a visitor's (no input is
    delivered while it runs)."""
    app, filter_ = QApplication.instance(), hub()
    app.removeEventFilter(filter_)
    try:
        yield
    finally:
        app.installEventFilter(filter_)


def _alive(obj: QObject) -> bool:
    from shiboken6 import isValid

    return isValid(obj)
