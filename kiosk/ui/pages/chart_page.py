"""A chart page: its title, the chart, and beside it (or under it, on a portrait screen) the text."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, QMetaObject, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractScrollArea, QBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import ChartPage
from kiosk.ui.chart import ChartView
from kiosk.ui.pages.base import PageView, ViewContext
from kiosk.ui.widgets import MarkdownLabel, Rule, measure, overflows, scroll_area, scroll_to_start, text_label

QWIDGETSIZE_MAX = (1 << 24) - 1
SIDE_SHARE = 0.3  # of a landscape page's width, for the text beside the chart
UNDER_SHARE = 0.4  # of a portrait page's height, at most, for the text under the chart
RULE_TO_CHART = 16  # design px under the title's rule: less than on a text page, the bars need it


class ChartPageView(PageView):
    """A ``ChartPage``: built ahead of need; showing it only lets the bars grow in."""

    value_revealed = Signal(object)  # (series, category) whose figure a visitor's tap showed

    def __init__(self, page: ChartPage, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(page, ctx, parent)
        ui, spec = ctx.ui, page.chart
        # Every label has its parent before it is made visible: a parentless widget made
        # visible is a window of its own (a grey box at the screen's corner on the floor).
        self.title = text_label(ctx.text(page.title), "title", self)
        self.title.setVisible(page.title is not None)
        self.chart = ChartView(spec, ctx)
        self.footnote = text_label(ctx.text(spec.footnote), "caption", self)
        self.footnote.setVisible(spec.footnote is not None)
        self.text = MarkdownLabel(ctx.text(page.text), "body", self)
        self.text.setVisible(page.text is not None)
        self.hint = text_label(ctx.label("tap_for_value"), "caption")
        for widget, text in ((self.title, page.title), (self.footnote, spec.footnote), (self.text, page.text)):
            self.bind_text(widget, text)
        self.texts.bind(self.hint, lambda c: c.label("tap_for_value"))
        # The hint says once what a tap does: gone after the first tap (its place kept, so the
        # words beside the chart stay put), and back for the next visitor.
        keep = self.hint.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.hint.setSizePolicy(keep)
        self.chart.value_revealed.connect(self._on_value_revealed)

        self._chart_column = QVBoxLayout()
        self._chart_column.setSpacing(ui.gap)
        self._chart_column.addWidget(self.chart, 1)
        self.side = QWidget()
        self._side = QVBoxLayout(self.side)
        self._side.setContentsMargins(0, 0, 0, 0)
        self._side.setSpacing(ui.gap)
        self._side.addWidget(self.text)
        self._side.addWidget(self.hint)
        self._side.addStretch(1)
        self._area = scroll_area(Qt.Orientation.Vertical)  # only where a small screen needs it
        self._area.setWidget(self.side)
        self._landscape: Optional[bool] = None
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(ui.margin)
        self._body.addLayout(self._chart_column, 1)
        self._body.addWidget(self._area)
        # The whole body scrolls only where the chart needs more height than the page has (large
        # text: its names and figures keep their room, and are never cut).
        self._page_area = scroll_area(Qt.Orientation.Vertical, self)
        body = QWidget()
        body.setLayout(self._body)
        self._page_area.setWidget(body)

        layout = QVBoxLayout(self)
        # The title where every page has it; no margin under the chart: the chapter's own
        # controls keep their distance, and the bars get the height.
        layout.setContentsMargins(ui.margin, ui.gap, ui.margin, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        if page.title is not None:  # the title and its rule, as on every page
            layout.addSpacing(ui.px(20))
            layout.addWidget(Rule(ui))
            layout.addSpacing(ui.px(RULE_TO_CHART))
        self._page_area.viewport().installEventFilter(self)  # its height decides who scrolls
        layout.addWidget(self._page_area, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_orientation()

    def _measure_again(self) -> None:
        """``_update_orientation`` once more, a turn of the event loop from now (a posted call,
        dropped if the view goes first: no timer)."""
        QMetaObject.invokeMethod(self, "_update_orientation", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _update_orientation(self) -> None:
        """Text beside the chart on a landscape page, under it on a portrait one."""
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            if landscape:  # the key and the footnote join the text, so that the bars keep the height
                self._body.setDirection(QBoxLayout.Direction.LeftToRight)
                self._side.insertWidget(0, self.hint)  # under the key: both are about the chart
                self._side.insertWidget(self._side.indexOf(self.text) + 1, self.footnote)
                if self.chart.legend is not None:
                    self._side.insertWidget(0, self.chart.legend)
                self._area.setMinimumHeight(0)
                self._area.setMaximumHeight(QWIDGETSIZE_MAX)
            else:
                self._body.setDirection(QBoxLayout.Direction.TopToBottom)
                self._area.setMinimumWidth(0)
                self._area.setMaximumWidth(QWIDGETSIZE_MAX)
                self._chart_column.addWidget(self.footnote)
                self._side.removeWidget(self.hint)
                self._side.insertWidget(self._side.indexOf(self.text) + 1, self.hint)
                self.chart.restore_legend()
        margins = self.layout().contentsMargins()
        inner = self.width() - margins.left() - margins.right()
        if landscape:
            side = min(round(self.width() * SIDE_SHARE), measure(self.ctx.ui))
            self.chart.setMinimumHeight(self.chart.least_height(inner - side - self._body.spacing()))
            self._area.setFixedWidth(side)
            if self.chart.legend is not None:  # beside the chart a key, one entry a line: a row
                self.chart.legend.set_vertical(True)  # would be cut where a larger text makes it wider
            # Where the whole body scrolls, the text beside the chart scrolls with it, whole
            # (one scroll on the page, never a scroll inside a scroll).
            self.layout().activate()
            self._scroll_side(self._side_scrolls_alone(), side)
        else:  # the whole text under the chart, unless it would take too much of the page
            self._scroll_side(True)
            self.chart.setMinimumHeight(self.chart.least_height(inner))
            self.side.ensurePolished()  # the text's height depends on its stylesheet font
            height = max(self.side.heightForWidth(inner),
                         self.side.minimumSizeHint().height())  # what the scroll area allows it
            capped = min(height, round(self.height() * UNDER_SHARE))
            self.layout().activate()
            # Where the chart makes the whole body scroll, the text under it is whole in that one
            # scroll, never in a scroll inside it.
            scrolls = self.chart.minimumHeight() + capped > self._page_area.viewport().height()
            self._area.setFixedHeight(height if scrolls else capped)
        self.layout().activate()  # at once, so that the chart has its final size when shown
        self._measure_again_if_stale()  # laid out, the page area may have another height

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and watched is self._page_area.viewport():
            self._measure_again_if_stale()
        return super().eventFilter(watched, event)

    def _measure_again_if_stale(self) -> None:
        """Decide again who scrolls where the last decision no longer holds (landscape only)."""
        if self._landscape and self._side_scrolls_alone() != (self._area.widget() is self.side):
            self._measure_again()

    def _side_scrolls_alone(self) -> bool:
        """Whether the chart fits the page's height, so that only the text beside it scrolls."""
        return self.chart.minimumHeight() <= self._page_area.viewport().height()

    def _scroll_side(self, own: bool, width: int = 0) -> None:
        """The side text in a scroll area of its own (``own``), or set in the body, which scrolls,
        ``width`` px wide (kept so on every resize)."""
        if own != (self._area.widget() is self.side):
            if own:
                self._body.removeWidget(self.side)
                self._area.setWidget(self.side)
            else:
                self._area.takeWidget()
                self._body.addWidget(self.side)
                self.side.show()
            self._area.setVisible(own)
        if own:
            self.side.setMinimumWidth(0)
            self.side.setMaximumWidth(QWIDGETSIZE_MAX)
        else:
            self.side.setFixedWidth(width)

    @Slot(int, int)
    def _on_value_revealed(self, series: int, category: int) -> None:
        """A visitor tapped a bar: say which. The hint has done its work."""
        self.hint.hide()
        self.value_revealed.emit((series, category))

    def _update_style(self) -> None:
        self.chart.apply(self.ctx)
        if self._landscape is not None:  # laid out once already: again, to the new measure
            self._update_orientation()
            # The chart's axes take their new fonts' size only as its plot lays out, after this:
            # once that is done, measure again, so that whether the body scrolls is decided on
            # the chart's true least height, as for a page built in these fonts.
            self._measure_again()

    def page_shown(self) -> None:
        self.chart.grow()

    def page_hidden(self) -> None:
        self.chart.finish_growing()

    def reset(self) -> None:
        self.chart.finish_growing()
        self.chart.clear_reveal()
        self.hint.show()
        scroll_to_start(self._area)
        scroll_to_start(self._page_area)

    def scroll_area_for(self, orientation: Qt.Orientation) -> Optional[QAbstractScrollArea]:
        if orientation != Qt.Orientation.Vertical:
            return None
        areas = (self._page_area, self._area)  # the side's own area only while it holds the side
        return next((area for area in areas if area.widget() is not None and overflows(area, orientation)), None)
