"""Walking the content folder without tripping: over link loops, folders that cannot be read,
links to places outside the content folder, and names no message could show as written.

Each of those gets a message of its own, at the file or folder itself; the walk never follows a
link into a folder (what it leads to is walked where it really is, or is outside and not read).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .problems import UNPRINTABLE, Problems, shown_path

LINK_LOOP = ("this is a link that leads round in a circle (a link loop), so it opens nothing: remove "
             "it, or put the file itself here")


def link_target_outside(path: Path, root: Path) -> Optional[str]:
    """Where ``path`` leads, if it is a link (or inside a folder link) leading out of ``root``."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None  # a loop or a broken link: not outside, and reported as what it is
    return None if real.is_relative_to(root) else str(real)


def is_link_loop(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 says "Symlink loop" so
        return True
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def unreadable_folder(path: Path) -> Optional[str]:
    """Why the folder ``path`` cannot be listed, or None when it can."""
    try:
        with os.scandir(path):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def folder_message(reason: str) -> str:
    return (f"this folder cannot be read ({reason}): let the kiosk's user open it and read its "
            "files (chmod -R a+rX on the folder)")


def odd_name(name: str) -> Optional[str]:
    """What is wrong with a file or folder name that no message could show as written."""
    if any(0xDC80 <= ord(char) <= 0xDCFF for char in name):
        return ("the name holds bytes that are not UTF-8 text (shown as \\x…): rename it with "
                "letters, digits and dashes only")
    if UNPRINTABLE.search(name):
        return ("the name holds a line break or another control character: rename it with "
                "letters, digits and dashes only")
    return None


def content_files(root: Path, prefix: str, problems: Problems, named: set,
                  skip: Iterable[Path], skipped) -> Iterator[Path]:
    """Every plain file in the content folder, in order; links, loops, unreadable folders and odd
    names are reported on the way. ``skip``: folders (and links) reported elsewhere already;
    ``skipped(rel)``: paths the walk leaves alone (hidden files, fonts)."""
    skip = set(skip)
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name, reverse=True)
        except OSError as exc:
            where = shown_path(prefix, folder.relative_to(root).as_posix())
            problems.error(where, 0, (), folder_message(exc.strerror or str(exc)))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(root)
            if path in skip or skipped(rel):
                continue
            where = shown_path(prefix, rel.as_posix())
            odd = odd_name(entry.name)
            if odd:
                problems.warning(where, 0, (), odd)
            elif entry.is_symlink():
                found = _link(path, root, named)
                if found:
                    problems.warning(where, 0, (), found)
                elif not path.is_dir():  # a link to a file inside, or a broken one
                    yield path
            elif entry.is_dir(follow_symlinks=False):
                stack.append(path)
            else:
                yield path


def _link(path: Path, root: Path, named: set) -> Optional[str]:
    """The message for a link that cannot be used, or None for a link to a file inside. A link
    that a page names is reported where it is named."""
    if path in named:
        return None
    if is_link_loop(path):
        return LINK_LOOP
    outside = link_target_outside(path, root)
    if outside is None:
        return None  # inside, or broken: a broken link is a file that nothing uses
    kind = "folder" if os.path.isdir(path) else "file"
    return (f"this is a link to a {kind} outside the content folder ({outside}), which the kiosk does not "
            f"read: put a copy of the {kind} here in place of the link, or remove the link")
