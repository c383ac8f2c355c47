"""A picture drawn as large as its widget allows: SVG crisp at any size, PNG and JPEG smooth-scaled."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

SVG_SUFFIXES = (".svg", ".svgz")


class ImageView(QWidget):
    """A picture drawn as large as the widget allows with its aspect kept.

    SVG is rendered by QSvgRenderer at the size it is shown, so it stays crisp at any size;
    PNG and JPEG are smooth-scaled once per size. A file that cannot be read draws nothing.
    """

    def __init__(self, path: Path, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._svg: Optional[QSvgRenderer] = None
        self._pixmap: Optional[QPixmap] = None
        self._scaled: Optional[QPixmap] = None
        self._natural = QSize()
        if path.suffix.lower() in SVG_SUFFIXES:
            renderer = QSvgRenderer(str(path), self)
            if renderer.isValid():
                self._svg, self._natural = renderer, renderer.defaultSize()
        else:
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                self._pixmap, self._natural = pixmap, pixmap.size()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def natural_size(self) -> QSize:
        """The picture's own size (empty when it could not be read)."""
        return QSize(self._natural)

    def fitted_size(self, room: QSize) -> QSize:
        """The largest size with the picture's aspect that fits in ``room``."""
        if self._natural.isEmpty():
            return QSize(0, 0)
        return self._natural.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)

    def picture_rect(self) -> QRect:
        """Where the picture is drawn (centred), in the widget's coordinates."""
        size = self.fitted_size(self.size())
        x, y = (self.width() - size.width()) // 2, (self.height() - size.height()) // 2
        return QRect(x, y, size.width(), size.height())

    def sizeHint(self) -> QSize:
        return self._natural if not self._natural.isEmpty() else QSize(1, 1)

    def minimumSizeHint(self) -> QSize:
        return QSize(1, 1)

    def paintEvent(self, event) -> None:
        target = self.picture_rect()
        if target.isEmpty():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._svg is not None:
            self._svg.render(painter, QRectF(target))
        elif self._pixmap is not None:
            painter.drawPixmap(target.topLeft(), self._scaled_pixmap(target.size()))

    def _scaled_pixmap(self, size: QSize) -> QPixmap:
        ratio = self.devicePixelRatioF()
        wanted = size * ratio
        if self._scaled is None or self._scaled.size() != wanted:
            self._scaled = self._pixmap.scaled(
                wanted, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self._scaled.setDevicePixelRatio(ratio)
        return self._scaled
