"""The visitor's session: which screen, chapter and page, how it is shown — and idle time.

Plain Python with injected clocks, so the idle reset and everything a visitor can do are
testable without Qt. The kiosk's window listens through ``subscribe``; every change is
announced as a ``Change`` with its ``Reason`` and the wall-clock time it happened.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Callable, Optional

from kiosk.content.model import Exhibit

TEXT_SCALES = (1.0, 1.25, 1.5)  # the steps of the larger-text option


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


class Reason(str, Enum):
    """Why the state changed. A ``str`` too, so logs read plainly."""

    VISIT_STARTED = "visit started"
    HOME = "home"
    CHAPTER_OPENED = "chapter opened"
    LAST_CHAPTER_DONE = "last chapter done"
    ADVISORY_ACCEPTED = "advisory accepted"
    PAGE_TURNED = "page turned"
    LANGUAGE_CHOSEN = "language chosen"
    TEXT_SCALED = "text scaled"
    CONTRAST_CHANGED = "contrast changed"
    MOTION_CHANGED = "motion changed"
    ADMIN_OPENED = "admin opened"
    ADMIN_CLOSED = "admin closed"
    CONTENT_RELOADED = "content reloaded"
    IDLE_RESET = "idle reset"
    RECOVERED = "recovered"  # the start over after an unexpected error

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class State:
    """Everything about the current visit; ``State()`` with the exhibit's defaults is the start.

    ``chapter`` and ``page`` are positions in the exhibit now shown; ``Place`` names the same
    spot by id, which is what survives a reload."""

    screen: Screen = Screen.ATTRACT
    chapter: int = 0
    page: int = 0
    language: str = ""
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
    visited: frozenset = frozenset()  # the ids of the chapters opened in this visit

    def presentation(self) -> tuple:
        """What decides how every view looks (not what it shows)."""
        return (self.language, self.text_scale, self.high_contrast, self.reduced_motion)


@dataclass(frozen=True)
class Place:
    """Where a visitor is, by id: a chapter's folder name and a page's id (or its position)."""

    chapter: str = ""
    page: str = ""


@dataclass(frozen=True)
class Change:
    """One transition: the state before and after, why, and when (seconds since the epoch)."""

    before: State
    after: State
    reason: Reason
    at: float = field(default=0.0)


def page_key(exhibit: Exhibit, chapter: int, page: int) -> Place:
    """The id-based place of a chapter and page; a page without an id is named by position."""
    if not 0 <= chapter < len(exhibit.chapters):
        return Place()
    pages = exhibit.chapters[chapter].pages
    if not 0 <= page < len(pages):
        return Place(exhibit.chapters[chapter].id)
    return Place(exhibit.chapters[chapter].id, pages[page].id or f"#{page + 1}")


def find_place(exhibit: Exhibit, place: Place) -> Optional[tuple[int, int]]:
    """The positions of ``place`` in ``exhibit``, or None if its chapter is gone (a missing page
    falls back to the chapter's first)."""
    chapter = next((i for i, c in enumerate(exhibit.chapters) if c.id == place.chapter), None)
    if chapter is None:
        return None
    pages = exhibit.chapters[chapter].pages
    page = next((i for i in range(len(pages)) if page_key(exhibit, chapter, i).page == place.page), 0)
    return chapter, page


class VisitorSession:
    """The explicit state machine of a visit. Screens call its methods; it announces changes."""

    def __init__(self, exhibit: Exhibit, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time):
        self.exhibit = exhibit
        self._clock = clock
        self._wall_clock = wall_clock
        self._listeners: list[Callable[[Change], None]] = []
        self.state = self.initial_state()
        self.last_touch = clock()

    def initial_state(self) -> State:
        return State(language=self.exhibit.default_language)

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def place(self) -> Place:
        """Where the visitor is, by id."""
        return page_key(self.exhibit, self.state.chapter, self.state.page)

    def _move(self, reason: Reason, announce_same: bool = False, **changes) -> None:
        after = replace(self.state, **changes)
        chapters = self.exhibit.chapters
        if after.screen is Screen.CHAPTER and after.chapter < len(chapters):  # seen, until the reset
            after = replace(after, visited=after.visited | {chapters[after.chapter].id})
        if after == self.state and not announce_same:
            return
        change = Change(self.state, after, reason, self._wall_clock())
        self.state = after
        for listener in list(self._listeners):
            listener(change)

    # --- what a visitor does ---------------------------------------------------------

    def touched(self) -> None:
        """Any touch, tap or key: the visitor is still here."""
        self.last_touch = self._clock()

    def start_visit(self) -> None:
        if self.state.screen is Screen.ATTRACT:
            self._move(Reason.VISIT_STARTED, screen=Screen.HOME)

    def go_home(self) -> None:
        if self.state.screen in (Screen.CHAPTER, Screen.ADVISORY, Screen.ADMIN):
            self._move(Reason.HOME, screen=Screen.HOME, page=0)

    def open_chapter(self, index: int, page: int = 0) -> None:
        """Open a chapter (at its first page), behind its content advisory if it has one."""
        if not 0 <= index < len(self.exhibit.chapters):
            self._move(Reason.LAST_CHAPTER_DONE, screen=Screen.HOME, page=0)
            return
        chapter = self.exhibit.chapters[index]
        screen = Screen.ADVISORY if chapter.advisory else Screen.CHAPTER
        page = page if 0 <= page < len(chapter.pages) else 0
        self._move(Reason.CHAPTER_OPENED, screen=screen, chapter=index, page=page)

    def accept_advisory(self) -> None:
        if self.state.screen is Screen.ADVISORY:
            self._move(Reason.ADVISORY_ACCEPTED, screen=Screen.CHAPTER)

    def skip_chapter(self) -> None:
        """Leave this chapter for the next (or home after the last)."""
        self.open_chapter(self.state.chapter + 1)

    def go_to_page(self, page: int) -> None:
        count = self.page_count()
        if self.state.screen is Screen.CHAPTER and 0 <= page < count:
            self._move(Reason.PAGE_TURNED, page=page)

    def next_page(self) -> None:
        """The next page; after the last page, the next chapter."""
        if self.state.page + 1 < self.page_count():
            self.go_to_page(self.state.page + 1)
        elif self.state.screen is Screen.CHAPTER:
            self.skip_chapter()

    def previous_page(self) -> None:
        self.go_to_page(self.state.page - 1)

    # --- how it is shown: language and access options ----------------------------------

    def set_language(self, code: str) -> None:
        if code in (lang.code for lang in self.exhibit.languages):
            self._move(Reason.LANGUAGE_CHOSEN, language=code)

    def set_text_scale(self, scale: float) -> None:
        if scale in TEXT_SCALES:
            self._move(Reason.TEXT_SCALED, text_scale=scale)

    def next_text_scale(self) -> None:
        """The larger-text button: the next step up, and from the largest back to normal."""
        steps = TEXT_SCALES
        current = steps.index(self.state.text_scale) if self.state.text_scale in steps else -1
        self.set_text_scale(steps[(current + 1) % len(steps)])

    def set_high_contrast(self, on: bool) -> None:
        self._move(Reason.CONTRAST_CHANGED, high_contrast=bool(on))

    def set_reduced_motion(self, on: bool) -> None:
        self._move(Reason.MOTION_CHANGED, reduced_motion=bool(on))

    # --- staff and content -------------------------------------------------------------

    def open_admin(self) -> None:
        self._move(Reason.ADMIN_OPENED, screen=Screen.ADMIN)

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """New content (a reload): the visitor stays where they were if that page still exists
        (by id); otherwise on the chapter's first page, or home if the chapter is gone."""
        place, state = self.place(), self.state
        self.exhibit = exhibit
        self.last_touch = self._clock()
        languages = [lang.code for lang in exhibit.languages]
        language = state.language if state.language in languages else exhibit.default_language
        found = find_place(exhibit, place) if state.screen in (Screen.CHAPTER, Screen.ADVISORY) else None
        if found is not None:
            chapter, page = found
            screen = state.screen
        else:
            chapter, page = 0, 0
            screen = Screen.HOME if state.screen in (Screen.CHAPTER, Screen.ADVISORY) else state.screen
        self._move(Reason.CONTENT_RELOADED, announce_same=True, screen=screen, chapter=chapter,
                   page=page, language=language)

    def reset(self, reason: Reason = Reason.IDLE_RESET) -> None:
        """Everything back to the start: screen, chapter, page, language and access options."""
        self.last_touch = self._clock()
        self._move(reason, **vars(self.initial_state()))

    def recover(self) -> None:
        """The start over after an unexpected error: a reset, announced even when the state is
        the start already (the error may have stopped the screens half way there)."""
        self.last_touch = self._clock()
        self._move(Reason.RECOVERED, announce_same=True, **vars(self.initial_state()))

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
