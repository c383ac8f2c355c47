"""Files named in the content: found relative to the YAML file that names them, and never outside
the content folder (not through a link, an absolute path or a '..')."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Any

import yaml

from .context import Context, line
from .limits import SVG_SUFFIXES, file_bytes_limit, size_of, too_large
from .problems import UNPRINTABLE, nearest
from .svgcheck import svg_problem
from .values import FileRef

SHOW_FEWER = "show a smaller copy: one the size of the screen is enough"


def file_ref(name: str, node: yaml.Node, ctx: Context, keys: tuple) -> Any:
    """The file ``name`` (written at ``node``) as a FileRef relative to the content folder, noted
    as used; INVALID after reporting why it cannot be used."""
    ctx.named.add(Path(os.path.normpath(ctx.folder / name)))
    resolved = resolve_file(name, ctx.folder, ctx.root)
    if not isinstance(resolved, str):
        if resolved not in ctx.checked:  # each file is measured once, however many pages show it
            ctx.checked[resolved] = too_big(resolved, name)
        resolved = ctx.checked[resolved] or resolved
    if isinstance(resolved, str):
        return ctx.error(node, keys, resolved)
    ctx.used_files.setdefault(resolved, []).append((ctx.file, line(node), keys))
    ctx.named.add(resolved)
    return FileRef(resolved.relative_to(ctx.root).as_posix())


def note_names(node: yaml.Node, ctx: Context) -> None:
    """Count every text under ``node`` as a file name the content names, found or not.

    For a value that is left out unread (a page without its type, a misspelt key, a list where
    a name belongs): the file it names is not then also reported as one nothing uses."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.ScalarNode):
            if item.value and len(item.value) < 4096:
                ctx.named.add(Path(os.path.normpath(ctx.folder / item.value)))
        elif isinstance(item, yaml.MappingNode):
            stack.extend(value for _, value in item.value)
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)


def resolve_file(name: str, folder: Path, root: Path) -> "Path | str":
    """The file ``name`` inside the content folder, or a message saying why it cannot be used."""
    if "\x00" in name:
        return "the file name holds a NUL character (\\0): write the name in plain letters"
    if UNPRINTABLE.search(name):
        return (f"'{name}' holds a line break or another control character: rename the file "
                "with letters, digits and dashes only, and name it so here")
    if Path(name).is_absolute() or re.match(r"^[A-Za-z]:[\\/]", name):
        return (f"'{name}' is an absolute path: name the file relative to this file's folder, "
                "e.g. images/map.svg")
    path = folder / name
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        return f"'{name}' cannot be followed (a link loop?): replace it with the file itself"
    if not real.is_relative_to(root):
        if Path(os.path.normpath(path)).is_relative_to(root):
            return (f"'{name}' is a link to a file outside the content folder: put a copy of the "
                    "file here in place of the link")
        return (f"'{name}' leaves the content folder: copy the file into this chapter's folder "
                "and name it from there")
    try:
        return _readable(name, path, real)
    except OSError as exc:  # the system refuses to look the name up at all
        if exc.errno == errno.ENAMETOOLONG:
            return f"'{name[:40]}…' is too long for a file name: give the file a shorter name"
        return f"'{name}' cannot be opened ({exc.strerror}): check the folder's permissions"


def too_big(path: Path, name: str) -> "str | None":
    """Why the file a page shows is too large to show (found before it is read whole), or None.
    A CSV file's size is checked where it is read, and reported at its own file."""
    if path.suffix.lower() == ".csv":
        return None
    if path.suffix.lower() in SVG_SUFFIXES:
        return svg_problem(path, name)
    size, limit = size_of(path), file_bytes_limit(path)
    if size is not None and size > limit:
        return too_large(f"'{name}'", size, limit, SHOW_FEWER)
    return None


def _readable(name: str, path: Path, real: Path) -> "Path | str":
    if real.is_dir():
        return f"'{name}' is a folder, not a file: name the file itself"
    if not real.is_file():
        siblings = [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []
        close = nearest(path.name, [n for n in siblings if n != "chapter.yaml"])
        fix = (f"did you mean '{close}'?" if close else
               "check the spelling, and that the file is there (a name is relative to this file's folder)")
        return f"file not found: '{name}'; {fix}"
    try:
        with open(real, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        return f"'{name}' cannot be read ({exc.strerror}): check the file's permissions"
    return real
