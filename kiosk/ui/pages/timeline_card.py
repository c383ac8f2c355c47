"""One event on the timeline: a card with its date and title, and the years the line spans."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from kiosk.hyphens import plain
from kiosk.ui.theme import UiTheme
from kiosk.ui.widgets import restyle, text_label

def unbroken(title: str) -> str:
    """The title with no line break after a hyphen: "Five-Year" stays on one line."""
    return title.replace("-", "-\u2060")


class EventCard(QPushButton):
    """One event on the line: its date over its title (compact: the title only; the line shows
    the year). A tap, decided on release, opens it."""

    def __init__(self, date: str, title: str, compact: bool, ui: UiTheme):
        super().__init__()
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._compact = compact
        self._pad, self._spacing = ui.px(10 if compact else 16), ui.px(6)
        self._border = max(1, ui.px(2))  # the tile's border, inside the card
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*[self._pad + self._border] * 4)
        layout.setSpacing(self._spacing)
        self.date_label = text_label("", "caption", self)  # a parent before it is made visible
        self.title_label = text_label("", "card-title" if compact else "body", self)
        self.date_label.setVisible(not compact)
        self.set_words(date, title)
        self.set_theme(ui)
        for label in (self.date_label, self.title_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def set_words(self, date: str, title: str) -> None:
        self.setAccessibleName(plain(f"{date}, {title}"))
        self.date_label.setText(date)
        self.title_label.setText(unbroken(title))

    def set_theme(self, ui: UiTheme) -> None:
        # The stylesheet sets the same fonts once the card is on screen; set here, they are
        # right for measuring before that.
        self.date_label.setFont(ui.font("caption"))
        self.title_label.setFont(ui.font("card-title" if self._compact else "body"))

    def height_for(self, width: int) -> int:
        """The card's height at ``width``: its padding and its words, every line whole."""
        inner = width - 2 * (self._pad + self._border)
        height = 2 * (self._pad + self._border) + self.title_label.heightForWidth(inner)
        if not self.date_label.isHidden():
            height += self.date_label.heightForWidth(inner) + self._spacing
        return height

    def set_selected(self, selected: bool) -> None:
        restyle(self, selected=selected)
