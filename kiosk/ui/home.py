"""The home screen: the chapters as large tiles, the timeline, and the language choice."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from kiosk.content.model import Chapter
from kiosk.ui.widgets import button, restyle, text_size_button
from kiosk.ui.pages.base import Texts, ViewContext

ART_ASPECT = 500 / 800
ART_SHARE = 0.34  # of a tile's height


class Artwork(QWidget):
    """A chapter's picture, drawn to fill its width (SVG crisp at any size)."""

    def __init__(self, path: Optional[str], badge: str = "", parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.badge = badge
        self.badge_style = (self.font(), QColor("black"), QColor("white"))
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self._svg = QSvgRenderer(path) if path and path.lower().endswith((".svg", ".svgz")) else None
        self._pixmap = QPixmap(path) if path and self._svg is None else None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def _aspect(self) -> float:
        if self._svg is not None and self._svg.isValid():
            box = self._svg.viewBoxF()
            return box.height() / box.width() if box.width() else ART_ASPECT
        if self._pixmap is not None and not self._pixmap.isNull():
            return self._pixmap.height() / self._pixmap.width()
        return ART_ASPECT

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Cover the whole area, cropping the picture's edges rather than leaving bands."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.Antialiasing)
        width, height = self.width(), self.height()
        radius = self.property("radius") or 0
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(0, 0, width, height), radius, radius)
        painter.setClipPath(clip)
        aspect = self._aspect()
        art_w = max(width, height / aspect)
        art_h = art_w * aspect
        target = QRectF((width - art_w) / 2, (height - art_h) / 2, art_w, art_h)
        if self._svg is not None and self._svg.isValid():
            self._svg.render(painter, target)
        elif self._pixmap is not None and not self._pixmap.isNull():
            painter.drawPixmap(target.toRect(), self._pixmap)
        if self.badge:
            self._paint_badge(painter)

    def _paint_badge(self, painter: QPainter) -> None:
        """The chapter's number in a small disc at the picture's top-left corner."""
        font, background, ink = self.badge_style
        painter.setFont(font)
        side = round(font.pixelSize() * 1.9)
        inset = side // 3
        painter.setPen(Qt.NoPen)
        painter.setBrush(background)
        painter.drawEllipse(QRectF(inset, inset, side, side))
        painter.setPen(ink)
        painter.drawText(QRectF(inset, inset, side, side), Qt.AlignCenter, self.badge)


class ChapterTile(QPushButton):
    """A chapter's tile: artwork, number and title, teaser. The whole tile is the button."""

    def __init__(self, number: int, chapter: Chapter, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.chapter, self.number = chapter, number
        ui = ctx.ui
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.NoFocus)
        self.setObjectName(f"tile-{chapter.id}")
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(QSize(ui.tap_px * 2, ui.tap_px * 2))
        art = Artwork(str(ctx.path(chapter.artwork)) if chapter.artwork else None)
        art.setProperty("radius", ui.px(6))
        title = QLabel()
        title.setProperty("role", "tile-title")
        title.setWordWrap(True)
        teaser = QLabel()
        teaser.setProperty("role", "caption")
        teaser.setWordWrap(True)
        teaser.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        for label in (title, teaser):
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        pad = ui.px(22)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(ui.px(8))
        layout.addWidget(art, 1)
        layout.addSpacing(ui.px(4))
        layout.addWidget(title)
        layout.addWidget(teaser)
        layout.addStretch(1)  # spare room goes below the words, so titles line up across a row
        self.title, self.teaser, self.art = title, teaser, art
        self.apply(ctx)

    def apply(self, ctx: ViewContext) -> None:
        """The tile's words, number and badge in ``ctx``."""
        chapter = self.chapter
        self.setAccessibleName(ctx.text(chapter.title))
        self.setAccessibleDescription(ctx.text(chapter.teaser))
        self.title.setText(ctx.text(chapter.title))
        self.teaser.setText(ctx.text(chapter.teaser))
        self.art.badge = ctx.number(self.number)
        self.art.badge_style = (ctx.ui.font("button"), ctx.ui.colour("background"), ctx.ui.colour("text"))
        self.art.update()
        self.ensurePolished()
        self._fit_words()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Every tile gives its picture the same share, so a row of tiles lines up; where large
        text leaves too little room, the picture gives way to the title and the teaser shows
        whole lines only (never a line cut through)."""
        super().resizeEvent(event)
        self._fit_words()
        self.layout().activate()

    def _fit_words(self) -> None:
        layout = self.layout()
        margins, spacing = layout.contentsMargins(), layout.spacing()
        inner = self.width() - margins.left() - margins.right()
        line = self.teaser.fontMetrics().lineSpacing()
        title = self.title.heightForWidth(inner)
        fixed = margins.top() + margins.bottom() + layout.itemAt(1).sizeHint().height() + 3 * spacing + title
        art = min(round(self.height() * ART_SHARE), self.height() - fixed - line)
        self.art.setFixedHeight(art if art >= 2 * line else 0)  # a sliver of a picture is no picture
        self.art.setVisible(art >= 2 * line)
        room = self.height() - fixed - self.art.height()
        lines = min(max(0, room // line), -(-self.teaser.heightForWidth(inner) // line))
        self.teaser.setFixedHeight(lines * line)
        self.teaser.setVisible(lines > 0)


class HomeScreen(QWidget):
    """Chapters, timeline and languages. It only asks; the window decides."""

    chapter_requested = Signal(int)
    timeline_event_requested = Signal(int)
    language_requested = Signal(str)
    text_size_requested = Signal()

    def __init__(self, ctx: ViewContext, timeline: Optional[QWidget] = None, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "screen")
        self.setObjectName("home")
        self._texts = Texts(ctx)
        self._texts.bind(self.setAccessibleName, lambda c: c.label("chapters"))
        ui = ctx.ui
        self.tiles = [ChapterTile(i + 1, c, ctx) for i, c in enumerate(ctx.exhibit.chapters)]
        for index, tile in enumerate(self.tiles):
            tile.clicked.connect(lambda _=False, i=index: self.chapter_requested.emit(i))
        self.grid = QGridLayout()
        self.grid.setSpacing(ui.gap)
        self._columns = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(ui.margin, ui.margin // 2, ui.margin, ui.margin // 2)
        outer.setSpacing(ui.gap)
        outer.addLayout(self._header())
        outer.addLayout(self.grid, 1)
        self.timeline = timeline
        if timeline is not None:
            timeline.event_opened.connect(self.timeline_event_requested)
            heading = QLabel()
            heading.setProperty("role", "eyebrow")
            self._texts.bind(heading, lambda c: c.label("timeline"))
            outer.addSpacing(ui.gap // 2)
            outer.addWidget(heading)
            outer.addWidget(timeline)
        self._arrange(4)

    def apply(self, ctx: ViewContext) -> None:
        """Show the screen in ``ctx``: its words, the chosen language marked, the tiles, the timeline."""
        self.ctx = ctx
        self._texts.apply(ctx)
        for tile in self.tiles:
            tile.apply(ctx)
        for choice, language in zip(self.language_buttons, ctx.exhibit.languages):
            restyle(choice, role="primary" if language.code == ctx.lang else "quiet")
        if self.timeline is not None:
            self.timeline.apply(ctx)

    def reset(self) -> None:
        """As the next visitor should find it: no timeline event picked, scrolled to the start."""
        if self.timeline is not None:
            self.timeline.reset()

    def _header(self) -> QHBoxLayout:
        ctx = self.ctx
        title = QLabel()
        title.setProperty("role", "title")
        title.setWordWrap(True)
        self._texts.bind(title, lambda c: c.text(c.exhibit.title))
        header = QHBoxLayout()
        header.setSpacing(ctx.ui.gap)
        header.addWidget(title, 1)  # the subtitle is the attract screen's: here the tiles need the room
        self.language_buttons = []
        if len(ctx.exhibit.languages) > 1:
            heading = QLabel()
            heading.setProperty("role", "eyebrow")
            self._texts.bind(heading, lambda c: c.label("language"))
            header.addWidget(heading, 0, Qt.AlignVCenter)
            for language in ctx.exhibit.languages:
                choice = button(language.name, "primary" if language.code == ctx.lang else "quiet",
                                f"language-{language.code}")
                choice.clicked.connect(lambda _=False, c=language.code: self.language_requested.emit(c))
                self.language_buttons.append(choice)
                header.addWidget(choice, 0, Qt.AlignTop)
        self.text_size_button = text_size_button(ctx, self._texts)
        self.text_size_button.clicked.connect(self.text_size_requested)
        header.addWidget(self.text_size_button, 0, Qt.AlignTop)
        return header

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)
        rows = -(-len(self.tiles) // columns)
        for row in range(max(rows, self.grid.rowCount())):
            self.grid.setRowStretch(row, 1 if row < rows else 0)
        for column in range(max(columns, self.grid.columnCount())):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        count = len(self.tiles)
        self._arrange(2 if portrait else min(4, max(1, -(-count // 2))))
