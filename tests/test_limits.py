"""Content of any size gets a message, in seconds and bounded memory, and never a crash.

Each case adds one chapter to the small base exhibit of ``test_validate_broken``: a file past
one of the limits (kiosk/content/limits.py), a link loop, a link out of the content folder, a
name with a line break. ``kiosk validate`` says what is wrong word for word; a real subprocess
shows it does so within 10 s and 500 MB; and the running kiosk, started on the same folder,
never shows what was refused and decodes a huge picture only at the size it is shown. The
timings themselves are in ``tests/bench_limits.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content import limits
from kiosk.content.loader import load_exhibit
from kiosk.content.model import ChartPage, ImagePage
from tests.conftest import make_kiosk
from tests.test_validate_broken import BASE, IS_ROOT, Case, build, counts, png, shown, validate
from tests.touch import settle, start_visit, tap

REPO = Path(__file__).resolve().parents[1]
QUOTE = "[{type: quote, quote: Words., attribution: Someone.}]"
SIMPLIFY = "simplify the drawing, or export it as PNG"


def chapter(title: str, pages: str = QUOTE, artwork: str = "") -> str:
    art = f"artwork: {artwork}\n" if artwork else ""
    return f"title: {title}\nteaser: A chapter past a limit.\n{art}pages: {pages}\n"


QUOTE_PAGE = "\n  - {type: quote, quote: Words., attribution: Someone.}"


def chart_page(data: str = "figures.csv") -> str:
    """A quote, so that the chapter stands without its chart, and the chart."""
    return f"{QUOTE_PAGE}\n  - type: chart\n    chart: {{kind: line, unit: people, data: {data}}}\n"


def csv_rows(count: int) -> str:
    return "year,year@sv,people\n" + "".join(f"{1000 + n},{1000 + n},{n}\n" for n in range(count))


def image_pages(name: str, count: int = 1) -> str:
    page = f"\n  - {{type: image, file: {name}, caption: A picture., credit: Tests., alt: A picture.}}"
    return page * count


def svg(body: str, head: str = "") -> str:
    return (f'{head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="40" height="40">{body}</svg>')


def billion_laughs() -> str:
    """2 KB that ask for 10⁹ rectangles: each group repeats the one before ten times."""
    groups = ['<rect id="l0" width="1" height="1"/>'] + [
        f'<g id="l{n}">' + f'<use xlink:href="#l{n - 1}"/>' * 10 + "</g>" for n in range(1, 10)]
    return svg("<defs>\n" + "\n".join(groups) + '\n</defs><use xlink:href="#l9"/>')


def sparse(size: int, head: bytes = b"\x89PNG\r\n\x1a\n"):
    """A file of ``size`` bytes that takes no room on disk: only the size is ever looked at."""

    def make(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.write(head)
            handle.truncate(size)

    return make


def symlink(target: str):
    return lambda path: path.symlink_to(target)


def outside_folder(path: Path) -> None:
    """A folder outside the content folder, with a chapter in it, and a link to it here."""
    elsewhere = path.parents[2] / "elsewhere"
    (elsewhere / "chapter.yaml").parent.mkdir(parents=True, exist_ok=True)
    (elsewhere / "chapter.yaml").write_text(chapter("From elsewhere"), encoding="utf-8")
    path.symlink_to(elsewhere, target_is_directory=True)


def unreadable_folder(path: Path) -> None:
    path.mkdir()
    (path / "chapter.yaml").write_text(chapter("Locked"), encoding="utf-8")
    path.chmod(0)


LINK_OUT = ("this is a link to a {kind} outside the content folder ({target}), which the kiosk does "
            "not read: put {what} here in place of the link")

CASES = [
    Case("csv-too-large", {
        "50-csv/figures.csv": csv_rows(85_000),
        "50-csv/chapter.yaml": chapter("A CSV file", chart_page()),
    }, (
        "chapters/50-csv/figures.csv: this file is 1.4 MB, more than the kiosk reads (at most 1 MB): "
        "a chart shows at most 500 bars, so keep only the rows it shows (sum the rest up, or split "
        "them over several charts)",
    )),
    Case("csv-too-many-rows", {
        "51-rows/figures.csv": csv_rows(1500),
        "51-rows/chapter.yaml": chapter("Rows", chart_page()),
    }, (
        "chapters/51-rows/figures.csv:1002: more than 1,000 rows of figures, more than the kiosk "
        "reads: a chart shows at most 500 bars, so keep only the rows it shows (sum the rest up, or "
        "split them over several charts)",
    )),
    Case("too-many-bars", {
        "52-bars/figures.csv": csv_rows(600),
        "52-bars/chapter.yaml": chapter("Bars", chart_page()),
    }, (
        "chapters/52-bars/chapter.yaml:6: pages → 2 → chart: 600 categories in 1 series make 600 "
        "bars, more than a chart can show (at most 500): show fewer, or split them over several charts",
    )),
    Case("yaml-too-large", {
        "53-yaml/chapter.yaml": chapter("Large", "\n  - type: text\n    body: " + "word " * 400_000),
    }, (
        "chapters/53-yaml/chapter.yaml: this file is 1.9 MB, more than the kiosk reads (at most 1 MB): "
        "a chapter's texts fit in far less: shorten them, or split the chapter in two",
    )),
    Case("too-many-words", {
        "54-words/chapter.yaml": chapter("Words", "\n  - type: text\n    body: " + "word " * 2500),
    }, (
        "chapters/54-words/chapter.yaml:5: pages → 1 → body: about 2,500 words, more than the kiosk "
        "shows in one text (at most 2,000): shorten it, or split it over several pages",
    )),
    Case("too-many-characters", {
        "55-characters/chapter.yaml": chapter("Characters", "\n  - type: quote\n    attribution: x\n"
                                              "    quote: " + "x" * 25_000),
    }, (
        "chapters/55-characters/chapter.yaml:6: pages → 1 → quote: 25,000 characters, more than the "
        "kiosk shows in one text (at most 20,000): shorten it, or split it over several pages",
    )),
    Case("svg-billion-laughs", {
        "56-laughs/laughs.svg": billion_laughs(),
        "56-laughs/chapter.yaml": chapter("Laughs", QUOTE_PAGE + image_pages("laughs.svg")),
    }, (
        "chapters/56-laughs/chapter.yaml:5: pages → 2 → file: 'laughs.svg' draws more than 20,000 "
        "elements once its <use> references are followed (line 6), more than the kiosk draws in "
        f"time: {SIMPLIFY}",
    )),
    Case("svg-entities", {
        "57-entities/entity.svg": svg("&a;", '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY a "aaa">\n]>\n'),
        "57-entities/chapter.yaml": chapter("Entities", artwork="entity.svg"),
    }, (
        "chapters/57-entities/chapter.yaml:3: artwork: 'entity.svg' declares the XML entity 'a' "
        "(line 3), which the kiosk does not read: export the drawing again as plain SVG",
    )),
    Case("svg-too-deep", {
        "58-deep/deep.svg": svg("\n" + "<g>" * 60 + "</g>" * 60),
        "58-deep/chapter.yaml": chapter("Deep", artwork="deep.svg"),
    }, (
        f"chapters/58-deep/chapter.yaml:3: artwork: 'deep.svg' nests elements more than 50 deep "
        f"(line 2), more than the kiosk draws: {SIMPLIFY}",
    )),
    Case("svg-too-many-elements", {
        "59-elements/many.svg": svg("\n" + '<rect width="1" height="1"/>\n' * 20_001),
        "59-elements/chapter.yaml": chapter("Elements", artwork="many.svg"),
    }, (
        "chapters/59-elements/chapter.yaml:3: artwork: 'many.svg' draws more than 20,000 elements "
        f"(line 20001), more than the kiosk draws in time: {SIMPLIFY}",
    )),
    Case("svg-uses-itself", {
        "60-itself/itself.svg": svg('<g id="a"><use href="#a"/></g>'),
        "60-itself/chapter.yaml": chapter("Itself", artwork="itself.svg"),
    }, (
        "chapters/60-itself/chapter.yaml:3: artwork: 'itself.svg' has a <use> that repeats itself "
        f"(line 1), so it never ends: remove that <use>, or {SIMPLIFY}",
    )),
    Case("svg-too-large", {
        "61-svg-bytes/large.svg": sparse(6 * limits.MB, b"<svg"),
        "61-svg-bytes/chapter.yaml": chapter("SVG bytes", artwork="large.svg"),
    }, (
        f"chapters/61-svg-bytes/chapter.yaml:3: artwork: 'large.svg' is 6 MB, more than the kiosk "
        f"reads (at most 5 MB): {SIMPLIFY}",
    )),
    Case("image-too-large", {
        "62-image-bytes/poster.png": sparse(60 * limits.MB),
        "62-image-bytes/chapter.yaml": chapter("Image bytes", artwork="poster.png"),
    }, (
        "chapters/62-image-bytes/chapter.yaml:3: artwork: 'poster.png' is 60 MB, more than the kiosk "
        "reads (at most 50 MB): show a smaller copy: one the size of the screen is enough",
    )),
    Case("link-loop-named", {
        "63-loop/loop.svg": symlink("loop.svg"),
        "63-loop/chapter.yaml": chapter("A loop named", artwork="loop.svg"),
    }, (
        "chapters/63-loop/chapter.yaml:3: artwork: 'loop.svg' cannot be followed (a link loop?): "
        "replace it with the file itself",
    )),
    Case("chapter-folder-outside", {"64-outside": outside_folder}, (
        "chapters/64-outside: " + LINK_OUT.format(kind="folder", target="{tmp}/elsewhere",
                                                  what="the folder itself"),
    )),
    Case("name-with-a-line-break", {
        "65-break/chapter.yaml": chapter("A line break", artwork='"a\\nb.svg"'),
    }, (
        "chapters/65-break/chapter.yaml:3: artwork: 'a\\nb.svg' holds a line break or another "
        "control character: rename the file with letters, digits and dashes only, and name it so here",
    )),
    Case("unreadable-chapter-folder", {"66-locked": unreadable_folder}, (
        "chapters/66-locked: this folder cannot be read (Permission denied): let the kiosk's user "
        "open it and read its files (chmod -R a+rX on the folder)",
    ), root_can_read=False),
]

ODD_NAME = "rename it with letters, digits and dashes only"
WARNING_CASES = [
    Case("link-loop-unused", {
        "70-loops/loop.svg": symlink("loop.svg"),
        "70-loops/chapter.yaml": chapter("Loops"),
    }, (
        "chapters/70-loops/loop.svg: warning: this is a link that leads round in a circle (a link "
        "loop), so it opens nothing: remove it, or put the file itself here",
    )),
    Case("link-outside-unused", {
        "71-links/hostname": symlink("/etc/hostname"),
        "71-links/etc": symlink("/etc"),
        "71-links/chapter.yaml": chapter("Links out"),
    }, (
        "chapters/71-links/etc: warning: " + LINK_OUT.format(
            kind="folder", target="/etc", what="a copy of the folder").replace(
            "here in place of the link", "here in place of the link, or remove the link"),
        "chapters/71-links/hostname: warning: " + LINK_OUT.format(
            kind="file", target="/etc/hostname", what="a copy of the file").replace(
            "here in place of the link", "here in place of the link, or remove the link"),
    )),
    Case("odd-file-names", {
        "72-names/line\nbreak.svg": (BASE / "chapters/01-base/artwork.svg").read_text(),
        "72-names/chapter.yaml": chapter("Odd names"),
    }, (
        f"chapters/72-names/line\\nbreak.svg: warning: the name holds a line break or another "
        f"control character: {ODD_NAME}",
    )),
    Case("huge-picture", {
        "73-huge/poster.png": png(8000, 8000),
        "73-huge/chapter.yaml": chapter("A huge picture", image_pages("poster.png", 6)),
    }, (
        "chapters/73-huge/chapter.yaml:4: warning: pages → 1 → file: 'poster.png' is 8000×8000 pixels, "
        "far more than any screen shows (at most 3840×2160): scale it down to save memory and "
        "start-up time",
    ) + tuple(
        f"chapters/73-huge/chapter.yaml:{line}: warning: pages → {page} → file: 'poster.png' is "
        "8000×8000 pixels, far more than any screen shows (at most 3840×2160): scale it down to save "
        "memory and start-up time" for page, line in zip(range(2, 7), range(5, 10))
    )),
]


def case_named(name: str) -> Case:
    return next(case for case in CASES + WARNING_CASES if case.id == name)


def runnable(case: Case) -> bool:
    return case.root_can_read or not IS_ROOT


def params(cases):
    return [pytest.param(case, id=case.id, marks=() if runnable(case) else pytest.mark.skip(
        reason="running as root, which reads a folder whatever its permissions")) for case in cases]


def expected(case: Case, tmp_path: Path) -> list[str]:
    return [line.replace("{tmp}", str(tmp_path.resolve())) for line in shown(case)]


@pytest.mark.parametrize("case", params(CASES))
def test_each_limit_is_reported_word_for_word(case, tmp_path, monkeypatch, capsys):
    build(tmp_path, [case])
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out[:-1] == expected(case, tmp_path)
    assert out[-1].endswith(counts(case.errors, len(case.expected) - case.errors))
    assert (code, err) == (1, "")


@pytest.mark.parametrize("case", params(WARNING_CASES))
def test_each_odd_file_is_warned_of_word_for_word(case, tmp_path, monkeypatch, capsys):
    build(tmp_path, [case])
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out[:-1] == expected(case, tmp_path)
    assert out[-1].endswith(counts(0, len(case.expected)))
    assert (code, err) == (0, "")


def test_a_name_that_is_not_utf8_is_shown_escaped(tmp_path, monkeypatch, capsys):
    content = build(tmp_path, [Case("bytes", {"74-bytes/chapter.yaml": chapter("Bytes")}, ())])
    (content / "chapters" / "74-bytes" / os.fsdecode(b"caf\xe9.svg")).write_text("<svg/>")
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out[:-1] == ["content/chapters/74-bytes/caf\\xe9.svg: warning: the name holds bytes that "
                        f"are not UTF-8 text (shown as \\x…): {ODD_NAME}"]
    assert (code, err) == (0, "")


def test_no_output_line_can_be_forged_by_a_name(tmp_path, monkeypatch, capsys):
    forged = "x.svg\nexhibit.yaml:1: all is well"
    content = build(tmp_path, [Case("forged", {"75-forged/chapter.yaml": chapter("Forged")}, ())])
    (content / "chapters" / "75-forged" / forged).write_text("<svg/>")
    code, out, _ = validate(tmp_path, monkeypatch, capsys)
    assert [line for line in out if "exhibit.yaml" in line] == [
        f"content/chapters/75-forged/x.svg\\nexhibit.yaml:1: all is well: warning: the name holds "
        f"a line break or another control character: {ODD_NAME}"]


# --- a real process: seconds and megabytes --------------------------------------------------

MEASURED = """
import resource, subprocess, sys, time
started = time.monotonic()
run = subprocess.run([sys.executable, "-c", "import sys; from kiosk.cli import main; "
                      "sys.exit(main(['validate', sys.argv[1]]))", sys.argv[1]],
                     capture_output=True, text=True, timeout=60)
seconds = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(run.returncode, round(seconds, 2), round(peak))
print(run.stdout + run.stderr, end="")
"""


def measured_validate(content: Path) -> tuple[int, float, float, list[str]]:
    """``kiosk validate`` in a process of its own: exit code, seconds, peak MB, output lines."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QT_QPA_PLATFORM", None)  # validate makes its own offscreen application
    run = subprocess.run([sys.executable, "-c", MEASURED, str(content)], capture_output=True,
                         text=True, env=env, timeout=120)
    first, *lines = run.stdout.splitlines()
    code, seconds, peak = first.split()
    return int(code), float(seconds), float(peak), lines


BIG_CASES = ["csv-too-large", "svg-billion-laughs", "link-loop-unused", "huge-picture"]


def text_in_svg(path: Path) -> None:
    path.write_text(svg('<text x="2" y="20" font-size="12">A word</text>'), encoding="utf-8")


@pytest.mark.parametrize("case", [c for c in CASES + WARNING_CASES if c.id in BIG_CASES] + [
    Case("fifty-megabyte-text", {"76-body/chapter.yaml": sparse(50 * limits.MB, chapter("Body").encode())}, (
        "chapters/76-body/chapter.yaml: this file is 50 MB, more than the kiosk reads (at most 1 MB): "
        "a chapter's texts fit in far less: shorten them, or split the chapter in two",)),
    Case("text-in-an-svg", {"77-text/words.svg": text_in_svg,
                            "77-text/chapter.yaml": chapter("Words", artwork="words.svg")}, ()),
], ids=lambda case: case.id)
def test_validate_answers_in_seconds_and_bounded_memory(case, tmp_path):
    content = build(tmp_path, [case])
    code, seconds, peak, lines = measured_validate(content)
    assert lines[:-1] == [line.replace("content/", f"{content}/", 1) for line in shown(case)]
    assert lines[-1].endswith(counts(case.errors, len(case.expected) - case.errors))
    assert code == (1 if case.errors else 0)
    assert seconds < 10 and peak < 500, (seconds, peak)


def as_the_kiosk_user() -> list[str]:
    """The start of a command that reads files as an ordinary user would: as root, without the
    power to read whatever the permissions say (dropped with setpriv)."""
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if IS_ROOT else []


@pytest.mark.skipif(IS_ROOT and not shutil.which("setpriv"), reason="root, and no setpriv to drop its powers")
@pytest.mark.parametrize("case", [case_named("unreadable-chapter-folder")], ids=lambda case: case.id)
def test_an_unreadable_folder_is_named_even_as_root(case, tmp_path):
    content = build(tmp_path, [case])
    run = subprocess.run([*as_the_kiosk_user(), sys.executable, "-c", "import sys; from kiosk.cli import "
                          "main; sys.exit(main(['validate', 'content']))"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
    lines = run.stdout.splitlines()
    assert lines[:-1] == shown(case) and run.stderr == ""
    assert lines[-1].endswith(counts(1, 0)) and run.returncode == 1
    (content / "chapters" / "66-locked").chmod(0o755)


# --- the running kiosk ------------------------------------------------------------------------


def start(qtbot, content: Path):
    result = load_exhibit(content)
    kiosk = make_kiosk(qtbot, result, content_dir=content)
    kiosk.start()
    return kiosk


def test_refused_content_never_reaches_the_kiosk(qtbot, tmp_path):
    refused = ["csv-too-large", "too-many-bars", "yaml-too-large", "svg-billion-laughs",
               "chapter-folder-outside", "link-loop-unused", "odd-file-names"]
    content = build(tmp_path, [case_named(name) for name in refused])
    kiosk = start(qtbot, content)
    try:
        chapters = {c.id: c for c in kiosk.result.exhibit.chapters}
        assert "53-yaml" not in chapters and "64-outside" not in chapters
        assert not [p for p in chapters["50-csv"].pages + chapters["52-bars"].pages if isinstance(p, ChartPage)]
        assert not [p for p in chapters["56-laughs"].pages if isinstance(p, ImagePage)]
        start_visit(kiosk, qtbot)
        titles = [tile.accessibleName() for tile in kiosk.screens.home.tiles]
        assert not [t for t in titles if "Large" in t or "elsewhere" in t]
    finally:
        kiosk.stop()


def test_a_huge_picture_is_decoded_once_at_the_size_shown(qtbot, tmp_path):
    from kiosk.ui.pages.image_view import decoder, pictures

    content = build(tmp_path, [case_named("huge-picture")])
    poster = (content / "chapters/73-huge/poster.png").resolve()
    pictures.clear()
    kiosk = start(qtbot, content)
    try:
        start_visit(kiosk, qtbot)
        index = next(i for i, c in enumerate(kiosk.result.exhibit.chapters) if c.id == "73-huge")
        tap(kiosk.screens.home.tiles[index])
        settle(kiosk, qtbot)
        for page in range(6):
            view = kiosk.screens.chapter.stack.current_view().image_view
            qtbot.waitUntil(lambda: view.shown_picture() is not None)
            assert view.shown_picture().size() == view.picture_rect().size()
            assert view.picture_rect().width() <= 1920 and view.picture_rect().height() <= 1080
            if page < 5:
                tap(kiosk.screens.chapter.next_button)
                settle(kiosk, qtbot)
        # One decode for all six pages at the size shown, and at most one more at the size the
        # library draws a page ahead at; each fits the screen.
        sizes = pictures.sizes(poster)
        assert view.picture_rect().size() in sizes and len(sizes) <= 2
        assert all(size.width() <= 1920 and size.height() <= 1080 for size in sizes)
    finally:
        decoder().wait()
        kiosk.stop()
