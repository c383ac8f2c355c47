"""Numbers and chart figures as written in YAML: digits only, and marks for unknown and n/a."""

from __future__ import annotations

import math
import re
from typing import Optional

import yaml

from .context import describe, is_bare_question_mark, is_plain, tag
from .values import Cell, CellKind

UNKNOWN_MARKS = ("?",)
NOT_APPLICABLE_MARKS = ("-", "–", "—", "n/a")
MAX_DIGITS = 18

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> Optional[float]:
    """A figure written as digits (1234, 1234.5, 1_234), or None when it is not one."""
    text = text.strip().replace("_", "")
    if not NUMBER.match(text) or len(text) > MAX_DIGITS + 2:
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def number(node, ctx, keys, integer=False):
    """A number (a whole one with ``integer``) written as digits, not as text."""
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


def boolean(node, ctx, keys):
    """true or false (YAML's yes and no too)."""
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


def cell(node, ctx, keys):
    """One inline figure of a chart: a number, unknown or not applicable."""
    found = None
    if isinstance(node, yaml.ScalarNode):
        found = Cell(None, CellKind.UNKNOWN) if tag(node) == "null" else cell_from_text(node.value)
    if found is None:
        fix = (": YAML reads a bare ? as a sign of its own, so write it in quotes: \"?\""
               if is_bare_question_mark(node) else "")
        return ctx.error(node, keys, f"expected a number, '?' (or null) for unknown, or '-' for "
                         f"not applicable; got {describe(node)}{fix}")
    return found
