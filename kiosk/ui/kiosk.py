"""The composition root: the visitor session on one side, the screens on the other, wired.

Screens only ask (``chapter_requested``, ``next_requested`` …); the session decides and
announces the change; ``Kiosk`` moves the screens to match. Nothing else connects the two.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, Optional

from PySide6.QtCore import QObject, QSize, Signal, Slot

from kiosk.content.loader import LoadResult
from kiosk.session import Change, Screen, VisitorSession
from kiosk.ui.idle import IdleOverlay, IdleWatch, NewDeadline, QtDeadline
from kiosk.ui.imagecheck import with_image_problems
from kiosk.ui.pages.base import ViewContext
from kiosk.ui.screens import Screens
from kiosk.ui.staff import Staff
from kiosk.ui.theme import make_theme
from kiosk.ui.window import KioskWindow

log = logging.getLogger("kiosk")


class Kiosk(QObject):
    """One running kiosk: content, session, window and their wiring."""

    state_changed = Signal(object)  # a session Change, for analytics and logs
    content_reloaded = Signal()

    def __init__(self, result: LoadResult, content_dir: str, screen: QSize, dpi: float,
                 kiosk_mode: bool, clock: Callable[[], float] = time.monotonic,
                 new_deadline: NewDeadline = QtDeadline, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.result = result
        self.content_dir = content_dir
        self._screen, self._dpi = screen, dpi
        self.clock = clock  # the session's, the window's (input hold, finger speed), the staff's
        self.session = VisitorSession(result.exhibit, clock)
        self.session.subscribe(self._on_change)
        self.window = KioskWindow(kiosk_mode, clock)
        self.window.resize(screen)
        self.screens: Optional[Screens] = None
        self.idle_overlay: Optional[IdleOverlay] = None
        self.idle = IdleWatch(self.session, self, new_deadline)  # its deadline runs on clock's time
        self.idle.warning_started.connect(self._on_idle_warning)
        self.idle.countdown_changed.connect(self._on_idle_warning)
        self.idle.warning_cancelled.connect(self._on_idle_cancelled)
        self.idle.expired.connect(self._on_idle_expired)
        self.staff = Staff(self)
        self._started = False
        self._build(result.exhibit.default_language)

    # --- building ---------------------------------------------------------------------

    def context(self, lang: str) -> ViewContext:
        ui = make_theme(self.result.exhibit.theme, self._screen, self._dpi,
                        self.session.state.text_scale)
        return ViewContext(self.result.exhibit, ui, lang)

    def _build(self, lang: str) -> None:
        """Make every screen for one language (at start, after a reload or a language change)."""
        old = self.screens
        ctx = self.context(lang)
        self.window.setStyleSheet(ctx.ui.stylesheet())
        self.screens = Screens(ctx, self.window, self._wire)
        if self.idle_overlay is not None:  # the last language's: gone with its screens
            self.idle_overlay.hide()
            self.idle_overlay.deleteLater()
        self.idle_overlay = IdleOverlay(ctx, self.window)
        self.idle_overlay.continue_requested.connect(self._on_idle_cancelled)
        self.staff.rebuild(ctx)
        if old is not None:
            old.discard()
        if self._started:  # a rebuild after the first frame builds ahead at once
            self.screens.build_ahead()
        self._show(self.session.state, animate=False)

    def _wire(self, kind: Screen, screen) -> None:
        """Connect a newly made screen's requests to the session."""
        session = self.session
        if kind is Screen.ATTRACT:
            screen.visit_requested.connect(self._on_visit_requested)
        elif kind is Screen.HOME:
            screen.chapter_requested.connect(self._on_chapter_requested)
            screen.language_requested.connect(session.set_language)
            screen.timeline_event_requested.connect(self._on_timeline_event)
        elif kind is Screen.ADVISORY:
            screen.continue_requested.connect(session.accept_advisory)
            screen.skip_requested.connect(session.skip_chapter)
            screen.home_requested.connect(session.go_home)
        elif kind is Screen.CHAPTER:
            screen.home_requested.connect(session.go_home)
            screen.next_requested.connect(self._on_next)
            screen.previous_requested.connect(self._on_previous)
            screen.page_requested.connect(self._on_page_requested)
            screen.sources_requested.connect(self.screens.show_sources)

    def start(self) -> None:
        """After the first frame: build the rest ahead of need, start the idle watch."""
        self._started = True
        self.screens.build_ahead()
        self._check_images()
        self.idle.reschedule()

    def _check_images(self) -> None:
        """Decode every picture once, after the first frame; staff see what failed."""
        checked = with_image_problems(self.result)
        if checked is not self.result:
            for problem in checked.problems[len(self.result.problems):]:
                log.warning("content: %s", problem)
            self.result = checked
            self.staff.show_result(checked)

    def stop(self) -> None:
        """Stop every timer and filter (before the window goes)."""
        self.idle.stop()
        self.staff.stop()
        if self.screens is not None:
            self.screens.stop()
        self.window.stop()

    # --- what visitors ask ------------------------------------------------------------

    def _navigating(self) -> bool:
        """True while a page slides: taps then are ignored, so a burst turns one page."""
        return self.screens.chapter.busy

    @Slot()
    def _on_visit_requested(self) -> None:
        self.session.touched()
        self.session.start_visit()

    @Slot(int)
    def _on_chapter_requested(self, index: int) -> None:
        self.session.open_chapter(index)

    @Slot()
    def _on_next(self) -> None:
        if not self._navigating():
            self.session.next_page()

    @Slot()
    def _on_previous(self) -> None:
        if not self._navigating():
            self.session.previous_page()

    @Slot(int)
    def _on_page_requested(self, page: int) -> None:
        self.session.go_to_page(page)

    @Slot(int)
    def _on_timeline_event(self, event: int) -> None:
        """An event tapped on the home timeline: its timeline page, with the event open."""
        ref = self.result.exhibit.home_timeline
        chapter, page = self.result.exhibit.find_page(ref) if ref else (None, None)
        if chapter is None or page is None:
            return
        self.session.open_chapter(self.result.exhibit.chapters.index(chapter), chapter.pages.index(page))
        view = self.screens.chapter.stack.current_view()
        if self.session.state.screen is Screen.CHAPTER and hasattr(view, "open_event"):
            view.open_event(event)

    # --- idle ---------------------------------------------------------------------------

    @Slot(int)
    def _on_idle_warning(self, seconds: int) -> None:
        self.idle_overlay.show_countdown(seconds)

    @Slot()
    def _on_idle_cancelled(self) -> None:
        self.idle_overlay.hide()
        self.session.touched()
        self.idle.reschedule()

    @Slot()
    def _on_idle_expired(self) -> None:
        self.idle_overlay.hide()
        self.session.reset()

    # --- following the session ------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        before, after = change.before, change.after
        built = self.screens.ctx
        if built.exhibit is not self.session.exhibit or built.lang != after.language or \
                built.ui.text_scale != after.text_scale:
            self._build(after.language)  # new content, language or text size: new screens
        else:
            self._show(after, animate=True, before=before)
        self.idle.reschedule()
        self.state_changed.emit(change)

    def _show(self, state, animate: bool, before=None) -> None:
        screens = self.screens
        screens.hide_sources()
        if state.screen is Screen.ATTRACT:
            self.idle_overlay.hide()
            self.staff.close()
            screens.reset_all()
        elif state.screen is Screen.ADVISORY:
            screens.advisory.show_chapter(self.result.exhibit.chapters[state.chapter])
        elif state.screen is Screen.CHAPTER:
            same_chapter = before is not None and before.screen is Screen.CHAPTER and \
                before.chapter == state.chapter
            if same_chapter:
                screens.chapter.show_page(state.page, animate)
            else:
                screens.chapter.open_chapter(state.chapter, self.result.exhibit.chapters[state.chapter],
                                             state.page)
        target = screens.screen_for(state.screen) if state.screen is not Screen.ADMIN else self.staff.screen
        if self.window.current_screen() is not target:
            self.window.show_screen(target)
            self.window.hold_input(self.result.exhibit.theme.timings.page_turn_ms)

    # --- staff -----------------------------------------------------------------------------

    def reload(self, result: LoadResult) -> bool:
        """Use newly loaded content if it has no errors; else keep what is on the floor."""
        if result.exhibit is None or result.errors:
            return False
        self.result = result
        self.session.replace_exhibit(result.exhibit)  # the change rebuilds every screen
        self.content_reloaded.emit()
        return True
