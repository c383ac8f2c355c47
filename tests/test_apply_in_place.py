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
from PySide6.QtCore import QObject, QPoint, QSize, Qt
from PySide6.QtGui import QImage, QTextObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsView, QLayout, QVBoxLayout, QWidget

from kiosk.content.loader import load_exhibit
from tests.touch import tap

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
        def make(lang="en", text_scale=1.0, high_contrast=False, reduced_motion=False):
            ui = make_theme(exhibit.theme, QSize(*size), 96, text_scale, high_contrast, reduced_motion)
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


def lineage(thing: QObject) -> str:
    """``thing`` and its parents, for a message."""
    names = []
    while thing is not None:
        names.append(f"{type(thing).__name__}{'#' + thing.objectName() if thing.objectName() else ''}")
        thing = thing.parent()
    return " in ".join(names)


def picture(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def assert_same_picture(applied: QWidget, fresh: QWidget, name: str, tmp_path: Path) -> None:
    a, b = picture(applied), picture(fresh)
    tmp_path = Path(SHOTS or tmp_path)
    if a != b:
        a.save(str(tmp_path / f"{name}-applied.png"))
        b.save(str(tmp_path / f"{name}-fresh.png"))
    assert a.size() == b.size()
    assert a == b, f"{name}: the view after apply differs from a fresh one (see {tmp_path})"


def apply_to(widget, ctx) -> None:
    widget.apply(ctx)


def check_apply(qtbot, hosts, make, ctx_a, ctx_b, name, tmp_path, size=SIZE, before=None, apply=apply_to):
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
    apply(view, b)
    settle(qtbot)
    assert parts(view) == kept, f"{name}: apply made or deleted widgets or items: " + ", ".join(
        lineage(o) for o in view.findChildren(QObject)
        if (shiboken6.getCppPointer(o)[0], type(o).__name__) not in kept and not isinstance(o, QTextObject))
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


def test_the_sources_panel_applied_in_swedish_is_a_fresh_one(qtbot, hosts, small, tmp_path):
    from kiosk.ui.pages.sources import SourcesPanel

    exhibit, context = small
    _, page = exhibit.find_page("01-story/long")
    panel, _ = check_apply(qtbot, hosts, lambda ctx: SourcesPanel(page, ctx), lambda: context(),
                           lambda: context("sv", 1.5, True), "sources", tmp_path)
    assert panel.heading_label.text() == "Källor"
    assert panel.sources() == ["En källa"]


# --- screens ---------------------------------------------------------------------------------

def test_the_attract_screen_and_its_highlight_applied_are_fresh_ones(qtbot, hosts, shipped, tmp_path):
    from kiosk.ui.attract import AttractScreen

    exhibit, context = shipped
    screen, fresh = check_apply(qtbot, hosts, AttractScreen, lambda: context(), lambda: context("sv", 1.5, True),
                                "attract", tmp_path, before=lambda screen: screen.show_highlight(1))
    assert screen.title.text() == exhibit.title.get("sv")
    assert screen.line.text() == exhibit.attract.highlights[1].line.get("sv")
    assert screen.invitation.text() == exhibit.labels.touch_to_begin.get("sv")
    for one in (screen, fresh):
        one.stop()


def test_the_home_screen_applied_in_swedish_marks_swedish_and_is_a_fresh_one(qtbot, hosts, small, tmp_path):
    from kiosk.ui.home import HomeScreen
    from kiosk.ui.pages.timeline_view import TimelineView

    exhibit, context = small
    _, page = exhibit.find_page("01-story/years")

    def make(ctx):
        return HomeScreen(ctx, TimelineView(page.events, ctx, compact=True))

    home, _ = check_apply(qtbot, hosts, make, lambda: context(), lambda: context("sv", 1.5, True), "home",
                          tmp_path)
    assert [b.property("role") for b in home.language_buttons] == ["quiet", "primary"]
    assert home.tiles[0].title.text() == "Berättelsen"


def test_the_advisory_applied_larger_is_a_fresh_one(qtbot, hosts, shipped, tmp_path):
    from kiosk.ui.advisory import AdvisoryScreen

    exhibit, context = shipped
    chapter = exhibit.chapter("02-secret-police")
    check_apply(qtbot, hosts, AdvisoryScreen, lambda: context(), lambda: context(text_scale=1.5, high_contrast=True),
                "advisory", tmp_path, before=lambda screen: screen.show_chapter(chapter))


def test_the_chapter_screen_applied_in_swedish_is_a_fresh_one(qtbot, hosts, small, tmp_path):
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.chapter_screen import ChapterScreen
    from kiosk.ui.library import PageLibrary

    exhibit, context = small
    chapter = exhibit.chapters[0]

    def make(ctx):
        screen = ChapterScreen(ctx, None)
        shelf = QWidget(screen)
        shelf.hide()
        screen._library = screen.library = PageLibrary(ctx, shelf, parent=screen)
        return screen

    def apply(screen, ctx):  # as the kiosk does: the screen, then every page view kept
        screen.apply(ctx)
        screen.library.apply(ctx)

    def browse(screen):  # every page seen once (and so laid out), then back to the first
        screen.open_chapter(0, chapter, 0)
        for page in [*range(1, len(chapter.pages)), 0]:
            screen.show_page(page, animate=False)
            settle(qtbot)

    screen, _ = check_apply(qtbot, hosts, make, lambda: context(), lambda: context("sv", 1.5, True), "chapter",
                            tmp_path, before=browse, apply=apply)
    assert screen.next_button.text() == "Nästa  \u203a"
    assert screen.chapter_title.text() == "Berättelsen"
    screen.stack.detach()


def test_the_idle_question_applied_in_swedish_keeps_counting(qtbot, hosts, small, tmp_path):
    from kiosk.ui.idle import IdleOverlay

    exhibit, context = small
    overlay, _ = check_apply(qtbot, hosts, IdleOverlay, lambda: context(), lambda: context("sv", 1.5, True),
                             "idle", tmp_path, before=lambda overlay: overlay.show_countdown(5))
    assert overlay.question.text() == "Är du kvar?"
    assert overlay.countdown.text() == "Börjar om om 5 s"


def test_the_pin_pad_applied_keeps_its_message_and_is_a_fresh_one(qtbot, hosts, small, tmp_path):
    from kiosk.ui.admin.pinpad import PinPad

    exhibit, context = small

    def wrong_pin(pad):
        tap(pad.digit_keys[5])
        tap(pad.ok_key)
        qtbot.waitUntil(lambda: not pad.checking, timeout=10000)  # checked off the UI thread

    pad, _ = check_apply(qtbot, hosts, lambda ctx: PinPad(ctx, exhibit.admin), lambda: context(),
                         lambda: context("sv", 1.5, True), "pinpad", tmp_path, before=wrong_pin)
    assert pad.message.text() == "Wrong PIN. Please try again."
    assert pad.close_button.text() == "Stäng"


def test_the_staff_screen_applied_is_a_fresh_one(qtbot, hosts, small_content, contexts, tmp_path):
    from kiosk.ui.admin.screen import AdminScreen

    result = load_exhibit(small_content())
    context = contexts(result.exhibit)
    check_apply(qtbot, hosts, lambda ctx: AdminScreen(ctx, result, "content", "1.2.3", "09:30"),
                lambda: context(), lambda: context("sv", 1.5, True), "admin", tmp_path)


# --- the visitor's place is kept, and the views say what the visitor did ------------------------

def bar_centre(view, series: int, category: int) -> QPoint:
    return view.chart.mapTo(view, view.chart.bar_rect(series, category).center().toPoint())


def test_a_revealed_figure_stays_revealed_in_the_new_language_and_size(qtbot, hosts, small, tmp_path):
    exhibit, context = small
    _, page = exhibit.find_page("01-story/figures")

    def reveal(view):
        view.chart.finish_growing()
        with qtbot.waitSignal(view.value_revealed) as revealed:
            tap(view, bar_centre(view, 0, 1))
        assert revealed.args == [(0, 1)]

    view, _ = check_apply(qtbot, hosts, make_view(page), lambda: context(), lambda: context("sv", 1.5, True),
                          "chart-revealed", tmp_path, before=reveal)
    assert view.chart.revealed == (0, 1) and view.chart.callout.isVisible()
    assert view.chart.callout.figure.text() == "340"
    caption = context().ui.font("caption").pixelSize()
    assert view.chart.plot.labels[0, 1].textItem.font().pixelSize() == round(caption * 1.5)


def test_only_a_visitors_tap_says_a_figure_was_revealed(qtbot, hosts, small):
    exhibit, context = small
    _, page = exhibit.find_page("01-story/figures")
    view = make_view(page)(context())
    hosts.show(view)
    view.chart.finish_growing()
    with qtbot.assertNotEmitted(view.value_revealed):
        view.chart.reveal(0, 0)  # as the proof sheet does
        view.apply(context("sv"))
    assert view.chart.revealed == (0, 0)


def test_an_open_event_stays_open_in_the_new_language(qtbot, hosts, small):
    exhibit, context = small
    _, page = exhibit.find_page("01-story/years")
    view = make_view(page)(context())
    hosts.show(view)
    with qtbot.waitSignal(view.event_opened) as opened:
        tap(view.timeline.cards[2])
    assert opened.args == [2]
    body = view.detail.text_label.font().pixelSize()
    with qtbot.assertNotEmitted(view.event_opened):
        view.apply(context("sv", 1.5, True))
    settle(qtbot)
    assert view.current_event() == 2 and view.detail.isVisible()
    assert view.detail.title_label.text() == "The third"
    assert view.detail.close_button.text() == "Stäng"
    assert view.detail.text_label.font().pixelSize() == round(body * 1.5)


def test_a_scrolled_text_stays_where_the_visitor_left_it(qtbot, hosts, small):
    exhibit, context = small
    _, page = exhibit.find_page("01-story/long")
    view = make_view(page)(context())
    hosts.show(view, (1366, 768))
    bar = view.scroll_area_for(Qt.Orientation.Vertical).verticalScrollBar()
    middle = bar.maximum() // 2
    bar.setValue(middle)
    view.apply(context("sv", 1.5, True))
    settle(qtbot)
    assert bar.maximum() > 2 * middle  # the text is longer now
    assert bar.value() == middle


# --- the high-contrast palette and reduced motion ------------------------------------------------

def test_the_high_contrast_palette_reads_on_black(shipped):
    from kiosk.ui.theme import contrast

    ui = shipped[1](high_contrast=True).ui
    black = ui.colour("background")
    assert black.name() == "#000000" and ui.colour("text").name() == "#ffffff"
    assert contrast(ui.colour("muted"), black) >= 7
    assert contrast(ui.colour("accent_text"), ui.colour("accent")) >= 7
    series = [ui.series_colour(s) for s in range(len(ui.colours.series))]
    assert all(contrast(colour, black) >= 4.5 for colour in series + [ui.colour("unknown")])
    assert len({colour.name() for colour in series}) == len(series)


def test_with_reduced_motion_pages_turn_and_bars_stand_at_once(qtbot, hosts, small):
    exhibit, context = small
    _, page = exhibit.find_page("01-story/figures")
    assert context(reduced_motion=True).ui.turn_ms == 0
    assert context().ui.turn_ms == exhibit.theme.timings.page_turn_ms
    view = make_view(page)(context(reduced_motion=True))
    hosts.show(view)
    view.page_shown()
    assert not view.chart.growing and view.chart.plot.progress == 1.0


def test_motion_reduced_while_the_bars_grow_stops_them_in_full(qtbot, hosts, small):
    exhibit, context = small
    _, page = exhibit.find_page("01-story/figures")
    view = make_view(page)(context())
    hosts.show(view)
    view.page_shown()
    assert view.chart.growing
    view.apply(context(reduced_motion=True))
    assert not view.chart.growing and view.chart.plot.progress == 1.0
