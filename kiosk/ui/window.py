"""The kiosk's one window: a stack of screens, overlays above them, and kiosk-mode manners.

In kiosk mode the window fills the primary screen (even with no window manager), hides
the cursor until a real mouse moves, and cannot be closed by Escape, Alt+F4, Ctrl+Q or
Ctrl+W; it shows no context menus or tooltips. It stays on top, and whatever a window
manager does to it (Super+D shows the desktop, Alt+Tab raises another window, a minimize
button, another desktop) it comes back full screen, on top and active at the next turn of the
event loop.
Only ``allow_close()`` — the admin's exit — lets it close, and lets it go.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, Optional

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication, QInputDevice
from PySide6.QtWidgets import QApplication, QStackedLayout, QWidget

from kiosk.ui import events

log = logging.getLogger("kiosk")
CURSOR_HIDE_MS = 3000
SWALLOWED = {QEvent.ContextMenu, QEvent.ToolTip, QEvent.WhatsThis, QEvent.StatusTip}
INPUT = {QEvent.MouseButtonPress, QEvent.MouseButtonDblClick, QEvent.TouchBegin}
WATCHED = {QEvent.MouseMove, QEvent.KeyPress, QEvent.ShortcutOverride}


class KioskWindow(QWidget):
    """Screens, overlays, and the rules that keep visitors inside the exhibit."""

    close_refused = Signal()

    def __init__(self, kiosk_mode: bool, clock: Callable[[], float] = time.monotonic,
                 parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.kiosk_mode = kiosk_mode
        self.clock = clock  # seconds; the kiosk's clock, which times the input it holds back
        self.setObjectName("kiosk")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WA_StyledBackground)
        self.setContextMenuPolicy(Qt.NoContextMenu)
        self._may_close = False
        self._stack = QStackedLayout(self)
        self._stack.setStackingMode(QStackedLayout.StackOne)
        self._held_until = float("-inf")
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_HIDE_MS)
        self._cursor_timer.timeout.connect(self._hide_cursor)
        self._cursor_hidden = False
        self._kept = False  # kept full screen, on top and active: from place_on_screen to the admin's exit
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(0)  # the next turn: one answer to a burst of state changes
        self._keep_timer.timeout.connect(self._on_keep_timer)
        self._keeping = False
        self._was_active = False
        events.watch(self, SWALLOWED | INPUT | WATCHED, self._filter)
        if kiosk_mode:
            self.setWindowFlags(self.windowFlags() | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint)
            self._hide_cursor()

    # --- screens ----------------------------------------------------------------------

    def add_screen(self, screen: QWidget) -> None:
        self._stack.addWidget(screen)

    def remove_screen(self, screen: QWidget) -> None:
        self._stack.removeWidget(screen)

    def show_screen(self, screen: QWidget) -> None:
        self._stack.setCurrentWidget(screen)

    def current_screen(self) -> Optional[QWidget]:
        return self._stack.currentWidget()

    def hold_input(self, ms: int) -> None:
        """Ignore new touches for ``ms``: a burst of taps opens one thing, not two."""
        self._held_until = self.clock() + ms / 1000

    @property
    def holding(self) -> bool:
        """True while new touches are ignored after a screen change."""
        return self.clock() < self._held_until

    def now_ms(self) -> float:
        """The window's clock in milliseconds: what a finger's speed on it is measured with."""
        return self.clock() * 1000

    def place_on_screen(self) -> None:
        """Fill the primary screen, even where no window manager would size the window; in
        kiosk mode, and until the admin's exit, the window is kept there from now on."""
        screen = QGuiApplication.primaryScreen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self._kept = self.kiosk_mode and not self._may_close

    # --- kiosk manners ----------------------------------------------------------------

    def allow_close(self) -> None:
        """The admin's exit: the window may close, and is no longer kept on top."""
        self._may_close = True
        self._kept = False
        self._keep_timer.stop()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        kind = event.type()
        if kind == QEvent.ActivationChange and self.isActiveWindow():
            self._was_active = True
        if self._kept and not self._keeping and kind in (QEvent.WindowStateChange, QEvent.ActivationChange):
            self._keep_timer.start()

    @Slot()
    def _on_keep_timer(self) -> None:
        """Full screen, on top and active again, if the window manager took any of it away."""
        if not self._kept or not self.isVisible():
            return
        lost = self._lost()
        if not lost:
            return
        log.info("kiosk mode: the window was %s; bringing it back", lost)
        self._keeping = True  # what this does changes the window's state: no answer to that
        try:
            if lost == "hidden":
                # Hidden without being minimized (openbox's show desktop, a switch to another
                # desktop): a window manager shows it again if it is mapped anew, as at start-up.
                self.hide()
            if lost == "hidden" or self.isMinimized() or not self.isFullScreen():
                self.place_on_screen()
            self.raise_()
            self.activateWindow()
        finally:
            self._keeping = False

    def _lost(self) -> str:
        """What the window manager took away ("" for nothing): the window is minimized, no
        longer full screen, hidden, or another program's window is active. Before the window
        was first active, it is only on its way to the screen (and with no window manager it
        may never be active: then nothing takes it away)."""
        handle = self.windowHandle()
        if self.isMinimized():
            return "minimized"
        if not self.isFullScreen():
            return "no longer full screen"
        if not self._was_active:
            return ""
        if handle is not None and not handle.isExposed():
            return "hidden"
        # Another of this program's windows may be active (a test's, or a second kiosk's):
        # only from another program's window, or from none, is the screen taken back.
        return "left for another window" if QApplication.activeWindow() is None else ""

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.kiosk_mode and not self._may_close:
            event.ignore()
            self.close_refused.emit()
            return
        self.stop()
        super().closeEvent(event)

    def stop(self) -> None:
        self._cursor_timer.stop()
        self._kept = False
        self._keep_timer.stop()
        events.unwatch(self)
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False

    def _filter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in SWALLOWED:
            return True
        if kind in INPUT and self.holding and self._inside(obj):
            return True
        if kind == QEvent.MouseMove and self.kiosk_mode and _real_mouse(event):
            self._show_cursor()
        if kind in (QEvent.KeyPress, QEvent.ShortcutOverride) and self.kiosk_mode:
            return _is_escape_key(event)
        return False

    def _inside(self, obj: QObject) -> bool:
        """Whether input to ``obj`` is input to this window: on the floor everything is, in the
        curators' preview the toolbar beside the kiosk is not (its clicks are never held)."""
        if obj.isWidgetType():
            return obj is self or self.isAncestorOf(obj)
        handle = self.windowHandle()  # none for a window drawn inside another (the preview's)
        return handle is not None and obj is handle

    def _hide_cursor(self) -> None:
        if not self._cursor_hidden:
            QApplication.setOverrideCursor(QCursor(Qt.BlankCursor))
            self._cursor_hidden = True

    def _show_cursor(self) -> None:
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        self._cursor_timer.start()


def _real_mouse(event) -> bool:
    device = event.pointingDevice() if hasattr(event, "pointingDevice") else None
    return device is not None and device.type() == QInputDevice.DeviceType.Mouse


ESCAPES = {
    (Qt.Key_Escape, Qt.NoModifier),
    (Qt.Key_F4, Qt.AltModifier),
    (Qt.Key_Q, Qt.ControlModifier),
    (Qt.Key_W, Qt.ControlModifier),
}


def _is_escape_key(event) -> bool:
    """The keys that would close or leave an ordinary window."""
    modifiers = event.modifiers() & (Qt.AltModifier | Qt.ControlModifier | Qt.ShiftModifier | Qt.MetaModifier)
    return (Qt.Key(event.key()), modifiers) in ESCAPES or event.key() == Qt.Key_Escape
