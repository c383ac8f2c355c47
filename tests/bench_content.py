"""How long ``kiosk validate`` takes on a large exhibit: 100 chapters of 40 pages each.

Not a test (pytest collects only test_*.py); run it by hand or in CI:

    .venv/bin/python tests/bench_content.py [--chapters 100] [--pages 40] [--runs 3] [--profile]

It writes a realistic exhibit in two languages to a temporary folder (text, chart with a CSV
file, key figure, quote, timeline and image pages; every chapter with its own artwork, the
image pages sharing a few small drawings), checks that it is valid, then times what ``kiosk
validate`` does (loading with every check, then decoding the images with Qt) and prints the
median of the runs. The target is under 2 s for the 4,000 pages.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.commands.validate import run_validate  # noqa: E402
from kiosk.content.loader import load_exhibit  # noqa: E402

TARGET_SECONDS = 2.0
SHARED = ("map", "portrait", "document", "landscape")
PAGE_KINDS = ("text", "chart", "figure", "quote", "timeline", "image")
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500">'
       '<rect width="800" height="500" fill="#22252a"/><circle cx="{x}" cy="250" r="120" fill="#b3261e"/>'
       '<path d="M0,400 L800,380" stroke="#a39e95" stroke-width="4"/></svg>\n')
BODY = ("The secret police went by several names. It began as the *Cheka*; later it was known "
        "as the GPU and the NKVD. Its staff was made up of civilians and informants, of military "
        "staff, and of civil servants.\n\nThe next pages show how many people worked for it.")

EXHIBIT = """\
title: {{en: A large exhibit, sv: En stor utställning}}
subtitle: A benchmark of the content engine
languages:
  - {{code: en, name: English}}
  - {{code: sv, name: Svenska}}
attract:
  highlights:
    - {{chapter: 001-chapter, line: {{en: A question to begin with?, sv: En fråga att börja med?}}}}
    - {{chapter: {last:03d}-chapter, line: {{en: A fact to wonder at., sv: Ett faktum att undra över.}}}}
home_timeline: 001-chapter/p5
admin:
  pin_hash: "pbkdf2-sha256$200000$MDEyMzQ1Njc4OWFiY2RlZg==$KEYT+hAHAtv4+0AAxP9oq75kuRokTxhpsPnbGzRQ/lo="
labels:
""" + "".join(f"  {key}: {{{{en: {key} in English, sv: {key} på svenska}}}}\n" for key in (
    "touch_to_begin", "home", "previous", "next", "sources", "close", "chapters", "timeline",
    "language", "advisory_title", "advisory_continue", "advisory_skip", "still_there",
    "continue_visit", "unknown", "not_applicable", "tap_for_value", "admin_title",
    "admin_enter_pin", "admin_wrong_pin", "admin_exit", "admin_reload", "admin_back",
    "admin_problems", "admin_no_problems")) + """\
  text_size: Text size
  page_of: "{{page}} / {{count}}"
  resetting_in: "Starting over in {{seconds}} s"
  admin_locked: "Locked for {{seconds}} s."
  admin_status: "{{version}} {{content}} {{loaded}}"
"""


def page_yaml(kind: str, number: int, chapter: int) -> tuple[str, dict[str, str]]:
    """One page of the given kind, and the files (name → text) it needs beside chapter.yaml."""
    head = (f"  - type: {kind}\n    id: p{number}\n    title: {{en: Page {number}, sv: Sida {number}}}\n"
            "    sources:\n      - The curator's notes.\n")
    if kind == "text":
        return head + "    body: |\n" + "".join(f"      {line}\n" for line in BODY.splitlines()), {}
    if kind == "chart":
        csv = "year,year@sv,arrested,killed\n" + "".join(
            f"{1920 + row},{1920 + row},{1000 * row + chapter},{'?' if row % 3 == 0 else row * 7}\n"
            for row in range(1, 9))
        known = sum(row * 7 for row in range(1, 9) if row % 3)
        return head + (f"    chart:\n      kind: grouped-bar\n      unit: people\n      data: figures-{number}.csv\n"
                       "      series:\n        - column: arrested\n          label: {en: Arrested, sv: Gripna}\n"
                       f"        - column: killed\n          label: Killed\n          total: {known}\n"
                       "      annotations:\n        - category: '1922'\n          series: killed\n"
                       "          text: A note on one figure.\n"
                       "      footnote: {en: Unknown figures are marked., sv: Okända tal är markerade.}\n"
                       ), {f"figures-{number}.csv": csv}
    if kind == "figure":
        return head + (f"    value: {5078174 + chapter}\n    label: {{en: letters read, sv: lästa brev}}\n"
                       "    context: This one figure is larger than all the others put together.\n"), {}
    if kind == "quote":
        return head + ("    quote: {en: The terror did not begin with Stalin., sv: Terrorn började inte med Stalin.}\n"
                       "    attribution: A historian, 1990\n"), {}
    if kind == "timeline":
        events = "".join(f"      - {{date: '{year}', title: Event of {year}, text: What happened in {year}.}}\n"
                         for year in range(1921, 1932))
        return head + "    events:\n" + events, {}
    image = SHARED[number // len(PAGE_KINDS) % len(SHARED)]
    return head + (f"    file: ../../shared/{image}.svg\n    caption: {{en: A drawing., sv: En teckning.}}\n"
                   "    credit: Drawing made for this exhibit\n    alt: A red circle over a dark ground.\n"), {}


def make_exhibit(root: Path, chapters: int, pages: int) -> None:
    """Write the exhibit into ``root``."""
    (root / "shared").mkdir(parents=True)
    for index, name in enumerate(SHARED):
        (root / "shared" / f"{name}.svg").write_text(SVG.format(x=200 + 100 * index))
    (root / "exhibit.yaml").write_text(EXHIBIT.format(last=chapters), encoding="utf-8")
    for chapter in range(1, chapters + 1):
        folder = root / "chapters" / f"{chapter:03d}-chapter"
        folder.mkdir(parents=True)
        (folder / "artwork.svg").write_text(SVG.format(x=chapter * 7 % 800))
        text = (f"title: {{en: Chapter {chapter}, sv: Kapitel {chapter}}}\n"
                f"teaser: The story of chapter {chapter}, in one or two lines.\nartwork: artwork.svg\n"
                "advisory: This chapter gives figures for people killed.\npages:\n")
        for number in range(1, pages + 1):
            page, files = page_yaml(PAGE_KINDS[(number - 1) % len(PAGE_KINDS)], number, chapter)
            text += page
            for name, content in files.items():
                (folder / name).write_text(content, encoding="utf-8")
        (folder / "chapter.yaml").write_text(text, encoding="utf-8")


def validate_once(root: Path) -> tuple[float, float]:
    """Seconds (wall clock, CPU) for one ``kiosk validate`` of ``root``, its output swallowed."""
    gc.collect()  # each run starts without the garbage of the one before
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        code = run_validate(str(root), strict=True, fit=False)  # the fit checks: tests/bench_fit.py
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    assert code == 0, "the generated exhibit should be valid"
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chapters", type=int, default=100)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print where the time goes (cProfile)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        make_exhibit(root, args.chapters, args.pages)
        result = load_exhibit(root)
        assert not result.problems, "\n".join(map(str, result.problems[:10]))
        count = sum(len(c.pages) for c in result.exhibit.chapters)
        runs = [validate_once(root) for _ in range(args.runs)]
        times = [wall for wall, _ in runs]
        loads = []
        for _ in range(args.runs):
            gc.collect()
            start = time.perf_counter()
            load_exhibit(root)
            loads.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"{args.chapters} chapters × {args.pages} pages ({count} pages): "
              f"load+validate median {median:.2f} s")
        print(f"  runs: {', '.join(f'{t:.2f}' for t in times)} s (CPU median "
              f"{statistics.median(cpu for _, cpu in runs):.2f} s); loading alone, without the "
              f"image pass: median {statistics.median(loads):.2f} s")
        print(f"  target under {TARGET_SECONDS:.0f} s: {'met' if median < TARGET_SECONDS else 'NOT MET'}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(validate_once, root)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
