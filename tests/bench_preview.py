"""Benchmark of the curators' preview: from a save to the edited text on screen.

    .venv/bin/python tests/bench_preview.py [--saves 10]

A copy of the shipped exhibit (and of a generated 30 × 20-page one) is previewed at 1920×1080
offscreen, on a text page; each save changes that page's text, written in place or by a rename
(a temporary file, then os.replace), and the time is taken from the moment the file is written
until the page on screen shows the new words (median and worst of the saves). The goal: within
a second. Of it, the watcher waits SETTLE_MS of quiet after the last event, so a burst of saves
is one reload. Not a test (pytest collects test_*.py only): timings belong here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
GOAL_MS = 1000


def shown(preview) -> str:
    from PySide6.QtWidgets import QLabel

    from kiosk.ui.widgets import MarkdownLabel

    view = preview.kiosk.screens.chapter.stack.current_view()
    return "\n".join(w.plain_text() if isinstance(w, MarkdownLabel) else w.text() for w in view.findChildren(QLabel))


def run_until(app, done, limit: float = 10.0) -> None:
    end = time.perf_counter() + limit
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the save did not show")
        app.processEvents()
        time.sleep(0.001)


def measure(app, folder: Path, data: Path, chapter_file: str, words: str, saves: int) -> dict:
    from kiosk.owner import ContentOwner
    from kiosk.ui.preview.preview import Preview

    preview = Preview(ContentOwner(folder, data, snapshots=False))
    preview.start()
    preview.window.resize(1920, 1080)
    preview.window.show()
    preview.kiosk.session.open_chapter(0, 0)
    preview.kiosk.session.accept_advisory()  # if it has one
    run_until(app, lambda: words in shown(preview))
    path = folder / chapter_file
    original = path.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {"in place": [], "by rename": []}
    for n in range(saves):
        for how, write in (("in place", _in_place), ("by rename", _by_rename)):
            marker = f"Saved {how} {n}."
            start = time.perf_counter()
            write(path, original.replace(words, marker))
            run_until(app, lambda: marker in shown(preview))
            times[how].append((time.perf_counter() - start) * 1000)
    preview.stop()
    preview.window.close()
    return times


def _in_place(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _by_rename(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def report(name: str, times: dict) -> None:
    for how, values in times.items():
        print(f"{name}, saved {how}: save to new text on screen, median {statistics.median(values):.0f} ms, "
              f"worst {max(values):.0f} ms (goal: under {GOAL_MS} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.preview.watcher import SETTLE_MS
    from tests.bench_content import make_exhibit

    app = QApplication([])
    register_fonts(assets_dir() / "fonts")
    print(f"the watcher waits {SETTLE_MS} ms of quiet after a save's last event before it reads the folder")
    with tempfile.TemporaryDirectory() as tmp:
        shipped = Path(tmp) / "shipped"
        shutil.copytree(REPO / "content", shipped)
        report("shipped exhibit", measure(app, shipped, Path(tmp) / "data1", "chapters/01-roots-of-terror/chapter.yaml",
                                          "The terror in the Soviet Union did not begin with Stalin.", args.saves))
        big = Path(tmp) / "big"
        make_exhibit(big, 30, 20)
        report("30 × 20-page exhibit", measure(app, big, Path(tmp) / "data2", "chapters/001-chapter/chapter.yaml",
                                               "The next pages show how many people worked for it.", args.saves))



if __name__ == "__main__":
    main()
