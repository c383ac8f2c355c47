"""A chapter's tile on the home screen: its artwork, its title, its teaser.

A tile keeps its proportions at every screen and text size. Its artwork is a band across the
top, at least ``ART_ASPECT`` wide to 1 high; where the screen has height to spare once the words
have theirs, the band grows towards the drawings' own shape (``ART_FULL_ASPECT``, 16:10), so
that their subject shows. The picture is scaled to cover the band and centred (what sticks out
at the top and bottom is cut off). Under it, the
title takes at most ``TITLE_LINES`` lines and the teaser the lines left in the tile: at least
``TEASER_LINES`` (the grid makes tiles that tall), more where the title needs one line only or
the screen has height to spare, at most ``TEASER_MOST_LINES``. A text longer than its lines ends
on a whole word with an ellipsis, never on a line cut through; the tile says what it cut
(``TileText.cut``), for the fit checks.

The tile draws its words itself, line by line, from a ``QTextLayout`` in the role's font:
what is measured is exactly what is shown.
"""

from __future__ import annotations

import math
from typing import Optional

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPixmap, QTextLayout, QTextOption
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from kiosk.content.model import Chapter
from kiosk.hyphens import drawn
from kiosk.ui.theme import UiTheme

ART_ASPECT = 5.0  # the artwork band: at least five wide to one high
ART_FULL_ASPECT = 1.6  # and at most as tall as the drawings are (16:10)
TITLE_LINES = 2
TEASER_LINES = 2  # always room for these; a title of one line leaves room for one more
TEASER_MOST_LINES = 4  # where the screen has height to spare
TILE_PAD = 14  # design px around a tile's contents
TILE_SPACING = 6  # design px between the artwork, the title and the teaser
ELLIPSIS = "…"
TRAILING = " ,;:–—-"  # left off before an ellipsis: "the party,…" reads as "the party…"


def wrap_lines(text: str, font: QFont, width: float) -> list[str]:
    """``text`` broken into lines at most ``width`` pixels wide, as Qt wraps a label's words."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        lines.append(drawn(text[line.textStart():line.textStart() + line.textLength()].strip()))
    layout.endLayout()
    return lines


def fit_lines(text: str, font: QFont, width: float, most: int) -> tuple[list[str], int]:
    """The lines to show of ``text`` in ``most`` lines ``width`` wide, and how many it needs.

    A text that needs more ends on the last whole word that fits with an ellipsis."""
    lines = wrap_lines(text, font, width) if text else []
    if len(lines) <= most:
        return lines, len(lines)
    if most <= 0:
        return [], len(lines)
    metrics = QFontMetricsF(font)
    words = lines[most - 1].split()
    while words and metrics.horizontalAdvance(" ".join(words).rstrip(TRAILING) + ELLIPSIS) > width:
        words.pop()
    last = " ".join(words).rstrip(TRAILING) + ELLIPSIS  # a hyphen at a break, too: "tvångs…"
    return lines[:most - 1] + [last], len(lines)


def line_height(font: QFont) -> int:
    return math.ceil(QFontMetricsF(font).lineSpacing())


class TileText(QWidget):
    """A title or a teaser: whole lines of one text, drawn in one font and colour."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._text, self._font, self._colour = "", QFont(), QColor("white")
        self._lines: list[str] = []
        self._counts: dict[int, int] = {}  # width -> lines the whole text needs, in this style
        self.needed = 0  # lines the whole text needs at the width it was last laid out at
        self._width = 0  # that width

    def set_style(self, text: str, font: QFont, colour: QColor) -> None:
        self._text, self._font, self._colour = " ".join(text.split()), font, colour
        self._counts = {}
        self.update()

    def lines_at(self, width: int) -> int:
        """How many lines the whole text needs ``width`` wide."""
        if width not in self._counts:
            self._counts[width] = len(wrap_lines(self._text, self._font, width)) if self._text else 0
        return self._counts[width]

    def text(self) -> str:
        """The whole text (what is shown may end early, with an ellipsis)."""
        return self._text

    def whole_lines(self) -> list[str]:
        """The whole text broken into lines as wide as it was last laid out."""
        return wrap_lines(self._text, self._font, self._width)

    def shown_lines(self) -> list[str]:
        return list(self._lines)

    @property
    def line_height(self) -> int:
        return line_height(self._font)

    @property
    def cut(self) -> bool:
        """Whether the text needs more lines than it shows."""
        return self.needed > len(self._lines)

    def lay_out(self, width: int, most: int) -> int:
        """Break the text into at most ``most`` lines ``width`` wide; the height they take."""
        self._lines, self.needed = fit_lines(self._text, self._font, width, most)
        self._width = width
        self.update()
        return len(self._lines) * self.line_height

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setFont(self._font)
        painter.setPen(self._colour)
        metrics = QFontMetricsF(self._font)
        step = self.line_height
        for number, line in enumerate(self._lines):
            painter.drawText(QPointF(0, number * step + metrics.ascent()), line)


class Artwork(QWidget):
    """A chapter's picture, scaled to cover its band and centred (SVG crisp at any size)."""

    def __init__(self, path: Optional[str], parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.badge = ""
        self.badge_style = (self.font(), QColor("black"), QColor("white"))
        self.mark = ""  # a word in a pill at the top-right corner ("Visited"), or none
        self.radius = 0
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        svg = path is not None and path.lower().endswith((".svg", ".svgz"))
        self._svg = QSvgRenderer(path) if svg else None
        self._pixmap = QPixmap(path) if path and not svg else None

    def _natural(self) -> Optional[QSize]:
        if self._svg is not None and self._svg.isValid():
            box = self._svg.viewBoxF()
            return QSize(round(box.width()), round(box.height())) if box.width() and box.height() else None
        if self._pixmap is not None and not self._pixmap.isNull():
            return self._pixmap.size()
        return None

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Cover the whole band, cropping the picture's edges rather than leaving bands."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(0, 0, width, height), self.radius, self.radius)
        painter.setClipPath(clip)
        natural = self._natural()
        if natural is not None:
            scale = max(width / natural.width(), height / natural.height())
            art_w, art_h = natural.width() * scale, natural.height() * scale
            target = QRectF((width - art_w) / 2, (height - art_h) / 2, art_w, art_h)
            if self._svg is not None:
                self._svg.render(painter, target)
            else:
                painter.drawPixmap(target.toRect(), self._pixmap)
        if self.badge:
            self._paint_badge(painter)
        if self.mark:
            self._paint_mark(painter)

    def _paint_mark(self, painter: QPainter) -> None:
        """The mark in a pill at the picture's top-right corner, in the badge's colours."""
        font, background, ink = self.badge_style
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        side = min(round(font.pixelSize() * 1.9), self.height())
        inset = min(side // 3, (self.height() - side) // 2)
        width = metrics.horizontalAdvance(self.mark) + side * 0.8
        pill = QRectF(self.width() - inset - width, inset, width, side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(pill, side / 2, side / 2)
        painter.setPen(ink)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.mark)

    def _paint_badge(self, painter: QPainter) -> None:
        """The chapter's number in a small disc at the picture's top-left corner."""
        font, background, ink = self.badge_style
        painter.setFont(font)
        side = min(round(font.pixelSize() * 1.9), self.height())
        inset = min(side // 3, (self.height() - side) // 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawEllipse(QRectF(inset, inset, side, side))
        painter.setPen(ink)
        painter.drawText(QRectF(inset, inset, side, side), Qt.AlignmentFlag.AlignCenter, self.badge)


def tile_height(ui: UiTheme, width: int) -> int:
    """The height of a tile ``width`` wide: its band, two title lines and two teaser lines."""
    inner = width - 2 * ui.px(TILE_PAD)
    return 2 * ui.px(TILE_PAD) + art_height(inner) + 2 * ui.px(TILE_SPACING) + tile_words(ui)


def tile_words(ui: UiTheme) -> int:
    """The height every tile keeps for its words: two title lines and two teaser lines."""
    return TITLE_LINES * line_height(ui.font("tile-title")) + TEASER_LINES * line_height(ui.font("caption"))


def art_height(inner_width: int) -> int:
    """The band's least height in a tile ``inner_width`` wide inside its padding."""
    return round(inner_width / ART_ASPECT)


def art_growth(ui: UiTheme, width: int) -> int:
    """How much taller than its least the band of a tile ``width`` wide may grow."""
    inner = width - 2 * ui.px(TILE_PAD)
    return max(0, round(inner / ART_FULL_ASPECT) - art_height(inner))


class ChapterTile(QPushButton):
    """A chapter's tile: artwork with the chapter's number, title, teaser. The whole tile is
    the button."""

    def __init__(self, index: int, chapter: Chapter, ctx, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.chapter, self.index = chapter, index
        self.visited = False  # opened in this visit: marked so until the idle reset
        # How much the band grows past its least (the grid gives every tile the same, so that
        # the titles line up); None: as much as this tile's own words leave.
        self.art_extra: Optional[int] = None
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName(f"tile-{chapter.id}")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.art = Artwork(str(ctx.path(chapter.artwork)) if chapter.artwork else None, self)
        self.title = TileText(self)
        self.teaser = TileText(self)
        self.apply(ctx)

    def apply(self, ctx) -> None:
        """The tile's words, number, fonts and colours in ``ctx``."""
        ui, chapter = ctx.ui, self.chapter
        self.ui = ui
        self.ctx = ctx
        self.setAccessibleName(ctx.spoken(chapter.title))
        self._describe()
        self.title.set_style(ctx.text(chapter.title), ui.font("tile-title"), ui.colour("text"))
        self.teaser.set_style(ctx.text(chapter.teaser), ui.font("caption"), ui.colour("muted"))
        self.art.badge = ctx.number(self.index + 1)
        self.art.badge_style = (ui.font("button"), ui.colour("background"), ui.colour("text"))
        self.art.radius = ui.px(6)
        self.art.update()
        self._lay_out()

    def set_visited(self, visited: bool) -> None:
        """Mark the tile as opened in this visit, or not (after the idle reset)."""
        if visited != self.visited:
            self.visited = visited
            self._describe()
            self.art.update()

    def _describe(self) -> None:
        ctx = self.ctx
        self.art.mark = ctx.label("visited") if self.visited else ""
        said = ctx.spoken(self.chapter.teaser)
        self.setAccessibleDescription(f"{ctx.label('visited')}. {said}" if self.visited else said)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._lay_out()

    def words_height(self, width: int) -> int:
        """The height the tile's title and teaser take, whole (within their most lines), in a
        tile ``width`` wide."""
        inner = max(1, width - 2 * self.ui.px(TILE_PAD))
        return (min(self.title.lines_at(inner), TITLE_LINES) * self.title.line_height
                + min(self.teaser.lines_at(inner), TEASER_MOST_LINES) * self.teaser.line_height)

    def set_art_extra(self, extra: Optional[int]) -> None:
        """Grow the band ``extra`` px past its least (None: as far as this tile's words leave)."""
        if extra != self.art_extra:
            self.art_extra = extra
            self._lay_out()

    def art_room(self, size: QSize) -> int:
        """How much taller than its least the band may be at ``size``: what the title and
        teaser, whole, leave of the height."""
        return size.height() - tile_height(self.ui, size.width()) + tile_words(self.ui) - self.words_height(size.width())

    def cuts_at(self, size: QSize) -> int:
        """How many of its texts (title, teaser) the tile would cut short at ``size``."""
        pad, spacing = self.ui.px(TILE_PAD), self.ui.px(TILE_SPACING)
        inner = max(1, size.width() - 2 * pad)
        title = self.title.lines_at(inner)
        top = pad + art_height(inner) + spacing + min(title, TITLE_LINES) * self.title.line_height + spacing
        room = min(TEASER_MOST_LINES, max(0, (size.height() - pad - top) // self.teaser.line_height))
        return (title > TITLE_LINES) + (self.teaser.lines_at(inner) > room)

    def _lay_out(self) -> None:
        """The band across the top; the title in at most two lines; the teaser in what is left."""
        ui = self.ui
        pad, spacing = ui.px(TILE_PAD), ui.px(TILE_SPACING)
        inner = max(1, self.width() - 2 * pad)
        extra = self.art_extra if self.art_extra is not None else self.art_room(self.size())
        art = art_height(inner) + min(art_growth(ui, self.width()), max(0, extra))
        self.art.setGeometry(pad, pad, inner, art)
        top = pad + art + spacing
        title = self.title.lay_out(inner, TITLE_LINES)
        self.title.setGeometry(pad, top, inner, title)
        top += title + spacing
        room = max(0, (self.height() - pad - top) // self.teaser.line_height)
        teaser = self.teaser.lay_out(inner, min(room, TEASER_MOST_LINES))
        self.teaser.setGeometry(pad, top, inner, teaser)
