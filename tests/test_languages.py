"""English and Swedish: a visitor switches with one tap on any screen, and every word follows.

The walk runs on the shipped exhibit, which is complete in both languages: on every page of
every chapter the visitor taps "Svenska" in the chapter's header, and every word on the screen
must change (except a language's own name, figures and the few texts the content gives alike
in both languages, such as a name), while the visitor stays on the same page. Numbers and
dates follow the language; a missing translation is reported with its file and line.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.content.loader import load_exhibit
from kiosk.content.model import Text
from kiosk.hyphens import SOFT_HYPHEN, hyphenate, plain
from kiosk.session import Screen
from tests.conftest import CONTENT
from tests.touch import settle, start_visit, tap

BROKEN_BASE = Path(__file__).parent / "data" / "broken" / "base"
LETTER = re.compile(r"[^\W\d_]")


def texts_alike_in_both(exhibit) -> set[str]:
    """The texts the content gives the same in English and in Swedish (names, mostly)."""
    alike = set()

    def walk(obj):
        if isinstance(obj, Text):
            if obj.get("en") == obj.get("sv"):
                alike.add(obj.get("en"))
        elif isinstance(obj, (tuple, list)):
            for item in obj:
                walk(item)
        elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for field in dataclasses.fields(obj):
                walk(getattr(obj, field.name))

    walk(exhibit)
    return alike


def shown_words(kiosk) -> dict[int, tuple[object, str]]:
    """Every label and button a visitor sees now, by widget: its words, without soft hyphens."""
    window = kiosk.window
    seen = {}
    for widget in [*window.findChildren(QLabel), *window.findChildren(QPushButton)]:
        words = plain(widget.text()).strip()
        if not words or not widget.isVisibleTo(window):
            continue
        where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if where.intersects(window.rect()):
            seen[id(widget)] = (widget, words)
    return seen


def unchanged_words(before, after, alike, languages) -> list[str]:
    """The words that stayed English after the switch to Swedish."""
    stayed = []
    for key, (widget, words) in before.items():
        if key not in after or after[key][1] != words:
            continue
        if not LETTER.search(words) or words in languages or words in alike:
            continue
        if all(line.strip() in alike or not LETTER.search(line) for line in words.splitlines()):
            continue
        stayed.append(f"{widget.objectName() or type(widget).__name__}: {words[:70]!r}")
    return stayed


def language_button(screen, code):
    return next(b for b in screen.language_buttons if b.objectName() == f"language-{code}")


def test_every_word_on_every_page_follows_a_tap_on_svenska_and_the_visitor_stays_put(kiosk, qtbot):
    exhibit = kiosk.session.exhibit
    alike = texts_alike_in_both(exhibit)
    languages = {language.name for language in exhibit.languages}
    start_visit(kiosk, qtbot)
    stayed, pages = [], 0
    for index, chapter in enumerate(exhibit.chapters):
        kiosk.session.go_home()
        settle(kiosk, qtbot)
        tap(kiosk.screens.home.tiles[index])
        settle(kiosk, qtbot)
        if kiosk.session.state.screen is Screen.ADVISORY:
            before = shown_words(kiosk)
            kiosk.session.set_language("sv")
            stayed += [f"{chapter.id} advisory: {w}" for w in
                       unchanged_words(before, shown_words(kiosk), alike, languages)]
            kiosk.session.set_language("en")
            tap(kiosk.screens.advisory.continue_button)
            settle(kiosk, qtbot)
        screen = kiosk.screens.chapter
        assert kiosk.session.state.screen is Screen.CHAPTER
        for page in range(len(chapter.pages)):
            before = shown_words(kiosk)
            tap(language_button(screen, "sv"))
            settle(kiosk, qtbot)
            state = kiosk.session.state
            assert (state.language, state.chapter, state.page) == ("sv", index, page)
            assert kiosk.window.current_screen() is screen
            stayed += [f"{chapter.id} page {page + 1}: {w}" for w in
                       unchanged_words(before, shown_words(kiosk), alike, languages)]
            tap(language_button(screen, "en"))
            settle(kiosk, qtbot)
            assert kiosk.session.state.page == page  # back in English, still on the same page
            pages += 1
            if page + 1 < len(chapter.pages):
                tap(screen.next_button)
                settle(kiosk, qtbot)
    assert pages == sum(len(c.pages) for c in exhibit.chapters)
    assert stayed == [], "still in English after the switch:\n" + "\n".join(stayed)


def test_the_home_screen_and_the_attract_screen_follow_the_switch(kiosk, qtbot):
    exhibit = kiosk.session.exhibit
    alike = texts_alike_in_both(exhibit)
    languages = {language.name for language in exhibit.languages}
    start_visit(kiosk, qtbot)
    before = shown_words(kiosk)
    tap(language_button(kiosk.screens.home, "sv"))
    assert kiosk.session.state.language == "sv"
    assert unchanged_words(before, shown_words(kiosk), alike, languages) == []
    assert [b.property("role") for b in kiosk.screens.home.language_buttons] == ["quiet", "primary"]
    kiosk.session.reset()
    settle(kiosk, qtbot)
    attract = kiosk.screens.attract
    assert kiosk.session.state.language == "en"
    assert attract.invitation.text() == exhibit.labels.touch_to_begin.get("en")
    # One tap on "Svenska" on the attract screen: the visit begins, in Swedish.
    tap(language_button(attract, "sv"))
    assert (kiosk.session.state.screen, kiosk.session.state.language) == (Screen.HOME, "sv")
    settle(kiosk, qtbot)
    assert kiosk.screens.home.tiles[0].accessibleName() == plain(exhibit.chapters[0].title.get("sv"))


def test_a_tapped_bar_gives_its_figure_the_languages_way(qtbot, qapp, view_context, shipped_exhibit):
    from kiosk.ui.pages.chart_page import ChartPageView
    from tests.test_chart_view import ARRESTED, callout_texts, tap as tap_bar

    page = shipped_exhibit.chapter("02-secret-police").page_by_id("gpu-1924")
    view = ChartPageView(page, dataclasses.replace(view_context, lang="sv"))
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    qtbot.waitExposed(view)
    tap_bar(view, ARRESTED, 0)  # the first row: the "bandits"
    assert "11\u00a0453" in callout_texts(view)
    assert not any("11,453" in text for text in callout_texts(view))


@pytest.mark.parametrize("lang, million, decimal", [("en", "5,078,174", "6.8"), ("sv", "5\u00a0078\u00a0174", "6,8")])
def test_numbers_are_written_the_languages_way(view_context, lang, million, decimal):
    ctx = dataclasses.replace(view_context, lang=lang)
    assert (ctx.number(5_078_174), ctx.number(6.8)) == (million, decimal)


@pytest.mark.parametrize("lang, words", [("en", "Tuesday"), ("sv", "tisdag")])
def test_the_closed_card_names_the_day_in_the_language(view_context, lang, words):
    from kiosk.ui.closed import reopening_words

    ctx = dataclasses.replace(view_context, lang=lang)
    said = reopening_words(ctx, datetime(2026, 12, 8, 10, 0))  # a Tuesday
    assert words in said and "10:00" in said


def test_long_swedish_words_may_break_at_their_joints_and_short_ones_never():
    word = hyphenate("tvångskollektiviseringen", "sv")
    assert plain(word) == "tvångskollektiviseringen"
    assert word.startswith(f"tvångs{SOFT_HYPHEN}")
    assert hyphenate("Före den stora terrorn, 1921–1931", "sv") == "Före den stora terrorn, 1921–1931"
    assert hyphenate("Tvångskollektiviseringen", "xx") == "Tvångskollektiviseringen"  # no dictionary


def test_the_parsed_rules_are_kept_in_the_data_folder_and_a_damaged_copy_is_made_again(tmp_path, monkeypatch):
    import pyphen

    from kiosk import hyphens

    def fresh(word: str) -> str:  # as a new process: no rules in memory yet
        hyphens._dictionary.cache_clear()
        hyphens.hyphenate.cache_clear()
        monkeypatch.setattr(pyphen, "hdcache", {})
        return hyphens.hyphenate(word, "sv")

    monkeypatch.setattr(hyphens, "_kept_in", None)
    hyphens.keep_rules_in(tmp_path)
    expected = fresh("tvångskollektiviseringen")
    [kept] = (tmp_path / hyphens.RULES_FOLDER).iterdir()
    assert expected.startswith(f"tvångs{SOFT_HYPHEN}") and kept.name == "hyph_sv.pickle"
    made = kept.stat().st_mtime_ns
    assert fresh("tvångskollektiviseringen") == expected and kept.stat().st_mtime_ns == made  # read back
    kept.write_bytes(b"not rules at all")
    assert fresh("tvångskollektiviseringen") == expected  # parsed again, and kept anew
    assert kept.read_bytes() != b"not rules at all"
    hyphens._dictionary.cache_clear()
    hyphens.hyphenate.cache_clear()


def test_a_drawn_name_breaks_at_a_soft_hyphen_and_shows_the_hyphen(qapp):
    from PySide6.QtGui import QFont, QFontMetricsF

    from kiosk.ui.pages.wrapping import wrap_lines

    metrics = QFontMetricsF(QFont("Noto Sans", 20))
    text = hyphenate("Tvångskollektiviseringen började", "sv")
    lines = wrap_lines(text, metrics, metrics.horizontalAdvance("Tvångskollektivi-"))
    assert lines[0].endswith("-") and SOFT_HYPHEN not in "".join(lines)
    assert "".join(lines).replace("-", "") == "Tvångskollektiviseringenbörjade"
    assert all(metrics.horizontalAdvance(line) <= metrics.horizontalAdvance("Tvångskollektivi-") for line in lines[:-1])


def test_a_label_missing_its_swedish_in_exhibit_yaml_is_reported_with_its_line(tmp_path, capsys):
    from kiosk.cli import main

    folder = tmp_path / "content"
    shutil.copytree(BROKEN_BASE, folder)
    exhibit = folder / "exhibit.yaml"
    lines = exhibit.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text == "  home: Home")
    lines[line - 1] = "  home: {en: Home}"
    exhibit.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["validate", "--strict", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (f"{folder}/exhibit.yaml:{line}: labels → home: missing the sv text: add it, since a text "
            "given by language needs every language of the exhibit (en, sv)") in out


def test_a_csv_missing_its_swedish_categories_is_reported_with_its_line(tmp_path, capsys):
    from kiosk.cli import main

    folder = tmp_path / "content"
    shutil.copytree(BROKEN_BASE, folder)
    figures = folder / "chapters" / "01-base" / "figures.csv"
    rows = figures.read_text(encoding="utf-8").splitlines()
    column = rows[0].split(",").index("year@sv")
    figures.write_text("\n".join(",".join(c for k, c in enumerate(r.split(",")) if k != column)
                                 for r in rows) + "\n", encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (f"{figures}:1: the exhibit has more than one language, so the categories need "
            "translating: add the column(s) 'year@sv'") in out


def test_the_shipped_exhibit_loads_in_both_languages():
    result = load_exhibit(CONTENT)
    assert [language.code for language in result.exhibit.languages] == ["en", "sv"]
    assert [language.name for language in result.exhibit.languages] == ["English", "Svenska"]
    assert not result.errors, result.errors


def test_a_chart_label_cut_in_swedish_alone_is_reported(tmp_path, capsys):
    from kiosk.cli import main

    folder = tmp_path / "content"
    shutil.copytree(BROKEN_BASE, folder)
    chapter = folder / "chapters" / "01-base" / "chapter.yaml"
    long = ("Norra delen av landet, där de flesta av böndernas byar låg långt från järnvägen och "
            "städerna, och där vintern var lång och mörk")
    text = chapter.read_text(encoding="utf-8")
    assert "{en: North, sv: Norr}" in text
    chapter.write_text(text.replace("{en: North, sv: Norr}", f'{{en: North, sv: "{long}"}}'), encoding="utf-8")
    assert main(["validate", "--strict", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"the label '{long}' is cut to" in out
    assert "the label 'North'" not in out


def test_a_language_tap_sets_words_and_leaves_every_style_alone(kiosk, qtbot):
    """Only words change: the window is not restyled (which repolished every widget and let
    memory grow by a little on each switch), while a text-size tap still restyles it."""
    from PySide6.QtCore import QEvent, QObject

    class StyleChanges(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.StyleChange:
                self.count += 1
            return False

    start_visit(kiosk, qtbot)
    home = kiosk.screens.home
    watch = StyleChanges()
    home.tiles[0].title.installEventFilter(watch)
    tap(language_button(home, "sv"))
    assert kiosk.session.state.language == "sv"
    assert home.tiles[0].accessibleName() == plain(kiosk.session.exhibit.chapters[0].title.get("sv"))
    assert watch.count == 0
    tap(home.text_size_button)
    assert watch.count > 0
