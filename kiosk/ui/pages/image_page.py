"""A picture page: the picture as large as it fits, its caption and credit beside or below it."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import ImagePage
from kiosk.ui.pages.base import PageView, ViewContext
from kiosk.ui.theme import UiTheme
from kiosk.ui.pages.image_view import ImageView
from kiosk.ui.widgets import GridColumn, Rule, measure, text_label, title_block

CAPTION_BESIDE_MEASURES = 0.5  # a caption beside the picture is half a measure wide


class ImagePageView(PageView):
    """An ImagePage. The alt text is the picture's accessible name and description."""

    def __init__(self, page: ImagePage, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(page, ctx, parent)
        ui = ctx.ui
        self.image_view = ImageView(ctx.path(page.file))
        for widget in (self, self.image_view):
            self.bind_spoken(widget.setAccessibleName, page.alt)
            self.bind_spoken(widget.setAccessibleDescription, page.alt)
        self.caption_label = text_label("", "body")
        self.credit_label = text_label("", "caption")
        self.bind_text(self.caption_label, page.caption)
        self.bind_text(self.credit_label, page.credit)
        self.composition = _Composition(ui, self.image_view, self.caption_label, self.credit_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, ui.gap, 0, ui.gap)
        layout.setSpacing(0)
        title = ctx.text(page.title)
        if title:
            grid = GridColumn(ui)
            self.title_label = title_block(title, ui, grid)
            layout.addWidget(grid)
        else:
            self.title_label = None
        self.bind_text(self.title_label, page.title)
        layout.addWidget(self.composition, 1)


class _Composition(QWidget):
    """Lays the picture and its caption out as one group, from the page grid's left edge.

    Beside each other where that gives the larger picture (landscape), else one above the
    other (portrait). The picture keeps its aspect.
    """

    def __init__(self, ui: UiTheme, image: ImageView, caption: QWidget, credit: QWidget):
        super().__init__()
        self._ui = ui
        self.image = image
        self.label = QWidget(self)
        column = QVBoxLayout(self.label)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(ui.px(16))
        column.addWidget(Rule(ui))
        column.addSpacing(ui.px(12))
        column.addWidget(caption)
        column.addWidget(credit)
        image.setParent(self)
        self.beside = True

    def _rects(self, room: QRect) -> tuple[bool, QRect, QRect]:
        ui, gap = self._ui, self._ui.gap * 2
        side_w = min(round(measure(ui) * CAPTION_BESIDE_MEASURES), room.width() // 3)
        widest = max(side_w, min(measure(ui), room.width() // 2))
        while self.label.heightForWidth(side_w) > room.height() and side_w < widest:
            side_w = min(widest, side_w + ui.gap)  # a long caption beside: a wider column, not cut
        side_pic = self.image.fitted_size(QSize(room.width() - side_w - gap, room.height()))
        below_w = min(room.width(), measure(ui))
        below_h = self.label.heightForWidth(below_w)
        below_pic = self.image.fitted_size(QSize(room.width(), room.height() - below_h - gap))
        side_h = self.label.heightForWidth(side_w)
        beside = side_pic.width() * side_pic.height() >= below_pic.width() * below_pic.height()
        if beside:
            pic, label_w = side_pic, side_w
            label_h = side_h
            group = QSize(pic.width() + gap + label_w, max(pic.height(), label_h))
        else:
            pic = below_pic
            label_w = min(below_w, max(pic.width(), measure(ui) * 2 // 3))
            label_h = self.label.heightForWidth(label_w)
            group = QSize(max(pic.width(), label_w), pic.height() + gap + label_h)
        x = room.x()
        y = room.y() + max(0, (room.height() - group.height()) // 2)
        picture = QRect(x, y, pic.width(), pic.height())
        if beside:
            # Like a wall label: the caption ends level with the picture's foot.
            label = QRect(picture.right() + 1 + gap, y + max(0, pic.height() - label_h), label_w, label_h)
        else:
            label = QRect(x, picture.bottom() + 1 + gap, label_w, label_h)
        return beside, picture, label

    def set_theme(self, ui: UiTheme) -> None:
        """Another theme (the caption's size changed): lay the group out again."""
        self._ui = ui
        self._place()

    def _place(self) -> None:
        margin = self._ui.margin
        room = QRect(0, 0, self.width(), self.height()).adjusted(margin, 0, -margin, 0)
        self.beside, picture, label = self._rects(room)
        self.image.setGeometry(picture)
        self.label.setGeometry(label)

    def resizeEvent(self, event) -> None:
        self._place()
        super().resizeEvent(event)
