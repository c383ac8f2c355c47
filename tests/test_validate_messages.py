"""Messages that once sent a curator the wrong way, each with the fix that is really needed.

A text block with a line indented less than its first was "probably a missing colon"; a page
whose ``type`` is misspelt got no did-you-mean, and the picture it names was called unused as
well. Each case adds one chapter to the base exhibit of ``test_validate_broken.py`` and runs the
real command line; the messages are asserted word for word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_validate_broken import BASE, UNUSED, Case, build, counts, shown, validate, yaml_text

PICTURE = (BASE / "chapters/01-base/artwork.svg").read_text()
FIGURES = "year,year@sv,people\n1921,1921,10\n"

CASES = [
    Case("text-block-indented-less", {"60-block/chapter.yaml": yaml_text("""
        title: A text block
        teaser: One line of the text is a space short.
        pages:
          - type: text
            body: |
              The first line of the text.
             The second line, one space short.
              The third line.
        """)}, (
        "chapters/60-block/chapter.yaml:7: YAML syntax error, probably bad indentation in the text that "
        "starts on line 5: line 7 is indented 5 spaces, less than the text's first line (6): indent "
        "every line of the text by 6 spaces (YAML said: while parsing a block mapping did not find "
        "expected key)",
    )),
    Case("text-block-line-at-the-keys", {"61-block/chapter.yaml": yaml_text("""
        title: A folded text
        teaser: One line of the text stands where the keys do.
        pages:
          - type: quote
            attribution: Someone.
            quote: >
              The first line of the quote.
            The second line, two spaces short.
        """)}, (
        "chapters/61-block/chapter.yaml:8: YAML syntax error, probably bad indentation in the text that "
        "starts on line 6: line 8 is indented 4 spaces, less than the text's first line (6): indent "
        "every line of the text by 6 spaces, or, if this line starts a new key, give it its colon (YAML "
        "said: while scanning a simple key could not find expected ':')",
    )),
    Case("page-type-misspelt", {
        "62-typ/map.svg": PICTURE,
        "62-typ/figures.csv": FIGURES,
        "62-typ/leftover.svg": PICTURE,
        "62-typ/chapter.yaml": yaml_text("""
            title: Misspelt types
            teaser: Pages whose type is misspelt or under another key.
            pages:
              - type: text
                body: Hello.
              - typ: image
                file: map.svg
                caption: A map.
                credit: Made for the tests.
                alt: A map.
              - kind: chart
                chart: {kind: bar, unit: people, data: figures.csv}
              - typ: imgae
                file: map.svg
            """)}, (
        "chapters/62-typ/chapter.yaml:6: pages → 2: this page has no 'type': did you mean 'type: image' "
        "in place of 'typ: image'?",
        "chapters/62-typ/chapter.yaml:11: pages → 3: this page has no 'type': did you mean 'type: "
        "chart' in place of 'kind: chart'?",
        "chapters/62-typ/chapter.yaml:13: pages → 4: this page has no 'type': did you mean 'type' in "
        "place of 'typ'? Give it one of text, image, chart, figure, timeline, quote",
        "chapters/62-typ/leftover.svg: " + UNUSED,
    )),
    Case("files-of-pages-left-out", {
        "63-left-out/one.svg": PICTURE,
        "63-left-out/two.svg": PICTURE,
        "63-left-out/three.svg": PICTURE,
        "63-left-out/chapter.yaml": yaml_text("""
            title: Pages left out
            teaser: Their pictures are named, so not unused.
            artwrok: one.svg
            pages:
              - type: quiz
                file: two.svg
              - type: image
                file: [three.svg]
                caption: A picture.
                credit: Made for the tests.
                alt: A picture.
            """)}, (
        "chapters/63-left-out/chapter.yaml:3: unknown key 'artwrok': did you mean 'artwork'?",
        "chapters/63-left-out/chapter.yaml:5: pages → 1 → type: unknown page type 'quiz': expected one "
        "of text, image, chart, figure, timeline, quote",
        "chapters/63-left-out/chapter.yaml:8: pages → 2 → file: expected text, got a list",
    )),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_each_message_points_at_the_real_fix(case, tmp_path: Path, monkeypatch, capsys):
    build(tmp_path, [case])
    code, out, err = validate(tmp_path, monkeypatch, capsys)
    assert out[:-1] == shown(case)
    assert out[-1].endswith(counts(case.errors, len(case.expected) - case.errors))
    assert (code, err) == (1, "")
