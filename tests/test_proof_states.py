"""``kiosk proof`` of a small exhibit: every state a visitor can reach, and the review PDF.

One proof run (in a fresh process, as curators and CI run it) of a chapter with a text long
enough to scroll, a chart, a timeline and sources; then what its PNGs and its PDF show.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO, SMALL_CHAPTER, SMALL_EXHIBIT, pin_hash_1921

NOTES = "Check line 12 against the archive.\nAsk the lender about the photo."


def kiosk(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def write_small(root: Path) -> Path:
    """The tests' small exhibit, with curator's notes on its long page."""
    chapter = root / "chapters" / "01-story"
    chapter.mkdir(parents=True)
    (root / "exhibit.yaml").write_text(
        SMALL_EXHIBIT.format(timeout=60, warning=10, pin_hash=pin_hash_1921()), encoding="utf-8")
    lines = "\n".join(f"      - Line {number} of a long read." for number in range(1, 41))
    notes = "".join(f"      {line}\n" for line in NOTES.splitlines())
    text = SMALL_CHAPTER.format(lines=lines, page_timeout=90)
    text = text.replace("    id: long\n", f"    id: long\n    notes: |\n{notes}", 1)
    (chapter / "chapter.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def proofed(tmp_path_factory):
    """The small exhibit proofed at 1920×1080, to PNGs and to a PDF: (out folder, PDF, run)."""
    base = tmp_path_factory.mktemp("proof-states")
    write_small(base / "small")
    out, pdf = base / "out", base / "review.pdf"
    done = kiosk("proof", "small", "--out", str(out), "--pdf", str(pdf), cwd=base)
    assert done.returncode == 0, done.stderr
    return out, pdf, done


def shot(out: Path, name: str) -> QImage:
    [path] = out.glob(f"[0-9][0-9][0-9]-{name}.png")
    return QImage(str(path))


def names(out: Path) -> list[str]:
    return [path.stem for path in sorted(out.glob("[0-9][0-9][0-9]-*.png"))]


def test_a_long_page_is_proofed_screen_by_screen_down_to_its_end(proofed):
    out, _, _ = proofed
    stem = "01-story-p01-text"
    screens = [name.split("-", 1)[1] for name in names(out) if stem in name and "sources" not in name]
    assert screens[0] == stem and len(screens) >= 3, screens  # 40 lines do not fit on two screens
    assert screens[1:] == [f"{stem}-scroll-{number:02d}" for number in range(2, len(screens) + 1)]
    pictures = [shot(out, name) for name in screens]
    assert all(one != other for one, other in zip(pictures, pictures[1:])), "a scrolled screen shows the same"


def test_the_sources_panel_of_each_page_with_sources_is_proofed_open(proofed):
    out, _, _ = proofed
    sourced = [name.split("-", 1)[1] for name in names(out) if name.endswith("-sources")]
    assert sourced == ["01-story-p01-text-sources", "01-story-p03-timeline-sources"]
    page, panel = shot(out, "01-story-p01-text"), shot(out, "01-story-p01-text-sources")
    # The page under the panel is dimmed: the screen's corner is darker than on the page alone.
    assert panel.pixelColor(4, 4).lightness() < page.pixelColor(4, 4).lightness()


def test_every_timeline_event_is_proofed_opened(proofed):
    out, _, _ = proofed
    stem = "01-story-p03-timeline"
    events = [name.split("-", 1)[1] for name in names(out) if f"{stem}-event" in name]
    assert events == [f"{stem}-event-02", f"{stem}-event-03"]  # the page opens with the first told
    pictures = [shot(out, stem)] + [shot(out, name) for name in events]
    assert len({picture.cacheKey() for picture in pictures}) == 3
    assert all(one != other for one, other in zip(pictures, pictures[1:]))


def test_every_figure_of_a_chart_is_proofed_revealed(proofed):
    out, _, _ = proofed
    stem = "01-story-p02-chart"
    reveals = [name.split("-", 1)[1] for name in names(out) if f"{stem}-reveal" in name]
    assert reveals == [f"{stem}-reveal-01", f"{stem}-reveal-02"]  # two bars
    chart, first, second = shot(out, stem), shot(out, reveals[0]), shot(out, reveals[1])
    assert chart != first and first != second and chart != second


def test_the_contact_sheet_holds_every_screen(proofed):
    out, _, _ = proofed
    sheet = QImage(str(out / "contact-sheet.png"))
    rows = -(-len(names(out)) // 6)
    thumb = round(480 * 1080 / 1920)
    assert sheet.height() == rows * (thumb + 34 + 16) + 16


def pdf_pages(pdf: Path) -> int:
    """The PDF's page count, read from its page objects (Qt writes them uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


def test_the_review_pdf_has_a_title_page_a_chapter_heading_and_every_screen(proofed):
    out, pdf, done = proofed
    screens = len(names(out))
    assert done.stdout.splitlines()[-1] == f"{screens} screens on {screens + 2} pages written to {pdf}"
    assert pdf_pages(pdf) == screens + 2
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1) == str(screens + 2)
        assert "Page size:       841.89 x 595.276 pts (A4)" in info or "(A4)" in info


def pdf_text(pdf: Path) -> list[str]:
    """The words on each page of the PDF."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's words cannot be read")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


def test_beside_each_screen_the_pdf_gives_its_pages_notes_words_sources_and_warnings(proofed):
    _, pdf, _ = proofed
    pages = pdf_text(pdf)
    # The fit checks may add warnings of their own: the validator's long-text one is asserted.
    assert pages[0].startswith("A small exhibit") and "Chapters 1" in pages[0]
    assert re.search(r"Warnings [1-9]", pages[0])
    heading = pages[3]
    assert "Chapter 1 of 1" in heading and "The story" in heading
    assert re.search(r"1\. text A long read — 283 words, 4 screens, [1-9] warnings?", heading)
    long_read = next(page for page in pages if "002-01-story-p01-text.png" in page)
    assert "1. The story · page 1 of 4 (text): A long read" in long_read
    assert "Check line 12 against the archive. Ask the lender about the photo." in long_read
    assert "Words: 283 (title 3, body 280)" in long_read
    assert "Sources: A source" in long_read
    assert re.search(r"Warnings \([1-9]\)", long_read)
    assert re.search(r"line 10: pages → 1 → body: needs \d\.\d screens at 1920×1080; cut about \d+ words "
                     r"or split the page", long_read)
    chart = next(page for page in pages if "007-01-story-p02-chart-reveal-01.png" in page)
    assert "Shown: bar 1 of 2 tapped: First" in chart and "needs" not in chart
    assert "No notes for this page." in chart and "Sources: none given" in chart


def test_a_proof_to_a_pdf_alone_leaves_no_pictures_behind(tmp_path: Path):
    write_small(tmp_path / "small")
    done = kiosk("proof", "small", "--pdf", "review.pdf", "--size", "1366x768", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["review.pdf", "small"]
    assert done.stdout.splitlines()[-1].endswith("pages written to review.pdf")


def test_a_proof_needs_somewhere_to_go(tmp_path: Path):
    write_small(tmp_path / "small")
    done = kiosk("proof", "small", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == ("kiosk proof: say where to put the proof: --out DIR for the PNG files, "
                           "--pdf FILE.pdf for the review PDF, or both\n")


def test_each_page_of_chapter_tiles_is_proofed(tmp_path):
    content = tmp_path / "twelve"
    write_small(content)
    for number in range(2, 13):  # eleven short chapters more: two pages of tiles at 1366×768
        folder = content / "chapters" / f"{number:02d}-more"
        folder.mkdir()
        (folder / "chapter.yaml").write_text(
            f"title: Chapter {number}\nteaser: A short chapter.\npages:\n"
            "  - type: text\n    title: A page\n    body: One short paragraph.\n", encoding="utf-8")
    out = tmp_path / "out"
    done = kiosk("proof", str(content), "--out", str(out), "--size", "1366x768", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert names(out)[1:3] == ["001-home", "002-home-02"]
    assert shot(out, "home") != shot(out, "home-02")


def test_a_longer_timeline_event_is_proofed_whole_as_the_window_shows_it(qapp, tmp_path):
    """Each event's text changes the page's height: the proof waits, as the window's event
    loop does, until the page has grown to it, so no event is shot cut at the last one's height."""
    from kiosk.content.loader import load_exhibit
    from kiosk.ui.pages.timeline_page import TimelinePageView
    from kiosk.ui.proof import Proof

    result = load_exhibit(REPO / "content")
    proof = Proof(result, str(REPO / "content"), (1920, 1080), None)
    proof.out = tmp_path
    exhibit, session = result.exhibit, proof.kiosk.session
    chapter = next(i for i, c in enumerate(exhibit.chapters) if any(p.type == "timeline" for p in c.pages))
    page = next(i for i, p in enumerate(exhibit.chapters[chapter].pages) if p.type == "timeline")
    session.start_visit()
    session.open_chapter(chapter, page)
    if exhibit.chapters[chapter].advisory:
        session.accept_advisory()
    [view] = [v for v in proof.kiosk.window.findChildren(TimelinePageView) if v.isVisible()]
    texts = [len(proof.kiosk.screens.ctx.text(event.text) or "") for event in view.page.events]
    shorter, longest = texts.index(min(texts)), texts.index(max(texts))
    cut = []
    for index in (shorter, longest, shorter, longest):
        view.timeline.cards[index].click()
        proof.shoot(f"event-{index}")
        label, panel, viewport = view.detail.text_label, view.detail, view._area.viewport()
        if label.height() < label.heightForWidth(label.width()):
            cut.append((index, label.height(), label.heightForWidth(label.width())))
        bottom = panel.mapTo(viewport, panel.rect().bottomLeft()).y()
        if bottom > viewport.height():  # the page scrolled to show the tapped event whole
            cut.append((index, "panel ends below the screen", bottom, viewport.height()))
    proof.kiosk.stop()
    assert cut == [], "an event was shot cut (event, height shown, height needed)"
