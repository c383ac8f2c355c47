"""Where the kiosk finds its assets and the exhibit it ships with."""

from __future__ import annotations

import importlib.resources
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional

PACKAGE = Path(__file__).resolve().parent


EXHIBIT_FILE = "exhibit.yaml"
# The data the wheel carries beside the package (pyproject.toml): the fonts and their licence,
# and the exhibit shipped with the kiosk. In a checkout they are its assets/ and content/.
DATA_PACKAGES = {"assets": ("kiosk_assets", "fonts"), "content": ("kiosk_exhibit", EXHIBIT_FILE)}
BESIDE_THE_EXECUTABLE = {"content"}  # in a bundle: see _bundled


def _installed(name: str) -> Optional[Path]:
    """The folder an installed kiosk carries as package data, found through importlib.resources;
    None when it has none (a development install reads the checkout's own folder instead)."""
    package, child = DATA_PACKAGES[name]
    try:
        found = Path(str(importlib.resources.files(package).joinpath(child)))
    except (ImportError, OSError, TypeError, ValueError):  # not installed, or not a folder on disk
        return None
    return found.parent if found.exists() else None


def _bundled(name: str) -> Optional[Path]:
    """Where a PyInstaller bundle (packaging/kiosk.spec) keeps ``name``; None outside one. The
    fonts are inside it, in ``sys._MEIPASS``; the exhibit is beside its executable
    (dist/kiosk/content), outside the bundle, so that operators update it without rebuilding."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return None
    if name in BESIDE_THE_EXECUTABLE:
        return Path(sys.executable).resolve().parent / name
    return Path(bundle) / name


def _candidates(name: str) -> list[Path]:
    """Where ``name`` may be: in a PyInstaller bundle, its own place only; else installed as
    package data, or in the checkout."""
    bundled = _bundled(name)
    if bundled is not None:
        return [bundled]
    installed = _installed(name)
    return ([installed] if installed else []) + [PACKAGE.parent / name]


def _first(name: str, holds: str) -> Path:
    places = _candidates(name)
    return next((p for p in places if (p / holds).exists()), places[0])


def assets_dir() -> Path:
    """The assets folder (fonts and their licences)."""
    return _first("assets", "fonts")


def shipped_content() -> Path:
    """The exhibit that comes with the kiosk."""
    return _first("content", EXHIBIT_FILE)


@dataclass(frozen=True)
class ContentFolder:
    """The content folder a command works on, and how it was chosen: ``given`` on the command
    line, ``found`` from the working folder up, or the ``shipped`` exhibit for want of either."""

    path: Path
    how: Literal["given", "found", "shipped"]


def content_dir(given: Optional[str]) -> Path:
    """The folder named on the command line; else the content folder found from the working
    folder up (:func:`find_content`); else the shipped exhibit."""
    return locate_content(given).path


def locate_content(given: Optional[str], start: Optional[Path] = None) -> ContentFolder:
    """The content folder as :func:`content_dir` chooses it, with how it was chosen."""
    if given:
        return ContentFolder(Path(given), "given")
    found = find_content(Path.cwd() if start is None else start)
    return ContentFolder(found, "found") if found is not None else ContentFolder(shipped_content(), "shipped")


def find_content(start: Path) -> Optional[Path]:
    """The content folder at or above ``start``, found the way git finds its repository: the
    folder itself if it holds exhibit.yaml, else its content/ folder if that does, else the same
    for each folder above it in turn. Shown relative to the working folder
    where that is shorter."""
    start = Path(os.path.abspath(start))
    for folder in (start, *start.parents):
        for candidate in (folder, folder / "content"):
            try:
                if (candidate / EXHIBIT_FILE).is_file():
                    return _shorter(candidate)
            except OSError:  # a folder above that cannot be looked into is no content folder
                continue
    return None


def _shorter(path: Path) -> Path:
    """``path`` relative to the working folder where that is shorter (.., ../.., content)."""
    try:
        relative = Path(os.path.relpath(path))
    except ValueError:  # on another drive (Windows)
        return path
    return relative if len(str(relative)) < len(str(path)) else path


APP_NAME = "kiosk"


def log_dir() -> Path:
    """Where the kiosk writes its rotating log: the platform's user log folder
    (on Linux $XDG_STATE_HOME/kiosk/log, else ~/.local/state/kiosk/log)."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def data_dir(given: Optional[str] = None) -> Path:
    """Where the kiosk keeps its own data (the last good content): ``--data-dir``, else the
    platform's user data folder (on Linux $XDG_DATA_HOME/kiosk, else ~/.local/share/kiosk)."""
    if given:
        return Path(given)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
