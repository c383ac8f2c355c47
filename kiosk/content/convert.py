"""Turning YAML nodes into the model's dataclasses, driven by the dataclasses' own types.

One function per kind of type; each reports what is wrong at the node's line and returns
``INVALID`` instead of raising, so that one run collects every problem in a file.
"""

from __future__ import annotations

import dataclasses
import errno
import math
import os
import re
import typing
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Literal, Optional, Union

import yaml

from . import model
from .checks import check_field, colour, cut_hint, pin_hash, warn_if_cut, warn_if_emptied
from .context import INVALID, Context, describe, is_bare_question_mark, is_plain, line, tag
from .model import Cell, CellKind, Colour, FileRef, Markdown, Origin, PinHash, Text
from .problems import did_you_mean, nearest

UNKNOWN_MARKS = ("?",)
NOT_APPLICABLE_MARKS = ("-", "–", "—", "n/a")
MAX_DIGITS = 18
TEXT_LIKE = (Text, Markdown, str, FileRef, Colour)


@lru_cache(maxsize=None)
def yaml_fields(cls: type) -> dict[str, tuple[Any, dataclasses.Field]]:
    """The YAML keys of a dataclass: name → (type, field)."""
    hints = typing.get_type_hints(cls, vars(model))
    return {
        f.name: (hints[f.name], f)
        for f in dataclasses.fields(cls)
        if f.metadata.get("yaml", True)
    }


def is_required(f: dataclasses.Field) -> bool:
    no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    return no_default or bool(f.metadata.get("required"))


def convert(node: yaml.Node, hint: Any, ctx: Context, keys: tuple) -> Any:
    """The value of ``node`` as ``hint``, or INVALID after reporting why not."""
    return _converter(hint)(node, hint, ctx, keys)


@lru_cache(maxsize=None)
def _converter(hint: Any) -> Callable:
    """The function that converts to ``hint``, chosen once per type (a large exhibit has
    hundreds of thousands of values)."""
    origin = typing.get_origin(hint)
    if origin is Union:
        return _union
    if origin is Literal:
        return lambda node, hint, ctx, keys: _choice(node, typing.get_args(hint), ctx, keys)
    if origin is tuple:
        return lambda node, hint, ctx, keys: _sequence(node, typing.get_args(hint)[0], ctx, keys)
    if dataclasses.is_dataclass(hint) and hint not in (Text, Markdown, Cell):
        return convert_mapping
    simple = CONVERTERS[hint]
    return lambda node, hint, ctx, keys: simple(node, ctx, keys)


@lru_cache(maxsize=None)
def _options(hint: Any) -> tuple:
    return tuple(a for a in typing.get_args(hint) if a is not type(None))


@lru_cache(maxsize=None)
def _has_origin(cls: type) -> bool:
    return "origin" in {f.name for f in dataclasses.fields(cls)}


def _union(node, hint, ctx, keys):
    options = _options(hint)
    if isinstance(node, yaml.ScalarNode) and tag(node) == "null":
        if len(options) == 1 and options[0] in TEXT_LIKE:
            warn_if_emptied(node, ctx, keys)
        return None
    if len(options) == 1:
        return convert(node, options[0], ctx, keys)
    return _page(node, ctx, keys)


def _page(node, ctx, keys):
    if not isinstance(node, yaml.MappingNode):
        return ctx.error(node, keys, f"expected a page (keys such as type: and title:), got {describe(node)}")
    type_node = next((v for k, v in node.value if k.value == "type"), None)
    kinds = ", ".join(model.PAGE_TYPES)
    if type_node is None:
        return ctx.error(node, keys, f"this page has no 'type': add one of {kinds}")
    cls = model.PAGE_TYPES.get(type_node.value) if isinstance(type_node, yaml.ScalarNode) else None
    if cls is None:
        close = nearest(str(type_node.value), model.PAGE_TYPES)
        hint = f"; did you mean '{close}'?" if close else ""
        return ctx.error(type_node, keys + ("type",), f"unknown page type {describe(type_node)}: "
                         f"expected one of {kinds}{hint}")
    return convert_mapping(node, cls, ctx, keys)


def convert_mapping(node: yaml.Node, cls: type, ctx: Context, keys: tuple) -> Any:
    """A dataclass from a mapping node: unknown, duplicate and missing keys reported."""
    if not isinstance(node, yaml.MappingNode):
        return ctx.error(node, keys, f"expected a group of keys (key: value), got {describe(node)}")
    fields = yaml_fields(cls)
    values, bad, seen, suggested = {}, False, {}, set()
    errors_before = ctx.problems.error_count
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str) or key not in fields:
            ctx.error(key_node, keys, f"unknown key {describe(key_node)}: {did_you_mean(str(key), fields)}")
            suggested.add(nearest(str(key), fields))
            continue
        if key in seen:
            ctx.error(key_node, keys + (key,), f"duplicate key: '{key}' is also on line {seen[key]}; "
                      "keep one of the two")
            continue
        seen[key] = line(key_node)
        hint, f = fields[key]
        value = convert(value_node, hint, ctx, keys + (key,))
        if value is not INVALID:
            value = check_field(value, value_node, f, ctx, keys + (key,))
        if value is INVALID:
            bad = bad or is_required(f)
        else:
            values[key] = value
    for name, (_, f) in fields.items():
        if name not in values and name not in seen and is_required(f):
            bad = True
            if name in suggested:
                continue  # 'captoin' is reported once, as a misspelt 'caption', not also as missing
            what = f.metadata.get("doc", "").rstrip(".")
            ctx.error(node, keys, f"missing key '{name}' ({what}): add it")
    if bad:
        return INVALID
    if _has_origin(cls):
        values["origin"] = Origin(ctx.file, line(node))
    result = cls(**values)
    hook = ctx.hooks.get(cls)
    if hook is None:
        return result
    # A hook checks the whole (a chart's data against its totals); on parts already known
    # to be wrong it would only repeat their problems, so the whole is left out instead.
    if ctx.problems.error_count > errors_before:
        return INVALID
    return hook(result, node, ctx, keys)


def _sequence(node, item_hint, ctx, keys):
    if isinstance(node, yaml.ScalarNode) and tag(node) != "null" and item_hint is not Cell:
        node_list = [node]  # one item written without the list dash is still one item
    elif not isinstance(node, yaml.SequenceNode):
        return ctx.error(node, keys, f"expected a list (items starting with '- '), got {describe(node)}")
    else:
        node_list = node.value
    items = [convert(item, item_hint, ctx, keys + (i,)) for i, item in enumerate(node_list, 1)]
    return tuple(item for item in items if item is not INVALID)


def _choice(node, choices, ctx, keys):
    if isinstance(node, yaml.ScalarNode) and node.value in choices:
        return node.value
    listed = ", ".join(choices)
    close = did_you_mean(str(getattr(node, "value", "")), choices) if isinstance(node, yaml.ScalarNode) else ""
    extra = f"; {close}" if close.startswith("did") else ""
    return ctx.error(node, keys, f"expected one of {listed}; got {describe(node)}{extra}")


def _string(node, ctx, keys):
    if isinstance(node, yaml.ScalarNode) and tag(node) != "null":
        warn_if_cut(node, ctx, keys)
        return node.value
    return ctx.error(node, keys, f"expected text, got {describe(node)}{cut_hint(node, ctx)}")


def _text(node, ctx, keys, cls=Text):
    if isinstance(node, yaml.ScalarNode) and tag(node) != "null":
        if not node.value.strip():
            return ctx.error(node, keys, "the text is empty: write it, or remove the key")
        warn_if_cut(node, ctx, keys)
        return cls((("*", node.value),))
    if not isinstance(node, yaml.MappingNode):
        first = ctx.languages[0] if ctx.languages else "en"
        fix = cut_hint(node, ctx) or (f": write the text after the colon, or one line per language "
                                      f"under it ({first}: …)")
        return ctx.error(node, keys, f"expected text, or one text per language{_langs(ctx)}, "
                         f"got {describe(node)}{fix}")
    # Languages unknown (exhibit.yaml unreadable): the texts are taken as they are, rather
    # than each reported against a guess.
    known = ctx.languages
    found, lines, bad = {}, {}, False
    for key_node, value_node in node.value:
        code = str(key_node.value)
        if known and code not in known:
            close = nearest(code, ctx.languages)
            fix = f"did you mean '{close}'?" if close else "remove it, or add the language to exhibit.yaml"
            ctx.error(key_node, keys, f"'{code}' is not one of the exhibit's languages{_langs(ctx)}: {fix}")
            bad = True
        elif code in lines:
            ctx.error(key_node, keys + (code,), f"duplicate key: '{code}' is also on line {lines[code]}; "
                      "keep one of the two")
        elif _string(value_node, ctx, keys + (code,)) is INVALID:
            bad = True
        else:
            found[code], lines[code] = value_node.value, line(key_node)
    missing = [code for code in known if code not in found]
    if missing and not bad:
        return ctx.error(node, keys, f"missing the {', '.join(missing)} text: add it, since a text "
                         f"given by language needs every language of the exhibit{_langs(ctx)}")
    return INVALID if bad else cls(tuple((c, found[c]) for c in (known or found)))


def _langs(ctx):
    return f" ({', '.join(ctx.languages)})" if ctx.languages else ""


NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> Optional[float]:
    """A figure written as digits (1234, 1234.5, 1_234), or None when it is not one."""
    text = text.strip().replace("_", "")
    if not NUMBER.match(text) or len(text) > MAX_DIGITS + 2:
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _number(node, ctx, keys, integer=False):
    value = None
    if isinstance(node, yaml.ScalarNode) and tag(node) in ("int", "float"):
        value = parse_number(node.value)
    if value is None or (integer and value != int(value)):
        kind = "a whole number" if integer else "a number"
        return ctx.error(node, keys, f"expected {kind}, got {describe(node)}{_why_text(node)}")
    return int(value) if integer else value


def _why_text(node) -> str:
    """How to fix a figure that YAML read as something else: most often as text."""
    if isinstance(node, yaml.ScalarNode) and tag(node) == "str" and parse_number(node.value) is not None:
        if node.style in ("'", '"'):
            return ", which the quotes mark as text: remove the quotes"
        if is_plain(node):
            return ", which the tag !!str marks as text: remove the !!str"
    return ": write digits only, without spaces, commas or units (5078174, 6.8)"


def _boolean(node, ctx, keys):
    if isinstance(node, yaml.ScalarNode) and tag(node) == "bool":
        return node.value.lower() in ("true", "yes", "on")
    return ctx.error(node, keys, f"expected true or false, got {describe(node)}")


def cell_from_text(text: str) -> Optional[Cell]:
    """A chart figure from its written form, or None when it is not one."""
    text = text.strip()
    if text in UNKNOWN_MARKS or text == "":
        return Cell(None, CellKind.UNKNOWN)
    if text.lower() in NOT_APPLICABLE_MARKS:
        return Cell(None, CellKind.NOT_APPLICABLE)
    value = parse_number(text)
    return Cell(value) if value is not None else None


def _cell(node, ctx, keys):
    cell = None
    if isinstance(node, yaml.ScalarNode):
        cell = Cell(None, CellKind.UNKNOWN) if tag(node) == "null" else cell_from_text(node.value)
    if cell is None:
        fix = (": YAML reads a bare ? as a sign of its own, so write it in quotes: \"?\""
               if is_bare_question_mark(node) else "")
        return ctx.error(node, keys, f"expected a number, '?' (or null) for unknown, or '-' for "
                         f"not applicable; got {describe(node)}{fix}")
    return cell


def _file(node, ctx, keys):
    name = _string(node, ctx, keys)
    if name is INVALID:
        return INVALID
    ctx.named.add(Path(os.path.normpath(ctx.folder / name)))
    resolved = resolve_file(name, ctx.folder, ctx.root)
    if isinstance(resolved, str):
        return ctx.error(node, keys, resolved)
    ctx.used_files.setdefault(resolved, []).append((ctx.file, line(node), keys))
    ctx.named.add(resolved)
    return FileRef(resolved.relative_to(ctx.root).as_posix())


def resolve_file(name: str, folder: Path, root: Path) -> "Path | str":
    """The file ``name`` inside the content folder, or a message saying why it cannot be used."""
    if "\x00" in name:
        return "the file name holds a NUL character (\\0): write the name in plain letters"
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


CONVERTERS: dict[Any, Callable] = {
    str: _string,
    Text: _text,
    Markdown: lambda n, c, k: _text(n, c, k, Markdown),
    float: _number,
    int: lambda n, c, k: _number(n, c, k, integer=True),
    bool: _boolean,
    Cell: _cell,
    FileRef: _file,
    Colour: colour,
    PinHash: pin_hash,
}
