"""The preview's Qt-free part: which files are an editor's own, the folder's tree, where the
curator stays when the content changes, and the banner's words. Plain pytest, no Qt."""

from __future__ import annotations

import dataclasses
import os

import pytest

from kiosk.content.problems import Problem
from kiosk.preview import Shown, headline, ignored, problem_lines, scan, spot_after, walk_to
from kiosk.session import Screen, State, VisitorSession


@pytest.mark.parametrize("name", [
    ".chapter.yaml.swp", ".chapter.yaml.swx", "chapter.yaml~", "4913", ".#chapter.yaml", "#chapter.yaml#",
    "chapter.yaml.tmp", "~$figures.xlsx", ".~lock.figures.csv#", "figures.csv.part", ".git",
])
def test_an_editors_own_files_are_ignored(name):
    assert ignored(name)


@pytest.mark.parametrize("name", ["chapter.yaml", "figures.csv", "artwork.svg", "01-roots", "exhibit.yaml"])
def test_the_contents_files_are_not(name):
    assert not ignored(name)


def test_the_tree_changes_with_a_save_in_place_or_by_a_rename_and_not_with_a_swap_file(tmp_path):
    chapter = tmp_path / "chapters" / "01-a"
    chapter.mkdir(parents=True)
    (chapter / "chapter.yaml").write_text("title: A\n", encoding="utf-8")
    first = scan(tmp_path)
    assert first.folders == {"", "chapters", "chapters/01-a"}
    assert set(first.files) == {"chapters/01-a/chapter.yaml"}
    (chapter / ".chapter.yaml.swp").write_text("x", encoding="utf-8")
    assert scan(tmp_path) == first
    (chapter / "chapter.yaml").write_text("title: AB\n", encoding="utf-8")
    second = scan(tmp_path)
    assert second != first and first.replaced(second) == []
    (chapter / "x.tmp").write_text("title: ABC\n", encoding="utf-8")
    os.replace(chapter / "x.tmp", chapter / "chapter.yaml")
    third = scan(tmp_path)
    assert second.replaced(third) == ["chapters/01-a/chapter.yaml"]


def test_a_folder_that_is_gone_scans_as_empty(tmp_path):
    assert scan(tmp_path / "gone") == scan(tmp_path / "also-gone")
    assert not scan(tmp_path / "gone").folders


# --- where the curator stays ------------------------------------------------------------------

def at(chapter: int, page: int, screen: Screen = Screen.CHAPTER) -> State:
    return State(screen=screen, chapter=chapter, page=page, language="en")


def without_chapter(exhibit, index: int):
    chapters = exhibit.chapters[:index] + exhibit.chapters[index + 1:]
    return dataclasses.replace(exhibit, chapters=chapters)


def without_page(exhibit, chapter: int, page: int):
    old = exhibit.chapters[chapter]
    pages = old.pages[:page] + old.pages[page + 1:]
    chapters = list(exhibit.chapters)
    chapters[chapter] = dataclasses.replace(old, pages=pages)
    return dataclasses.replace(exhibit, chapters=tuple(chapters))


def test_the_same_page_by_id_after_a_chapter_before_it_is_gone(shipped_exhibit):
    new = without_chapter(shipped_exhibit, 0)
    assert spot_after(shipped_exhibit, at(2, 1), new) == (1, 1)


def test_the_page_now_in_its_place_when_the_page_is_gone(shipped_exhibit):
    new = without_page(shipped_exhibit, 0, 1)
    assert spot_after(shipped_exhibit, at(0, 1), new) == (0, 1)
    last = len(shipped_exhibit.chapters[0].pages) - 1
    assert spot_after(shipped_exhibit, at(0, last), without_page(shipped_exhibit, 0, last)) == (0, last - 1)


def test_the_first_page_of_the_chapter_now_in_its_place_when_the_chapter_is_gone(shipped_exhibit):
    assert spot_after(shipped_exhibit, at(2, 1), without_chapter(shipped_exhibit, 2)) == (2, 0)
    last = len(shipped_exhibit.chapters) - 1
    assert spot_after(shipped_exhibit, at(last, 0), without_chapter(shipped_exhibit, last)) == (last - 1, 0)


def test_no_spot_outside_a_chapter(shipped_exhibit):
    assert spot_after(shipped_exhibit, at(0, 0, Screen.HOME), shipped_exhibit) is None


def test_walking_to_a_state_goes_past_the_attract_screen_and_the_advisory(shipped_exhibit):
    advised = next(i for i, c in enumerate(shipped_exhibit.chapters) if c.advisory)
    session = VisitorSession(shipped_exhibit, clock=lambda: 0.0)
    walk_to(session, dataclasses.replace(at(advised, 1), text_scale=1.5, high_contrast=True))
    visited = frozenset({shipped_exhibit.chapters[advised].id})  # the chapter, opened on the way
    assert session.state == State(Screen.CHAPTER, advised, 1, "en", 1.5, True, visited=visited)


def test_walking_to_a_state_in_front_of_an_advisory_stays_in_front_of_it(shipped_exhibit):
    advised = next(i for i, c in enumerate(shipped_exhibit.chapters) if c.advisory)
    session = VisitorSession(shipped_exhibit, clock=lambda: 0.0)
    walk_to(session, at(advised, 0, Screen.ADVISORY))
    assert (session.state.screen, session.state.chapter) == (Screen.ADVISORY, advised)


# --- the banner's words ---------------------------------------------------------------------

ERROR = Problem("content/chapters/01-a/chapter.yaml", 12, ("pages", "2"), "unknown key 'titel'")
WARNING = Problem("content/chapters/01-a/old.png", 0, (), "nothing uses this file", "warning")


@pytest.mark.parametrize("problems, shown, words", [
    ((ERROR,), Shown.CLEAN, "1 error in the content. The preview keeps the last version without "
                            "errors on screen until they are fixed."),
    ((ERROR, ERROR, WARNING), Shown.PARTIAL, "2 errors and 1 warning in the content. The preview shows "
     "what the kiosk would run: the pages and chapters with errors are left out."),
    ((ERROR,), Shown.NOTHING, "1 error in the content. There is nothing to show until they are fixed."),
    ((ERROR,), Shown.KEPT, "1 error in the content. The kiosk could not run it at all: the preview keeps "
                           "the last version it could show on screen until they are fixed."),
    ((WARNING, WARNING), Shown.CLEAN, "2 warnings in the content. The preview shows it as the kiosk would."),
])
def test_the_headline_says_how_many_and_what_is_on_screen(problems, shown, words):
    assert headline(problems, shown) == words


def test_problems_are_listed_as_file_line_message_errors_first():
    assert problem_lines([WARNING, ERROR]) == [
        "content/chapters/01-a/chapter.yaml:12: pages → 2: unknown key 'titel'",
        "content/chapters/01-a/old.png: warning: nothing uses this file",
    ]
