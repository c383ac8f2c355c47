"""``kiosk preview``: the kiosk in a window beside the curator's editor, following every save."""

from __future__ import annotations

import signal
import sys
import tempfile
from pathlib import Path
from typing import Optional

from kiosk.paths import assets_dir, content_dir

WAKE_MS = 250


def run_preview(folder: Optional[str]) -> int:
    """Show the preview of ``folder`` (found as the other commands find it) until it is closed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.logs import setup_logging
    from kiosk.owner import ContentOwner
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.preview.preview import Preview

    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk preview")
    path = content_dir(folder)
    register_fonts(assets_dir() / "fonts", path / "fonts")
    with tempfile.TemporaryDirectory(prefix="kiosk-preview-") as data:
        # A data folder of its own, gone with the preview: the floor's cache and snapshot stay as they are.
        owner = ContentOwner(path, Path(data), shown_as=str(path), snapshots=False)
        preview = Preview(owner)
        preview.start()
        room = app.primaryScreen().availableGeometry().size()
        preview.window.resize(room.width() * 2 // 3, room.height() * 3 // 4)
        preview.window.closed.connect(app.quit)
        preview.window.show()
        # Ctrl+C in the terminal closes the preview (and removes its data folder): Python sees the
        # signal only when it runs, so a timer lets it run now and then.
        signal.signal(signal.SIGINT, lambda *_: app.quit())
        wake = QTimer(interval=WAKE_MS)
        wake.timeout.connect(lambda: None)
        wake.start()
        code = app.exec()
        wake.stop()
        preview.stop()
    return code
