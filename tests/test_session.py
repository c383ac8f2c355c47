"""The visitor's session without Qt: transitions, advisories, idle time and the reset."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.session import Idle, Screen, State, VisitorSession


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def session(shipped_exhibit, clock):
    return VisitorSession(shipped_exhibit, clock)


def advisory_index(exhibit):
    return next(i for i, c in enumerate(exhibit.chapters) if c.advisory)


def plain_index(exhibit):
    return next(i for i, c in enumerate(exhibit.chapters) if not c.advisory)


def test_a_visit_starts_at_home_and_opens_a_chapter_at_its_first_page(session, shipped_exhibit):
    changes = []
    session.subscribe(changes.append)
    session.start_visit()
    session.open_chapter(plain_index(shipped_exhibit))
    assert session.state.screen is Screen.CHAPTER and session.state.page == 0
    assert [c.reason for c in changes] == ["visit started", "chapter opened"]


def test_a_distressing_chapter_waits_behind_its_advisory(session, shipped_exhibit):
    index = advisory_index(shipped_exhibit)
    session.start_visit()
    session.open_chapter(index)
    assert session.state.screen is Screen.ADVISORY
    session.accept_advisory()
    assert (session.state.screen, session.state.chapter) == (Screen.CHAPTER, index)


@pytest.mark.parametrize("advised, following", [
    ("02-secret-police", "03-dangerous-person"),
    ("07-war-on-peasants", "08-timeline"),
])
def test_skipping_an_advisory_opens_the_next_chapter_at_its_first_page(session, shipped_exhibit,
                                                                        advised, following):
    ids = [chapter.id for chapter in shipped_exhibit.chapters]
    assert shipped_exhibit.chapter(advised).advisory and not shipped_exhibit.chapter(following).advisory
    session.start_visit()
    session.open_chapter(ids.index(advised))
    assert session.state.screen is Screen.ADVISORY
    session.skip_chapter()
    assert ids[session.state.chapter] == following
    assert (session.state.screen, session.state.page) == (Screen.CHAPTER, 0)


def test_skipping_into_a_chapter_with_an_advisory_shows_its_advisory(shipped_exhibit, clock):
    chapters = list(shipped_exhibit.chapters)
    index = advisory_index(shipped_exhibit)
    chapters[index + 1] = dataclasses.replace(chapters[index + 1], advisory=chapters[index].advisory)
    session = VisitorSession(dataclasses.replace(shipped_exhibit, chapters=tuple(chapters)), clock)
    session.start_visit()
    session.open_chapter(index)
    session.skip_chapter()
    assert (session.state.screen, session.state.chapter) == (Screen.ADVISORY, index + 1)


def test_next_after_the_last_page_goes_on_to_the_next_chapter_behind_its_advisory(session, shipped_exhibit):
    ids = [chapter.id for chapter in shipped_exhibit.chapters]
    index = ids.index("01-roots-of-terror")  # followed by the secret police, which has an advisory
    session.start_visit()
    session.open_chapter(index)
    for _ in range(len(shipped_exhibit.chapters[index].pages) - 1):
        session.next_page()
    assert session.state.page == len(shipped_exhibit.chapters[index].pages) - 1
    session.next_page()
    assert (ids[session.state.chapter], session.state.page) == ("02-secret-police", 0)
    assert session.state.screen is Screen.ADVISORY


def test_previous_on_the_first_page_stays(session, shipped_exhibit):
    session.start_visit()
    session.open_chapter(plain_index(shipped_exhibit))
    session.previous_page()
    assert session.state.page == 0


def test_idle_warns_after_the_timeout_then_expires(session, shipped_exhibit, clock):
    idle = shipped_exhibit.idle
    session.start_visit()
    clock.now += idle.timeout - 1
    assert session.idle()[0] is Idle.ACTIVE
    clock.now += 2
    phase, left = session.idle()
    assert phase is Idle.WARNING and left == pytest.approx(idle.warning - 1)
    clock.now += idle.warning
    assert session.idle()[0] is Idle.EXPIRED


def test_a_touch_during_the_warning_restarts_the_wait(session, shipped_exhibit, clock):
    session.start_visit()
    clock.now += shipped_exhibit.idle.timeout + 1
    session.touched()
    assert session.idle() == (Idle.ACTIVE, pytest.approx(shipped_exhibit.idle.timeout))


def test_the_attract_loop_never_times_out(session, clock):
    clock.now += 10_000
    assert session.idle()[0] is Idle.ACTIVE


def test_a_long_read_page_gets_its_longer_timeout(shipped_exhibit, clock):
    chapter = shipped_exhibit.chapters[0]
    long_page = dataclasses.replace(chapter.pages[1], idle_timeout=600)
    pages = (chapter.pages[0], long_page) + chapter.pages[2:]
    exhibit = dataclasses.replace(shipped_exhibit, chapters=(dataclasses.replace(chapter, pages=pages, advisory=None),))
    session = VisitorSession(exhibit, clock)
    session.start_visit()
    session.open_chapter(0)
    session.next_page()
    clock.now += exhibit.idle.timeout + 1
    assert session.idle()[0] is Idle.ACTIVE
    session.previous_page()
    assert session.idle()[0] is Idle.WARNING


def test_reset_returns_everything_to_the_start(session, shipped_exhibit):
    session.start_visit()
    session.open_chapter(plain_index(shipped_exhibit))
    session.next_page()
    session.state = dataclasses.replace(session.state, text_scale=1.4, high_contrast=True)
    session.reset()
    assert session.state == State(language=shipped_exhibit.default_language)
