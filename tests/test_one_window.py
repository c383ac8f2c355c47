"""The suite's one-window check (tests/conftest.py) fails a test that shows a stray window.

A widget made visible before it has a parent is a window of its own, even when it gets its
parent a moment later: on the floor, a grey box at the screen's corner. The check is run
here on small tests of its own, in a pytest of their own, with the suite's conftest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

INNER = '''
from PySide6.QtWidgets import QLabel, QWidget


def test_a_label_shown_before_it_has_its_parent(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    footnote = QLabel("The source also counts 26,000 civil servants")
    footnote.setVisible(True)
    footnote.setParent(page)  # too late: it was a window for a moment


def test_a_label_shown_inside_its_parent(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    QLabel("The source also counts 26,000 civil servants", page).setVisible(True)
    page.show()


def test_a_window_the_test_made_its_own(qtbot):
    window = QLabel("a window of the test's own")
    window.show()
    qtbot.addWidget(window)
'''


def test_a_widget_shown_before_it_has_a_parent_fails_the_test(tmp_path: Path):
    inner = tmp_path / "test_inner.py"
    inner.write_text(INNER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "--rootdir", str(REPO),
         "-c", str(REPO / "pyproject.toml"), "-o", "addopts=-p no:cacheprovider", str(inner)],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    # Each test body passes; the check fails the first one at its teardown.
    assert done.stdout.splitlines()[-1].startswith("3 passed, 1 error in "), done.stdout
    assert "ERROR at teardown of test_a_label_shown_before_it_has_its_parent" in done.stdout
    assert ("AssertionError: a widget showed as a window of its own (give it its parent before making "
            "it visible): QLabel 'The source also counts 26,000 civil servants'") in done.stdout
