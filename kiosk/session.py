"""The visitor's session: which screen, chapter and page, in which language — and idle time.

Plain Python with an injected clock, so the idle reset and everything a visitor can do
are testable without Qt. The kiosk's window listens through ``subscribe``; every change is
announced as a ``Change`` naming what changed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from enum import Enum
from typing import Callable, Optional

from kiosk.content.model import Exhibit


class Screen(Enum):
    ATTRACT = "attract"
    HOME = "home"
    ADVISORY = "advisory"
    CHAPTER = "chapter"
    ADMIN = "admin"


class Idle(Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class State:
    """Everything about the current visit; ``State()`` with the exhibit's defaults is the start."""

    screen: Screen = Screen.ATTRACT
    chapter: int = 0
    page: int = 0
    language: str = ""
    text_scale: float = 1.0
    high_contrast: bool = False


@dataclass(frozen=True)
class Change:
    """One transition: the state before and after, and why (for analytics and logs)."""

    before: State
    after: State
    reason: str


class VisitorSession:
    """The explicit state machine of a visit. Screens call its methods; it announces changes."""

    def __init__(self, exhibit: Exhibit, clock: Callable[[], float] = time.monotonic):
        self.exhibit = exhibit
        self._clock = clock
        self._listeners: list[Callable[[Change], None]] = []
        self.state = self.initial_state()
        self.last_touch = clock()

    def initial_state(self) -> State:
        return State(language=self.exhibit.default_language)

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def _move(self, reason: str, announce_same: bool = False, **changes) -> None:
        after = replace(self.state, **changes)
        if after == self.state and not announce_same:
            return
        change = Change(self.state, after, reason)
        self.state = after
        for listener in list(self._listeners):
            listener(change)

    # --- what a visitor does ---------------------------------------------------------

    def touched(self) -> None:
        """Any touch, tap or key: the visitor is still here."""
        self.last_touch = self._clock()

    def start_visit(self) -> None:
        if self.state.screen is Screen.ATTRACT:
            self._move("visit started", screen=Screen.HOME)

    def go_home(self) -> None:
        if self.state.screen in (Screen.CHAPTER, Screen.ADVISORY, Screen.ADMIN):
            self._move("home", screen=Screen.HOME, page=0)

    def open_chapter(self, index: int, page: int = 0) -> None:
        """Open a chapter (at its first page), behind its content advisory if it has one."""
        if not 0 <= index < len(self.exhibit.chapters):
            self._move("last chapter done", screen=Screen.HOME, page=0)
            return
        chapter = self.exhibit.chapters[index]
        screen = Screen.ADVISORY if chapter.advisory else Screen.CHAPTER
        page = page if 0 <= page < len(chapter.pages) else 0
        self._move("chapter opened", screen=screen, chapter=index, page=page)

    def accept_advisory(self) -> None:
        if self.state.screen is Screen.ADVISORY:
            self._move("advisory accepted", screen=Screen.CHAPTER)

    def skip_chapter(self) -> None:
        """Leave this chapter for the next (or home after the last)."""
        self.open_chapter(self.state.chapter + 1)

    def go_to_page(self, page: int) -> None:
        count = self.page_count()
        if self.state.screen is Screen.CHAPTER and 0 <= page < count:
            self._move("page turned", page=page)

    def next_page(self) -> None:
        """The next page; after the last page, the next chapter."""
        if self.state.page + 1 < self.page_count():
            self.go_to_page(self.state.page + 1)
        elif self.state.screen is Screen.CHAPTER:
            self.skip_chapter()

    def previous_page(self) -> None:
        self.go_to_page(self.state.page - 1)

    def set_language(self, code: str) -> None:
        if code in (lang.code for lang in self.exhibit.languages):
            self._move("language chosen", language=code)

    def open_admin(self) -> None:
        self._move("admin opened", screen=Screen.ADMIN)

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """New content (a reload): the visit starts over with it."""
        self.exhibit = exhibit
        self.last_touch = self._clock()
        self._move("content reloaded", announce_same=True, **vars(self.initial_state()))

    def reset(self, reason: str = "idle reset") -> None:
        """Everything back to the start: screen, chapter, page, language, text size, contrast."""
        self.last_touch = self._clock()
        self._move(reason, **vars(self.initial_state()))

    # --- idle -------------------------------------------------------------------------

    def page_count(self) -> int:
        chapters = self.exhibit.chapters
        return len(chapters[self.state.chapter].pages) if self.state.chapter < len(chapters) else 0

    def idle_timeout(self) -> float:
        """Seconds without a touch before the warning; a page may ask for longer."""
        timeout = self.exhibit.idle.timeout
        if self.state.screen is Screen.CHAPTER and self.state.page < self.page_count():
            page = self.exhibit.chapters[self.state.chapter].pages[self.state.page]
            timeout = max(timeout, page.idle_timeout or 0)
        return timeout

    def idle(self, now: Optional[float] = None) -> tuple[Idle, float]:
        """Where the visit stands on idle time, and the seconds left in that phase."""
        if self.state.screen is Screen.ATTRACT:
            return Idle.ACTIVE, float("inf")
        quiet = (self._clock() if now is None else now) - self.last_touch
        timeout, warning = self.idle_timeout(), self.exhibit.idle.warning
        if quiet < timeout:
            return Idle.ACTIVE, timeout - quiet
        if quiet < timeout + warning:
            return Idle.WARNING, timeout + warning - quiet
        return Idle.EXPIRED, 0.0
