"""The curators' live preview: real files in a temporary folder, saved while the preview runs;
the real file-system notifications, the real kiosk in the preview's window.

Nothing here sleeps: each test waits (``qtbot.waitUntil``) for what the curator would see. The
generous timeouts are for a busy machine; how fast a save shows is tests/bench_preview.py's.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.session import Screen
from kiosk.ui.widgets import MarkdownLabel

WAIT_MS = 5000
ROOTS = "chapters/01-roots-of-terror/chapter.yaml"
DOUBTS = "From the years of NEP, the New Economic Policy, onwards, the secret police met criticism."
DOUBTS_TITLE = "en: Doubts inside the party"


@pytest.fixture
def open_preview(qtbot, tmp_path):
    """``open_preview(folder)``: the preview of ``folder`` in a 1920×1080 window, its data folder
    its own; stopped after the test."""
    from kiosk.owner import ContentOwner
    from kiosk.paths import assets_dir
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.preview.preview import Preview

    register_fonts(assets_dir() / "fonts")
    previews = []

    def start(folder: Path, size=(1920, 1080)):
        owner = ContentOwner(folder, tmp_path / "preview-data", shown_as=str(folder), snapshots=False)
        preview = Preview(owner)
        qtbot.addWidget(preview.window)
        preview.start()
        preview.window.resize(*size)
        preview.window.show()
        qtbot.waitExposed(preview.window)
        previews.append(preview)
        return preview

    yield start
    for preview in previews:
        preview.stop()


# --- what the curator does and sees ----------------------------------------------------------

def click(preview, qtbot, widget: QWidget) -> None:
    """A mouse click on a widget of the kiosk, where it is drawn in the preview's stage."""
    kiosk = preview.kiosk
    qtbot.waitUntil(lambda: not kiosk.window.holding and not kiosk.screens.chapter.busy)
    stage = preview.window.stage
    at = widget.mapTo(kiosk.window, widget.rect().center())
    qtbot.mouseClick(stage.viewport(), Qt.LeftButton, pos=stage.mapFromScene(at.toPointF()))


def open_page(preview, qtbot, chapter: int, page: int) -> None:
    """From home, the chapter's tile, then "next" until the page."""
    home = preview.kiosk.screens.home
    click(preview, qtbot, home.tiles[chapter])
    for _ in range(page):
        click(preview, qtbot, preview.kiosk.screens.chapter.next_button)
    state = preview.kiosk.session.state
    assert (state.screen, state.chapter, state.page) == (Screen.CHAPTER, chapter, page)


def shown_texts(preview) -> str:
    """Every text the page on screen shows."""
    view = preview.kiosk.screens.chapter.stack.current_view()
    texts = [w.plain_text() if isinstance(w, MarkdownLabel) else w.text()
             for w in view.findChildren(QLabel) if w.isVisibleTo(view)]
    return "\n".join(texts)


def title(preview, chapter: int) -> str:
    return preview.kiosk.screens.ctx.text(preview.kiosk.session.exhibit.chapters[chapter].title)


def where(preview):
    state = preview.kiosk.session.state
    return state.screen, state.chapter, state.page


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def save_by_rename(path: Path, text: str) -> None:
    """As most editors save: a temporary file beside it, renamed over the original."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def banner_lines(preview) -> list[str]:
    banner = preview.window.banner
    return banner.lines() if banner.isVisible() else []


# --- the tests ---------------------------------------------------------------------------------

def test_an_edit_written_in_place_appears_on_the_same_page(open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 0, 1)
    assert DOUBTS in shown_texts(preview)
    chapter = content_copy / ROOTS
    chapter.write_text(edit(chapter, DOUBTS, "From NEP on, the secret police met criticism."), encoding="utf-8")
    qtbot.waitUntil(lambda: "From NEP on, the secret police" in shown_texts(preview), timeout=WAIT_MS)
    assert where(preview) == (Screen.CHAPTER, 0, 1)
    assert not banner_lines(preview)


def test_an_edit_saved_by_a_rename_appears_on_the_same_page_and_so_does_the_next(
        open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 0, 1)
    chapter = content_copy / ROOTS
    save_by_rename(chapter, edit(chapter, DOUBTS, "Renamed into place, once."))
    qtbot.waitUntil(lambda: "Renamed into place, once." in shown_texts(preview), timeout=WAIT_MS)
    # The file now under the name is another: it is followed too, in place and by a rename.
    chapter.write_text(edit(chapter, "once.", "twice, in place."), encoding="utf-8")
    qtbot.waitUntil(lambda: "twice, in place." in shown_texts(preview), timeout=WAIT_MS)
    save_by_rename(chapter, edit(chapter, "twice, in place.", "and a third time by a rename."))
    qtbot.waitUntil(lambda: "a third time by a rename." in shown_texts(preview), timeout=WAIT_MS)
    assert where(preview) == (Screen.CHAPTER, 0, 1)


def test_a_broken_edit_shows_the_banner_over_the_last_good_page_and_the_fix_clears_it(
        open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 0, 1)
    chapter = content_copy / ROOTS
    good = chapter.read_text(encoding="utf-8")
    line = good.splitlines().index("    id: doubts") + 1
    broken = edit(chapter, "    id: doubts\n", "    id: doubts\n    titel: A misspelt key\n")
    save_by_rename(chapter, broken.replace(DOUBTS, "This text has an error beside it."))
    qtbot.waitUntil(lambda: bool(banner_lines(preview)), timeout=WAIT_MS)
    lines = banner_lines(preview)
    assert lines == [f"{chapter}:{line + 1}: pages → 2: unknown key 'titel': did you mean 'title'?"]
    assert preview.window.banner.headline.text() == (
        "1 error in the content. The preview keeps the last version without errors on screen "
        "until they are fixed.")
    assert DOUBTS in shown_texts(preview)  # the last good version, still on screen
    assert where(preview) == (Screen.CHAPTER, 0, 1)

    chapter.write_text(good.replace(DOUBTS, "Fixed, and shown."), encoding="utf-8")
    qtbot.waitUntil(lambda: not preview.window.banner.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Fixed, and shown." in shown_texts(preview), timeout=WAIT_MS)
    assert where(preview) == (Screen.CHAPTER, 0, 1)


def test_yaml_garbage_names_its_file_and_line(open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 0, 1)
    chapter = content_copy / ROOTS
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace(DOUBTS_TITLE, "en: [Doubts inside", 1), encoding="utf-8")
    qtbot.waitUntil(lambda: bool(banner_lines(preview)), timeout=WAIT_MS)
    line = text.splitlines().index(f"      {DOUBTS_TITLE}") + 1
    assert any(text.startswith(f"{chapter}:") for text in banner_lines(preview)), banner_lines(preview)
    assert str(line) in " ".join(banner_lines(preview))
    assert DOUBTS in shown_texts(preview)


def test_a_file_that_is_not_utf8_or_half_written_does_not_crash(open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 0, 1)
    chapter = content_copy / ROOTS
    good = chapter.read_text(encoding="utf-8")
    chapter.write_bytes(good.encode("utf-8").replace(DOUBTS.encode("utf-8"), "Fr\xe5n NEP".encode("latin-1"), 1))
    qtbot.waitUntil(lambda: any(f"{chapter}" in text for text in banner_lines(preview)), timeout=WAIT_MS)
    assert DOUBTS in shown_texts(preview)
    encoded = good.encode("utf-8")
    chapter.write_bytes(encoded[: len(encoded) // 2])  # a save caught half way
    qtbot.waitUntil(lambda: preview.watcher.tree.files[ROOTS][1] == len(encoded) // 2
                    and preview.problems and not preview._loading, timeout=WAIT_MS)
    assert preview.reloads == 1 and banner_lines(preview)
    assert DOUBTS in shown_texts(preview)
    chapter.write_text(good, encoding="utf-8")
    qtbot.waitUntil(lambda: not banner_lines(preview), timeout=WAIT_MS)


def test_a_deleted_exhibit_yaml_keeps_the_preview_up_and_putting_it_back_clears_the_banner(
        open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 0, 1)
    exhibit = content_copy / "exhibit.yaml"
    kept = exhibit.read_text(encoding="utf-8")
    exhibit.unlink()
    qtbot.waitUntil(lambda: bool(banner_lines(preview)), timeout=WAIT_MS)
    assert banner_lines(preview) == [f"{content_copy}: {content_copy} is not a content folder: it has no exhibit.yaml"]
    assert DOUBTS in shown_texts(preview)
    exhibit.write_text(kept, encoding="utf-8")
    qtbot.waitUntil(lambda: not banner_lines(preview), timeout=WAIT_MS)
    assert where(preview) == (Screen.CHAPTER, 0, 1)


def test_a_removed_chapter_moves_the_curator_to_the_one_now_in_its_place(open_preview, content_copy, qtbot):
    exhibit = content_copy / "exhibit.yaml"  # 04 without its attract highlight, so its removal is no error
    text = exhibit.read_text(encoding="utf-8")
    highlight = re.search(r"    - chapter: 04-five-year-plan\n(      .*\n)+", text).group()
    exhibit.write_text(text.replace(highlight, ""), encoding="utf-8")
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 3, 1)
    title = preview.kiosk.session.exhibit.chapters[4].title
    shutil.rmtree(content_copy / "chapters" / "04-five-year-plan")
    qtbot.waitUntil(lambda: preview.kiosk.session.exhibit.chapters[3].title == title, timeout=WAIT_MS)
    assert where(preview) == (Screen.CHAPTER, 3, 0)
    assert not banner_lines(preview)


def test_a_new_chapter_folder_is_noticed_and_its_files_followed(open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    count = len(preview.kiosk.session.exhibit.chapters)
    new = content_copy / "chapters" / "09-afterwards"
    new.mkdir()
    (new / "chapter.yaml").write_text(
        "title: Afterwards\nteaser: What came after.\npages:\n  - {type: text, id: one, title: One, body: First.}\n",
        encoding="utf-8")
    qtbot.waitUntil(lambda: len(preview.kiosk.session.exhibit.chapters) == count + 1, timeout=WAIT_MS)
    (new / "chapter.yaml").write_text(
        "title: Afterwards, later\nteaser: What came after.\npages:\n  - {type: text, id: one, title: One, body: First.}\n",
        encoding="utf-8")
    qtbot.waitUntil(lambda: title(preview, -1) == "Afterwards, later",
                    timeout=WAIT_MS)


def test_editor_swap_and_backup_files_ask_for_no_reload(open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    folder = content_copy / "chapters" / "01-roots-of-terror"
    for name in (".chapter.yaml.swp", "chapter.yaml~", "4913", ".#chapter.yaml", "#chapter.yaml#"):
        (folder / name).write_text("x", encoding="utf-8")
    (folder / "marker.tmp").write_text("x", encoding="utf-8")
    os.replace(folder / "marker.tmp", content_copy / "README.md.tmp")  # still an ignored name
    # A real save after them: once it shows, the swap files before it would have shown too.
    chapter = content_copy / ROOTS
    chapter.write_text(edit(chapter, "  en: Roots of the terror\n", "  en: Roots\n"), encoding="utf-8")
    qtbot.waitUntil(lambda: title(preview, 0) == "Roots", timeout=WAIT_MS)
    assert preview.reloads == 2  # the start, and the save: no reload for the editor's own files


def test_switching_screen_size_and_text_keeps_the_page(open_preview, content_copy, qtbot):
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 0, 1)
    toolbar = preview.window.toolbar
    portrait = next(a for a in toolbar.sizes.actions() if a.data() == QSize(1080, 1920))
    qtbot.mouseClick(toolbar.button_for(portrait), Qt.LeftButton)
    assert preview.kiosk.window.size() == QSize(1080, 1920)
    assert where(preview) == (Screen.CHAPTER, 0, 1)
    assert DOUBTS in shown_texts(preview)
    stage = preview.window.stage
    assert stage.scale < 1  # 1920 high in a window less high: scaled down to fit, never cut
    larger = next(a for a in toolbar.text_scales.actions() if a.data() == 1.5)
    qtbot.mouseClick(toolbar.button_for(larger), Qt.LeftButton)
    qtbot.mouseClick(toolbar.button_for(toolbar.contrast), Qt.LeftButton)
    state = preview.kiosk.session.state
    assert (state.text_scale, state.high_contrast) == (1.5, True)
    small = next(a for a in toolbar.sizes.actions() if a.data() == QSize(1366, 768))
    qtbot.mouseClick(toolbar.button_for(small), Qt.LeftButton)
    state = preview.kiosk.session.state
    assert (state.screen, state.chapter, state.page, state.text_scale, state.high_contrast) == \
        (Screen.CHAPTER, 0, 1, 1.5, True)
    assert stage.scale == 1  # it fits as it is
    assert larger.isChecked() and small.isChecked() and toolbar.contrast.isChecked()


def test_switching_language_keeps_the_page(open_preview, small_content, qtbot):
    preview = open_preview(small_content())
    open_page(preview, qtbot, 0, 1)
    toolbar = preview.window.toolbar
    assert [a.text() for a in toolbar.languages.actions()] == ["English", "Svenska"]
    swedish = toolbar.languages.actions()[1]
    qtbot.mouseClick(toolbar.button_for(swedish), Qt.LeftButton)
    assert preview.kiosk.session.state.language == "sv"
    assert where(preview) == (Screen.CHAPTER, 0, 1)
    assert preview.kiosk.screens.chapter.next_button.text().startswith("Nästa")
    wide = next(a for a in toolbar.sizes.actions() if a.data() == QSize(1366, 768))
    qtbot.mouseClick(toolbar.button_for(wide), Qt.LeftButton)
    assert preview.kiosk.session.state.language == "sv"
    assert where(preview) == (Screen.CHAPTER, 0, 1)


def test_no_idle_reset_interrupts_the_curator(open_preview, small_content, qtbot):
    folder = small_content(timeout=0.05, warning=0.05)  # the floor would start over within 0.1 s
    preview = open_preview(folder)
    open_page(preview, qtbot, 0, 3)
    chapter = folder / "chapters" / "01-story" / "chapter.yaml"
    chapter.write_text(edit(chapter, "body: Take your time.", "body: Take all the time you need."),
                       encoding="utf-8")  # a save and its reload: longer than the floor's idle time
    qtbot.waitUntil(lambda: "Take all the time you need." in shown_texts(preview), timeout=WAIT_MS)
    assert where(preview) == (Screen.CHAPTER, 0, 3)
    assert not preview.kiosk.idle.warning and not preview.kiosk.idle_overlay.isVisible()


def test_a_content_folder_removed_and_put_back_is_followed(open_preview, content_copy, tmp_path, qtbot):
    preview = open_preview(content_copy)
    open_page(preview, qtbot, 0, 1)
    shutil.copytree(content_copy, tmp_path / "kept")
    shutil.rmtree(content_copy)
    qtbot.waitUntil(lambda: bool(banner_lines(preview)), timeout=WAIT_MS)
    assert DOUBTS in shown_texts(preview)
    shutil.copytree(tmp_path / "kept", content_copy)
    chapter = content_copy / ROOTS
    qtbot.waitUntil(lambda: not banner_lines(preview), timeout=WAIT_MS)
    chapter.write_text(edit(chapter, DOUBTS, "Back, and followed."), encoding="utf-8")
    qtbot.waitUntil(lambda: "Back, and followed." in shown_texts(preview), timeout=WAIT_MS)
    assert where(preview) == (Screen.CHAPTER, 0, 1)


def test_a_preview_started_on_broken_content_shows_the_kiosk_once_it_is_fixed(open_preview, content_copy, qtbot):
    exhibit = content_copy / "exhibit.yaml"
    good = exhibit.read_text(encoding="utf-8")
    exhibit.write_text(good.replace("title: {en: Before the Great Terror", "titel: {en: Before the Great Terror", 1),
                       encoding="utf-8")
    preview = open_preview(content_copy)
    assert preview.kiosk is None
    assert preview.window.banner.headline.text().endswith("There is nothing to show until they are fixed.")
    assert any(line.startswith(f"{exhibit}:") for line in banner_lines(preview)), banner_lines(preview)
    save_by_rename(exhibit, good)
    qtbot.waitUntil(lambda: preview.kiosk is not None, timeout=WAIT_MS)
    assert not banner_lines(preview)
    assert preview.kiosk.session.state.screen is Screen.HOME  # no attract loop for a curator


def test_a_long_page_stays_scrolled_where_it_was_after_a_save(open_preview, small_content, qtbot):
    folder = small_content()
    preview = open_preview(folder)
    open_page(preview, qtbot, 0, 0)
    bar = preview.kiosk.screens.chapter.stack.current_view().scroll_area_for(Qt.Vertical).verticalScrollBar()
    assert bar.maximum() > 0
    middle = bar.maximum() // 2
    bar.setValue(middle)  # as a finger's drag would leave it
    chapter = folder / "chapters" / "01-story" / "chapter.yaml"
    chapter.write_text(edit(chapter, "Line 40 of a long read.", "The last line, edited."), encoding="utf-8")
    qtbot.waitUntil(lambda: "The last line, edited." in shown_texts(preview), timeout=WAIT_MS)
    view = preview.kiosk.screens.chapter.stack.current_view()
    assert view.scroll_area_for(Qt.Vertical).verticalScrollBar().value() == middle


def test_content_with_errors_then_unusable_says_the_older_version_is_kept(open_preview, content_copy, qtbot):
    chapter = content_copy / ROOTS
    chapter.write_text(edit(chapter, "    id: doubts\n", "    id: doubts\n    titel: A misspelt key\n"),
                       encoding="utf-8")
    preview = open_preview(content_copy)
    qtbot.waitUntil(lambda: bool(banner_lines(preview)), timeout=WAIT_MS)
    assert "the pages and chapters with errors are left out" in preview.window.banner.headline.text()
    (content_copy / "exhibit.yaml").unlink()
    qtbot.waitUntil(lambda: "could not run it" in preview.window.banner.headline.text(), timeout=WAIT_MS)
    assert preview.window.banner.headline.text() == (
        "1 error in the content. The kiosk could not run it at all: the preview keeps the last "
        "version it could show on screen until they are fixed.")
