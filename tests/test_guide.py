"""The curators' guide, ``content/README.md``, agrees with the model it describes.

Its key tables are generated from ``kiosk/content/model.py``; its prose and examples are not.
Every key it names, in a table, an example or the text, must be a key the loader reads, and the
placeholders it lists for each label must be the ones the check allows.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from kiosk.content import model
from kiosk.content.convert import yaml_fields

GUIDE = (Path(__file__).resolve().parents[1] / "content" / "README.md").read_text(encoding="utf-8")
LANGUAGE_CODES = {"en", "sv", "de"}


def model_keys() -> set[str]:
    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    return {key for cls in classes if cls not in (model.Text, model.Markdown, model.Cell)
            for key in yaml_fields(cls)}


def keys_in_yaml_examples() -> set[str]:
    found = set()
    for block in re.findall(r"```yaml\n(.*?)```", GUIDE, re.S):
        for line in block.splitlines():
            found |= set(re.findall(r"^\s*(?:- )?\{?([a-z_]+):(?:\s|$)", line))
            found |= set(re.findall(r"[{,]\s*([a-z_]+):", line))
    return found - LANGUAGE_CODES


@pytest.mark.parametrize("where, keys", [
    ("the key tables", set(re.findall(r"^\| `([a-z_]+)` \|", GUIDE, re.M))),
    ("the YAML examples", keys_in_yaml_examples()),
    ("the text, as `key:`", set(re.findall(r"`([a-z_]+):", GUIDE))),
    ("the text, as `group.key`", set(re.findall(r"`(?:labels|idle|admin|theme|attract)\.([a-z_]+)`", GUIDE))),
])
def test_every_key_the_guide_names_is_in_the_model(where, keys):
    assert keys, f"found no keys in {where}: has the guide's layout changed?"
    assert keys - model_keys() == set()


def test_the_placeholder_table_matches_the_model():
    rows = re.findall(r"^\| `([a-z_]+)` \| (`\{.*?) \| `\"", GUIDE, re.M)
    in_guide = {name: tuple(re.findall(r"`\{([a-z_]+)\}`", cell)) for name, cell in rows}
    in_model = {f.name: f.metadata["placeholders"] for f in dataclasses.fields(model.Labels)
                if f.metadata["placeholders"]}
    assert in_guide == in_model
