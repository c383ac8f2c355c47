"""Contrast: every pair of colours the kiosk draws, worked out from the theme the shipped
content sets and from the high-contrast palette, against what visitors need (WCAG): body text
and captions 7:1; large text, figures, chart colours and controls 4.5:1. A theme that falls
short is warned of by ``kiosk validate``, at the colour's line, with which way to change it."""

from __future__ import annotations


import pytest

from kiosk.content.contrast import BODY, LARGE, failing, pairs, ratio
from kiosk.content.exhibit import Colours
from kiosk.ui.theme import HIGH_CONTRAST


def test_the_ratio_is_wcags():
    assert ratio("#000000", "#ffffff") == pytest.approx(21)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # WCAG's own borderline grey
    assert ratio("#fff", "#ffffff") == 1 and ratio("#80ffffff", "#000") == pytest.approx(21)


@pytest.mark.parametrize("palette", ["shipped", "high-contrast", "default"])
def test_every_pair_the_kiosk_draws_is_readable(palette, shipped_exhibit):
    colours = {"shipped": shipped_exhibit.theme.colours, "high-contrast": HIGH_CONTRAST,
               "default": Colours()}[palette]
    drawn = pairs(colours)
    assert {pair.least for pair in drawn} == {BODY, LARGE}
    assert [(pair.what, f"{pair.ratio:.2f}") for pair in failing(colours)] == []
    # Body text and captions are held to 7:1, on the background and on tiles alike.
    assert all(pair.least == BODY for pair in drawn if pair.key in ("text", "muted"))
    assert len([pair for pair in drawn if pair.key == "series"]) == len(colours.series)


def test_the_key_figures_are_quiet_off_white_not_the_accent(view_context):
    sheet = view_context.ui.stylesheet()
    figure = sheet[sheet.index('QLabel[role="figure"]'):].split("}", 1)[0]
    assert f"color: {view_context.ui.colours.text};" in figure


def test_a_pressed_control_keeps_its_words_readable(view_context):
    """Pressed, a button turns accent: its words turn accent_text, never stay grey on red."""
    ui = view_context.ui
    sheet = ui.stylesheet()
    for rule in sheet.split("\n"):
        if ":pressed" in rule and f"background: {ui.colours.accent}" in rule:
            assert f"color: {ui.colours.accent_text}" in rule, rule
    assert ratio(ui.colours.accent_text, ui.colours.accent) >= LARGE


def test_validate_warns_of_a_colour_too_faint_at_its_line(content_copy, capsys, monkeypatch):
    from kiosk.cli import main

    exhibit = content_copy / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    shipped = Colours().accent
    assert f'    accent: "{shipped}"' in text
    exhibit.write_text(text.replace(f'    accent: "{shipped}"', '    accent: "#b3261e"'), encoding="utf-8")
    line = next(n for n, l in enumerate(exhibit.read_text(encoding="utf-8").splitlines(), 1)
                if l.startswith('    accent: "#b3261e"'))
    monkeypatch.chdir(content_copy.parent)
    assert main(["validate", "--strict", "content"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        f"content/exhibit.yaml:{line}: warning: theme → colours → accent: the accent (dates, the chosen event, "
        "the current page) on the background (#b3261e on #15171a) has a contrast of 2.75:1, less than the 4.5:1 "
        "visitors need to read it from a step or two away: make accent lighter",
        f"content/exhibit.yaml:{line}: warning: theme → colours → accent: the accent on tiles and panels "
        "(#b3261e on #22252a) has a contrast of 2.35:1, less than the 4.5:1 visitors need to read it from a "
        "step or two away: make accent lighter"]
