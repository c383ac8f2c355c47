"""The Qt binding the kiosk runs on must not leak references to None (PySide6 6.12.0 on
Python 3.11 did, and aborted the interpreter within minutes: see pyproject.toml)."""

import sys

from PySide6.QtWidgets import QWidget


def test_thousands_of_qt_calls_leave_none_alone(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
    assert abs(sys.getrefcount(None) - before) < 50
