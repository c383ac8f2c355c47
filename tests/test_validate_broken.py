"""``kiosk validate`` on broken content: every problem, with its file and line, in one run.

Each case adds one broken chapter folder to a small, valid exhibit in two languages
(``tests/data/broken/base``) and runs the real command line on it. The messages are asserted
word for word: they are what a curator reads, so a change to one is a change to the product.
The last tests put every broken chapter into one folder and check that all of them are
reported at once.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Union

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_exhibit

BASE = Path(__file__).parent / "data" / "broken" / "base"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
LONG_BODY = " ".join(["word"] * 160)
LONG_CAPTION = " ".join(["word"] * 110)
UNUSED = ("warning: nothing uses this file: name it in a page (file:, artwork: or data:), or move "
          "it out of the content folder")

Maker = Callable[[Path], None]
Content = Union[str, bytes, Maker]


def yaml_text(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def png(width: int, height: int) -> Maker:
    """A one-colour PNG of the given size: tiny on disk however wide it is."""

    def make(path: Path) -> None:
        from PySide6.QtGui import QImage

        image = QImage(width, height, QImage.Format.Format_Mono)
        image.fill(0)
        assert image.save(str(path), "PNG")

    return make


def folder(path: Path) -> None:
    path.mkdir()


def link_outside(path: Path) -> None:
    """A link from inside the content folder to a real picture outside it."""
    outside = path.parents[3] / "outside.svg"
    shutil.copy(BASE / "chapters" / "01-base" / "artwork.svg", outside)
    path.symlink_to(outside)


def locked(path: Path) -> None:
    path.write_text("<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>")
    path.chmod(0)


@dataclass(frozen=True)
class Case:
    """One broken chapter: its files (relative to chapters/) and the lines validate prints."""

    id: str
    files: dict[str, Content]
    expected: tuple[str, ...]
    root_can_read: bool = True

    @property
    def errors(self) -> int:
        return sum(": warning: " not in line for line in self.expected)


CASES = [
    # --- YAML syntax: the line to fix, and a hint for the usual cause --------------------------
    Case("yaml-tab", {"10-tab/chapter.yaml": "title: Tab\nteaser: A tab indents a page.\npages:\n\t- type: text\n"}, (
        "chapters/10-tab/chapter.yaml:4: YAML syntax error, probably a tab character: indent with "
        "spaces only (set your editor to insert spaces) (YAML said: while scanning for the next token "
        "found character that cannot start any token)",
    )),
    Case("yaml-missing-colon", {"11-colon/chapter.yaml": yaml_text("""
        title: Colon
        teaser A colon is missing.
        pages: []
        """)}, (
        "chapters/11-colon/chapter.yaml:2: YAML syntax error, probably a missing colon: every key "
        "needs one, as in 'caption: text' (YAML said: while scanning a simple key could not find "
        "expected ':')",
    )),
    Case("yaml-bad-indentation", {"12-indent/chapter.yaml": yaml_text("""
        title: Indentation
        teaser: A key is one space short.
        pages:
          - type: text
            body: Hello.
           title: Greeting
        """)}, (
        "chapters/12-indent/chapter.yaml:6: YAML syntax error, probably bad indentation: keys of "
        "the same level must start in the same column, and so must the '-' of every item in a list "
        "(YAML said: while parsing a block collection did not find expected '-' indicator)",
    )),
    Case("yaml-indented-too-far", {"13-too-far/chapter.yaml": yaml_text("""
        title: Indentation
          teaser: This key is indented under a key that has a value.
        pages: []
        """)}, (
        "chapters/13-too-far/chapter.yaml:2: YAML syntax error, probably bad indentation: this line "
        "starts further right than the key above it, which already has a value: line it up with "
        "that key (YAML said: mapping values are not allowed in this context)",
    )),
    Case("yaml-unclosed-quote", {"14-quote/chapter.yaml": yaml_text("""
        title: Quote
        teaser: "The quote is never closed.
        pages:
          - type: text
            body: Hello.
        """)}, (
        "chapters/14-quote/chapter.yaml:2: YAML syntax error, probably an unclosed quote: end the "
        "text with the same quote mark (YAML said: while scanning a quoted scalar found unexpected "
        "end of stream)",
    )),
    # --- Values of the wrong kind, keys missing, misspelt or given twice ------------------------
    Case("wrong-types", {"15-types/chapter.yaml": yaml_text("""
        title: Types
        teaser: [a list, not a text]
        pages:
          - type: figure
            value: ten
            label: A figure in words.
          - type: chart
            chart:
              kind: pie
              unit: people
              categories: [a]
              series:
                - label: s
                  values: [one]
        """)}, (
        "chapters/15-types/chapter.yaml:2: teaser: expected text, or one text per language (en, sv), "
        "got a list: write the text after the colon, or one line per language under it (en: …)",
        "chapters/15-types/chapter.yaml:5: pages → 1 → value: expected a number, got 'ten': write "
        "digits only, without spaces, commas or units (5078174, 6.8)",
        "chapters/15-types/chapter.yaml:9: pages → 2 → chart → kind: expected one of bar, "
        "grouped-bar, horizontal-bar, line; got 'pie'",
        "chapters/15-types/chapter.yaml:14: pages → 2 → chart → series → 1 → values → 1: expected a "
        "number, '?' (or null) for unknown, or '-' for not applicable; got 'one'",
    )),
    Case("missing-keys", {"16-missing/chapter.yaml": yaml_text("""
        title: Missing keys
        pages:
          - type: image
            file: ../01-base/artwork.svg
            credit: Made for the tests.
            alt: A grey square.
        """)}, (
        "chapters/16-missing/chapter.yaml:1: missing key 'teaser' (One or two lines on its tile): add it",
        "chapters/16-missing/chapter.yaml:3: pages → 1: missing key 'caption' (What the picture "
        "shows): add it",
    )),
    Case("unknown-key", {"17-unknown/chapter.yaml": yaml_text("""
        title: Unknown key
        teaser: A misspelt key.
        pages:
          - type: image
            file: ../01-base/artwork.svg
            captoin: A drawing.
            credit: Made for the tests.
            alt: A grey square.
        """)}, (
        "chapters/17-unknown/chapter.yaml:6: pages → 1: unknown key 'captoin': did you mean 'caption'?",
    )),
    Case("duplicate-key", {"18-duplicate/chapter.yaml": yaml_text("""
        title: Duplicate key
        teaser: A key given twice.
        pages:
          - type: text
            body: The first text.
            title: A title
            body: The second text.
        """)}, (
        "chapters/18-duplicate/chapter.yaml:7: pages → 1 → body: duplicate key: 'body' is also on "
        "line 5; keep one of the two",
    )),
    # --- Files that are missing, unreadable, not images, or outside the content folder ---------
    Case("missing-file", {
        "19-missing-file/artwork.svg": (BASE / "chapters/01-base/artwork.svg").read_text(),
        "19-missing-file/chapter.yaml": yaml_text("""
            title: Missing file
            teaser: The artwork's name is misspelt.
            artwork: artwrok.svg
            pages:
              - type: image
                file: map.png
                caption: A map that is not there.
                credit: Made for the tests.
                alt: A map.
            """)}, (
        "chapters/19-missing-file/artwork.svg: " + UNUSED,
        "chapters/19-missing-file/chapter.yaml:3: artwork: file not found: 'artwrok.svg'; did you "
        "mean 'artwork.svg'?",
        "chapters/19-missing-file/chapter.yaml:6: pages → 1 → file: file not found: 'map.png'; check "
        "the spelling, and that the file is there (a name is relative to this file's folder)",
    )),
    # Root reads a file whatever its mode, so as root a file cannot be made unreadable by
    # chmod; this case is left out then. A folder named like the file is the case that also
    # runs as root: it exists but cannot be read as a file either.
    Case("unreadable-file", {
        "20-unreadable/locked.svg": locked,
        "20-unreadable/chapter.yaml": yaml_text("""
            title: Unreadable file
            teaser: The artwork cannot be read.
            artwork: locked.svg
            pages: [{type: quote, quote: Words., attribution: Someone.}]
            """)}, (
        "chapters/20-unreadable/chapter.yaml:3: artwork: 'locked.svg' cannot be read (Permission "
        "denied): check the file's permissions",
    ), root_can_read=False),
    Case("folder-not-file", {
        "21-folder/map.png": folder,
        "21-folder/chapter.yaml": yaml_text("""
            title: A folder, not a file
            teaser: The artwork is a folder.
            artwork: map.png
            pages: [{type: quote, quote: Words., attribution: Someone.}]
            """)}, (
        "chapters/21-folder/chapter.yaml:3: artwork: 'map.png' is a folder, not a file: name the "
        "file itself",
    )),
    Case("not-an-image", {
        "22-garbage/map.png": b"GIF? JPEG? Neither: these bytes are no picture at all.\x00\x01\x02\xff",
        "22-garbage/chapter.yaml": yaml_text("""
            title: Not an image
            teaser: The picture is garbage.
            artwork: map.png
            pages: [{type: quote, quote: Words., attribution: Someone.}]
            """)}, (
        "chapters/22-garbage/chapter.yaml:3: artwork: 'map.png' cannot be decoded as an image "
        "(Unsupported image format): export it again as PNG, JPEG or SVG",
    )),
    Case("a-gif", {
        "48-gif/letters.gif": (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04"
                               b"\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"),
        "48-gif/chapter.yaml": yaml_text("""
            title: A GIF
            teaser: A picture in a format the bundle cannot show.
            artwork: letters.gif
            pages: [{type: quote, quote: Words., attribution: Someone.}]
            """)}, (
        "chapters/48-gif/chapter.yaml:3: artwork: 'letters.gif' is a GIF picture, and the kiosk shows "
        "only PNG, JPEG and SVG: export it again as PNG (or JPEG for a photograph)",
    )),
    Case("too-large-to-open", {
        "29-too-large/poster.png": png(20000, 20000),
        "29-too-large/chapter.yaml": yaml_text("""
            title: Too large
            teaser: An image Qt refuses to open.
            artwork: poster.png
            pages: [{type: quote, quote: Words., attribution: Someone.}]
            """)}, (
        "chapters/29-too-large/chapter.yaml:3: artwork: 'poster.png' is 20000×20000 pixels, too large "
        "for the kiosk to open at all (no screen shows more than 3840×2160): scale it down",
    )),
    Case("outside-the-content", {
        "23-outside/link.svg": link_outside,
        "23-outside/chapter.yaml": yaml_text("""
            title: Outside
            teaser: Files outside the content folder.
            artwork: ../../../outside.svg
            pages:
              - type: image
                file: /etc/hostname
                caption: An absolute path.
                credit: Made for the tests.
                alt: Nothing.
              - type: image
                file: link.svg
                caption: A link to a file outside.
                credit: Made for the tests.
                alt: Nothing.
            """)}, (
        "chapters/23-outside/chapter.yaml:3: artwork: '../../../outside.svg' leaves the content "
        "folder: copy the file into this chapter's folder and name it from there",
        "chapters/23-outside/chapter.yaml:6: pages → 1 → file: '/etc/hostname' is an absolute path: "
        "name the file relative to this file's folder, e.g. images/map.svg",
        "chapters/23-outside/chapter.yaml:11: pages → 2 → file: 'link.svg' is a link to a file "
        "outside the content folder: put a copy of the file here in place of the link",
    )),
    # --- Figures: CSV rows, numbers, totals --------------------------------------------------------
    Case("csv-rows", {
        "24-csv/figures.csv": "year,year@sv,people\n1921,1921,10,5\n1925,1925,twenty\n1926,1926,7\n1927\n",
        "24-csv/chapter.yaml": yaml_text("""
            title: CSV
            teaser: A CSV file with mistakes.
            pages:
              - type: chart
                chart:
                  kind: bar
                  unit: people
                  data: figures.csv
                  series:
                    - column: people
                      total: 37
            """)}, (
        "chapters/24-csv/figures.csv:2: this row has 4 cells but the header has 3: check for a "
        "missing or stray comma, and put a text that contains a comma in double quotes",
        "chapters/24-csv/figures.csv:3: people: expected a number, '?' or an empty cell for unknown, "
        "or '-' for not applicable; got 'twenty': write the figure in digits, without units",
        "chapters/24-csv/figures.csv:5: this row has 1 cell but the header has 3: check for a "
        "missing or stray comma, and put a text that contains a comma in double quotes",
    )),
    Case("csv-blank-category", {
        "44-blank/figures.csv": "year,year@sv,people\n1921,1921,10\n,1925,20\n1926,,7\n",
        "44-blank/chapter.yaml": yaml_text("""
            title: Blank
            teaser: A CSV row without its category.
            pages:
              - type: chart
                chart:
                  kind: bar
                  unit: people
                  data: figures.csv
            """)}, (
        "chapters/44-blank/figures.csv:3: year: this row has no category name: write the bar's "
        "name in the first column (in every language's column)",
        "chapters/44-blank/figures.csv:4: year: this row has no category name: write the bar's "
        "name in the first column (in every language's column)",
    )),
    Case("total-does-not-match", {"25-total/chapter.yaml": yaml_text("""
        title: Total
        teaser: A total that does not add up.
        pages:
          - type: chart
            chart:
              kind: bar
              unit: people
              categories: [a, b, c]
              series:
                - label: s
                  values: [1, 2, "?"]
                  total: 4
        """)}, (
        "chapters/25-total/chapter.yaml:12: pages → 1 → chart → series → 1 → total: the total 4 does "
        "not match the figures, which add up to 3 (unknown figures not counted): correct a figure or "
        "the total",
    )),
    Case("names-that-point-at-nothing", {
        "30-references/figures.csv": "year,year@sv,people\n1921,1921,10\n",
        "30-references/chapter.yaml": yaml_text("""
            title: References
            teaser: Names that point at nothing.
            pages:
              - type: chart
                chart:
                  kind: bar
                  unit: people
                  data: figures.csv
                  series:
                    - column: peple
              - type: chart
                chart:
                  kind: bar
                  unit: people
                  categories: [North, South]
                  series:
                    - {label: s, values: [1, 2]}
                  annotations:
                    - {category: East, text: A note.}
              - type: quiz
                title: A page of an unknown kind
            """)}, (
        "chapters/30-references/chapter.yaml:10: pages → 1 → chart → series → 1 → column: the CSV "
        "file has no column 'peple'; did you mean 'people'?",
        "chapters/30-references/chapter.yaml:19: pages → 2 → chart → annotations → 1 → category: no "
        "category 'East' in this chart; known categories: North, South",
        "chapters/30-references/chapter.yaml:20: pages → 3 → type: unknown page type 'quiz': expected "
        "one of text, image, chart, figure, timeline, quote",
    )),
    Case("data-and-categories", {
        "37-both/figures.csv": "year,year@sv,people\n1921,1921,10\n",
        "37-both/chapter.yaml": yaml_text("""
            title: Both
            teaser: A CSV file and inline categories.
            pages:
              - type: chart
                chart:
                  kind: bar
                  unit: people
                  data: figures.csv
                  categories: [North, South]
                  series:
                    - column: people
            """)}, (
        "chapters/37-both/chapter.yaml:9: pages → 1 → chart → categories: give either data: (a CSV "
        "file) or categories: with values, not both",
    )),
    # --- Languages ------------------------------------------------------------------------------
    Case("missing-language", {"26-language/chapter.yaml": yaml_text("""
        title: {en: Only in English}
        teaser: A title without its Swedish text.
        pages:
          - type: text
            body: {en: Hello, sv: Hej, de: Hallo}
        """)}, (
        "chapters/26-language/chapter.yaml:1: title: missing the sv text: add it, since a text given "
        "by language needs every language of the exhibit (en, sv)",
        "chapters/26-language/chapter.yaml:5: pages → 1 → body: 'de' is not one of the exhibit's "
        "languages (en, sv): remove it, or add the language to exhibit.yaml",
    )),
    Case("empty-texts", {"38-empty/chapter.yaml": yaml_text("""
        title: {}
        teaser: {en: "", sv: Tom}
        pages:
          - type: timeline
            events:
              - {date: {}, title: {en: "  ", sv: Tom}}
        """)}, (
        "chapters/38-empty/chapter.yaml:1: title: the text is empty: write it, or remove the key",
        "chapters/38-empty/chapter.yaml:2: teaser → en: the text is empty: write it, or remove the key",
        "chapters/38-empty/chapter.yaml:6: pages → 1 → events → 1 → date: the text is empty: write it, "
        "or remove the key",
        "chapters/38-empty/chapter.yaml:6: pages → 1 → events → 1 → title → en: the text is empty: "
        "write it, or remove the key",
    )),
    # --- YAML features that content files do not use --------------------------------------------
    Case("yaml-tag", {"27-tag/chapter.yaml": yaml_text("""
        title: !!python/object/apply:os.system ["echo hello"]
        teaser: A tag that would run a command.
        pages: [{type: quote, quote: Words., attribution: Someone.}]
        """)}, (
        "chapters/27-tag/chapter.yaml:1: the tag '!!python/object/apply:os.system' is not allowed: "
        "remove it and write a plain value",
    )),
    Case("yaml-alias", {"28-alias/chapter.yaml": yaml_text("""
        title: Alias
        teaser: &words An anchored text.
        pages:
          - type: text
            body: *words
        """)}, (
        "chapters/28-alias/chapter.yaml:5: this repeats the value anchored with '&' on line 2; "
        "anchors and aliases (& and *) are not used in content files: write the value out in full",
    )),
    # --- Figures that YAML reads as something else ---------------------------------------------
    Case("figures-read-as-text", {"31-as-text/chapter.yaml": yaml_text("""
        title: Figures read as text
        teaser: A tag, quotes and a bare question mark.
        pages:
          - type: figure
            value: !!str 18200
            label: Tagged as text.
          - type: figure
            value: "18200"
            label: Quoted.
          - type: chart
            chart:
              kind: bar
              unit: people
              categories: [a, b]
              series:
                - label: s
                  values: [1, ?]
          - type: chart
            chart:
              kind: bar
              unit: people
              categories: [a, b]
              series:
                - label: t
                  values: [1]
        """)}, (
        "chapters/31-as-text/chapter.yaml:5: pages → 1 → value: expected a number, got '18200', "
        "which the tag !!str marks as text: remove the !!str",
        "chapters/31-as-text/chapter.yaml:8: pages → 2 → value: expected a number, got '18200', "
        "which the quotes mark as text: remove the quotes",
        "chapters/31-as-text/chapter.yaml:17: pages → 3 → chart → series → 1 → values → 2: expected a "
        "number, '?' (or null) for unknown, or '-' for not applicable; got an unquoted ?: YAML reads "
        "a bare ? as a sign of its own, so write it in quotes: \"?\"",
        "chapters/31-as-text/chapter.yaml:25: pages → 4 → chart → series → 1 → values: 1 figure for "
        "2 categories: give one figure per category, in the same order ('?' where unknown)",
    )),
    Case("question-mark-opens-a-list", {"32-question/chapter.yaml": yaml_text("""
        title: A question mark first
        teaser: An unknown figure first in its list, unquoted.
        pages:
          - type: chart
            chart:
              kind: bar
              unit: people
              categories: [a, b]
              series:
                - {label: s, values: [?, 180000]}
        """)}, (
        "chapters/32-question/chapter.yaml:10: YAML syntax error, probably an unquoted ? in a list: "
        "YAML reads a bare ? as a sign of its own, so write it in quotes: \"?\" (YAML said: while "
        "parsing a flow sequence did not find expected ',' or ']')",
    )),
    # --- Lists that must not be empty, numbers that must be in range ---------------------------
    Case("no-pages", {"33-no-pages/chapter.yaml": yaml_text("""
        title: No pages
        teaser: A chapter with an empty list of pages.
        pages: []
        """)}, (
        "chapters/33-no-pages/chapter.yaml:3: pages: a chapter needs at least one page: add one, "
        "like - {type: text, body: …}",
    )),
    Case("empty-page", {"45-empty-page/chapter.yaml": yaml_text("""
        title: An empty page
        teaser: A dash with nothing after it.
        pages:
          - type: text
            body: Hello.
          -
        """)}, (
        "chapters/45-empty-page/chapter.yaml:6: pages → 2: this page is empty (a '-' with nothing "
        "after it): write the page under it, like - {type: text, body: …}, or remove the dash",
    )),
    Case("no-events", {"34-no-events/chapter.yaml": yaml_text("""
        title: No events
        teaser: A timeline with an empty list of events.
        pages:
          - type: timeline
            events: []
        """)}, (
        "chapters/34-no-events/chapter.yaml:5: pages → 1 → events: a timeline needs at least one "
        "event: add one, like - {date: \"1921\", title: …}",
    )),
    Case("idle-timeout-out-of-range", {"35-idle/chapter.yaml": yaml_text("""
        title: Idle timeouts
        teaser: Pages that ask for no time, or for a week.
        pages:
          - type: text
            body: No time at all.
            idle_timeout: 0
          - type: text
            body: A week.
            idle_timeout: 604800
        """)}, (
        "chapters/35-idle/chapter.yaml:6: pages → 1 → idle_timeout: expected a number of seconds "
        "above 0 and at most 86400 (24 hours), got 0: correct it, or remove the key",
        "chapters/35-idle/chapter.yaml:9: pages → 2 → idle_timeout: expected a number of seconds "
        "above 0 and at most 86400 (24 hours), got 604800: correct it, or remove the key",
    )),
    Case("text-emptied-by-a-comment", {"36-emptied/chapter.yaml": yaml_text("""
        title: #1 in the charts
        teaser: A title that YAML reads as a comment.
        pages:
          - type: quote
            quote: Words.
            attribution:
              en: #42
              sv: "#42"
        """)}, (
        "chapters/36-emptied/chapter.yaml:1: title: expected text, or one text per language (en, sv), "
        "got nothing: a # starts a comment in YAML: put the text in quotes, like \"#1 in the charts\"",
        "chapters/36-emptied/chapter.yaml:7: pages → 1 → attribution → en: expected text, got nothing: "
        "a # starts a comment in YAML: put the text in quotes, like \"#42\"",
    )),
]

WARNING_CASES = [
    # YAML ends a plain text at ' #'. Only a '#' straight before a letter or digit is taken for a
    # cut text: comments written the usual way, '# like this', are left alone.
    Case("text-cut-by-a-comment", {"43-cut/chapter.yaml": yaml_text("""
        title: Crime #1
        teaser: A title cut short, and an optional text emptied.   # a real comment
        notes: For curators  # another real comment
        pages:
          - type: quote
            quote: Words.
            attribution: Someone.
            context: #2 on the list
            idle_timeout: 90   # seconds
        """)}, (
        "chapters/43-cut/chapter.yaml:1: warning: title: the text stops before '#': a # starts a "
        "comment in YAML, so only 'Crime' is shown: put the whole text in quotes, like \"Crime #1\"",
        "chapters/43-cut/chapter.yaml:8: warning: pages → 1 → context: this key has no value: a # "
        "starts a comment in YAML: put the text in quotes, like \"#2 on the list\", or remove the key",
    )),
    Case("long-texts", {"40-long/chapter.yaml": yaml_text(f"""
        title: Long texts
        teaser: Texts longer than a screen holds.
        pages:
          - type: text
            body: {LONG_BODY}
          - type: image
            file: ../01-base/artwork.svg
            caption: {LONG_CAPTION}
            credit: Made for the tests.
            alt: A grey square.
        """)}, (
        # measured on the screens (kiosk.ui.fit), not guessed from word counts: the 160 words of
        # the body fit; the caption, in a column widened for it, fits at the usual text size and
        # runs past the foot of the page in large text
        "chapters/40-long/chapter.yaml:8: warning: pages → 2 → caption: does not fit its space at 1920×1080 "
        "with text at 1.5× (needs 19 lines, 11 show); cut about 44 words",
        "chapters/40-long/chapter.yaml:8: warning: pages → 2 → caption: does not fit its space at 1366×768 "
        "with text at 1.5× (needs 19 lines, 10 show); cut about 50 words",
    )),
    Case("huge-image", {
        "41-huge/wide.png": png(7681, 10),
        "41-huge/chapter.yaml": yaml_text("""
            title: A huge image
            teaser: Wider than any screen.
            artwork: wide.png
            pages: [{type: quote, quote: Words., attribution: Someone.}]
            """)}, (
        "chapters/41-huge/chapter.yaml:3: warning: artwork: 'wide.png' is 7681×10 pixels, far more "
        "than any screen shows (at most 3840×2160): scale it down to save memory and start-up time",
    )),
    Case("unused-file", {
        "42-unused/old-draft.svg": (BASE / "chapters/01-base/artwork.svg").read_text(),
        "42-unused/chapter.yaml": yaml_text("""
            title: An unused file
            teaser: A leftover draft.
            pages: [{type: quote, quote: Words., attribution: Someone.}]
            """)}, (
        "chapters/42-unused/old-draft.svg: " + UNUSED,
    )),
]

ALL_CASES = CASES + WARNING_CASES


def runnable(case: Case) -> bool:
    return case.root_can_read or not IS_ROOT


def build(tmp_path: Path, cases: list[Case]) -> Path:
    """The base exhibit with the cases' chapters added, as tmp_path/content."""
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    for case in cases:
        for rel, made in case.files.items():
            path = content / "chapters" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(made, str):
                path.write_text(made, encoding="utf-8")
            elif isinstance(made, bytes):
                path.write_bytes(made)
            else:
                made(path)
    return content


def validate(tmp_path, monkeypatch, capsys, *args: str) -> tuple[int, list[str], str]:
    """Run ``kiosk validate content ARGS`` from tmp_path: exit code, stdout lines, stderr."""
    monkeypatch.chdir(tmp_path)
    code = main(["validate", "content", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def shown(case: Case) -> list[str]:
    return [f"content/{line}" for line in case.expected]


def counts(errors: int, warnings: int) -> str:
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    return f": {plural(errors, 'error')}, {plural(warnings, 'warning')}"


def params(cases):
    return [
        pytest.param(case, id=case.id, marks=() if runnable(case) else pytest.mark.skip(
            reason="running as root, which reads a file whatever its permissions"))
        for case in cases
    ]


def test_the_base_exhibit_is_valid(tmp_path, monkeypatch, capsys):
    build(tmp_path, [])
    code, out, err = validate(tmp_path, monkeypatch, capsys, "--strict")
    summary = "checked content: 1 chapter, 7 pages, 2 charts, 1 image, 2 languages: 0 errors, 0 warnings"
    assert (code, out, err) == (0, [summary], "")


@pytest.mark.parametrize("case", params(CASES))
def test_each_error_is_reported_word_for_word(case, tmp_path, monkeypatch, capsys):
    build(tmp_path, [case])
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out[:-1] == shown(case)
    assert out[-1].endswith(counts(case.errors, len(case.expected) - case.errors))
    assert (code, err) == (1, "")


@pytest.mark.parametrize("case", params(WARNING_CASES))
def test_each_warning_is_reported_word_for_word(case, tmp_path, monkeypatch, capsys):
    build(tmp_path, [case])
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out[:-1] == shown(case)
    assert out[-1].endswith(counts(0, len(case.expected)))
    assert (code, err) == (0, "")


@pytest.mark.parametrize("case", params(WARNING_CASES))
def test_strict_fails_on_a_warning(case, tmp_path, monkeypatch, capsys):
    build(tmp_path, [case])
    code, out, _ = validate(tmp_path, monkeypatch, capsys, "--strict")
    assert (code, out[:-1]) == (1, shown(case))


def test_every_problem_is_reported_in_one_run(tmp_path, monkeypatch, capsys):
    cases = [case for case in ALL_CASES if runnable(case)]
    build(tmp_path, cases)
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    # Content with errors is not measured on the screens (kiosk.ui.fit): no fit warnings here.
    expected = [line for case in cases for line in shown(case) if not re.search(r" at \d+×\d+", line)]
    assert Counter(out[:-1]) == Counter(expected)
    assert out[:-1] == sorted(out[:-1], key=_file_and_line), "problems are listed file by file, line by line"
    errors = sum(case.errors for case in cases)
    assert out[-1].endswith(counts(errors, len(expected) - errors))
    assert (code, err) == (1, "")


def test_warnings_alone_pass_unless_strict(tmp_path, monkeypatch, capsys):
    build(tmp_path, WARNING_CASES)
    assert validate(tmp_path, monkeypatch, capsys)[0] == 0
    assert validate(tmp_path, monkeypatch, capsys, "--strict")[0] == 1


def _file_and_line(line: str) -> tuple:
    file, _, rest = line.partition(":")
    number = rest.partition(":")[0]
    return (file, int(number) if number.isdigit() else 0)


@pytest.mark.parametrize("make, says", [
    pytest.param(lambda tmp: tmp / "content", "content is not a folder: give the content folder, "
                 "the one that holds exhibit.yaml", id="no-such-folder"),
    pytest.param(lambda tmp: (tmp / "content").mkdir(), "content is not a content folder: it has no "
                 "exhibit.yaml", id="folder-without-exhibit"),
    pytest.param(lambda tmp: (tmp / "content").write_text("title: a file\n"), "content is not a "
                 "folder: give the content folder, the one that holds exhibit.yaml", id="a-file"),
])
def test_a_folder_that_is_not_content_exits_2(make, says, tmp_path, monkeypatch, capsys):
    make(tmp_path)
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert (code, out, err) == (2, [], f"kiosk validate: {says}\n")


def test_the_image_pass_leaves_none_alone(tmp_path):
    """PySide6 6.12.0 on Python 3.11 takes a reference from None on every call of a method that
    returns nothing; an image pass that made such calls would abort Python after some thousand
    images (``Fatal Python error: none_dealloc``)."""
    from kiosk.ui.imagecheck import check_images

    files = load_exhibit(build(tmp_path, [])).files
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(300):
        check_images(files)
    gc.collect()
    assert sys.getrefcount(None) - before > -100
