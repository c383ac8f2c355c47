"""The curator's toolbar above the preview (no part of the visitor's screen): screen size and
orientation, language, text size and contrast."""

from __future__ import annotations

from typing import Optional, Sequence

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QToolBar, QWidget

from kiosk.session import TEXT_SCALES, State

SIZES = (QSize(1920, 1080), QSize(1080, 1920), QSize(1366, 768))


def size_name(size: QSize) -> str:
    return f"{size.width()}×{size.height()}"


class PreviewToolbar(QToolBar):
    """Asks for a screen size, language, text size or contrast; shows the ones in force."""

    size_requested = Signal(QSize)
    language_requested = Signal(str)
    text_scale_requested = Signal(float)
    contrast_requested = Signal(bool)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__("Preview", parent)
        self.setObjectName("preview-toolbar")
        self.setMovable(False)
        self.sizes = self._group("Screen", [(size_name(s), s) for s in SIZES], self._on_size)
        self.addSeparator()
        self.addWidget(QLabel(" Language "))
        self.languages = QActionGroup(self)
        self.languages.triggered.connect(self._on_language)
        self._after_languages = self.addSeparator()
        self.text_scales = self._group("Text", [(f"{round(s * 100)} %", s) for s in TEXT_SCALES],
                                       self._on_text_scale)
        self.addSeparator()
        self.contrast = QAction("High contrast", self)
        self.contrast.setCheckable(True)
        self.contrast.toggled.connect(self.contrast_requested)
        self.addAction(self.contrast)
        self.addSeparator()
        self.scale_label = QLabel()
        self.scale_label.setObjectName("preview-scale")
        self.addWidget(self.scale_label)
        self._language_actions: list[QAction] = []

    def _group(self, title: str, choices, handler) -> QActionGroup:
        self.addWidget(QLabel(f" {title} "))
        group = QActionGroup(self)
        for text, value in choices:
            action = QAction(text, group)
            action.setCheckable(True)
            action.setData(value)
            self.addAction(action)
        group.triggered.connect(handler)
        return group

    def set_languages(self, languages: Sequence[tuple[str, str]]) -> None:
        """One button per language of the exhibit: (code, name)."""
        if [(a.data(), a.text()) for a in self._language_actions] == list(languages):
            return
        for action in self._language_actions:
            self.removeAction(action)
            self.languages.removeAction(action)
            action.deleteLater()
        self._language_actions = []
        for code, name in languages:
            action = QAction(name, self.languages)
            action.setCheckable(True)
            action.setData(code)
            self.insertAction(self._after_languages, action)
            self._language_actions.append(action)

    def show_state(self, size: QSize, state: State) -> None:
        """Check what is in force (after a visitor's own button changed it, too)."""
        for group, value in ((self.sizes, size), (self.languages, state.language),
                             (self.text_scales, state.text_scale)):
            for action in group.actions():
                action.setChecked(action.data() == value)
        self.contrast.blockSignals(True)
        self.contrast.setChecked(state.high_contrast)
        self.contrast.blockSignals(False)

    @Slot(float)
    def show_scale(self, scale: float) -> None:
        """Say how much the screen is scaled down to fit the window (nothing at its own size)."""
        self.scale_label.setText("" if scale >= 1 else f" shown at {round(scale * 100)} % to fit the window ")

    def button_for(self, action: QAction) -> QWidget:
        return self.widgetForAction(action)

    @Slot(QAction)
    def _on_size(self, action: QAction) -> None:
        self.size_requested.emit(QSize(action.data()))

    @Slot(QAction)
    def _on_language(self, action: QAction) -> None:
        self.language_requested.emit(action.data())

    @Slot(QAction)
    def _on_text_scale(self, action: QAction) -> None:
        self.text_scale_requested.emit(float(action.data()))
