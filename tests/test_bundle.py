"""The one-folder application packaging/build.sh makes (dist/kiosk/), run as operators run it.

Skipped until the bundle is built: `bash packaging/build.sh` (.ci/run builds it after the rest
of the suite, then runs this file). A bundle built from older code than the checkout's may fail
here: build it again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO

BUNDLE = REPO / "dist" / "kiosk"
EXECUTABLE = BUNDLE / "kiosk"
pytestmark = pytest.mark.skipif(not EXECUTABLE.is_file(), reason="no bundle built (bash packaging/build.sh)")


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    return subprocess.run(command, cwd=cwd, env=env | {"QT_QPA_PLATFORM": "offscreen"}, capture_output=True,
                          text=True, timeout=300)


def test_the_bundle_proofs_an_exhibit_as_the_kiosk_from_the_checkout_does(small_content, tmp_path):
    """Same screens, same pixels: the bundle draws in its own fonts, with its own Qt plugins."""
    # The proof's kiosk runs its idle timers on the real clock: at the fixture's one second, a
    # proof on a busy machine would shoot the idle warning over a page. A day is the longest allowed.
    content = small_content(timeout=86400, warning=60, page_timeout=86400)
    proofs = {}
    for name, kiosk in (("bundle", [str(EXECUTABLE)]), ("checkout", [sys.executable, "-m", "kiosk"])):
        out = tmp_path / name
        done = run([*kiosk, "proof", str(content), "--out", str(out), "--size", "1366x768"], cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        proofs[name] = out
    shots = sorted(path.name for path in proofs["bundle"].glob("[0-9][0-9][0-9]-*.png"))
    assert shots == sorted(path.name for path in proofs["checkout"].glob("[0-9][0-9][0-9]-*.png"))
    assert {"000-attract.png", "001-home.png"} < set(shots) and any("-chart" in shot for shot in shots)
    for shot in shots:
        if shot.endswith("-admin.png"):
            continue  # it shows the time the content was loaded
        bundled, checkout = (QImage(str(proofs[name] / shot)) for name in ("bundle", "checkout"))
        assert (bundled.width(), bundled.height()) == (1366, 768), shot
        assert bundled == checkout, f"{shot}: the bundle draws it otherwise"


def test_the_bundle_run_from_elsewhere_checks_the_exhibit_beside_it(tmp_path):
    done = run([str(EXECUTABLE), "validate"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith(
        f"checked the exhibit shipped with the kiosk, {(BUNDLE / 'content').resolve()}, as no content folder "
        "was found here or in a folder above: 8 chapters, ")


def test_the_bundle_folder_carries_the_service_unit_and_the_autostart_entry():
    """The operators' set-up copies them from the unpacked bundle (README): they must be the
    checkout's own."""
    for name in ("kiosk.service", "kiosk-autostart.desktop"):
        assert (BUNDLE / name).read_bytes() == (REPO / "packaging" / name).read_bytes(), name
