"""What does not fit on a page view as laid out: text past the screen, captions, small pictures."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.limits import SVG_SUFFIXES
from kiosk.ui.widgets import MarkdownLabel

from kiosk.content.problems import plural

from . import messages as say
from .lines import label_lines, words

BLUR_FACTOR = 1.5  # a picture drawn larger than this many times its own pixels looks blurred


@dataclass(frozen=True)
class Misfit:
    """One thing that does not fit: the keys of the value it is about (below the page, names
    and 0-based numbers), what kind of misfit it is, and the message."""

    keys: tuple
    kind: str
    message: str


def page_misfits(view, stage) -> Iterator[Misfit]:
    """Everything that does not fit on ``view`` at the stage's size and text size."""
    kind = view.page.type
    if kind == "text":
        yield from _scrolls(view, view.body_label, ("body",), stage)
    elif kind in ("figure", "quote"):
        last = next((key, label) for key, label in _texts(view) if label is not None and not label.isHidden())
        yield from _scrolls(view, last[1], (last[0],), stage)
    elif kind == "image":
        yield from _caption(view, stage)
        yield from _blurred(view, stage)
    elif kind == "chart":
        yield from _side_scrolls(view, stage)
        from .charts import chart_misfits  # pyqtgraph only where there is a chart

        yield from chart_misfits(view, stage)


def _where(stage) -> dict:
    return {"size": say.size_text(stage.size), "scaled": say.scaled_text(stage.scale)}


def _past(label: MarkdownLabel, visible: float) -> tuple[int, int, int]:
    """Lines needed, lines shown within ``visible`` px of the label's top, and words past them."""
    lines = label.laid_out_lines(label.width())
    shown = [text for bottom, text in lines if bottom <= visible + 0.5]
    return len(lines), len(shown), words(text for bottom, text in lines if bottom > visible + 0.5)


def _scrolls(view, label: QWidget, keys: tuple, stage) -> Iterator[Misfit]:
    """A page that scrolls at normal text size (at a larger one it may: the visitor chose it)."""
    area = view.scroll_area_for(Qt.Orientation.Vertical)
    if area is None or stage.scale != 1.0:
        return
    port = area.viewport().height()
    content = area.widget().height()
    top = label.mapTo(area.widget(), QPoint(0, 0)).y()
    _, _, past = _label_past(label, port - top)
    screens = math.ceil(content / port * 10) / 10
    yield Misfit(keys, "scrolls", say.SCROLLS.format(screens=f"{screens:.1f}", words=plural(max(1, past), "word"), **_where(stage)))


def _side_scrolls(view, stage) -> Iterator[Misfit]:
    area = view.scroll_area_for(Qt.Orientation.Vertical)
    if area is None or stage.scale != 1.0:
        return
    if view.chart.minimumHeight() > area.viewport().height():  # the chart itself needs the scroll
        screens = math.ceil(area.widget().height() / area.viewport().height() * 10) / 10
        yield Misfit(("chart",), "scrolls", say.CHART_SCROLLS.format(screens=f"{screens:.1f}", **_where(stage)))
        return
    if not view.text.isVisibleTo(view):
        return
    # The text, and under it the chart's footnote (beside the chart on a landscape page): each
    # must show whole beside the chart, not run on past the screen into a scroll.
    for keys, label in ((("text",), view.text), (("chart", "footnote"), view.footnote)):
        if not label.isVisibleTo(view) or area.widget() is not label.parentWidget() and \
                not area.widget().isAncestorOf(label):
            continue
        top = label.mapTo(area.widget(), QPoint(0, 0)).y()
        needed, shown, past = _label_past(label, area.viewport().height() - top)
        if past:
            yield Misfit(keys, "scrolls", say.SIDE_SCROLLS.format(
                needed=plural(needed, "line"), shown=shown, words=plural(past, "word"), **_where(stage)))
            return


def _texts(view) -> list[tuple[str, QWidget]]:
    """A figure's or quotation's texts, the last on the page first, with their keys."""
    return [("context", getattr(view, "context_label", None)),
            ("attribution", getattr(view, "attribution_label", None)),
            ("label", getattr(view, "label_label", None)), ("quote", getattr(view, "quote_label", None))]


def _label_past(label: QWidget, room: float) -> tuple[int, int, int]:
    if isinstance(label, MarkdownLabel):
        return _past(label, room)
    lines = label_lines(label)
    height = label.fontMetrics().lineSpacing()
    shown = max(0, min(len(lines), int((room + 0.5) // height)))
    return len(lines), shown, words(lines[shown:])


def _caption(view, stage) -> Iterator[Misfit]:
    """A caption (or credit) that runs past the room the picture leaves it."""
    group = view.composition
    column = group.label
    for key, label in (("caption", view.caption_label), ("credit", view.credit_label)):
        top = label.mapTo(group, QPoint(0, 0)).y()
        room = min(group.height() - top, column.height() - label.y())
        if isinstance(label, QLabel) and label.text():
            needed, shown, past = _label_past(label, room)
            if needed > shown:
                yield Misfit((key,), "cut", say.CAPTION.format(
                    needed=plural(needed, "line"), shown=shown, words=plural(max(1, past), "word"), **_where(stage)))
                return


def _blurred(view, stage) -> Iterator[Misfit]:
    """A picture drawn at more than ``BLUR_FACTOR`` times its own pixels (at normal text size:
    a larger text leaves the picture less room)."""
    image = view.image_view
    if stage.scale != 1.0 or str(view.page.file).lower().endswith(SVG_SUFFIXES):
        return
    natural, shown = image.natural_size(), image.picture_rect().size()
    if natural.isEmpty() or shown.isEmpty():
        return
    if shown.width() > natural.width() * BLUR_FACTOR:
        yield Misfit(("file",), "blurred", say.BLURRED.format(
            size=say.size_text(stage.size), width=natural.width(), height=natural.height(),
            shown_w=shown.width(), shown_h=shown.height(), need=shown.width()))
