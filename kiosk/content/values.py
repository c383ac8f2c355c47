"""The values content is written in: texts, files, colours, figures, and where they were written.

These are shared by the page classes (:mod:`kiosk.content.pages`), the exhibit.yaml blocks
(:mod:`kiosk.content.exhibit`) and the exhibit itself (:mod:`kiosk.content.model`, which
re-exports every name here). The helpers ``doc``, ``label`` and ``derived`` make the field
metadata that the loader, the JSON Schema and the guide read.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Optional


def doc(text: str, **more) -> dict:
    """Field metadata: the text the schema and guide show for a key."""
    return {"doc": text, **more}


def label(text: str, *placeholders: str) -> dict:
    """Metadata for one of the kiosk's own words; ``placeholders`` are the names the kiosk
    fills in ({page}), and the only ones the label may use."""
    return {"doc": text, "placeholders": placeholders}


def derived(text: str) -> dict:
    """Metadata for a field the loader fills in, not a YAML key."""
    return {"doc": text, "yaml": False}


@dataclass(frozen=True)
class Origin:
    """Where a piece of content was written: a file relative to the content folder, a line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Text:
    """A visible text: one string for every language, or one per language.

    The loader never makes a Text without a string in it. One that lacks a language (an
    exhibit.yaml text not yet translated) shows the first language's text in its place."""

    by_lang: tuple[tuple[str, str], ...]

    @classmethod
    def plain(cls, text: str) -> "Text":
        return cls((("*", text),))

    def get(self, lang: str, fallback: str = "") -> str:
        """The text in ``lang``; the first language's text where that one is missing."""
        first = None
        for code, text in self.by_lang:
            if code == lang or code == "*":
                return text
            if first is None:
                first = text
        return first if first is not None else fallback

    def first(self) -> str:
        """The text in the first language given ("" for a Text with none)."""
        return self.by_lang[0][1] if self.by_lang else ""

    def all(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.by_lang)


class Markdown(Text):
    """A visible text in the Markdown subset: paragraphs, *emphasis*, **strong**, lists."""


class FileRef(str):
    """A path to a file in the content folder, relative to the YAML file that names it."""


class Colour(str):
    """A colour as #rgb, #rrggbb or #aarrggbb."""


class PinHash(str):
    """The admin PIN as the salted hash that ``kiosk admin-pin`` prints."""


class ScreenSize(str):
    """A screen the exhibit is made for, in pixels as WIDTHxHEIGHT: 1920x1080."""

    @property
    def width(self) -> int:
        return int(self.partition("x")[0])

    @property
    def height(self) -> int:
        return int(self.partition("x")[2])


def minutes(text: str) -> int:
    """Minutes since midnight of a time written H:MM or HH:MM (as the loader keeps it)."""
    hours, _, mins = text.partition(":")
    return int(hours) * 60 + int(mins)


class ClockTime(str):
    """A time of day, HH:MM on the kiosk's own clock: "03:30"."""

    @property
    def minutes(self) -> int:
        return minutes(self)


CLOSED = "closed"


class Hours(str):
    """A day's opening hours as the loader keeps them: "10:00-17:00", several spans
    "10:00-12:00, 13:00-17:00", or "closed"."""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Each span as (opens, closes) in minutes since midnight; none for a closed day."""
        if self == CLOSED:
            return ()
        pairs = (span.split("-") for span in self.split(", "))
        return tuple((minutes(start), minutes(end)) for start, end in pairs)


class CellKind(Enum):
    KNOWN = "known"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not applicable"


@dataclass(frozen=True)
class Cell:
    """One figure of a chart: a number, unknown (``?``), or not applicable (``-``)."""

    value: Optional[float]
    kind: CellKind = CellKind.KNOWN
    note: Optional[Text] = None
