"""Where the review PDF shows each warning, and the words it counts: plain Python, no Qt.

Warnings are placed by (file, keys[:2]): a page's own, in its chapter.yaml under ('pages', n)
or in its chart's CSV; the chapter's (its title, teaser); and the rest on the title page.
"""

from __future__ import annotations

import pytest

from kiosk.content.loader import load_exhibit
from kiosk.content.problems import WARNING, Problem
from kiosk.ui.review_index import ProblemIndex, page_words, problem_line
from kiosk.ui.proof_states import scroll_positions
from tests.conftest import CONTENT

POLICE = "content/chapters/02-secret-police/chapter.yaml"  # chapter 2 (index 1): page 4 draws gpu-1924.csv


@pytest.fixture(scope="module")
def shipped():
    result = load_exhibit(CONTENT, shown_as="content")
    assert not result.problems
    return result


def warning(file: str, line: int, keys: tuple, message: str = "does not fit") -> Problem:
    return Problem(file, line, keys, message, WARNING)


@pytest.mark.parametrize("problem, place", [
    (warning(POLICE, 42, ("pages", "3", "body"), "needs 1.6 screens at 1920×1080"), (1, 2)),
    (warning(POLICE, 30, ("pages", "2", "chart", "categories", "1")), (1, 1)),
    (warning("content/chapters/02-secret-police/gpu-1924.csv", 3, ()), (1, 3)),
    (warning(POLICE, 1, ("title",), "the tile's title takes three lines"), (1, None)),
    (warning(POLICE, 2, ("teaser",)), (1, None)),
    (warning(POLICE, 9, ("pages", "99", "body")), (1, None)),  # no such page: the chapter's
])
def test_a_warning_is_shown_beside_the_page_or_chapter_it_is_about(shipped, problem, place):
    index = ProblemIndex(shipped.exhibit, [problem])
    chapter, page = place
    shown = index.for_chapter(chapter) if page is None else index.for_page(chapter, page)
    assert shown == [problem] and index.general == [] and index.count() == 1


def test_a_warning_about_no_one_page_goes_on_the_title_page_once(shipped):
    home = warning("content/exhibit.yaml", 0, (), "the home screen cannot hold 31 chapters at 1366×768")
    other = warning("elsewhere/chapters/02-secret-police/chapter.yaml", 4, ("pages", "1", "body"))
    index = ProblemIndex(shipped.exhibit, [home, other, home])
    assert index.general == [home, other] and index.count() == 2
    assert index.for_page(1, 0) == []


def test_a_warning_beside_its_page_names_its_line_and_keys():
    problem = warning(POLICE, 42, ("pages", "3", "body"), "needs 1.6 screens at 1920×1080; cut about 120 words")
    assert problem_line(problem) == "line 42: pages → 3 → body: needs 1.6 screens at 1920×1080; cut about 120 words"
    assert problem_line(warning(POLICE, 0, (), "unused")) == "unused"


def test_the_words_of_a_page_are_counted_by_what_they_are(shipped):
    chapters = shipped.exhibit.chapters
    names = chapters[1].pages[0]  # "One service, several names"
    assert page_words(names, "en") == [("title", 4), ("body", len(names.body.get("en").split()))]
    chart = dict(page_words(chapters[1].pages[1], "en"))  # the grouped bars of staff, 1921 and 1925
    assert chart["chart labels"] == 3 + 2 + 1 + 1 + 1 + 1  # two categories, two series, unit, axis
    assert set(chart) == {"title", "chart labels", "footnote", "text"}
    timeline = chapters[7].pages[1]
    events = sum(len(t.get("en").split()) for e in timeline.events for t in (e.date, e.title, e.text) if t)
    assert dict(page_words(timeline, "en"))["events"] == events


@pytest.mark.parametrize("maximum, step, positions", [
    (0, 500, []), (1000, 400, [400, 800, 1000]), (800, 400, [400, 800]), (100, 400, [100]),
])
def test_a_scrolling_page_is_shown_one_viewport_further_each_time_ending_at_its_end(maximum, step, positions):
    assert scroll_positions(maximum, step) == positions
