"""The staff side: the admin gesture (kiosk.ui.admin.gesture), the PIN pad (.pinpad) and the
admin screen (.screen); the last two load after the first frame, with the screens they make."""
