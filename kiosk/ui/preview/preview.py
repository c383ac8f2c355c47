"""The live preview: the real kiosk, through the floor's content owner, reloaded at each save.

What differs from the floor, on purpose:
- The content is read again whenever a file under the folder is saved (``FolderWatcher``), and
  the curator stays on the same chapter and page, in the same language, text size and contrast.
- Content with errors never replaces content without them: the last version without errors stays
  on screen under a banner that lists every problem (errors that only leave a page out too).
  Until a version without errors has loaded, the preview shows what the floor would run.
- No idle warning or reset, no attract loop taking over: the curator is no visitor who left.
- The data folder is the preview's own and no snapshot is copied into it, so a preview never
  touches the floor's last good content.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, QSize, Qt, Slot

from kiosk.content.problems import ERROR
from kiosk.owner import ContentOwner, Delivery, Source
from kiosk.preview import Shown, spot_after, walk_to
from kiosk.session import Screen, State
from kiosk.ui.floor import ContentFeed
from kiosk.ui.idle import NoDeadline
from kiosk.ui.imagecheck import with_image_problems
from kiosk.ui.preview.toolbar import SIZES
from kiosk.ui.preview.watcher import SETTLE_MS, FolderWatcher
from kiosk.ui.preview.window import PreviewWindow
from kiosk.ui.window import KioskWindow

class Preview(QObject):
    """The preview window and the kiosk in it, following the content folder."""

    def __init__(self, owner: ContentOwner, dpi: float = 96, size: QSize = SIZES[0],
                 settle_ms: int = SETTLE_MS, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.owner = owner
        self._dpi = dpi
        self.size = QSize(size)
        self.window = PreviewWindow()
        self.kiosk = None
        self.delivery: Optional[Delivery] = None  # the one on screen
        self.shown = Shown.NOTHING
        self.problems: tuple = ()  # the newest load's
        self.reloads = 0  # content loads shown since the start (for tests and the bench)
        self._loading, self._again = False, False
        self.feed = ContentFeed(owner, self)
        self.feed.delivered.connect(self._on_delivered)
        self.watcher = FolderWatcher(owner.folder, settle_ms, self)
        self.watcher.changed.connect(self._on_folder_changed)
        toolbar = self.window.toolbar
        toolbar.size_requested.connect(self._on_size_requested)
        toolbar.language_requested.connect(self._on_language_requested)
        toolbar.text_scale_requested.connect(self._on_text_scale_requested)
        toolbar.contrast_requested.connect(self._on_contrast_requested)
        self.window.setWindowTitle(f"Preview – {owner.shown_as}")

    def start(self) -> None:
        """Load the folder now and show what it gives."""
        self._take(self.owner.load())

    # --- loads -------------------------------------------------------------------------

    @Slot()
    def _on_folder_changed(self) -> None:
        if self._loading:
            self._again = True  # one more load once this one is in: it may have missed the save
            return
        self._loading = True
        self.feed.request()

    @Slot(object)
    def _on_delivered(self, delivery: Delivery) -> None:
        self._loading = False
        self._take(delivery)
        if self._again:
            self._again = False
            self._on_folder_changed()

    def _take(self, delivery: Delivery) -> None:
        result = delivery.result
        runs = result is not None and result.exhibit is not None and delivery.source is Source.FOLDER
        # The pictures' problems count for the banner; the kiosk checks them again itself
        problems = tuple(with_image_problems(result).problems if runs else delivery.problems)
        clean = runs and not any(p.severity == ERROR for p in problems)
        if runs and (clean or self.shown != Shown.CLEAN) and not delivery.same_content_as(self.delivery):
            self._run(result)
            self.delivery = delivery
            self.shown = Shown.CLEAN if clean else Shown.PARTIAL
            self.reloads += 1
        elif runs and clean:
            self.shown = Shown.CLEAN
        self.problems = problems
        kept = not runs and self.shown == Shown.PARTIAL  # what is on screen is not what would run
        self.window.banner.show_problems(problems, Shown.KEPT if kept else self.shown)

    def _run(self, result) -> None:
        """Show ``result``: in the kiosk already on screen (the visitor's place kept), or a new one."""
        if self.kiosk is None:
            self._make_kiosk(result)
            return
        kiosk = self.kiosk
        state = kiosk.session.state
        spot = spot_after(kiosk.session.exhibit, state, result.exhibit)
        scroll = _scroll_of(kiosk)
        kiosk.reload(result)
        walk_to(kiosk.session, state, spot)
        if spot == (state.chapter, state.page):
            _scroll_to(kiosk, scroll)
        self._update_toolbar()

    def _make_kiosk(self, result, state=None) -> None:
        from kiosk.ui.kiosk import Kiosk

        window = KioskWindow(kiosk_mode=False)
        kiosk = Kiosk(result, str(self.owner.folder), self.size, self._dpi, kiosk_mode=False,
                      new_deadline=NoDeadline, parent=self, window=window)
        kiosk.state_changed.connect(self._on_state_changed)
        kiosk.reload_requested.connect(self._on_folder_changed)
        kiosk.exit_requested.connect(self.window.close)
        old, self.kiosk = self.kiosk, kiosk
        if old is not None:
            old.stop()
            old.deleteLater()
        self.window.stage.show_window(window)  # the old kiosk's window goes with its proxy
        self.window.banner.set_family(result.exhibit.theme.fonts.body)
        kiosk.start()
        walk_to(kiosk.session, state or State(screen=Screen.HOME))  # no attract loop for a curator
        self._update_toolbar()

    # --- the toolbar -------------------------------------------------------------------

    @Slot(str)
    def _on_language_requested(self, code: str) -> None:
        if self.kiosk is not None:
            self.kiosk.session.set_language(code)

    @Slot(float)
    def _on_text_scale_requested(self, scale: float) -> None:
        if self.kiosk is not None:
            self.kiosk.session.set_text_scale(scale)

    @Slot(bool)
    def _on_contrast_requested(self, on: bool) -> None:
        if self.kiosk is not None:
            self.kiosk.session.set_high_contrast(on)

    @Slot(QSize)
    def _on_size_requested(self, size: QSize) -> None:
        if size == self.size:
            return
        self.size = QSize(size)
        if self.kiosk is not None:
            state = self.kiosk.session.state
            self._make_kiosk(self.kiosk.result, state)
        self._update_toolbar()

    @Slot(object)
    def _on_state_changed(self, change) -> None:
        if change.after.presentation() != change.before.presentation():
            self._update_toolbar()

    def _update_toolbar(self) -> None:
        toolbar = self.window.toolbar
        if self.kiosk is None:
            return
        exhibit = self.kiosk.session.exhibit
        toolbar.set_languages([(lang.code, lang.name) for lang in exhibit.languages])
        toolbar.show_state(self.size, self.kiosk.session.state)

    def stop(self) -> None:
        """Stop watching and loading, and the kiosk's timers (before the window goes)."""
        self.watcher.stop()
        self.feed.stop()
        if self.kiosk is not None:
            self.kiosk.stop()


def _scroll_of(kiosk) -> int:
    """How far the page on screen is scrolled down (0 if it does not scroll)."""
    area = _page_area(kiosk)
    return area.verticalScrollBar().value() if area is not None else 0


def _scroll_to(kiosk, value: int) -> None:
    area = _page_area(kiosk)
    if area is not None and value:
        area.verticalScrollBar().setValue(value)


def _page_area(kiosk):
    if kiosk.session.state.screen is not Screen.CHAPTER:
        return None
    view = kiosk.screens.chapter.stack.current_view()
    return view.scroll_area_for(Qt.Vertical) if view is not None else None
