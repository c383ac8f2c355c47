"""The panel that shows a tapped bar's figure, the legend, and where the panel goes."""

from __future__ import annotations

import math
from typing import Callable, Optional

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
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
    """Where the callout goes: beside the tapped bar, level with it, hiding no figure.

    ``anchor`` is the tapped bar with its figure, ``group`` every bar of its category; ``bars``
    and ``words`` the other bars and the figures and words it should leave visible; ``area``
    where it may go; ``widths`` the widths to try, widest first. The places are tried nearest
    first (beside the bar, then under or over its row); the first that hides no figure or word
    wins, though it may lie over part of another bar. Where every place hides something, the
    place that hides least: a figure is covered whole or not at all (a figure cut in half is
    worse than one hidden).
    """
    tried = []
    for order in range(3):  # beside the tapped bar first: the first place that hides no figure
        for width in dict.fromkeys(round(min(w, area.width())) for w in widths):
            height = height_at(width)
            places = _places(anchor, group, area, horizontal, gap, width, height)
            if order >= len(places):
                continue
            rect = places[order]
            if not area.contains(rect) or rect.intersects(group):
                continue
            hidden = sum(_cut(rect, word) for word in words)
            if hidden == 0:
                return _pixels(rect)
            tried.append((hidden + sum(_overlap(rect, bar) for bar in bars) / 4, -width, order, rect))
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
    """The places to try, best first: beside the tapped bar, level with it, then near it."""
    def level(top: float) -> float:  # kept inside the area, as near ``top`` as it can be
        return min(max(top, area.top()), area.bottom() - height)

    if horizontal:  # after the group's longest bar, centred on the tapped one; else under or over it
        right = area.right() - width
        middle = level(anchor.center().y() - height / 2)
        return [QRectF(group.right() + gap, middle, width, height),
                QRectF(right, group.bottom() + gap, width, height),
                QRectF(right, group.top() - gap - height, width, height)]
    places = []  # beside the group at the tapped bar's top, right then left; over the group
    for rect in (group, anchor):
        places += [QRectF(rect.right() + gap, level(anchor.top()), width, height),
                   QRectF(rect.left() - gap - width, level(anchor.top()), width, height)]
    centre = min(max(group.center().x() - width / 2, area.left()), area.right() - width)
    places.insert(2, QRectF(centre, group.top() - gap - height, width, height))
    return places


class Leader(QWidget):
    """A thin line from the tapped bar to its callout, over the plot and under the callout;
    it takes no taps."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._line, self._pen = (QPointF(), QPointF()), QPen()
        self.hide()

    def connect_points(self, start: QPointF, end: QPointF, colour: QColor, width: int) -> None:
        """Draw from ``start`` to ``end`` (in the parent's pixels)."""
        pad = width + 2
        box = QRectF(start, end).normalized().adjusted(-pad, -pad, pad, pad).toAlignedRect()
        self.setGeometry(box)
        offset = QPointF(box.topLeft())
        self._line = (start - offset, end - offset)
        self._pen = QPen(colour, width)
        self.update()

    @property
    def ends(self) -> tuple[QPointF, QPointF]:
        """The line's ends, in the parent's pixels."""
        offset = QPointF(self.pos())
        return self._line[0] + offset, self._line[1] + offset

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen)
        painter.drawLine(*self._line)


def leader_ends(bar: QRectF, callout: QRectF, horizontal: bool) -> tuple[QPointF, QPointF]:
    """From the bar's end (horizontal bars), or the top corner of an upright bar that faces the
    callout, to the callout's nearest edge."""
    if horizontal:
        start = QPointF(bar.right(), bar.center().y())
    else:
        side = bar.left() if callout.center().x() < bar.center().x() else bar.right()
        start = QPointF(side, bar.top())
    x = callout.left() if callout.left() >= start.x() else callout.right() if callout.right() <= start.x() \
        else start.x()
    y = min(max(start.y(), callout.top()), callout.bottom())
    if callout.left() <= start.x() <= callout.right():  # over or under the bar: to its near edge
        y = callout.bottom() if callout.bottom() <= start.y() else callout.top()
    return start, QPointF(x, y)


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
