"""Breaking short texts into lines by hand: for words drawn without a label (chart names) and
for sizing things to their words (timeline cards). No widgets here, only font metrics."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from kiosk.hyphens import SOFT_HYPHEN, drawn


def _pieces(text: str) -> list[tuple[str, str]]:
    """The text's words, split after hyphens and soft hyphens too: (piece, what joins it to the
    one before)."""
    pieces = []
    for word in text.split():
        # "Socialist-/Revolutionary", not "NEP-/men"; "tvångs\u00ad/kollektiviseringen"
        parts = re.split(rf"(?<=\w{{5}}-)(?=\w{{5}})|(?<={SOFT_HYPHEN})", word)
        pieces += [(part, " " if k == 0 else "") for k, part in enumerate(parts) if part]
    return pieces


def wrap_lines(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``text`` broken at spaces (and after hyphens: "Socialist-/Revolutionary", or at the soft
    hyphens of a long word) into lines of at most ``width`` px; a long word without them stays
    whole."""
    lines: list[str] = []
    for piece, joint in _pieces(text):
        trial = f"{lines[-1]}{joint}{piece}" if lines else piece
        if lines and metrics.horizontalAdvance(drawn(trial)) <= width:
            lines[-1] = trial
        else:
            lines.append(piece)
    return [drawn(line) for line in lines]


def fitting_width(texts: list[str], font: QFont, max_lines: int, limit: float) -> float:
    """The narrowest width (up to ``limit``) at which every text wraps into ``max_lines`` lines."""
    metrics = QFontMetricsF(font)
    width = max((metrics.horizontalAdvance(drawn(p)) for t in texts for p, _ in _pieces(t)), default=0.0)
    step = max(2.0, metrics.averageCharWidth() / 2)
    while width < limit and any(len(wrap_lines(t, metrics, width)) > max_lines for t in texts):
        width += step
    return min(width, limit)


def wrap_text(text: str, font: QFont, width: float, max_lines: int) -> str:
    """``text`` broken into lines of at most ``width`` px, the last one elided past ``max_lines``."""
    metrics = QFontMetricsF(font)
    lines = wrap_lines(text, metrics, width)
    max_lines = max(1, max_lines)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]  # elided below
    elide = Qt.TextElideMode.ElideRight
    return "\n".join(metrics.elidedText(line, elide, width) for line in lines)
