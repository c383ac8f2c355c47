"""What the kiosk keeps of its content between starts, in its data folder.

- ``cache.pickle``: the last load of the content folder, keyed on a fingerprint of its files
  (names, sizes, modification times). A start on unchanged files reuses it instead of
  reading and checking every file again, so start-up does not grow with the exhibit.
- ``snapshot/``: a copy of the last content that loaded without errors, with its load. When
  the folder cannot be used (a broken exhibit.yaml, a folder unplugged) the floor runs this.

Both are plain files the kiosk alone writes; anything unreadable in them is ignored (and
rewritten by the next good load), never trusted and never fatal.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from kiosk import __version__
from kiosk.content.result import LoadResult, collector_paused as _collector_paused

log = logging.getLogger("kiosk")
FORMAT = 1  # bump when LoadResult or the model changes shape
CACHE_FILE = "cache.pickle"
SNAPSHOT_DIR = "snapshot"
SNAPSHOT_FILE = "load.pickle"
SNAPSHOT_OF = "fingerprint.txt"
CONTENT = "content"


@dataclass(frozen=True)
class Stored:
    """One load kept on disk: which folder, its fingerprint, and what loading it gave.

    Each chapter is pickled on its own, so a start can unpickle the exhibit's head and the few
    chapters its first screen shows, and the rest after that screen is up."""

    folder: str
    fingerprint: str
    head: LoadResult  # without chapters or files
    chapter_ids: tuple[str, ...]
    chapters: tuple[bytes, ...]
    files: bytes
    tag: tuple = (FORMAT, __version__)

    @classmethod
    def of(cls, folder: Path, print_: str, result: LoadResult) -> "Stored":
        exhibit = result.exhibit
        chapters = exhibit.chapters if exhibit is not None else result.chapters
        head = dataclasses.replace(result, exhibit=exhibit and dataclasses.replace(exhibit, chapters=()),
                                   chapters=(), files=())
        return cls(str(folder), print_, head, tuple(c.id for c in chapters),
                   tuple(_pickled(c) for c in chapters), _pickled(result.files))

    def front(self) -> LoadResult:
        """The load with only the chapters the attract screen shows (all of them if no exhibit)."""
        exhibit = self.head.exhibit
        if exhibit is None:
            return self.result()
        wanted = {ref.chapter for ref in exhibit.attract.highlights}
        with _collector_paused():
            chapters = tuple(pickle.loads(blob) for name, blob in zip(self.chapter_ids, self.chapters)
                             if name in wanted)
        return self._with(chapters, ())

    def result(self, front: Optional[LoadResult] = None) -> LoadResult:
        """The whole load (reusing the chapters a ``front`` already unpickled)."""
        have = {c.id: c for c in (front.chapters if front is not None else ())}
        with _collector_paused():
            chapters = tuple(have.get(name) or pickle.loads(blob)
                             for name, blob in zip(self.chapter_ids, self.chapters))
            files = pickle.loads(self.files)
        return self._with(chapters, files)

    def _with(self, chapters: tuple, files: tuple) -> LoadResult:
        head = self.head
        exhibit = head.exhibit and dataclasses.replace(head.exhibit, chapters=chapters)
        return dataclasses.replace(head, exhibit=exhibit, chapters=chapters, files=files)


def _pickled(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def content_files(folder: Path) -> list[Path]:
    """Every regular file under ``folder``, relative, in a fixed order; links to folders are
    not followed (a link loop cannot trap the walk) and unreadable folders are passed over."""
    return [Path(rel) for rel, _ in _walk(str(folder))]


def _walk(top: str, rel: str = "") -> list[tuple[str, Optional[os.stat_result]]]:
    """(relative path, its stat or None for a dangling link) of every file under ``top``:
    plain strings and scandir, for it runs at every start over every file of the exhibit."""
    try:
        with os.scandir(top) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return []
    found: list[tuple[str, Optional[os.stat_result]]] = []
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                found += _walk(entry.path, f"{rel}{entry.name}/")
                continue
            if entry.is_symlink() and entry.is_dir():
                continue  # a link to a folder is not followed
            info: Optional[os.stat_result] = entry.stat()
        except OSError:  # a dangling link: its absence is part of the state
            info = None
        found.append((f"{rel}{entry.name}", info))
    return found


def fingerprint(folder: Path) -> str:
    """A hash of every file's name, size and modification time: it changes with any save."""
    digest = hashlib.sha256(f"{FORMAT} {__version__}".encode())
    for rel, info in _walk(str(folder)):
        stamp = f"{info.st_size}:{info.st_mtime_ns}" if info else "-"
        digest.update(os.fsencode(rel) + f"\0{stamp}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class ContentVersion:
    """Which content a kiosk runs, for staff and bug reports: a short hash of every file's
    path and bytes (the same files give the same hash in any folder, whenever they were
    copied), and when the newest of them was saved (seconds since the epoch; None: no files)."""

    hash: str
    changed: Optional[float]

    @classmethod
    def of(cls, folder: Path) -> "ContentVersion":
        digest, newest = hashlib.sha256(), None
        for rel, info in _walk(str(folder)):  # in a fixed order, whatever the disk's
            digest.update(os.fsencode(rel) + b"\0")
            if info is None:  # a dangling link
                digest.update(b"-\n")
                continue
            with open(os.path.join(folder, rel), "rb") as file:
                digest.update(hashlib.file_digest(file, "sha256").digest() + b"\n")
            newest = info.st_mtime if newest is None else max(newest, info.st_mtime)
        return cls(digest.hexdigest()[:8], newest)

    def __str__(self) -> str:
        if self.changed is None:
            return "no files"
        when = datetime.fromtimestamp(self.changed).strftime("%Y-%m-%d %H:%M")
        return f"{self.hash}, last changed {when}"


def version_text(folder: Path) -> str:
    """``kiosk --version``: the kiosk's version, and the content's in ``folder``."""
    folder = Path(os.path.abspath(folder))
    content = ContentVersion.of(folder) if folder.is_dir() else "no such folder"
    return f"kiosk {__version__}\ncontent {folder}: {content}"


class Store:
    """The data folder's cache and snapshot."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)

    # --- the cache: the last load of the folder --------------------------------------

    def cached(self, folder: Path, print_: str) -> Optional[Stored]:
        stored = self._read(self.data_dir / CACHE_FILE)
        if stored is None or stored.folder != str(folder) or stored.fingerprint != print_:
            return None
        return stored

    def remember(self, folder: Path, print_: str, result: LoadResult) -> None:
        self._write(self.data_dir / CACHE_FILE, Stored.of(folder, print_, result))

    # --- the snapshot: the last load without errors, with its files ------------------

    def snapshot(self) -> Optional[Stored]:
        return self._read(self.data_dir / SNAPSHOT_DIR / SNAPSHOT_FILE)

    def keep(self, folder: Path, print_: str, result: LoadResult) -> None:
        """Copy ``folder`` and its load into the snapshot, unless it holds these files already."""
        if self._snapshot_of() == f"{folder}\n{print_}":
            return
        fresh = self.data_dir / f"{SNAPSHOT_DIR}.new"
        try:
            shutil.rmtree(fresh, ignore_errors=True)
            copy = fresh / CONTENT
            for rel in content_files(folder):
                (copy / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(folder / rel, copy / rel)
            final = self.data_dir / SNAPSHOT_DIR
            moved = _rooted(result, folder, final / CONTENT)
            _dump(fresh / SNAPSHOT_FILE, Stored.of(folder, print_, moved))
            (fresh / SNAPSHOT_OF).write_text(f"{folder}\n{print_}", encoding="utf-8")
            old = self.data_dir / f"{SNAPSHOT_DIR}.old"
            shutil.rmtree(old, ignore_errors=True)
            if final.exists():
                final.rename(old)
            fresh.rename(final)
            shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            log.warning("could not keep a snapshot of the content in %s: %s", self.data_dir, exc)
            shutil.rmtree(fresh, ignore_errors=True)

    def _snapshot_of(self) -> str:
        """Which folder and fingerprint the snapshot holds (read without unpickling it)."""
        try:
            return (self.data_dir / SNAPSHOT_DIR / SNAPSHOT_OF).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    # --- files -----------------------------------------------------------------------

    def _read(self, path: Path) -> Optional[Stored]:
        try:
            with open(path, "rb") as file, _collector_paused():
                stored = pickle.load(file)
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 (a damaged or foreign file: ignore it)
            log.warning("ignoring %s: %s", path, exc)
            return None
        if not isinstance(stored, Stored) or stored.tag != (FORMAT, __version__):
            return None
        return stored

    def _write(self, path: Path, stored: Stored) -> None:
        try:
            _dump(path, stored)
        except OSError as exc:
            log.warning("could not write %s: %s", path, exc)


def _dump(path: Path, stored: Stored) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    with open(partial, "wb") as file:
        pickle.dump(stored, file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


def _rooted(result: LoadResult, folder: Path, copy: Path) -> LoadResult:
    """The same load, its files found in the copy."""
    def moved(path: Path) -> Path:
        try:
            return copy / Path(path).relative_to(folder)
        except ValueError:
            return Path(path)

    exhibit = result.exhibit
    if exhibit is not None:
        exhibit = dataclasses.replace(exhibit, root=str(copy))
    files = tuple((moved(path), *rest) for path, *rest in result.files)
    return dataclasses.replace(result, exhibit=exhibit, files=files)
