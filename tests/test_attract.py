"""The attract loop, as a passer-by sees it: a chapter's artwork over the whole screen, drifting
slowly, one large line on it, and the next highlight fading in over the last.

The animations are paused and moved by hand (``setCurrentTime``), so nothing here waits for
real time."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation
from PySide6.QtWidgets import QLabel

from tests.touch import settle, start_visit

RUNNING = QAbstractAnimation.Running


def words_on(screen) -> set[str]:
    return {label.text() for label in screen.findChildren(QLabel) if label.isVisible() and label.text()}


def page_texts(exhibit) -> set[str]:
    texts = set()
    for chapter in exhibit.chapters:
        for page in chapter.pages:
            for value in (getattr(page, "title", None), getattr(page, "body", None),
                          getattr(page, "caption", None)):
                if value is not None:
                    texts.update(value.all() if hasattr(value, "all") else [str(value)])
    return texts


def test_each_highlight_fills_the_screen_with_its_chapters_artwork_and_its_line(kiosk):
    attract = kiosk.screens.attract
    exhibit = kiosk.session.exhibit
    highlights = exhibit.attract.highlights
    assert len(highlights) >= 2 and attract.highlights == highlights
    seen = set()
    for index, highlight in enumerate(highlights):
        attract.show_highlight(index)
        assert attract.line.text() == highlight.line.get("en")
        shot = attract.art.current
        assert shot is not None, highlight.chapter
        # The artwork covers the screen, or is cut by at most a fifth where it would be cut more.
        screen = attract.rect()
        covered = shot.place.intersected(screen)
        assert covered.width() * covered.height() >= 0.6 * screen.width() * screen.height(), highlight
        seen.add(shot.pixmap.cacheKey())
        # No page text: the line is the curator's, and nothing else on the screen comes from a page.
        assert not words_on(attract) & page_texts(exhibit)
        assert attract.line_lines() <= 3
    assert len(seen) == len(highlights)


def test_the_next_highlight_fades_in_and_its_line_takes_the_place_of_the_last(kiosk):
    attract = kiosk.screens.attract
    art = attract.art
    first, second = attract.highlights[:2]
    assert attract.highlight_index() == 0 and attract.line.text() == first.line.get("en")
    assert art.drift.state() == RUNNING  # the picture drifts while it shows
    art.drift.pause()
    art.drift.setCurrentTime(0)
    start = art.offset
    art.drift.setCurrentTime(art.drift.duration())
    assert art.offset != start
    attract.next_highlight()
    assert art.fade.state() == RUNNING and art.before is not None
    art.fade.pause()
    art.fade.setCurrentTime(art.fade.duration() // 5)
    assert attract.line.text() == first.line.get("en")  # the old line fading out
    assert 0 < attract._line_fade.opacity() < 1
    art.fade.setCurrentTime(art.fade.duration() * 4 // 5)
    assert attract.line.text() == second.line.get("en")  # the new line fading in
    art.fade.setCurrentTime(art.fade.duration())
    assert art.before is None and attract._line_fade.opacity() == 1.0


def test_with_reduced_motion_nothing_moves_and_the_next_highlight_cuts_in(kiosk, qtbot):
    attract = kiosk.screens.attract
    art = attract.art
    kiosk.session.set_reduced_motion(True)
    assert art.drift.state() != RUNNING and art.fade.state() != RUNNING
    attract.next_highlight()
    assert art.drift.state() != RUNNING and art.fade.state() != RUNNING
    assert art.before is None  # cut in, not faded
    standing = art.offset
    settle(kiosk, qtbot)
    assert art.offset == standing
    assert attract.line.text() == attract.highlights[1].line.get("en")


def test_the_pictures_are_let_go_when_the_visit_begins(kiosk, qtbot):
    attract = kiosk.screens.attract
    assert attract.art.current is not None
    start_visit(kiosk, qtbot)
    assert attract.art.current is None and attract.art.before is None
    assert attract.art.drift.state() != RUNNING and not attract._cycle.isActive()
    kiosk.session.reset()
    settle(kiosk, qtbot)
    assert attract.highlight_index() == 0 and attract.art.current is not None
