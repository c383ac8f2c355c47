"""What a chart draws besides plain bars: hatched unknowns, category names, figures on the axis."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

import pyqtgraph as pg  # after PySide6, so that pyqtgraph binds to it

from kiosk.ui.chart.geometry import line_height, name_lines, wrap_text


def hatch_brush(colour: QColor, spacing: int, width: int) -> QBrush:
    """A seamless diagonal hatching whose lines keep their thickness on any screen."""
    tile = QPixmap(spacing, spacing)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, width))
    for k in (0, spacing, 2 * spacing):  # the lines x + y = k, so that the tiles join up
        painter.drawLine(QPointF(-spacing, k + spacing), QPointF(k + spacing, -spacing))
    painter.end()
    return QBrush(tile)


class HatchedBars(pg.GraphicsObject):
    """Bars of unknown figures, hatched and outlined in screen pixels (not in data units)."""

    def __init__(self, brush: QBrush, outline: QPen):
        super().__init__()
        self._brush, self._outline = brush, outline
        self._rects: list[QRectF] = []
        self._opacities: list[float] = []

    def set_style(self, brush: QBrush, outline: QPen) -> None:
        self._brush, self._outline = brush, outline
        self.update()

    def set_rects(self, rects: list[QRectF], opacities: list[float]) -> None:
        self.prepareGeometryChange()
        self._rects, self._opacities = rects, opacities
        self.update()

    def boundingRect(self) -> QRectF:
        bounds = QRectF()
        for rect in self._rects:
            bounds = bounds.united(rect)
        return bounds

    def paint(self, painter, *args) -> None:
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        half = self._outline.widthF() / 2
        for rect, opacity in zip(self._rects, self._opacities):
            device = to_device.mapRect(rect)
            if device.width() < 1 or device.height() < 1:
                continue
            painter.setOpacity(opacity)
            painter.setBrushOrigin(device.topLeft())
            painter.fillRect(device, self._brush)
            painter.setPen(self._outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(device.adjusted(half, half, -half, -half))
        painter.restore()


class CategoryAxis(pg.AxisItem):
    """Category names as wrapped text, one per band, instead of ticks."""

    def __init__(self, orientation: str, names: list[str], font: QFont, gap: int):
        super().__init__(orientation)
        self._gap = gap
        self.set_names(names, font)

    def set_names(self, names: list[str], font: QFont) -> None:
        """Other names (another language) or another font (another text size)."""
        self._names = names
        self.setStyle(tickFont=font, tickLength=0)

    def generateDrawSpecs(self, p):
        placed = self.placed_names()
        if placed is None:
            return None
        bounds = self.mapRectFromParent(self.geometry())
        vertical = self.orientation in ("left", "right")
        texts = [text for _, one in placed for text in one]
        baseline = (bounds.topRight(), bounds.bottomRight()) if vertical else (bounds.topLeft(), bounds.topRight())
        return (self.pen(), *baseline), [], texts

    def placed_names(self):
        """Each name and the lines it is drawn in, as (name, [(rect, flags, line), ...]): wrapped
        to its band, the last line elided with "…" where the band holds too few. The drawing
        and the fit checks (:mod:`kiosk.ui.fit`) both read it. None before the axis has a view."""
        view = self.linkedView()
        if view is None:
            return None
        bounds = self.mapRectFromParent(self.geometry())
        font = self.style["tickFont"]
        line = line_height(font)
        vertical = self.orientation in ("left", "right")
        placed = []
        for i, name in enumerate(self._names):
            a = self.mapFromScene(view.mapViewToScene(QPointF(i - 0.5, i - 0.5)))
            b = self.mapFromScene(view.mapViewToScene(QPointF(i + 0.5, i + 0.5)))
            if vertical:  # right-aligned beside the band, the lines centred on it
                width = bounds.width() - self._gap
                lines = wrap_text(name, font, width, name_lines(abs(b.y() - a.y()), font)).split("\n")
                top = (a.y() + b.y()) / 2 - line * len(lines) / 2
                left = bounds.left()
                flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            else:  # centred under the band
                width = abs(b.x() - a.x()) * 0.94
                lines = wrap_text(name, font, width, name_lines(bounds.height() - self._gap, font)).split("\n")
                left, top = (a.x() + b.x()) / 2 - width / 2, bounds.top() + self._gap
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
            flags |= Qt.TextFlag.TextDontClip  # the lines are set closer than the glyphs are tall
            placed.append((name, [(QRectF(left, top + k * line, width, line), flags, text)
                                  for k, text in enumerate(lines)]))
        return placed


class ValueAxis(pg.AxisItem):
    """Figures written the visitor's way; on a log scale one tick per decade: 10, 100, 1,000."""

    def __init__(self, orientation: str, number, font: QFont, tick_length: int, widest: str):
        super().__init__(orientation)
        self.setTickDensity(0.6)  # a few round figures, not a ruler
        self.set_type(number, font, tick_length, widest)

    def set_type(self, number, font: QFont, tick_length: int, widest: str) -> None:
        """Figures written another way (another language) or in another font."""
        self._number = number
        self.setStyle(tickFont=font, tickLength=tick_length, tickTextOffset=tick_length,
                      autoExpandTextSpace=False)
        # A fixed size, so that the chart's geometry is settled before its first paint.
        metrics, ticks = QFontMetricsF(font), 2 * tick_length
        if self.orientation in ("left", "right"):
            self.setWidth(math.ceil(metrics.horizontalAdvance(widest + "0") + ticks))
        else:
            self.setHeight(math.ceil(metrics.lineSpacing() + ticks))

    def tickValues(self, minVal, maxVal, size):
        metrics = QFontMetricsF(self.style["tickFont"])
        across = metrics.height() if self.orientation in ("left", "right") else None
        per_px = (maxVal - minVal) / max(size, 1.0)
        if self.logMode:
            low, high = math.ceil(minVal - 1e-9), math.floor(maxVal + 1e-9)
            # Every decade if the figures fit side by side, else every second (third ...) one.
            widest = across or metrics.horizontalAdvance(self.decade(high))
            step = max(1, math.ceil(widest * 1.25 * per_px))
            ticks = [(float(step), [float(d) for d in range(high, low - 1, -step)])]
        else:
            ticks = super().tickValues(minVal, maxVal, size)[:1]

        def fits(value: float) -> bool:  # no figure half cut off at the end of the axis
            text = self.decade(round(value)) if self.logMode else self._number(value)
            half = (across or metrics.horizontalAdvance(text)) / 2
            return minVal - per_px <= value <= maxVal - half * per_px  # (a pixel's leeway at the base)

        return [(spacing, [v for v in values if fits(v)]) for spacing, values in ticks]

    def tickStrings(self, values, scale, spacing):
        if self.logMode:
            return [self.decade(round(v)) for v in values]
        return [self._number(round(v * scale, 6)) for v in values]

    def decade(self, power: int) -> str:
        """10 to ``power`` written the chart's way: 1,000 and 0.01, never rounded to 0."""
        if power >= -3:
            return self._number(10 ** power if power >= 0 else round(10.0**power, -power))
        # The chart's number may write fewer decimals than a smaller decade needs: such a decade
        # is its 0.001 with more zeros, in its own digits and decimal sign.
        thousandth = self._number(0.001)
        return thousandth[:-1] + thousandth[0] * (-power - 3) + thousandth[-1]
