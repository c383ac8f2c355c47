"""What the review PDF says beside each screen: which page it shows, the page's words, and the
warnings that belong to it. Plain Python (no Qt), so that it is tested with constructed content.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterable, Optional

from kiosk.content.model import Exhibit, Text
from kiosk.content.problems import Problem, shown_path

CHAPTER_LEVEL = None  # the page index of a problem about the chapter itself (its title, teaser)


@dataclass(frozen=True)
class Shot:
    """One rendered screen: its file, the chapter and page it shows (None for the screens
    outside the chapters), and what a visitor did to see it, in words."""

    name: str
    path: Path
    chapter: Optional[int] = None
    page: Optional[int] = None
    state: str = ""


def text_words(text: str) -> int:
    """Words as the validator counts them (``about N words``): runs between white space."""
    return len(text.split())


HIDDEN = ("sources", "notes", "alt", "id", "origin", "type")  # not read on the page itself


def page_words(page, lang: str) -> list[tuple[str, int]]:
    """The words a visitor can read on ``page`` in ``lang``, by what they are: its title and
    texts by key, a chart's labels, footnote and notes on figures, a timeline's events.
    Sources are counted apart (they open on request); ``alt`` is for screen readers."""
    counts: dict[str, int] = {}

    def add(key: str, text) -> None:
        if text is not None:
            counts[key] = counts.get(key, 0) + text_words(text.get(lang))

    for item in fields(page):
        value = getattr(page, item.name)
        if item.name in HIDDEN or value is None:
            continue
        if isinstance(value, Text):
            add(item.name, value)
        elif item.name == "chart":
            for text in (*value.categories_resolved, *(s.label for s in value.series_resolved),
                         value.unit, value.value_axis):
                add("chart labels", text)
            add("footnote", value.footnote)
            for note in value.annotations:
                add("notes on figures", note.text)
        elif item.name == "events":
            for event in value:
                for text in (event.date, event.title, event.text):
                    add("events", text)
    return [(key, count) for key, count in counts.items() if count]


class ProblemIndex:
    """Problems sorted to where the review shows them: a page, a chapter's heading, or the
    title page (problems of exhibit.yaml, the home screen, anything not in one chapter).

    A problem belongs to a page when it is in the page's chapter.yaml and its keys start with
    ('pages', '<n>'), n counted from 1 as in every message; or when it is in the page's chart's
    CSV. The rest of a chapter.yaml's problems (('title',), ('teaser',) …) belong to the chapter.
    """

    def __init__(self, exhibit: Exhibit, problems: Iterable[Problem]):
        self.by_page: dict[tuple[int, Optional[int]], list[Problem]] = {}
        self.general: list[Problem] = []
        chapters = {chapter.origin.file: index for index, chapter in enumerate(exhibit.chapters)}
        data_files = self._data_files(exhibit)
        seen: set[Problem] = set()
        for problem in problems:
            if problem in seen:  # the same check may come by two ways (validate and the fit check)
                continue
            seen.add(problem)
            place = self._place(problem, chapters, data_files, exhibit)
            if place is None:
                self.general.append(problem)
            else:
                self.by_page.setdefault(place, []).append(problem)

    @staticmethod
    def _data_files(exhibit: Exhibit) -> dict[str, tuple[int, int]]:
        """The charts' CSV files as problems name them, and the page each is drawn on."""
        found: dict[str, tuple[int, int]] = {}
        for c, chapter in enumerate(exhibit.chapters):
            own = f"{chapter.folder}/chapter.yaml"
            if not chapter.origin.file.endswith(own):
                continue
            prefix = chapter.origin.file[: -len(own)].rstrip("/")  # the content folder as shown
            for p, page in enumerate(chapter.pages):
                data = getattr(getattr(page, "chart", None), "data", None)
                if data is not None:
                    found.setdefault(shown_path(prefix, str(data)), (c, p))
        return found

    @staticmethod
    def _place(problem: Problem, chapters: dict[str, int], data_files: dict, exhibit: Exhibit):
        if problem.file in data_files:
            return data_files[problem.file]
        chapter = chapters.get(problem.file)
        if chapter is None:
            return None
        keys = problem.keys
        if len(keys) >= 2 and keys[0] == "pages" and str(keys[1]).isdigit():
            number = int(keys[1])
            if 1 <= number <= len(exhibit.chapters[chapter].pages):
                return chapter, number - 1
        return chapter, CHAPTER_LEVEL

    def for_page(self, chapter: int, page: int) -> list[Problem]:
        return self.by_page.get((chapter, page), [])

    def for_chapter(self, chapter: int) -> list[Problem]:
        """The problems of the chapter itself (not of one of its pages)."""
        return self.by_page.get((chapter, CHAPTER_LEVEL), [])

    def count(self) -> int:
        return len(self.general) + sum(len(found) for found in self.by_page.values())


def problem_line(problem: Problem) -> str:
    """A problem as the PDF lists it beside its page: its line and key path, then the message
    (the file is the page's own, named once in the heading)."""
    where = f"line {problem.line}: " if problem.line else ""
    keys = f"{problem.keypath}: " if problem.keys else ""
    return f"{where}{keys}{problem.message}"
