"""The page views (all kinds but charts), built from the shipped exhibit and driven by touch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from kiosk.content.loader import load_exhibit

CONTENT = Path(__file__).resolve().parents[1] / "content"
SIZES = {"1920x1080": (1920, 1080), "1366x768": (1366, 768)}
DEVICE = QTest.createTouchDevice()

_EXHIBIT = load_exhibit(CONTENT).exhibit
PAGES = [
    pytest.param(chapter.id, index, id=f"{chapter.id}/{page.id or index}")
    for chapter in _EXHIBIT.chapters
    for index, page in enumerate(chapter.pages)
    if page.type != "chart"
]


def find_page(exhibit, ref: str):
    return exhibit.find_page(ref)[1]


@pytest.fixture
def context_at(qapp, shipped_exhibit):
    """A ViewContext for a screen of the given size (as conftest's view_context, at 96 dpi)."""
    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.pages.base import ViewContext
    from kiosk.ui.theme import make_theme

    register_fonts(assets_dir() / "fonts")

    def make(size=(1920, 1080), lang=None):
        ui = make_theme(shipped_exhibit.theme, QSize(*size), 96)
        qapp.setStyleSheet(ui.stylesheet())
        return ViewContext(shipped_exhibit, ui, lang or shipped_exhibit.default_language)

    return make


_HOSTS: list[QWidget] = []


@pytest.fixture(autouse=True)
def _keep_hosts():
    """The hosts ``show`` makes live until the test ends (their views die with them)."""
    yield
    _HOSTS.clear()


def show(qtbot, view: QWidget, size=(1920, 1080)) -> QWidget:
    """``view`` on a screen-coloured host of ``size``, shown, told it is the current page."""
    host = QWidget()
    _HOSTS.append(host)
    host.setProperty("role", "screen")
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # offscreen warns on size hints
    layout.addWidget(view)
    qtbot.addWidget(host)
    host.resize(*size)
    host.show()
    qtbot.waitExposed(host)
    if hasattr(view, "page_shown"):
        view.page_shown()
    return host


def tap(widget: QWidget, point: QPoint | None = None) -> None:
    """A finger down and up on ``widget`` (at its centre unless told)."""
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center() if point is None else point)
    QTest.touchEvent(window, DEVICE).press(0, at, window).commit()
    QTest.touchEvent(window, DEVICE).release(0, at, window).commit()


def assert_fully_shown(label: QLabel, view: QWidget) -> None:
    """The label is visible, inside the view, and tall enough for all of its lines."""
    assert label.isVisibleTo(view)
    where = label.geometry().translated(label.parentWidget().mapTo(view, QPoint(0, 0)))
    assert view.rect().contains(where), (where, view.rect())
    assert label.height() >= label.heightForWidth(label.width()), label.text()


def distinct_colours(widget: QWidget) -> int:
    image = widget.grab().toImage()
    step = max(1, min(image.width(), image.height()) // 60)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


# --- every page ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
@pytest.mark.parametrize("chapter_id, index", PAGES)
def test_every_page_renders_with_its_title_whole(qtbot, context_at, chapter_id, index, size):
    from kiosk.ui.pages import make_page_view

    ctx = context_at(size)
    page = ctx.exhibit.chapter(chapter_id).pages[index]
    view = make_page_view(page, ctx)
    host = show(qtbot, view, size)
    assert distinct_colours(host) > 2  # not a blank page
    if page.title is not None:
        assert view.title_label.text() == ctx.text(page.title)
        assert_fully_shown(view.title_label, view)
    main = {"quote": "quote_label", "image": "caption_label", "figure": "figure_label"}.get(page.type)
    if main:
        assert_fully_shown(getattr(view, main), view)


# --- text --------------------------------------------------------------------------------------


def test_a_text_page_shows_the_words_of_its_body_without_markdown(qtbot, view_context):
    from kiosk.ui.pages.text_page import TextPageView

    page = find_page(view_context.exhibit, "02-secret-police/names")
    view = TextPageView(page, view_context)
    show(qtbot, view)
    shown = view.body_label.plain_text()
    assert "It began as the Cheka. Later it was known as the GPU and the NKVD." in shown
    assert "*" not in shown and "*" not in view.body_label.text()  # what screen readers get
    assert view.body_label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction


def test_a_text_page_shows_a_list_as_a_list(qtbot, view_context):
    from kiosk.ui.pages.text_page import TextPageView

    page = find_page(view_context.exhibit, "02-secret-police/year-1924")
    view = TextPageView(page, view_context)
    show(qtbot, view)
    lines = view.body_label.plain_text().splitlines()
    assert "People arrested or checked. Some were sent to labour camps." in lines
    assert "People killed." in lines


def test_a_long_text_scrolls_and_a_reset_brings_it_back_to_the_top(qtbot, view_context):
    from kiosk.ui.pages.text_page import TextPageView

    page = find_page(view_context.exhibit, "05-grain-crisis/control")
    roomy, cramped = TextPageView(page, view_context), TextPageView(page, view_context)
    show(qtbot, roomy, (1920, 1080))
    show(qtbot, cramped, (1920, 300))
    assert roomy.scroll_area_for(Qt.Orientation.Vertical) is None
    area = cramped.scroll_area_for(Qt.Orientation.Vertical)
    assert area is not None and cramped.scroll_area_for(Qt.Orientation.Horizontal) is None
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    assert area.verticalScrollBar().value() > 0
    cramped.reset()
    assert area.verticalScrollBar().value() == 0


# --- image, figure, quote ------------------------------------------------------------------------


@pytest.mark.parametrize("ref", [
    "01-roots-of-terror/letters-drawing", "04-five-year-plan/gear-and-wheat", "07-war-on-peasants/camp",
])
def test_a_picture_carries_its_alt_text_for_screen_readers(qtbot, view_context, ref):
    from kiosk.ui.pages.image_page import ImagePageView

    page = find_page(view_context.exhibit, ref)
    view = ImagePageView(page, view_context)
    show(qtbot, view)
    alt = view_context.text(page.alt)
    picture = QAccessible.queryAccessibleInterface(view.image_view)
    assert picture.text(QAccessible.Text.Description) == alt
    assert picture.text(QAccessible.Text.Name) == alt
    assert view.accessibleDescription() == alt
    assert not view.image_view.picture_rect().isEmpty()


def test_a_picture_keeps_its_aspect_and_fills_its_room(qtbot, view_context):
    from kiosk.ui.pages.image_page import ImagePageView

    view = ImagePageView(find_page(view_context.exhibit, "07-war-on-peasants/camp"), view_context)
    show(qtbot, view)
    shown, natural = view.image_view.picture_rect(), view.image_view.natural_size()
    assert abs(shown.width() / shown.height() - natural.width() / natural.height()) < 0.01
    assert shown.width() > view.width() / 2


def test_a_key_figure_is_written_the_visitors_way(qtbot, context_at):
    from kiosk.ui.pages.figure_page import FigurePageView

    ctx = context_at()
    page = find_page(ctx.exhibit, "02-secret-police/letters")
    view = FigurePageView(page, ctx)
    show(qtbot, view)
    assert view.figure_label.text() == "5,078,174"
    swedish = FigurePageView(page, context_at(lang="sv"))
    show(qtbot, swedish)
    assert swedish.figure_label.text() == QLocale("sv").toString(5078174)  # 5 078 174


def test_a_key_figure_written_in_words_keeps_its_number_with_its_word(qtbot, view_context):
    from kiosk.ui.pages.figure_page import FigurePageView

    view = FigurePageView(find_page(view_context.exhibit, "07-war-on-peasants/dead"), view_context)
    show(qtbot, view, (1080, 1920))
    assert view.figure_label.text() == "at least 6\u00a0million"


QUOTE_PAGE = """
  - type: quote
    id: made-quote
    title: {en: A quotation, sv: Ett citat}
    quote: {en: The terror is not something that Stalin started., sv: Terrorn är inte något som Stalin började.}
    attribution: {en: "From the curator's notes for this exhibit", sv: Ur intendentens anteckningar till utställningen}
    context:
      en: The secret police were at work long before Stalin held full power.
      sv: Den hemliga polisen var i arbete långt innan Stalin hade all makt.
"""


def test_a_quote_shows_the_quote_its_attribution_and_context(qtbot, view_context, content_copy):
    """The shipped content has no quote page now, so the test adds one to a copy of it."""
    from kiosk.ui.pages.base import ViewContext
    from kiosk.ui.pages.quote_page import QuotePageView

    chapter_file = content_copy / "chapters" / "01-roots-of-terror" / "chapter.yaml"
    chapter_file.write_text(chapter_file.read_text(encoding="utf-8").rstrip("\n") + "\n" + QUOTE_PAGE,
                            encoding="utf-8")
    result = load_exhibit(content_copy)
    assert not result.errors, result.errors
    ctx = ViewContext(result.exhibit, view_context.ui, result.exhibit.default_language)
    page = find_page(ctx.exhibit, "01-roots-of-terror/made-quote")
    assert page.type == "quote"
    view = QuotePageView(page, ctx)
    show(qtbot, view)
    assert view.quote_label.text() == "The terror is not something that Stalin started."
    assert view.attribution_label.text() == "From the curator's notes for this exhibit"
    assert "before Stalin held full power" in view.context_label.plain_text()
    assert view.mark.isVisible() and view.mark.width() > 0


# --- timeline ------------------------------------------------------------------------------------


@pytest.fixture
def timeline_page(qtbot, view_context):
    from kiosk.ui.pages.timeline_page import TimelinePageView

    page = find_page(view_context.exhibit, "08-timeline/years")
    view = TimelinePageView(page, view_context)
    show(qtbot, view)
    return view


def test_a_tapped_event_shows_its_text_and_another_tap_switches(qtbot, timeline_page):
    events, cards = timeline_page.page.events, timeline_page.timeline.cards
    assert timeline_page.current_event() == 0  # the first event is told until another is tapped
    with qtbot.waitSignal(timeline_page.event_opened) as opened:
        tap(cards[1])
    assert opened.args == [1]
    assert timeline_page.detail.isVisible()
    assert timeline_page.detail.text_label.plain_text() == events[1].text.get("en")
    assert timeline_page.detail.title_label.text() == events[1].title.get("en")
    with qtbot.waitSignal(timeline_page.event_opened) as opened:
        tap(cards[3])
    assert opened.args == [3]
    assert timeline_page.detail.text_label.plain_text() == events[3].text.get("en")
    assert timeline_page.current_event() == 3


def test_the_close_button_closes_the_open_event(qtbot, timeline_page):
    tap(timeline_page.timeline.cards[0])
    close = timeline_page.detail.close_button
    assert close.text() == "Close"
    tap(close)
    assert not timeline_page.detail.isVisible()
    assert timeline_page.current_event() == -1


def test_a_cancelled_press_opens_nothing(qtbot, timeline_page):
    card = timeline_page.timeline.cards[1]
    window, at = card.window(), card.mapTo(card.window(), card.rect().center())
    with qtbot.assertNotEmitted(timeline_page.event_opened):
        QTest.touchEvent(window, DEVICE).press(0, at, window).commit()
        assert card.isDown()  # the press shows
        far = QPointF(-10_000, -10_000)
        cancel = QMouseEvent(QEvent.Type.MouseButtonRelease, far, card.mapToGlobal(far),
                             Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        card.event(cancel)
        QTest.touchEvent(window, DEVICE).release(0, QPoint(-10_000, -10_000), window).commit()
    assert not card.isDown()
    assert timeline_page.current_event() == 0  # still the first event, as the page opened


def test_the_timeline_scrolls_sideways_only_when_it_does_not_fit(qtbot, context_at):
    from kiosk.ui.pages.timeline_page import TimelinePageView, TimelineView

    ctx = context_at((1080, 1920))
    page = find_page(ctx.exhibit, "08-timeline/years")
    portrait = TimelinePageView(page, ctx)
    show(qtbot, portrait, (1080, 1920))
    area = portrait.scroll_area_for(Qt.Orientation.Horizontal)
    assert area is not None and area.horizontalScrollBar().maximum() > 0
    wide = TimelineView(page.events, ctx, compact=True)
    show(qtbot, wide, (3 * 1920, 400))
    assert wide.scroll_area_for(Qt.Orientation.Horizontal) is None


def test_every_year_of_the_span_is_on_the_line(view_context):
    from kiosk.ui.pages.timeline_page import year_span

    assert year_span(find_page(view_context.exhibit, "08-timeline/years").events) == (1921, 1931)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=str)
def test_a_reset_scrolls_back_to_the_first_event_open(qtbot, context_at, size):
    from kiosk.ui.pages.timeline_page import TimelinePageView

    ctx = context_at(size)
    view = TimelinePageView(find_page(ctx.exhibit, "08-timeline/years"), ctx)
    show(qtbot, view, size)
    assert view.current_event() == 0 and view.detail.isVisible()  # the page never opens empty
    view.open_event(7)
    assert view.timeline.area.horizontalScrollBar().value() > 0  # the open event scrolled into view
    view.reset()
    assert view.current_event() == 0 and view.detail.isVisible()
    assert view.detail.title_label.text() == view.page.events[0].title.get("en")
    assert view.timeline.area.horizontalScrollBar().value() == 0


def test_the_compact_timeline_only_announces_a_tap(qtbot, view_context):
    from kiosk.ui.pages.timeline_page import TimelineView

    timeline = TimelineView(find_page(view_context.exhibit, "08-timeline/years").events, view_context, compact=True)
    show(qtbot, timeline)
    with qtbot.waitSignal(timeline.event_opened) as opened:
        tap(timeline.cards[2])
    assert opened.args == [2]
    assert timeline.height() < 300


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)], ids=str)
def test_tap_targets_are_large_and_apart(qtbot, context_at, size):
    from kiosk.ui.pages.timeline_page import TimelinePageView

    ctx = context_at(size)
    view = TimelinePageView(find_page(ctx.exhibit, "08-timeline/years"), ctx)
    show(qtbot, view, size)
    view.open_event(0)
    cards = view.timeline.cards
    steps = [b for b in (view.detail.earlier_button, view.detail.later_button) if b.isVisible()]
    for target in [*cards, view.detail.close_button, *steps]:
        assert min(target.width(), target.height()) >= ctx.ui.tap_px >= 64
    for left, right in zip(cards, cards[1:]):
        assert right.x() - left.geometry().right() >= ctx.ui.gap // 2


def test_the_compact_timeline_shows_whole_titles_when_styled_by_its_window(qtbot, qapp, context_at):
    """As on the home screen: the stylesheet is the window's, set before the line is on it."""
    from kiosk.ui.pages.timeline_page import TimelineView

    ctx = context_at((1920, 1080))
    qapp.setStyleSheet("")
    host = QWidget()
    _HOSTS.append(host)
    host.setStyleSheet(ctx.ui.stylesheet())
    timeline = TimelineView(find_page(ctx.exhibit, "08-timeline/years").events, ctx, compact=True)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.addWidget(QWidget(), 1)  # the chapter tiles, taking what the line leaves
    layout.addWidget(timeline)
    qtbot.addWidget(host)
    host.resize(1776, 400)
    host.show()
    qtbot.waitExposed(host)
    # The revised titles need more than the home's 1776 px (the line then scrolls sideways, as
    # tested above); the titles must be whole both there and where the whole line fits.
    for width in (1776, max(1776, timeline.sizeHint().width())):
        host.resize(width, 400)
        qtbot.waitUntil(lambda: timeline.width() == width)
        assert timeline.height() == timeline.sizeHint().height() == timeline.minimumSizeHint().height()
        fits = timeline.sizeHint().width() <= width
        assert (timeline.scroll_area_for(Qt.Orientation.Horizontal) is None) == fits
        for card in timeline.cards:
            title = card.title_label
            assert title.font().pixelSize() == ctx.ui.font("card-title").pixelSize()
            assert title.height() >= title.heightForWidth(title.width()), title.text()
            assert title.geometry().bottom() < card.height()
            assert title.heightForWidth(title.width()) < 3 * title.fontMetrics().lineSpacing()  # two lines at most
    assert fits  # at its natural width, the whole line fits


def test_in_portrait_the_event_steps_to_its_neighbours(qtbot, context_at):
    from kiosk.ui.pages.timeline_page import TimelinePageView

    ctx = context_at((1080, 1920))
    view = TimelinePageView(find_page(ctx.exhibit, "08-timeline/years"), ctx)
    show(qtbot, view, (1080, 1920))
    detail = view.detail
    qtbot.waitUntil(lambda: detail.height() > 0)  # laid out, as before a visitor's first look
    assert not detail.earlier_button.isVisible()  # the first event has nothing before it
    assert detail.later_button.text().startswith("1924")
    line = view.timeline.mapTo(view, view.timeline.rect().topLeft())
    with qtbot.waitSignal(view.event_opened) as opened:
        tap(detail.later_button)
    assert opened.args == [1] and view.current_event() == 1
    assert detail.earlier_button.text().endswith("1921")
    assert view.timeline.mapTo(view, view.timeline.rect().topLeft()) == line  # the line stays put
    assert detail.date_label.property("role") == "date"


def test_a_page_laid_out_narrow_while_hidden_does_not_scroll_when_shown_wide(qtbot, context_at):
    from kiosk.ui.pages import make_page_view

    size = (3840 - 288, 2160 - 512)  # a page of the kiosk on a 4K screen
    ctx = context_at((3840, 2160))
    view = make_page_view(find_page(ctx.exhibit, "03-dangerous-person/" + ctx.exhibit.chapter(
        "03-dangerous-person").pages[1].id), ctx)
    view.resize(400, 800)  # as a page waiting off screen may be
    view.layout().activate()
    show(qtbot, view, size)
    assert view.scroll_area_for(Qt.Orientation.Vertical) is None


def test_headings_inside_a_page_use_the_heading_role(qtbot, view_context):
    from kiosk.ui.pages.sources import SourcesPanel
    from kiosk.ui.pages.timeline_page import TimelinePageView

    view = TimelinePageView(find_page(view_context.exhibit, "08-timeline/years"), view_context)
    panel = SourcesPanel(find_page(view_context.exhibit, "02-secret-police/gpu-1924"), view_context)
    show(qtbot, view)
    ui = view_context.ui
    for label in (view.detail.title_label, panel.heading_label):
        label.ensurePolished()
        assert label.property("role") == "heading"
        assert label.font().pixelSize() == ui.text_px(ui.theme.sizes.title * 0.62) == ui.font("heading").pixelSize()


def test_disabled_primary_buttons_look_disabled_and_selected_tiles_are_marked(qtbot, view_context):
    from PySide6.QtWidgets import QPushButton

    host = QWidget()
    _HOSTS.append(host)
    enabled, disabled = QPushButton("Next", host), QPushButton("Next", host)
    tile, selected = QPushButton("", host), QPushButton("", host)
    for primary in (enabled, disabled):
        primary.setProperty("role", "primary")
    for each in (tile, selected):
        each.setProperty("role", "tile")
    selected.setProperty("selected", True)
    enabled.setGeometry(10, 10, 200, 100)
    disabled.setGeometry(220, 10, 200, 100)
    tile.setGeometry(10, 150, 200, 100)
    selected.setGeometry(220, 150, 200, 100)
    disabled.setEnabled(False)
    show(qtbot, host, (440, 300))
    accent = view_context.ui.colour("accent")

    def near_accent(colour: QColor) -> bool:
        return all(abs(a - b) < 24 for a, b in zip(colour.getRgb()[:3], accent.getRgb()[:3]))

    assert near_accent(QColor(enabled.grab().toImage().pixel(100, 20)))  # a ready key is the accent
    assert not near_accent(QColor(disabled.grab().toImage().pixel(100, 20)))
    assert near_accent(QColor(selected.grab().toImage().pixel(100, 0)))  # the selected tile's edge
    assert not near_accent(QColor(tile.grab().toImage().pixel(100, 0)))


def test_the_theme_and_the_pages_without_charts_do_not_import_pyqtgraph():
    import subprocess
    import sys

    code = ("import sys; import kiosk.ui.theme, kiosk.ui.pages, kiosk.ui.pages.timeline_page, "
            "kiosk.ui.pages.text_page, kiosk.ui.pages.image_page, kiosk.ui.widgets; "
            "print('pyqtgraph' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


# --- sources ---------------------------------------------------------------------------------------


def test_the_sources_panel_lists_the_sources_and_closes(qtbot, view_context):
    from kiosk.ui.pages.sources import SourcesPanel

    page = find_page(view_context.exhibit, "02-secret-police/gpu-1924")
    panel = SourcesPanel(page, view_context)
    show(qtbot, panel)
    assert panel.heading_label.text() == "Sources"
    assert panel.sources() == [view_context.text(source) for source in page.sources]
    assert all(label.isVisible() for label in panel.source_labels)
    with qtbot.assertNotEmitted(panel.closed):
        tap(panel.panel, QPoint(panel.panel.width() // 2, panel.panel.height() - 5))
    with qtbot.waitSignal(panel.closed):
        tap(panel.close_button)
    with qtbot.waitSignal(panel.closed):
        tap(panel, QPoint(5, 5))  # on the dimmed page outside the panel
