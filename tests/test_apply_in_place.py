"""A change of language, text size or contrast reaches every view in place (``apply``).

Each view is built in one context (English, text at 1.0, the content's colours) and given
another (Swedish where the content has it, text at 1.5, high contrast). It must then keep
every widget and graphics item it had and look, pixel for pixel, like a view freshly built in
the second context.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QPoint, QSize
from PySide6.QtGui import QImage, QTextObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsView, QLayout, QVBoxLayout, QWidget

from kiosk.content.loader import load_exhibit

CONTENT = Path(__file__).resolve().parents[1] / "content"
SIZE = (1920, 1080)
DEVICE = QTest.createTouchDevice()
SHOTS = os.environ.get("KIOSK_APPLY_SHOTS")  # a folder: save each applied view there to look at


@pytest.fixture
def contexts(qapp):
    """``contexts(exhibit)``: make(lang, text_scale, high_contrast) for that exhibit, each setting
    the application's stylesheet as the kiosk sets its window's."""
    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.pages.base import ViewContext
    from kiosk.ui.theme import make_theme

    register_fonts(assets_dir() / "fonts")

    def for_exhibit(exhibit, size=SIZE):
        def make(lang="en", text_scale=1.0, high_contrast=False):
            ui = make_theme(exhibit.theme, QSize(*size), 96, text_scale, high_contrast)
            qapp.setStyleSheet(ui.stylesheet())
            return ViewContext(exhibit, ui, lang)

        return make

    return for_exhibit


@pytest.fixture
def shipped(shipped_exhibit, contexts):
    return shipped_exhibit, contexts(shipped_exhibit)


@pytest.fixture
def small(small_content, contexts):
    exhibit = load_exhibit(small_content()).exhibit
    return exhibit, contexts(exhibit)


class Hosts:
    """Screen-coloured hosts that show a view at a size, kept until the test ends."""

    def __init__(self, qtbot):
        self.qtbot, self.hosts = qtbot, []

    def show(self, view: QWidget, size=SIZE) -> QWidget:
        host = QWidget()
        self.hosts.append(host)
        host.setProperty("role", "screen")
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(view)
        self.qtbot.addWidget(host)
        host.resize(*size)
        host.show()
        self.qtbot.waitExposed(host)
        settle(self.qtbot)
        return host


@pytest.fixture
def hosts(qtbot):
    return Hosts(qtbot)


def settle(qtbot) -> None:
    """Let posted layout requests and repaints run."""
    for _ in range(3):
        qtbot.wait(1)


def parts(widget: QWidget) -> set[tuple[int, str]]:
    """Every QObject inside ``widget``, and every item in the scenes of its graphics views.

    A text document's own frames and lists are its text, not widgets: new text, new frames."""
    objects = [o for o in widget.findChildren(QObject) if not isinstance(o, QTextObject)]
    found = {(shiboken6.getCppPointer(o)[0], type(o).__name__) for o in objects}
    for view in (o for o in objects if isinstance(o, QGraphicsView)):
        found |= {(id(item), type(item).__name__) for item in view.scene().items()}
    return found


def picture(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def assert_same_picture(applied: QWidget, fresh: QWidget, name: str, tmp_path: Path) -> None:
    a, b = picture(applied), picture(fresh)
    if a != b:
        a.save(str(tmp_path / f"{name}-applied.png"))
        b.save(str(tmp_path / f"{name}-fresh.png"))
    assert a.size() == b.size()
    assert a == b, f"{name}: the view after apply differs from a fresh one (see {tmp_path})"


def check_apply(qtbot, hosts, make, ctx_a, ctx_b, name, tmp_path, size=SIZE, before=None):
    """Build with ``ctx_a()``, apply ``ctx_b()``: same parts, same picture as a fresh build.

    ``before(view)`` does what a visitor did first (to both views). The pictures are of the
    screen-coloured hosts, so that text is drawn on the background it is seen on."""
    a = ctx_a()
    view = make(a)
    host = hosts.show(view, size)
    if before is not None:
        before(view)
    kept, before_apply = parts(view), picture(host)
    b = ctx_b()
    view.apply(b)
    settle(qtbot)
    assert parts(view) == kept, f"{name}: apply made or deleted widgets or items"
    assert picture(host) != before_apply, f"{name}: apply changed nothing to see"
    fresh = make(b)
    fresh_host = hosts.show(fresh, size)
    if before is not None:
        before(fresh)
    settle(qtbot)
    assert_same_picture(host, fresh_host, name, tmp_path)
    if SHOTS:
        picture(host).save(str(Path(SHOTS) / f"{name}.png"))
    return view, fresh


# --- page views ------------------------------------------------------------------------------

SHIPPED_PAGES = ["01-roots-of-terror/intro", "01-roots-of-terror/letters-drawing", "01-roots-of-terror/quote",
                 "02-secret-police/personnel", "02-secret-police/gpu-1924", "02-secret-police/letters",
                 "07-war-on-peasants/deported", "08-timeline/years"]


def make_view(page):
    from kiosk.ui.pages import make_page_view

    return lambda ctx: make_page_view(page, ctx)


@pytest.mark.parametrize("ref", SHIPPED_PAGES)
def test_a_shipped_page_applied_larger_and_in_high_contrast_is_a_fresh_one(qtbot, hosts, shipped, ref,
                                                                           tmp_path):
    exhibit, context = shipped
    _, page = exhibit.find_page(ref)
    check_apply(qtbot, hosts, make_view(page), lambda: context(),
                lambda: context(text_scale=1.5, high_contrast=True), ref.replace("/", "-"), tmp_path)


@pytest.mark.parametrize("ref", ["01-story/long", "01-story/figures", "01-story/years"])
def test_a_page_applied_in_swedish_is_a_fresh_one(qtbot, hosts, small, ref, tmp_path):
    exhibit, context = small
    _, page = exhibit.find_page(ref)
    check_apply(qtbot, hosts, make_view(page), lambda: context(),
                lambda: context("sv", 1.5, True), ref.replace("/", "-"), tmp_path)
