"""The curators' preview, its Qt-free part: which saves matter, where the curator stays when the
content changes under them, and what the banner says.

Plain Python: the window, the folder watcher and the kiosk itself are in ``kiosk.ui.preview``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from kiosk.content.model import Exhibit
from kiosk.content.problems import ERROR, WARNING, Problem
from kiosk.session import Screen, State, VisitorSession, find_place, page_key

EDITOR_SUFFIXES = {".swp", ".swo", ".swx", ".tmp", ".part", ".crdownload", ".bak"}


def ignored(name: str) -> bool:
    """Whether a file or folder name is one an editor or a spreadsheet makes beside the file it
    saves (a swap, backup, lock or temporary file), or a hidden one the kiosk never reads: a
    save that only touches such files needs no reload."""
    return (name.startswith((".", "~$")) or name.endswith("~") or name == "4913"
            or (name.startswith("#") and name.endswith("#"))
            or os.path.splitext(name)[1].lower() in EDITOR_SUFFIXES)


Stamp = tuple[int, int, int]  # a file's inode, size and modification time in nanoseconds


@dataclass(frozen=True)
class Tree:
    """What the preview watches of a content folder: its folders and its files' stamps (paths
    relative to the folder), without what ``ignored`` names. Two trees differ after any save."""

    folders: frozenset[str] = frozenset()
    files: dict[str, Stamp] = field(default_factory=dict)

    def replaced(self, other: "Tree") -> list[str]:
        """The files of ``other`` that are new files under an old name (saved by a rename)."""
        return [rel for rel, stamp in other.files.items()
                if rel in self.files and self.files[rel][0] != stamp[0]]


def scan(root: Path) -> Tree:
    """The tree of ``root`` as it is now; a folder that cannot be read is passed over, and links
    to folders are not followed (a link loop cannot trap the walk)."""
    folders, files = set(), {}
    pending = [""]
    while pending:
        rel = pending.pop()
        try:
            with os.scandir(root / rel if rel else root) as listing:
                entries = list(listing)
        except OSError:
            continue
        folders.add(rel)
        for entry in entries:
            if ignored(entry.name):
                continue
            path = f"{rel}/{entry.name}" if rel else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                    continue
                info = entry.stat()
            except OSError:
                continue  # gone already, or a dangling link
            files[path] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return Tree(frozenset(folders), files)


# --- where the curator stays -------------------------------------------------------------


def spot_after(old: Exhibit, state: State, new: Exhibit) -> Optional[tuple[int, int]]:
    """Where a curator at ``state`` in ``old`` should be in ``new``: the same page by id; if the
    page is gone, the one now at its place in the chapter; if the chapter is gone, the first page
    of the one now at its place. None when the curator is in no chapter, or ``new`` has none."""
    if state.screen not in (Screen.CHAPTER, Screen.ADVISORY) or not new.chapters:
        return None
    place = page_key(old, state.chapter, state.page)
    found = find_place(new, place)
    if found is None:
        return min(state.chapter, len(new.chapters) - 1), 0
    chapter = found[0]
    pages = new.chapters[chapter].pages
    if not pages:
        return chapter, 0
    if page_key(new, chapter, found[1]).page != place.page:  # the page itself is gone
        return chapter, min(state.page, len(pages) - 1)
    return found


def walk_to(session: VisitorSession, state: State, spot: Optional[tuple[int, int]] = None) -> None:
    """Bring ``session`` to how ``state`` shows (language, text size, contrast, motion) and, from
    wherever it is, to ``spot`` (chapter, page) or else ``state``'s screen, as a visitor would
    get there: past the attract screen, into the chapter, past its advisory if ``state`` was."""
    session.set_language(state.language)
    session.set_text_scale(state.text_scale)
    session.set_high_contrast(state.high_contrast)
    session.set_reduced_motion(state.reduced_motion)
    if state.screen in (Screen.ATTRACT, Screen.ADMIN):  # the admin screen stays where it is
        return
    session.start_visit()
    in_chapter = state.screen in (Screen.CHAPTER, Screen.ADVISORY)
    if spot is None and in_chapter:
        spot = spot_after(session.exhibit, state, session.exhibit)
    if spot is None:
        session.go_home()
        return
    now = session.state
    if now.screen not in (Screen.CHAPTER, Screen.ADVISORY) or (now.chapter, now.page) != spot:
        session.open_chapter(*spot)
    if state.screen is Screen.CHAPTER:
        session.accept_advisory()


# --- what the banner says -----------------------------------------------------------------


class Shown:
    """What the preview has on screen, as the banner words it."""

    CLEAN = "clean"  # content that loaded without errors
    PARTIAL = "partial"  # content with errors, less the pages and chapters they left out
    NOTHING = "nothing"
    KEPT = "kept"  # content with errors shown before, kept while the newest cannot run at all


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def headline(problems: Sequence[Problem], shown: str) -> str:
    """The banner's first line, above the problems: how many, and what is on screen because of
    them (``shown``: a ``Shown``; content without errors on screen while the newest load has
    errors is the last version without them, kept)."""
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = sum(1 for p in problems if p.severity == WARNING)
    counts = " and ".join(_count(n, w) for n, w in ((errors, "error"), (warnings, "warning")) if n)
    if not errors:
        return f"{counts} in the content. The preview shows it as the kiosk would."
    if shown == Shown.NOTHING:
        return f"{counts} in the content. There is nothing to show until they are fixed."
    if shown == Shown.CLEAN:
        return (f"{counts} in the content. The preview keeps the last version without errors "
                "on screen until they are fixed.")
    if shown == Shown.KEPT:
        return (f"{counts} in the content. The kiosk could not run it at all: the preview keeps "
                "the last version it could show on screen until they are fixed.")
    return (f"{counts} in the content. The preview shows what the kiosk would run: the pages "
            "and chapters with errors are left out.")


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """Each problem as the banner lists it (``file:line: message``), errors before warnings."""
    return [str(p) for p in sorted(problems, key=lambda p: p.severity != ERROR)]
