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


def expected_states(exhibit) -> dict[str, int]:
    """The screens a proof must have besides the pages' scrolled screens, by file name (the
    number in front left off): attract, once for each highlight after the first, home, each advisory, each page's first screen, each
    figure revealed, each timeline event after the first, each sources panel; idle, PIN, admin;
    the closed screen when the exhibit has opening hours."""
    highlights = len(exhibit.attract.highlights)
    names = ["attract"] + [f"attract-{n:02d}" for n in range(2, highlights + 1)] + ["home"]
    for chapter in exhibit.chapters:
        names += [f"{chapter.id}-advisory"] if chapter.advisory else []
        for number, page in enumerate(chapter.pages, 1):
            stem = f"{chapter.id}-p{number:02d}-{page.type}"
            names.append(stem)
            if page.type == "chart":
                cells = sum(len(series.cells) for series in page.chart.series_resolved)
                names += [f"{stem}-reveal-{n:02d}" for n in range(1, cells + 1)]
            if page.type == "timeline":
                names += [f"{stem}-event-{n:02d}" for n in range(2, len(page.events) + 1)]
            names += [f"{stem}-sources"] if page.sources else []
    return names + ["idle-warning", "admin-pin-pad", "admin"] + (["closed"] if exhibit.opening_hours else [])


def test_proof_renders_every_screen_of_the_exhibit_at_the_size_asked(tmp_path: Path, shipped_exhibit):
    out = tmp_path / "proof"
    done = kiosk("proof", str(CONTENT), "--out", str(out), "--size", f"{SIZE.width()}x{SIZE.height()}")
    assert done.returncode == 0, done.stderr
    shots = sorted(out.glob("[0-9][0-9][0-9]-*.png"))
    names = [shot.stem.split("-", 1)[1] for shot in shots]
    assert [shot.stem.split("-", 1)[0] for shot in shots] == [f"{n:03d}" for n in range(len(shots))]
    scrolled = [name for name in names if "-scroll-" in name]
    assert [name for name in names if name not in scrolled] == expected_states(shipped_exhibit)
    for name in scrolled:  # a page's screens one after another, numbered from its second
        stem, number = name.rsplit("-scroll-", 1)
        before = names[names.index(name) - 1]
        assert before == (stem if number == "02" else f"{stem}-scroll-{int(number) - 1:02d}"), name
    assert {path.name for path in out.iterdir()} == {path.name for path in shots} | {"contact-sheet.png"}
    assert done.stdout.splitlines()[-1] == \
        f"{len(shots)} screens rendered to {out}; contact sheet {out / 'contact-sheet.png'}"
    for shot in shots:
        reader = QImageReader(str(shot))
        assert reader.format() == b"png" and reader.size() == SIZE, shot.name
    sheet = QImageReader(str(out / "contact-sheet.png"))
    assert sheet.format() == b"png" and sheet.canRead()


def test_proof_of_an_exhibit_with_opening_hours_shows_its_closed_screen(tmp_path: Path, small_content):
    from kiosk.content.loader import load_exhibit
    from tests.test_opening_hours import with_hours

    folder, out = with_hours(small_content()), tmp_path / "proof"
    done = kiosk("proof", str(folder), "--out", str(out), "--size", f"{SIZE.width()}x{SIZE.height()}")
    assert done.returncode == 0, done.stderr
    names = [shot.stem.split("-", 1)[1] for shot in sorted(out.glob("[0-9][0-9][0-9]-*.png"))]
    assert [name for name in names if "-scroll-" not in name] == expected_states(load_exhibit(folder).exhibit)
    assert names[-1] == "closed"


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


def test_proof_shots_never_wait_on_the_idle_reset(tmp_path: Path, small_content, qtbot):
    """However long a proof takes, no screen may be shot with the idle warning over it: the
    proof's kiosk has no deadline counting toward the idle reset, while the floor's has one
    as soon as a visit starts."""
    from kiosk.content.loader import load_exhibit
    from kiosk.ui.idle import QtDeadline
    from kiosk.ui.proof import Proof

    folder = small_content(timeout=30, warning=10)
    proof = Proof(load_exhibit(folder), str(folder), (SIZE.width(), SIZE.height()), None)
    qtbot.addWidget(proof.kiosk.window)
    proof.kiosk.session.start_visit()
    assert proof.kiosk.findChildren(QtDeadline) == []
    assert proof.run(tmp_path / "proof", report=False) == 0
    assert not proof.kiosk.idle_overlay.isVisible()


def test_a_proof_in_swedish_shows_the_idle_warning_in_swedish(tmp_path: Path, qtbot):
    """The proof starts a new visit for the idle warning: in the proof's language, as the
    visitor being warned reads it."""
    from kiosk.content.loader import load_exhibit
    from kiosk.ui.proof import Proof
    from tests.conftest import CONTENT

    proof = Proof(load_exhibit(CONTENT), str(CONTENT), (SIZE.width(), SIZE.height()), "sv")
    qtbot.addWidget(proof.kiosk.window)
    seen = {}
    shoot = proof.shoot

    def noting(name, *args, **kwargs):
        if name == "idle-warning":
            seen["question"] = proof.kiosk.idle_overlay.question.text()
        return shoot(name, *args, **kwargs)

    proof.shoot = noting
    assert proof.run(tmp_path / "proof", report=False) == 0
    assert seen["question"] == "Är du kvar?"
