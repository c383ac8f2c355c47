"""What does not fit on a chart as drawn: names cut with "…", bars too thin to read, figures
that run into each other.

From two metres a chart can be read when each category has at least a fingertip's room across
its bars — ``FINGERTIP_MM``, 9 mm, at the screen's dots per inch (measured at 96 dpi, as ``kiosk
proof`` renders: 34 px) — and when the ink of the figures written at the bars' ends stands apart.
Bars closer than a fingertip cannot be told apart from two metres, nor picked by a tap (a tap
on a category reveals its figure).
The names and figures are set in the theme's caption size, which a chart never shrinks: what
a chart can spoil is the room they get, and the checks here measure that room.
"""

from __future__ import annotations

from typing import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from kiosk.hyphens import plain
from kiosk.ui.theme import MM_PER_INCH

from . import messages as say
from .lines import is_cut, shown_characters
from .pages import Misfit
from .stage import DPI

FINGERTIP_MM = 9  # an adult's fingertip; the kiosk's buttons are larger (tap_target_mm)


def joined_lines(lines: list[str]) -> str:
    """Lines as one text again: a space between words, none after a hyphen the line broke at."""
    text = ""
    for line in lines:
        text += line if not text or text.endswith(("-", "\u2010")) else " " + line
    return text


def chart_misfits(view, stage) -> Iterator[Misfit]:
    chart = view.chart
    spec = chart.spec
    where = {"size": say.size_text(stage.size), "scaled": say.scaled_text(stage.scale)}
    crowded = list(_crowded(chart, stage, where))
    yield from crowded
    if any(misfit.kind == "bars" for misfit in crowded):
        return  # too many bars: their names are cut too, and fewer bars is the fix for both
    names_key = ("chart", "categories") if spec.categories else ("chart", "data")
    for name, placed in chart.plot.category_axis.placed_names() or ():
        drawn = [text for _, _, text in placed]
        if is_cut(name, drawn):
            shown = joined_lines(drawn)
            yield Misfit(names_key, f"label {plain(name)}", say.LABEL_CUT.format(
                name=plain(name), shown=shown, chars=shown_characters(shown), **where))
    title = stage.ctx.text(spec.value_axis) or stage.ctx.text(spec.unit)
    if chart.axis_title.text() != title:
        shown = chart.axis_title.text()
        yield Misfit(("chart", "value_axis" if spec.value_axis else "unit"), "axis title", say.AXIS_CUT.format(
            name=plain(title), shown=plain(shown), chars=shown_characters(shown), **where))


def _crowded(chart, stage, where: dict) -> Iterator[Misfit]:
    count = len(chart.spec.categories_resolved)
    if not count:
        return
    horizontal = chart.plot.horizontal
    band = chart.band_rect(0)
    band_px = round(band.height() if horizontal else band.width())
    least = round(FINGERTIP_MM * DPI / MM_PER_INCH)
    if stage.scale == 1.0 and band_px < least:
        area = chart.plot.plot_area()
        length = area.height() if horizontal else area.width()
        yield Misfit(("chart",), "bars", say.TOO_MANY_BARS.format(
            size=where["size"], count=count, band=band_px, tap=least, most=max(1, int(length // least))))
        return
    if _figures_meet(chart):
        yield Misfit(("chart",), "figures", say.FIGURES_OVERLAP.format(**where))


def _figures_meet(chart) -> bool:
    """Whether the ink of two figures written at bars' ends overlaps (their boxes have room
    around the words, which may overlap unseen)."""
    plot = chart.plot
    rects: list[QRectF] = [_ink(plot, key) for key in plot.bars if plot.labels[key].toPlainText()]
    rects.sort(key=lambda r: (r.left(), r.top()))
    for k, rect in enumerate(rects):
        for other in rects[k + 1:]:
            if other.left() >= rect.right():
                break
            if rect.intersects(other):
                return True
    return False


def _ink(plot, key) -> QRectF:
    """Where a figure's letters are drawn, in the plot's viewport pixels."""
    label = plot.labels[key]
    box = plot.label_rect(key)
    item = label.textItem
    margin = item.document().documentMargin()
    metrics = QFontMetricsF(item.font())
    ink = metrics.tightBoundingRect(label.toPlainText())
    return ink.translated(box.left() + margin, box.top() + margin + metrics.ascent())
