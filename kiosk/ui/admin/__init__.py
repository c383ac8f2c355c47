"""The staff side: the admin gesture, the PIN pad and the admin screen."""

from kiosk.ui.admin.gesture import AdminGesture
from kiosk.ui.admin.pinpad import PinPad
from kiosk.ui.admin.screen import AdminScreen

__all__ = ["AdminGesture", "AdminScreen", "PinPad"]
