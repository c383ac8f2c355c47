"""The shipped exhibit carries exactly the figures of the curator's notes, and no others.

The tables below are typed by hand from the curator's source notes
(/work/shared/source/README.md: its tables and its list of other figures and dates). The test
loads the real content folder and checks that

- the charts and key figures hold exactly these values, unknown figures stay unknown (never 0)
  and figures that do not apply stay "not applicable";
- every number written in any text a visitor can see is one of the notes' figures or years,
  so that no figure can drift or be invented;
- the content loads without a single problem (no errors, no warnings).

Set SHIPPED_CONTENT to another folder to run these checks on a copy (to see them fail).
"""

from __future__ import annotations

import csv
import dataclasses
import os
import re
from pathlib import Path

import pytest

from kiosk.content.loader import load_exhibit
from kiosk.content.model import CellKind, FigurePage, Language, Text, TimelineEvent
from kiosk.content.timeline import year_span

CONTENT = Path(os.environ.get("SHIPPED_CONTENT", Path(__file__).parents[1] / "content"))

UNKNOWN = "unknown"  # the notes give no figure ("?" or a blank cell)
NA = "n/a"  # the figure does not apply (the notes' "—")

# --- The notes' figures, typed by hand --------------------------------------------------------

# Secret police personnel (Cheka, later GPU and NKVD): (group, year) -> people.
PERSONNEL = {
    ("Civilians and informants", "1921"): 105_000,
    ("Civilians and informants", "1925"): 30_000,
    ("Military staff", "1921"): 180_000,
    ("Military staff", "1925"): 63_000,
}
CIVIL_SERVANTS_NO_YEAR = 26_000  # the notes give no year: must not be in the chart

# What the GPU did in 1924: (row as shown, arrested or checked, killed).
GPU_1924 = [
    ("Arrested “bandits”", 11_453, 1_858),
    ("Arrested foreigners and spies", 2_468, UNKNOWN),
    ("Cleansing of the White Guard (81 operations)", UNKNOWN, 132),
    ("Menshevik and Socialist-Revolutionary groups broken up", 6_262, UNKNOWN),
    ("Thieves and “NEP-men” expelled", 4_500, UNKNOWN),
    ("“Socially dangerous individuals” put under individual supervision", 18_200, UNKNOWN),
    ("Companies and government bodies supervised", 15_501, UNKNOWN),
    ("Letters read", 5_078_174, NA),
]
GPU_1924_TOTALS = {"Arrested or checked": 5_136_558, "Killed": 1_990}
GPU_1924_COLUMNS = {"Arrested or checked": "arrested", "Killed": "killed"}
FOREIGNERS_EXPELLED, SPIES, WHITE_GUARD_OPERATIONS = 357, 1_542, 81

# Key figures: page -> (value, how it is written, if not as digits).
KEY_FIGURES = {
    "02-secret-police/letters": (5_078_174, None),
    "03-dangerous-person/watched": (18_200, None),
    "07-war-on-peasants/deported": (2_000_000, "about 2 million"),
    "07-war-on-peasants/deported-1930-1931": (1_800_000, "1.8 million"),
    "07-war-on-peasants/dead": (6_000_000, "at least 6 million"),
}

# Grain delivered in January 1928 fell from 6.8 to 4.8 (the unit is doubtful: never shown).
GRAIN_BEFORE, GRAIN_AFTER = 6.8, 4.8

YEARS = {1921, 1924, 1925, 1926, 1927, 1928, 1930, 1931}

ALLOWED_NUMBERS = (
    YEARS
    | set(PERSONNEL.values())
    | {CIVIL_SERVANTS_NO_YEAR}
    | {v for _, a, k in GPU_1924 for v in (a, k) if isinstance(v, int)}
    | set(GPU_1924_TOTALS.values())
    | {FOREIGNERS_EXPELLED, SPIES, WHITE_GUARD_OPERATIONS}
    | {value for value, _ in KEY_FIGURES.values()}
    | {GRAIN_BEFORE, GRAIN_AFTER}
)

# --- Helpers -----------------------------------------------------------------------------------

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
MILLION = re.compile(r"\s*million\b")
SKIP_FIELDS = {"notes", "origin", "theme", "admin"}  # curators only, or no visible text


@pytest.fixture(scope="module")
def result():
    return load_exhibit(CONTENT)


@pytest.fixture(scope="module")
def exhibit(result):
    return result.exhibit


def en(text) -> str:
    return text.get("en") if text is not None else ""


def page(exhibit, ref):
    chapter, found = exhibit.find_page(ref)
    assert chapter is not None and found is not None, f"no page {ref}"
    return found


def series_by_label(chart, label):
    matches = [s for s in chart.series_resolved if en(s.label) == label]
    assert len(matches) == 1, f"series {label!r} not found in {[en(s.label) for s in chart.series_resolved]}"
    return matches[0]


def check_cell(cell, expected, where):
    if expected == UNKNOWN:
        assert cell.kind is CellKind.UNKNOWN, f"{where}: should be unknown, is {cell}"
        assert cell.value is None, f"{where}: an unknown figure must carry no value, has {cell.value}"
    elif expected == NA:
        assert cell.kind is CellKind.NOT_APPLICABLE, f"{where}: should be not applicable, is {cell}"
        assert cell.value is None, f"{where}: a figure that does not apply carries no value"
    else:
        assert cell.kind is CellKind.KNOWN, f"{where}: should be {expected}, is {cell}"
        assert cell.value == expected, f"{where}: should be {expected}, is {cell.value}"


def walk(obj, path="exhibit"):
    """(path, value) for the exhibit and everything in it, curators' notes left out."""
    yield path, obj
    if isinstance(obj, (tuple, list)):
        for i, item in enumerate(obj):
            yield from walk(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, (type, Text)):
        for f in dataclasses.fields(obj):
            if f.name not in SKIP_FIELDS:
                yield from walk(getattr(obj, f.name), f"{path}.{f.name}")


def visible_texts(obj):
    """Every text a visitor can see: each Text anywhere in the exhibit, and language names."""
    for path, value in walk(obj):
        if isinstance(value, Text):
            for text in value.all():
                yield path, text
        elif isinstance(value, Language):
            yield f"{path}.name", value.name


def shown_numbers(obj):
    """Numbers shown as digits without being in a text: key figures and timeline years."""
    for path, value in walk(obj):
        if isinstance(value, FigurePage):
            yield f"{path}.value", value.value
        if isinstance(value, TimelineEvent) and value.year is not None:
            yield f"{path}.year", value.year


def numbers_in(text: str):
    """(as written, value) for every number in the text; "1.8 million" counts as 1,800,000."""
    for match in NUMBER.finditer(text):
        value = float(match.group().replace(",", ""))
        if MILLION.match(text, match.end()):
            value *= 1_000_000
        yield match.group(), value


def allowed(value: float) -> bool:
    return any(abs(value - a) < 1e-6 for a in ALLOWED_NUMBERS)


# --- The tests ---------------------------------------------------------------------------------


def test_loads_without_problems(result):
    problems = [f"{p.severity}: {p}" for p in result.problems]
    assert problems == [], "the shipped content has problems:\n" + "\n".join(problems)


def test_personnel_chart(exhibit):
    chart = page(exhibit, "02-secret-police/personnel").chart
    categories = [en(c) for c in chart.categories_resolved]
    assert categories == ["Civilians and informants", "Military staff"]
    years = [en(s.label) for s in chart.series_resolved]
    assert years == ["1921", "1925"]
    for series in chart.series_resolved:
        assert len(series.cells) == len(categories)
        for group, cell in zip(categories, series.cells):
            check_cell(cell, PERSONNEL[(group, en(series.label))], f"personnel {group} {en(series.label)}")
    values = [c.value for s in chart.series_resolved for c in s.cells]
    assert CIVIL_SERVANTS_NO_YEAR not in values, "the civil servants have no year: keep them off the chart"


def test_civil_servants_never_given_a_year(exhibit):
    for path, text in visible_texts(exhibit):
        if "26,000" in text:
            assert "no year" in text, f"{path}: the 26,000 civil servants must be shown as having no year"


def test_gpu_1924_chart(exhibit):
    chart = page(exhibit, "02-secret-police/gpu-1924").chart
    assert chart.scale == "log", "the letters dwarf every other row: the chart needs a log scale"
    assert [en(c) for c in chart.categories_resolved] == [row[0] for row in GPU_1924]
    assert [en(s.label) for s in chart.series_resolved] == list(GPU_1924_TOTALS)
    for index, label in enumerate(GPU_1924_TOTALS):
        series = series_by_label(chart, label)
        assert len(series.cells) == len(GPU_1924)
        for row, cell in zip(GPU_1924, series.cells):
            check_cell(cell, row[1 + index], f"GPU 1924 {row[0]!r} / {label}")
        assert series.total == GPU_1924_TOTALS[label], f"{label}: declared total {series.total}"
        known = sum(c.value for c in series.cells if c.kind is CellKind.KNOWN)
        assert known == GPU_1924_TOTALS[label], f"{label}: the known figures add up to {known}"


def test_gpu_1924_csv_as_written():
    """The CSV itself, cell by cell: '?' or empty for unknown, '-' for not applicable."""
    path = CONTENT / "chapters" / "02-secret-police" / "gpu-1924.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][1:] == list(GPU_1924_COLUMNS.values())
    assert len(rows) - 1 == len(GPU_1924)
    for (label, arrested, killed), row in zip(GPU_1924, rows[1:]):
        assert row[0] == label
        for expected, written in ((arrested, row[1]), (killed, row[2])):
            if expected == UNKNOWN:
                assert written.strip() in ("?", ""), f"{label}: {written!r} should be unknown"
            elif expected == NA:
                assert written.strip() == "-", f"{label}: {written!r} should be '-'"
            else:
                assert written == str(expected), f"{label}: {written!r} should be {expected}"


def test_gpu_1924_annotation(exhibit):
    chart = page(exhibit, "02-secret-police/gpu-1924").chart
    notes = [a for a in chart.annotations if a.category == "Arrested foreigners and spies"]
    assert len(notes) == 1
    numbers = {value for _, value in numbers_in(en(notes[0].text))}
    assert {FOREIGNERS_EXPELLED, SPIES} <= numbers


@pytest.mark.parametrize("ref", sorted(KEY_FIGURES))
def test_key_figures(exhibit, ref):
    value, display = KEY_FIGURES[ref]
    figure = page(exhibit, ref)
    assert isinstance(figure, FigurePage)
    assert figure.value == value
    assert (en(figure.display) or None) == display


def test_grain_figures_carry_no_unit(exhibit):
    found = False
    for path, text in visible_texts(exhibit):
        if "6.8" in text or "4.8" in text:
            found = True
            assert "6.8" in text and "4.8" in text, f"{path}: the grain figures belong together"
            assert not re.search(r"\bton", text, re.IGNORECASE), f"{path}: the grain unit is doubtful"
    assert found, "the grain figures 6.8 and 4.8 should be told somewhere"


def test_home_timeline_and_highlights_exist(exhibit):
    chapter, timeline = exhibit.find_page(exhibit.home_timeline)
    assert timeline is not None and timeline.type == "timeline"
    # An event's year is its year: key, or else the year written in its date.
    years = {event.year or int(re.search(r"\d{4}", en(event.date)).group()) for event in timeline.events}
    assert years <= YEARS
    # The line runs from the first event to the last year written in any date (1930–1931).
    assert year_span(timeline.events) == (1921, 1931)
    assert 3 <= len(exhibit.attract.highlights) <= 5
    for highlight in exhibit.attract.highlights:
        assert exhibit.find_page(highlight.page)[1] is not None, highlight.page


def test_every_visible_number_is_in_the_notes(exhibit):
    texts = list(visible_texts(exhibit))
    # The walk must really reach the exhibit's texts, or this test would pass on nothing.
    assert len(texts) > 100
    seen = set()
    strays = []
    for path, text in texts:
        for written, value in numbers_in(text):
            seen.add(value)
            if not allowed(value):
                strays.append(f"{path}: {written!r} in {text[:80]!r}")
    for path, value in shown_numbers(exhibit):
        seen.add(value)
        if not allowed(value):
            strays.append(f"{path}: {value}")
    assert not strays, "numbers not in the curator's notes:\n" + "\n".join(strays)
    assert {5_078_174, 1921, 1931, 2_000_000, 6_000_000} <= seen
