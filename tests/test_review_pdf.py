"""The review PDF on its own: screens given as pictures, the exhibit as loaded from YAML files."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from kiosk.content.loader import load_exhibit
from kiosk.content.problems import WARNING, Problem
from kiosk.ui.review_index import Shot
from kiosk.ui.review_pdf import Review, write_review_pdf
from tests.test_proof_states import pdf_pages, pdf_text, write_small


def screens(folder: Path, chapter_pages: int) -> list[Shot]:
    """A grey picture for the home screen and for each page of chapter 1, as the proof names them."""
    folder.mkdir()
    shots = []
    for number, (chapter, page) in enumerate([(None, None)] + [(0, p) for p in range(chapter_pages)]):
        name = f"{number:03d}-" + ("home" if page is None else f"01-story-p{page + 1:02d}")
        image = QImage(1920, 1080, QImage.Format.Format_RGB32)
        image.fill(QColor(20 + 10 * number, 24, 28))
        image.save(str(folder / f"{name}.png"))
        shots.append(Shot(name, folder / f"{name}.png", chapter, page, "as the page opens"))
    return shots


def test_notes_too_long_for_their_column_go_on_over_the_next_pages_whole(qapp, tmp_path: Path):
    result = load_exhibit(write_small(tmp_path / "small"), shown_as="small")
    exhibit = result.exhibit
    chapter = exhibit.chapters[0]
    notes = "\n".join(f"Doubt {number} of many about where this page's figures come from." for number in range(1, 201))
    first = dataclasses.replace(chapter.pages[0], notes=notes)
    exhibit = dataclasses.replace(exhibit, chapters=(dataclasses.replace(chapter, pages=(first, *chapter.pages[1:])),))
    shots = screens(tmp_path / "shots", len(chapter.pages))
    tile = Problem("small/chapters/01-story/chapter.yaml", 1, ("title",), "the tile's title takes three lines", WARNING)
    review = Review(exhibit, shots, [tile], "/museum/content", (1920, 1080), "en", datetime.date(2026, 12, 1))
    pages = write_review_pdf(tmp_path / "review.pdf", review)
    assert pages > len(shots) + 2 and pdf_pages(tmp_path / "review.pdf") == pages
    text = pdf_text(tmp_path / "review.pdf")
    assert "Date 2026-12-01" in text[0] and "Content folder /museum/content" in text[0]
    assert "Warnings about the chapter (1) line 1: title: the tile's title takes three lines" in text[2]
    continued = [page for page in text if "1. The story · page 1 of 4 (text): A long read (continued)" in page]
    assert continued, "no page goes on with the notes"
    words = " ".join(text)
    assert all(f"Doubt {number} of many" in words for number in range(1, 201))
    assert "Doubt 200 of many" in continued[-1]


def test_the_pdf_shows_the_validators_warnings_with_the_fit_checks(qapp, tmp_path: Path):
    from kiosk.ui.proof import fit_problems

    content = write_small(tmp_path / "small")
    (content / "chapters" / "01-story" / "draft.txt").write_text("an old draft", encoding="utf-8")
    result = load_exhibit(content, shown_as="small")
    [unused] = result.warnings  # the loader's own: nothing uses draft.txt
    problems = fit_problems(result)
    assert problems[0] == unused and len(problems) == len(set(problems))
    measured = [str(p) for p in problems[1:]]  # and the fit checks': the long read needs scrolling
    assert any(": pages → 1 → body: needs " in line and "1920×1080" in line for line in measured), measured
