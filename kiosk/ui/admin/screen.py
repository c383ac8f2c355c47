"""The staff screen behind the PIN: what is running, what is wrong with the content, the way out."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QScroller, QVBoxLayout, QWidget

from kiosk.content.result import LoadResult
from kiosk.content.problems import ERROR, Problem
from kiosk.ui.widgets import button
from kiosk.ui.pages.base import Texts, ViewContext


def in_order(problems: tuple[Problem, ...]) -> list[Problem]:
    """Errors first, then warnings, each in the loader's order (by file and line)."""
    return sorted(problems, key=lambda problem: problem.severity != ERROR)


def _label(text: str, role: str, name: str = "") -> QLabel:
    label = QLabel(text)  # wraps at spaces and after the slashes of a long path
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    if name:
        label.setObjectName(name)
    return label


class AdminScreen(QWidget):
    """Status, the content's problems, and buttons: back, reload, quit. It decides nothing itself.

    ``notices`` gives what staff should hear of beside the content's problems (the PIN still
    being the shipped one); it is asked each time the screen shows, as it may take a moment.
    """

    back_requested = Signal()
    reload_requested = Signal()
    exit_requested = Signal()

    def __init__(self, ctx: ViewContext, result: LoadResult, content_dir: str, version: str,
                 loaded_at: str, parent: Optional[QWidget] = None,
                 notices: Callable[[], tuple[Problem, ...]] = tuple):
        super().__init__(parent)
        self.ctx = ctx
        self._notices_of = notices
        self._notices: tuple[Problem, ...] = ()
        self._result = result
        self._content_dir = str(Path(content_dir).resolve())  # the folder itself, not "content"
        self._version = version
        self._loaded_at = loaded_at
        self.setObjectName("admin-screen")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WA_StyledBackground)
        self.title = _label(ctx.label("admin_title"), "title", "admin-title")
        self.status = _label("", "caption", "status")
        self.problems_heading = _label(ctx.label("admin_problems"), "eyebrow", "problems-heading")
        self.problem_list = QWidget()
        self.problem_list.setObjectName("problems")
        self._problem_layout = QVBoxLayout(self.problem_list)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.NoFocus)
        self.scroll.setWidget(self.problem_list)
        QScroller.grabGesture(self.scroll.viewport(), QScroller.LeftMouseButtonGesture)
        # Back to the exhibit is what staff do most, where a visitor's Next is; quitting is
        # the deliberate step, quiet and apart at the other end.
        self.back_button = button(ctx.label("admin_back"), "primary", "admin-back")
        self.reload_button = button(ctx.label("admin_reload"), "", "admin-reload")
        self.exit_button = button(ctx.label("admin_exit"), "quiet", "admin-exit")
        self._texts = Texts(ctx)
        for widget, name in ((self.title, "admin_title"), (self.problems_heading, "admin_problems"),
                             (self.back_button, "admin_back"), (self.reload_button, "admin_reload"),
                             (self.exit_button, "admin_exit")):
            self._texts.bind(widget, lambda c, name=name: c.label(name))
        self._texts.bind(self.status, lambda c: c.label(
            "admin_status", version=self._version, content=self._content_dir, loaded=self._loaded_at))
        self._lay_out()
        self.back_button.clicked.connect(self.back_requested)
        self.reload_button.clicked.connect(self.reload_requested)
        self.exit_button.clicked.connect(self.exit_requested)
        self.set_result(result, loaded_at)

    def _lay_out(self) -> None:
        ui = self.ctx.ui
        self._problem_layout.setContentsMargins(0, 0, ui.px(24), 0)
        self._problem_layout.setSpacing(ui.px(14))
        buttons = QHBoxLayout()
        buttons.setSpacing(ui.gap)
        buttons.addWidget(self.exit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.back_button)
        for wide in (self.back_button, self.reload_button, self.exit_button):
            wide.setMinimumWidth(ui.tap_px * 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(ui.margin, ui.margin // 2, ui.margin, ui.margin // 2)
        outer.setSpacing(ui.px(12))
        outer.addWidget(self.title)
        outer.addWidget(self.status)
        outer.addSpacing(ui.gap)
        outer.addWidget(self.problems_heading)
        outer.addWidget(self.scroll, 1)
        outer.addSpacing(ui.gap)
        outer.addLayout(buttons)

    def apply(self, ctx: ViewContext) -> None:
        """Show the screen in ``ctx``'s language; the problems are the curators' words and stay."""
        self.ctx = ctx
        self._texts.apply(ctx)
        for label in self._labels():
            if label.objectName() == "no-problems":
                label.setText(ctx.label("admin_no_problems"))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        notices = tuple(self._notices_of())
        if notices != self._notices:
            self._notices = notices
            self.set_result(self._result, self._loaded_at)
        super().showEvent(event)

    def set_result(self, result: LoadResult, loaded_at: str) -> None:
        """Show what a (re)load found, and when it ran (with the notices)."""
        self._result, self._loaded_at = result, loaded_at
        self._texts.apply(self.ctx)
        while self._problem_layout.count():
            widget = self._problem_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        problems = in_order((*self._notices, *result.problems))  # errors first, then the PIN
        for problem in problems:
            self._problem_layout.addWidget(_label(str(problem), "caption", "problem"))
        if not problems:
            self._problem_layout.addWidget(_label(self.ctx.label("admin_no_problems"), "body", "no-problems"))
        self._problem_layout.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)

    def shown_problems(self) -> list[str]:
        """The texts of the problems listed now, top to bottom."""
        return [label.text() for label in self._labels() if label.objectName() == "problem"]

    def _labels(self) -> list[QLabel]:
        items = (self._problem_layout.itemAt(i).widget() for i in range(self._problem_layout.count()))
        return [item for item in items if isinstance(item, QLabel)]
