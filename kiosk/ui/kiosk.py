"""The composition root of one content load: the visitor session on one side, the screens on the
other, wired.

Screens only ask (``chapter_requested``, ``next_requested`` …); the session decides and
announces the change; ``Kiosk`` moves the screens to match. A change of language, text size,
contrast or motion reaches the views in place (``apply``); only new content replaces them.
Staff ask by signal too; what only the floor can do (load content, quit) goes up as signals.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, Optional

from PySide6.QtCore import QObject, QSize, QTimer, Signal, Slot

from kiosk.admin_lock import LockFile
from kiosk.pin_file import PinFile
from kiosk.content.result import LoadResult
from kiosk.session import Change, Reason, Screen, State, VisitorSession
from kiosk.ui.idle import IdleOverlay, IdleWatch, NewDeadline, QtDeadline
from kiosk.ui.imagecheck import with_image_problems
from kiosk.ui import events
from kiosk.ui.library import FRAME_MS
from kiosk.ui.pages import chart_import_steps
from kiosk.ui.pages.base import ViewContext
from kiosk.ui.screens import Screens
from kiosk.ui.staff import Staff
from kiosk.ui.theme import make_theme
from kiosk.ui.window import KioskWindow

log = logging.getLogger("kiosk")


class Kiosk(QObject):
    """One running kiosk: content, session, screens and their wiring, in one window."""

    state_changed = Signal(object)  # a session Change, for analytics and logs
    visitor_event = Signal(str, object)  # what a visitor did inside a page: (what, detail)
    content_reloaded = Signal()
    reload_requested = Signal()  # staff asked to read the content folder again
    exit_requested = Signal()  # staff asked to quit

    def __init__(self, result: LoadResult, content_dir: str, screen: QSize, dpi: float,
                 kiosk_mode: bool, clock: Callable[[], float] = time.monotonic,
                 new_deadline: NewDeadline = QtDeadline, parent: Optional[QObject] = None,
                 window: Optional[KioskWindow] = None, complete: bool = True,
                 lock_file: Optional[LockFile] = None, pin_file: Optional[PinFile] = None):
        super().__init__(parent)
        self.lock_file = lock_file  # the PIN pad's memory, across reloads and restarts
        self.pin_file = pin_file  # the PIN set on this kiosk, if any
        self.result = result
        self.content_dir = content_dir
        self._screen, self._dpi = screen, dpi
        self.clock = clock  # the session's, the window's (input hold, finger speed), the staff's
        self.session = VisitorSession(result.exhibit, clock)
        self.session.subscribe(self._on_change)
        self.window = window or KioskWindow(kiosk_mode, clock)
        self.window.resize(screen)
        self.screens: Optional[Screens] = None
        self.staff: Optional[Staff] = None
        self.idle_overlay: Optional[IdleOverlay] = None
        self.idle = IdleWatch(self.session, self, new_deadline)  # its deadline runs on clock's time
        self.idle.warning_started.connect(self._on_idle_warning)
        self.idle.countdown_changed.connect(self._on_idle_warning)
        self.idle.warning_cancelled.connect(self._on_idle_cancelled)
        self.idle.expired.connect(self._on_idle_expired)
        self.complete = complete  # False while only the first screen's content is here
        self._started = False
        self._visit_waiting = False
        self._ahead: list[Callable[[], object]] = []  # what is made after the first frame, in turn
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setInterval(0)
        self._ahead_timer.timeout.connect(self._on_ahead_step)
        self._build()

    # --- building ---------------------------------------------------------------------

    def context(self, state: Optional[State] = None) -> ViewContext:
        state = state or self.session.state
        ui = make_theme(self.result.exhibit.theme, self._screen, self._dpi, state.text_scale,
                        state.high_contrast, state.reduced_motion)
        return ViewContext(self.session.exhibit, ui, state.language)

    def _build(self) -> None:
        """Make the screens for the content (at start and after a new content load)."""
        old, old_staff = self.screens, self.staff
        self._ahead, _ = [], self._ahead_timer.stop()  # steps for the old screens, if any, are moot
        ctx = self.context()
        self.window.setStyleSheet(ctx.ui.stylesheet())
        self.screens = Screens(ctx, self.window, self._wire)
        self.screens.library.view_made.connect(self._wire_page)
        if self.idle_overlay is not None:  # the last content's
            self.idle_overlay.hide()
            self.idle_overlay.deleteLater()
        self.idle_overlay = IdleOverlay(ctx, self.window)
        self.idle_overlay.continue_requested.connect(self._on_idle_cancelled)
        self._build_staff()
        for gone in (old, old_staff):
            if gone is not None:
                gone.discard()
        if self._started and self.complete:  # a rebuild after the first frame builds ahead at once
            self._build_ahead()
        self._show(self.session.state, animate=False)

    def _build_staff(self) -> None:
        exhibit = self.result.exhibit
        staff_ctx = self.context(State(language=exhibit.default_language))
        self.staff = Staff(staff_ctx, self.result, self.window, self.content_dir, self.clock, self,
                           self.lock_file, self.pin_file)
        self.staff.admin_requested.connect(self.session.open_admin)
        self.staff.back_requested.connect(self._on_admin_back)
        self.staff.reload_requested.connect(self.reload_requested)
        self.staff.exit_requested.connect(self._on_exit)

    def _wire(self, kind: Screen, screen) -> None:
        """Connect a newly made screen's requests to the session."""
        session = self.session
        if kind is Screen.ATTRACT:
            screen.visit_requested.connect(self._on_visit_requested)
            screen.language_requested.connect(self._on_visit_in_language)
        elif kind is Screen.HOME:
            screen.chapter_requested.connect(self._on_chapter_requested)
            screen.language_requested.connect(session.set_language)
            screen.timeline_event_requested.connect(self._on_timeline_event)
            screen.text_size_requested.connect(session.next_text_scale)
        elif kind is Screen.ADVISORY:
            screen.continue_requested.connect(session.accept_advisory)
            screen.skip_requested.connect(session.skip_chapter)
            screen.home_requested.connect(session.go_home)
        elif kind is Screen.CHAPTER:
            screen.home_requested.connect(session.go_home)
            screen.next_requested.connect(self._on_next)
            screen.previous_requested.connect(self._on_previous)
            screen.page_requested.connect(self._on_page_requested)
            screen.sources_requested.connect(self._on_sources_requested)
            screen.language_requested.connect(session.set_language)
            screen.text_size_requested.connect(session.next_text_scale)

    def _wire_page(self, view) -> None:
        """A page view's own events (a figure revealed, an event opened) go up for analytics."""
        page_id = view.page.id or ""
        for signal, what in (("value_revealed", "value revealed"), ("event_opened", "event opened")):
            if hasattr(view, signal):
                getattr(view, signal).connect(lambda detail, w=what: self.visitor_event.emit(w, (page_id, detail)))

    def start(self) -> None:
        """After the first frame: build the rest ahead of need, start the idle watch."""
        self._started = True
        self.idle.reschedule()
        if self.complete:
            self._build_ahead()

    def _build_ahead(self) -> None:
        """After the first frame, what the visitor may need next: the chapter screen and the
        plan of page views now (both quick); then one piece per turn of the event loop, so that
        none holds it long: the home screen, the advisory, the staff's screens, the pictures'
        check, and pyqtgraph's import in pieces (the page views built ahead leave the charts
        until it is in)."""
        screens = self.screens
        charts = any(page.type == "chart" for chapter in self.result.exhibit.chapters for page in chapter.pages)
        importing = chart_import_steps() if charts else []
        screens.library.charts_later = bool(importing)
        screens.screen_for(Screen.CHAPTER)
        self._plan()
        self._ahead = [lambda: screens.screen_for(Screen.HOME), lambda: screens.screen_for(Screen.ADVISORY),
                       self.staff.build, self._check_images, *importing]
        if importing:
            self._ahead.append(screens.library.charts_in)
        self._ahead_timer.start()

    @Slot()
    def _on_ahead_step(self) -> None:
        from kiosk.ui.pages.image_view import decoding  # loaded with the first picture anyway

        if decoding():  # beside a large picture's decode, a step would take the longer
            self._ahead_timer.setInterval(FRAME_MS)
            return
        self._ahead_timer.setInterval(0)
        if self._ahead:
            self._ahead.pop(0)()
        if not self._ahead:
            self._ahead_timer.stop()

    def complete_with(self, result: LoadResult) -> None:
        """The rest of the content has come (a start that showed its first screen early): the
        same content, so nothing on screen changes."""
        self.result = result
        self.session.exhibit = result.exhibit
        self.screens.adopt(result.exhibit)
        self.complete = True
        if self._started:
            self._build_ahead()
        if self._visit_waiting:
            self._visit_waiting = False
            self.session.start_visit()

    def _check_images(self) -> None:
        """Decode every picture's header once, after the first frame; staff see what failed."""
        checked = with_image_problems(self.result)
        if checked is not self.result:
            for problem in checked.problems[len(self.result.problems):]:
                log.warning("content: %s", problem)
            self.result = checked
            self.staff.show_result(checked)

    def stop(self) -> None:
        """Stop every timer and filter (before the window goes)."""
        self._ahead_timer.stop()
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
        if not self.complete:
            self._visit_waiting = True  # the home screen needs every chapter: a moment more
            return
        self.session.start_visit()

    @Slot(str)
    def _on_visit_in_language(self, code: str) -> None:
        """A language's button on the attract screen: that language, and the visit begins."""
        self.session.set_language(code)
        self._on_visit_requested()

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

    @Slot()
    def _on_sources_requested(self) -> None:
        if self.screens.show_sources():
            view = self.screens.chapter.stack.current_view()
            self.visitor_event.emit("sources opened", (view.page.id or "", None))

    @Slot(int)
    def _on_timeline_event(self, event: int) -> None:
        """An event tapped on the home timeline: its timeline page, with the event open."""
        exhibit = self.session.exhibit
        ref = exhibit.home_timeline
        chapter, page = exhibit.find_page(ref) if ref else (None, None)
        if chapter is None or page is None:
            return
        self.session.open_chapter(exhibit.chapters.index(chapter), chapter.pages.index(page))
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
        screen, place = self.session.state.screen, self.session.place()
        where = f" ({place.chapter}/{place.page})" if screen is Screen.CHAPTER else ""
        log.info("idle reset on the %s screen%s", screen.value, where)
        self.session.reset()

    # --- following the session ------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        before, after = change.before, change.after
        try:
            if self.screens.ctx.exhibit is not self.session.exhibit:
                self._build()  # new content: new screens
            elif change.reason is Reason.RECOVERED:
                self._present()
                self._show(after, animate=False)
            else:
                if after.presentation() != before.presentation():
                    self._present()
                self._show(after, animate=True, before=before)
            self._plan()
        finally:  # the session has changed whatever the screens did; an error starts over (recover)
            self.idle.reschedule()
            self.state_changed.emit(change)

    def _present(self) -> None:
        """A new language, text size, contrast or motion: every view follows in place."""
        ctx = self.context()
        sheet = ctx.ui.stylesheet()
        with events.paused():
            if sheet != self.window.styleSheet():  # a language alone leaves the styles as they are
                self.window.setStyleSheet(sheet)
            self.screens.apply(ctx)
            self.idle_overlay.apply(ctx)

    def _plan(self) -> None:
        """Tell the page library where the visitor is, so it builds what is near."""
        if not (self._started and self.complete):
            return
        state = self.session.state
        in_chapter = state.screen in (Screen.CHAPTER, Screen.ADVISORY)
        self.screens.plan(state.chapter if in_chapter else None, state.page)

    def _show(self, state: State, animate: bool, before: Optional[State] = None) -> None:
        screens = self.screens
        screens.hide_sources()
        exhibit = self.session.exhibit
        if state.screen is Screen.HOME or Screen.HOME in screens.made:
            screens.home.set_visited(state.visited)
        if state.screen is Screen.ATTRACT:
            self.idle_overlay.hide()
            self.staff.close()
            screens.reset_all()
        elif state.screen is Screen.ADVISORY:
            screens.advisory.show_chapter(exhibit.chapters[state.chapter])
        elif state.screen is Screen.CHAPTER:
            same_chapter = before is not None and before.screen is Screen.CHAPTER and \
                before.chapter == state.chapter
            if same_chapter:
                screens.chapter.show_page(state.page, animate)
            else:
                screens.chapter.open_chapter(state.chapter, exhibit.chapters[state.chapter], state.page)
        target = screens.screen_for(state.screen) if state.screen is not Screen.ADMIN else self.staff.screen
        if self.window.current_screen() is not target:
            self.window.show_screen(target)
            self.window.hold_input(exhibit.theme.timings.page_turn_ms)

    # --- staff -----------------------------------------------------------------------------

    @Slot()
    def _on_admin_back(self) -> None:
        self.session.reset(Reason.ADMIN_CLOSED)

    @Slot()
    def _on_exit(self) -> None:
        self.window.allow_close()
        self.exit_requested.emit()
        self.window.close()

    def recover(self) -> None:
        """After an unexpected error: everything back to the start, the session and the screen
        in step (the error may have stopped a change half way), with the screens made anew if
        putting them back fails too; the idle watch waits again."""
        self._visit_waiting = False
        self.idle.calm()
        try:
            self.session.recover()
        except Exception:  # noqa: BLE001 (a screen that cannot be put back is made again)
            log.exception("the screens could not be put back after an error, so they are made anew")
            self._build()
        self.idle.reschedule()

    def reload(self, result: LoadResult) -> bool:
        """Run newly loaded content (pages and chapters with errors are already left out); the
        visitor keeps their place if it is still there. False if it has no exhibit at all."""
        if result.exhibit is None:
            self.show_problems(result)
            return False
        self.result = result
        self.complete = True
        self.session.replace_exhibit(result.exhibit)  # the change builds the new screens
        self.content_reloaded.emit()
        return True

    def show_problems(self, result: LoadResult) -> None:
        """What staff must fix, on the admin screen (the floor keeps what it runs)."""
        self.staff.show_result(result)

