"""The loader survives anything a content folder can hold: it reports, it never crashes.

Hypothesis writes mangled content into real files (random YAML, values of every wrong kind,
huge numbers, odd Unicode, deep nesting, binary garbage, unreadable files, random edits of
the shipped chapters) and loads the folder. The only exception allowed is
``NotContentFolder``, and only for a path that is no content folder; everything else must
come back as problems that name a file and a line.

The examples are derandomized, so every run (and CI) tries the same ones.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.content.checks import COLOUR
from kiosk.content.loader import LoadResult, NotContentFolder, load_exhibit
from kiosk.content.model import Colours, Labels, Text, TimelinePage
from kiosk.content.problems import UNPRINTABLE, Problem
from kiosk.content.timeline import year_of

BASE = Path(__file__).parent / "data" / "broken" / "base"
SHIPPED = Path(__file__).resolve().parents[1] / "content"
SHIPPED_CHAPTERS = sorted(p.relative_to(SHIPPED).as_posix() for p in SHIPPED.glob("chapters/*/chapter.yaml"))
TARGETS = ["exhibit.yaml", "chapters/01-base/chapter.yaml", "chapters/02-new/chapter.yaml"]
FILES = TARGETS + ["chapters/01-base/figures.csv", "chapters/01-base/artwork.svg"]

fuzz = settings(
    max_examples=150, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text with the characters that break naive code: controls, NUL, bidi marks, combining marks,
# emoji, CJK. Only lone surrogates are left out: a UTF-8 file cannot hold them.
odd_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60) | st.sampled_from([
    "", " ", "\t", "\u200f\u202e", "e\u0301" * 20, "🏛️" * 10, "名前", "\x00", "\ufeff", "~", "null",
    "yes", "no", "1e999", "-", "?", "../../etc/passwd", "/etc/hostname", "a" * 5000, "{en: x}",
])
scalars = (
    st.none() | st.booleans() | odd_text
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.dates()
)
# Values that have broken (or could break) a converter: a name too long for the system, sums
# that overflow to infinity, paths that climb out, marks that mean unknown.
nasty = st.sampled_from([
    1e308, -1e308, 10**30, 2**63, 0, -1, 0.5, float("inf"), float("nan"), "a" * 5000, "x\x00y", "..",
    "../../outside.svg", "/etc/hostname", "C:\\pictures\\map.png", "?", "-", "", ".", "/",
    "figures.csv", "artwork.svg", "chapter.yaml", "01-base/years", "01-base/", "/years", "nope/nope",
    "bar", "log", "text", "chart", "timeline", "1921", "{page}", "en", "sv",
    "{", "}", "{pages}", "{page:>9}", "{0}", "{{page}}", "#fff", "#15171a", "dark grey", 86401, 10**9,
])
yaml_values = st.recursive(
    nasty | scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(odd_text | st.sampled_from(
        ["title", "type", "pages", "chart", "series", "values", "total", "data", "file", "en", "sv",
         "categories", "languages", "code", "kind", "body", "events", "year", "date"]), inner, max_size=5),
    max_leaves=30,
)


@contextmanager
def content_from(source: Path = BASE, only: str = "") -> Iterator[Path]:
    """A private copy of a content folder (with ``only`` one chapter), removed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        if only:
            (root / "chapters").mkdir(parents=True)
            shutil.copy(source / "exhibit.yaml", root / "exhibit.yaml")
            shutil.copytree(source / "chapters" / only, root / "chapters" / only)
        else:
            shutil.copytree(source, root, symlinks=True)
        yield root
        for path in root.rglob("*"):  # a test may have locked a file; let it be removed
            if not path.is_symlink():
                path.chmod(0o755)


def write(path: Path, content: "str | bytes") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")


def load(root: Path) -> LoadResult:
    """Load, and check that every problem is one a person can read and find."""
    result = load_exhibit(root, shown_as="content")
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.file.startswith("content/") or problem.file == "content"
        assert problem.line >= 0 and problem.message
        assert problem.severity in ("error", "warning")
        assert str(problem).startswith(problem.file)
        assert not UNPRINTABLE.search(str(problem)), "a name could forge a line of output"
    if result.exhibit is None:
        assert result.errors, "an exhibit that could not be loaded must say why"
    else:
        assert_safe_on_the_floor(result.exhibit)
    return result


def assert_safe_on_the_floor(exhibit) -> None:
    """What the kiosk relies on when it shows a loaded exhibit, whatever the problems: labels
    it can fill in, colours Qt reads the same everywhere, times and sizes in range, no chapter
    or timeline without content, no text without words, and pointers that lead to pages."""
    for f in dataclasses.fields(Labels):
        allowed = f.metadata["placeholders"]
        for text in getattr(exhibit.labels, f.name).all():
            if allowed:
                text.format(**{name: 1 for name in allowed})
    colours = exhibit.theme.colours
    for f in dataclasses.fields(Colours):
        for value in (getattr(colours, f.name),) if f.name != "series" else colours.series:
            assert COLOUR.match(value), (f.name, value)
    assert colours.series
    for group in (exhibit.idle, exhibit.attract, exhibit.admin, exhibit.admin.gesture,
                  exhibit.theme.sizes, exhibit.theme.timings):
        for f in dataclasses.fields(group):
            value, above, most = getattr(group, f.name), f.metadata.get("above"), f.metadata.get("at_most")
            if above is not None:
                assert value > above and (most is None or value <= most), (f.name, value)
    for chapter in exhibit.chapters:
        assert chapter.pages
        for page in chapter.pages:
            assert not isinstance(page, TimelinePage) or page.events
            assert page.idle_timeout is None or 0 < page.idle_timeout <= 86400
    for where, text in texts_in(exhibit):
        assert text.all() and text.first() == text.all()[0], where
    codes = [language.code for language in exhibit.languages]
    assert codes and len(codes) == len(set(codes))
    for highlight in exhibit.attract.highlights:
        chapter = exhibit.chapter(highlight.chapter)
        assert chapter is not None and chapter.artwork is not None, highlight
    if exhibit.home_timeline:
        assert isinstance(exhibit.find_page(exhibit.home_timeline)[1], TimelinePage)


def texts_in(value, where="exhibit"):
    """Every Text in a loaded exhibit, with where it is."""
    if isinstance(value, Text):
        yield where, value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from texts_in(getattr(value, f.name), f"{where}.{f.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from texts_in(item, f"{where}[{index}]")


@fuzz
@given(text=odd_text | st.from_regex(r"[A-Za-z –]{0,8}\d{1,6}[A-Za-z –]{0,8}(\d{3,5})?", fullmatch=True))
def test_a_year_is_read_from_any_date(text):
    """The year placing an event: the first run of three or four digits standing alone (in
    any script's digits, as Python reads them)."""
    expected = next((int(run) for run in re.findall(r"\d+", text) if 3 <= len(run) <= 4), None)
    assert year_of(text) == expected


@fuzz
@given(text=st.text(max_size=400), target=st.sampled_from(TARGETS))
def test_random_text(text, target):
    with content_from() as root:
        write(root / target, text)
        load(root)


@fuzz
@given(value=yaml_values, target=st.sampled_from(TARGETS))
def test_values_of_every_kind(value, target):
    with content_from() as root:
        write(root / target, yaml.safe_dump(value, allow_unicode=True))
        load(root)


def _paths(node, here=()):
    """Every path of keys and indexes into a loaded YAML value."""
    yield here
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, here + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, here + (index,))


def _replace(node, path, value):
    if not path:
        return value
    node[path[0]] = _replace(node[path[0]], path[1:], value)
    return node


@fuzz
@given(data=st.data(), target=st.sampled_from(TARGETS[:2]))
def test_wrong_values_inside_valid_content(data, target):
    """One value anywhere in a valid file replaced by a value of any kind."""
    original = yaml.safe_load((BASE / target).read_text(encoding="utf-8"))
    paths = list(_paths(original))
    for _ in range(data.draw(st.integers(1, 4), label="replacements")):
        path = data.draw(st.sampled_from(paths), label="path")
        original = _replace(original, path, data.draw(nasty | yaml_values, label="value"))
        paths = list(_paths(original))
    mangled = original
    with content_from() as root:
        write(root / target, yaml.safe_dump(mangled, allow_unicode=True))
        load(root)


file_names = st.sampled_from([
    "a" * 300, "a/" * 2000, "x\x00y", "..", ".", "/", "", " ", "../..", "../../../x.svg", "~/x.svg",
    "/etc/hostname", "C:\\map.png", "\\\\server\\map.png", "chapter.yaml", "../01-base", "figures.csv",
    "artwork.svg/", "artwork.svg/x", "file:///etc/hostname", "%2e%2e/x.svg", "名前.svg", "🏛️.png",
]) | st.text(max_size=80)
FILE_KEYS = [("artwork",), ("pages", 1, "file"), ("pages", 2, "chart", "data")]


@fuzz
@given(name=file_names, where=st.sampled_from(FILE_KEYS))
@example(name="a" * 300, where=("artwork",))  # once crashed: the system refuses a name that long
def test_file_names_of_every_kind(name, where):
    chapter = yaml.safe_load((BASE / TARGETS[1]).read_text(encoding="utf-8"))
    with content_from() as root:
        write(root / TARGETS[1], yaml.safe_dump(_replace(chapter, where, name), allow_unicode=True))
        load(root)


figures = st.sampled_from([1e308, -1e308, 1.7976931348623157e308, 5e-324, 0, -0.0, 2**63, 10**18, -1]) \
    | st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**20), 10**20) \
    | st.sampled_from(["?", "-", None, "n/a", "1e999", "1_000"])


@fuzz
@given(values=st.lists(figures, min_size=1, max_size=6), total=figures,
       scale=st.sampled_from(["linear", "log"]))
@example(values=[1e308, 1e308], total=0, scale="linear")  # once crashed: the sum is infinite
def test_figures_of_every_size(values, total, scale):
    """Inline figures and a total, anywhere from the smallest float to the largest."""
    chapter = yaml.safe_load((BASE / TARGETS[1]).read_text(encoding="utf-8"))
    chart = chapter["pages"][-1]["chart"]
    chart.update(scale=scale, categories=[f"c{i}" for i in range(len(values))], annotations=[])
    chart["series"] = [{"label": "s", "values": values, "total": total}]
    with content_from() as root:
        write(root / TARGETS[1], yaml.safe_dump(chapter, allow_unicode=True))
        load(root)


@fuzz
@given(depth=st.integers(1, 20_000), style=st.sampled_from(["[", "{a: ", "- ", "a:\n", "&x [", "!!seq ["]))
def test_deep_nesting(depth, style):
    if style == "a:\n":
        text = "".join(" " * i + "a:\n" for i in range(min(depth, 3000)))
    else:
        text = style * depth
    with content_from() as root:
        write(root / "chapters/01-base/chapter.yaml", text)
        load(root)


@fuzz
@given(garbage=st.binary(max_size=600), target=st.sampled_from(FILES))
def test_binary_garbage(garbage, target):
    with content_from() as root:
        write(root / target, garbage)
        load(root)


cells = st.sampled_from([
    "1", "1e308", "-1e308", "-5", "0", "?", "-", "", "n/a", "1 000", "1,5", "x", '"a,b"', '"', "1e999",
    "9" * 30, "people", "year", "\ufeff", "\u00a0",
]) | st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\n"), max_size=10)
headers = st.sampled_from(["year", "year@sv", "people", "people@sv", "", "x", "@", "year@de"])


@fuzz
@given(text=st.text(max_size=300), separator=st.sampled_from([",", ";"]))
def test_random_csv_text(text, separator):
    with content_from() as root:
        write(root / "chapters/01-base/figures.csv", f"year{separator}year@sv{separator}people\n{text}")
        load(root)


@fuzz
@given(header=st.lists(headers, max_size=5), rows=st.lists(st.lists(cells, max_size=5), max_size=6),
       separator=st.sampled_from([",", ";"]))
def test_csv_rows_of_every_kind(header, rows, separator):
    with content_from() as root:
        lines = [separator.join(header)] + [separator.join(row) for row in rows]
        write(root / "chapters/01-base/figures.csv", "\n".join(lines) + "\n")
        load(root)


def _unusable(path: Path, how: str) -> None:
    write(path, "placeholder")
    path.unlink()
    if how == "folder":
        path.mkdir()
    elif how == "broken link":
        path.symlink_to(path.parent / "nothing-here")
    elif how == "link loop":
        path.symlink_to(path)
    elif how == "link outside":
        path.symlink_to("/etc/hostname")
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "locked":  # unreadable for anyone but root
        path.write_text("title: x\n")
        path.chmod(0)


@fuzz
@given(target=st.sampled_from(FILES[1:]), how=st.sampled_from(
    ["folder", "broken link", "link loop", "link outside", "empty", "locked"]))
def test_unreadable_files(target, how):
    with content_from() as root:
        _unusable(root / target, how)
        load(root)


MUTATIONS = st.lists(st.tuples(
    st.sampled_from(["delete", "insert", "duplicate line", "swap lines", "indent", "dedent"]),
    st.floats(0, 1), st.floats(0, 1), odd_text,
), min_size=1, max_size=6)


def _mutate(text: str, mutations) -> str:
    for op, where, other, payload in mutations:
        at, to = int(where * len(text)), int(other * len(text))
        lines = text.split("\n")
        line = int(where * (len(lines) - 1))
        if op == "delete":
            text = text[: min(at, to)] + text[max(at, to):]
        elif op == "insert":
            text = text[:at] + payload + text[at:]
        elif op == "duplicate line":
            text = "\n".join(lines[: line + 1] + [lines[line]] + lines[line + 1:])
        elif op == "swap lines":
            other_line = int(other * (len(lines) - 1))
            lines[line], lines[other_line] = lines[other_line], lines[line]
            text = "\n".join(lines)
        else:
            lines[line] = " " + lines[line] if op == "indent" else lines[line][1:]
            text = "\n".join(lines)
    return text


@fuzz
@given(chapter=st.sampled_from(SHIPPED_CHAPTERS), mutations=MUTATIONS)
def test_mutations_of_the_shipped_chapters(chapter, mutations):
    text = (SHIPPED / chapter).read_text(encoding="utf-8")
    with content_from(SHIPPED, only=Path(chapter).parent.name) as root:
        write(root / chapter, _mutate(text, mutations))
        load(root)


def test_the_shipped_chapters_are_there():
    assert SHIPPED_CHAPTERS


@pytest.mark.parametrize("make", [
    pytest.param(lambda tmp: tmp / "missing", id="missing"),
    pytest.param(lambda tmp: (tmp / "file.yaml", (tmp / "file.yaml").write_text("title: x\n"))[0], id="a-file"),
    pytest.param(lambda tmp: (tmp / "empty", (tmp / "empty").mkdir())[0], id="no-exhibit-yaml"),
    pytest.param(lambda tmp: (tmp / "c", (tmp / "c" / "exhibit.yaml").mkdir(parents=True))[0],
                 id="exhibit-yaml-is-a-folder"),
])
def test_only_a_non_content_folder_raises(make, tmp_path):
    with pytest.raises(NotContentFolder):
        load_exhibit(make(tmp_path))


# --- links, unreadable folders and odd names anywhere; sizes around the limits -----------------

PLACES = ["", "chapters", "chapters/01-base", "chapters/02-new"]
names = st.sampled_from(["x", "02-new", "01-base", "chapter.yaml", "figures.csv", "a\nb", "a\rb",
                         "\x1b[2J", "caf\udce9", "\u202ex.svg", "fonts", ".hidden"]) | odd_text.filter(
    lambda n: n not in ("", ".", "..") and "/" not in n and "\x00" not in n and len(n.encode("utf-8", "surrogateescape")) < 200)


def _make(path: Path, how: str, root: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    if how == "link loop":
        path.symlink_to(path.name)
    elif how == "links in a ring":
        path.symlink_to(path.name + "-other")
        (path.parent / (path.name + "-other")).symlink_to(path.name)
    elif how == "link to a file outside":
        path.symlink_to("/etc/hostname")
    elif how == "link to a folder outside":  # a good chapter, but not in the content folder
        elsewhere = root.parent / "elsewhere"
        elsewhere.mkdir(exist_ok=True)
        (elsewhere / "chapter.yaml").write_text("title: x\nteaser: y\npages: [{type: quote, quote: a, "
                                                "attribution: b}]\n")
        path.symlink_to(elsewhere, target_is_directory=True)
    elif how == "link to the content folder":
        path.symlink_to(root, target_is_directory=True)
    elif how == "locked folder":
        path.mkdir()
        (path / "chapter.yaml").write_text("title: x\n")
        path.chmod(0)
    else:
        path.write_text(how)


@fuzz
@example(place="chapters", name="03-elsewhere", how="link to a folder outside")
@given(place=st.sampled_from(PLACES), name=names, how=st.sampled_from(
    ["link loop", "links in a ring", "link to a file outside", "link to a folder outside",
     "link to the content folder", "locked folder", "title: x\n"]))
def test_links_folders_and_names_anywhere(place, name, how):
    with content_from() as root:
        _make(root / place / name, how, root)
        result = load(root)
    if how == "link to a folder outside" and place == "chapters":
        assert name not in [c.id for c in result.chapters], "a chapter from outside was loaded"


def _expanded(tree, index, budget):
    """The elements an SVG draws, by following every <use> (the slow way), up to ``budget``."""
    tag, ident, children, target = tree[index]
    count = 1
    stack = list(children) + ([target] if target is not None else [])
    while stack and count <= budget:
        tag, ident, kids, use = tree[stack.pop()]
        count += 1
        stack.extend(kids)
        if use is not None:
            stack.append(use)
    return count


svg_trees = st.lists(st.tuples(st.integers(0, 30), st.lists(st.integers(0, 30), max_size=12)),
                     min_size=1, max_size=30)


@fuzz
@given(groups=svg_trees)
def test_an_svg_is_refused_exactly_when_it_draws_too_much(groups):
    """Groups of <use> references to other groups, in any shape: refused if, and only if,
    following the references draws more than the limit (or never ends)."""
    from kiosk.content.limits import SVG_ELEMENTS
    from kiosk.content.svgcheck import svg_problem

    count = len(groups)
    body = "".join(f'<g id="g{i}">' + "".join(f'<use href="#g{t % count}"/>' for t in uses) + "</g>"
                   for i, (_, uses) in enumerate(groups))
    # The same drawing as a tree: the root, then each group and its uses.
    tree = [("svg", None, [1 + sum(1 + len(u) for _, u in groups[:i]) for i in range(count)], None)]
    for _, uses in groups:
        first = len(tree)
        tree.append(("g", None, [first + 1 + k for k in range(len(uses))], None))
        tree.extend(("use", None, [], None) for _ in uses)
    starts = [1 + sum(1 + len(u) for _, u in groups[:i]) for i in range(count)]
    for i, (_, uses) in enumerate(groups):
        for k, t in enumerate(uses):
            tree[starts[i] + 1 + k] = ("use", None, [], starts[t % count])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "drawing.svg"
        path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>')
        problem = svg_problem(path, "drawing.svg")
    draws = _expanded(tree, 0, SVG_ELEMENTS + 1)
    if draws > SVG_ELEMENTS:
        assert problem is not None
    elif problem is not None:
        assert "repeats itself" in problem or "nested more than" in problem, problem


@fuzz
@given(rows=st.integers(0, 3), extra=st.integers(-2, 2), series=st.integers(1, 3))
def test_charts_around_the_limits(rows, extra, series):
    """CSV files of about as many rows, and charts of about as many bars, as the limits allow."""
    from kiosk.content.limits import CHART_BARS, CSV_ROWS

    count = [CHART_BARS // series, CSV_ROWS, CHART_BARS // series + 1, 3][rows] + extra
    count = max(1, count)
    header = "year,year@sv," + ",".join(f"s{k}" for k in range(series))
    lines = [header] + [f"{1000 + n},{1000 + n}," + ",".join("1" for _ in range(series)) for n in range(count)]
    chapter = yaml.safe_load((BASE / TARGETS[1]).read_text(encoding="utf-8"))
    chapter["pages"][2]["chart"]["series"] = [{"column": f"s{k}"} for k in range(series)]
    with content_from() as root:
        write(root / "chapters/01-base/figures.csv", "\n".join(lines) + "\n")
        write(root / TARGETS[1], yaml.safe_dump(chapter, allow_unicode=True))
        result = load(root)
    charts = [p for c in result.chapters for p in c.pages if p.type == "chart" and p.chart.data]
    if count * series > CHART_BARS or count > CSV_ROWS:
        assert not charts and result.errors
    else:
        assert charts and len(charts[0].chart.categories_resolved) == count
