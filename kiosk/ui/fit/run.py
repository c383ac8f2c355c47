"""One run of the fit checks: every screen size, text size and language, chapter by chapter."""

from __future__ import annotations

from kiosk.content.model import Exhibit
from kiosk.content.problems import WARNING, Problem

from . import CHAPTER_FILE, EXHIBIT_FILE
from .attract import attract_misfits
from .home import home_misfits
from .pages import page_misfits
from .stage import Stage, prepare
from .where import KeyLines



class FitRun:
    """Collects the fit warnings of one exhibit."""

    def __init__(self, exhibit: Exhibit, lines: KeyLines):
        self.exhibit, self.lines = exhibit, lines
        self.problems: list[Problem] = []
        self._seen: set[tuple] = set()
        self._said: dict[tuple, str] = {}  # the first language's message for each misfit
        codes = [language.code for language in exhibit.languages] or [exhibit.default_language]
        self.languages = codes

    def run(self, sizes, scales) -> list[Problem]:
        prepare(self.exhibit)
        for size in dict.fromkeys(sizes):
            for scale in sorted(set(scales)):
                for lang in self.languages:
                    stage = Stage(self.exhibit, size, scale, lang)
                    try:
                        self._pages(stage, lang)
                        self._home(stage, lang)
                        if scale == 1.0:  # the attract screen comes after the reset, at normal size
                            self._attract(stage, lang)
                    finally:
                        stage.close()
        return self.problems

    def _pages(self, stage: Stage, lang: str) -> None:
        for c, chapter in enumerate(self.exhibit.chapters):
            for p in range(len(chapter.pages)):
                for misfit in page_misfits(stage.view(c, p), stage):
                    self._add(stage, lang, c, ("pages", p, *misfit.keys), misfit.kind, misfit.message)
            stage.drop_views()

    def _home(self, stage: Stage, lang: str) -> None:
        for c, keys, kind, message in home_misfits(stage):
            if c < 0:
                self._add_home(stage, lang, kind, message)
            else:
                self._add(stage, lang, c, keys, kind, message)

    def _add(self, stage: Stage, lang: str, c: int, keys: tuple, kind: str, message: str) -> None:
        if not self._first(stage, lang, c, keys, kind):
            return
        said = self._said.get((stage.size, c, keys, kind))  # in the first language, if it was found there
        if lang == self.languages[0]:
            self._said[(stage.size, c, keys, kind)] = message
        else:
            if said == message:
                return  # the same in every language (a text written once for all of them)
            keys = (*keys, lang)
        chapter = self.exhibit.chapters[c]
        line = self.lines.line(f"{chapter.folder}/{CHAPTER_FILE}", keys)
        shown = tuple(str(k + 1) if isinstance(k, int) else k for k in keys)
        self.problems.append(Problem(chapter.origin.file, line, shown, message, WARNING))

    def _attract(self, stage: Stage, lang: str) -> None:
        for index, kind, message in attract_misfits(stage):
            keys = ("attract", "highlights", index, "line")
            if not self._first(stage, lang, -2, keys, kind):
                continue
            if lang == self.languages[0]:
                self._said[(stage.size, -2, keys, kind)] = message
            elif self._said.get((stage.size, -2, keys, kind)) == message:
                continue  # the same in every language (a line written once for all of them)
            else:
                keys = (*keys, lang)
            chapter = self.exhibit.chapters[0]  # the content folder, as shown, from a chapter's file
            folder = chapter.origin.file[: -len(f"{chapter.folder}/{CHAPTER_FILE}")]
            line = self.lines.line(EXHIBIT_FILE, keys)
            shown = tuple(str(k + 1) if isinstance(k, int) else k for k in keys)
            self.problems.append(Problem(f"{folder}{EXHIBIT_FILE}", line, shown, message, WARNING))

    def _add_home(self, stage: Stage, lang: str, kind: str, message: str) -> None:
        if not self._first(stage, lang, -1, (), kind):
            return
        folder = self.exhibit.chapters[0].origin.file.rsplit("/", 2)[0]  # the chapters folder, as shown
        if lang != self.languages[0] and self._said.get((stage.size, -1, (), kind)) == message:
            return
        self._said.setdefault((stage.size, -1, (), kind), message)
        self.problems.append(Problem(folder, 0, (), message, WARNING))

    def _first(self, stage: Stage, lang: str, c: int, keys: tuple, kind: str) -> bool:
        """True the first time a misfit is found on this screen in this language."""
        seen = (stage.size, lang, c, keys, kind)
        if seen in self._seen:
            return False
        self._seen.add(seen)
        return True
