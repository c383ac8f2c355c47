"""The panel that shows a tapped bar's figure, the legend, and where the panel goes."""

from __future__ import annotations

import math
from typing import Callable, Optional

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.pages.base import ViewContext


def label(role: str, text: str = "", wrap: bool = True) -> QLabel:
    """A plain-text label in a stylesheet role."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class Swatch(QWidget):
    """A series' colour in the legend."""

    def __init__(self, colour: QColor, size: int, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.set_colour(colour, size)

    def set_colour(self, colour: QColor, size: int) -> None:
        self._colour = colour
        self.setFixedSize(size, size)
        self.update()

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(self.rect(), self._colour)


class Legend(QWidget):
    """Each series' colour and name: in a row over the chart, or one under another as a key."""

    def __init__(self, ctx: ViewContext, colours: list[QColor], names: list[str],
                 parent: Optional[QWidget] = None):
        super().__init__(parent)
        ui = ctx.ui
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(ui.px(10))
        self._spacing = (ui.px(32), ui.px(8))  # between the entries: in a row, in a column
        self._entries: list[tuple[Swatch, QLabel]] = []
        for colour in colours:
            entry = QHBoxLayout()
            entry.setSpacing(ui.px(12))
            swatch, name = Swatch(colour, 1), label("legend", wrap=False)
            entry.addWidget(swatch, 0, Qt.AlignmentFlag.AlignVCenter)
            entry.addWidget(name)
            entry.addStretch(1)
            self._layout.addLayout(entry)
            self._entries.append((swatch, name))
        self._layout.addStretch(1)
        self.set_entries(ctx, colours, names)
        self.set_vertical(False)

    def set_entries(self, ctx: ViewContext, colours: list[QColor], names: list[str]) -> None:
        """The series' colours and names in ``ctx`` (the same entries)."""
        side = ctx.ui.text_px(ctx.ui.theme.sizes.caption)
        for (swatch, name), colour, text in zip(self._entries, colours, names):
            swatch.set_colour(colour, side)
            name.setText(text)

    def set_vertical(self, vertical: bool) -> None:
        """One entry under another (a key beside the chart) or all in one row (over it)."""
        direction = QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        self._layout.setDirection(direction)
        self._layout.setSpacing(self._spacing[1 if vertical else 0])


class Callout(QWidget):
    """The panel with a tapped bar's figure, its unit and its note."""

    def __init__(self, ctx: ViewContext, parent: QWidget):
        super().__init__(parent)
        ui = ctx.ui
        self.setProperty("role", "panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._stripe, self._stripe_px, self._radius = QColor(), ui.px(8), ui.px(10)
        pad = ui.px(28)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(pad + self._stripe_px, pad, pad, pad)
        layout.setSpacing(ui.px(8))
        self.heading, self.figure = label("caption"), label("title")
        self.unit, self.note = label("body"), label("body")
        for widget in (self.heading, self.figure, self.unit, self.note):
            layout.addWidget(widget)
        self.hide()

    def show_cell(self, heading: str, figure: str, unit: str, note: str, colour: QColor) -> None:
        self.heading.setText(heading)
        self.figure.setText(figure)
        self.unit.setText(unit)
        self.unit.setVisible(bool(unit))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._stripe = colour

    def height_at(self, width: int) -> int:
        """The panel's height at ``width``: its words wrapped to fit."""
        height = self.heightForWidth(max(1, width))
        return height if height > 0 else self.sizeHint().height()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(self.rect()), self._radius, self._radius)
        painter.setClipPath(outline)
        painter.fillRect(0, 0, self._stripe_px, self.height(), self._stripe)


def callout_rect(anchor: QRectF, group: QRectF, bars: list[QRectF], words: list[QRectF], area: QRectF,
                 horizontal: bool, gap: float, widths: tuple[float, ...],
                 height_at: Callable[[int], int]) -> QRect:
    """Where the callout goes: beside or over the tapped category, covering nothing else.

    ``anchor`` is the tapped bar with its figure, ``group`` every bar of its category; ``bars``
    and ``words`` the other bars and the figures and words it should leave visible; ``area``
    where it may go; ``widths`` the widths to try, widest first. Where every place covers
    something, the place that covers least: a bar may be covered in part, but a figure is
    covered whole or not at all (a figure cut in half is worse than one hidden).
    """
    tried = []
    for width in dict.fromkeys(round(min(w, area.width())) for w in widths):
        height = height_at(width)
        for order, rect in enumerate(_places(anchor, group, area, horizontal, gap, width, height)):
            if not area.contains(rect) or rect.intersects(group):
                continue
            cost = sum(_overlap(rect, bar) for bar in bars) / 4 + sum(_cut(rect, word) for word in words)
            if cost == 0:
                return _pixels(rect)
            tried.append((cost, -width, order, rect))
    if tried:
        return _pixels(min(tried, key=lambda item: item[:3])[3])
    # Nowhere at all: over the other categories, centred on the group.
    width = round(min(widths[0], area.width()))
    height = height_at(width)
    x = min(max(group.center().x() - width / 2, area.left()), area.right() - width)
    y = min(max(group.center().y() - height / 2, area.top()), area.bottom() - height)
    return QRect(round(x), round(y), width, height)


def _places(anchor: QRectF, group: QRectF, area: QRectF, horizontal: bool, gap: float,
            width: int, height: int) -> list[QRectF]:
    """The places to try, best first."""
    if horizontal:  # at the right, where short bars leave room: under the group, over it, after it
        right = area.right() - width
        return [QRectF(right, group.bottom() + gap, width, height),
                QRectF(right, group.top() - gap - height, width, height),
                QRectF(group.right() + gap, group.top(), width, height)]
    places = []  # at the top: beside the group, over it, beside the bar alone
    for rect in (group, anchor):
        places += [QRectF(rect.right() + gap, area.top(), width, height),
                   QRectF(rect.left() - gap - width, area.top(), width, height)]
    centre = min(max(group.center().x() - width / 2, area.left()), area.right() - width)
    places.insert(2, QRectF(centre, group.top() - gap - height, width, height))
    return places


def _pixels(rect: QRectF) -> QRect:
    """Whole pixels, inside where ``rect`` was (its width and height are whole already)."""
    return QRect(math.ceil(rect.x() - 1e-6), math.ceil(rect.y() - 1e-6), round(rect.width()), round(rect.height()))


def _overlap(a: QRectF, b: QRectF) -> float:
    common = a.intersected(b)
    return common.width() * common.height() if common.isValid() else 0.0


def _cut(callout: QRectF, word: QRectF) -> float:
    """What covering ``word`` costs: its area if covered whole, four times that if cut."""
    if not callout.intersects(word):
        return 0.0
    return word.width() * word.height() * (1 if callout.contains(word) else 4)
