"""``kiosk validate`` with no folder checks the curator's own content, found as git finds its
repository, and says which folder it checked: never the shipped exhibit in its place."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from kiosk.cli import main
from kiosk.paths import assets_dir, content_dir, find_content, shipped_content

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
BASE = Path(__file__).parent / "data" / "broken" / "base"
HELD = "1 chapter, 6 pages, 1 chart, 1 image, 2 languages: 1 error, 0 warnings"
MISSING = [
    "chapters/01-base/chapter.yaml:18: pages → 3 → chart → data: file not found: 'figures.csv'; check "
    "the spelling, and that the file is there (a name is relative to this file's folder)",
]


def copy_missing_a_csv(tmp_path: Path) -> Path:
    content = tmp_path / "exhibit" / "content"
    shutil.copytree(BASE, content)
    (content / "chapters/01-base/figures.csv").unlink()
    return content


def validate_in(folder: Path, monkeypatch, capsys, *args: str) -> tuple[int, list[str]]:
    monkeypatch.chdir(folder)
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out.splitlines()


def test_inside_a_chapter_folder_the_content_above_it_is_checked(tmp_path, monkeypatch, capsys):
    content = copy_missing_a_csv(tmp_path)
    code, out = validate_in(content / "chapters/01-base", monkeypatch, capsys)
    assert (code, out) == (1, [f"../../{line}" for line in MISSING] + [f"checked ../.. ({content}): {HELD}"])


def test_in_the_content_folder_itself(tmp_path, monkeypatch, capsys):
    content = copy_missing_a_csv(tmp_path)
    code, out = validate_in(content, monkeypatch, capsys)
    assert (code, out) == (1, MISSING + [f"checked {content}: {HELD}"])


def test_in_the_folder_that_holds_content(tmp_path, monkeypatch, capsys):
    content = copy_missing_a_csv(tmp_path)
    code, out = validate_in(content.parent, monkeypatch, capsys)
    assert (code, out) == (1, [f"content/{line}" for line in MISSING] + [f"checked content: {HELD}"])


def test_a_folder_named_on_the_command_line_is_checked_as_given(tmp_path, monkeypatch, capsys):
    content = copy_missing_a_csv(tmp_path)
    code, out = validate_in(content / "chapters", monkeypatch, capsys, "..")
    assert (code, out) == (1, [f"../{line}" for line in MISSING] + [f"checked ..: {HELD}"])


def test_with_no_content_here_or_above_the_shipped_exhibit_is_checked_and_said_so(tmp_path, monkeypatch,
                                                                                    capsys):
    code, out = validate_in(tmp_path, monkeypatch, capsys)
    assert code == 0
    assert out[-1].startswith(f"checked the exhibit shipped with the kiosk, {shipped_content()}, as no "
                              "content folder was found here or in a folder above: 8 chapters, ")


def test_the_nearest_content_folder_wins(tmp_path, monkeypatch):
    """The folder itself before its content/ folder, and both before any folder further up."""
    outer = tmp_path / "outer"
    for folder in (outer / "content", outer / "inner", outer / "inner" / "content"):
        folder.mkdir(parents=True)
        (folder / "exhibit.yaml").write_text("title: x\n")
    monkeypatch.chdir(outer / "inner")
    assert find_content(Path.cwd()) == Path(".")
    (outer / "inner" / "exhibit.yaml").unlink()
    assert find_content(Path.cwd()) == Path("content")
    shutil.rmtree(outer / "inner" / "content")
    (outer / "inner" / "deeper").mkdir()
    monkeypatch.chdir(outer / "inner" / "deeper")
    assert content_dir(None) == Path("../../content")  # what run, proof and preview open too


def fake_bundle(tmp_path: Path, monkeypatch) -> Path:
    """A one-folder bundle as packaging/build.sh lays it out, as this process would see it if it
    were that bundle's executable: its fonts inside _internal/, the exhibit beside it."""
    bundle = tmp_path / "opt" / "kiosk"
    shutil.copytree(REPO / "assets" / "fonts", bundle / "_internal" / "assets" / "fonts")
    shutil.copytree(CONTENT, bundle / "content")
    (bundle / "kiosk").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "kiosk"))
    return bundle


def test_a_bundle_run_from_elsewhere_checks_the_exhibit_beside_its_executable(tmp_path, monkeypatch, capsys):
    bundle = fake_bundle(tmp_path, monkeypatch)
    (tmp_path / "home").mkdir()
    assert assets_dir() == bundle / "_internal" / "assets"
    code, out = validate_in(tmp_path / "home", monkeypatch, capsys)
    assert code == 0
    assert out[-1].startswith(f"checked the exhibit shipped with the kiosk, {bundle / 'content'}, as no "
                              "content folder was found here or in a folder above: 8 chapters, ")


def test_a_bundle_whose_exhibit_was_removed_names_the_folder_beside_its_executable(tmp_path, monkeypatch,
                                                                                     capsys):
    bundle = fake_bundle(tmp_path, monkeypatch)
    shutil.rmtree(bundle / "content")
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    assert capsys.readouterr().err == (f"kiosk validate: {bundle / 'content'} is not a folder: give the content "
                                       "folder, the one that holds exhibit.yaml\n")
