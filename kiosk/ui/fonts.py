"""The bundled fonts, so the kiosk looks the same on every machine, offline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

FONT_FILES = ("*.ttf", "*.otf")


def register_fonts(*folders: Path) -> list[str]:
    """Load every font file in ``folders``; the families that were added."""
    families: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for pattern in FONT_FILES:
            for path in sorted(folder.glob(pattern)):
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id >= 0:
                    families += QFontDatabase.applicationFontFamilies(font_id)
    return sorted(set(families))
