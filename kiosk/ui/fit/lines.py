"""Text broken into lines the way a word-wrapped QLabel breaks it (Qt's own line breaker)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from kiosk.hyphens import drawn, plain
from kiosk.ui.tiles import ELLIPSIS


def text_lines(text: str, font: QFont, width: float) -> list[str]:
    """``text`` in the lines a word-wrapped label ``width`` px wide shows it in."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(drawn(paragraph[line.textStart():line.textStart() + line.textLength()]))
        layout.endLayout()
    return lines


def label_lines(label: QLabel) -> list[str]:
    """The lines a word-wrapped label shows its text in, at its width."""
    return text_lines(label.text(), label.font(), label.contentsRect().width())


def words(lines) -> int:
    return sum(len(line.split()) for line in lines)


def shown_characters(shown: str) -> int:
    """How many characters of a cut text are still shown (the ellipsis not counted)."""
    return len(" ".join(shown.replace(ELLIPSIS, " ").split()))


def is_cut(name: str, lines: list[str]) -> bool:
    """Whether ``lines``, a text's lines as drawn, leave part of ``name`` out (a hyphen drawn
    where a long word breaks leaves nothing out)."""
    def letters(text: str) -> str:
        return "".join(plain(text).replace("-", "").split())

    return letters("".join(lines)) != letters(name)
