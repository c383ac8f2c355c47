"""The kiosk at a visitor's screen size, inside the curator's window: drawn at that logical size
and scaled down (never up) to fit, so the layout is exactly the visitor's."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsProxyWidget, QGraphicsScene, QGraphicsView, QWidget

BACKDROP = "#3c3f44"  # around the kiosk's screen, so its edges show


class Stage(QGraphicsView):
    """Shows one kiosk window (or nothing) at its own size, scaled to fit."""

    scale_changed = Signal(float)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("stage")
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor(BACKDROP))
        self.setAlignment(Qt.AlignCenter)
        self._proxy: Optional[QGraphicsProxyWidget] = None

    def show_window(self, window: QWidget) -> None:
        """Show ``window`` (not yet shown, with no parent) in place of the one shown before, which
        is deleted with its proxy."""
        self.clear()
        self._proxy = self.scene().addWidget(window)
        self._fit()

    def clear(self) -> None:
        if self._proxy is not None:
            self.scene().removeItem(self._proxy)
            self._proxy.deleteLater()  # and the window it holds
            self._proxy = None

    @property
    def scale(self) -> float:
        """How much the kiosk's screen is scaled down to fit (1: shown at its own size)."""
        return self.transform().m11()

    def screen_size(self) -> QSize:
        return self._proxy.widget().size() if self._proxy is not None else QSize()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._proxy is None:
            return
        size = self._proxy.widget().size()
        self.setSceneRect(QRectF(0, 0, size.width(), size.height()))
        room = self.viewport().size()
        scale = min(1.0, room.width() / max(1, size.width()), room.height() / max(1, size.height()))
        if scale != self.scale:
            self.setTransform(QTransform.fromScale(scale, scale))
            self.scale_changed.emit(scale)
