"""A chart of a page's figures, drawn for a touch screen: large, calm, every figure written out.

``ChartView`` draws a ``ChartSpec`` with pyqtgraph. Visitors do not zoom or pan; they tap a
bar (anywhere in its category's band) and a callout shows the exact figure, its unit and its
note. Unknown figures are hatched bars labelled as unknown, never zero-length bars.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import (
    QEasingCurve, QEvent, QObject, QPoint, QPointF, QRectF, Qt, QVariantAnimation, Signal, Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

import pyqtgraph as pg  # after PySide6, so that pyqtgraph binds to it

from kiosk.content.model import CellKind, ChartSpec
from kiosk.ui.pages.base import ViewContext

if not getattr(pg, "_kiosk_configured", False):  # once per process, even if this module is reloaded
    pg.setConfigOptions(antialias=True, background=None)
    pg._kiosk_configured = True

GROUP = 0.74  # share of a category's band taken by its bars; the rest separates categories
BAR = 0.86  # share of a series' slot taken by its bar; the rest separates the series
DIMMED = 0.32  # opacity of the bars that are not the revealed one
TICK = 8  # design px: the value axis' tick marks, and the gap from them to their figures
LEADING = 1.15  # line height of category names, in ems
STRETCH = 0.15  # how far the value axis may grow to fit the figures written after the bars


@dataclass(frozen=True)
class Bar:
    """Where one cell is drawn, in view coordinates (the value axis in log10 on a log scale)."""

    centre: float
    thickness: float
    start: float
    end: float
    kind: CellKind


def layout_bars(spec: ChartSpec) -> tuple[dict[tuple[int, int], Bar], float, float]:
    """Every cell's bar keyed by (series, category), the value axis' base and data top."""
    log = spec.scale == "log"
    known = [c.value for s in spec.series_resolved for c in s.cells if c.kind is CellKind.KNOWN]
    positive = [v for v in known if v > 0] or [1.0]
    if log:
        # The base sits one decade below the smallest figure's decade, so the smallest known
        # bar still has a readable length.
        base = math.floor(math.log10(min(positive))) - 1
        top = math.log10(max(positive))
        # An unknown bar spans the bottom decade: by construction it is shorter than every
        # known bar and ends on a decade line rather than on any figure, and its hatching and
        # label say "not known" - a log axis has no zero to fall back on.
        unknown_len = 1.0
    else:
        base, top = 0.0, max(known + [1.0])
        # A tenth of the largest figure: long enough to see and tap, short enough not to
        # pass for a figure among the real ones.
        unknown_len = top / 10
    n_series = max(1, len(spec.series_resolved))
    line = spec.kind == "line"
    slot = 1.0 if line else GROUP / n_series
    bars = {}
    for s, series in enumerate(spec.series_resolved):
        for c, cell in enumerate(series.cells):
            centre = c if line else c - GROUP / 2 + slot * (s + 0.5)
            thickness = 0.16 if line else slot * BAR if n_series > 1 else 0.56
            if cell.kind is CellKind.KNOWN:
                value = math.log10(cell.value) if log and cell.value > 0 else cell.value
                end = value if not log or cell.value > 0 else base
            elif cell.kind is CellKind.UNKNOWN:
                end = base + unknown_len
            else:
                end = base
            bars[s, c] = Bar(centre, thickness, base, end, cell.kind)
    return bars, float(base), float(top)


def wrap_lines(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` px (a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(trial) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def fitting_width(texts: list[str], font: QFont, max_lines: int, limit: float) -> float:
    """The narrowest width (up to ``limit``) at which every text wraps into ``max_lines`` lines."""
    metrics = QFontMetricsF(font)
    width = max((metrics.horizontalAdvance(w) for t in texts for w in t.split()), default=0.0)
    step = max(4.0, metrics.averageCharWidth())
    while width < limit and any(len(wrap_lines(t, metrics, width)) > max_lines for t in texts):
        width += step
    return min(width, limit)


def wrap_text(text: str, font: QFont, width: float, max_lines: int) -> str:
    """``text`` broken into lines of at most ``width`` px, the last one elided past ``max_lines``."""
    metrics = QFontMetricsF(font)
    lines = wrap_lines(text, metrics, width)
    max_lines = max(1, max_lines)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    elide = Qt.TextElideMode.ElideRight
    return "\n".join(metrics.elidedText(line, elide, width) for line in lines)


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
        self._names, self._gap = names, gap
        self.setStyle(tickFont=font, tickLength=0)

    @staticmethod
    def line_height(font: QFont) -> float:
        """Lines set closer than the font's own spacing, so that two fit in a narrow band."""
        return LEADING * (font.pixelSize() if font.pixelSize() > 0 else QFontMetricsF(font).height())

    def generateDrawSpecs(self, p):
        view = self.linkedView()
        if view is None:
            return None
        bounds = self.mapRectFromParent(self.geometry())
        font = self.style["tickFont"]
        line = self.line_height(font)
        vertical = self.orientation in ("left", "right")
        texts = []
        for i, name in enumerate(self._names):
            a = self.mapFromScene(view.mapViewToScene(QPointF(i - 0.5, i - 0.5)))
            b = self.mapFromScene(view.mapViewToScene(QPointF(i + 0.5, i + 0.5)))
            if vertical:  # right-aligned beside the band, the lines centred on it
                width, room = bounds.width() - self._gap, abs(b.y() - a.y()) * 0.94
                lines = wrap_text(name, font, width, int(room // line)).split("\n")
                top = (a.y() + b.y()) / 2 - line * len(lines) / 2
                flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                rects = [QRectF(bounds.left(), top + k * line, width, line) for k in range(len(lines))]
            else:  # centred under the band
                width, room = abs(b.x() - a.x()) * 0.94, bounds.height() - self._gap
                lines = wrap_text(name, font, width, int(room // line)).split("\n")
                left = (a.x() + b.x()) / 2 - width / 2
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
                top = bounds.top() + self._gap
                rects = [QRectF(left, top + k * line, width, line) for k in range(len(lines))]
            flags |= Qt.TextFlag.TextDontClip  # the lines are set closer than the glyphs are tall
            texts += [(rect, flags, text) for rect, text in zip(rects, lines)]
        baseline = (bounds.topRight(), bounds.bottomRight()) if vertical else (bounds.topLeft(), bounds.topRight())
        return (self.pen(), *baseline), [], texts


class ValueAxis(pg.AxisItem):
    """Figures written the visitor's way; on a log scale one tick per decade: 10, 100, 1,000."""

    def __init__(self, orientation: str, number, font: QFont, tick_length: int, widest: str):
        super().__init__(orientation)
        self._number = number
        self.setStyle(tickFont=font, tickLength=tick_length, tickTextOffset=tick_length,
                      autoExpandTextSpace=False)
        self.setTickDensity(0.6)  # a few round figures, not a ruler
        # A fixed size, so that the chart's geometry is settled before its first paint.
        metrics, ticks = QFontMetricsF(font), 2 * tick_length
        if orientation in ("left", "right"):
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
            widest = across or metrics.horizontalAdvance(self._number(10.0**high))
            step = max(1, math.ceil(widest * 1.25 * per_px))
            ticks = [(float(step), [float(d) for d in range(high, low - 1, -step)])]
        else:
            ticks = super().tickValues(minVal, maxVal, size)[:1]

        def fits(value: float) -> bool:  # no figure half cut off at the end of the axis
            text = self._number(round(10**value) if self.logMode else value)
            half = (across or metrics.horizontalAdvance(text)) / 2
            return minVal <= value <= maxVal - half * per_px

        return [(spacing, [v for v in values if fits(v)]) for spacing, values in ticks]

    def tickStrings(self, values, scale, spacing):
        if self.logMode:
            return [self._number(round(10**v)) for v in values]
        return [self._number(round(v * scale, 6)) for v in values]


class Swatch(QWidget):
    """A series' colour in the legend."""

    def __init__(self, colour: QColor, size: int, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._colour = colour
        self.setFixedSize(size, size)

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(self.rect(), self._colour)


def _label(role: str, text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


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
        self.heading, self.figure = _label("caption"), _label("title")
        self.unit, self.note = _label("body"), _label("body")
        for label in (self.heading, self.figure, self.unit, self.note):
            layout.addWidget(label)
        self.hide()

    def show_cell(self, heading: str, figure: str, unit: str, note: str, colour: QColor) -> None:
        self.heading.setText(heading)
        self.figure.setText(figure)
        self.unit.setText(unit)
        self.unit.setVisible(bool(unit))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._stripe = colour

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(self.rect()), self._radius, self._radius)
        painter.setClipPath(outline)
        painter.fillRect(0, 0, self._stripe_px, self.height(), self._stripe)


class ChartView(QWidget):
    """A chart of ``spec``: bars (or points) that grow in once, and reveal a figure when tapped."""

    value_revealed = Signal(int, int)  # series, category
    reveal_cleared = Signal()

    def __init__(self, spec: ChartSpec, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.spec, self.ctx = spec, ctx
        self._horizontal = spec.kind == "horizontal-bar"
        self._bars, self._base, self._top = layout_bars(spec)
        self._revealed: Optional[tuple[int, int]] = None
        self._inside: set[tuple[int, int]] = set()
        self._press: Optional[QPoint] = None
        self._build_plot()
        self._build_items()
        self._build_frame()
        self._callout = Callout(ctx, self)
        self._grow = QVariantAnimation(self)
        self._grow.setStartValue(0.0)
        self._grow.setEndValue(1.0)
        self._grow.setDuration(max(1, ctx.ui.theme.timings.chart_grow_ms))
        self._grow.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._grow.valueChanged.connect(self._on_grow_step)
        self._apply_progress(1.0)

    # --- building, once -------------------------------------------------------------------

    def _build_plot(self) -> None:
        ui, ctx = self.ctx.ui, self.ctx
        font, muted = ui.font("caption"), ui.colour("muted")
        names = [ctx.text(name) for name in self.spec.categories_resolved]
        category_side, value_side = ("left", "bottom") if self._horizontal else ("bottom", "left")
        self._category_axis = CategoryAxis(category_side, names, font, ui.px(18))
        top = 10 ** math.ceil(self._top) if self.spec.scale == "log" else round(self._top * 1.1)
        self.value_axis = ValueAxis(value_side, ctx.number, font, ui.px(TICK), ctx.number(top))
        for axis in (self._category_axis, self.value_axis):
            axis.setPen(pg.mkPen(muted, width=max(1, ui.px(2))))
            axis.setTextPen(muted)
        self.value_axis.setLogMode(self.spec.scale == "log")
        if not self._horizontal:
            self._category_axis.setHeight(round(CategoryAxis.line_height(font) * 2.2) + ui.px(18))
        axes = {category_side: self._category_axis, value_side: self.value_axis}
        self._plot_widget = pg.PlotWidget(axisItems=axes, background=None)
        self._plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._plot_widget.viewport().installEventFilter(self)
        plot = self._plot = self._plot_widget.getPlotItem()
        plot.setMouseEnabled(False, False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        view = plot.getViewBox()
        view.setDefaultPadding(0)
        view.disableAutoRange()
        view.invertY(self._horizontal)  # the first category at the top, as it is read
        view.sigResized.connect(self._update_range)

    def _build_items(self) -> None:
        ui, ctx = self.ctx.ui, self.ctx
        self._series_items = []
        for s, _ in enumerate(self.spec.series_resolved):
            colour = ui.series_colour(s)
            if self.spec.kind == "line":
                pen = pg.mkPen(colour, width=ui.px(4))
                item = pg.PlotDataItem(pen=pen, symbol="o", symbolSize=ui.px(20), symbolBrush=colour,
                                       symbolPen=None, connect="finite")
            else:
                item = pg.BarGraphItem(x=[0], height=[0], width=[0], pen=None, brush=colour)
            self._plot.addItem(item)
            self._series_items.append(item)
        outline = QPen(ui.colour("unknown"), max(1, ui.px(2)))
        hatching = hatch_brush(ui.colour("unknown"), ui.px(14), max(1, ui.px(3)))
        self._hatched = HatchedBars(hatching, outline)
        self._plot.addItem(self._hatched)
        self._labels: dict[tuple[int, int], pg.TextItem] = {}
        anchor = (0, 0.5) if self._horizontal else (0.5, 1)
        for (s, c), bar in self._bars.items():
            known = bar.kind is CellKind.KNOWN
            cell = self.spec.series_resolved[s].cells[c]
            text = ctx.number(cell.value) if known else ctx.label(
                "unknown" if bar.kind is CellKind.UNKNOWN else "not_applicable")
            label = pg.TextItem(text, color=ui.colour("text" if known else "muted"), anchor=anchor)
            label.setFont(ui.font("caption"))
            self._plot.addItem(label)
            self._labels[s, c] = label

    def _build_frame(self) -> None:
        ui, ctx = self.ctx.ui, self.ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ui.gap // 2)
        header = QHBoxLayout()
        header.setSpacing(ui.px(12))
        self._axis_title = ctx.text(self.spec.value_axis) or ctx.text(self.spec.unit)
        self.axis_title = _label("caption", self._axis_title, wrap=False)
        if not self._horizontal:
            header.addWidget(self.axis_title)
        header.addStretch(1)
        if len(self.spec.series_resolved) > 1:
            for s, series in enumerate(self.spec.series_resolved):
                header.addWidget(Swatch(ui.series_colour(s), ui.text_px(ui.theme.sizes.caption)))
                header.addWidget(_label("body", ctx.text(series.label), wrap=False))
                header.addSpacing(ui.px(24))
        layout.addLayout(header)
        layout.addWidget(self._plot_widget, 1)
        if self._horizontal:  # in the empty corner under the names, level with the figures
            self.axis_title.setParent(self)
            self.axis_title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # --- updating in place ----------------------------------------------------------------

    @Slot(object)
    def _on_grow_step(self, value) -> None:
        """One frame of the bars growing in."""
        self._apply_progress(float(value))

    def _apply_progress(self, t: float) -> None:
        self._progress = t
        n = len(self.spec.categories_resolved)
        for s, item in enumerate(self._series_items):
            bars = [self._bars[s, c] for c in range(n)]
            ends = [b.start + (b.end - b.start) * t if b.kind is CellKind.KNOWN else math.nan for b in bars]
            if isinstance(item, pg.PlotDataItem):
                item.setData([b.centre for b in bars], ends)
                continue
            lengths = [0.0 if math.isnan(e) else e - b.start for e, b in zip(ends, bars)]
            centres, starts = [b.centre for b in bars], [b.start for b in bars]
            thick = [b.thickness for b in bars]
            if self._horizontal:
                item.setOpts(x0=starts, width=lengths, y=centres, height=thick)
            else:
                item.setOpts(x=centres, width=thick, y0=starts, height=lengths)
        self._update_highlight()

    def _update_highlight(self) -> None:
        """Dim every bar but the revealed one."""
        def opacity(key):
            return 1.0 if self._revealed in (None, key) else DIMMED

        n = len(self.spec.categories_resolved)
        for s, item in enumerate(self._series_items):
            if isinstance(item, pg.BarGraphItem):
                colour = self.ctx.ui.series_colour(s)
                brushes = []
                for c in range(n):
                    shade = QColor(colour)
                    shade.setAlphaF(opacity((s, c)))
                    brushes.append(pg.mkBrush(shade))
                item.setOpts(brushes=brushes)
            else:  # a line: the whole series
                item.setOpacity(1.0 if self._revealed is None or self._revealed[0] == s else DIMMED)
        fade = min(1.0, max(0.0, (self._progress - 0.55) / 0.45))  # figures appear as bars arrive
        for key, label in self._labels.items():
            dimmed = self._revealed not in (None, key)
            label.setColor(self._ink(key, dimmed))
            label.setOpacity(fade * (0.6 if dimmed and key not in self._inside else 1.0))
        unknown = [(key, bar) for key, bar in self._bars.items() if bar.kind is CellKind.UNKNOWN]
        self._hatched.set_rects([self._bar_data_rect(bar, self._progress) for _, bar in unknown],
                                [opacity(key) for key, _ in unknown])

    def _bar_data_rect(self, bar: Bar, t: float = 1.0) -> QRectF:
        end = bar.start + (bar.end - bar.start) * t
        half = bar.thickness / 2
        if self._horizontal:
            return QRectF(QPointF(bar.start, bar.centre - half), QPointF(end, bar.centre + half)).normalized()
        return QRectF(QPointF(bar.centre - half, bar.start), QPointF(bar.centre + half, end)).normalized()

    @Slot()
    def _update_range(self) -> None:
        """Fit the value axis to the bars and to the figures written at their ends."""
        view = self._plot.getViewBox()
        box = view.boundingRect()
        length = box.width() if self._horizontal else box.height()
        if length < 2:
            return
        top, self._inside = self._value_top(length)
        categories = (-0.5, len(self.spec.categories_resolved) - 0.5)
        if self._horizontal:
            view.setRange(xRange=(self._base, top), yRange=categories, padding=0)
        else:
            view.setRange(xRange=categories, yRange=(self._base, top), padding=0)
        self._place_labels()
        if self._revealed is not None:
            self._place_callout()

    def _value_top(self, length: float) -> tuple[float, set]:
        """The value axis' top, and the figures written inside their bars for want of room.

        Figures go after their bars. Where that would stretch the axis by more than STRETCH
        (on a log scale, for the 5,078,174 letters, by more than a decade) the axis stays
        tight and the figures that do not fit go inside the end of their own bars.
        """
        pad, base = self.ctx.ui.px(12), self._base
        tight = base + (max(self._top, base + 1e-9) - base) * 1.02
        needed = {}
        for key, bar in self._bars.items():
            size = self._labels[key].boundingRect()
            room = length - 2 * pad - (size.width() if self._horizontal else size.height())
            needed[key] = base + (bar.end - base) * length / room if room > 1 else tight
        loose = max(tight, *needed.values())
        if loose - base <= (tight - base) * (1 + STRETCH):
            return loose, set()
        known = {key for key, bar in self._bars.items() if bar.kind is CellKind.KNOWN}
        inside = {key for key, top in needed.items() if top > tight and key in known}
        return max([tight] + [top for key, top in needed.items() if key not in inside]), inside

    def _place_labels(self) -> None:
        px_x, px_y = self._plot.getViewBox().viewPixelSize()
        pad = self.ctx.ui.px(12)
        for key, bar in self._bars.items():
            label, inside = self._labels[key], key in self._inside
            step = -pad if inside else pad
            if self._horizontal:
                label.setAnchor((1, 0.5) if inside else (0, 0.5))
                label.setPos(bar.end + step * px_x, bar.centre)
            else:
                label.setAnchor((0.5, 0) if inside else (0.5, 1))
                label.setPos(bar.centre, bar.end + step * px_y)
        self._update_highlight()

    def _ink(self, key: tuple[int, int], dimmed: bool) -> QColor:
        """The colour of a figure: on its own bar, whichever of dark or light reads on the bar."""
        ui = self.ctx.ui
        if key not in self._inside:
            return ui.colour("text" if self._bars[key].kind is CellKind.KNOWN else "muted")
        bar, ground = ui.series_colour(key[0]), ui.colour("background")
        share = DIMMED if dimmed else 1.0
        lightness = bar.lightnessF() * share + ground.lightnessF() * (1 - share)
        return ui.colour("background" if lightness > 0.5 else "text")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._horizontal:
            self._update_category_width()
        else:
            self._plot.layout.activate()

    def _update_category_width(self) -> None:
        """Wide enough for every category name in the lines its band has room for, if it can be."""
        font = self.ctx.ui.font("caption")
        names = [self.ctx.text(name) for name in self.spec.categories_resolved]
        band = (self._plot_widget.height() - self.value_axis.height()) / max(1, len(names))
        lines = max(1, int(band * 0.94 // CategoryAxis.line_height(font)))
        width = fitting_width(names, font, lines, self.width() * 0.4)
        self._category_axis.setWidth(round(width) + self.ctx.ui.px(18))
        self._plot.layout.activate()  # settle now, not on a later event: bar_rect() is exact at once
        plot, ticks = self._plot_widget.geometry(), self.ctx.ui.px(TICK * 2)
        width = round(self._category_axis.width()) - self.ctx.ui.px(18)
        height = round(self.value_axis.height())
        elide = Qt.TextElideMode.ElideRight
        self.axis_title.setText(self.axis_title.fontMetrics().elidedText(self._axis_title, elide, width))
        self.axis_title.setGeometry(plot.left(), plot.bottom() + 1 - height + ticks, width, height - ticks)

    # --- growing --------------------------------------------------------------------------

    def grow(self) -> None:
        """Let the bars grow in from the base line, once."""
        self._grow.stop()
        self._apply_progress(0.0)
        self._grow.start()

    def finish_growing(self) -> None:
        """Stop growing; every bar at its full length."""
        self._grow.stop()
        self._apply_progress(1.0)

    @property
    def growing(self) -> bool:
        return self._grow.state() == QVariantAnimation.State.Running

    # --- revealing ------------------------------------------------------------------------

    @property
    def revealed(self) -> Optional[tuple[int, int]]:
        """The (series, category) whose figure is shown, if any."""
        return self._revealed

    def reveal(self, series: int, category: int) -> None:
        """Show one cell's figure, unit and note in the callout."""
        ctx = self.ctx
        cell = self.spec.series_resolved[series].cells[category]
        names = [ctx.text(self.spec.categories_resolved[category])]
        if len(self.spec.series_resolved) > 1:
            names.insert(0, ctx.text(self.spec.series_resolved[series].label))
        if cell.kind is CellKind.KNOWN:
            figure, unit = ctx.number(cell.value), ctx.text(self.spec.unit)
        else:
            figure = ctx.label("unknown" if cell.kind is CellKind.UNKNOWN else "not_applicable")
            unit = ""
        colour = ctx.ui.series_colour(series) if cell.kind is CellKind.KNOWN else ctx.ui.colour("unknown")
        self._callout.show_cell(" · ".join(names), figure, unit, ctx.text(cell.note), colour)
        self._revealed = (series, category)
        self._update_highlight()
        self._place_callout()
        self._callout.show()
        self._callout.raise_()
        self.value_revealed.emit(series, category)

    def clear_reveal(self) -> None:
        """Hide the callout; every bar at full strength again."""
        if self._revealed is None:
            return
        self._revealed = None
        self._callout.hide()
        self._update_highlight()
        self.reveal_cleared.emit()

    def _place_callout(self) -> None:
        """In free space clear of the tapped category's bars; failing that, clear of the bar."""
        s, c = self._revealed
        anchor = self.bar_rect(s, c).united(self._label_rect(s, c))
        group = QRectF(anchor)
        for k in range(len(self.spec.series_resolved)):
            group = group.united(self.bar_rect(k, c)).united(self._label_rect(k, c))
        area = self._scene_to_widget(self._plot.getViewBox().sceneBoundingRect())
        gap, ui = self.ctx.ui.gap / 2, self.ctx.ui
        widest = min(ui.px(560), area.width() * 0.9)
        if self._horizontal:  # at the right, where the short bars leave room: under the group, or over
            below = QRectF(area.left(), group.bottom() + gap, area.width(), area.bottom() - group.bottom() - gap)
            above = QRectF(area.left(), area.top(), area.width(), group.top() - gap - area.top())
            spaces = [(below, "right", "top"), (above, "right", "bottom")]
        else:  # at the top, beside the group, else at least beside the bar
            spaces = []
            for rect in (group, anchor):
                right = QRectF(rect.right() + gap, area.top(), area.right() - rect.right() - gap, area.height())
                left = QRectF(area.left(), area.top(), rect.left() - gap - area.left(), area.height())
                spaces += [(right, "left", "top"), (left, "right", "top")]
        for least, (space, h_edge, v_edge) in itertools.product((ui.px(380), ui.px(240)), spaces):
            width = round(min(widest, space.width()))
            height = self._callout_height(width)
            if width >= min(widest, least) and height <= space.height():
                x = space.left() if h_edge == "left" else space.right() - width
                y = space.top() if v_edge == "top" else space.bottom() - height
                break
        else:  # nowhere free: over the other categories, beside the group
            width = round(widest)
            height = self._callout_height(width)
            x = min(max(group.center().x() - width / 2, area.left()), area.right() - width)
            y = min(max(group.center().y() - height / 2, area.top()), area.bottom() - height)
        self._callout.setGeometry(round(x), round(y), width, height)

    def _callout_height(self, width: int) -> int:
        self._callout.setFixedWidth(max(1, width))
        height = self._callout.heightForWidth(width)
        return height if height > 0 else self._callout.sizeHint().height()

    # --- where things are -----------------------------------------------------------------

    def figure_text(self, series: int, category: int) -> str:
        """What is written at the end of a cell's bar: its figure, or unknown / not applicable."""
        return self._labels[series, category].toPlainText()

    def bar_rect(self, series: int, category: int) -> QRectF:
        """Where a cell's bar (or point) is drawn at full length, in this widget's pixels."""
        bar = self._bars[series, category]
        if self.spec.kind == "line" and bar.kind is CellKind.KNOWN:
            half = self.ctx.ui.px(10)
            centre = self._view_to_widget(QRectF(bar.centre, bar.end, 0, 0)).center()
            return QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half)
        return self._view_to_widget(self._bar_data_rect(bar))

    def _label_rect(self, series: int, category: int) -> QRectF:
        label = self._labels[series, category]
        return self._scene_to_widget(label.mapRectToScene(label.boundingRect()))

    def _view_to_widget(self, rect: QRectF) -> QRectF:
        return self._scene_to_widget(self._plot.getViewBox().mapViewToScene(rect).boundingRect())

    def _scene_to_widget(self, rect: QRectF) -> QRectF:
        polygon = self._plot_widget.mapFromScene(rect).boundingRect()
        top_left = self._plot_widget.viewport().mapTo(self, polygon.topLeft())
        return QRectF(QPointF(top_left), polygon.size().toSizeF())

    def bar_at(self, pos: QPoint) -> Optional[tuple[int, int]]:
        """The (series, category) a tap at ``pos`` selects: anywhere in a category's band."""
        viewport = self._plot_widget.viewport()
        scene = self._plot_widget.mapToScene(viewport.mapFrom(self, pos))
        if not self._plot.sceneBoundingRect().contains(scene):
            return None
        point = self._plot.getViewBox().mapSceneToView(scene)
        along = point.y() if self._horizontal else point.x()
        category = round(along)
        if not 0 <= category < len(self.spec.categories_resolved):
            return None
        series = range(len(self.spec.series_resolved))
        if self.spec.kind == "line":  # the point nearest the finger along the value axis
            nearest = min(series, key=lambda s: abs(self.bar_rect(s, category).center().y() - pos.y()))
            return nearest, category
        return min(series, key=lambda s: abs(self._bars[s, category].centre - along)), category

    # --- taps -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self._on_mouse(event)
        return False

    def mousePressEvent(self, event) -> None:
        self._on_mouse(event)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        self._on_mouse(event)
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        self._on_mouse(event)
        event.accept()

    def _on_mouse(self, event: QEvent) -> None:
        """A tap is a press and a release close together; the decision waits for the release."""
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._press = event.globalPosition().toPoint()
        elif kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            press, self._press = self._press, None
            release = event.globalPosition().toPoint()
            moved = math.hypot(release.x() - press.x(), release.y() - press.y())
            pos = self.mapFromGlobal(release)
            if moved < self.ctx.ui.tap_px / 3 and self.rect().contains(pos):
                self._on_tap(pos)

    def _on_tap(self, pos: QPoint) -> None:
        """Reveal the tapped bar's figure; a tap anywhere else (or on the callout) hides it."""
        on_callout = self._callout.isVisible() and self._callout.geometry().contains(pos)
        hit = None if on_callout else self.bar_at(pos)
        if hit is None:
            self.clear_reveal()
        else:
            self.reveal(*hit)
