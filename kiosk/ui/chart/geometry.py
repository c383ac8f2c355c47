"""Where a chart's bars go and how its words wrap: plain arithmetic, no pyqtgraph.

The value axis is in log10 on a log scale. Categories sit at 0, 1, 2 ... along the other
axis; each owns the band from ``c - 0.5`` to ``c + 0.5``, and a tap anywhere in it selects it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF

from kiosk.content.model import CellKind, ChartSpec
from kiosk.ui.pages.wrapping import fitting_width, wrap_lines, wrap_text

__all__ = ["Bar", "fitting_width", "layout_bars", "line_height", "name_lines", "value_top", "wrap_lines",
           "wrap_text"]

GROUP = 0.74  # share of a category's band taken by its bars; the rest separates categories
BAR = 0.86  # share of a series' slot taken by its bar; the rest separates the series
LEADING = 1.12  # line height of category names, in ems: set close, so that two fit a narrow band
NAME_ROOM = 0.96  # share of a band's height its name may take; the rest keeps names apart


@dataclass(frozen=True)
class Bar:
    """Where one cell is drawn, in view coordinates (the value axis in log10 on a log scale)."""

    centre: float
    thickness: float
    start: float
    end: float
    kind: CellKind

    def end_at(self, progress: float) -> float:
        """The bar's end while it grows: ``progress`` 0 at the base line, 1 at full length."""
        return self.start + (self.end - self.start) * progress


def _value_span(spec: ChartSpec) -> tuple[float, float]:
    """The value axis' base and the data's top.

    An unknown figure's bar runs the whole length, from the base to the top, hatched and
    marked "not known" at its start: a short stub would read as a small number, and a bar as
    long as the whole chart, striped and named, reads as no figure at all."""
    known = [c.value for s in spec.series_resolved for c in s.cells if c.kind is CellKind.KNOWN]
    if spec.scale == "log":
        positive = [v for v in known if v > 0] or [1.0]
        # The base sits one decade below the smallest figure's decade, so the smallest known
        # bar still has a readable length (a log axis has no zero).
        return math.floor(math.log10(min(positive))) - 1, math.log10(max(positive))
    return 0.0, max(known + [1.0])


def layout_bars(spec: ChartSpec) -> tuple[dict[tuple[int, int], Bar], float, float]:
    """Every cell's bar keyed by (series, category), the value axis' base and data top."""
    log = spec.scale == "log"
    base, top = _value_span(spec)
    n_series = max(1, len(spec.series_resolved))
    line = spec.kind == "line"
    slot = 1.0 if line else GROUP / n_series
    thickness = 0.16 if line else slot * BAR if n_series > 1 else 0.56
    bars = {}
    for s, series in enumerate(spec.series_resolved):
        for c, cell in enumerate(series.cells):
            centre = c if line else c - GROUP / 2 + slot * (s + 0.5)
            if cell.kind is CellKind.KNOWN:
                end = (math.log10(cell.value) if cell.value > 0 else base) if log else cell.value
            elif cell.kind is CellKind.UNKNOWN:
                end = top
            else:
                end = base
            bars[s, c] = Bar(centre, thickness, base, end, cell.kind)
    return bars, float(base), float(top)


def line_height(font: QFont) -> float:
    """The distance between two lines of a category name."""
    return LEADING * (font.pixelSize() if font.pixelSize() > 0 else QFontMetricsF(font).height())


def name_lines(band: float, font: QFont) -> int:
    """How many lines of a category name fit in a band ``band`` px high (at least one)."""
    return max(1, int(band * NAME_ROOM // line_height(font)))


def value_top(bars: dict[tuple[int, int], Bar], label_lengths: dict[tuple[int, int], float],
              base: float, top: float, length: float, pad: float,
              stretch: float = 0.15) -> tuple[float, set[tuple[int, int]]]:
    """The value axis' top, and the figures written inside their bars for want of room.

    ``length`` is the value axis' length in px, ``label_lengths`` each figure's length along it.
    Figures go after their bars. Where that would stretch the axis by more than ``stretch``
    (on a log scale, for the 5,078,174 letters, by more than a decade) the axis stays tight
    and the figures that do not fit go inside the end of their own bars.
    """
    tight = base + (max(top, base + 1e-9) - base) * 1.02
    needed = {}
    for key, bar in bars.items():
        if bar.kind is CellKind.UNKNOWN:  # its words are written inside it, at its start
            needed[key] = tight
            continue
        room = length - 2 * pad - label_lengths[key]
        needed[key] = base + (bar.end - base) * length / room if room > 1 else tight
    loose = max(tight, *needed.values())
    if loose - base <= (tight - base) * (1 + stretch):
        return loose, set()
    known = {key for key, bar in bars.items() if bar.kind is CellKind.KNOWN}
    inside = {key for key, end in needed.items() if end > tight and key in known}
    return max([tight] + [end for key, end in needed.items() if key not in inside]), inside
