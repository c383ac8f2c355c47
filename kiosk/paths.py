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
