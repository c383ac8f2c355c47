"""A chapter: its pages, the buttons around them, the page indicator and the sources panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Chapter
from kiosk.ui.page_dots import PageDots
from kiosk.ui.pages.base import Texts, ViewContext, set_words
from kiosk.ui.pagestack import PageStack
from kiosk.ui.widgets import ElidedLabel, button, language_buttons, text_size_button

if TYPE_CHECKING:
    from kiosk.ui.library import PageLibrary

BACK_ARROW, NEXT_ARROW = "\u2039", "\u203a"


class ChapterScreen(QWidget):
    """Shows one chapter. It asks for changes by signal; the window decides and calls back."""

    home_requested = Signal()
    page_requested = Signal(int)
    next_requested = Signal()
    previous_requested = Signal()
    sources_requested = Signal()
    text_size_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, ctx: ViewContext, library: "PageLibrary", parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ctx = ctx
        self._library = library
        self.chapter: Optional[Chapter] = None
        self.index = -1  # the chapter's position in the exhibit
        self._page = 0
        self.setProperty("role", "screen")
        ui = ctx.ui
        self.home_button = button(ctx.label("home"), "quiet", "home")
        self.sources_button = button(ctx.label("sources"), "quiet", "sources")
        # A page without sources leaves the button's place empty: the header never shifts.
        keep = self.sources_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.sources_button.setSizePolicy(keep)
        # The header's buttons come first: on a narrow screen, or in large text, the chapter's
        # name gives way (it ends in an ellipsis) rather than widening the window.
        self.chapter_title = ElidedLabel()
        self.chapter_title.setProperty("role", "eyebrow")
        self.chapter_title.setAlignment(Qt.AlignCenter)
        self.stack = PageStack(ui.scale, ui.turn_ms, ui.tap_px / 4)
        self.previous_button = button(f"{BACK_ARROW}  {ctx.label('previous')}", "", "previous")
        self.next_button = button(f"{ctx.label('next')}  {NEXT_ARROW}", "primary", "next")
        self.indicator = QLabel()
        self.indicator.setProperty("role", "caption")
        self.indicator.setAlignment(Qt.AlignCenter)
        self.dots = PageDots()
        self.dots.set_theme(ui)
        self._texts = Texts(ctx)
        for widget, words in ((self.home_button, lambda c: c.label("home")),
                              (self.sources_button, lambda c: c.label("sources")),
                              (self.previous_button, lambda c: f"{BACK_ARROW}  {c.label('previous')}"),
                              (self.next_button, self._next_words),
                              (self.chapter_title, lambda c: c.text(self.chapter.title) if self.chapter else "")):
            self._texts.bind(widget, words)
        self.text_size_button = text_size_button(ctx, self._texts)
        self.text_size_button.clicked.connect(self.text_size_requested)
        self.language_buttons = language_buttons(ctx, self._texts, self.language_requested.emit)
        self._lay_out()
        self.home_button.clicked.connect(self.home_requested)
        self.sources_button.clicked.connect(self.sources_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.stack.page_requested.connect(self.page_requested)
        self.dots.page_requested.connect(self._on_dot)

    def _lay_out(self) -> None:
        ui = self.ctx.ui
        top = QHBoxLayout()
        top.setSpacing(ui.gap)
        top.addWidget(self.home_button)
        top.addWidget(self.chapter_title, 1)
        for choice in self.language_buttons:
            top.addWidget(choice)
        top.addWidget(self.text_size_button)
        top.addWidget(self.sources_button)
        middle = QHBoxLayout()
        middle.setSpacing(ui.gap)
        middle.addWidget(self.indicator, 0, Qt.AlignCenter)
        middle.addWidget(self.dots, 0, Qt.AlignCenter)
        # The page indicator keeps the middle of the screen whatever the buttons say ("Next
        # chapter: …" is wider than "Back"): the two outer columns are kept as wide as each other.
        bottom = self._footer = QGridLayout()
        bottom.setHorizontalSpacing(ui.gap)
        bottom.addWidget(self.previous_button, 0, 0, Qt.AlignmentFlag.AlignLeft)
        bottom.addLayout(middle, 0, 1, Qt.AlignmentFlag.AlignCenter)
        bottom.addWidget(self.next_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        bottom.setColumnStretch(0, 1)
        bottom.setColumnStretch(2, 1)
        for wide in (self.previous_button, self.next_button):
            wide.setMinimumWidth(ui.tap_px * 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(ui.margin, ui.margin // 2, ui.margin, ui.margin // 2)
        outer.setSpacing(ui.gap)
        outer.addLayout(top)
        outer.addWidget(self.stack, 1)
        outer.addLayout(bottom)

    def apply(self, ctx: ViewContext) -> None:
        """Show the screen's own words and dots in ``ctx`` (the caller applies the page views)."""
        self.ctx = ctx
        self._texts.apply(ctx)
        self.dots.set_theme(ctx.ui)
        self._update_controls(self._page)

    def open_chapter(self, index: int, chapter: Chapter, page: int = 0) -> None:
        """Show ``chapter`` from ``page``, with its views built ahead of time."""
        self.chapter, self.index = chapter, index
        self.chapter_title.setText(self.ctx.text(chapter.title))
        library = self._library
        self.stack.set_pages(len(chapter.pages), page, lambda number: library.view(index, number),
                             library.shelve)
        self._update_controls(page)

    def show_page(self, page: int, animate: bool = True) -> None:
        self.stack.show_page(page, animate)
        self._update_controls(page)

    def _update_controls(self, page: int) -> None:
        self._page = page
        count = len(self.chapter.pages) if self.chapter else 0
        self.indicator.setText(self.ctx.label("page_of", page=page + 1, count=count))
        self._set_next_words()
        self.dots.set_pages(count, page, self.indicator.text())
        self.dots.setAccessibleName(self.indicator.text())
        self.previous_button.setEnabled(page > 0)
        current = self.chapter.pages[page] if self.chapter and page < count else None
        self.sources_button.setVisible(bool(current and current.sources))

    def _next_words(self, ctx: ViewContext) -> str:
        """"Next", or on the chapter's last page where it leads: the next chapter, by name (cut
        short to keep the button within a third of the screen), or home after the last one."""
        chapter, chapters = self.chapter, ctx.exhibit.chapters
        if chapter is None or self._page < len(chapter.pages) - 1:
            return f"{ctx.label('next')}  {NEXT_ARROW}"
        if self.index + 1 >= len(chapters):
            return f"{ctx.label('home')}  {NEXT_ARROW}"
        title = ctx.spoken(chapters[self.index + 1].title)
        metrics = QFontMetrics(ctx.ui.font("button"))
        room = self.width() // 3 if self.width() > 0 else ctx.ui.px(600)
        bare = metrics.horizontalAdvance(ctx.label("next_chapter", title="") + f"  {NEXT_ARROW}") + ctx.ui.px(60)
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(ctx.ui.tap_px, room - bare))
        return f"{ctx.label('next_chapter', title=title)}  {NEXT_ARROW}"

    def _set_next_words(self) -> None:
        set_words(self.next_button, self._next_words(self.ctx))
        side = max(self.previous_button.sizeHint().width(), self.next_button.sizeHint().width(),
                   self.previous_button.minimumWidth(), self.next_button.minimumWidth())
        for column in (0, 2):
            self._footer.setColumnMinimumWidth(column, side)
        # Between the buttons: the words "5 / 5" and the dots, or where they do not both fit,
        # the dots alone (they say "5 / 5" themselves where even they do not fit): never twice.
        ui, count = self.ctx.ui, self.dots.count
        room = self.width() - 2 * ui.margin - 2 * side - 4 * ui.gap
        both = count * ui.tap_px + self.indicator.sizeHint().width() + ui.gap
        self.indicator.setVisible(room >= both or self.width() <= 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._set_next_words()

    @Slot(int)
    def _on_dot(self, page: int) -> None:
        """A tap on a page's dot: that page (the window decides, as for a swipe)."""
        if page != self._page:
            self.page_requested.emit(page)

    @property
    def busy(self) -> bool:
        return self.stack.busy

    @Slot()
    def reset(self) -> None:
        self.stack.reset()
