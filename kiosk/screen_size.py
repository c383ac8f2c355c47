"""Screen sizes as written on the command line: WIDTHxHEIGHT in pixels."""

from __future__ import annotations

SMALLEST, LARGEST = 200, 8000


def parse_size(text: str) -> tuple[int, int]:
    """(width, height) from '1920x1080'; ValueError for anything else or an absurd size."""
    width, sep, height = text.lower().partition("x")
    if not sep:
        raise ValueError(text)
    size = int(width), int(height)
    if min(size) < SMALLEST or max(size) > LARGEST:
        raise ValueError(text)
    return size


def size_problem(option: str, text: str) -> str:
    return f"{option} takes WIDTHxHEIGHT in pixels, like 1920x1080; got {text!r}"
