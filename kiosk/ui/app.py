"""``kiosk`` (run): start the Qt application, show the attract screen, then build ahead.

On the floor nothing may show a traceback or a dialog: errors go to the log (kiosk/logs.py);
an error in a handler starts the kiosk over at the attract screen (kiosk/ui/recovery.py).
"""

from __future__ import annotations

import gc
import logging
import sys
from typing import Optional

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.hyphens import keep_rules_in
from kiosk.logs import setup_logging
from kiosk.owner import ContentOwner
from kiosk.paths import assets_dir, content_dir, data_dir
from kiosk.restart import restart, staff_exit
from kiosk.screen_size import parse_size
from kiosk.ui.recovery import recover_from_errors
from kiosk.ui.service import KioskService

log = logging.getLogger("kiosk")
WINDOWED_DEFAULT = QSize(1366, 768)
DPI_RANGE = (72.0, 320.0)


class FirstFrame(QObject):
    """Says once when a widget has painted for the first time."""

    painted = Signal()

    def __init__(self, widget):
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False


def window_size(app: QApplication, size: Optional[str], windowed: bool) -> QSize:
    screen = app.primaryScreen()
    if not windowed:
        return screen.geometry().size()
    if size:
        return QSize(*parse_size(size))
    room = screen.availableGeometry().size()
    return WINDOWED_DEFAULT.boundedTo(QSize(room.width() * 9 // 10, room.height() * 9 // 10))


def run_kiosk(folder: Optional[str], windowed: bool, size: Optional[str], data: Optional[str] = None) -> int:
    setup_logging()
    recovery = recover_from_errors()
    app, floor = start_kiosk(folder, windowed, size, data)
    recovery.start_over = floor.recover
    with KioskService(app, floor, kiosk_mode=not windowed) as service:
        code = app.exec()
        floor.stop()
    if floor.restarting:
        return restart()
    gc.freeze()  # the process ends next: no last collection over the whole heap (halves the exit)
    return staff_exit() if service.staff_exit else code


def start_kiosk(folder: Optional[str], windowed: bool, size: Optional[str], data: Optional[str] = None):
    """Show the kiosk: the content's first screen, or the unavailable screen; (app, floor).

    It never gives up: whatever the folder holds, something calm is on screen."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    from kiosk.ui.floor import Floor
    from kiosk.ui.fonts import register_fonts

    path = content_dir(folder)
    register_fonts(assets_dir() / "fonts", path / "fonts")
    screen = app.primaryScreen()
    dpi = min(max(screen.physicalDotsPerInch(), DPI_RANGE[0]), DPI_RANGE[1])
    owner = ContentOwner(path, data_dir(data), shown_as=str(path))
    keep_rules_in(owner.store.data_dir)
    floor = Floor(owner, window_size(app, size, windowed), dpi, kiosk_mode=not windowed)
    floor.first_frame = FirstFrame(floor.window)
    floor.first_frame.painted.connect(floor.start)
    floor.exit_requested.connect(app.quit)
    floor.start_up()
    floor.window.setWindowTitle(_title(floor))  # before the window exists: it is named from its first frame
    if windowed:
        floor.window.show()
    else:
        floor.window.place_on_screen()
    log.info("kiosk started with %s", path)
    return app, floor


def _title(floor) -> str:
    kiosk = floor.kiosk
    return kiosk.screens.ctx.text(kiosk.session.exhibit.title) if kiosk is not None else "kiosk"
