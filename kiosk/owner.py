"""The one owner of the content on the floor: it loads the folder, decides what runs, and keeps
the last good content.

Forgiving on the floor, strict for curators: a page or chapter with errors is left out (the
loader drops it and says why), and what is left runs. Only when the folder cannot be used at
all — no such folder, an exhibit.yaml that is not YAML or has no title or languages — does
the floor fall back to the snapshot of the last content that loaded without errors; and with
no snapshot, to nothing (the UI shows its "temporarily unavailable" screen and asks again).
``kiosk validate`` does not come through here: it stays exactly as strict as it is.

Plain Python. ``load`` blocks; the UI runs it off its thread and is told the ``Delivery``.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Optional

from kiosk.content.result import LoadResult, NotContentFolder
from kiosk.content.problems import Problem
from kiosk.snapshot import Store, Stored, fingerprint

log = logging.getLogger("kiosk")


class Source(Enum):
    FOLDER = "folder"  # the content folder itself (perhaps without its broken pages)
    SNAPSHOT = "snapshot"  # the last good content, because the folder cannot be used
    NONE = "none"  # nothing can run yet


@dataclass(frozen=True)
class Delivery:
    """What one load decided: the content to run (None for none), where it came from, and
    the folder's own problems (what staff must fix, even while the snapshot runs)."""

    result: Optional[LoadResult]
    source: Source
    problems: tuple[Problem, ...]
    fingerprint: str = ""
    stored: Optional[Stored] = None
    """Kept from an earlier start: ``result`` then holds only what the first screen shows."""

    @property
    def exhibit(self):
        return self.result.exhibit if self.result is not None else None

    @property
    def complete(self) -> bool:
        return self.stored is None

    def completed(self) -> "Delivery":
        """The same delivery with the whole content (unpickling the rest of a kept load)."""
        if self.stored is None:
            return self
        return dataclasses.replace(self, result=self.stored.result(self.result), stored=None)

    def same_content_as(self, other: Optional["Delivery"]) -> bool:
        """True when ``other`` runs the very same files (nothing on the floor need change): the
        snapshot of a folder is the same content as the folder it was taken of."""
        return other is not None and self.fingerprint != "" and other.fingerprint == self.fingerprint


class ContentOwner:
    """Loads ``folder`` as the floor needs it, one load at a time."""

    def __init__(self, folder: Path, data_dir: Path, shown_as: Optional[str] = None,
                 snapshots: bool = True):
        self.folder = Path(folder)
        self.store = Store(data_dir)
        self.snapshots = snapshots  # False: keep no copy of the folder and no cache of its check (the curators' preview)
        self.shown_as = shown_as or str(folder)  # how problems name the folder
        self._shown_as = shown_as
        self._lock = threading.Lock()

    def load(self, front: bool = False) -> Delivery:
        """Read the folder (or reuse the check of these very files) and decide what runs.

        With ``front``, a kept load gives only what the first screen needs (fast, however
        large the exhibit); ``Delivery.completed()`` then brings the rest."""
        with self._lock:
            try:
                return self._load(front)
            except Exception as exc:  # noqa: BLE001 (the floor must go on whatever the files hold)
                log.exception("loading %s failed", self.folder)
                return self._fallback((self._problem(f"the content could not be read: {exc}"),), front)

    def _load(self, front: bool) -> Delivery:
        folder = self.folder.resolve() if self.folder.exists() else self.folder
        if not (folder / "exhibit.yaml").is_file():
            try:
                _load_exhibit(folder)
            except NotContentFolder as exc:
                return self._fallback((self._problem(str(exc)),), front)
        print_ = fingerprint(folder)
        stored = self.store.cached(folder, print_)
        if stored is not None:
            if stored.head.exhibit is None:
                return self._fallback(stored.head.problems, front)
            return _delivery(stored, Source.FOLDER, stored.head.problems, front)
        result = _load_exhibit(folder, self._shown_as)
        if self.snapshots:  # a preview's every save is new files: a cache of it is never read
            self.store.remember(folder, print_, result)
        if result.exhibit is None:
            return self._fallback(result.problems, front)
        if not result.errors and self.snapshots:
            self.store.keep(folder, print_, result)
        return Delivery(result, Source.FOLDER, result.problems, print_)

    def _fallback(self, problems: tuple[Problem, ...], front: bool) -> Delivery:
        """The folder cannot be used: the snapshot if there is one, else nothing."""
        stored = self.store.snapshot()
        if stored is None:
            return Delivery(None, Source.NONE, tuple(problems))
        return _delivery(stored, Source.SNAPSHOT, tuple(problems), front)

    def _problem(self, message: str) -> Problem:
        return Problem(self.shown_as, 0, (), message)


def _load_exhibit(folder: Path, shown_as: Optional[str] = None) -> LoadResult:
    """The loader, imported only when files must be read again (YAML and the checks are not
    needed to start on files already checked)."""
    from kiosk.content.loader import load_exhibit

    return load_exhibit(folder, shown_as)


def _delivery(stored: Stored, source: Source, problems: tuple, front: bool) -> Delivery:
    if front:
        return Delivery(stored.front(), source, problems, stored.fingerprint, stored)
    return Delivery(stored.result(), source, problems, stored.fingerprint)
