"""The shipped exhibit is complete in every one of its languages, English and Swedish.

The test loads the real content folder and fails, naming the file, the line and the page, on

- any page or chapter the loader leaves out (a text given per language without Swedish, a CSV
  file without its categories' `@sv` column, …): what is left out cannot be checked, and
  visitors do not see it in any language;
- any visible text (every `Text` in the model, curators' `notes` apart) that holds a letter
  and is a plain text, one text for every language. The kiosk stores a plain text as
  `Text((("*", text),))` and shows it unchanged in every language, which the check cannot tell
  from a text nobody translated; so the shipped exhibit gives every text per language, a name
  too: `{en: Stalin, sv: Stalin}`. Texts without letters (a year, "1921") may stay plain;
- any text given per language that lacks one of the exhibit's languages.

A chart's categories from a CSV file count as texts: they come from its `@sv` column. The
languages' own names ("English", "Svenska") are not texts and are exempt. A label's
placeholders (`{seconds}`) are not words a visitor reads.

Set SHIPPED_CONTENT to another folder to run these checks on a copy.
"""

from __future__ import annotations

import dataclasses
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

import pytest
import yaml

from kiosk.content.loader import load_exhibit
from kiosk.content.model import Chapter, Exhibit, PageBase, Text
from kiosk.content.yamlsource import Loader

REPO = Path(__file__).resolve().parents[1]
CONTENT = Path(os.environ.get("SHIPPED_CONTENT", REPO / "content")).resolve()
LANGUAGES = ("en", "sv")  # the shipped exhibit's languages, the default first
PLAIN = "*"  # the code of a plain text, one text for every language
LETTER = re.compile(r"[^\W\d_]")
PLACEHOLDER = re.compile(r"\{\w+\}")
SKIP_FIELDS = {"notes", "origin", "theme", "admin", "chapters", "pages"}  # curators only, no text, or walked apart
# The model's fields that the loader fills in, and the YAML keys they come from.
YAML_KEY = {"categories_resolved": "categories", "series_resolved": "series"}


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


@pytest.fixture(scope="module")
def result():
    return load_exhibit(CONTENT, shown(CONTENT))


@pytest.fixture(scope="module")
def exhibit(result) -> Exhibit:
    assert result.exhibit is not None, "exhibit.yaml could not be used:\n" + "\n".join(map(str, result.problems))
    return result.exhibit


# --- Where a text is written -------------------------------------------------------------------


@lru_cache(maxsize=None)
def yaml_tree(path: Path) -> Optional[yaml.Node]:
    """The file's YAML nodes, read as the kiosk reads them (a file it cannot read is an error
    of the loader's, reported by test_nothing_is_left_out)."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, yaml.YAMLError):
        return None


def child(node: Optional[yaml.Node], key) -> Optional[yaml.Node]:
    if isinstance(key, int) and isinstance(node, yaml.SequenceNode):
        return node.value[key] if key < len(node.value) else None
    if isinstance(key, str) and isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == key), None)
    return None


def page_node(chapter_file: Path, line: int) -> Optional[yaml.Node]:
    """The page that starts on ``line`` (found by its line: a page left out shifts the list)."""
    pages = child(yaml_tree(chapter_file), "pages")
    if not isinstance(pages, yaml.SequenceNode):
        return None
    return next((p for p in pages.value if p.start_mark.line + 1 == line), None)


def line_of(node: Optional[yaml.Node], keys: tuple) -> tuple[int, bool]:
    """The line of the YAML node at ``keys`` under ``node``: (line, found). Where the key is not
    written (a default, a name the loader made up), the line of the deepest node there is."""
    if node is None:
        return 0, False
    for key in keys:
        found = child(node, YAML_KEY.get(key, key))
        if found is None:
            return node.start_mark.line + 1, False
        node = found
    return node.start_mark.line + 1, True


@dataclasses.dataclass(frozen=True, order=True)
class Place:
    file: str
    line: int
    what: str  # the page and key, for a person: page 'letters' → title

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what}" if self.line else f"{self.file}: {self.what}"


def keypath(keys: tuple) -> str:
    out = ""
    for key in keys:
        out += f"[{key + 1}]" if isinstance(key, int) else (" → " if out else "") + key
    return out


# --- The walk ----------------------------------------------------------------------------------


def texts_in(obj, keys=()):
    """(keys, Text) for every Text in ``obj``, curators' notes left out."""
    if isinstance(obj, Text):
        yield keys, obj
    elif isinstance(obj, (tuple, list)):
        for i, item in enumerate(obj):
            yield from texts_in(item, keys + (i,))
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name not in SKIP_FIELDS:
                yield from texts_in(getattr(obj, f.name), keys + (f.name,))


def placed_texts(exhibit: Exhibit):
    """(Place, keys, Text) for every visible text of the exhibit, chapters and pages."""
    exhibit_file = CONTENT / "exhibit.yaml"
    for keys, text in texts_in(exhibit):
        line, written = line_of(yaml_tree(exhibit_file), keys)
        what = keypath(keys) + ("" if written else " (not written: the kiosk's default)")
        yield Place(shown(exhibit_file), line, what), keys, text
    for chapter in exhibit.chapters:
        chapter_file = CONTENT / chapter.folder / "chapter.yaml"
        for keys, text in texts_in(chapter):
            line, _ = line_of(yaml_tree(chapter_file), keys)
            yield Place(shown(chapter_file), line, f"chapter → {keypath(keys)}"), keys, text
        for number, page in enumerate(chapter.pages, 1):
            name = f"page '{page.id}'" if page.id else f"page {number}"
            node = page_node(chapter_file, page.origin.line)
            for keys, text in texts_in(page):
                chart = getattr(page, "chart", None)
                if keys[:2] == ("chart", "categories_resolved") and chart is not None and chart.data:
                    csv_file = (chapter_file.parent / chart.data).resolve()
                    yield (Place(shown(csv_file), 0, f"{name} → category {text.first()!r}"), keys, text)
                    continue
                line, _ = line_of(node, keys)
                yield Place(shown(chapter_file), line or page.origin.line, f"{name} → {keypath(keys)}"), keys, text


def untranslated(keys: tuple, text: Text, languages: tuple[str, ...]) -> Optional[str]:
    """What is missing from ``text``, or None when it is complete in every language."""
    codes = [code for code, _ in text.by_lang]
    if PLAIN in codes:
        words = text.first()
        if keys[:1] == ("labels",):
            words = PLACEHOLDER.sub("", words)
        if LETTER.search(words):
            return (f"one text for every language, {short(text.first())!r}: give it per language, "
                    f"{{{', '.join(f'{c}: …' for c in languages)}}}")
        return None
    missing = [code for code in languages if code not in codes]
    if missing:
        return f"no {', '.join(missing)} text for {short(text.first())!r}: add it"
    return None


def short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- The tests ---------------------------------------------------------------------------------


def test_the_languages(exhibit):
    codes = tuple(language.code for language in exhibit.languages)
    assert codes == LANGUAGES, f"the shipped exhibit is in {LANGUAGES}, English first; exhibit.yaml lists {codes}"


def test_nothing_is_left_out(result, exhibit):
    """Every chapter and page loads: what the loader leaves out is checked by nobody."""
    errors = [str(p) for p in result.errors]
    missing = []
    loaded = {chapter.folder: chapter for chapter in exhibit.chapters}
    for chapter_file in sorted((CONTENT / "chapters").glob("*/chapter.yaml")):
        folder = str(chapter_file.parent.relative_to(CONTENT))
        chapter: Optional[Chapter] = loaded.get(folder)
        if chapter is None:
            missing.append(f"{shown(chapter_file)}: the whole chapter is left out")
            continue
        lines = {page.origin.line for page in chapter.pages}
        pages = child(yaml_tree(chapter_file), "pages")
        for number, node in enumerate(pages.value if isinstance(pages, yaml.SequenceNode) else (), 1):
            if node.start_mark.line + 1 not in lines:
                page_id = child(node, "id")
                name = f"page '{page_id.value}'" if page_id is not None else f"page {number}"
                missing.append(f"{shown(chapter_file)}:{node.start_mark.line + 1}: {name} is left out")
    report = missing + ([""] + ["the loader's errors:"] + errors if errors else [])
    assert not missing and not errors, "left out, in every language:\n" + "\n".join(report)


def test_every_visible_text_is_in_every_language(exhibit):
    languages = tuple(language.code for language in exhibit.languages)
    assert "sv" in languages
    found: dict[tuple, str] = {}
    count = 0
    for place, keys, text in placed_texts(exhibit):
        count += 1
        assert isinstance(place, Place) and isinstance(text, Text)
        problem = untranslated(keys, text, languages)
        if problem:
            # An inline chart's categories are both written and resolved: say it once.
            found.setdefault((place.file, place.line, text.by_lang), f"{place}: {problem}")
    # The walk must really reach the exhibit's texts, or this test would pass on nothing.
    assert count > 100, f"only {count} texts found: the walk misses the exhibit's texts"
    if found:
        by_file: dict[str, list[str]] = {}
        for (file, line, _), message in sorted(found.items(), key=lambda item: item[0][:2]):
            by_file.setdefault(file, []).append(message)
        summary = [f"{file}: {len(messages)}" for file, messages in by_file.items()]
        lines = [message for messages in by_file.values() for message in messages]
        pytest.fail(f"{len(found)} visible texts are not given in every language "
                    f"({', '.join(summary)}):\n" + "\n".join(lines), pytrace=False)


def test_the_check_sees_a_plain_text():
    """A plain text with letters fails; a plain year, a label's placeholders and a text in
    every language pass; a text without Swedish fails."""
    both = ("en", "sv")
    assert untranslated(("title",), Text.plain("Stalin"), both)
    assert untranslated(("title",), Text((("en", "Home"),)), both)
    assert untranslated(("date",), Text.plain("1921"), both) is None
    assert untranslated(("date",), Text.plain("1930–1931"), both) is None
    assert untranslated(("labels", "page_of"), Text.plain("{page} / {count}"), both) is None
    assert untranslated(("body",), Text.plain("{page} / {count}"), both)
    assert untranslated(("title",), Text((("en", "Stalin"), ("sv", "Stalin"))), both) is None
    assert untranslated(("title",), Text.plain("Čeka"), both)  # any letter, not only a–z


def test_page_base_is_walked():
    """The walk goes into a page's own fields (title, sources), not only into nested ones."""
    page = PageBase(title=Text.plain("Before Stalin"), sources=(Text.plain("Notes"),), notes="for curators")
    assert [keys for keys, _ in texts_in(page)] == [("title",), ("sources", 0)]
