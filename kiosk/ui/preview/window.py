"""The curator's preview window: the toolbar, the problem banner, and the kiosk's screen below."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from kiosk.ui.preview.banner import ProblemBanner
from kiosk.ui.preview.stage import Stage
from kiosk.ui.preview.toolbar import PreviewToolbar


class PreviewWindow(QMainWindow):
    """A normal window, to sit beside the curator's editor."""

    closed = Signal()

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.toolbar = PreviewToolbar(self)
        self.addToolBar(self.toolbar)
        self.banner = ProblemBanner(parent=self)
        self.stage = Stage()
        self.stage.scale_changed.connect(self.toolbar.show_scale)
        middle = QWidget(self)
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stage, 1)
        self.setCentralWidget(middle)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.banner.set_room(self.height() // 4)  # the kiosk keeps the most of the window

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().closeEvent(event)
        self.closed.emit()
