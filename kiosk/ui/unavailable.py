"""What visitors see when there is no content to run: a calm card, never the desktop or an error.

With no usable exhibit.yaml there are no labels and no theme to take words or colours from, so
this screen speaks plainly in the kiosk's default theme, and stays until the floor can run
content again (it asks every few seconds).
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Theme
from kiosk.ui.theme import make_theme

TITLE = "This exhibit is resting for a moment"
BODY = "It will be back shortly. Please ask a member of staff if it does not return."


class UnavailableScreen(QWidget):
    """'Temporarily unavailable', centred, in the default theme."""

    def __init__(self, size: QSize, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ui = make_theme(Theme(), size, 96)
        self.setObjectName("unavailable")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WA_StyledBackground)
        self.title = QLabel(TITLE)
        self.title.setProperty("role", "title")
        self.body = QLabel(BODY)
        self.body.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.setSpacing(self.ui.gap)
        layout.addStretch(1)
        for label in (self.title, self.body):
            label.setAlignment(Qt.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        margin = self.ui.margin * 2
        layout.setContentsMargins(margin, margin, margin, margin)

    def stylesheet(self) -> str:
        return self.ui.stylesheet()
