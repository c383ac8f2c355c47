"""The attract screen's fit: each highlight's line within the lines the screen gives it."""

from __future__ import annotations

import math
from typing import Iterator

from kiosk.content.problems import plural
from kiosk.ui.attract import line_room

from . import messages as say


def attract_misfits(stage) -> Iterator[tuple[int, str, str]]:
    """(highlight index, kind, message) for each line longer than the attract screen holds."""
    attract = stage.attract()
    where = {"size": say.size_text(stage.size), "scaled": say.scaled_text(stage.scale)}
    for index in range(len(attract.highlights)):
        attract.show_highlight(index)
        needed, most = attract.line_lines(), line_room(stage.size)
        if needed > most:
            text = attract.line.text()
            chars = max(1, math.floor(len(text) * most / needed))
            yield index, "attract", say.ATTRACT_LINE.format(
                needed=plural(needed, "line"), most=plural(most, "line"), chars=chars, **where)
