"""The validator's checks that need Qt: can each image be decoded, and is it a sensible size."""

from __future__ import annotations

import dataclasses

from pathlib import Path

from PySide6.QtGui import QImageReader

from kiosk.content.problems import ERROR, WARNING, Problem

LARGEST_SCREEN = (3840, 2160)


def check_images(files) -> list[Problem]:
    """Problems with the images among ``files`` ((path, yaml file, line, keys) tuples)."""
    problems, seen = [], {}
    for path, file, line, keys in files:
        if Path(path).suffix.lower() == ".csv":
            continue
        if path not in seen:  # each file is decoded once, however many pages show it
            seen[path] = _inspect(Path(path))
        verdict = seen[path]
        if verdict:
            severity, message = verdict
            problems.append(Problem(file, line, tuple(str(k) for k in keys), message, severity))
    return problems


def _inspect(path: Path):
    reader = QImageReader(str(path))
    size = reader.size()  # from the file's header, before anything is decoded
    width, height = size.width(), size.height()
    limit_w, limit_h = LARGEST_SCREEN
    vector = path.suffix.lower() in (".svg", ".svgz")
    # Only calls that return a value: under PySide6 6.12.0 on Python 3.11 every call of a method
    # that returns nothing (setScaledSize, say) takes a reference from None, until Python aborts.
    too_many_bytes = width * height * 4 > QImageReader.allocationLimit() * 2**20
    if not vector and too_many_bytes and reader.canRead():
        # Qt refuses to decode it (and logs a warning): the kiosk could never show it.
        return (ERROR, f"'{path.name}' is {width}×{height} pixels, too large for the kiosk to "
                f"open at all (no screen shows more than {limit_w}×{limit_h}): scale it down")
    if not reader.canRead() or reader.read().isNull():
        reason = reader.errorString()
        reason = "damaged, or not an image" if reason in ("", "Unknown error") else reason
        return (ERROR, f"'{path.name}' cannot be decoded as an image ({reason}): export it again "
                "as PNG, JPEG or SVG")
    if vector:
        return None
    if width > 2 * limit_w or height > 2 * limit_h:
        return (WARNING, f"'{path.name}' is {width}×{height} pixels, far more than any screen shows "
                f"(at most {limit_w}×{limit_h}): scale it down to save memory and start-up time")
    return None


def with_image_problems(result):
    """The load result with its images' problems added (what ``kiosk validate`` reports too)."""
    found = check_images(result.files)
    if not found:
        return result
    problems = sorted(result.problems + tuple(found), key=lambda p: (p.file, p.line, p.severity != "error"))
    return dataclasses.replace(result, problems=tuple(problems))
