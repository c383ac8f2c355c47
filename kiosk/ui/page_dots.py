"""A row of page dots: one a page, the current one filled, each a finger-sized tap target.

The home screen's pages of chapter tiles and a chapter's pages both use it: a dot that looks
like a control is one. Where the dots would not fit, the page's number and the count ("2 / 5")
stand in their place.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import UiTheme

DOT_SHARE = 0.22  # a dot's diameter to its tap target's side


class PageDots(QWidget):
    """One dot a page, the current one filled; each dot is a finger-sized tap target. Where the
    dots would not fit, the page's number and the count ("2 / 5") stand in their place."""

    page_requested = Signal(int)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.count, self.current, self.words = 1, 0, ""
        self._ui: Optional[UiTheme] = None

    def set_theme(self, ui: UiTheme) -> None:
        self._ui = ui
        self.setFixedHeight(ui.tap_px)
        self.updateGeometry()
        self.update()

    def set_pages(self, count: int, current: int, words: str) -> None:
        self.count, self.current, self.words = count, current, words
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        side = self._ui.tap_px if self._ui else 48
        return QSize(side * self.count, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        side = self._ui.tap_px if self._ui else 48
        return QSize(side * 2, side)

    @property
    def as_dots(self) -> bool:
        return self._ui is not None and self.count * self._ui.tap_px <= self.width()

    def dot_rect(self, page: int) -> QRectF:
        """Where page ``page``'s dot takes taps."""
        side = self._ui.tap_px
        left = (self.width() - side * self.count) / 2
        return QRectF(left + page * side, (self.height() - side) / 2, side, side)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        ui = self._ui
        if ui is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.as_dots:
            painter.setFont(ui.font("button"))
            painter.setPen(ui.colour("text"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.words)
            return
        radius = ui.tap_px * DOT_SHARE / 2
        for page in range(self.count):
            centre = self.dot_rect(page).center()
            current = page == self.current
            painter.setPen(QPen(ui.colour("accent" if current else "muted"), max(1, ui.px(2))))
            painter.setBrush(ui.colour("accent") if current else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius, radius)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """A tap on a dot asks for its page."""
        if self.as_dots and event.button() == Qt.MouseButton.LeftButton:
            for page in range(self.count):
                if self.dot_rect(page).contains(event.position()):
                    self.page_requested.emit(page)
                    return
        super().mouseReleaseEvent(event)
