"""Shared test set-up: Qt offscreen, the shipped content, and a check for leaked timers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content folder, safe to break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def shipped_exhibit():
    """The shipped exhibit, loaded once."""
    from kiosk.content.loader import load_exhibit

    result = load_exhibit(CONTENT)
    assert not result.errors, result.errors
    return result.exhibit


@pytest.fixture
def view_context(qapp, shipped_exhibit):
    """What page views need, for a 1920×1080 screen at 96 dpi, in the exhibit's first language."""
    from PySide6.QtCore import QSize

    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.pages.base import ViewContext
    from kiosk.ui.theme import make_theme

    register_fonts(assets_dir() / "fonts")
    ui = make_theme(shipped_exhibit.theme, QSize(1920, 1080), 96)
    qapp.setStyleSheet(ui.stylesheet())
    return ViewContext(shipped_exhibit, ui, shipped_exhibit.default_language)


def make_kiosk(qtbot, result, size=(1920, 1080), content_dir=None):
    """A kiosk in kiosk mode on a screen of ``size``, shown and ready for a finger."""
    from PySide6.QtCore import QSize

    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.kiosk import Kiosk

    register_fonts(assets_dir() / "fonts")
    kiosk = Kiosk(result, str(content_dir or CONTENT), QSize(*size), 96, kiosk_mode=True)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(*size)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    return kiosk


@pytest.fixture
def kiosk(qtbot):
    """The shipped exhibit running as a kiosk at 1920×1080, every page built ahead."""
    from kiosk.content.loader import load_exhibit

    running = make_kiosk(qtbot, load_exhibit(CONTENT))
    running.screens.library.build_all()
    yield running
    running.stop()
