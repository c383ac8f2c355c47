"""Checks of single values beyond their type, driven by the model's field metadata.

A key's limits (``above``, ``at_most``), a list that must not be empty (``non_empty``), the
placeholders a label may use (``placeholders``) and a text's length (``words``) are written
beside its documentation in :mod:`kiosk.content.model`; this module applies them. Colours
and the admin PIN line have converters of their own here.

A problem found here never makes the kiosk fail on the floor: a value out of range falls
back to its default, a label keeps its text with the faulty curly brackets made harmless
(a missing one stands in with its name, :func:`label_stand_in`), and a bad PIN line is kept
(it opens nothing, which is what the message says).
"""

from __future__ import annotations

import dataclasses
import re
from string import Formatter
from typing import Any, Optional

import yaml

from kiosk.pin import hash_problem

from .context import INVALID, Context, child, describe, tag
from .values import ScreenSize, Text

COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
HEX_DIGITS = re.compile(r"^(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
COLOUR_FORM = 'a colour written as # and 3, 6 or 8 hexadecimal digits (#rgb, #rrggbb or #aarrggbb)'
SMALLEST, LARGEST = 200, 8000  # a screen's pixels each way, as ``kiosk run --size`` takes them
COMMENT = "a # starts a comment in YAML"
LITERAL_BRACE = "to show a curly bracket itself, write it twice: {{ or }}"
TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


# --- values cut short by a '#' ---------------------------------------------------------------


def cut_hint(node: yaml.Node, ctx: Context, what: str = "text") -> str:
    """For a value that came out empty: ': a # starts a comment…' when a '#' emptied it."""
    cut = ctx.cut_by_comment(node) if _is_null(node) else None
    return f": {COMMENT}: put the {what} in quotes, like \"{cut}\"" if cut else ""


def warn_if_cut(node: yaml.Node, ctx: Context, keys) -> None:
    """Warn when YAML read only the start of a text, up to a '#': ``title: Crime #1``."""
    if _is_null(node) or not node.value:
        return
    cut = ctx.cut_by_comment(node)
    if cut:
        ctx.warning(node, keys, f"the text stops before '#': {COMMENT}, so only '{node.value}' is "
                    f"shown: put the whole text in quotes, like \"{node.value} {cut}\"")


def warn_if_emptied(node: yaml.Node, ctx: Context, keys) -> None:
    """Warn when an optional text came out empty because a '#' started a comment."""
    hint = cut_hint(node, ctx)
    if hint:
        ctx.warning(node, keys, f"this key has no value{hint}, or remove the key")


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and tag(node) == "null"


# --- converters ------------------------------------------------------------------------------


def colour(node: yaml.Node, ctx: Context, keys) -> Any:
    """A colour (#rgb, #rrggbb, #aarrggbb): names and Qt's other forms are not taken, so that a
    colour means the same everywhere it is drawn."""
    if isinstance(node, yaml.ScalarNode) and not _is_null(node):
        text = node.value.strip()
        if COLOUR.match(text):
            return text
        if HEX_DIGITS.match(text):
            return ctx.error(node, keys, f"expected {COLOUR_FORM}, got {describe(node)}: "
                             f"add the #, in quotes: \"#{text}\"")
    hint = cut_hint(node, ctx, "colour")
    if hint:
        return ctx.error(node, keys, f"expected a colour, got nothing{hint}")
    return ctx.error(node, keys, f"expected {COLOUR_FORM}, in quotes, like \"#b3261e\"; got {describe(node)}")


def screen_size(node: yaml.Node, ctx: Context, keys) -> Any:
    """A screen size, WIDTHxHEIGHT in pixels (1920x1080; 1920×1080 and 1920X1080 too), kept
    as written the usual way: 1920x1080."""
    text = node.value.strip() if isinstance(node, yaml.ScalarNode) and not _is_null(node) else ""
    width, sep, height = text.lower().replace("×", "x").replace(" ", "").partition("x")
    if sep and width.isdigit() and height.isdigit():
        size = int(width), int(height)
        if min(size) >= SMALLEST and max(size) <= LARGEST:
            return ScreenSize(f"{size[0]}x{size[1]}")
        return ctx.error(node, keys, f"{describe(node)} is no screen the kiosk can run on: a screen is "
                         f"{SMALLEST} to {LARGEST} pixels each way, like 1920x1080")
    return ctx.error(node, keys, f"expected a screen size in pixels as WIDTHxHEIGHT, like 1920x1080; "
                     f"got {describe(node)}")


def pin_hash(node: yaml.Node, ctx: Context, keys) -> Any:
    """The admin PIN line. A bad one is reported but kept: the exhibit still loads, and the PIN
    pad refuses every PIN (which is what the message warns of)."""
    if not isinstance(node, yaml.ScalarNode) or _is_null(node):
        ctx.error(node, keys, f"expected the line that 'kiosk admin-pin --print' makes, got {describe(node)}: "
                  "run 'kiosk admin-pin --print' and paste the line it prints, or remove the key and set "
                  "each kiosk's own PIN with 'kiosk admin-pin'")
        return ""
    problem = hash_problem(node.value)
    if problem:
        ctx.error(node, keys, problem)
    return node.value


# --- checks from the field metadata ----------------------------------------------------------


def check_field(value: Any, node: yaml.Node, f: dataclasses.Field, ctx: Context, keys) -> Any:
    """``value`` after the checks its field's metadata asks for; INVALID when it cannot be used."""
    meta = f.metadata
    if "words" in meta:
        _check_words(value, node, meta["words"], ctx, keys)
    if "placeholders" in meta and isinstance(value, Text):
        value = _check_placeholders(value, node, meta["placeholders"], ctx, keys)
    if "above" in meta or "at_most" in meta:
        value = _check_range(value, node, f, ctx, keys)
    if "non_empty" in meta and value is not INVALID and not value:
        if isinstance(node, yaml.SequenceNode) and not node.value:
            ctx.error(node, keys, meta["non_empty"])
        return INVALID  # every item was wrong, and each is reported already
    return value


def _check_words(value, node, limit, ctx, keys) -> None:
    if not isinstance(value, Text):
        return
    for text in value.all():
        words = len(text.split())
        if words > limit:
            ctx.warning(node, keys, f"about {words} words, more than a kiosk screen holds "
                        f"(about {limit}): shorten it or split it over two pages")
            return


def _check_range(value, node, f, ctx, keys):
    above, most = f.metadata.get("above"), f.metadata.get("at_most")
    if value is None or ((above is None or value > above) and (most is None or value <= most)):
        return value
    unit = f.metadata.get("unit")
    kind = "a whole number" if isinstance(value, int) else "a number"
    what = f"{kind} of {unit}" if unit else kind
    limits = " and ".join(part for part in (
        f"above {_number(above)}" if above is not None else "",
        f"at most {_number(most)}{_in_words(most, unit)}" if most is not None else "",
    ) if part)
    default = f.default if f.default is not dataclasses.MISSING else None
    fix = f"correct it, or remove the key to use the default, {_number(default)}" if default is not None \
        else "correct it, or remove the key"
    return ctx.error(node, keys, f"expected {what} {limits}, got {_number(value)}: {fix}")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _in_words(limit: float, unit: Optional[str]) -> str:
    """A limit in seconds or milliseconds as a person says it: 86400 → ' (24 hours)'."""
    seconds = limit / 1000 if unit == "milliseconds" else limit if unit == "seconds" else None
    if seconds is None:
        return ""
    for size, name in ((3600, "hour"), (60, "minute"), (1, "second")):
        if seconds >= size and seconds % size == 0:
            count = int(seconds // size)
            return f" ({count} {name}{'' if count == 1 else 's'})"
    return ""


# --- label placeholders ----------------------------------------------------------------------


def _check_placeholders(value: Text, node, allowed: tuple[str, ...], ctx, keys) -> Text:
    """The label with each language's text checked; a faulty text is reported and made safe."""
    by_lang, changed = [], False
    for code, text in value.by_lang:
        problem = placeholder_problem(text, allowed)
        if problem:
            where, more = (child(node, code, node), (code,)) if isinstance(node, yaml.MappingNode) else (node, ())
            ctx.error(where, tuple(keys) + more, problem)
            text, changed = harmless(text, allowed), True
        by_lang.append((code, text))
    return type(value)(tuple(by_lang)) if changed else value


def placeholder_problem(text: str, allowed: tuple[str, ...]) -> Optional[str]:
    """What is wrong with the curly brackets of a label that may use ``allowed``, or None."""
    if not allowed:
        if "{" in text or "}" in text:
            return ("this label has no placeholders, so it cannot hold curly brackets: remove "
                    "them (round brackets ( ) are fine)")
        return None
    may_use = f"this label may use only {_listed(allowed)}, spelt exactly so"
    try:
        parts = list(Formatter().parse(text))
    except ValueError:
        return f"a curly bracket that opens or closes no placeholder: {may_use}; {LITERAL_BRACE}"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in allowed:
            return f"unknown placeholder {{{name}}}: {may_use}; {LITERAL_BRACE}"
        if spec or conversion:
            return f"write the placeholder as {{{name}}}, with nothing else inside the curly brackets"
    return None


def harmless(text: str, allowed: tuple[str, ...]) -> str:
    """``text`` with every curly bracket that is not an allowed placeholder doubled, so that
    filling in the placeholders cannot fail: the kiosk shows the mistake rather than crash."""
    if not allowed:
        return text  # the kiosk shows such a label as written, without filling anything in

    def keep_or_double(found: re.Match) -> str:
        token = found.group(0)
        if token in ("{{", "}}") or found.group(1) in allowed:
            return token
        return token.replace("{", "{{").replace("}", "}}")

    return TOKEN.sub(keep_or_double, text)


def _listed(names: tuple[str, ...]) -> str:
    shown = [f"{{{name}}}" for name in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def label_stand_in(name: str, placeholders: tuple[str, ...]) -> str:
    """What the kiosk shows for a label that is missing or unusable: its name written readably,
    and its placeholders, so that a figure it carries is still shown ('Resetting in {seconds}')."""
    words = name.replace("_", " ")
    return " ".join([words[:1].upper() + words[1:], *(f"{{{p}}}" for p in placeholders)])
