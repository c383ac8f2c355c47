"""A chart of a page's figures, drawn for a touch screen: large, calm, every figure written out.

``ChartView`` frames a ``ChartPlot`` with its axis title and legend. Visitors do not zoom or
pan; they tap a bar (anywhere in its category's band) and a callout shows the exact figure,
its unit and its note. Unknown figures are hatched bars labelled as unknown, never zero.
"""

from __future__ import annotations

import math
from typing import Optional

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPoint, QPointF, QRectF, Qt, QVariantAnimation, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import CellKind, ChartSpec
from kiosk.ui.chart.callout import Callout, Leader, Legend, callout_rect, label, leader_ends
from kiosk.ui.chart.plot import NAME_GAP, NAME_SHARE, TICK, ChartPlot, Key
from kiosk.ui.pages.base import ViewContext


class ChartView(QWidget):
    """A chart of ``spec``: bars (or points) that grow in once, and reveal a figure when tapped."""

    value_revealed = Signal(int, int)  # series, category: a visitor's tap showed its figure
    reveal_cleared = Signal()

    def __init__(self, spec: ChartSpec, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.spec, self.ctx = spec, ctx
        self.plot = ChartPlot(spec, ctx)
        self.plot.viewport().installEventFilter(self)
        self.value_axis = self.plot.value_axis
        self._press: Optional[QPoint] = None
        self._grow_pending = False
        self._build_frame()
        self.callout = Callout(ctx, self)
        self.leader = Leader(self)  # from the tapped bar to its callout
        self._grow = QVariantAnimation(self)
        self._grow.setStartValue(0.0)
        self._grow.setEndValue(1.0)
        self._grow.setDuration(max(1, ctx.ui.grow_ms))
        self._grow.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._grow.valueChanged.connect(self._on_grow_step)

    def _build_frame(self) -> None:
        ui, ctx = self.ctx.ui, self.ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ui.gap // 2)
        self._header = QHBoxLayout()
        self._header.setSpacing(ui.px(12))
        self._axis_title = ctx.text(self.spec.value_axis) or ctx.text(self.spec.unit)
        self.axis_title = label("caption", self._axis_title, wrap=False)
        self.axis_title.setObjectName("axis-title")
        if not self.plot.horizontal:
            self._header.addWidget(self.axis_title)
        self._header.addStretch(1)
        self.legend: Optional[Legend] = None
        series = self.spec.series_resolved
        if len(series) > 1:
            colours = [ui.series_colour(s) for s in range(len(series))]
            self.legend = Legend(ctx, colours, [ctx.text(one.label) for one in series])
            self.restore_legend()
        layout.addLayout(self._header)
        layout.addWidget(self.plot, 1)
        if self.plot.horizontal:  # in the empty corner under the names, level with the figures
            self.axis_title.setParent(self)
            self.axis_title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def apply(self, ctx: ViewContext) -> None:
        """Draw the chart in ``ctx`` on the same items; a revealed figure stays revealed."""
        self.ctx = ctx
        self.plot.apply(ctx)
        self._axis_title = ctx.text(self.spec.value_axis) or ctx.text(self.spec.unit)
        self.axis_title.setText(self._axis_title)
        if self.legend is not None:
            series = self.spec.series_resolved
            self.legend.set_entries(ctx, [ctx.ui.series_colour(s) for s in range(len(series))],
                                    [ctx.text(one.label) for one in series])
        self._grow.setDuration(max(1, ctx.ui.grow_ms))
        if self.growing and ctx.ui.grow_ms <= 0:
            self.finish_growing()
        self.settle()
        if self.revealed is not None:
            self._show_reveal(*self.revealed)

    def settle(self) -> None:
        """Lay the chart out at its size now: the plot, the names' column, the axis title."""
        self.layout().activate()
        self.plot.follow_size()
        if self.plot.horizontal:
            self._update_name_column()
        else:
            self.plot.getPlotItem().layout.activate()

    def least_height(self, width: int) -> int:
        """The height under which this chart, ``width`` px wide, would cut its names or set its
        figures on top of each other (horizontal bars; upright bars take any height)."""
        if not self.plot.horizontal:
            return 0
        ui = self.ctx.ui
        band = self.plot.least_band(width * NAME_SHARE - ui.px(NAME_GAP))
        bands = math.ceil(band * len(self.spec.categories_resolved))
        header = self._header.sizeHint().height() + self.layout().spacing()
        return bands + round(self.value_axis.height() or ui.px(48)) + header

    def restore_legend(self) -> None:
        """Put the legend back in a row over the chart (a page may have taken it to its side)."""
        if self.legend is not None:
            self.legend.set_vertical(False)
            self._header.addWidget(self.legend)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.settle()
        if self.revealed is not None:  # the callout keeps to its bar
            self._place_callout()

    def _update_name_column(self) -> None:
        """Names as narrow as their lines allow; the axis title in the corner under them."""
        ui = self.ctx.ui
        width = self.plot.fit_names(self.width() * NAME_SHARE)
        plot, ticks = self.plot.geometry(), ui.px(TICK * 2)
        height = round(self.value_axis.height())
        elide = Qt.TextElideMode.ElideRight
        self.axis_title.setText(self.axis_title.fontMetrics().elidedText(self._axis_title, elide, width))
        self.axis_title.setGeometry(plot.left(), plot.bottom() + 1 - height + ticks, width, height - ticks)

    # --- growing --------------------------------------------------------------------------

    def grow(self) -> None:
        """Let the bars grow in from the base line, once; at once in full if growing is off.

        A chart not on screen yet grows when it is first shown, so the visitor sees it.
        """
        self._grow.stop()
        self._grow_pending = False
        if self.ctx.ui.grow_ms <= 0:
            self.plot.set_progress(1.0)
        elif not self.isVisible():
            self._grow_pending = True
            self.plot.set_progress(1.0)
        else:
            self.plot.set_progress(0.0)
            self._grow.start()

    def finish_growing(self) -> None:
        """Stop growing; every bar at its full length (a chart already in full is left alone:
        setting its bars again would repaint it for nothing, in the middle of a page turn)."""
        self._grow.stop()
        self._grow_pending = False
        if self.plot.progress != 1.0:
            self.plot.set_progress(1.0)

    @property
    def growing(self) -> bool:
        return self._grow.state() == QVariantAnimation.State.Running

    @Slot(object)
    def _on_grow_step(self, value) -> None:
        """One frame of the bars growing in."""
        self.plot.set_progress(float(value))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._grow_pending:
            self.grow()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if self.growing:  # no timer runs for a chart nobody sees
            self.finish_growing()

    # --- revealing ------------------------------------------------------------------------

    @property
    def revealed(self) -> Optional[Key]:
        """The (series, category) whose figure is shown, if any."""
        return self.plot.revealed

    def reveal(self, series: int, category: int) -> None:
        """Show one cell's figure, unit and note in the callout."""
        self._show_reveal(series, category)
        self.callout.show()
        self.leader.show()
        self.leader.raise_()
        self.callout.raise_()

    def _show_reveal(self, series: int, category: int) -> None:
        ctx = self.ctx
        cell = self.spec.series_resolved[series].cells[category]
        names = [ctx.text(self.spec.categories_resolved[category])]
        if len(self.spec.series_resolved) > 1:
            names.insert(0, ctx.text(self.spec.series_resolved[series].label))
        if cell.kind is CellKind.KNOWN:
            figure, unit = ctx.number(cell.value), ctx.text(self.spec.unit)
            colour = ctx.ui.series_colour(series)
        else:
            figure = ctx.label("unknown" if cell.kind is CellKind.UNKNOWN else "not_applicable")
            unit, colour = "", ctx.ui.colour("unknown")
        self.callout.show_cell(" · ".join(names), figure, unit, ctx.text(cell.note), colour)
        self.plot.set_revealed((series, category))
        self._place_callout()

    def clear_reveal(self) -> None:
        """Hide the callout; every bar at full strength again."""
        if self.plot.revealed is None:
            return
        self.plot.set_revealed(None)
        self.callout.hide()
        self.leader.hide()
        self.reveal_cleared.emit()

    def _place_callout(self) -> None:
        s, c = self.plot.revealed
        anchor = self.bar_rect(s, c).united(self._label_rect(s, c))
        group, bars, words = QRectF(anchor), [], []
        for key in self.plot.bars:
            bar, figure = self.bar_rect(*key), self._label_rect(*key)
            if key[1] == c:
                group = group.united(bar).united(figure)
            else:
                bars.append(bar)
                words.append(figure)
        area, ui = self._to_self(self.plot.plot_area()), self.ctx.ui
        area.setTop(0)  # over the plot, the axis title's row is free but for the words in it
        if self.plot.horizontal:  # level with the last row, it may reach over the value axis
            area.setBottom(self.height())
        words += [QRectF(w.geometry()) for w in (self.axis_title, self.legend)
                  if w is not None and w.isVisible() and w.parentWidget() is self]
        widths = (min(ui.px(560), area.width() * 0.9), ui.px(420), ui.px(300))
        self.callout.ensurePolished()  # measured in its stylesheet fonts, even before it first shows
        place = callout_rect(anchor, group, bars, words, area, self.plot.horizontal, ui.gap / 2, widths,
                             self.callout.height_at)
        self.callout.setGeometry(place)
        start, end = leader_ends(self.bar_rect(s, c), QRectF(place), self.plot.horizontal)
        self.leader.connect_points(start, end, ui.colour("text"), max(1, ui.px(2)))
        self.leader.setVisible(self.callout.isVisible() or self.callout.isVisibleTo(self))
        self.leader.raise_()
        self.callout.raise_()
        covered = {key for key in self.plot.bars
                   if key[1] != c and QRectF(place).intersects(self._label_rect(*key))}
        self.plot.set_revealed(self.plot.revealed, covered)

    # --- where things are, in this widget's pixels ----------------------------------------

    def figure_text(self, series: int, category: int) -> str:
        """What is written at the end of a cell's bar: its figure, or unknown / not applicable."""
        return self.plot.labels[series, category].toPlainText()

    def bar_rect(self, series: int, category: int) -> QRectF:
        """Where a cell's bar (or point) is drawn at full length."""
        return self._to_self(self.plot.bar_rect((series, category)))

    def band_rect(self, category: int) -> QRectF:
        """Where a tap selects ``category``: its band across the plot, its name included."""
        return self._to_self(self.plot.band_rect(category))

    def _label_rect(self, series: int, category: int) -> QRectF:
        return self._to_self(self.plot.label_rect((series, category)))

    def _to_self(self, rect: QRectF) -> QRectF:
        return rect.translated(QPointF(self.plot.viewport().mapTo(self, QPoint(0, 0))))

    def bar_at(self, pos: QPoint) -> Optional[Key]:
        """The (series, category) a tap at ``pos`` selects. A row of horizontal bars is one
        target, its name included; an upright bar (or a point) is one within a finger's reach of
        it, of its figure or under it, by its name: a tap in the empty space above selects nothing."""
        key = self.plot.hit(self.plot.viewport().mapFrom(self, pos))
        if key is None or self.plot.horizontal:
            return key
        reach = self.ctx.ui.tap_px / 2
        near = [self.bar_rect(*key), self._label_rect(*key)]
        if any(rect.adjusted(-reach, -reach, reach, reach).contains(QPointF(pos)) for rect in near):
            return key
        return key if pos.y() >= self.bar_rect(*key).bottom() else None

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
        on_callout = self.callout.isVisible() and self.callout.geometry().contains(pos)
        hit = None if on_callout else self.bar_at(pos)
        if hit is None:
            self.clear_reveal()
        else:
            self.reveal(*hit)
            self.value_revealed.emit(*hit)
