"""The pyqtgraph half of a chart: the axes, the bars, the hatched unknowns and the figures.

Built once and updated in place (``setOpts``). Every rectangle it reports is in its
viewport's pixels; ``ChartView`` maps them into its own.
"""

from __future__ import annotations

import math
from typing import Optional

from PySide6.QtCore import QPoint, QPointF, QRectF, Slot
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QSizePolicy

import pyqtgraph as pg  # after PySide6, so that pyqtgraph binds to it

from kiosk.content.model import CellKind, ChartSpec
from kiosk.ui.chart.geometry import (GROUP, NAME_ROOM, Bar, fitting_width, layout_bars, line_height, name_lines,
                                     value_top, wrap_lines)
from kiosk.ui.chart.items import CategoryAxis, HatchedBars, ValueAxis, hatch_brush
from kiosk.ui.pages.base import ViewContext
from kiosk.ui.theme import configure_charts, contrast

DIMMED = 0.32  # opacity of the bars that are not the revealed one
TICK = 6  # design px: the value axis' tick marks, and the gap from them to their figures
NAME_GAP = 18  # design px between a category's name and its bars
NAME_SHARE = 0.4  # of the chart's width, at most, for the category names beside the bars
FIGURE_ROOM = 1.2  # a figure's letters and the least space between it and the next one's
MOST_NAME_LINES = 3  # a category name beside its bars takes up to three lines before it is cut

Key = tuple[int, int]  # (series, category)


class ChartPlot(pg.PlotWidget):
    """The plot of a ``ChartSpec``: no zoom, no pan, no menu; bars that grow and dim."""

    def __init__(self, spec: ChartSpec, ctx: ViewContext):
        configure_charts(pg)
        self.spec, self.ctx = spec, ctx
        self.horizontal = spec.kind == "horizontal-bar"
        self.bars, self.base, self.top = layout_bars(spec)
        self.progress, self.revealed = 1.0, None
        self.inside: set[Key] = set()
        self.hidden: set[Key] = set()  # figures under the callout: hidden whole, never cut
        super().__init__(axisItems=self._make_axes(), background=None)
        # pyqtgraph caches the background, a screen-sized picture per chart; this one has none.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        item = self.getPlotItem()
        item.setMouseEnabled(False, False)
        item.setMenuEnabled(False)
        item.hideButtons()
        view = item.getViewBox()
        view.setDefaultPadding(0)
        view.disableAutoRange()
        view.invertY(self.horizontal)  # the first category at the top, as it is read
        view.sigResized.connect(self._on_resized)
        self._make_items()
        self.set_progress(1.0)

    def _make_axes(self) -> dict:
        category_side, value_side = ("left", "bottom") if self.horizontal else ("bottom", "left")
        self.category_axis = CategoryAxis(category_side, [], self.ctx.ui.font("caption"), self.ctx.ui.px(NAME_GAP))
        self.value_axis = ValueAxis(value_side, self.ctx.number, self.ctx.ui.font("caption"), 1, "")
        self.value_axis.setLogMode(self.spec.scale == "log")
        self._style_axes()
        return {category_side: self.category_axis, value_side: self.value_axis}

    def _style_axes(self) -> None:
        """The axes' words, fonts and pens from the context."""
        ui, ctx = self.ctx.ui, self.ctx
        font, muted = ui.font("caption"), ui.colour("muted")
        self.category_axis.set_names([ctx.text(name) for name in self.spec.categories_resolved], font)
        top = 10 ** math.ceil(self.top) if self.spec.scale == "log" else round(self.top * 1.1)
        self.value_axis.set_type(ctx.number, font, ui.px(TICK), ctx.number(top))
        for axis in (self.category_axis, self.value_axis):
            axis.setPen(pg.mkPen(muted, width=max(1, ui.px(2))))
            axis.setTextPen(muted)
        if not self.horizontal:
            self.category_axis.setHeight(round(line_height(font) * 2.2) + ui.px(NAME_GAP))

    def _make_items(self) -> None:
        item = self.getPlotItem()
        self._series_items = []
        for _ in self.spec.series_resolved:
            if self.spec.kind == "line":
                series = pg.PlotDataItem(symbol="o", connect="finite")
            else:
                series = pg.BarGraphItem(x=[0], height=[0], width=[0], pen=None)
            item.addItem(series)
            self._series_items.append(series)
        self._hatched = HatchedBars(QBrush(), QPen())
        item.addItem(self._hatched)
        self.labels: dict[Key, pg.TextItem] = {}
        for key in self.bars:
            self.labels[key] = pg.TextItem("")
            item.addItem(self.labels[key])
        self._style_items()

    def _style_items(self) -> None:
        """The series' colours, the hatching and the figures' words and font from the context."""
        ui, ctx = self.ctx.ui, self.ctx
        for s, series in enumerate(self._series_items):
            colour = ui.series_colour(s)
            if isinstance(series, pg.PlotDataItem):
                series.setPen(pg.mkPen(colour, width=ui.px(4)))
                series.setSymbolSize(ui.px(20))
                series.setSymbolBrush(colour)
                series.setSymbolPen(None)
            else:
                series.setOpts(brush=colour)
        outline = QPen(ui.colour("unknown"), max(1, ui.px(2)))
        self._hatched.set_style(hatch_brush(ui.colour("unknown"), ui.px(14), max(1, ui.px(3))), outline)
        for (s, c), bar in self.bars.items():
            known = bar.kind is CellKind.KNOWN
            text = ctx.number(self.spec.series_resolved[s].cells[c].value) if known else ctx.label(
                "unknown" if bar.kind is CellKind.UNKNOWN else "not_applicable")
            label = self.labels[s, c]
            label.setText(text, color=ui.colour("text" if known else "muted"))
            label.setFont(ui.font("caption"))
            # Written on its hatching, an unknown's words sit on a patch of the background.
            label.fill = pg.mkBrush(ui.colour("background")) if bar.kind is CellKind.UNKNOWN else pg.mkBrush(None)
            # The patch no taller than the words' line: it must not reach over the next bar.
            label.textItem.document().setDocumentMargin(0 if bar.kind is CellKind.UNKNOWN else 4)

    def apply(self, ctx: ViewContext) -> None:
        """Draw the same items in ``ctx``: its language's names and figures, its fonts and colours."""
        self.ctx = ctx
        self._style_axes()
        self._style_items()
        self.getPlotItem().layout.activate()
        self._on_resized()

    # --- updating in place ----------------------------------------------------------------

    def set_progress(self, progress: float) -> None:
        """Every bar at ``progress`` of its length (0 at the base line, 1 in full)."""
        self.progress = progress
        n = len(self.spec.categories_resolved)
        for s, series in enumerate(self._series_items):
            bars = [self.bars[s, c] for c in range(n)]
            known = [b.kind is CellKind.KNOWN for b in bars]
            centres, starts = [b.centre for b in bars], [b.start for b in bars]
            if isinstance(series, pg.PlotDataItem):
                series.setData(centres, [b.end_at(progress) if k else math.nan for b, k in zip(bars, known)])
                continue
            lengths = [b.end_at(progress) - b.start if k else 0.0 for b, k in zip(bars, known)]
            thick = [b.thickness for b in bars]
            if self.horizontal:
                series.setOpts(x0=starts, width=lengths, y=centres, height=thick)
            else:
                series.setOpts(x=centres, width=thick, y0=starts, height=lengths)
        self.set_revealed(self.revealed)

    def set_revealed(self, key: Optional[Key], hidden: Optional[set[Key]] = None) -> None:
        """Dim every bar but the revealed one (``None``: every bar at full strength); hide the
        ``hidden`` figures (those the callout would cut), or keep hiding the same ones."""
        self.revealed = key
        if hidden is not None or key is None:
            self.hidden = set(hidden or ())

        def opacity(cell: Key) -> float:
            return 1.0 if key in (None, cell) else DIMMED

        for s, series in enumerate(self._series_items):
            if isinstance(series, pg.BarGraphItem):
                brushes = []
                for c in range(len(self.spec.categories_resolved)):
                    shade = QColor(self.ctx.ui.series_colour(s))
                    shade.setAlphaF(opacity((s, c)))
                    brushes.append(pg.mkBrush(shade))
                series.setOpts(brushes=brushes)
            else:  # a line: the whole series
                series.setOpacity(1.0 if key is None or key[0] == s else DIMMED)
        fade = min(1.0, max(0.0, (self.progress - 0.55) / 0.45))  # figures appear as bars arrive
        for cell, label in self.labels.items():
            dimmed = key not in (None, cell)
            label.setColor(self._ink(cell, dimmed))
            shade = 0.0 if cell in self.hidden else 0.6 if dimmed and cell not in self.inside else 1.0
            label.setOpacity(fade * shade)
        unknown = [(cell, bar) for cell, bar in self.bars.items() if bar.kind is CellKind.UNKNOWN]
        self._hatched.set_rects([self._data_rect(bar, self.progress) for _, bar in unknown],
                                [opacity(cell) for cell, _ in unknown])

    def _ink(self, key: Key, dimmed: bool) -> QColor:
        """The colour of a figure: on its own bar, whichever of dark or light reads on the bar."""
        ui = self.ctx.ui
        if key not in self.inside:
            return ui.colour("text" if self.bars[key].kind is CellKind.KNOWN else "muted")
        bar, dark, light = ui.series_colour(key[0]), ui.colour("background"), ui.colour("text")
        share = DIMMED if dimmed else 1.0  # a dimmed bar is seen mixed with the background
        seen = QColor.fromRgbF(*(b * share + g * (1 - share) for b, g in zip(bar.getRgbF()[:3], dark.getRgbF()[:3])))
        return dark if contrast(seen, dark) >= contrast(seen, light) else light

    @Slot()
    def _on_resized(self) -> None:
        """Fit the value axis to the bars and to the figures written at their ends."""
        view = self.getPlotItem().getViewBox()
        box = view.boundingRect()
        length = box.width() if self.horizontal else box.height()
        if length < 2:
            return
        sizes = {key: label.boundingRect() for key, label in self.labels.items()}
        lengths = {key: size.width() if self.horizontal else size.height() for key, size in sizes.items()}
        top, self.inside = value_top(self.bars, lengths, self.base, self.top, length, self.ctx.ui.px(12))
        categories = (-0.5, len(self.spec.categories_resolved) - 0.5)
        if self.horizontal:
            view.setRange(xRange=(self.base, top), yRange=categories, padding=0)
        else:
            view.setRange(xRange=categories, yRange=(self.base, top), padding=0)
        self._place_labels()

    def _place_labels(self) -> None:
        px_x, px_y = self.getPlotItem().getViewBox().viewPixelSize()
        pad = self.ctx.ui.px(12)
        for key, bar in self.bars.items():
            label, inside = self.labels[key], key in self.inside
            step = -pad if inside else pad
            if bar.kind is CellKind.UNKNOWN:  # "Not known", inside the start of its full-length bar
                if self.horizontal:
                    label.setAnchor((0, 0.5))
                    label.setPos(bar.start + pad * px_x, bar.centre)
                else:
                    label.setAnchor((0.5, 1))
                    label.setPos(bar.centre, bar.start + pad * px_y)
                continue
            if self.horizontal:
                label.setAnchor((1, 0.5) if inside else (0, 0.5))
                label.setPos(bar.end + step * px_x, bar.centre)
            else:
                label.setAnchor((0.5, 0) if inside else (0.5, 1))
                label.setPos(bar.centre, bar.end + step * px_y)
        self.set_revealed(self.revealed)

    def follow_size(self) -> None:
        """Fit the plot's axes and bars to this widget's size now.

        pyqtgraph resizes its plot only in ``resizeEvent``, and Qt holds that event back from a
        widget that is not shown: a page laid out ahead of need would measure the plot at the
        size it had before (and fit the names to it) until it is first shown.
        """
        if self.range.size().toSize() != self.size():
            self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def least_band(self, limit: float) -> float:
        """The height a category's band needs beside horizontal bars: room for each name in the
        lines it takes ``limit`` px wide (up to three), and for one figure per series, one above
        the other, so that none is cut or runs into the next. Larger text needs taller bands."""
        font = self.ctx.ui.font("caption")
        metrics, line = QFontMetricsF(font), line_height(font)
        names = [self.ctx.text(name) for name in self.spec.categories_resolved]
        lines = max((len(wrap_lines(name, metrics, limit)) for name in names), default=1)
        ink = metrics.tightBoundingRect("0123456789").height() * FIGURE_ROOM  # a figure's letters
        figures = len(self.spec.series_resolved) * ink / GROUP
        return max(min(lines, MOST_NAME_LINES) * line / NAME_ROOM, figures)

    def fit_names(self, limit: float) -> int:
        """Make the names' column (beside horizontal bars) as narrow as their lines allow; its width."""
        ui, ctx = self.ctx.ui, self.ctx
        font = ui.font("caption")
        names = [ctx.text(name) for name in self.spec.categories_resolved]
        item = self.getPlotItem()
        item.layout.activate()  # the bands' height does not depend on the names' width: measure it
        height = item.getViewBox().boundingRect().height()
        if height < 2:  # not laid out yet: as high as the plot less its value axis
            height = self.height() - self.value_axis.height()
        # No name is fitted to more lines than a name takes at most: a band that is tall at this
        # moment (before the page gives the chart its final height) must not leave the column
        # too narrow for the names once the bands shrink to their room.
        lines = min(name_lines(height / max(1, len(names)), font), MOST_NAME_LINES)
        width = math.ceil(fitting_width(names, font, lines, limit))  # up: a name 85.4 px wide needs 86
        self.category_axis.setWidth(width + ui.px(NAME_GAP))
        self.getPlotItem().layout.activate()  # settle now, not on a later event: rects are exact at once
        return width

    # --- where things are, in the viewport's pixels ----------------------------------------

    def _data_rect(self, bar: Bar, progress: float = 1.0) -> QRectF:
        end, half = bar.end_at(progress), bar.thickness / 2
        if self.horizontal:
            return QRectF(QPointF(bar.start, bar.centre - half), QPointF(end, bar.centre + half)).normalized()
        return QRectF(QPointF(bar.centre - half, bar.start), QPointF(bar.centre + half, end)).normalized()

    def to_viewport(self, rect: QRectF, scene: bool = False) -> QRectF:
        """A rectangle in view (data) coordinates, or in scene coordinates, in viewport pixels."""
        if not scene:
            rect = self.getPlotItem().getViewBox().mapViewToScene(rect).boundingRect()
        return self.viewportTransform().mapRect(rect)

    def bar_rect(self, key: Key) -> QRectF:
        """Where a cell's bar (or point) is drawn at full length."""
        bar = self.bars[key]
        if self.spec.kind == "line" and bar.kind is CellKind.KNOWN:
            half = self.ctx.ui.px(10)
            centre = self.to_viewport(QRectF(bar.centre, bar.end, 0, 0)).center()
            return QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half)
        return self.to_viewport(self._data_rect(bar))

    def band_rect(self, category: int) -> QRectF:
        """The band a tap selects a category in: its slot across the plot, its name included."""
        plot = self.to_viewport(self.getPlotItem().sceneBoundingRect(), scene=True)
        view = self.getPlotItem().getViewBox().viewRange()
        low, high = category - 0.5, category + 0.5
        if self.horizontal:
            band = self.to_viewport(QRectF(QPointF(view[0][0], low), QPointF(view[0][1], high)).normalized())
            return QRectF(plot.left(), band.top(), plot.width(), band.height())
        band = self.to_viewport(QRectF(QPointF(low, view[1][0]), QPointF(high, view[1][1])).normalized())
        return QRectF(band.left(), plot.top(), band.width(), plot.height())

    def label_rect(self, key: Key) -> QRectF:
        label = self.labels[key]
        return self.to_viewport(label.mapRectToScene(label.boundingRect()), scene=True)

    def plot_area(self) -> QRectF:
        """The area inside the axes."""
        return self.to_viewport(self.getPlotItem().getViewBox().sceneBoundingRect(), scene=True)

    def hit(self, pos: QPoint) -> Optional[Key]:
        """The cell a tap at ``pos`` selects: the nearest bar of the category whose band it is in."""
        scene = self.mapToScene(pos)
        if not self.getPlotItem().sceneBoundingRect().contains(scene):
            return None
        point = self.getPlotItem().getViewBox().mapSceneToView(scene)
        along = point.y() if self.horizontal else point.x()
        category = round(along)
        if not 0 <= category < len(self.spec.categories_resolved):
            return None
        series = range(len(self.spec.series_resolved))
        if self.spec.kind == "line":  # the point nearest the finger along the value axis
            return min(series, key=lambda s: abs(self.bar_rect((s, category)).center().y() - pos.y())), category
        return min(series, key=lambda s: abs(self.bars[s, category].centre - along)), category
