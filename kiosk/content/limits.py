"""The most a content file may hold, in one place.

No real exhibit comes near these limits (the shipped one stays below a hundredth of each); they
are there so that content of any size, a spreadsheet exported whole or a drawing that repeats
itself a billion times, gets a message within seconds and in bounded memory, instead of
freezing the kiosk. Sizes are looked up before a file is read, and a file is read only as far
as the first limit it passes. The authoring guide (content/README.md, "Limits") lists them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

KB = 1024
MB = 1024 * KB

YAML_BYTES = 1 * MB
"""An exhibit.yaml or chapter.yaml (the largest shipped one is 6 KB)."""
CSV_BYTES = 1 * MB
CSV_ROWS = 1000
"""Rows of figures in a CSV file, after its header."""
CHART_BARS = 500
"""Bars (or points) in one chart: its categories times its series."""
SVG_BYTES = 5 * MB
"""An SVG file, and an .svgz once unpacked."""
SVG_ELEMENTS = 20_000
"""Elements an SVG draws, counting each <use> as the elements it repeats."""
SVG_DEPTH = 50
"""Elements inside elements, in an SVG."""
SVG_USE_DEPTH = 10
"""A <use> of something that holds a <use> of something …, in an SVG."""
IMAGE_BYTES = 50 * MB
"""A PNG, JPEG or other picture file."""
IMAGE_PIXELS = 8192 * 8192
"""Pixels of a picture (width times height): also the most Qt opens at all, 256 MB decoded."""
TEXT_WORDS = 2000
"""Words in one text (a body, a caption …)."""
TEXT_CHARACTERS = 20_000
"""Characters in one text."""

SVG_SUFFIXES = (".svg", ".svgz")


def size_of(path: Path) -> Optional[int]:
    """The file's size in bytes from the file system, without reading it; None if unknown."""
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def megabytes(count: int) -> str:
    """A size as a person reads it: '2.5 MB', '1 MB', '300 KB'."""
    if count < MB:
        return f"{max(1, round(count / KB))} KB"
    shown = f"{count / MB:.1f}".removesuffix(".0")
    return f"{shown} MB"


def too_large(what: str, size: int, limit: int, fix: str) -> str:
    """The message for a file over its size limit: its size, the limit and the fix."""
    return f"{what} is {megabytes(size)}, more than the kiosk reads (at most {megabytes(limit)}): {fix}"


def number(count: int) -> str:
    """A count with thousands separated: 20,000."""
    return f"{count:,}"


def file_bytes_limit(path: Path) -> int:
    """The byte limit of a file that a page shows (a picture or a CSV file), by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return CSV_BYTES
    return SVG_BYTES if suffix in SVG_SUFFIXES else IMAGE_BYTES
