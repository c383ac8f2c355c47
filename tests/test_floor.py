"""The kiosk on the floor with content that changes under it: snapshot, unavailable screen,
pages left out, reloads that keep the visitor's place. Real files in a temporary folder,
the real kiosk, a real data folder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.owner import Source
from kiosk.session import Screen
from kiosk.ui.unavailable import BODY, TITLE
from tests.conftest import REPO, running
from tests.test_kiosk_staff import open_admin
from tests.touch import settle, start_visit, tap

SECRET_POLICE = "02-secret-police"


def break_title(folder: Path) -> None:
    """A misspelt top-level key in exhibit.yaml: the exhibit has no title, so it cannot run."""
    exhibit = folder / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith("title:"))  # the top-level key
    lines[at] = "titel:" + lines[at][len("title:"):]
    exhibit.write_text("".join(lines), encoding="utf-8")


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


def start_kiosk_process(folder: Path, data: Path, state: Path, output: Path) -> subprocess.Popen:
    """``kiosk run FOLDER --data-dir DATA`` in a process of its own, offscreen, its log in
    ``state`` (XDG_STATE_HOME) and what it prints in ``output``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(state)}
    with output.open("a", encoding="utf-8") as printed:
        return subprocess.Popen([sys.executable, "-m", "kiosk", "run", str(folder), "--data-dir", str(data)],
                                cwd=REPO, stdout=printed, stderr=subprocess.STDOUT, env=env)


def until(what: str, done, process: subprocess.Popen, output: Path, seconds: float = 60) -> None:
    """Poll ``done()`` until it is true; fail, with what the kiosk printed, if the kiosk exits
    or ``seconds`` pass first."""
    deadline = time.monotonic() + seconds
    while not done():
        if process.poll() is not None or time.monotonic() > deadline:
            gone = f"exited with {process.returncode}" if process.returncode is not None else "still running"
            raise AssertionError(f"no {what} ({gone}); it printed:\n{output.read_text(encoding='utf-8')[-3000:]}")
        time.sleep(0.05)


def first_frames(log_file: Path) -> int:
    """How many kiosks have painted their first frame: each logs the content's version then
    (off the UI thread), by when it shows what it runs."""
    return log_file.read_text(encoding="utf-8").count("; content ") if log_file.exists() else 0


def test_a_killed_kiosk_restarted_on_broken_content_runs_its_snapshot(content_copy, tmp_path):
    data, state, output = tmp_path / "data", tmp_path / "state", tmp_path / "output.txt"
    log_file = state / "kiosk" / "log" / "kiosk.log"
    first = start_kiosk_process(content_copy, data, state, output)
    try:
        until("first frame", lambda: first_frames(log_file) == 1, first, output)
        until("snapshot", (data / "snapshot" / "fingerprint.txt").exists, first, output)
    finally:
        first.send_signal(signal.SIGKILL)  # as a crash or a power cut would end it: no clean-up
        first.wait(timeout=30)

    break_title(content_copy)
    second = start_kiosk_process(content_copy, data, state, output)
    try:
        until("first frame", lambda: first_frames(log_file) == 2, second, output)
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait(timeout=30)
    log = log_file.read_text(encoding="utf-8")
    said = [line.split(" kiosk: ", 1)[1] for line in log.splitlines() if " kiosk: " in line]
    after_restart = said[said.index(next(s for s in said if s.startswith("showing "))) + 1:]
    assert said.count("showing 'Before the Great Terror' from the folder") == 1  # the first start
    assert f"the content folder {content_copy} cannot be used: running the snapshot of the last content " \
           "that loaded without errors" in after_restart
    assert "showing 'Before the Great Terror' from the snapshot" in after_restart
    assert not any(line.startswith("nothing to show") for line in said)
    assert "Traceback" not in output.read_text(encoding="utf-8")


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
         "en: One service, several names", "en: One police, several names")
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
    idle = "idle: {timeout: 90, warning: 20}"
    lines = (content_copy / "exhibit.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index(idle) + 1  # the line the broken mapping is on
    edit(content_copy, "exhibit.yaml", idle, "idle: {timeout: 90, warning: 20")
    with qtbot.waitSignal(floor.feed.delivered, timeout=10000):
        tap(screen.reload_button)
    assert kiosk.screens is screens  # the snapshot of these very files: nothing to replace
    shown = screen.shown_problems()
    assert shown[0].endswith("fix the problems listed here, then reload")
    assert any(f"exhibit.yaml:{line}: YAML syntax error" in problem for problem in shown)
    tap(screen.back_button)
    assert kiosk.window.current_screen() is kiosk.screens.attract
    assert kiosk.screens.attract.title.text() == "Before the Great Terror"
