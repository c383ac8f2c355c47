"""Where the kiosk finds its assets and the exhibit it ships with."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

PACKAGE = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    bundle = getattr(sys, "_MEIPASS", None)  # inside a PyInstaller bundle
    places = [PACKAGE.parent / name, Path(sys.prefix) / "share" / "kiosk" / name]
    return ([Path(bundle) / name] if bundle else []) + places


def assets_dir() -> Path:
    """The assets folder (fonts and their licences)."""
    return next((p for p in _candidates("assets") if p.is_dir()), _candidates("assets")[0])


def shipped_content() -> Path:
    """The exhibit that comes with the kiosk."""
    return next((p for p in _candidates("content") if (p / "exhibit.yaml").is_file()),
                _candidates("content")[0])


def content_dir(given: Optional[str]) -> Path:
    """The folder named on the command line; else ./content; else the shipped exhibit."""
    if given:
        return Path(given)
    here = Path("content")
    return here if (here / "exhibit.yaml").is_file() else shipped_content()


def log_dir() -> Path:
    """Where the kiosk writes its rotating log: $XDG_STATE_HOME/kiosk, else ~/.local/state/kiosk."""
    import os

    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "kiosk"
