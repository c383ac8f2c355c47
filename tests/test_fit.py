"""The fit checks (``kiosk.ui.fit``): what does not fit on the target screens, measured with
the real fonts and layout, reported word for word from real content in a temporary folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_exhibit

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "content"
LONG_BODY = "\n\n".join(
    ["The secret police went by several names. It began as the Cheka; later it was known as the GPU, "
     "and its staff grew from a few hundred to tens of thousands within four years of the revolution."] * 6)


def exhibit_yaml(screens: str = "") -> str:
    """The shipped exhibit.yaml without its pointers into the shipped chapters."""
    text = (SHIPPED / "exhibit.yaml").read_text(encoding="utf-8")
    text = re.sub(r"attract:\n(  .*\n)+", "", text)
    text = re.sub(r"home_timeline: .*\n", "", text)
    return text + (f"screens: {screens}\n" if screens else "")


def chapter_yaml(title="A chapter", teaser="A short teaser.", pages="  - type: text\n    body: A short text.\n"):
    return f"title: {title}\nteaser: {teaser}\npages:\n{pages}"


def others(count: int = 7) -> dict:
    """Chapters that fit, so that a home screen holds as many tiles as the shipped one."""
    return {f"{k + 2:02d}-other": {"chapter.yaml": chapter_yaml(title=f"Chapter {k + 2}")} for k in range(count)}


def make_content(tmp_path: Path, chapters: dict, screens: str = "") -> Path:
    """A content folder: exhibit.yaml and chapters/<name>/chapter.yaml (+ files) for each chapter."""
    root = tmp_path / "content"
    (root / "chapters").mkdir(parents=True)
    (root / "exhibit.yaml").write_text(exhibit_yaml(screens), encoding="utf-8")
    for name, files in chapters.items():
        folder = root / "chapters" / name
        folder.mkdir()
        for rel, made in files.items():
            made(folder / rel) if callable(made) else (folder / rel).write_text(made, encoding="utf-8")
    return root


def picture(width: int, height: int):
    def make(path: Path) -> None:
        from PySide6.QtGui import QColor, QImage

        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("#806040"))
        assert image.save(str(path))
    return make


def fit_lines(root: Path, sizes=None, scales=None) -> list[str]:
    from kiosk.ui.fit import check_fit

    result = load_exhibit(root, shown_as="content")
    assert not result.errors, result.errors
    return [str(p) for p in check_fit(result, sizes, scales)]


def image_page(file="picture.png", caption="A picture."):
    return (f"  - type: image\n    file: {file}\n    caption: {caption}\n    credit: Made for the tests.\n"
            "    alt: A brown rectangle.\n")


CHART_CSV = "category,category@sv,people\n" + "".join(f"Year {1900 + k},År {1900 + k},{10 + k}\n" for k in range(60))
LONG_NAME = ("Menshevik, Socialist-Revolutionary, anarchist and other opposition groups broken up "
             "across the whole of the country")
CASES = {
    "page-too-long": (
        {"01-long": {"chapter.yaml": chapter_yaml(pages="  - type: text\n    title: Names\n    body: |\n"
                                                  + "".join(f"      {line}\n" for line in LONG_BODY.splitlines()))}},
        ["content/chapters/01-long/chapter.yaml:6: warning: pages → 1 → body: needs 1.4 screens at 1920×1080; "
         "cut about 74 words or split the page",
         "content/chapters/01-long/chapter.yaml:6: warning: pages → 1 → body: needs 1.5 screens at 1366×768; "
         "cut about 83 words or split the page"]),
    "tile-title-too-long": (
        {"01-title": {"chapter.yaml": chapter_yaml(
            title="The secret police and the long road from the Cheka of 1917 to the GPU of 1924 and after")},
         **others()},
        ["content/chapters/01-title/chapter.yaml:1: warning: title: takes 4 lines on its home tile at 1920×1080; "
         "the tile shows 2, shorten it to about 44 characters",
         "content/chapters/01-title/chapter.yaml:1: warning: title: takes 4 lines on its home tile at 1366×768; "
         "the tile shows 2, shorten it to about 44 characters"]),
    "teaser-does-not-fit": (
        {"01-teaser": {"chapter.yaml": chapter_yaml(teaser=" ".join(["Grain deliveries fell in 1927 and 1928."] * 7))},
         **others()},
        ["content/chapters/01-teaser/chapter.yaml:2: warning: teaser: does not fit its home tile at 1920×1080 "
         "(needs 11 lines, 4 show); cut about 29 words",
         "content/chapters/01-teaser/chapter.yaml:2: warning: teaser: does not fit its home tile at 1366×768 "
         "(needs 11 lines, 4 show); cut about 29 words"]),
    "chart-label-elided": (
        {"01-label": {"chapter.yaml": chapter_yaml(pages=(
            "  - type: chart\n    chart:\n      kind: horizontal-bar\n      unit: people\n"
            f"      categories: [a, b, c, d, e, f, g, \"{LONG_NAME}\"]\n"
            "      series:\n        - label: Arrested\n          values: [1, 2, 3, 4, 5, 6, 7, 8]\n"))}},
        ["content/chapters/01-label/chapter.yaml:5: warning: pages → 1 → chart: needs 1.1 screens at 1920×1080 "
         "to show its bars and their names whole; show fewer bars or shorter names, or split the chart",
         f"content/chapters/01-label/chapter.yaml:8: warning: pages → 1 → chart → categories: the label '{LONG_NAME}' "
         "is cut to 'Menshevik, Socialist-Revolutionary, anarchist and other opposition groups bro…' at 1920×1080; "
         "shorten it to about 77 characters",
         "content/chapters/01-label/chapter.yaml:5: warning: pages → 1 → chart: needs 1.2 screens at 1366×768 "
         "to show its bars and their names whole; show fewer bars or shorter names, or split the chart",
         f"content/chapters/01-label/chapter.yaml:8: warning: pages → 1 → chart → categories: the label '{LONG_NAME}' "
         "is cut to 'Menshevik, Socialist-Revolutionary, anarchist and other opposition groups bro…' at 1366×768; "
         "shorten it to about 77 characters"]),
    "too-small-picture": (
        {"01-picture": {"chapter.yaml": chapter_yaml(pages=image_page()), "picture.png": picture(400, 300)}},
        ["content/chapters/01-picture/chapter.yaml:5: warning: pages → 1 → file: will look blurred at 1920×1080: "
         "the picture is 400×300 px and fills 1002×752; use one at least 1002 px wide",
         "content/chapters/01-picture/chapter.yaml:5: warning: pages → 1 → file: will look blurred at 1366×768: "
         "the picture is 400×300 px and fills 658×494; use one at least 658 px wide"]),
    "too-many-bars": (
        {"01-bars": {"chapter.yaml": chapter_yaml(pages=(
            "  - type: chart\n    chart:\n      kind: bar\n      unit: people\n      data: figures.csv\n"
            "      series:\n        - column: people\n")), "figures.csv": CHART_CSV}},
        ["content/chapters/01-bars/chapter.yaml:5: warning: pages → 1 → chart: too many bars to read from two "
         "metres at 1920×1080: each of its 60 categories gets 16 px, less than a fingertip (34 px); show at most 28, "
         "or split the chart",
         "content/chapters/01-bars/chapter.yaml:5: warning: pages → 1 → chart: too many bars to read from two "
         "metres at 1366×768: each of its 60 categories gets 11 px, less than a fingertip (34 px); show at most 20, "
         "or split the chart"]),
    "caption-overflows": (
        {"01-caption": {"chapter.yaml": chapter_yaml(pages=image_page(
            "picture.png", " ".join(["Peasants deported from the Kuban wait at a station in 1930."] * 16))),
            "picture.png": picture(1200, 2400)}},
        ["content/chapters/01-caption/chapter.yaml:6: warning: pages → 1 → caption: does not fit its space at "
         "1920×1080 (needs 18 lines, 17 show); cut about 8 words",
         "content/chapters/01-caption/chapter.yaml:6: warning: pages → 1 → caption: does not fit its space at "
         "1366×768 (needs 18 lines, 16 show); cut about 16 words"]),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_each_misfit_is_reported_word_for_word(case, tmp_path, qapp):
    chapters, expected = CASES[case]
    root = make_content(tmp_path, chapters)
    assert fit_lines(root, sizes=["1920x1080", "1366x768"], scales=[1.0]) == expected


def test_too_many_chapters_for_the_home_screen(tmp_path, qapp):
    root = make_content(tmp_path, others(30), screens="[1366x768]")
    assert fit_lines(root, scales=[1.0, 1.5]) == []  # 30 chapters page, at any text size
    root = make_content(tmp_path / "more", others(100), screens="[1366x768]")
    assert fit_lines(root, scales=[1.0]) == [
        "content/chapters: warning: the home screen needs 13 pages of tiles for 100 chapters at 1366×768, more "
        "than a visitor will page through (at most 5); take chapters out or merge some"]


def test_kiosk_validate_reports_the_fit_warnings_with_the_rest(tmp_path, qapp, monkeypatch, capsys):
    chapters, expected = CASES["too-small-picture"]
    make_content(tmp_path, chapters, screens="[1920x1080, 1366x768]")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "content", "--strict"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        *expected, "checked content: 1 chapter, 1 page, 0 charts, 1 image, 2 languages: 0 errors, 2 warnings"]


@pytest.mark.parametrize("value, message", [
    ("[1920x1080, banana]", "exhibit.yaml:{line}: screens → 2: expected a screen size in pixels as WIDTHxHEIGHT, "
                            "like 1920x1080; got 'banana'"),
    ("[100x100]", "exhibit.yaml:{line}: screens → 1: '100x100' is no screen the kiosk can run on: a screen is 200 "
                  "to 8000 pixels each way, like 1920x1080"),
    ("[]", "exhibit.yaml:{line}: screens: no screens: list at least one, like [1920x1080, 1366x768], or remove "
           "the key for those two"),
])
def test_a_bad_screen_size_is_named_with_its_line(value, message, tmp_path):
    root = make_content(tmp_path, others(1), screens=value)
    line = (root / "exhibit.yaml").read_text(encoding="utf-8").splitlines().index(f"screens: {value}") + 1
    result = load_exhibit(root, shown_as="content")
    assert [str(p) for p in result.problems] == ["content/" + message.format(line=line)]
    assert result.exhibit.screens == ("1920x1080", "1366x768") if value != "[1920x1080, banana]" else ("1920x1080",)


def test_the_targets_default_to_1920x1080_and_1366x768(tmp_path):
    root = make_content(tmp_path, others(1))
    assert load_exhibit(root).exhibit.screens == ("1920x1080", "1366x768")


def test_the_shipped_exhibit_fits_every_target_screen(qapp):
    assert fit_lines(SHIPPED) == []


def test_a_chart_too_tall_for_the_screen(tmp_path, qapp):
    names = ", ".join(f'"Arrests of group {k} and of their families in the countryside"' for k in range(14))
    chapters = {"01-tall": {"chapter.yaml": chapter_yaml(pages=(
        "  - type: chart\n    chart:\n      kind: horizontal-bar\n      unit: people\n"
        f"      categories: [{names}]\n"
        "      series:\n        - label: Arrested\n          values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]\n"
        "        - label: Killed\n          values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]\n"))}}
    root = make_content(tmp_path, chapters)
    assert fit_lines(root, sizes=["1366x768"], scales=[1.0]) == [
        "content/chapters/01-tall/chapter.yaml:5: warning: pages → 1 → chart: needs 2.1 screens at 1366×768 to "
        "show its bars and their names whole; show fewer bars or shorter names, or split the chart"]


def test_a_footnote_that_runs_past_the_screen_beside_its_chart(tmp_path, qapp):
    """The footnote sits under the text beside the chart: it too must show whole, not scroll."""
    text = " ".join(f"Sentence {k} of the text beside the chart, which says what the bars are." for k in range(5))
    footnote = " ".join(f"Note {k} on where the figures come from." for k in range(12))
    chapters = {"01-note": {"chapter.yaml": chapter_yaml(pages=(
        f"  - type: chart\n    text: {text}\n    chart:\n      kind: horizontal-bar\n      unit: people\n"
        f"      categories: [Arrested, Released]\n      footnote: {footnote}\n"
        "      series:\n        - label: People\n          values: [10, 20]\n"))}}
    root = make_content(tmp_path, chapters)
    found = fit_lines(root, sizes=["1366x768"], scales=[1.0])
    assert found == [
        "content/chapters/01-note/chapter.yaml:10: warning: pages → 1 → chart → footnote: does not fit beside "
        "its chart at 1366×768 (needs 13 lines, 4 show, the rest scrolls); cut about 64 words"]


ARTWORK = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 1000">'
           '<rect width="1600" height="1000" fill="#334"/></svg>\n')
LONG_LINE = ("In the years from 1921 to 1931 the secret police grew from a small force into a state within "
             "the state, and its reach came to every village, every factory and every family in the land")


def test_an_attract_line_too_long_for_the_attract_screen(tmp_path, qapp):
    chapters = {"01-art": {"chapter.yaml": chapter_yaml() + "artwork: artwork.svg\n", "artwork.svg": ARTWORK},
                **others()}
    root = make_content(tmp_path, chapters)
    exhibit = root / "exhibit.yaml"
    lines = ("attract:\n  highlights:\n    - {chapter: 01-art, line: Who paid for it?}\n"
             f"    - chapter: 01-art\n      line: {LONG_LINE}\n")
    exhibit.write_text(exhibit.read_text(encoding="utf-8") + lines, encoding="utf-8")
    at = exhibit.read_text(encoding="utf-8").splitlines().index(f"      line: {LONG_LINE}") + 1
    assert fit_lines(root, sizes=["1920x1080", "1366x768"], scales=[1.0]) == [
        f"content/exhibit.yaml:{at}: warning: attract → highlights → 2 → line: takes 6 lines on the attract "
        f"screen at {size}, which has room for 3 lines; shorten it to about 91 characters"
        for size in ("1920×1080", "1366×768")]  # the short line fits: no word of it
