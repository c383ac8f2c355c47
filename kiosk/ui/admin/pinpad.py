"""The PIN pad staff see after the admin gesture: large keys, the PIN as dots, a calm panel."""

from __future__ import annotations

import math
import time
from typing import Callable, Optional

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontMetrics, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.admin_lock import PinLock, Result
from kiosk.content.model import Admin
from kiosk.ui.admin.checker import PinChecker
from kiosk.ui.widgets import button, restyle
from kiosk.ui.pages.base import Texts, ViewContext
from kiosk.ui.theme import UiTheme

DELETE, ENTER = "\u232b", "\u2713"  # ⌫ and ✓: glyphs, not words
DIGITS = "0123456789"
MAX_DIGITS = 12
KEY_AT_1080 = 104  # a key's height and least width in design pixels; never below the tap size
PANEL_AT_1080 = 720  # the widest the panel grows to keep a message on one line (at text size 1)
PAD_AT_1080 = 56  # the panel's padding at text size 1; larger text takes some of it
TICK_MS = 1000


def check_icon(ui: UiTheme) -> QIcon:
    """A tick as large as a key's digit (a glyph in the primary button's type would be small)."""
    icon = QIcon()
    icon.addPixmap(_tick(ui, "accent_text"), QIcon.Normal)
    icon.addPixmap(_tick(ui, "muted"), QIcon.Disabled)
    return icon


def _tick(ui: UiTheme, colour: str) -> QPixmap:
    side = ui.text_px(ui.theme.sizes.title * 0.8)
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(ui.colour(colour), max(2, side / 9), Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
    tick = QPainterPath(QPointF(0.14 * side, 0.54 * side))
    tick.lineTo(QPointF(0.40 * side, 0.78 * side))
    tick.lineTo(QPointF(0.86 * side, 0.24 * side))
    painter.drawPath(tick)
    painter.end()
    return pixmap


class PinDots(QWidget):
    """The PIN as it is typed: one dot per digit, never the digits, on a quiet line."""

    def __init__(self, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._ui = ctx.ui
        self._count = 0
        self.setFixedHeight(ctx.ui.px(64))
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def apply(self, ctx: ViewContext) -> None:
        self._ui = ctx.ui
        self.update()

    @property
    def count(self) -> int:
        return self._count

    def set_count(self, count: int) -> None:
        self._count = count
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        ui = self._ui
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        radius, step = ui.px(10), ui.px(36)
        line = max(1, ui.px(2))
        centre_y = (self.height() - line) / 2
        painter.fillRect(QRectF(0, self.height() - line, self.width(), line), ui.colour("muted"))
        painter.setPen(Qt.NoPen)
        painter.setBrush(ui.colour("text"))
        left = (self.width() - step * self._count) / 2 + step / 2
        for index in range(self._count):
            x = left + step * index
            painter.drawEllipse(QRectF(x - radius, centre_y - radius, 2 * radius, 2 * radius))


class PinPad(QWidget):
    """A keypad on a scrim. Emits ``unlocked`` for the right PIN, ``closed`` when dismissed.

    The lock (wrong PINs in a row, the lockout) lives as long as the pad, or as long as its
    file when it has one (kiosk.admin_lock.LockFile). The PIN is checked off the UI thread
    (kiosk.ui.admin.checker): the keys wait for the answer, the screen does not.
    """

    unlocked = Signal()
    closed = Signal()

    def __init__(self, ctx: ViewContext, admin: Admin, clock: Callable[[], float] = time.monotonic,
                 lock: Optional[PinLock] = None, parent: Optional[QWidget] = None,
                 pin_hash: Optional[Callable[[], str]] = None):
        super().__init__(parent)
        self.ctx = ctx
        self._pin_hash = pin_hash or (lambda: admin.pin_hash)  # asked afresh: a PIN may be set meanwhile
        self.lock = lock or PinLock(admin.attempts, admin.lockout_seconds, clock)
        self._pin = ""
        self._said: Optional[tuple[str, dict]] = None  # the message shown: a label's name and values
        self._was_locked = False
        self._checker = PinChecker(self)
        self._checker.checked.connect(self._on_checked)
        self.setObjectName("pin-pad")
        self.setProperty("role", "scrim")
        self.setAttribute(Qt.WA_StyledBackground)
        self.setFocusPolicy(Qt.StrongFocus)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._update_lock)
        self.prompt = QLabel(ctx.label("admin_enter_pin"))
        self.prompt.setObjectName("prompt")
        self.prompt.setProperty("role", "title")
        self.prompt.setAlignment(Qt.AlignCenter)
        self.dots = PinDots(ctx)
        self.dots.setObjectName("dots")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setProperty("role", "body")
        self.message.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.message.setWordWrap(True)
        self.digit_keys = [self._key(str(digit), "key", f"key-{digit}") for digit in range(10)]
        self.delete_key = self._key(DELETE, "key", "delete")
        self.ok_key = self._key("", "primary", "ok")
        self.ok_key.setAccessibleName(ENTER)
        self.close_button = button(ctx.label("close"), "quiet", "close")
        self._texts = Texts(ctx)
        self._texts.bind(self.prompt, lambda c: c.label("admin_enter_pin"))
        self._texts.bind(self.close_button, lambda c: c.label("close"))
        self._texts.bind(self.message, lambda c: c.label(self._said[0], **self._said[1]) if self._said else "")
        self._lay_out()
        self._update_style()
        for digit, key in enumerate(self.digit_keys):
            key.clicked.connect(lambda _=False, d=str(digit): self._on_digit(d))
        self.delete_key.clicked.connect(self._on_delete)
        self.ok_key.clicked.connect(self._on_ok)
        self.close_button.clicked.connect(self._on_close)

    def _key(self, text: str, role: str, name: str) -> QPushButton:
        key = button(text, role, name)
        side = max(self.ctx.ui.tap_px, self.ctx.ui.px(KEY_AT_1080))
        key.setFixedHeight(side)
        key.setMinimumWidth(side)
        key.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        return key

    def _lay_out(self) -> None:
        ui = self.ctx.ui
        keys = QGridLayout()
        keys.setSpacing(ui.px(18))
        order = self.digit_keys[1:] + [self.delete_key, self.digit_keys[0], self.ok_key]
        for index, key in enumerate(order):
            keys.addWidget(key, index // 3, index % 3)
        panel = self._panel = QWidget()
        panel.setObjectName("pin-panel")
        panel.setProperty("role", "panel")
        panel.setAttribute(Qt.WA_StyledBackground)
        self._inner = inner = QVBoxLayout(panel)
        self._keys = keys
        inner.setSpacing(ui.px(16))
        inner.addWidget(self.prompt)
        inner.addWidget(self.dots)
        inner.addWidget(self.message)
        inner.addLayout(keys)
        inner.addSpacing(ui.px(8))
        inner.addWidget(self.close_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(ui.margin, ui.margin // 2, ui.margin, ui.margin // 2)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignCenter)
        outer.addStretch(1)

    def apply(self, ctx: ViewContext) -> None:
        """Show the pad (and its message) in ``ctx``; what was typed stays."""
        self.ctx = ctx
        self._texts.apply(ctx)
        self.dots.apply(ctx)
        self._update_style()

    def _update_style(self) -> None:
        """The tick, and the panel as wide and the message as high as the longest message needs."""
        ui = self.ctx.ui
        self.ok_key.setIcon(check_icon(ui))
        self.ok_key.setIconSize(self.ok_key.icon().availableSizes()[0])
        # Larger text widens the panel (so that a message keeps to one line) and takes from its
        # padding: the keys cannot shrink below a finger, and the pad must fit a low screen.
        metrics, pad = QFontMetrics(ui.font("body")), ui.px(PAD_AT_1080 / max(1.0, ui.text_scale))
        self._inner.setContentsMargins(pad, pad, pad, pad)
        said = max(metrics.horizontalAdvance(text) for text in self._messages()) + ui.px(8)
        widest = ui.px(PANEL_AT_1080 * max(1.0, ui.text_scale))
        width = min(max(self._keys.sizeHint().width(), said), widest - 2 * pad)
        self._panel.setFixedWidth(width + 2 * pad)
        lines = 1 if said <= width else 2  # room kept for the longest message: nothing jumps
        self.message.setFixedHeight(metrics.lineSpacing() * lines + ui.px(8))

    def _say(self, name: Optional[str] = None, **values) -> None:
        """Show the kiosk's words ``name`` (with ``values``) under the dots; none: no message."""
        self._said = (name, values) if name else None
        self._texts.apply(self.ctx)

    def _messages(self) -> list[str]:
        longest = math.ceil(self.lock.longest)
        said = [self.ctx.label("admin_wrong_pin"), self.ctx.label("admin_locked", seconds=longest)]
        return said + ([self.ctx.label("admin_no_pin")] if not self.has_pin else [])

    @property
    def has_pin(self) -> bool:
        """False while no admin PIN is set, on this kiosk or in the content: no PIN can open
        the pad, and it says how to set one instead of counting wrong PINs."""
        return bool(self._pin_hash())

    def clear(self) -> None:
        """Back to an empty PIN and no message (the lock keeps its count and its lockout)."""
        self._set_pin("")
        self._say()
        self._update_lock()

    def _set_pin(self, pin: str) -> None:
        self._pin = pin
        self.dots.set_count(len(pin))

    @Slot(str)
    def _on_digit(self, digit: str) -> None:
        """A digit key: one more dot, and the last message goes."""
        if len(self._pin) < MAX_DIGITS:
            self._say()
            self._set_pin(self._pin + digit)

    @Slot()
    def _on_delete(self) -> None:
        """The delete key: one dot less."""
        self._set_pin(self._pin[:-1])

    @property
    def checking(self) -> bool:
        """True while a PIN is being checked (the keys wait)."""
        return self._checker.busy

    @Slot()
    def _on_ok(self) -> None:
        """The OK key: check the PIN (off the UI thread); ``_on_checked`` follows."""
        if not self._pin or self.checking:
            return
        if self.lock.locked_for() > 0:
            self._set_pin("")
            self._update_lock()
            return
        self._checker.check(self._pin, self._pin_hash())
        self._update_lock()

    @Slot(bool)
    def _on_checked(self, right: bool) -> None:
        """The answer: unlock, or say why not."""
        result = self.lock.record(right)
        self._set_pin("")
        if result is Result.OK and self.isVisible():
            self._say()
            self.unlocked.emit()
        elif result is Result.WRONG:
            self._say("admin_wrong_pin")
        self._update_lock()

    @Slot()
    def _on_close(self) -> None:
        """The close button: forget what was typed and go."""
        self._set_pin("")
        self._say()
        self.closed.emit()

    @Slot()
    def _update_lock(self) -> None:
        """Say how long the lock lasts, and tick while it does and the pad is seen."""
        left = self.lock.locked_for()
        locked, unset = left > 0, not self.has_pin
        for key in self.digit_keys + [self.delete_key, self.ok_key]:
            key.setEnabled(not locked and not unset and not self.checking)
        restyle(self.ok_key, role="" if locked or unset else "primary")  # a disabled key must not look ready
        if unset:
            self._say("admin_no_pin")
        elif locked:
            self._say("admin_locked", seconds=math.ceil(left))
        elif self._was_locked:
            self._say()  # the lockout has ended
        self._was_locked = locked
        if locked and self.isVisible():
            self._tick.start()
        else:
            self._tick.stop()

    def stop(self) -> None:
        """No more checks (the kiosk is stopping, or its content is replaced)."""
        self._checker.stop()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._update_style()  # room for the "no PIN" message, if no PIN is set now
        self._update_lock()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._tick.stop()
        super().hideEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """A keyboard, for staff who plug one in."""
        key, text = event.key(), event.text()
        if len(text) == 1 and text in DIGITS and self.ok_key.isEnabled():
            self._on_digit(text)
        elif key == Qt.Key_Backspace and self.delete_key.isEnabled():
            self._on_delete()
        elif key in (Qt.Key_Return, Qt.Key_Enter) and self.ok_key.isEnabled():
            self._on_ok()
        elif key == Qt.Key_Escape:
            self._on_close()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()  # a tap on the scrim ends here: nothing beneath is pressed

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()
