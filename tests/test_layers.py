"""The layers of the house are a contract: import-linter checks pyproject.toml's contracts.

The suite runs ``lint-imports`` on the code as it is, and on a copy of it broken on purpose,
so a contract that could never fail (a misspelt module, a layer parsed as one long name)
fails here instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = REPO / "pyproject.toml"


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` with the project's contracts, on the ``kiosk`` package in ``package_parent``."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
         str(PYPROJECT), "--no-cache"],
        cwd=package_parent, env=env, capture_output=True, text=True, timeout=120)


def test_the_code_keeps_every_import_contract():
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout


@pytest.fixture
def kiosk_copy(tmp_path: Path):
    """``kiosk_copy(file, line)``: a copy of the kiosk package with ``line`` added to ``file``."""

    def copy(relative: str, line: str) -> Path:
        shutil.copytree(REPO / "kiosk", tmp_path / "kiosk")
        target = tmp_path / "kiosk" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8") as source:
            source.write(f"\n{line}\n")
        return tmp_path

    return copy


@pytest.mark.parametrize("relative, line, broken", [
    ("session.py", "import kiosk.ui.theme", "Entry points > ui > Qt-free runtime"),
    ("content/model.py", "from kiosk import session", "Entry points > ui > Qt-free runtime"),
    ("floor.py", "from kiosk.ui import window", "Entry points > ui > Qt-free runtime"),
    ("ui/chart/view.py", "from kiosk.ui.pages import text_page", "Page views draw charts"),
    ("ui/pages/wrapping.py", "import kiosk.ui.chart", "Page views draw charts"),
])
def test_an_import_against_the_layers_breaks_its_contract(kiosk_copy, relative, line, broken):
    done = lint_imports(kiosk_copy(relative, line))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Contracts: 1 kept, 1 broken." in done.stdout
    report = done.stdout[done.stdout.index("Broken contracts"):]
    assert broken in report, report


def test_a_new_module_in_kiosk_must_be_placed_in_a_layer(kiosk_copy):
    done = lint_imports(kiosk_copy("visitors.py", "VISITORS = 0"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "kiosk.visitors" in done.stdout


def test_every_module_of_the_pages_is_in_the_pages_contract():
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["id"] == "pages-and-charts")["layers"]
    named = {name.strip() for layer in layers for name in layer.split(":")}
    pages = REPO / "kiosk" / "ui" / "pages"
    modules = {f"kiosk.ui.pages.{path.stem}" for path in pages.glob("*.py") if path.stem != "__init__"}
    assert modules - named == set(), "add these to the first layer (page views) of 'pages-and-charts'"
