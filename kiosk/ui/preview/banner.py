"""The banner over the preview when the content has problems: each as ``file:line: message``."""

from __future__ import annotations

from typing import Optional, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.problems import Problem
from kiosk.preview import headline, problem_lines

TEXT_PX, HEADLINE_PX = 16, 17
LINES_SHOWN = 8  # problems shown before the list scrolls
STYLE = """
QFrame#banner {{ background: #fff1c7; border-bottom: 3px solid #b3261e; }}
QFrame#banner QLabel {{ color: #2b1d00; background: transparent; font-family: "{family}"; }}
QFrame#banner QLabel#banner-headline {{ font-size: {headline}px; font-weight: bold; color: #8c1d18; }}
QFrame#banner QLabel#banner-problems {{ font-size: {text}px; }}
QFrame#banner QScrollArea {{ background: transparent; border: none; }}
"""


class ProblemBanner(QFrame):
    """Lists the newest load's problems above the kiosk; hidden while there are none."""

    def __init__(self, family: str = "Noto Sans", parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.headline = QLabel()
        self.headline.setObjectName("banner-headline")
        self.headline.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("banner-problems")
        self.problems.setTextFormat(Qt.PlainText)  # a file named with < or & is shown as it is
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextSelectableByMouse)  # to copy a file's name
        self.problems.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.area.setWidget(self.problems)
        self.area.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addWidget(self.headline)
        layout.addWidget(self.area)
        self._rows, self._room = 1, 10**6
        self.set_family(family)
        self.hide()

    def set_family(self, family: str) -> None:
        """Draw the banner in the kiosk's body font."""
        self.setStyleSheet(STYLE.format(family=family, text=TEXT_PX, headline=HEADLINE_PX))
        font = QFont(family)
        font.setPixelSize(TEXT_PX)
        self._line_px = QFontMetrics(font).lineSpacing()

    def set_room(self, px: int) -> None:
        """The most height the list may take before it scrolls (a part of the window's)."""
        self._room = px
        self._update_height()

    def show_problems(self, problems: Sequence[Problem], shown: str) -> None:
        """List ``problems`` (hide the banner if there are none); ``shown``: what is on screen."""
        if not problems:
            self.hide()
            self.headline.clear()
            self.problems.clear()
            return
        lines = problem_lines(problems)
        self.headline.setText(headline(problems, shown))
        self.problems.setText("\n".join(lines))
        self._rows = min(len(lines), LINES_SHOWN) + 1  # a line more for the ones that wrap
        self._update_height()
        self.show()

    def _update_height(self) -> None:
        self.area.setFixedHeight(max(self._line_px, min(self._rows * self._line_px + 4, self._room)))

    def lines(self) -> list[str]:
        """The problems as listed (for tests and the curious)."""
        text = self.problems.text()
        return text.split("\n") if text else []

