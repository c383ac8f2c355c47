"""Figures as spreadsheets write them in a CSV cell: ``6,5`` in Swedish, ``1,234.5`` in English.

A semicolon file is a Swedish or German one: its decimal mark is the comma, and a point or a
space separates thousands (``1 234,5``, ``1.234,5``). In a comma or tab file the point is
the decimal mark, and a comma or a space separates thousands (``1,234.5``). A figure that
could be read either way (``1,234`` in a comma file: a thousand, or one and a bit?) is
refused rather than guessed, and so is one whose thousands are not grouped by three.
"""

from __future__ import annotations

import math
import re
from typing import Union

from .csvfile import SEPARATORS
from .figures import MAX_DIGITS, NOT_APPLICABLE_MARKS, UNKNOWN_MARKS
from .values import Cell, CellKind

SPACES = (" ", "\u00a0", "\u202f", "\u2009")
MINUS = "\u2212"  # the minus sign some spreadsheets write in place of '-'
SHAPE = re.compile(r"^(?P<sign>[+-]?)(?P<mantissa>[\d., ]*\d[\d., ]*)(?P<exponent>[eE][+-]?\d+)?$")
DIGITS = re.compile(r"^\d*$")


def csv_cell(text: str, separator: str) -> Union[Cell, str, None]:
    """The figure a CSV cell holds; a message saying why it is refused (a figure that could be
    read two ways); or None when it is no figure at all."""
    text = text.strip()
    if text in UNKNOWN_MARKS or text == "":
        return Cell(None, CellKind.UNKNOWN)
    if text.lower() in NOT_APPLICABLE_MARKS:
        return Cell(None, CellKind.NOT_APPLICABLE)
    found = SHAPE.match(_plain_spaces(text).replace(MINUS, "-"))
    if found is None:
        return None
    value, refused = _value(found.group("mantissa"), separator, text)
    if refused:
        return refused
    if sum(char.isdigit() for char in text) > MAX_DIGITS + 2:
        return None
    number = float(f"{found.group('sign')}{value}{found.group('exponent') or ''}")
    if not math.isfinite(number):
        return None
    return Cell(number)


def _plain_spaces(text: str) -> str:
    for space in SPACES[1:]:
        text = text.replace(space, " ")
    return text


def _value(mantissa: str, separator: str, shown: str) -> tuple[str, str]:
    """The figure as Python writes it ('1234.5') and '', or '' and why it is refused."""
    decimal, other = ("," if separator == ";" else "."), ("." if separator == ";" else ",")
    points = [mark for mark in mantissa if mark in ".,"]
    if len(set(points)) == 2:  # 1,234.5 or 1.234,5: the last mark is the decimal one
        mark = points[-1]
        if points.count(mark) > 1:
            return "", _not_grouped(shown, separator)
        whole, fraction, thousands = *mantissa.rsplit(mark, 1), points[0]
    elif points.count(decimal) == 1:
        (whole, fraction), thousands = mantissa.split(decimal), ""
    elif points.count(other) == 1:
        whole, fraction = mantissa.split(other)
        if len(fraction) == 3 and re.fullmatch(r"[1-9]\d{0,2}", whole):
            return "", _either_way(shown, separator, whole, fraction)
        thousands = ""
    elif points:  # the same mark more than once: it can only separate thousands
        whole, fraction, thousands = mantissa, "", points[0]
    else:
        whole, fraction, thousands = mantissa, "", ""
    if " " in whole:
        if thousands:
            return "", _not_grouped(shown, separator)
        thousands = " "
    if thousands and not re.fullmatch(rf"\d{{1,3}}({re.escape(thousands)}\d{{3}})+", whole):
        return "", _not_grouped(shown, separator)
    whole = whole.replace(thousands, "") if thousands else whole
    if not DIGITS.match(whole) or not DIGITS.match(fraction) or not (whole or fraction):
        return "", _not_grouped(shown, separator)
    return f"{whole or '0'}.{fraction or '0'}", ""


def _either_way(shown: str, separator: str, whole: str, fraction: str) -> str:
    """The message for a figure that could be a whole number or a decimal."""
    mark, decimal = ("point", ",") if separator == ";" else ("comma", ".")
    return (f"'{shown}' could be {whole}{fraction} or {whole}{decimal}{fraction} (in a "
            f"{SEPARATORS[separator]} file a {mark} may separate thousands): write {whole}{fraction} "
            f"for the whole number, or {whole}{decimal}{fraction} for the decimal")


def _not_grouped(shown: str, separator: str) -> str:
    decimal = "," if separator == ";" else "."
    return (f"'{shown}' is not a figure: a space, comma or point inside a number may only group "
            f"its thousands by three (1 234 567) or mark its decimals, once: write the digits "
            f"alone (1234567, 1234{decimal}5)")
