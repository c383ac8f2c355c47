"""Fit checks: what does not fit on the kiosk's screens, measured with the real fonts and layout.

``check_fit`` builds the kiosk's own page views (through a real page library, at the size the
chapter screen gives its page strip) and its home screen offscreen, at each screen the exhibit
targets (exhibit.yaml's ``screens``) and at each text size, in the bundled fonts, and reads
what the layout made of them: lines, heights, what was elided. Nothing is estimated from a
count of words.

What is a warning:

- At normal text size (1.0×): a page that needs scrolling to be read (its body, or the text
  beside a chart), and a picture drawn at more than 1.5 times its own pixels (it looks blurred).
- At every text size, 1.5× included: anything CUT — a caption or credit past the room
  its picture leaves it, a chart's name or axis title elided with "…", figures at the ends of
  bars that run into each other, a tile title over two lines, a teaser its tile cuts, a home
  screen that cannot hold the chapters.
- Not a warning: a page that scrolls at 1.5× only. The visitor chose the larger text, and the
  page scrolls; what it shows is still whole.
- Charts too dense to read from two metres (at 1.0×): a category given less room across its
  bars than a fingertip — the kiosk's tap target, ``tap_target_mm`` at the screen's dots per
  inch (measured at 96 dpi, as ``kiosk proof`` renders), and at least 64 px at 1080p. See
  :mod:`kiosk.ui.fit.charts`.

A misfit found at 1.0× is not reported again at 1.5× for the same screen. Each warning points
at the chapter.yaml line of the key it is about (``pages → 3 → body``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from kiosk.content.model import ScreenSize
from kiosk.content.problems import WARNING, Problem, shown_path
from kiosk.content.result import LoadResult

from .where import KeyLines

SCALES = (1.0, 1.5)  # normal text, and the largest of kiosk.session.TEXT_SCALES
CHAPTER_FILE = "chapter.yaml"
EXHIBIT_FILE = "exhibit.yaml"


def check_fit(result: LoadResult, sizes: Optional[Iterable] = None,
              scales: Optional[Iterable[float]] = None) -> list[Problem]:
    """Fit warnings for the loaded exhibit at ``sizes`` ((width, height) pairs or '1920x1080';
    the exhibit's ``screens`` when None) and text ``scales`` (1.0 and 1.5 when None)."""
    exhibit = result.exhibit
    if exhibit is None or not exhibit.chapters:
        return []
    from .run import FitRun

    targets = [_size(s) for s in (exhibit.screens if sizes is None else sizes)]
    return FitRun(exhibit, KeyLines(Path(exhibit.root))).run(targets, tuple(scales or SCALES))


def _size(size) -> tuple[int, int]:
    if isinstance(size, str):
        screen = ScreenSize(size.replace("×", "x"))
        return screen.width, screen.height
    width, height = size
    return int(width), int(height)


__all__ = ["SCALES", "check_fit", "Problem", "WARNING", "shown_path", "CHAPTER_FILE", "EXHIBIT_FILE"]
