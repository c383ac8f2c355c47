"""``kiosk validate`` on a broken exhibit.yaml: the PIN line, labels, colours, limits, pointers.

Each case edits one line of the small valid exhibit in ``tests/data/broken/base`` and runs the
real command line on it; the messages are asserted word for word. Every case also loads the
folder the way the kiosk does, to check that the mistake cannot break the kiosk on the floor:
the exhibit still loads, and the faulty value is made harmless or falls back to its default
(a label to its name, an untranslated text to the first language's, a pointer to nothing).

The last tests check what follows from a chapter that cannot be loaded (pointers at it say
so, its files are not also called unused, and the summary counts what did load), and the
only mistakes that stop the kiosk: no title, no languages, an exhibit.yaml that is not YAML.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.content.checks import harmless, placeholder_problem
from kiosk.content.loader import load_exhibit
from kiosk.content.model import Colours, Exhibit, Gesture, Labels, Theme
from kiosk.pin import check_pin, hash_pin

BASE = Path(__file__).parent / "data" / "broken" / "base"
PIN_LINE = ('  pin_hash: "pbkdf2-sha256$200000$MDEyMzQ1Njc4OWFiY2RlZg==$KEYT+hAHAtv4+0AAxP9oq75kuRokTxhpsPnbG'
            'zRQ/lo="')
REMAKE = "run 'kiosk admin-pin --print' and paste the line it prints whole, in place of this one"
LITERAL = "to show a curly bracket itself, write it twice: {{ or }}"
COLOUR_FORM = "expected a colour written as # and 3, 6 or 8 hexadecimal digits (#rgb, #rrggbb or #aarrggbb)"
HOURS = "opening_hours:\n  {}\nadmin:\n"  # put in place of "admin:\n": the day on line 12
ALL_DAY = "00:00-24:00"  # what a day whose hours cannot be read falls back to: the kiosk stays on
HOURS_FORM = "expected opening hours like 10:00-17:00 (from-to, 24-hour clock), or closed"
TIME_FORM = "write it as hours and minutes on the 24-hour clock, 00:00 to 23:59, like 09:30"
COLOURS = "theme:\n  colours:\n    {}\nadmin:\n"  # put in place of "admin:\n": the colour on line 13


@dataclass(frozen=True)
class Edit:
    """One change to exhibit.yaml, the lines validate prints, and a check of what loads."""

    id: str
    old: str
    new: str
    expected: tuple[str, ...]
    loads: Optional[Callable[[Exhibit], bool]] = None


def build(tmp_path: Path, old: str = "", new: str = "") -> Path:
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    if old:
        exhibit = content / "exhibit.yaml"
        text = exhibit.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        exhibit.write_text(text.replace(old, new), encoding="utf-8")
    return content


def validate(tmp_path, monkeypatch, capsys) -> tuple[int, list[str], str]:
    monkeypatch.chdir(tmp_path)
    code = main(["validate", "content"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def hours(line: str) -> tuple[str, str]:
    return "admin:\n", HOURS.format(line)


def top(line: str) -> tuple[str, str]:
    """A key of exhibit.yaml's own, on line 11."""
    return "admin:\n", f"{line}\nadmin:\n"


def colour(line: str) -> tuple[str, str]:
    return "admin:\n", COLOURS.format(line)


def label_text(exhibit: Exhibit, name: str, lang: str = "en") -> str:
    return getattr(exhibit.labels, name).get(lang)


def fills(exhibit: Exhibit) -> bool:
    """Every label can be filled in the way the kiosk fills it, in every language."""
    for f in fields(Labels):
        allowed = f.metadata["placeholders"]
        for text in getattr(exhibit.labels, f.name).all():
            if allowed:
                text.format(**{name: 1 for name in allowed})
    return True


EDITS = [
    # --- The admin PIN line ----------------------------------------------------------------------
    Edit("pin-typed-by-hand", PIN_LINE, "  pin_hash: 4711", (
        "exhibit.yaml:12: admin → pin_hash: expected the line that 'kiosk admin-pin --print' makes "
        f"(pbkdf2-sha256$…), got '4711': {REMAKE}",
    ), lambda exhibit: not check_pin("4711", exhibit.admin.pin_hash)),
    Edit("pin-cut-short", PIN_LINE, PIN_LINE[:-21] + '"', (
        f"exhibit.yaml:12: admin → pin_hash: the hash is damaged (cut short or changed by hand): {REMAKE}",
    )),
    Edit("pin-cut-after-the-iterations", PIN_LINE, "  pin_hash: pbkdf2-sha256$200000", (
        "exhibit.yaml:12: admin → pin_hash: expected the line that 'kiosk admin-pin --print' makes "
        f"(pbkdf2-sha256$…), got 'pbkdf2-sha256$200000': {REMAKE}",
    )),
    Edit("pin-too-few-iterations", PIN_LINE, f'  pin_hash: "{hash_pin("1921", iterations=999)}"', (
        f"exhibit.yaml:12: admin → pin_hash: the hash uses too few iterations to be safe: {REMAKE}",
    )),
    Edit("pin-too-many-iterations", "$200000$", "$900000000$", (
        "exhibit.yaml:12: admin → pin_hash: the hash uses 900,000,000 iterations, more than the 1,000,000 "
        f"the kiosk takes (each PIN would take seconds to check): {REMAKE}",
    )),
    Edit("pin-just-above-the-cap", "$200000$", "$1000001$", (
        "exhibit.yaml:12: admin → pin_hash: the hash uses 1,000,001 iterations, more than the 1,000,000 "
        f"the kiosk takes (each PIN would take seconds to check): {REMAKE}",
    ), lambda exhibit: not check_pin("1921", exhibit.admin.pin_hash)),
    Edit("pin-empty", PIN_LINE, "  pin_hash:", (
        "exhibit.yaml:12: admin → pin_hash: expected the line that 'kiosk admin-pin --print' makes, got "
        "nothing: run 'kiosk admin-pin --print' and paste the line it prints, or remove the key and set "
        "each kiosk's own PIN with 'kiosk admin-pin'",
    ), lambda exhibit: not check_pin("", exhibit.admin.pin_hash)),
    # --- Placeholders in labels ------------------------------------------------------------------
    Edit("placeholder-misspelt", 'page_of: "{page} / {count}"', 'page_of: "{pages} of {total}"', (
        "exhibit.yaml:18: labels → page_of: unknown placeholder {pages}: this label may use only "
        f"{{page}} and {{count}}, spelt exactly so; {LITERAL}",
    ), lambda exhibit: fills(exhibit) and label_text(exhibit, "page_of") == "{{pages}} of {{total}}"),
    Edit("placeholder-unclosed", 'resetting_in: "Starting over in {seconds} s"',
         'resetting_in: "Starting over in {seconds s"', (
        "exhibit.yaml:28: labels → resetting_in: a curly bracket that opens or closes no placeholder: "
        f"this label may use only {{seconds}}, spelt exactly so; {LITERAL}",
    ), fills),
    Edit("placeholder-stray-closing-bracket", 'admin_locked: "Locked for {seconds} s."',
         'admin_locked: "Locked for {seconds} s.}"', (
        "exhibit.yaml:36: labels → admin_locked: a curly bracket that opens or closes no placeholder: "
        f"this label may use only {{seconds}}, spelt exactly so; {LITERAL}",
    ), fills),
    Edit("placeholder-numbered", 'admin_status: "{version} {content} {loaded}"',
         'admin_status: "{} {content} {loaded}"', (
        "exhibit.yaml:42: labels → admin_status: unknown placeholder {}: this label may use only "
        f"{{version}}, {{content}} and {{loaded}}, spelt exactly so; {LITERAL}",
    ), fills),
    Edit("placeholder-with-a-format", 'admin_locked: "Locked for {seconds} s."',
         'admin_locked: "Locked for {seconds:.0f} s."', (
        "exhibit.yaml:36: labels → admin_locked: write the placeholder as {seconds}, with nothing "
        "else inside the curly brackets",
    ), fills),
    Edit("placeholder-in-one-language", 'page_of: "{page} / {count}"',
         'page_of: {en: "{page} / {count}", sv: "{sida} av {antal}"}', (
        "exhibit.yaml:18: labels → page_of → sv: unknown placeholder {sida}: this label may use only "
        f"{{page}} and {{count}}, spelt exactly so; {LITERAL}",
    ), lambda exhibit: fills(exhibit) and label_text(exhibit, "page_of") == "{page} / {count}"),
    Edit("placeholder-in-a-label-without", "  home: Home", '  home: "{Home}"', (
        "exhibit.yaml:15: labels → home: this label has no placeholders, so it cannot hold curly "
        "brackets: remove them (round brackets ( ) are fine)",
    ), fills),
    # --- Colours ---------------------------------------------------------------------------------
    Edit("colour-unquoted", *colour("background: #15171a"), (
        "exhibit.yaml:13: theme → colours → background: expected a colour, got nothing: a # starts a "
        "comment in YAML: put the colour in quotes, like \"#15171a\"",
    ), lambda exhibit: exhibit.theme.colours.background == Colours.background),
    Edit("colour-name", *colour("background: dark grey"), (
        f"exhibit.yaml:13: theme → colours → background: {COLOUR_FORM}, in quotes, like \"#b3261e\"; "
        "got 'dark grey'",
    ), lambda exhibit: exhibit.theme.colours.background == Colours.background),
    Edit("colour-without-its-hash", *colour('accent: "b3261e"'), (
        f"exhibit.yaml:13: theme → colours → accent: {COLOUR_FORM}, got 'b3261e': add the #, in "
        "quotes: \"#b3261e\"",
    )),
    Edit("colour-five-digits", *colour('text: "#ece7d"'), (
        f"exhibit.yaml:13: theme → colours → text: {COLOUR_FORM}, in quotes, like \"#b3261e\"; got "
        "'#ece7d'",
    )),
    Edit("colour-in-a-palette", *colour('series: ["#c9a66b", red]'), (
        f"exhibit.yaml:13: theme → colours → series → 2: {COLOUR_FORM}, in quotes, like \"#b3261e\"; "
        "got 'red'",
    ), lambda exhibit: exhibit.theme.colours.series == ("#c9a66b",)),
    Edit("colour-palette-empty", *colour("series: []"), (
        "exhibit.yaml:13: theme → colours → series: the chart palette needs at least one colour: list "
        "some, like [\"#c9a66b\", \"#b3261e\"], or remove the key for the default",
    ), lambda exhibit: exhibit.theme.colours.series == Colours.series),
    Edit("colour-palette-all-wrong", *colour("series: [red, blue]"), (
        f"exhibit.yaml:13: theme → colours → series → 1: {COLOUR_FORM}, in quotes, like \"#b3261e\"; "
        "got 'red'",
        f"exhibit.yaml:13: theme → colours → series → 2: {COLOUR_FORM}, in quotes, like \"#b3261e\"; "
        "got 'blue'",
    ), lambda exhibit: exhibit.theme.colours.series == Colours.series),
    # --- Numbers that must be positive, and not absurdly large -----------------------------------
    Edit("idle-timeout-zero", "attract:\n", "idle: {timeout: 0}\nattract:\n", (
        "exhibit.yaml:8: idle → timeout: expected a number of seconds above 0 and at most 86400 "
        "(24 hours), got 0: correct it, or remove the key to use the default, 90",
    ), lambda exhibit: exhibit.idle.timeout == 90),
    Edit("idle-timeout-a-typo-too-large", "attract:\n", "idle: {timeout: 900000, warning: -20}\nattract:\n", (
        "exhibit.yaml:8: idle → timeout: expected a number of seconds above 0 and at most 86400 "
        "(24 hours), got 900000: correct it, or remove the key to use the default, 90",
        "exhibit.yaml:8: idle → warning: expected a number of seconds above 0 and at most 3600 "
        "(1 hour), got -20: correct it, or remove the key to use the default, 20",
    ), lambda exhibit: (exhibit.idle.timeout, exhibit.idle.warning) == (90, 20)),
    Edit("highlight-seconds-zero", "attract:\n", "attract:\n  seconds_per_highlight: 0\n", (
        "exhibit.yaml:9: attract → seconds_per_highlight: expected a number of seconds above 0 and at "
        "most 3600 (1 hour), got 0: correct it, or remove the key to use the default, 8",
    )),
    Edit("admin-numbers", "admin:\n", "admin:\n  attempts: 0\n  lockout_seconds: 90000\n"
         "  gesture: {hold_seconds: 0}\n", (
        "exhibit.yaml:12: admin → attempts: expected a whole number above 0, got 0: correct it, or "
        "remove the key to use the default, 5",
        "exhibit.yaml:13: admin → lockout_seconds: expected a number of seconds above 0 and at most "
        "86400 (24 hours), got 90000: correct it, or remove the key to use the default, 300",
        "exhibit.yaml:14: admin → gesture → hold_seconds: expected a number of seconds above 0 and at "
        "most 60 (1 minute), got 0: correct it, or remove the key to use the default, 3",
    ), lambda exhibit: (exhibit.admin.attempts, exhibit.admin.lockout_seconds) == (5, 300)),
    Edit("theme-numbers", "admin:\n", "theme:\n  timings: {page_turn_ms: 0, fade_ms: 32000}\n"
         "  sizes: {body: 0, tap_target_mm: 500}\nadmin:\n", (
        "exhibit.yaml:12: theme → timings → page_turn_ms: expected a whole number of milliseconds "
        "above 0 and at most 10000 (10 seconds), got 0: correct it, or remove the key to use the "
        "default, 320",
        "exhibit.yaml:12: theme → timings → fade_ms: expected a whole number of milliseconds above 0 "
        "and at most 10000 (10 seconds), got 32000: correct it, or remove the key to use the "
        "default, 600",
        "exhibit.yaml:13: theme → sizes → body: expected a number of pixels above 0 and at most 540, "
        "got 0: correct it, or remove the key to use the default, 30",
        "exhibit.yaml:13: theme → sizes → tap_target_mm: expected a number of millimetres above 0 "
        "and at most 100, got 500: correct it, or remove the key to use the default, 20",
    ), lambda exhibit: exhibit.theme.timings.page_turn_ms == 320 and exhibit.theme.sizes.body == 30),
    # --- Labels missing or untranslated: each stands in for itself --------------------------------
    Edit("label-missing", "  advisory_skip: Skip\n", "", (
        "exhibit.yaml:14: labels: missing key 'advisory_skip' (Button: skip to the next chapter): add it",
    ), lambda exhibit: label_text(exhibit, "advisory_skip") == "Advisory skip"),
    Edit("label-with-placeholders-missing", '  resetting_in: "Starting over in {seconds} s"\n', "", (
        "exhibit.yaml:14: labels: missing key 'resetting_in' (Idle countdown; {seconds} is filled in): add it",
    ), lambda exhibit: fills(exhibit) and label_text(exhibit, "resetting_in") == "Resetting in {seconds}"),
    Edit("label-untranslated", "  home: Home", "  home: {en: Home}", (
        "exhibit.yaml:15: labels → home: missing the sv text: add it, since a text given by language "
        "needs every language of the exhibit (en, sv)",
    ), lambda exhibit: label_text(exhibit, "home", "sv") == "Home"),
    Edit("label-in-the-second-language-only", "  home: Home", "  home: {sv: Hem}", (
        "exhibit.yaml:15: labels → home: missing the en text: add it, since a text given by language "
        "needs every language of the exhibit (en, sv)",
    ), lambda exhibit: (label_text(exhibit, "home"), label_text(exhibit, "home", "sv")) == ("Hem", "Hem")),
    Edit("label-empty-in-one-language", "  home: Home", '  home: {en: Home, sv: ""}', (
        "exhibit.yaml:15: labels → home → sv: the text is empty: write it, or remove the key",
    ), lambda exhibit: label_text(exhibit, "home", "sv") == "Home"),
    Edit("label-empty-mapping", "  home: Home", "  home: {}", (
        "exhibit.yaml:15: labels → home: the text is empty: write it, or remove the key",
    ), lambda exhibit: label_text(exhibit, "home") == "Home"),
    Edit("label-a-list", "  home: Home", "  home: [Home, Hem]", (
        "exhibit.yaml:15: labels → home: expected text, or one text per language (en, sv), got a list: "
        "write the text after the colon, or one line per language under it (en: …)",
    ), lambda exhibit: label_text(exhibit, "home") == "Home"),
    Edit("label-misspelt", "  next: Next", "  nxet: Next", (
        "exhibit.yaml:17: labels: unknown key 'nxet': did you mean 'next'?",
    ), lambda exhibit: label_text(exhibit, "next") == "Next"),
    Edit("labels-misspelt", "labels:\n", "label:\n", (
        "exhibit.yaml:13: unknown key 'label': did you mean 'labels'?",
    ), lambda exhibit: fills(exhibit) and label_text(exhibit, "page_of") == "Page of {page} {count}"),
    Edit("title-untranslated", "title: {en: A test exhibit, sv: En testutställning}", "title: {en: A test exhibit}", (
        "exhibit.yaml:3: title: missing the sv text: add it, since a text given by language needs "
        "every language of the exhibit (en, sv)",
    ), lambda exhibit: exhibit.title.get("sv") == "A test exhibit"),
    Edit("title-in-an-unknown-language", "sv: En testutställning}", "de: Eine Testausstellung}", (
        "exhibit.yaml:3: title: 'de' is not one of the exhibit's languages (en, sv): remove it, or add "
        "the language to exhibit.yaml",
    ), lambda exhibit: exhibit.title.all() == ("A test exhibit",)),
    # --- Blocks and pointers that fall back ------------------------------------------------------
    # No PIN in the content is no mistake: each kiosk then has its own (kiosk admin-pin).
    Edit("pin-line-missing", PIN_LINE, "  attempts: 5", (), lambda exhibit: exhibit.admin.pin_hash == "" and not check_pin("", exhibit.admin.pin_hash)),
    Edit("admin-missing", "admin:\n" + PIN_LINE + "\n", "", (), lambda exhibit: exhibit.admin.pin_hash == "" and exhibit.admin.gesture == Gesture()),
    Edit("gesture-tap-misspelt", "admin:\n", "admin:\n  gesture: {taps: [top-right, bottom-rihgt, bottom-left]}\n", (
        "exhibit.yaml:12: admin → gesture → taps → 2: expected one of top-left, top-right, bottom-left, "
        "bottom-right; got 'bottom-rihgt'; did you mean 'bottom-right'?",
    ), lambda exhibit: exhibit.admin.gesture.taps == Gesture.taps),
    Edit("gesture-corner", "admin:\n", "admin:\n  gesture: {corner: middle, hold_seconds: 5}\n", (
        "exhibit.yaml:12: admin → gesture → corner: expected one of top-left, top-right, bottom-left, "
        "bottom-right; got 'middle'",
    ), lambda exhibit: (exhibit.admin.gesture.corner, exhibit.admin.gesture.hold_seconds) == ("top-left", 5)),
    Edit("theme-a-word", "admin:\n", "theme: dark\nadmin:\n", (
        "exhibit.yaml:11: theme: expected a group of keys (key: value), got 'dark'",
    ), lambda exhibit: exhibit.theme == Theme()),
    Edit("idle-a-list", "attract:\n", "idle: [90, 20]\nattract:\n", (
        "exhibit.yaml:8: idle: expected a group of keys (key: value), got a list",
    ), lambda exhibit: (exhibit.idle.timeout, exhibit.idle.warning) == (90, 20)),
    Edit("attract-seconds-a-word", "attract:\n", "attract:\n  seconds_per_highlight: eight\n", (
        "exhibit.yaml:9: attract → seconds_per_highlight: expected a number, got 'eight': write digits "
        "only, without spaces, commas or units (5078174, 6.8)",
    ), lambda exhibit: exhibit.attract.seconds_per_highlight == 8 and len(exhibit.attract.highlights) == 1),
    Edit("highlight-to-no-chapter", "{chapter: 01-base,", "{chapter: 01-bas,", (
        "exhibit.yaml:10: attract → highlights → 1 → chapter: no chapter '01-bas': the chapters are 01-base",
    ), lambda exhibit: exhibit.attract.highlights == ()),
    Edit("highlight-to-a-page", "{chapter: 01-base,", "{chapter: 01-base/figures,", (
        "exhibit.yaml:10: attract → highlights → 1 → chapter: no chapter '01-base/figures' (name the "
        "chapter's folder alone, without a page): the chapters are 01-base",
    ), lambda exhibit: exhibit.attract.highlights == ()),
    Edit("highlight-of-an-earlier-version", "    - {chapter: 01-base, line: {en: A line to begin with, sv: En "
         "rad att börja med}}", "    - page: 01-base/figures", (
        "exhibit.yaml:10: attract → highlights → 1: 'page' was read by earlier versions and is no longer: "
        "write 'chapter' and 'line' in its place (the guide, content/README.md, shows how)",
    ), lambda exhibit: exhibit.attract.highlights == ()),
    Edit("highlight-without-a-line", ", line: {en: A line to begin with, sv: En rad att börja med}}", "}", (
        "exhibit.yaml:10: attract → highlights → 1: missing key 'line' (One large line that invites a "
        "passer-by in: a question or a fact to wonder at, never words from behind a chapter's advisory): add it",
    ), lambda exhibit: exhibit.attract.highlights == ()),
    Edit("home-timeline-not-a-timeline", "home_timeline: 01-base/years", "home_timeline: 01-base/figures", (
        "exhibit.yaml:7: home_timeline: '01-base/figures' is a chart page; the home screen shows a "
        "timeline page here",
    ), lambda exhibit: exhibit.home_timeline is None),
    Edit("home-timeline-to-no-chapter", "home_timeline: 01-base/years", "home_timeline: 02-base/years", (
        "exhibit.yaml:7: home_timeline: no chapter '02-base': the chapters are 01-base",
    ), lambda exhibit: exhibit.home_timeline is None),
    Edit("language-twice", "  - {code: sv, name: Svenska}\n", "  - {code: sv, name: Svenska}\n"
         "  - {code: sv, name: Swedish}\n", (
        "exhibit.yaml:5: languages: a language is listed twice: list each code once",
    ), lambda exhibit: [language.name for language in exhibit.languages] == ["English", "Svenska"]),
    # --- Opening hours and the nightly restart ---------------------------------------------------
    Edit("hours-closing-before-opening", *hours("monday: 17:00-10:00"), (
        "exhibit.yaml:12: opening_hours → monday: '17:00-10:00' closes before it opens: write the opening "
        "time first, like 10:00-17:00; a day ends at 24:00, so hours after midnight go under the next day",
    ), lambda exhibit: exhibit.opening_hours.monday == ALL_DAY),
    Edit("hours-no-time-of-day", *hours("tuesday: 10:00-25:00"), (
        f"exhibit.yaml:12: opening_hours → tuesday: '25:00' in '10:00-25:00' is no time of day: {TIME_FORM}",
    ), lambda exhibit: exhibit.opening_hours.tuesday == ALL_DAY),
    Edit("hours-opening-at-24", *hours("tuesday: 24:00-24:00"), (
        f"exhibit.yaml:12: opening_hours → tuesday: '24:00' in '24:00-24:00' is no time of day: {TIME_FORM} "
        "(24:00 only as a closing time)",
    )),
    Edit("hours-without-minutes", *hours("friday: 10-17"), (
        f"exhibit.yaml:12: opening_hours → friday: {HOURS_FORM}; got '10-17'",
    ), lambda exhibit: exhibit.opening_hours.friday == ALL_DAY),
    Edit("hours-overlapping", *hours("saturday: 10:00-14:00, 12:00-17:00"), (
        "exhibit.yaml:12: opening_hours → saturday: 10:00-14:00 and 12:00-17:00 overlap: write them as "
        "one span, 10:00-17:00",
    )),
    Edit("hours-closed-and-open", *hours("sunday: [closed, 10:00-12:00]"), (
        "exhibit.yaml:12: opening_hours → sunday: a day is either closed or open for some hours: write "
        "closed alone, or only the hours",
    )),
    Edit("hours-as-a-group", *hours("sunday: {from: 10:00, to: 17:00}"), (
        f"exhibit.yaml:12: opening_hours → sunday: {HOURS_FORM}; got a group of keys",
    )),
    Edit("hours-misspelt-day", *hours("wensday: 10:00-17:00"), (
        "exhibit.yaml:12: opening_hours: unknown key 'wensday': did you mean 'wednesday'?",
    ), lambda exhibit: exhibit.opening_hours.wednesday is None),
    Edit("closed-screen-misspelt", *top("closed_screen: blak"), (
        "exhibit.yaml:11: closed_screen: expected one of card, black; got 'blak'; did you mean 'black'?",
    ), lambda exhibit: exhibit.closed_screen == "card"),
    Edit("restart-no-time-of-day", *top('nightly_restart: "25:30"'), (
        f"exhibit.yaml:11: nightly_restart: expected a time of day, like \"03:30\"; got '25:30': {TIME_FORM}",
    ), lambda exhibit: exhibit.nightly_restart is None),
    Edit("restart-in-words", *top("nightly_restart: at night"), (
        f"exhibit.yaml:11: nightly_restart: expected a time of day, like \"03:30\"; got 'at night': {TIME_FORM}",
    ), lambda exhibit: exhibit.nightly_restart is None),
    # --- A text cut short by a '#' ---------------------------------------------------------------
    Edit("subtitle-emptied-by-a-comment", "languages:\n", "subtitle: #1 in the region\nlanguages:\n", (
        "exhibit.yaml:4: warning: subtitle: this key has no value: a # starts a comment in YAML: put "
        "the text in quotes, like \"#1 in the region\", or remove the key",
    )),
]

VALID = [
    pytest.param("page_of: \"{page} / {count}\"", 'page_of: "{{{page}}} of {count}"', id="literal-brackets"),
    pytest.param("page_of: \"{page} / {count}\"", 'page_of: "Page {page}"', id="a-placeholder-left-out"),
    pytest.param(*colour('background: "#000"'), id="colour-rgb"),
    pytest.param(*colour('background: "#8015171a"'), id="colour-argb"),
    pytest.param(*colour("background: '#15171A'  # dark"), id="colour-with-a-comment"),
    pytest.param("attract:\n", "idle: {timeout: 86400, warning: 0.5}   # a day\nattract:\n", id="limits"),
    pytest.param("languages:\n", "subtitle: Room 2  # a real comment\nlanguages:\n", id="real-comment"),
    pytest.param("admin:\n", "opening_hours:\n  default: 10:00-17:00\n  monday: closed\n"
                 "  thursday: [10:00-12:00, 13:00 – 20:00]\n  sunday: 00:00-24:00\nclosed_screen: black\n"
                 "nightly_restart: 3:30\nadmin:\n", id="opening-hours"),
    pytest.param("admin:\n", "opening_hours: {default: 10:00-17:00}\nnightly_restart: \"03:30\"\nadmin:\n",
                 id="opening-hours-in-one-line"),
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.id)
def test_each_exhibit_mistake_is_reported_word_for_word(edit, tmp_path, monkeypatch, capsys):
    build(tmp_path, edit.old, edit.new)
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out[:-1] == [f"content/{line}" for line in edit.expected]
    errors = sum(": warning: " not in line for line in edit.expected)
    assert (code, err) == (1 if errors else 0, "")


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.id)
def test_no_exhibit_mistake_breaks_the_kiosk(edit, tmp_path):
    """The exhibit still loads, every label can still be filled in, and the faulty value is
    harmless: out of use, or replaced by its default."""
    exhibit = load_exhibit(build(tmp_path, edit.old, edit.new)).exhibit
    assert exhibit is not None and fills(exhibit)
    if edit.loads is not None:
        assert edit.loads(exhibit)


@pytest.mark.parametrize("old, new", VALID)
def test_what_is_right_passes(old, new, tmp_path, monkeypatch, capsys):
    build(tmp_path, old, new)
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert (code, out[:-1], err) == (0, [], "")


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(text=st.text(st.sampled_from("{}pagecount :!0 "), max_size=20),
       allowed=st.sampled_from([("page", "count"), ("seconds",), ()]))
def test_a_label_either_passes_or_is_made_harmless(text, allowed):
    """Whatever a curator writes, the kiosk can fill the label in: it passes the check and fills,
    or the check reports it and its harmless form fills."""
    shown = text if placeholder_problem(text, allowed) is None else harmless(text, allowed)
    if allowed:  # the kiosk fills in only the labels that have placeholders
        shown.format(**{name: 1 for name in allowed})


# --- What follows from a chapter that cannot be loaded -----------------------------------------


def break_chapter(content: Path, old: str, new: str) -> None:
    path = content / "chapters" / "01-base" / "chapter.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_chapter_that_cannot_be_read_is_reported_once(tmp_path, monkeypatch, capsys):
    """Not also as 'no chapter' where exhibit.yaml points at it, nor its files as unused."""
    break_chapter(build(tmp_path), "categories: [{en: North, sv: Norr}, South]", "categories: [North, South")
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    pointer = ("the chapter '01-base' could not be loaded (see its own errors): fix those, and this "
               "pointer works again")
    assert out == [
        "content/chapters/01-base/chapter.yaml:39: YAML syntax error, probably an unclosed '[': end "
        "the list with ']' (YAML said: while parsing a flow sequence did not find expected ',' or ']')",
        f"content/exhibit.yaml:7: home_timeline: {pointer}",
        "content/exhibit.yaml:10: attract → highlights → 1 → chapter: the chapter '01-base' could not "
        "be loaded (see its own errors): fix those, and this highlight shows again",
        "checked content: 0 chapters, 0 pages, 0 charts, 0 images, 2 languages: 3 errors, 0 warnings",
    ]
    assert (code, err) == (1, "")


def test_a_page_left_out_for_its_errors_is_not_called_missing(tmp_path, monkeypatch, capsys):
    break_chapter(build(tmp_path), "    id: years\n    events:", "    id: years\n    event:")
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out == [
        "content/chapters/01-base/chapter.yaml:30: pages → 6: unknown key 'event': did you mean 'events'?",
        "content/exhibit.yaml:7: home_timeline: the page 'years' of chapter '01-base' could not be loaded "
        "(see its own errors): fix those, and this pointer works again",
        "checked content: 1 chapter, 6 pages, 2 charts, 1 image, 2 languages: 2 errors, 0 warnings",
    ]
    assert (code, err) == (1, "")


def test_a_highlight_of_a_chapter_behind_an_advisory_is_warned_of(tmp_path, monkeypatch, capsys):
    break_chapter(build(tmp_path), "artwork: artwork.svg\n", "artwork: artwork.svg\nadvisory: Harsh words.\n")
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out == [
        "content/exhibit.yaml:10: warning: attract → highlights → 1 → chapter: chapter '01-base' opens with "
        "an advisory, but everyone walking past sees the attract screen: choose a chapter without one, "
        "unless its artwork and this line are fit for everyone",
        "checked content: 1 chapter, 7 pages, 2 charts, 1 image, 2 languages: 0 errors, 1 warning",
    ]
    assert (code, err) == (0, "")


LANGUAGES = "languages:\n  - {code: en, name: English}\n  - {code: sv, name: Svenska}\n"
NOT_STARTED = ("checked content: 1 chapter, 7 pages, 2 charts, 1 image, {} languages; exhibit.yaml could "
               "not be used, so the kiosk would go on showing its last good content: {} error{}, 0 warnings")


@pytest.mark.parametrize("old, new, expected, languages", [
    pytest.param("title: {en: A test exhibit, sv: En testutställning}\n", "", (
        "content/exhibit.yaml:3: missing key 'title' (The exhibit's title): add it",
    ), 2, id="title-missing"),
    pytest.param("title: {en: A test exhibit, sv: En testutställning}", "title: {}", (
        "content/exhibit.yaml:3: title: the text is empty: write it, or remove the key",
    ), 2, id="title-empty"),
    pytest.param(LANGUAGES, "", (
        "content/exhibit.yaml:3: missing key 'languages' (The languages, the default first): add it",
    ), 0, id="languages-missing"),
    pytest.param(LANGUAGES, "languages: []\n", (
        "content/exhibit.yaml:4: languages: no languages: list at least one, the default first, like "
        "- {code: en, name: English}",
    ), 0, id="languages-empty"),
    pytest.param(LANGUAGES, "languages:\n  - {code: en}\n", (
        "content/exhibit.yaml:5: languages → 1: missing key 'name' (The language's name in itself, "
        "shown on its button: Svenska): add it",
    ), 0, id="languages-none-usable"),
    pytest.param("title: {en: A test exhibit, sv: En testutställning}", "title: {en: A test exhibit", (
        "content/exhibit.yaml:3: YAML syntax error, probably an unclosed '{': end it with '}' (YAML "
        "said: while parsing a flow mapping did not find expected ',' or '}')",
    ), 0, id="exhibit-yaml-unreadable"),
])
def test_only_the_title_and_languages_stop_the_kiosk(old, new, expected, languages, tmp_path,
                                                    monkeypatch, capsys):
    """And an exhibit.yaml that is not YAML at all. The summary says so, and still counts the
    chapters that loaded (and the languages, where they could be read)."""
    build(tmp_path, old, new)
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert (code, out, err) == (1, [*expected, NOT_STARTED.format(languages, 1, "")], "")
    assert load_exhibit(tmp_path / "content").exhibit is None


def test_a_label_missing_lets_the_kiosk_start(tmp_path, monkeypatch, capsys):
    build(tmp_path, "  close: Close\n", "")
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert (code, out, err) == (1, [
        "content/exhibit.yaml:14: labels: missing key 'close' (Closes the sources panel or a timeline "
        "event): add it",
        "checked content: 1 chapter, 7 pages, 2 charts, 1 image, 2 languages: 1 error, 0 warnings",
    ], "")


def test_empty_texts_are_reported_when_the_languages_are_unknown(tmp_path, monkeypatch, capsys):
    """An empty mapping is no text in any language; it once became a text with none, and the
    timeline's year, read from the date, raised."""
    content = build(tmp_path, "title: {en: A test exhibit, sv: En testutställning}", "title: {en: A test exhibit")
    break_chapter(content, '      - {date: "1921", title: A start}', "      - {date: {}, title: {}}")
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    event = "content/chapters/01-base/chapter.yaml:31: pages → 6 → events → 1"
    assert out[:2] == [f"{event} → date: the text is empty: write it, or remove the key",
                       f"{event} → title: the text is empty: write it, or remove the key"]
    assert (code, out[-1], err) == (1, NOT_STARTED.format(0, 3, "s"), "")
