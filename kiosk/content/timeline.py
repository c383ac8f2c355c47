"""A timeline event's year, read from its date where the curator left ``year:`` out."""

from __future__ import annotations

import dataclasses
import re

from .convert import INVALID, Context
from .model import TimelineEvent

YEAR = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")


def place_event(event: TimelineEvent, node, ctx: Context, keys: tuple):
    """The event with its year filled in (the TimelineEvent hook)."""
    if event.year is not None:
        return event
    found = YEAR.search(event.date.all()[0])
    if found is None:
        return ctx.error(node, keys, f"the date '{event.date.all()[0]}' has no year in it: add "
                         "'year:' with the year that places the event on the line")
    return dataclasses.replace(event, year=int(found.group(1)))
