"""The wheel carries what the kiosk needs: its fonts with their licence and the shipped exhibit,
as package data found through importlib.resources, so that an installed kiosk run from any
folder shows the exhibit in its own fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_every_subpackage_of_the_kiosk_is_in_the_wheel():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "kiosk").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out, source = tmp_path_factory.mktemp("wheel"), tmp_path_factory.mktemp("source") / "kiosk"
    # Built from a copy of what a clean clone holds, so that no build/ folder of an earlier
    # build (or of this one) is read or left in the checkout.
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for name in ("kiosk", "assets", "content"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "-q", "-w", str(out), str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [built] = out.glob("*.whl")
    return built


def test_the_wheel_carries_the_fonts_their_licence_and_the_shipped_exhibit(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    fonts = {f"kiosk_assets/fonts/{p.name}" for p in (REPO / "assets" / "fonts").iterdir()}
    exhibit = {f"kiosk_exhibit/{p.relative_to(REPO / 'content').as_posix()}"
               for p in (REPO / "content").rglob("*") if p.is_file()}
    assert "kiosk_assets/fonts/OFL.txt" in fonts and "kiosk_exhibit/exhibit.yaml" in exhibit
    assert fonts | exhibit <= names
    assert not [n for n in names if n.startswith("kiosk_assets/screenshots/")]  # the README's, not the kiosk's


def test_an_installed_kiosk_proofs_the_shipped_exhibit_from_any_folder(wheel, tmp_path):
    """As an operator installs it: a new environment, the wheel, and a folder of one's own."""
    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, timeout=120)
    python = env_dir / "bin" / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"QT_QPA_PLATFORM": "offscreen"}
    where = subprocess.run(
        [str(python), "-c", "from kiosk.paths import assets_dir, shipped_content; "
         "print(assets_dir()); print(shipped_content())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    assert where.stdout.split() == [str(site / "kiosk_assets"), str(site / "kiosk_exhibit")], where.stderr
    proof = subprocess.run([str(env_dir / "bin" / "kiosk"), "proof", "--out", "proof"], cwd=elsewhere, env=env,
                           capture_output=True, text=True, timeout=300)
    assert proof.returncode == 0, proof.stderr
    assert len(list((elsewhere / "proof").glob("[0-9][0-9][0-9]-home.png"))) == 1
