"""What a load of a content folder gives: the exhibit and its problems. No YAML here, so that
a start that reuses an earlier load (the kiosk's cache) never imports the loader."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from .model import Chapter, Exhibit
from .problems import Problem


class NotContentFolder(Exception):
    """The folder given is not a content folder at all (no exhibit.yaml)."""


@dataclass(frozen=True)
class LoadResult:
    """The exhibit as loaded (None when exhibit.yaml is not YAML or lacks a usable title or
    languages) and every problem found."""

    exhibit: Optional[Exhibit]
    problems: tuple[Problem, ...]
    files: tuple[tuple[Path, str, int, tuple], ...] = ()
    """Every file the content names: (path, YAML file, line, keys), for checks that need Qt."""
    chapters: tuple[Chapter, ...] = ()
    """The chapters that loaded, even when exhibit.yaml did not."""
    languages: tuple[str, ...] = ()
    """The language codes exhibit.yaml lists (none when they could not be read)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading makes a few hundred thousand objects and no cycles, so Python's cycle collector
    would only walk them (and any exhibit still shown) again and again: a third of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
