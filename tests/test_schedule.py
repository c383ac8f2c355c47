"""The opening hours and the nightly restart, Qt-free: a week read from exhibit.yaml, asked on a
wall clock the test sets; and the restart itself, in a real process that starts again."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from kiosk import restart
from kiosk.content.loader import load_exhibit
from kiosk.content.model import ClockTime, Hours, OpeningHours
from kiosk.schedule import LOOK_AGAIN, Schedule, Week, next_time
from tests.conftest import CONTENT

TUESDAY = datetime(2026, 3, 3)  # 2026-03-03 is a Tuesday


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """Day ``day`` of the week of TUESDAY (0 = Monday 2 March) at hour:minute."""
    return datetime(2026, 3, 2 + day, hour, minute)


WEEK = OpeningHours(default=Hours("10:00-17:00"), monday=Hours("closed"),
                    thursday=Hours("10:00-12:00, 13:00-20:00"))


def test_a_day_not_named_takes_the_default_and_without_one_is_closed():
    assert Week.of(WEEK).days == (
        (), ((600, 1020),), ((600, 1020),), ((600, 720), (780, 1200)), ((600, 1020),), ((600, 1020),),
        ((600, 1020),))
    assert Week.of(OpeningHours(friday=Hours("10:00-17:00"))).days == ((),) * 4 + (((600, 1020),),) + ((),) * 2
    assert Week.of(None) is None


@pytest.mark.parametrize("when, open_", [
    (at(0, 12), False),  # Monday: closed
    (at(1, 9, 59), False), (at(1, 10), True), (at(1, 16, 59), True), (at(1, 17), False),
    (at(3, 12, 30), False), (at(3, 13), True), (at(3, 19, 59), True),  # Thursday's lunch and late night
])
def test_open_from_the_opening_minute_to_the_closing_one(when, open_):
    assert Week.of(WEEK).is_open(when) is open_


@pytest.mark.parametrize("now, change, opening", [
    (at(0, 12), at(1, 10), at(1, 10)),  # Monday (closed): Tuesday 10:00
    (at(1, 12), at(1, 17), None),  # open: it closes at 17:00, no opening to announce
    (at(1, 17), at(2, 10), at(2, 10)),
    (at(3, 12), at(3, 13), at(3, 13)),  # Thursday's lunch
    (at(6, 18), at(8, 10), at(8, 10)),  # Sunday evening: past the closed Monday, to Tuesday
])
def test_the_next_change_and_the_next_opening(now, change, opening):
    week = Week.of(WEEK)
    assert week.next_change(now) == change
    assert week.next_opening(now) == opening


def test_spans_that_meet_at_midnight_are_one_opening():
    week = Week.of(OpeningHours(friday=Hours("18:00-24:00"), saturday=Hours("00:00-02:00")))
    assert week.next_change(at(4, 19)) == at(5, 2)


def test_a_week_that_never_opens_has_no_opening():
    week = Week.of(OpeningHours(default=Hours("closed")))
    assert week.next_opening(at(1, 12)) is None and week.next_change(at(1, 12)) is None


@pytest.mark.parametrize("now, due", [
    (at(1, 3, 0), at(1, 3, 30)), (at(1, 3, 30), at(2, 3, 30)), (at(1, 12), at(2, 3, 30))])
def test_the_nightly_restart_falls_due_after_the_start(now, due):
    assert next_time(ClockTime("03:30"), now) == due


class Wall:
    def __init__(self, when: datetime):
        self.now = when.timestamp()

    def __call__(self) -> float:
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when.timestamp()


@pytest.fixture(scope="module")
def exhibit():
    import dataclasses

    shipped = load_exhibit(CONTENT).exhibit
    return dataclasses.replace(shipped, opening_hours=WEEK, nightly_restart=ClockTime("03:30"))


def test_the_restart_waits_for_the_end_of_a_visit_and_stays_due(exhibit):
    wall = Wall(at(1, 1, 0))
    schedule = Schedule(exhibit, wall)
    assert not schedule.restart_now(visit_under_way=False)  # 01:00: not yet
    wall.set(at(1, 3, 30))
    assert not schedule.restart_now(visit_under_way=True)  # a visitor in the middle of a visit
    wall.set(at(1, 3, 41))
    assert schedule.restart_now(visit_under_way=False)  # the visit over, still due


def test_the_floor_sleeps_until_the_next_change_but_never_long(exhibit):
    wall = Wall(at(1, 9, 55))
    schedule = Schedule(exhibit, wall)  # started 09:55: the restart is tomorrow 03:30
    assert schedule.wait() == 300  # to the opening
    wall.set(at(1, 12))
    assert schedule.wait() == LOOK_AGAIN  # a clock put right is noticed within this
    wall.set(at(2, 3, 31))  # the restart is due and put off by a visit: no waking every millisecond
    assert schedule.wait() == LOOK_AGAIN


def test_without_hours_or_restart_the_floor_never_wakes():
    schedule = Schedule(load_exhibit(CONTENT).exhibit, Wall(at(1, 12)))
    assert schedule.is_open() and schedule.wait() is None and schedule.reopens() is None
    assert not schedule.restart_now(visit_under_way=False)


# --- the restart itself -------------------------------------------------------------------------


def test_under_its_systemd_service_the_kiosk_exits_for_the_service_to_restart_it():
    assert restart.under_service({"SYSTEMD_EXEC_PID": str(os.getpid())})
    assert not restart.under_service({"SYSTEMD_EXEC_PID": "1"})  # a service started what started us
    assert not restart.under_service({})


SCRIPT = textwrap.dedent("""
    import os, sys
    from kiosk import restart
    if os.environ.get("STARTED"):
        print("started again as", os.getpid(), sys.argv[1:], flush=True)
        sys.exit(3)
    os.environ["STARTED"] = "1"
    print("first start as", os.getpid(), flush=True)
    sys.exit(restart.restart())
""")


def test_elsewhere_the_kiosk_starts_itself_again_with_the_same_command_line(tmp_path):
    script = tmp_path / "kiosk_like.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SYSTEMD_EXEC_PID"}
    done = subprocess.run([sys.executable, str(script), "content", "--windowed"], capture_output=True, text=True,
                          env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}, timeout=120)
    first, again = done.stdout.splitlines()
    pid = first.split()[-1]
    assert again == f"started again as {pid} ['content', '--windowed']"  # the same process, anew
    assert done.returncode == 3


def test_under_the_service_the_restart_is_an_exit_0(tmp_path):
    script = tmp_path / "kiosk_like.py"
    script.write_text(SCRIPT.replace('os.environ["STARTED"] = "1"',
                                     'os.environ["SYSTEMD_EXEC_PID"] = str(os.getpid())'), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert (done.returncode, len(done.stdout.splitlines())) == (restart.RESTART_EXIT, 1)
