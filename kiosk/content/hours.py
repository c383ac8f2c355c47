"""Reading opening hours and times of day from exhibit.yaml.

A day's hours are one span, ``10:00-17:00``, several (``10:00-12:00, 13:00-17:00``, or a list),
or ``closed``. Times are the kiosk's own clock, 24 hours, ``24:00`` only as the end of a day.
Each value is read as written (``10:00`` is not YAML's sexagesimal 600). On the floor a day
whose hours cannot be read stays open all day: the kiosk would rather show the exhibit than
stay dark until the mistake is fixed.
"""

from __future__ import annotations

import re
from typing import Any, Optional

import yaml

from .context import INVALID, Context, describe, tag
from .values import CLOSED, ClockTime, Hours

TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
DASHES = re.compile(r"\s*[-–—]\s*")  # a dash, or the en dash a word processor puts in
ALL_DAY = Hours("00:00-24:00")
HOURS_FORM = "expected opening hours like 10:00-17:00 (from-to, 24-hour clock), or closed"
TIME_FORM = "write it as hours and minutes on the 24-hour clock, 00:00 to 23:59, like 09:30"


def hours(node: yaml.Node, ctx: Context, keys) -> Any:
    """A day's hours, kept as "10:00-12:00, 13:00-17:00" or "closed"; all day after an error."""
    if isinstance(node, yaml.SequenceNode) and all(_is_text(item) for item in node.value):
        parts = [item.value for item in node.value]
    elif _is_text(node):
        parts = node.value.split(",")
    else:
        ctx.error(node, keys, f"{HOURS_FORM}; got {describe(node)}")
        return ALL_DAY
    texts = [part.strip() for part in parts]
    if texts == [CLOSED]:
        return Hours(CLOSED)
    spans = []
    for text in texts:
        span = _span(text, node, ctx, keys)
        if span is None:
            return ALL_DAY
        spans.append(span)
    if not _apart(sorted(spans), node, ctx, keys):
        return ALL_DAY
    return Hours(", ".join(f"{_hhmm(start)}-{_hhmm(end)}" for start, end in sorted(spans)))


def clock_time(node: yaml.Node, ctx: Context, keys) -> Any:
    """A time of day, HH:MM, kept as "03:30"."""
    text = node.value.strip() if _is_text(node) else ""
    found = _minutes(text)
    if found is None or found >= 24 * 60:
        shown = describe(node) if not text else f"'{text}'"
        return ctx.error(node, keys, f"expected a time of day, like \"03:30\"; got {shown}: {TIME_FORM}")
    return ClockTime(_hhmm(found))


def _span(text: str, node, ctx: Context, keys) -> Optional[tuple[int, int]]:
    ends = DASHES.split(text)
    if len(ends) != 2 or not all(TIME.match(end) for end in ends):
        if text == CLOSED:
            ctx.error(node, keys, "a day is either closed or open for some hours: write closed alone, "
                      "or only the hours")
        else:
            ctx.error(node, keys, f"{HOURS_FORM}; got '{text}'")
        return None
    start, end = (_minutes(end) for end in ends)
    for written, value, last in ((ends[0], start, 23 * 60 + 59), (ends[1], end, 24 * 60)):
        if value is None or value > last:
            ctx.error(node, keys, f"'{written}' in '{text}' is no time of day: {TIME_FORM}"
                      + (" (24:00 only as a closing time)" if written.startswith("24") else ""))
            return None
    if end <= start:
        ctx.error(node, keys, f"'{text}' closes before it opens: write the opening time first, like "
                  "10:00-17:00; a day ends at 24:00, so hours after midnight go under the next day")
        return None
    return start, end


def _apart(spans: list[tuple[int, int]], node, ctx: Context, keys) -> bool:
    """False (after saying so) when two spans of one day overlap."""
    for (start, end), (later, last) in zip(spans, spans[1:]):
        if later < end:
            ctx.error(node, keys, f"{_hhmm(start)}-{_hhmm(end)} and {_hhmm(later)}-{_hhmm(last)} overlap: "
                      f"write them as one span, {_hhmm(start)}-{_hhmm(max(end, last))}")
            return False
    return True


def _minutes(text: str) -> Optional[int]:
    found = TIME.match(text)
    if not found:
        return None
    hours_, minutes_ = int(found.group(1)), int(found.group(2))
    if minutes_ > 59 or hours_ > 24 or (hours_ == 24 and minutes_):
        return None
    return hours_ * 60 + minutes_


def _hhmm(minutes_: int) -> str:
    return f"{minutes_ // 60:02d}:{minutes_ % 60:02d}"


def _is_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and tag(node) != "null" and bool(node.value.strip())
