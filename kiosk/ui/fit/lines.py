"""Text broken into lines the way a word-wrapped QLabel breaks it (Qt's own line breaker)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

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
            lines.append(paragraph[line.textStart():line.textStart() + line.textLength()])
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


def is_cut(name: str, drawn: list[str]) -> bool:
    """Whether ``drawn``, a text's lines as drawn, leaves part of ``name`` out."""
    return "".join("".join(drawn).split()) != "".join(name.split())
