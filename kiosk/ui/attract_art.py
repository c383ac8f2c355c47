"""The attract screen's artwork: a chapter's picture over the whole screen, drifting slowly.

A picture is drawn once into a pixmap a little larger than its place, and the drift moves that
pixmap by whole pixels, so a frame is a plain copy, never a new scaling. Only the picture on
show and, during a cross-fade, the one before it are kept; both go when the screen hides.
With reduced motion the picture stands still and the next one comes without a fade.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QEasingCurve, QPoint, QRect, QRectF, QSize, QSizeF, Qt, QVariantAnimation, Slot
from PySide6.QtGui import QColor, QImageReader, QLinearGradient, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

DRIFT = 0.06  # the pixmap is this much larger than its place; the drift crosses that margin
MOST_CROP = 0.2  # to fill the screen, never cut more than a fifth of the picture's width or height
SCRIM_SHARE = 0.55  # the lower part of the screen darkened towards the words
TOP_SCRIM_SHARE = 0.36  # and the upper part, under the exhibit's title


def art_place(natural: QSizeF, room: QSize) -> QRect:
    """Where a picture of ``natural`` size goes in ``room``: filling it where that cuts little
    (landscape screens and pictures), else as large as cutting a fifth allows, near the top
    (a portrait screen keeps the picture's subject and leaves the words room below)."""
    if natural.isEmpty() or room.isEmpty():
        return QRect()
    fit = min(room.width() / natural.width(), room.height() / natural.height())
    fill = max(room.width() / natural.width(), room.height() / natural.height())
    scale = min(fill, fit / (1 - MOST_CROP))
    w, h = round(natural.width() * scale), round(natural.height() * scale)
    x = (room.width() - w) // 2
    y = (room.height() - h) // 2 if h >= room.height() else round((room.height() - h) * 0.38)
    return QRect(x, y, w, h)


def drift_offset(extra: QSize, progress: float, direction: int) -> QPoint:
    """How far the pixmap is moved back at ``progress`` (0 to 1) through its drift: across the
    whole of its extra width, one way or the other, and down a little."""
    p = min(1.0, max(0.0, progress))
    along = p if direction > 0 else 1 - p
    return QPoint(round(extra.width() * along), round(extra.height() * (0.25 + 0.5 * p)))


@dataclass
class Shot:
    """One picture, drawn for one place."""

    pixmap: QPixmap
    place: QRect  # where the picture goes with no drift
    direction: int  # which way it drifts: 1 or -1


def draw_picture(path: Path, room: QSize) -> Optional[tuple[QPixmap, QRect]]:
    """The picture at ``path`` drawn for ``room``, with its drift margin; None if it cannot be read."""
    svg = path.suffix.lower() in (".svg", ".svgz")
    renderer = QSvgRenderer(str(path)) if svg else None
    if svg:
        if not renderer.isValid():
            return None
        natural = renderer.viewBoxF().size()
    else:
        reader = QImageReader(str(path))
        natural = QSizeF(reader.size())
    place = art_place(natural, room)
    if place.isEmpty():
        return None
    size = QSize(round(place.width() * (1 + DRIFT)), round(place.height() * (1 + DRIFT)))
    if svg:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
    else:
        reader.setScaledSize(size)
        image = reader.read()
        if image.isNull():
            return None
        pixmap = QPixmap.fromImage(image)
    return pixmap, place


class ArtStage(QWidget):
    """The pictures behind the attract screen's words; touches pass through to the screen."""

    def __init__(self, background: QColor, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self._background = QColor(background)
        self._path: Optional[Path] = None
        self._direction = 1
        self.current: Optional[Shot] = None
        self.before: Optional[Shot] = None
        self._offset = QPoint()
        self._before_at = QPoint()
        self._fade_level = 1.0
        self.drift = QVariantAnimation(self)
        self.drift.setStartValue(0.0)
        self.drift.setEndValue(1.0)
        self.drift.valueChanged.connect(self._on_drift)
        self.fade = QVariantAnimation(self)
        self.fade.setStartValue(0.0)
        self.fade.setEndValue(1.0)
        self.fade.setEasingCurve(QEasingCurve.InOutSine)
        self.fade.valueChanged.connect(self._on_fade)
        self.fade.finished.connect(self._drop_before)

    def set_background(self, colour: QColor) -> None:
        self._background = QColor(colour)
        self.update()

    def show_picture(self, path: Optional[Path], drift_ms: int, fade_ms: int) -> None:
        """Show ``path`` (None: no picture), drifting over ``drift_ms`` (0: standing still), faded
        in over ``fade_ms`` from the picture before (0: at once)."""
        self.fade.stop()
        self.drift.stop()
        self._direction = -self._direction
        before, self._before_at = self.current, QPoint(self._offset)
        self._path = path
        self.current = self._draw()
        self.before = before if fade_ms > 0 and before is not None and self.current is not None else None
        self._offset = QPoint()
        if drift_ms > 0 and self.current is not None:
            self.drift.setDuration(drift_ms)
            self.drift.start()
        else:
            self._on_drift(0.5)  # standing still, in the middle of where it would drift
        if self.before is not None:
            self.fade.setDuration(fade_ms)
            self._fade_level = 0.0
            self.fade.start()
        else:
            self._fade_level = 1.0
        self.update()

    def still(self) -> None:
        """Movement off (reduced motion): the picture stands where it is and a fade ends."""
        self.drift.stop()
        if self.fade.state() == QVariantAnimation.Running:
            self.fade.stop()
            self._drop_before()

    def release(self) -> None:
        """Drop the pictures (the screen hides); the next ``show_picture`` draws afresh."""
        self.drift.stop()
        self.fade.stop()
        self.current = self.before = None
        self._fade_level = 1.0

    @property
    def offset(self) -> QPoint:
        """How far the picture on show is drifted back from its place, now."""
        return QPoint(self._offset)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.current is not None:
            self.before = None
            self.current = self._draw()
            self._on_drift(self.drift.currentValue() if self.drift.state() == QVariantAnimation.Running else 0.5)

    def _draw(self) -> Optional[Shot]:
        if self._path is None or self.size().isEmpty():
            return None
        drawn = draw_picture(self._path, self.size())
        return Shot(drawn[0], drawn[1], self._direction) if drawn else None

    @Slot(object)
    def _on_drift(self, value) -> None:
        shot = self.current
        if shot is None:
            return
        extra = shot.pixmap.size() - shot.place.size()
        offset = drift_offset(extra, float(value), shot.direction)
        if offset != self._offset:
            self._offset = offset
            self.update()

    @Slot(object)
    def _on_fade(self, value) -> None:
        self._fade_level = float(value)
        self.update()

    @Slot()
    def _drop_before(self) -> None:
        self.before = None
        self._fade_level = 1.0
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        if self.before is not None:
            self._paint_shot(painter, self.before, self._before_at)
        if self.current is not None:
            painter.setOpacity(self._fade_level)
            self._paint_shot(painter, self.current, self._offset)
            painter.setOpacity(1.0)
        self._paint_scrim(painter)
        painter.end()

    def _paint_shot(self, painter: QPainter, shot: Shot, offset: QPoint) -> None:
        painter.drawPixmap(shot.place.topLeft() - offset, shot.pixmap)

    def _paint_scrim(self, painter: QPainter) -> None:
        """The lower part darkens into the background, so the words stand on it; a light band
        at the top does the same for the exhibit's title."""
        h = self.height()
        solid, clear = QColor(self._background), QColor(self._background)
        clear.setAlpha(0)
        solid.setAlpha(235)
        low = QLinearGradient(0, h * (1 - SCRIM_SHARE), 0, h)
        low.setColorAt(0.0, clear)
        low.setColorAt(0.6, solid)
        low.setColorAt(1.0, solid)
        painter.fillRect(QRect(0, round(h * (1 - SCRIM_SHARE)), self.width(), h), low)
        top_solid = QColor(self._background)
        top_solid.setAlpha(215)
        high = QLinearGradient(0, 0, 0, h * TOP_SCRIM_SHARE)
        high.setColorAt(0.0, top_solid)
        high.setColorAt(0.55, top_solid)
        high.setColorAt(1.0, clear)
        painter.fillRect(QRect(0, 0, self.width(), round(h * TOP_SCRIM_SHARE)), high)
