"""What the kiosk reads of, and sends to, the system, without Qt: systemd's notify socket and
watchdog variables as sd_notify(3) reads them, and ``xset q`` as X servers print it."""

from __future__ import annotations

import logging
import os
import socket

import pytest

from kiosk.system.notify import Notifier, notify_address, watchdog_interval_s
from kiosk.system.xset import Blanking, parse_query

ME = os.getpid()


@pytest.mark.parametrize("environ, interval", [
    ({}, None),
    ({"WATCHDOG_USEC": "10000000"}, 10.0),
    ({"WATCHDOG_USEC": "10000000", "WATCHDOG_PID": str(ME)}, 10.0),
    ({"WATCHDOG_USEC": "10000000", "WATCHDOG_PID": str(ME + 1)}, None),  # the service's main process is another
    ({"WATCHDOG_USEC": "0"}, None),
    ({"WATCHDOG_USEC": "ten"}, None),
    ({"WATCHDOG_USEC": "10000000", "WATCHDOG_PID": "me"}, None),
])
def test_the_watchdog_is_ours_only_as_sd_watchdog_enabled_reads_it(environ, interval):
    assert watchdog_interval_s(environ, pid=ME) == interval


@pytest.mark.parametrize("given, address", [
    ("/run/user/1000/systemd/notify", "/run/user/1000/systemd/notify"),
    ("@/org/freedesktop/systemd1/notify/123", "\0/org/freedesktop/systemd1/notify/123"),
    ("", None),
    ("vsock:2:1234", None),  # a kind of socket this module does not speak: silence, not a crash
])
def test_the_notify_socket_is_a_path_or_an_abstract_name(given, address):
    assert notify_address({"NOTIFY_SOCKET": given}) == address


def test_a_message_is_one_datagram_to_an_abstract_socket():
    name = f"kiosk-test-notify-{ME}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind("\0" + name)
        notifier = Notifier({"NOTIFY_SOCKET": "@" + name})
        assert notifier.send("READY=1", "STATUS=showing the exhibit")
        notifier.close()
        assert systemd.recv(4096) == b"READY=1\nSTATUS=showing the exhibit"


def test_with_no_notify_socket_nothing_is_sent_or_said(caplog):
    notifier = Notifier({})
    assert not notifier.send("READY=1")
    assert caplog.records == []


def test_a_notify_socket_that_is_gone_is_logged_once_not_per_heartbeat(tmp_path, caplog):
    notifier = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        assert not notifier.send("WATCHDOG=1")
        assert not notifier.send("WATCHDOG=1")
    notifier.close()
    assert [record.getMessage() for record in caplog.records] == [
        f"systemd's notify socket {tmp_path / 'gone'} took no message (No such file or directory); "
        "the service may count the kiosk as not started or frozen"]


XVFB_QUERY = """Keyboard Control:
  auto repeat:  on    key click percent:  0    LED mask:  00000000
  auto repeat delay:  660    repeat rate:  25
  bell percent:  50    bell pitch:  400    bell duration:  100
Pointer Control:
  acceleration:  2/1    threshold:  4
Screen Saver:
  prefer blanking:  yes    allow exposures:  yes
  timeout:  600    cycle:  600
Colors:
  default colormap:  0x20    BlackPixel:  0x0    WhitePixel:  0xffffff
Font Path:
  /usr/share/fonts/X11/misc,built-ins
DPMS (Energy Star):
  Server does not have the DPMS Extension
"""
XORG_QUERY = XVFB_QUERY.replace("yes    allow", "no    allow").replace("timeout:  600", "timeout:  0").replace(
    "  Server does not have the DPMS Extension\n",
    "  Standby: 600    Suspend: 600    Off: 600\n  DPMS is Enabled\n  Monitor is On\n")


@pytest.mark.parametrize("query, blanking, args", [
    (XVFB_QUERY, Blanking(600, 600, True, None), ["s", "600", "600", "s", "blank"]),
    (XORG_QUERY, Blanking(0, 600, False, True), ["s", "0", "600", "s", "noblank", "+dpms"]),
    (XORG_QUERY.replace("DPMS is Enabled", "DPMS is Disabled"), Blanking(0, 600, False, False),
     ["s", "0", "600", "s", "noblank", "-dpms"]),
], ids=["xvfb", "xorg-dpms-on", "xorg-dpms-off"])
def test_xset_q_is_read_and_set_back_as_it_was(query, blanking, args):
    assert parse_query(query) == blanking
    assert blanking.xset_args() == args


def test_an_xset_answer_without_screen_saver_settings_is_refused():
    with pytest.raises(ValueError, match="xset q showed no screen saver settings"):
        parse_query("xset:  unable to open display \":9\"\n")
