"""``kiosk proof``, as curators and CI run it: every screen of the shipped exhibit to PNG.

This is CI's smoke test of the whole kiosk: one proof run of the shipped content in a fresh
process (a few seconds), then the command's refusals, which stop before Qt starts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImageReader

from tests.conftest import CONTENT, REPO

SIZE = QSize(1366, 768)


def kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300)


def expected_screens(exhibit) -> int:
    """Attract, home, each advisory, every page, a revealed figure per chart page, idle, PIN, admin."""
    screens = 2 + 3
    for chapter in exhibit.chapters:
        screens += bool(chapter.advisory) + len(chapter.pages)
        screens += sum(page.type == "chart" for page in chapter.pages)
    return screens


def test_proof_renders_every_screen_of_the_exhibit_at_the_size_asked(tmp_path: Path, shipped_exhibit):
    out = tmp_path / "proof"
    done = kiosk("proof", str(CONTENT), "--out", str(out), "--size", f"{SIZE.width()}x{SIZE.height()}")
    assert done.returncode == 0, done.stderr
    shots = sorted(out.glob("[0-9][0-9][0-9]-*.png"))
    count = expected_screens(shipped_exhibit)
    assert len(shots) == count
    assert {path.name for path in out.iterdir()} == {path.name for path in shots} | {"contact-sheet.png"}
    assert done.stdout.splitlines()[-1] == \
        f"{count} screens rendered to {out}; contact sheet {out / 'contact-sheet.png'}"
    for shot in shots:
        reader = QImageReader(str(shot))
        assert reader.format() == b"png" and reader.size() == SIZE, shot.name
    sheet = QImageReader(str(out / "contact-sheet.png"))
    assert sheet.format() == b"png" and sheet.canRead()


@pytest.mark.parametrize("size", ["12x", "1366", "wide", "1366x768x2", "100x100", "9000x768"])
def test_proof_refuses_a_size_it_cannot_read(tmp_path: Path, size):
    out = tmp_path / "proof"
    done = kiosk("proof", str(CONTENT), "--out", str(out), "--size", size)
    assert done.returncode == 2
    assert done.stderr == f"kiosk proof: --size takes WIDTHxHEIGHT in pixels, like 1920x1080; got {size!r}\n"
    assert done.stdout == "" and not out.exists()


def test_proof_refuses_a_folder_that_is_not_content(tmp_path: Path):
    folder, out = tmp_path / "not-content", tmp_path / "proof"
    folder.mkdir()
    done = kiosk("proof", str(folder), "--out", str(out))
    assert done.returncode == 2
    assert done.stderr == f"kiosk: {folder} is not a content folder: it has no exhibit.yaml\n"
    assert done.stdout == "" and not out.exists()
