"""A JSON Schema of the content files, generated from the model's own dataclasses.

Editors that know JSON Schema (VS Code with the YAML extension) use it to complete keys
and flag mistakes while a curator types. It is made from the same types and field docs
the loader reads, so the two cannot disagree.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Literal, Union

from . import model
from .checks import COLOUR
from .convert import is_required, yaml_fields
from .figures import NOT_APPLICABLE_MARKS, UNKNOWN_MARKS
from .model import Cell, ClockTime, Colour, FileRef, Hours, Markdown, PinHash, ScreenSize, Text

DIALECT = "https://json-schema.org/draft/2020-12/schema"
TIME = r"\d{1,2}:\d{2}"
SPAN = rf"{TIME}\s*[-–—]\s*{TIME}"
HOURS = {"anyOf": [
    {"type": "string", "pattern": rf"^\s*(closed|{SPAN}(\s*,\s*{SPAN})*)\s*$"},
    {"type": "array", "items": {"type": "string", "pattern": rf"^\s*{SPAN}\s*$"}, "minItems": 1},
]}
LANGUAGE_CODE = r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$"
FILES = {"exhibit": model.Exhibit, "chapter": model.Chapter}

TEXT = {
    "anyOf": [
        {"type": ["string", "number"]},
        {
            "type": "object",
            "description": "One text per language: en: …, sv: …",
            "patternProperties": {LANGUAGE_CODE: {"type": ["string", "number"]}},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ]
}
SIMPLE = {
    str: {"type": ["string", "number"]},
    FileRef: {"type": "string", "description": "A file path, relative to this YAML file."},
    Colour: {"type": "string", "pattern": COLOUR.pattern},
    PinHash: {"type": "string", "pattern": r"^pbkdf2-sha256\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$"},
    ScreenSize: {"type": "string", "pattern": r"^\s*\d+\s*[xX×]\s*\d+\s*$",
                 "description": "WIDTHxHEIGHT in pixels, like 1920x1080."},
    Hours: HOURS,
    ClockTime: {"type": "string", "pattern": rf"^\s*{TIME}\s*$",
                "description": "A time of day on the 24-hour clock, in quotes: \"03:30\"."},
    float: {"type": "number"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    Text: TEXT,
    Markdown: TEXT,
    Cell: {"anyOf": [{"type": "number"}, {"type": "null"},
                     {"enum": list(UNKNOWN_MARKS + NOT_APPLICABLE_MARKS)}]},
}


def content_schema(which: str | None = None) -> dict:
    """The schema of exhibit.yaml (``exhibit``), chapter.yaml (``chapter``), or either (None)."""
    defs: dict[str, Any] = {}
    if which is None:
        top = {"anyOf": [_schema(cls, defs) for cls in FILES.values()]}
        title = "A kiosk content file (exhibit.yaml or chapter.yaml)"
    else:
        top = _schema(FILES[which], defs)
        title = f"The kiosk's {which}.yaml"
    return {"$schema": DIALECT, "title": title, **top, "$defs": defs}


def _schema(hint: Any, defs: dict) -> dict:
    origin = typing.get_origin(hint)
    if origin is Union:
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        parts = [_schema(a, defs) for a in options]
        if type(None) in typing.get_args(hint):
            parts.append({"type": "null"})
        return parts[0] if len(parts) == 1 else {"anyOf": parts}
    if origin is Literal:
        return {"enum": list(typing.get_args(hint))}
    if origin is tuple:
        item = typing.get_args(hint)[0]
        listed = {"type": "array", "items": _schema(item, defs)}
        if item is Cell or (dataclasses.is_dataclass(item) and item not in (Text, Markdown)):
            return listed
        # The loader takes one plain value written without its dash as a list of one item.
        single = SIMPLE[str] if item in (Text, Markdown) else _schema(item, defs)
        return {"anyOf": [listed, single]}
    if hint in SIMPLE:
        return dict(SIMPLE[hint])
    if dataclasses.is_dataclass(hint):
        return _object(hint, defs)
    raise TypeError(f"no schema for {hint!r}")


def _object(cls: type, defs: dict) -> dict:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # placeholder while its fields are made
        properties, required = {}, []
        for key, (hint, f) in yaml_fields(cls).items():
            properties[key] = {**_schema(hint, defs), **_limits(f), "description": f.metadata.get("doc", "")}
            if is_required(f):
                required.append(key)
        defs[name] = {
            "type": "object",
            "description": _summary(cls),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
    return {"$ref": f"#/$defs/{name}"}


def _limits(f: dataclasses.Field) -> dict:
    """The field's limits from its metadata; each applies only to a value of its kind (a
    number, a list), so it may sit beside an anyOf."""
    meta, limits = f.metadata, {}
    if meta.get("above") is not None:
        limits["exclusiveMinimum"] = meta["above"]
    if meta.get("at_most") is not None:
        limits["maximum"] = meta["at_most"]
    if "non_empty" in meta:
        limits["minItems"] = 1
    return limits


def _summary(cls: type) -> str:
    text = (cls.__doc__ or "").strip().split("\n")[0]
    return "" if text.startswith(cls.__name__ + "(") else text
