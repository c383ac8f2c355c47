"""The kiosk on the floor with content that changes under it: snapshot, unavailable screen,
pages left out, reloads that keep the visitor's place. Real files in a temporary folder,
the real kiosk, a real data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.owner import Source
from kiosk.session import Screen
from kiosk.ui.unavailable import BODY, TITLE
from tests.conftest import running
from tests.test_kiosk_staff import open_admin
from tests.touch import settle, start_visit, tap

SECRET_POLICE = "02-secret-police"


def break_title(folder: Path) -> None:
    """A misspelt top-level key in exhibit.yaml: the exhibit has no title, so it cannot run."""
    exhibit = folder / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    exhibit.write_text(text.replace("title: Before the Great Terror", "titel: Before the Great Terror"),
                       encoding="utf-8")


def edit(folder: Path, rel: str, old: str, new: str) -> None:
    path = folder / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_broken_exhibit_yaml_runs_the_last_good_snapshot_and_staff_see_why(
        open_floor, content_copy, tmp_path, qtbot, clock):
    data = tmp_path / "kiosk-data"
    first = open_floor(content_copy, data=data)
    running(first, qtbot)
    assert first.delivery.source is Source.FOLDER
    first.stop()

    break_title(content_copy)
    floor = open_floor(content_copy, data=data, clock=clock)
    kiosk = running(floor, qtbot)
    assert floor.delivery.source is Source.SNAPSHOT
    assert kiosk.screens.attract.title.text() == "Before the Great Terror"
    assert floor.window.current_screen() is kiosk.screens.attract
    screen = open_admin(kiosk, qtbot, clock)
    shown = screen.shown_problems()
    assert shown[0] == (f"{content_copy}: the content folder cannot be used, so the last content that "
                        "loaded without errors is running: fix the problems listed here, then reload")
    assert any(f"{content_copy}/exhibit.yaml" in line and "'titel'" in line for line in shown[1:])


def test_with_no_snapshot_the_unavailable_screen_shows_until_the_folder_is_fixed(
        open_floor, content_copy, qtbot):
    text = (content_copy / "exhibit.yaml").read_text(encoding="utf-8")
    (content_copy / "exhibit.yaml").write_text(text.replace("idle: {timeout: 90, warning: 20}",
                                                            "idle: {timeout: 90, warning: 20"), encoding="utf-8")
    floor = open_floor(content_copy)
    assert floor.kiosk is None
    assert floor.window.current_screen() is floor.unavailable
    assert (floor.unavailable.title.text(), floor.unavailable.body.text()) == (TITLE, BODY)
    assert floor.unavailable.isVisible()

    (content_copy / "exhibit.yaml").write_text(text, encoding="utf-8")  # the curator's fix
    kiosk = running(floor, qtbot)
    assert floor.window.current_screen() is kiosk.screens.attract
    assert floor.unavailable is None
    settle(kiosk, qtbot)
    start_visit(kiosk, qtbot)
    assert len(kiosk.screens.home.tiles) == 8


def test_a_folder_that_is_not_there_shows_the_unavailable_screen(open_floor, tmp_path):
    floor = open_floor(tmp_path / "unplugged")
    assert floor.kiosk is None and floor.window.current_screen() is floor.unavailable


def test_a_broken_page_is_left_out_alone_and_staff_see_it(open_floor, content_copy, qtbot, clock):
    edit(content_copy, f"chapters/{SECRET_POLICE}/chapter.yaml",
         "values: [105000, 180000]", "values: [105000, ten]")
    floor = open_floor(content_copy, clock=clock)
    kiosk = running(floor, qtbot)
    assert floor.delivery.source is Source.FOLDER
    chapter = kiosk.session.exhibit.chapter(SECRET_POLICE)
    assert [page.id for page in chapter.pages] == ["names", "year-1924", "gpu-1924", "letters"]
    assert len(kiosk.session.exhibit.chapters) == 8
    screen = open_admin(kiosk, qtbot, clock)
    assert any(f"chapters/{SECRET_POLICE}/chapter.yaml" in line and "'ten'" in line
               for line in screen.shown_problems())


def test_a_reload_keeps_the_visitor_on_the_page_they_were_reading(open_floor, content_copy, qtbot):
    floor = open_floor(content_copy)
    kiosk = running(floor, qtbot)
    start_visit(kiosk, qtbot)
    index = [c.id for c in kiosk.session.exhibit.chapters].index(SECRET_POLICE)
    tap(kiosk.screens.home.tiles[index])
    settle(kiosk, qtbot)
    tap(kiosk.screens.advisory.continue_button)
    settle(kiosk, qtbot)
    tap(kiosk.screens.chapter.next_button)
    settle(kiosk, qtbot)
    assert kiosk.session.place().page == "personnel"

    edit(content_copy, f"chapters/{SECRET_POLICE}/chapter.yaml",
         "title: One service, several names", "title: One police, several names")
    shutil.rmtree(content_copy / "chapters" / "04-five-year-plan")  # positions move, ids do not
    with qtbot.waitSignal(kiosk.content_reloaded, timeout=10000):
        floor.feed.request()  # as a reload or the preview asks
    assert kiosk.session.state.screen is Screen.CHAPTER
    assert kiosk.session.place().page == "personnel"
    assert kiosk.screens.chapter.stack.current_view().page.id == "personnel"
    assert kiosk.screens.chapter.indicator.text() == "2 / 5"


def test_a_reload_of_unchanged_files_changes_nothing_on_the_floor(open_floor, content_copy, qtbot):
    floor = open_floor(content_copy)
    kiosk = running(floor, qtbot)
    screens = kiosk.screens
    with qtbot.waitSignal(floor.feed.delivered, timeout=10000):
        floor.feed.request()
    assert kiosk.screens is screens and floor.kiosk is kiosk


def test_staff_reload_of_broken_content_keeps_the_exhibit_on_the_floor(open_floor, content_copy, qtbot, clock):
    floor = open_floor(content_copy, clock=clock)
    kiosk = running(floor, qtbot)
    screens = kiosk.screens
    screen = open_admin(kiosk, qtbot, clock)
    edit(content_copy, "exhibit.yaml", "idle: {timeout: 90, warning: 20}", "idle: {timeout: 90, warning: 20")
    with qtbot.waitSignal(floor.feed.delivered, timeout=10000):
        tap(screen.reload_button)
    assert kiosk.screens is screens  # the snapshot of these very files: nothing to replace
    shown = screen.shown_problems()
    assert shown[0].endswith("fix the problems listed here, then reload")
    assert any("exhibit.yaml:10: YAML syntax error" in line for line in shown)
    tap(screen.back_button)
    assert kiosk.window.current_screen() is kiosk.screens.attract
    assert kiosk.screens.attract.title.text() == "Before the Great Terror"
