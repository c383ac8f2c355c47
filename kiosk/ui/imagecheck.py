"""The validator's checks that need Qt: can each image be decoded, and is it a sensible size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImageReader

from kiosk.content.problems import WARNING, Problem

LARGEST_SCREEN = (3840, 2160)


def check_images(files) -> list[Problem]:
    """Problems with the images among ``files`` ((path, yaml file, line, keys) tuples)."""
    problems, seen = [], {}
    for path, file, line, keys in files:
        if Path(path).suffix.lower() == ".csv":
            continue
        verdict = seen.get(path)
        if verdict is None:
            verdict = seen[path] = _inspect(Path(path))
        if verdict:
            severity, message = verdict
            problems.append(Problem(file, line, tuple(str(k) for k in keys), message, severity))
    return problems


def _inspect(path: Path):
    reader = QImageReader(str(path))
    size = reader.size()
    if not reader.canRead() or reader.read().isNull():
        reason = reader.errorString() or "unknown format"
        return ("error", f"'{path.name}' cannot be decoded as an image ({reason}): export it again "
                "as PNG, JPEG or SVG")
    if path.suffix.lower() in (".svg", ".svgz"):
        return None
    width, height = size.width(), size.height()
    limit_w, limit_h = LARGEST_SCREEN
    if width > 2 * limit_w or height > 2 * limit_h:
        return (WARNING, f"'{path.name}' is {width}×{height} pixels, far more than any screen shows "
                f"(at most {limit_w}×{limit_h}): scale it down to save memory and start-up time")
    return None
