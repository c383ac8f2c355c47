"""The shipped exhibit carries exactly the figures of the curator's notes, and no others.

The tables below are typed by hand from the curator's source notes
(/work/shared/source/README.md: its tables and its list of other figures and dates). The test
loads the real content folder and checks that

- the charts and key figures hold exactly these values, unknown figures stay unknown (never 0)
  and figures that do not apply stay "not applicable";
- every number written in any text a visitor can see, in every language, is one of the notes'
  figures or years, so that no figure can drift or be invented. Each language writes numbers
  its own way: English 5,078,174 and 6.8 and "1.8 million"; Swedish 5 078 174 (a space, a
  no-break or a narrow no-break space between the groups) and 6,8 and "1,8 miljoner". A text
  given once for every language (a plain text) is read the way of each language, as each
  language's visitors read it;
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

# What the GPU did to people in 1924: (row as shown, arrested or checked, killed). The source's
# two rows that are not people are not in the chart (GPU_1924_NOT_PEOPLE), but beside it.
GPU_1924 = [
    ("Arrested “bandits”", 11_453, 1_858),
    ("Arrested foreigners and spies", 2_468, UNKNOWN),
    ("Cleansing of the White Guard (81 operations)", UNKNOWN, 132),
    ("Menshevik and SR groups broken up", 6_262, UNKNOWN),
    ("Thieves and “NEP-men” expelled", 4_500, UNKNOWN),
    ("“Socially dangerous” people watched one by one", 18_200, UNKNOWN),
]
GPU_1924_NOT_PEOPLE = {"companies and government bodies supervised": 15_501, "letters read": 5_078_174}
GPU_1924_TOTALS = {"Arrested or checked": 5_136_558, "Killed": 1_990}  # the source's, as it gives them
GPU_1924_COLUMNS = {"Arrested or checked": "arrested", "Killed": "killed"}
FOREIGNERS_EXPELLED, SPIES, WHITE_GUARD_OPERATIONS = 357, 1_542, 81

# The exhibit's languages. The tables above name rows and series in English, the first.
LANGUAGES = ("en", "sv")

# Key figures: page -> (value, how it is written in each language, if not as digits).
KEY_FIGURES = {
    "02-secret-police/letters": (5_078_174, None),
    "03-dangerous-person/watched": (18_200, None),
    "07-war-on-peasants/deported": (2_000_000, {"en": "about 2 million", "sv": "omkring 2 miljoner"}),
    "07-war-on-peasants/deported-1930-1931": (1_800_000, {"en": "1.8 million", "sv": "1,8 miljoner"}),
    "07-war-on-peasants/dead": (6_000_000, {"en": "at least 6 million", "sv": "minst 6 miljoner"}),
}

# Grain delivered in January 1928 fell from 6.8 to 4.8 (the unit is doubtful: never shown).
GRAIN_BEFORE, GRAIN_AFTER = 6.8, 4.8
# How the grain figures are written in each language (read so by numbers_in below).
GRAIN_WRITTEN = {"en": ("6.8", "4.8"), "sv": ("6,8", "4,8")}
# A unit for the grain, in either language: ton, tons, tonne(s); Swedish ton.
GRAIN_UNIT = re.compile(r"\bton", re.IGNORECASE)

YEARS = {1921, 1924, 1925, 1926, 1927, 1928, 1930, 1931}

ALLOWED_NUMBERS = (
    YEARS
    | set(PERSONNEL.values())
    | {CIVIL_SERVANTS_NO_YEAR}
    | {v for _, a, k in GPU_1924 for v in (a, k) if isinstance(v, int)}
    | set(GPU_1924_TOTALS.values()) | set(GPU_1924_NOT_PEOPLE.values())
    | {FOREIGNERS_EXPELLED, SPIES, WHITE_GUARD_OPERATIONS}
    | {value for value, _ in KEY_FIGURES.values()}
    | {GRAIN_BEFORE, GRAIN_AFTER}
)

# --- Helpers -----------------------------------------------------------------------------------

# How each language writes a number, and the word after it that makes it millions. A group of
# three digits must end there (5,0781 is not 5,078 and 1); a decimal mark must be followed by a
# digit, so that a list, "1921, 1931", is two numbers in either language.
NUMBER = {
    "en": re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"),
    "sv": re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?"),
}
MILLION = {
    "en": re.compile(r"\s*million\b"),
    "sv": re.compile(r"\s*miljon(?:er)?\b"),
}
GROUPS = {"en": ",", "sv": " \u00a0\u202f"}  # what separates the groups of three
DECIMAL = {"en": ".", "sv": ","}
# How the notes' 26,000 civil servants are said to have no year, in each language.
NO_YEAR = {
    "en": re.compile(r"\bno year\b"),
    "sv": re.compile(r"\b(?:inget|inte|utan|saknar)\b[^.]*?\bår(?:tal|et)?\b"),
}
PLAIN = "*"  # the language code of a text given once for every language
SKIP_FIELDS = {"notes", "origin", "theme", "admin"}  # curators only, or no visible text


@pytest.fixture(scope="module")
def result():
    return load_exhibit(CONTENT)


@pytest.fixture(scope="module")
def exhibit(result):
    return result.exhibit


def en(text) -> str:
    """The English text: rows and series are looked up by their English names."""
    return text.get("en") if text is not None else ""


def readings(code: str) -> tuple[str, ...]:
    """The languages a text is read in: its own, or every language for a plain text."""
    return LANGUAGES if code == PLAIN else (code,)


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
            name = getattr(item, "id", None)  # a chapter or page by its id: chapters[05-grain-crisis]
            yield from walk(item, f"{path}[{name if isinstance(name, str) and name else i}]")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, (type, Text)):
        for f in dataclasses.fields(obj):
            if f.name not in SKIP_FIELDS:
                yield from walk(getattr(obj, f.name), f"{path}.{f.name}")


def visible_texts(obj):
    """(path, language, text) for every text a visitor can see: each Text anywhere in the
    exhibit, in each of its languages ("*" for a plain text), and the language names."""
    for path, value in walk(obj):
        if isinstance(value, Text):
            for code, text in value.by_lang:
                yield path, code, text
        elif isinstance(value, Language):
            yield f"{path}.name", PLAIN, value.name


def shown_numbers(obj):
    """Numbers shown as digits without being in a text: key figures and timeline years."""
    for path, value in walk(obj):
        if isinstance(value, FigurePage):
            yield f"{path}.value", value.value
        if isinstance(value, TimelineEvent) and value.year is not None:
            yield f"{path}.year", value.year


def numbers_in(text: str, lang: str):
    """(as written, value) for every number in the text as a reader of ``lang`` reads it:
    "1.8 million" (English) and "1,8 miljoner" (Swedish) count as 1,800,000."""
    for _, written, value in numbers_at(text, lang):
        yield written, value


def numbers_at(text: str, lang: str):
    """(where, as written, value) for every number in the text, read as in ``lang``."""
    if lang not in NUMBER:
        pytest.fail(f"no way of reading numbers in {lang!r}: add it to NUMBER and MILLION")
    for match in NUMBER[lang].finditer(text):
        written = match.group()
        digits = "".join(c for c in written if c not in GROUPS[lang]).replace(DECIMAL[lang], ".")
        value = float(digits)
        if MILLION[lang].match(text, match.end()):
            value *= 1_000_000
        yield match.start(), written, value


def around(text: str, at: int, written: str, width: int = 40) -> str:
    """The words either side of ``written``, found at ``at`` in ``text``."""
    start, end = max(at - width, 0), at + len(written) + width
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


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
    for path, code, text in visible_texts(exhibit):
        for lang in readings(code):
            if any(value == CIVIL_SERVANTS_NO_YEAR for _, value in numbers_in(text, lang)):
                assert NO_YEAR[lang].search(text), (
                    f"{path} ({lang}): the 26,000 civil servants must be shown as having no year: {text!r}")


def test_gpu_1924_chart(exhibit):
    chart = page(exhibit, "02-secret-police/gpu-1924").chart
    assert chart.scale == "linear", "a bar's length must be its number of people: no log scale"
    assert [en(c) for c in chart.categories_resolved] == [row[0] for row in GPU_1924]
    assert [en(s.label) for s in chart.series_resolved] == list(GPU_1924_TOTALS)
    for index, label in enumerate(GPU_1924_TOTALS):
        series = series_by_label(chart, label)
        assert len(series.cells) == len(GPU_1924)
        for row, cell in zip(GPU_1924, series.cells):
            check_cell(cell, row[1 + index], f"GPU 1924 {row[0]!r} / {label}")
    # Killed: the chart's known figures are all the source's, and add up to its total.
    killed = series_by_label(chart, "Killed")
    assert killed.total == GPU_1924_TOTALS["Killed"] == sum(c.value for c in killed.cells if c.kind is CellKind.KNOWN)
    # Arrested or checked: the people in the chart and the two rows that are not people make
    # the source's total, which the footnote gives in both languages.
    arrested = series_by_label(chart, "Arrested or checked")
    people = sum(c.value for c in arrested.cells if c.kind is CellKind.KNOWN)
    assert people + sum(GPU_1924_NOT_PEOPLE.values()) == GPU_1924_TOTALS["Arrested or checked"]
    for lang in LANGUAGES:
        footnote = {value for _, value in numbers_in(chart.footnote.get(lang), lang)}
        assert set(GPU_1924_TOTALS.values()) <= footnote, f"{lang}: the footnote gives the source's totals"


def test_gpu_1924_rows_that_are_not_people_are_named_beside_the_chart(exhibit):
    chart_page = page(exhibit, "02-secret-police/gpu-1924")
    for lang in LANGUAGES:
        said = {value for _, value in numbers_in(chart_page.text.get(lang), lang)}
        assert GPU_1924_NOT_PEOPLE["companies and government bodies supervised"] in said, lang
    assert page(exhibit, "02-secret-police/letters").value == GPU_1924_NOT_PEOPLE["letters read"]


def test_gpu_1924_csv_as_written():
    """The CSV itself, cell by cell: '?' or empty for unknown, '-' for not applicable."""
    path = CONTENT / "chapters" / "02-secret-police" / "gpu-1924.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    # The figures' columns; the category's translations (activity@sv) may sit anywhere.
    assert [name for name in header[1:] if "@" not in name] == list(GPU_1924_COLUMNS.values())
    arrested_at, killed_at = (header.index(name) for name in GPU_1924_COLUMNS.values())
    assert len(rows) - 1 == len(GPU_1924)
    for (label, arrested, killed), row in zip(GPU_1924, rows[1:]):
        assert row[0] == label
        for expected, written in ((arrested, row[arrested_at]), (killed, row[killed_at])):
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
    for lang in LANGUAGES:
        text = notes[0].text.get(lang)
        numbers = {value for _, value in numbers_in(text, lang)}
        assert {FOREIGNERS_EXPELLED, SPIES} <= numbers, f"{lang}: {text!r}"


@pytest.mark.parametrize("ref", sorted(KEY_FIGURES))
def test_key_figures(exhibit, ref):
    value, display = KEY_FIGURES[ref]
    figure = page(exhibit, ref)
    assert isinstance(figure, FigurePage)
    assert figure.value == value
    if display is None:
        assert figure.display is None, f"{ref}: shown as digits, so no display: {figure.display}"
        return
    assert figure.display is not None, f"{ref}: should be written {display}"
    written = {lang: figure.display.get(lang) for lang in LANGUAGES}
    assert written == display
    for lang in LANGUAGES:  # the display itself reads as the figure
        assert [v for _, v in numbers_in(written[lang], lang)] == [value], f"{ref} ({lang})"


def test_grain_figures_carry_no_unit(exhibit):
    grain = {GRAIN_BEFORE, GRAIN_AFTER}
    told = set()
    for path, code, text in visible_texts(exhibit):
        for lang in readings(code):
            values = {value for _, value in numbers_in(text, lang)}
            if not values & grain:
                continue
            told.add(lang)
            assert grain <= values, f"{path} ({lang}): the grain figures belong together: {text!r}"
            assert not GRAIN_UNIT.search(text), f"{path} ({lang}): the grain unit is doubtful: {text!r}"
    for lang in LANGUAGES:
        before, after = GRAIN_WRITTEN[lang]
        assert lang in told, f"the grain figures {before} and {after} should be told somewhere in {lang}"


def test_home_timeline_and_highlights_exist(exhibit):
    chapter, timeline = exhibit.find_page(exhibit.home_timeline)
    assert timeline is not None and timeline.type == "timeline"
    # An event's year is its year: key, or else the year written in its date.
    years = {event.year or int(re.search(r"\d{4}", en(event.date)).group()) for event in timeline.events}
    assert years <= YEARS
    # Every language dates each event alike.
    for event in timeline.events:
        dated = {lang: re.findall(r"\d{4}", event.date.get(lang)) for lang in LANGUAGES}
        assert len({tuple(d) for d in dated.values()}) == 1, f"{en(event.title)}: {dated}"
    # The line runs from the first event to the last year written in any date (1930–1931).
    assert year_span(timeline.events) == (1921, 1931)
    assert 3 <= len(exhibit.attract.highlights) <= 5
    for highlight in exhibit.attract.highlights:
        chapter = exhibit.chapter(highlight.chapter)
        assert chapter is not None and chapter.artwork is not None, highlight.chapter
        assert chapter.advisory is None, f"{highlight.chapter}: the attract screen is seen by everyone passing by"


def test_every_visible_number_is_in_the_notes(exhibit):
    texts = list(visible_texts(exhibit))
    # The walk must really reach the exhibit's texts, or this test would pass on nothing.
    assert len(texts) > 100
    seen = {lang: set() for lang in LANGUAGES}
    strays = []
    for path, code, text in texts:
        for lang in readings(code):
            for at, written, value in numbers_at(text, lang):
                seen[lang].add(value)
                if not allowed(value):
                    how = f"{lang}" if code == lang else f"a text for every language, read as {lang}"
                    strays.append(f"{path} ({how}): {written!r} in {around(text, at, written)!r}")
    for path, value in shown_numbers(exhibit):
        for lang in LANGUAGES:
            seen[lang].add(value)
        if not allowed(value):
            strays.append(f"{path}: {value}")
    assert not strays, "numbers not in the curator's notes:\n" + "\n".join(strays)
    for lang in LANGUAGES:
        assert {5_078_174, 1921, 1931, 2_000_000, 6_000_000} <= seen[lang], lang
