"""A legible floor: at 1920×1080 nothing a visitor reads is smaller than 28 px, on any screen
of the shipped exhibit, in either language; and content that sets a smaller size is warned of
at its line. The real kiosk, walked by a visitor's taps."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.content.loader import LEGIBLE_PX
from kiosk.session import Screen
from tests.conftest import CONTENT
from tests.test_grid import walk_pages
from tests.touch import settle, start_visit, tap

PAINTED = ("body", "caption", "card-title", "button", "heading", "title", "tile-title", "display")


def too_small(kiosk, where: str) -> list[str]:
    """Each text shown in the window now whose type is under the floor, named with its words."""
    window, found = kiosk.window, []
    for widget in [*window.findChildren(QLabel), *window.findChildren(QPushButton)]:
        words = widget.text().strip()
        if not words or not widget.isVisible():
            continue
        if widget.font().pixelSize() < LEGIBLE_PX:
            found.append(f"{where}: {words[:40]!r} {widget.font().pixelSize()} px")
    return found


@pytest.mark.parametrize("language", ["en", "sv"])
def test_no_visitor_text_under_28_px_at_1920x1080(open_kiosk, qtbot, clock, language):
    kiosk = open_kiosk(CONTENT, size=(1920, 1080), clock=clock)
    ui = kiosk.screens.ctx.ui
    assert ui.scale == 1.0
    # What the kiosk paints itself (tiles, chart figures and names, the page dots) is set in
    # these fonts.
    assert {role: ui.font(role).pixelSize() for role in PAINTED if ui.font(role).pixelSize() < LEGIBLE_PX} == {}
    small = too_small(kiosk, "attract")
    start_visit(kiosk, qtbot)
    if language != kiosk.session.state.language:
        tap(next(b for b in kiosk.screens.home.language_buttons if b.objectName().endswith(language)))
        settle(kiosk, qtbot)
    assert kiosk.session.state.language == language
    small += too_small(kiosk, "home")
    screen = kiosk.screens.chapter
    for view in walk_pages(kiosk, qtbot):
        small += too_small(kiosk, f"{screen.chapter.id}/{view.page.id}")
        if view.page.sources and screen.sources_button.isVisible():
            tap(screen.sources_button)
            settle(kiosk, qtbot)
            small += too_small(kiosk, f"{screen.chapter.id}/{view.page.id} sources")
            tap(kiosk.screens.sources.close_button)
            settle(kiosk, qtbot)
    assert kiosk.session.state.screen is Screen.HOME
    clock.advance(kiosk.result.exhibit.idle.timeout)
    assert kiosk.idle_overlay.isVisible()
    small += too_small(kiosk, "still there?")
    assert small == []


def test_a_text_size_under_the_floor_is_warned_of_at_its_line(content_copy, capsys, monkeypatch):
    from kiosk.cli import main

    exhibit = content_copy / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    text = text.replace("  fonts: {heading: Noto Serif, body: Noto Sans}\n",
                        "  fonts: {heading: Noto Serif, body: Noto Sans}\n  sizes:\n    caption: 22\n")
    exhibit.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    caption: 22") + 1
    monkeypatch.chdir(content_copy.parent)
    assert main(["validate", "--strict", str(content_copy)]) != 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert f"exhibit.yaml:{line}" in said
    assert "22 px is too small to read" in said and "set caption: 28 or more" in said
