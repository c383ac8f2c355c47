"""Years on a timeline: read from an event's date where the curator left ``year:`` out.

``year_of`` and ``year_span`` are plain Python, for the timeline's view as much as the loader.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Optional, Sequence

from .model import TimelineEvent

if TYPE_CHECKING:  # the views read years too, and need no YAML for it
    from .context import Context

YEAR = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")


def year_of(text: str) -> Optional[int]:
    """The first year (three or four digits standing alone) written in ``text``, or None."""
    found = YEAR.search(text)
    return int(found.group(1)) if found else None


def year_span(events: Sequence[TimelineEvent]) -> tuple[int, int]:
    """The first and last year of a line of ``events``: their years, and every year written in
    their dates in any language; (0, -1) when there is none."""
    years = [event.year for event in events if event.year is not None]
    for event in events:
        years += [int(year) for text in event.date.all() for year in YEAR.findall(text)]
    return (min(years), max(years)) if years else (0, -1)


def place_event(event: TimelineEvent, node, ctx: Context, keys: tuple):
    """The event with its year filled in (the TimelineEvent hook)."""
    if event.year is not None:
        return event
    date = event.date.first()
    year = year_of(date)
    if year is None:
        return ctx.error(node, keys, f"the date '{date}' has no year in it: add 'year:' with the "
                         "year that places the event on the line")
    return dataclasses.replace(event, year=year)
