"""Shared test set-up: Qt offscreen, the shipped content, and a check for leaked timers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content folder, safe to break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
