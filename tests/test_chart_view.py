"""The chart page, tapped the way a visitor taps it: exact figures revealed, unknowns shown as unknown."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.ui.pages.base import ViewContext
from kiosk.ui.pages.chart_page import ChartPageView
from kiosk.ui.theme import make_theme
from tests.touch import settle, start_visit
from tests.touch import tap as tap_widget

TOUCH = QTest.createTouchDevice()

# The offscreen platform warns on every top-level window whose layout sets a minimum size.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

BANDITS, FOREIGNERS, WHITE_GUARD, SOCIALLY_DANGEROUS = 0, 1, 2, 5
LETTERS = 6  # in the letters variant only: the shipped chart counts people alone
ARRESTED, KILLED = 0, 1


@pytest.fixture
def chart_page(qtbot, qapp, view_context, shipped_exhibit):
    """A shown chart page of the shipped chapter on the secret police, filling a screen of ``size``."""

    def make(page_id: str, size: QSize = QSize(1920, 1080)) -> ChartPageView:
        page = shipped_exhibit.chapter("02-secret-police").page_by_id(page_id)
        ctx = view_context
        if size != QSize(1920, 1080):
            ctx = ViewContext(shipped_exhibit, make_theme(shipped_exhibit.theme, size, 96), ctx.lang)
            qapp.setStyleSheet(ctx.ui.stylesheet())
        view = ChartPageView(page, ctx)
        qtbot.addWidget(view)
        view.resize(size)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


@pytest.fixture
def letters_chart(qtbot, qapp, view_context, content_copy):
    """The 1924 chart as a museum might write it: its letters row back in (a figure for the
    arrested column, "-" for the killed: it does not apply), on a log scale when asked."""
    from kiosk.content.loader import load_exhibit

    def make(scale: str = "linear") -> ChartPageView:
        folder = content_copy / "chapters" / "02-secret-police"
        with (folder / "gpu-1924.csv").open("a", encoding="utf-8") as csv_file:
            csv_file.write("Letters read,5078174,-,Lästa brev\n")
        if scale == "log":
            chapter = folder / "chapter.yaml"
            text = chapter.read_text(encoding="utf-8")
            chapter.write_text(text.replace("      kind: horizontal-bar\n", "      kind: horizontal-bar\n      scale: log\n", 1),
                               encoding="utf-8")
        result = load_exhibit(content_copy)
        assert not result.errors, result.errors
        view = ChartPageView(result.exhibit.chapter("02-secret-police").page_by_id("gpu-1924"),
                             dataclasses.replace(view_context, exhibit=result.exhibit))
        qtbot.addWidget(view)
        view.resize(1920, 1080)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def tap(view: ChartPageView, series: int, category: int, where: str = "bar") -> None:
    """A one-finger tap on a bar's middle (or on its row's category name, at the far left)."""
    chart = view.chart
    centre = chart.bar_rect(series, category).center()
    point = QPoint(round(centre.x()) if where == "bar" else 4, round(centre.y()))
    point = chart.mapTo(view, point)
    QTest.touchEvent(view, TOUCH).press(0, point, view).commit()
    QTest.touchEvent(view, TOUCH).release(0, point, view).commit()


def callout_texts(view: ChartPageView) -> list[str]:
    """The texts a visitor sees in the chart's callout."""
    return [label.text() for label in view.chart.callout.findChildren(QLabel)
            if label.isVisible() and label.text()]


def test_a_tapped_bar_reveals_its_exact_figure_and_unit(qtbot, chart_page):
    view = chart_page("gpu-1924")
    with qtbot.waitSignal(view.chart.value_revealed) as revealed:
        tap(view, ARRESTED, BANDITS)
    assert revealed.args == [ARRESTED, BANDITS]
    texts = callout_texts(view)
    assert "11,453" in texts
    assert "people" in texts
    assert "Arrested or checked · Arrested “bandits”" in texts


def test_a_tap_anywhere_in_a_row_selects_the_nearest_bar_of_that_row(qtbot, chart_page):
    view = chart_page("gpu-1924")
    with qtbot.waitSignal(view.chart.value_revealed) as revealed:
        tap(view, KILLED, WHITE_GUARD, where="category name")
    assert revealed.args == [KILLED, WHITE_GUARD]
    assert "132" in callout_texts(view)
    assert "In 81 operations against the White Guard, 132 people were killed." in " ".join(callout_texts(view))


def test_a_bar_with_a_note_shows_the_note(qtbot, chart_page):
    view = chart_page("gpu-1924")
    with qtbot.waitSignal(view.chart.value_revealed):
        tap(view, ARRESTED, FOREIGNERS)
    texts = callout_texts(view)
    assert "2,468" in texts
    assert "Of them, 357 were expelled from the country and 1,542 were counted as spies." in texts


def test_an_unknown_figure_is_drawn_hatched_and_labelled_never_as_zero(qtbot, chart_page, view_context):
    view = chart_page("gpu-1924")
    chart, ui = view.chart, view_context.ui
    bar = chart.bar_rect(KILLED, SOCIALLY_DANGEROUS)
    assert bar.width() >= ui.px(40) and bar.height() >= ui.px(10)
    assert chart.figure_text(KILLED, SOCIALLY_DANGEROUS) == "Not known"

    image = chart.grab().toImage()
    hatch = ui.colour("unknown")
    inside = bar.adjusted(2, 2, -2, -2).toRect()
    near = [
        (x, y) for x in range(inside.left(), inside.right()) for y in range(inside.top(), inside.bottom())
        if _close(QColor(image.pixel(x, y)), hatch)
    ]
    assert len(near) > inside.width() * inside.height() // 10, "the unknown bar is not hatched"

    with qtbot.waitSignal(chart.value_revealed):
        tap(view, KILLED, SOCIALLY_DANGEROUS)
    texts = callout_texts(view)
    assert "Not known" in texts
    assert "The source leaves this figure blank. It is not known." in texts
    assert "people" not in texts  # no unit for what is not a number


def test_the_1924_bars_are_as_long_as_their_figures(chart_page, shipped_exhibit):
    """A lay visitor reads a bar's length: 1,858 killed is drawn a sixth as long as 11,453
    arrested, not three quarters as long as it was on a log scale."""
    view = chart_page("gpu-1924")
    chart = view.chart
    spec = shipped_exhibit.chapter("02-secret-police").page_by_id("gpu-1924").chart
    plot = chart.plot.plot_area()
    known = [(chart.bar_rect(s, c), cell.value) for s, series in enumerate(spec.series_resolved)
             for c, cell in enumerate(series.cells) if cell.kind.name == "KNOWN"]
    assert len(known) >= 6
    assert all(abs(bar.left() - plot.left()) <= 2 for bar, _ in known), "every bar starts at the axis"
    per_person = [bar.width() / value for bar, value in known]
    assert max(per_person) - min(per_person) <= 2.0 / min(value for _, value in known), known  # to a pixel
    bandits_killed = chart.bar_rect(KILLED, BANDITS).width() / chart.bar_rect(ARRESTED, BANDITS).width()
    assert bandits_killed == pytest.approx(1_858 / 11_453, abs=0.01)


def test_a_figure_that_does_not_apply_has_no_bar_but_says_so(letters_chart):
    view = letters_chart()
    chart = view.chart
    assert chart.bar_rect(KILLED, LETTERS).width() <= 1  # no bar: at most the rounding of a line
    assert chart.figure_text(KILLED, LETTERS) == "Does not apply"


def test_a_cancelled_touch_reveals_nothing(qtbot, chart_page):
    view = chart_page("gpu-1924")
    chart = view.chart
    centre = chart.bar_rect(ARRESTED, BANDITS).center().toPoint()
    target = chart.childAt(centre)  # the plot's viewport: the parent cancels by a release far off
    at = QPointF(target.mapFrom(chart, centre))

    def press_and_release(where: QPointF) -> None:
        qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=at.toPoint())
        release = QMouseEvent(QEvent.Type.MouseButtonRelease, where, target.mapToGlobal(where),
                              Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, release)  # delivered, and handled, before it returns

    far = QPointF(-100000, -100000)  # as the chapter screen's drag tracker cancels a press
    with qtbot.assertNotEmitted(chart.value_revealed):
        press_and_release(far)
    assert chart.revealed is None
    assert callout_texts(view) == []
    with qtbot.waitSignal(chart.value_revealed, timeout=1000) as revealed:  # not cancelled, it is a tap
        press_and_release(at)
    assert revealed.args == [ARRESTED, BANDITS]


def test_a_drag_across_the_chart_reveals_nothing(qtbot, chart_page, view_context):
    view = chart_page("gpu-1924")
    chart = view.chart
    start = chart.mapTo(view, chart.bar_rect(ARRESTED, BANDITS).center().toPoint())
    end = start + QPoint(view_context.ui.tap_px, 0)
    with qtbot.assertNotEmitted(chart.value_revealed):
        QTest.touchEvent(view, TOUCH).press(0, start, view).commit()
        QTest.touchEvent(view, TOUCH).move(0, end, view).commit()
        QTest.touchEvent(view, TOUCH).release(0, end, view).commit()
    assert chart.revealed is None and callout_texts(view) == []
    with qtbot.waitSignal(chart.value_revealed, timeout=1000) as revealed:  # where the drag began, a tap
        QTest.touchEvent(view, TOUCH).press(0, start, view).commit()
        QTest.touchEvent(view, TOUCH).release(0, start, view).commit()
    assert revealed.args == [ARRESTED, BANDITS]


def test_another_tap_moves_the_reveal_and_a_tap_elsewhere_clears_it(qtbot, chart_page):
    view = chart_page("personnel")
    chart = view.chart
    with qtbot.waitSignal(chart.value_revealed) as first:
        tap(view, 0, 1)
    assert first.args == [0, 1]
    assert "180,000" in callout_texts(view)
    with qtbot.waitSignal(chart.value_revealed) as second:
        tap(view, 1, 0)
    assert second.args == [1, 0]
    assert "30,000" in callout_texts(view)
    assert "180,000" not in callout_texts(view)

    with qtbot.waitSignal(chart.reveal_cleared):
        point = chart.mapTo(view, QPoint(chart.width() // 2, 2))  # the legend row, above the bars
        QTest.touchEvent(view, TOUCH).press(0, point, view).commit()
        QTest.touchEvent(view, TOUCH).release(0, point, view).commit()
    assert callout_texts(view) == []


def test_the_log_chart_writes_figures_not_exponents(letters_chart):
    view = letters_chart("log")
    chart = view.chart
    assert chart.figure_text(ARRESTED, LETTERS) == "5,078,174"
    assert chart.figure_text(KILLED, BANDITS) == "1,858"
    assert chart.value_axis.tickStrings([1.0, 2.0, 3.0, 6.0], 1, 1) == ["10", "100", "1,000", "1,000,000"]


def test_reset_clears_the_reveal(qtbot, chart_page):
    view = chart_page("gpu-1924")
    with qtbot.waitSignal(view.chart.value_revealed):
        tap(view, ARRESTED, BANDITS)
    assert "11,453" in callout_texts(view)
    with qtbot.waitSignal(view.chart.reveal_cleared):
        view.reset()
    assert view.chart.revealed is None
    assert callout_texts(view) == []


def test_bars_grow_in_once_and_leave_no_timer_running(qtbot, chart_page):
    view = chart_page("personnel")
    full = view.chart.bar_rect(0, 1)
    view.page_shown()
    assert view.chart.growing
    qtbot.waitUntil(lambda: not view.chart.growing, timeout=5000)
    assert view.chart.bar_rect(0, 1) == full
    assert [t for t in view.findChildren(QTimer) if t.isActive()] == []


@pytest.mark.parametrize("size, beside", [(QSize(1920, 1080), True), (QSize(1366, 768), True),
                                          (QSize(3840, 2160), True), (QSize(1080, 1920), False)])
def test_the_text_goes_beside_the_chart_in_landscape_and_under_it_in_portrait(chart_page, size, beside):
    view = chart_page("gpu-1924", size)
    chart = view.chart.geometry()
    text = view.text.geometry().translated(view.text.parentWidget().mapTo(view, QPoint(0, 0)))
    if beside:
        assert text.left() > chart.right()
    else:
        assert text.top() > chart.bottom()
    for label in (view.title, view.footnote, view.hint):  # on the page, or scrolled to
        shown = label.geometry().translated(label.parentWidget().mapTo(view, QPoint(0, 0)))
        assert view.rect().contains(shown) or view.scroll_area_for(Qt.Orientation.Vertical) is not None


def _close(a: QColor, b: QColor, tolerance: int = 24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


# --- bars on screen, whenever the page is current ------------------------------------------


def _still_context(shipped_exhibit, qapp, size=QSize(1920, 1080)) -> ViewContext:
    """A context whose charts do not grow (as ``kiosk proof`` renders them)."""
    theme = shipped_exhibit.theme
    timings = dataclasses.replace(theme.timings, chart_grow_ms=0)
    exhibit = dataclasses.replace(shipped_exhibit, theme=dataclasses.replace(theme, timings=timings))
    ui = make_theme(exhibit.theme, size, 96)
    qapp.setStyleSheet(ui.stylesheet())
    return ViewContext(exhibit, ui, exhibit.default_language)


def _bar_is_painted(view: ChartPageView, series: int, category: int, view_context) -> bool:
    chart = view.chart
    image = chart.grab().toImage()
    middle = chart.bar_rect(series, category).center().toPoint()
    return _close(QColor(image.pixel(middle)), view_context.ui.series_colour(series))


@pytest.mark.parametrize("page_id, cell", [("personnel", (0, 1)), ("gpu-1924", (ARRESTED, SOCIALLY_DANGEROUS))])
def test_with_growing_off_a_page_built_off_screen_shows_its_bars_in_full(qtbot, qapp, shipped_exhibit,
                                                                        view_context, page_id, cell):
    ctx = _still_context(shipped_exhibit, qapp)
    view = ChartPageView(shipped_exhibit.chapter("02-secret-police").page_by_id(page_id), ctx)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.page_shown()  # as the chapter screen does, before the page is on screen
    assert not view.chart.growing
    view.show()
    qtbot.waitExposed(view)
    assert not view.chart.growing
    assert _bar_is_painted(view, *cell, view_context)
    assert view.chart.figure_text(*cell) in [item.toPlainText() for item in view.chart.plot.labels.values()
                                             if item.opacity() > 0.99]
    assert [t for t in view.findChildren(QTimer) if t.isActive()] == []


def test_a_page_told_it_is_current_while_off_screen_grows_when_it_shows(qtbot, chart_page, shipped_exhibit,
                                                                         view_context):
    view = ChartPageView(shipped_exhibit.chapter("02-secret-police").page_by_id("personnel"), view_context)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.page_shown()
    assert not view.chart.growing  # nobody would see it grow
    view.show()
    qtbot.waitExposed(view)
    assert view.chart.growing
    qtbot.waitUntil(lambda: not view.chart.growing, timeout=5000)
    assert _bar_is_painted(view, 0, 1, view_context)
    assert [t for t in view.findChildren(QTimer) if t.isActive()] == []


def test_the_proof_callout_sits_beside_the_bars_it_explains(qtbot, qapp, shipped_exhibit):
    ctx = _still_context(shipped_exhibit, qapp)
    for page_id, cell in (("personnel", (0, 0)), ("gpu-1924", (ARRESTED, 1))):
        view = ChartPageView(shipped_exhibit.chapter("02-secret-police").page_by_id(page_id), ctx)
        qtbot.addWidget(view)
        view.resize(1920, 1080)
        view.show()
        qtbot.waitExposed(view)
        view.page_shown()
        chart = view.chart
        chart.reveal(*cell)
        callout = QRectF(chart.callout.geometry())
        for series in range(len(chart.spec.series_resolved)):
            assert not callout.intersects(chart.bar_rect(series, cell[1]))  # the category stays in sight
        assert chart.rect().contains(chart.callout.geometry())
        for key, label in chart.plot.labels.items():  # no figure cut in half by the panel
            rect = chart._label_rect(*key)
            assert not callout.intersects(rect) or label.opacity() == 0.0, key


# --- a row is easy to tap -------------------------------------------------------------------


def test_in_the_kiosk_every_row_of_the_long_chart_is_a_full_tap_target(qtbot, kiosk):
    chapter = kiosk.result.exhibit.chapter("02-secret-police")
    start_visit(kiosk, qtbot)
    tap_widget(kiosk.screens.home.tiles[kiosk.result.exhibit.chapters.index(chapter)])
    settle(kiosk, qtbot)
    tap_widget(kiosk.screens.advisory.continue_button)
    settle(kiosk, qtbot)
    screen = kiosk.screens.chapter
    for _ in range(3):
        tap_widget(screen.next_button)
        settle(kiosk, qtbot)
    assert screen.indicator.text() == f"4 / {len(chapter.pages)}"
    view = screen.stack.current_view()
    chart, tap_px = view.chart, view.ctx.ui.tap_px
    assert view.page.id == "gpu-1924"
    for category in range(len(chart.spec.categories_resolved)):
        band = chart.band_rect(category)
        assert band.height() >= tap_px, (category, band.height(), tap_px)
        near_edge = chart.mapTo(view, QPoint(round(band.center().x()), round(band.top() + 3)))
        with qtbot.waitSignal(chart.value_revealed) as revealed:
            QTest.touchEvent(kiosk.window, TOUCH).press(0, view.mapTo(kiosk.window, near_edge), kiosk.window).commit()
            QTest.touchEvent(kiosk.window, TOUCH).release(0, view.mapTo(kiosk.window, near_edge), kiosk.window).commit()
        assert revealed.args[1] == category
        chart.clear_reveal()  # the callout would cover the next row


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1920, 1080), QSize(1080, 1920)], ids=str)
def test_category_names_are_written_whole(chart_page, size):
    from kiosk.ui.chart.geometry import name_lines, wrap_text

    view = chart_page("gpu-1924", size)
    plot = view.chart.plot
    font = view.ctx.ui.font("caption")
    width = plot.category_axis.width() - view.ctx.ui.px(18)
    for category, name in enumerate(plot.spec.categories_resolved):
        lines = name_lines(plot.band_rect(category).height(), font)
        assert "…" not in wrap_text(view.ctx.text(name), font, width, lines), name


@pytest.mark.parametrize("size, beside", [(QSize(1920, 1080), True), (QSize(1080, 1920), False)], ids=str)
def test_the_key_goes_beside_the_chart_in_landscape_and_over_it_in_portrait(chart_page, size, beside):
    view = chart_page("gpu-1924", size)
    legend = view.chart.legend
    assert legend.isVisible()
    assert (legend.parentWidget() is view.side) == beside
    assert (legend.parentWidget() is view.chart) != beside


def test_pyqtgraph_is_configured_by_the_theme_once_charts_are_made(chart_page):
    import pyqtgraph as pg

    chart_page("personnel")
    assert pg._kiosk_configured
    assert pg.getConfigOption("antialias") is True and pg.getConfigOption("background") is None


def test_an_unknown_figure_runs_the_whole_length_and_says_so_at_its_start(chart_page, shipped_exhibit):
    """No short stub that reads as a small number: a figure not known is a bar as long as the
    longest figure's, hatched, with "Not known" inside its start."""
    view = chart_page("gpu-1924")
    chart = view.chart
    spec = shipped_exhibit.chapter("02-secret-police").page_by_id("gpu-1924").chart
    cells = [(s, c, cell) for s, series in enumerate(spec.series_resolved) for c, cell in enumerate(series.cells)]
    longest = max(chart.bar_rect(s, c).width() for s, c, cell in cells if cell.kind.name == "KNOWN")
    unknown = [(s, c) for s, c, cell in cells if cell.kind.name == "UNKNOWN"]
    assert unknown
    for s, c in unknown:
        bar, label = chart.bar_rect(s, c), chart.plot.label_rect((s, c))
        assert chart.figure_text(s, c) == "Not known"
        assert bar.width() >= longest - 2
        assert bar.contains(label.center()) and label.left() - bar.left() < bar.width() / 4


@pytest.mark.parametrize("page_id, cell", [("gpu-1924", (KILLED, BANDITS)), ("gpu-1924", (ARRESTED, SOCIALLY_DANGEROUS)),
                                           ("personnel", (0, 1)), ("personnel", (1, 0))])
def test_the_callout_sits_beside_its_bar_with_a_line_to_it(qtbot, chart_page, page_id, cell):
    view = chart_page(page_id)
    chart = view.chart
    with qtbot.waitSignal(chart.value_revealed):
        tap(view, *cell)
    bar, callout = chart.bar_rect(*cell), QRectF(chart.callout.geometry())
    reach = view.ctx.ui.tap_px
    group = bar
    for series in range(len(chart.spec.series_resolved)):
        group = group.united(chart.bar_rect(series, cell[1])).united(chart._label_rect(series, cell[1]))
    if chart.plot.horizontal:  # level with the bar after its row's bars, or just under or over the row
        level = callout.top() <= bar.center().y() <= callout.bottom() and callout.left() >= group.right()
        touching = min(abs(callout.top() - group.bottom()), abs(group.top() - callout.bottom())) <= reach
        assert level or touching, (bar, group, callout)
    else:  # beside the bar, at its height
        gap = min(abs(callout.left() - bar.right()), abs(bar.left() - callout.right()))
        assert gap <= reach and callout.top() <= bar.top() + reach
    assert chart.leader.isVisible()
    start, end = chart.leader.ends
    assert bar.adjusted(-2, -2, 2, 2).contains(start) and callout.adjusted(-2, -2, 2, 2).contains(end)


def test_a_tap_on_empty_space_above_the_columns_dismisses_the_callout_and_selects_nothing(qtbot, chart_page):
    view = chart_page("personnel")
    chart = view.chart
    with qtbot.waitSignal(chart.value_revealed):
        tap(view, 1, 0)  # 1925's civilians: a short column, with empty plot above it
    bar = chart.bar_rect(1, 0)
    above = QPoint(round(bar.center().x()), round(chart.plot.plot_area().top() + 4))
    assert chart.bar_at(above) is None
    with qtbot.waitSignal(chart.reveal_cleared):
        point = chart.mapTo(view, above)
        QTest.touchEvent(view, TOUCH).press(0, point, view).commit()
        QTest.touchEvent(view, TOUCH).release(0, point, view).commit()
    assert chart.revealed is None and callout_texts(view) == [] and not chart.leader.isVisible()


def test_the_hint_is_said_once_and_leaves_the_words_beside_the_chart_in_place(qtbot, chart_page):
    view = chart_page("personnel")
    assert view.hint.isVisible() and view.hint.text() == "Tap a bar to see its figure."
    text_at = view.text.mapTo(view, view.text.rect().topLeft())
    with qtbot.waitSignal(view.chart.value_revealed):
        tap(view, 0, 0)
    assert not view.hint.isVisible()
    view.layout().activate()
    assert view.text.mapTo(view, view.text.rect().topLeft()) == text_at
    with qtbot.waitSignal(view.chart.value_revealed):
        tap(view, 1, 1)
    assert not view.hint.isVisible()  # once: not again for the next bar
    view.reset()  # the next visitor
    assert view.hint.isVisible()


