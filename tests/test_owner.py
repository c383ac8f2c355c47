"""The content owner without Qt: what runs, what is kept, what is reused. Real folders, a real
data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.owner import ContentOwner, Source
from kiosk.snapshot import CACHE_FILE, SNAPSHOT_DIR
from tests.conftest import REPO


def chapter_ids(delivery) -> list[str]:
    return [chapter.id for chapter in delivery.exhibit.chapters]


def test_a_good_folder_runs_and_is_kept_as_the_snapshot(content_copy, tmp_path):
    delivery = ContentOwner(content_copy, tmp_path / "data").load()
    assert delivery.source is Source.FOLDER and delivery.complete
    assert delivery.problems == ()
    kept = tmp_path / "data" / SNAPSHOT_DIR / "content"
    assert (kept / "exhibit.yaml").read_bytes() == (content_copy / "exhibit.yaml").read_bytes()
    assert (kept / "chapters" / "02-secret-police" / "artwork.svg").is_file()


def test_a_second_start_on_the_same_files_reuses_the_check_and_brings_its_first_screen_first(
        content_copy, tmp_path, monkeypatch):
    owner = ContentOwner(content_copy, tmp_path / "data")
    full = owner.load()
    import kiosk.owner

    monkeypatch.setattr(kiosk.owner, "_load_exhibit", None)  # any parse now would fail loudly
    front = owner.load(front=True)
    assert not front.complete
    highlighted = sorted({ref.chapter for ref in full.exhibit.attract.highlights})
    assert chapter_ids(front) == highlighted
    whole = front.completed()
    assert whole.complete and whole.exhibit == full.exhibit
    assert whole.same_content_as(full)


def test_a_start_on_checked_files_does_not_even_import_the_yaml_reader(content_copy, tmp_path):
    ContentOwner(content_copy, tmp_path / "data").load()
    second_start = (
        "import sys\n"
        "from kiosk.owner import ContentOwner\n"
        f"delivery = ContentOwner({str(content_copy)!r}, {str(tmp_path / 'data')!r}).load(front=True)\n"
        "assert delivery.exhibit is not None\n"
        "print(sorted(m for m in sys.modules if m == 'yaml' or m == 'kiosk.content.loader'))\n")
    done = subprocess.run([sys.executable, "-c", second_start], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


def test_a_saved_file_is_read_again(content_copy, tmp_path):
    owner = ContentOwner(content_copy, tmp_path / "data")
    before = owner.load()
    chapter = content_copy / "chapters" / "01-roots-of-terror" / "chapter.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("title:\n  en: ", "title:\n  en: New ", 1),
                       encoding="utf-8")
    after = owner.load(front=True)
    assert after.complete and not after.same_content_as(before)
    assert after.exhibit.chapters[0].title.get("en").startswith("New ")


def test_an_unusable_exhibit_yaml_runs_the_snapshot_with_the_folders_problems(content_copy, tmp_path):
    owner = ContentOwner(content_copy, tmp_path / "data")
    good = owner.load()
    (content_copy / "exhibit.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (content_copy / "chapters" / "02-secret-police" / "artwork.svg").unlink()
    delivery = owner.load()
    assert delivery.source is Source.SNAPSHOT
    assert delivery.exhibit.chapters == good.exhibit.chapters
    assert any("exhibit.yaml:1" in str(problem) for problem in delivery.problems)
    root = Path(delivery.exhibit.root)
    assert root == tmp_path / "data" / SNAPSHOT_DIR / "content"
    assert (root / "chapters" / "02-secret-police" / "artwork.svg").is_file()  # its pictures too


def test_with_no_snapshot_nothing_runs_and_the_problem_is_named(tmp_path):
    delivery = ContentOwner(tmp_path / "gone", tmp_path / "data").load()
    assert delivery.source is Source.NONE and delivery.result is None
    assert [str(p) for p in delivery.problems] == [
        f"{tmp_path / 'gone'}: {tmp_path / 'gone'} is not a folder: give the content folder, "
        "the one that holds exhibit.yaml"]


def test_a_damaged_cache_is_ignored_and_written_again(content_copy, tmp_path):
    owner = ContentOwner(content_copy, tmp_path / "data")
    owner.load()
    (tmp_path / "data" / CACHE_FILE).write_bytes(b"not a pickle")
    delivery = owner.load(front=True)
    assert delivery.source is Source.FOLDER and delivery.complete
    assert not owner.load(front=True).complete  # the cache is good again


def test_a_data_folder_that_cannot_be_written_still_runs_the_folder(content_copy, tmp_path):
    (tmp_path / "data").write_text("a file where the folder should be")
    delivery = ContentOwner(content_copy, tmp_path / "data").load()
    assert delivery.source is Source.FOLDER and delivery.problems == ()


def test_a_link_loop_in_the_folder_does_not_trap_the_fingerprint(content_copy, tmp_path):
    os.symlink(content_copy / "loop", content_copy / "loop")
    os.symlink(content_copy, content_copy / "chapters" / "up")
    delivery = ContentOwner(content_copy, tmp_path / "data").load(front=True)
    assert delivery.exhibit is not None
