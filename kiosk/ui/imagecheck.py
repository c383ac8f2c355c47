"""The validator's checks that need Qt: can each image be decoded, and is it a sensible size.

Only headers are read to learn a picture's size; ``kiosk validate`` then decodes each picture
as a thumbnail to find damaged files, while the running kiosk's start-up check reads headers
alone, so that it never holds the screen for seconds or decodes a picture at full size.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImageReader

from kiosk.content.limits import IMAGE_PIXELS, SVG_SUFFIXES
from kiosk.content.problems import ERROR, WARNING, Problem

LARGEST_SCREEN = (3840, 2160)
# The formats the kiosk shows, as the authoring guide asks: its application bundle carries the
# decoders for these alone (packaging/hooks/), so that a GIF that shows in a checkout would not
# show on the floor.
SHOWN_FORMATS = {b"png", b"jpeg", b"jpg", b"svg", b"svgz"}
THUMBNAIL = 64  # pixels on the longer side: enough to find a damaged file, cheap to make
_app = None  # the application made for a check run outside the kiosk, kept alive


def ensure_gui() -> None:
    """Qt's SVG and font code need an application object, which ``kiosk validate`` does not
    have: make one offscreen. A QApplication, so that widgets made later still work."""
    global _app
    if QGuiApplication.instance() is None:
        from PySide6.QtWidgets import QApplication

        _app = QApplication(["kiosk", "-platform", "offscreen"])


def check_images(files, decode: bool = True) -> list[Problem]:
    """Problems with the images among ``files`` ((path, yaml file, line, keys) tuples); with
    ``decode``, each picture is also decoded as a thumbnail."""
    ensure_gui()
    problems, seen = [], {}
    for path, file, line, keys in files:
        if Path(path).suffix.lower() == ".csv":
            continue
        if path not in seen:  # each file is read once, however many pages show it
            seen[path] = _inspect(Path(path), decode)
        verdict = seen[path]
        if verdict:
            severity, message = verdict
            problems.append(Problem(file, line, tuple(str(k) for k in keys), message, severity))
    return problems


def _inspect(path: Path, decode: bool):
    reader = QImageReader(str(path))
    size = reader.size()  # from the file's header, before anything is decoded
    kind = bytes(reader.format()).lower()  # known until a read; SVG is known by its name
    width, height = size.width(), size.height()
    limit_w, limit_h = LARGEST_SCREEN
    vector = path.suffix.lower() in SVG_SUFFIXES
    if not vector and width * height > IMAGE_PIXELS and reader.canRead():
        # Qt refuses to decode it (and logs a warning): the kiosk could never show it.
        return (ERROR, f"'{path.name}' is {width}×{height} pixels, too large for the kiosk to "
                f"open at all (no screen shows more than {limit_w}×{limit_h}): scale it down")
    if not reader.canRead() or (decode and _thumbnail(reader, size).isNull()):
        reason = reader.errorString()
        reason = "damaged, or not an image" if reason in ("", "Unknown error") else reason
        return (ERROR, f"'{path.name}' cannot be decoded as an image ({reason}): export it again "
                "as PNG, JPEG or SVG")
    if not vector and kind not in SHOWN_FORMATS:
        return (ERROR, f"'{path.name}' is a {kind.decode().upper()} picture, and the kiosk shows only "
                "PNG, JPEG and SVG: export it again as PNG (or JPEG for a photograph)")
    if vector:
        return None
    if width > 2 * limit_w or height > 2 * limit_h:
        return (WARNING, f"'{path.name}' is {width}×{height} pixels, far more than any screen shows "
                f"(at most {limit_w}×{limit_h}): scale it down to save memory and start-up time")
    return None


def _thumbnail(reader: QImageReader, size: QSize):
    if size.isValid() and not size.isEmpty():
        reader.setScaledSize(size.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
                             .expandedTo(QSize(1, 1)))
    return reader.read()


def with_image_problems(result):
    """The load result with its images' problems added, from their headers (the kiosk's check
    at start-up: every picture's size, without decoding one)."""
    found = [p for p in check_images(result.files, decode=False) if p not in result.problems]
    if not found:  # none, or all added already (a result checked once is not checked into twice)
        return result
    problems = sorted(result.problems + tuple(found), key=lambda p: (p.file, p.line, p.severity != "error"))
    return dataclasses.replace(result, problems=tuple(problems))
