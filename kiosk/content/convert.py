"""Turning YAML nodes into the model's dataclasses, driven by the dataclasses' own types.

One function per kind of type; each reports what is wrong at the node's line and returns
``INVALID`` instead of raising, so that one run collects every problem in a file.
"""

from __future__ import annotations

import dataclasses
import typing
from functools import lru_cache
from typing import Any, Callable, Literal, Union

import yaml

from . import model
from .checks import (check_field, colour, cut_hint, label_stand_in, pin_hash, screen_size, warn_if_cut,
                     warn_if_emptied)
from .context import INVALID, Context, child, describe, line, tag
from .figures import boolean, cell, number
from .files import file_ref, note_names
from .hours import clock_time, hours
from .limits import TEXT_CHARACTERS, TEXT_WORDS
from .limits import number as counted
from .model import Cell, ClockTime, Colour, FileRef, Hours, Markdown, Origin, PinHash, ScreenSize, Text
from .problems import did_you_mean, nearest

TEXT_LIKE = (Text, Markdown, str, FileRef, Colour)
EMPTY = "the text is empty"
SPLIT = "shorten it, or split it over several pages"


@lru_cache(maxsize=None)
def yaml_fields(cls: type) -> dict[str, tuple[Any, dataclasses.Field]]:
    """The YAML keys of a dataclass: name → (type, field)."""
    hints = typing.get_type_hints(cls)
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
        if len(options) > 1:  # a page written as a dash with nothing after it
            return ctx.error(node, keys, "this page is empty (a '-' with nothing after it): write the "
                             "page under it, like - {type: text, body: …}, or remove the dash")
        if len(options) == 1 and options[0] in TEXT_LIKE:
            warn_if_emptied(node, ctx, keys)
        return None
    if len(options) == 1:
        return convert(node, options[0], ctx, keys)
    return _page(node, ctx, keys)


def _page(node, ctx, keys):
    if not isinstance(node, yaml.MappingNode):
        return ctx.error(node, keys, f"expected a page (keys such as type: and title:), got {describe(node)}")
    type_node = child(node, "type")
    kinds = ", ".join(model.PAGE_TYPES)
    if type_node is None:
        note_names(node, ctx)  # the page is left out unread: its files are not unused
        return _no_type(node, ctx, keys, kinds)
    cls = model.PAGE_TYPES.get(type_node.value) if isinstance(type_node, yaml.ScalarNode) else None
    if cls is None:
        note_names(node, ctx)
        close = nearest(str(type_node.value), model.PAGE_TYPES)
        hint = f"; did you mean '{close}'?" if close else ""
        return ctx.error(type_node, keys + ("type",), f"unknown page type {describe(type_node)}: "
                         f"expected one of {kinds}{hint}")
    return convert_mapping(node, cls, ctx, keys)


def _no_type(node, ctx, keys, kinds):
    """The message for a page without 'type': at the key meant for it, if one is misspelt
    ('typ: image') or another word names a page type ('kind: image')."""
    known = {key for cls in model.PAGE_TYPES.values() for key in yaml_fields(cls)}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        if key in known:
            continue
        if value in model.PAGE_TYPES:
            return ctx.error(key_node, keys, f"this page has no 'type': did you mean 'type: {value}' "
                             f"in place of '{key}: {value}'?")
        if nearest(key, ("type",)):
            return ctx.error(key_node, keys, f"this page has no 'type': did you mean 'type' in place "
                             f"of '{key}'? Give it one of {kinds}")
    return ctx.error(node, keys, f"this page has no 'type': add one of {kinds}")


def convert_mapping(node: yaml.Node, cls: type, ctx: Context, keys: tuple) -> Any:
    """A dataclass from a mapping node: unknown, duplicate and missing keys reported.

    A key that is wrong or missing makes the whole INVALID only when it is required and
    nothing can stand in for it (see :func:`stand_in`); an optional one keeps its default."""
    if not isinstance(node, yaml.MappingNode):
        return ctx.error(node, keys, f"expected a group of keys (key: value), got {describe(node)}")
    fields = yaml_fields(cls)
    values, seen, suggested = {}, {}, set()
    errors_before = ctx.problems.error_count
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str) or key not in fields:
            retired = getattr(cls, "retired_keys", {}).get(key)
            if retired:  # a key of an earlier version: say what took its place
                ctx.error(key_node, keys, retired_message(key, retired))
                suggested.update(retired)
            else:
                ctx.error(key_node, keys, f"unknown key {describe(key_node)}: {did_you_mean(str(key), fields)}")
                suggested.add(nearest(str(key), fields))
            note_names(value_node, ctx)  # a misspelt 'fiel: map.png' does not make map.png unused
            continue
        if key in seen:
            ctx.error(key_node, keys + (key,), f"duplicate key: '{key}' is also on line {seen[key]}; "
                      "keep one of the two")
            note_names(value_node, ctx)
            continue
        seen[key] = line(key_node)
        values[key] = _field_value(value_node, cls, key, ctx, keys + (key,))
    for name, (_, f) in fields.items():
        if name not in seen and is_required(f):
            values[name] = stand_in(cls, name)
            if name not in suggested:  # 'captoin' is reported once, as a misspelt 'caption'
                what = f.metadata.get("doc", "").rstrip(".")
                ctx.error(node, keys, f"missing key '{name}' ({what}): add it")
    if any(value is INVALID and is_required(fields[key][1]) for key, value in values.items()):
        return INVALID
    values = {k: v for k, v in values.items() if v is not INVALID}
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


def retired_message(key: str, replaced_by: tuple[str, ...]) -> str:
    """The message for a key that an earlier version read and this one replaced."""
    instead = " and ".join(f"'{name}'" for name in replaced_by)
    return (f"'{key}' was read by earlier versions and is no longer: write {instead} in its place "
            "(the guide, content/README.md, shows how)")


def _field_value(node: yaml.Node, cls: type, key: str, ctx: Context, keys: tuple) -> Any:
    """The value of one key, checked; for a wrong required key its stand-in, else INVALID."""
    hint, f = yaml_fields(cls)[key]
    errors_before = ctx.problems.error_count
    value = convert(node, hint, ctx, keys)
    if value is not INVALID:
        value = check_field(value, node, f, ctx, keys)
    if f.metadata.get("whole") and ctx.problems.error_count > errors_before:
        value = INVALID  # a list that means something only whole (the gesture's taps)
    return stand_in(cls, key) if value is INVALID and is_required(f) else value


@lru_cache(maxsize=None)
def stand_in(cls: type, key: str) -> Any:
    """What a required key of ``cls`` falls back to when it is wrong or missing (after the
    error), or INVALID when nothing can stand in for it and the whole must be left out.

    A label stands in for itself with its name (:func:`~kiosk.content.checks.label_stand_in`);
    a key may name its ``fallback`` in its metadata (the PIN line: one that opens nothing);
    a group of keys falls back as a whole when each of its required keys can."""
    hint, f = yaml_fields(cls)[key]
    if "placeholders" in f.metadata:
        return Text.plain(label_stand_in(key, f.metadata["placeholders"]))
    if "fallback" in f.metadata:
        return f.metadata["fallback"]
    if not dataclasses.is_dataclass(hint) or hint in (Text, Markdown, Cell):
        return INVALID
    parts = {name: stand_in(hint, name) for name, (_, part) in yaml_fields(hint).items() if is_required(part)}
    return INVALID if INVALID in parts.values() else hint(**parts)


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
            return ctx.error(node, keys, f"{EMPTY}: write it, or remove the key")
        warn_if_cut(node, ctx, keys)
        return _within_limits(cls((("*", node.value),)), node, ctx, keys)
    if not isinstance(node, yaml.MappingNode):
        first = ctx.languages[0] if ctx.languages else "en"
        fix = cut_hint(node, ctx) or (f": write the text after the colon, or one line per language "
                                      f"under it ({first}: …)")
        return ctx.error(node, keys, f"expected text, or one text per language{_langs(ctx)}, "
                         f"got {describe(node)}{fix}")
    if not node.value:
        return ctx.error(node, keys, f"{EMPTY}: write it, or remove the key")
    found, bad = _texts_by_language(node, ctx, keys)
    missing = [code for code in ctx.languages if code not in found]
    if missing and not bad:
        ctx.error(node, keys, f"missing the {', '.join(missing)} text: add it, since a text "
                  f"given by language needs every language of the exhibit{_langs(ctx)}")
        bad = True
    # In exhibit.yaml what is left stands: Text.get shows the first language's text in place
    # of a missing one. Elsewhere the text (and so its page) is left out until it is fixed.
    if not found or (bad and not ctx.forgiving):
        return INVALID
    text = cls(tuple((code, found[code]) for code in (ctx.languages or found) if code in found))
    return _within_limits(text, node, ctx, keys)


def _within_limits(text: Text, node, ctx, keys):
    """The text, or INVALID after saying it is longer than the kiosk shows (it would hold the
    screen for seconds to lay out)."""
    for one in text.all():
        if len(one) > 2 * TEXT_WORDS:  # a shorter text cannot hold that many words
            words = len(one.split())
            if words > TEXT_WORDS:
                return ctx.error(node, keys, f"about {counted(words)} words, more than the kiosk shows "
                                 f"in one text (at most {counted(TEXT_WORDS)}): {SPLIT}")
            if len(one) > TEXT_CHARACTERS:
                return ctx.error(node, keys, f"{counted(len(one))} characters, more than the kiosk "
                                 f"shows in one text (at most {counted(TEXT_CHARACTERS)}): {SPLIT}")
    return text


def _texts_by_language(node: yaml.MappingNode, ctx: Context, keys) -> tuple[dict[str, str], bool]:
    """The texts of a translated text by language code, and whether any was reported. With
    the languages unknown (exhibit.yaml unreadable), the codes are taken as they are, rather
    than each reported against a guess."""
    known = ctx.languages
    found, lines, bad = {}, {}, False
    for key_node, value_node in node.value:
        code = str(key_node.value)
        if known and code not in known:
            close = nearest(code, ctx.languages)
            fix = f"did you mean '{close}'?" if close else "remove it, or add the language to exhibit.yaml"
            ctx.error(key_node, keys, f"'{code}' is not one of the exhibit's languages{_langs(ctx)}: {fix}")
        elif code in lines:
            ctx.error(key_node, keys + (code,), f"duplicate key: '{code}' is also on line {lines[code]}; "
                      "keep one of the two")
            continue  # the first one stands
        elif _string(value_node, ctx, keys + (code,)) is INVALID:
            pass
        elif not value_node.value.strip():
            ctx.error(value_node, keys + (code,), f"{EMPTY}: write it, or remove the key")
        else:
            found[code], lines[code] = value_node.value, line(key_node)
            continue
        bad = True
    return found, bad


def _langs(ctx):
    return f" ({', '.join(ctx.languages)})" if ctx.languages else ""


def _file(node, ctx, keys):
    name = _string(node, ctx, keys)
    if name is INVALID:
        note_names(node, ctx)  # a name written as a list or a group is still a name
        return INVALID
    return file_ref(name, node, ctx, keys)


CONVERTERS: dict[Any, Callable] = {
    str: _string,
    Text: _text,
    Markdown: lambda n, c, k: _text(n, c, k, Markdown),
    float: number,
    int: lambda n, c, k: number(n, c, k, integer=True),
    bool: boolean,
    Cell: cell,
    FileRef: _file,
    Colour: colour,
    PinHash: pin_hash,
    ScreenSize: screen_size,
    Hours: hours,
    ClockTime: clock_time,
}
