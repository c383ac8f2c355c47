"""``kiosk schema``: a JSON Schema that accepts the shipped content and rejects mistakes.

The schema is what a curator's editor checks while they type. It is read here exactly as an
editor gets it, from the command's output, and applied with ``jsonschema`` to the YAML files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from kiosk.cli import main
from kiosk.content.loader import load_exhibit

CONTENT = Path(__file__).resolve().parents[1] / "content"
EXHIBIT = CONTENT / "exhibit.yaml"
CHAPTERS = sorted(CONTENT.glob("chapters/*/chapter.yaml"))
BASE = Path(__file__).parent / "data" / "broken" / "base"


def schema(capsys, which: str | None = None) -> jsonschema.Draft202012Validator:
    """The validator for ``kiosk schema [--file WHICH]``'s output."""
    assert main(["schema", *(["--file", which] if which else [])]) == 0
    printed = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(printed)
    return jsonschema.Draft202012Validator(printed)


def problems(validator: jsonschema.Draft202012Validator, text: str) -> list[str]:
    """Every complaint the schema has about a YAML text, nested ones (of anyOf) included."""
    found = []
    stack = list(validator.iter_errors(yaml.safe_load(text)))
    while stack:
        error = stack.pop()
        found.append(error.message)
        stack.extend(error.context or ())
    return found


def test_the_shipped_content_has_chapters():
    assert len(CHAPTERS) >= 1 and EXHIBIT.is_file()


@pytest.mark.parametrize("which", [None, "exhibit"])
def test_exhibit_yaml_matches(which, capsys):
    assert problems(schema(capsys, which), EXHIBIT.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("which", [None, "chapter"])
@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.parent.name)
def test_every_chapter_yaml_matches(path, which, capsys):
    assert problems(schema(capsys, which), path.read_text(encoding="utf-8")) == []


def test_each_file_schema_is_for_its_own_file(capsys):
    assert problems(schema(capsys, "chapter"), EXHIBIT.read_text(encoding="utf-8"))
    assert problems(schema(capsys, "exhibit"), CHAPTERS[0].read_text(encoding="utf-8"))


def with_line(text: str, after: str, line: str) -> str:
    """``text`` with ``line`` inserted after the first line that starts with ``after``."""
    lines = text.splitlines()
    index = next(i for i, existing in enumerate(lines) if existing.startswith(after))
    return "\n".join(lines[: index + 1] + [line] + lines[index + 1:]) + "\n"


@pytest.mark.parametrize("which", [None, "chapter"])
def test_an_unknown_key_is_rejected(which, capsys):
    text = "teasre: A misspelt key.\n" + CHAPTERS[0].read_text(encoding="utf-8")
    assert "Additional properties are not allowed ('teasre' was unexpected)" in problems(schema(capsys, which), text)


def test_an_unknown_key_in_a_page_is_rejected(capsys):
    text = with_line(CHAPTERS[0].read_text(encoding="utf-8"), "  - type:", "    captoin: A misspelt key.")
    assert "Additional properties are not allowed ('captoin' was unexpected)" in problems(schema(capsys, "chapter"), text)


@pytest.mark.parametrize("which", [None, "exhibit"])
def test_a_wrong_choice_is_rejected(which, capsys):
    text = EXHIBIT.read_text(encoding="utf-8")
    assert text.count("{corner: top-left,") == 1
    text = text.replace("{corner: top-left,", "{corner: middle,")
    found = problems(schema(capsys, which), text)
    assert "'middle' is not one of ['top-left', 'top-right', 'bottom-left', 'bottom-right']" in found


def test_a_wrong_chart_kind_is_rejected(capsys):
    text = (BASE / "chapters" / "01-base" / "chapter.yaml").read_text(encoding="utf-8")
    assert "      kind: bar\n" in text
    found = problems(schema(capsys, "chapter"), text.replace("      kind: bar\n", "      kind: pie\n"))
    assert "'pie' is not one of ['bar', 'grouped-bar', 'horizontal-bar', 'line']" in found


def test_a_missing_required_key_is_rejected(capsys):
    text = EXHIBIT.read_text(encoding="utf-8").replace("\nlabels:", "\nlabels_gone:", 1)
    assert "'labels' is a required property" in problems(schema(capsys, "exhibit"), text)


def test_schema_and_loader_agree_on_a_single_item_without_its_dash(tmp_path, capsys):
    """The loader takes ``sources: One source`` as a list of one; the schema must not flag it."""
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    chapter = content / "chapters" / "01-base" / "chapter.yaml"
    text = chapter.read_text(encoding="utf-8").replace("    body: A short text.\n",
                                                       "    body: A short text.\n    sources: One source.\n")
    chapter.write_text(text, encoding="utf-8")
    assert load_exhibit(content).problems == ()
    assert problems(schema(capsys, "chapter"), text) == []


@pytest.mark.parametrize("old, new, says", [
    pytest.param('background: "#15171a"', "background: dark grey",
                 "'dark grey' does not match '^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$'", id="colour"),
    pytest.param('series: ["#c9a66b", "#d8d2c8", "#7f9db3", "#8f9c63"]', "series: []", "[] should be non-empty",
                 id="empty-palette"),
    pytest.param("theme:\n", "theme:\n  timings: {page_turn_ms: 0}\n",
                 "0 is less than or equal to the minimum of 0", id="zero"),
    pytest.param("theme:\n", "theme:\n  sizes: {body: 600}\n", "600 is greater than the maximum of 540",
                 id="too-large"),
])
def test_the_schema_knows_the_limits_the_loader_checks(old, new, says, capsys):
    """The limits come from the same field metadata as the loader's checks."""
    text = EXHIBIT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    assert says in problems(schema(capsys, "exhibit"), text.replace(old, new))


def test_the_schema_rejects_a_pin_line_typed_by_hand(capsys):
    text = with_line(EXHIBIT.read_text(encoding="utf-8"), "admin:", "  pin_hash: '4711'")
    assert any(found.startswith("'4711' does not match") for found in problems(schema(capsys, "exhibit"), text))


def test_the_schema_rejects_a_chapter_without_pages(capsys):
    text = "title: T\nteaser: T\npages: []\n"
    assert "[] should be non-empty" in problems(schema(capsys, "chapter"), text)


HOURS = ('opening_hours:\n  default: "10:00-17:00"\n  monday: closed\n  thursday: ["10:00-12:00", "13:00-20:00"]\n'
         'closed_screen: card\nnightly_restart: "03:30"\nadmin:\n')


def test_the_schema_takes_opening_hours_as_the_guide_writes_them(capsys):
    text = EXHIBIT.read_text(encoding="utf-8").replace("admin:\n", HOURS, 1)
    assert problems(schema(capsys, "exhibit"), text) == []


@pytest.mark.parametrize("old, new, says", [
    ("monday: closed", "munday: closed", "Additional properties are not allowed ('munday' was unexpected)"),
    ("monday: closed", "monday: 10-17", "'10-17' does not match"),
    ("closed_screen: card", "closed_screen: blank", "'blank' is not one of ['card', 'black']"),
    ('nightly_restart: "03:30"', "nightly_restart: soon", "'soon' does not match"),
])
def test_the_schema_rejects_wrong_opening_hours(old, new, says, capsys):
    text = EXHIBIT.read_text(encoding="utf-8").replace("admin:\n", HOURS, 1).replace(old, new)
    assert any(found.startswith(says) for found in problems(schema(capsys, "exhibit"), text))
