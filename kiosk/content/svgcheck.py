"""An SVG picture measured before Qt draws it: its size, its elements, how deep they nest, and
what its <use> references repeat.

A 2 KB SVG of nested <use> can ask for a billion shapes, and an SVG with entities can expand the
same way, so the file is read with a bounded parser that declares no entities and stops at the
first limit it passes. Whether the drawing is well-formed is left to the Qt check, which says
so in its own words; this module only refuses what is too large to draw.
"""

from __future__ import annotations

import bisect
import gzip
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from xml.parsers import expat

from .limits import (SVG_BYTES, SVG_DEPTH, SVG_ELEMENTS, SVG_USE_DEPTH, number, size_of,
                     too_large)

SIMPLIFY = "simplify the drawing, or export it as PNG"
CHUNK = 64 * 1024


class _Refused(Exception):
    """Stops the parser at the first limit passed, with the message to show."""


@dataclass
class _Tree:
    """The elements in document order: each one's end (its subtree is [i, end)), line and id,
    and where the <use> elements are and what they name."""

    ends: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    uses: list[int] = field(default_factory=list)
    targets: dict[int, str] = field(default_factory=dict)


def svg_problem(path: Path, name: str) -> Optional[str]:
    """Why the SVG at ``path`` (named ``name`` in the YAML) is refused, or None."""
    size = size_of(path)
    if size is not None and size > SVG_BYTES:
        return too_large(f"'{name}'", size, SVG_BYTES, SIMPLIFY)
    data = _unpacked(path) if path.suffix.lower() == ".svgz" else _read(path)
    if data is None:
        return None  # unreadable or not gzip: the Qt check says it cannot be decoded
    if len(data) > SVG_BYTES:
        return too_large(f"'{name}' unpacked", len(data), SVG_BYTES, SIMPLIFY)
    try:
        tree = _parse(data)
        _count(tree)
    except _Refused as refused:
        return f"'{name}' {refused}"
    return None


def _read(path: Path) -> Optional[bytes]:
    try:
        with open(path, "rb") as handle:
            return handle.read(SVG_BYTES + 1)
    except OSError:
        return None


def _unpacked(path: Path) -> Optional[bytes]:
    try:
        with gzip.open(path, "rb") as handle:
            return handle.read(SVG_BYTES + 1)  # never more, however well it packs
    except (OSError, EOFError, zlib.error):
        return None


def _parse(data: bytes) -> _Tree:
    tree, open_ = _Tree(), []
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def start(tag: str, attributes: dict) -> None:
        index = len(tree.ends)
        if index >= SVG_ELEMENTS:
            raise _Refused(_elements(parser.CurrentLineNumber))
        if len(open_) >= SVG_DEPTH:
            raise _Refused(f"nests elements more than {SVG_DEPTH} deep (line {parser.CurrentLineNumber}), "
                           f"more than the kiosk draws: {SIMPLIFY}")
        tree.ends.append(index + 1)
        tree.lines.append(parser.CurrentLineNumber)
        for key, value in attributes.items():
            local = key.rpartition(" ")[2]
            if local == "id":
                tree.ids.setdefault(value, index)
            elif local == "href" and tag.rpartition(" ")[2] == "use" and value.startswith("#"):
                tree.uses.append(index)
                tree.targets[index] = value[1:]
        open_.append(index)

    def end(tag: str) -> None:
        tree.ends[open_.pop()] = len(tree.ends)

    def entity(name, *rest) -> None:
        raise _Refused(f"declares the XML entity '{name}' (line {parser.CurrentLineNumber}), which "
                       "the kiosk does not read: export the drawing again as plain SVG")

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.EntityDeclHandler = entity
    try:
        for offset in range(0, len(data), CHUNK):
            parser.Parse(data[offset: offset + CHUNK], False)
        parser.Parse(b"", True)
    except expat.ExpatError:
        pass  # not well-formed: what was read so far is measured, and Qt reports the rest
    return tree


def _elements(line: int, followed: str = "") -> str:
    return (f"draws more than {number(SVG_ELEMENTS)} elements{followed} (line {line}), more than the "
            f"kiosk draws in time: {SIMPLIFY}")


def _count(tree: _Tree) -> None:
    """Refuse the drawing if its elements, with every <use> counted as what it repeats, pass
    the limit, or if a <use> repeats itself or chains too deep."""
    costs: dict[int, int] = {}
    busy: set[int] = set()

    def cost(first: int, depth: int) -> int:
        if first in costs:
            return costs[first]
        if first in busy:
            raise _Refused(f"has a <use> that repeats itself (line {tree.lines[first]}), so it never "
                           f"ends: remove that <use>, or {SIMPLIFY}")
        if depth > SVG_USE_DEPTH:
            raise _Refused(f"has <use> references nested more than {SVG_USE_DEPTH} deep (line "
                           f"{tree.lines[first]}): {SIMPLIFY}")
        busy.add(first)
        end = tree.ends[first]
        total = end - first
        lo, hi = bisect.bisect_left(tree.uses, first), bisect.bisect_left(tree.uses, end)
        for use in tree.uses[lo:hi]:
            target = tree.ids.get(tree.targets[use])
            if target is not None:
                total += cost(target, depth + 1)
            if total > SVG_ELEMENTS:
                raise _Refused(_elements(tree.lines[use], " once its <use> references are followed"))
        busy.discard(first)
        costs[first] = total
        return total

    if tree.ends:
        cost(0, 0)
