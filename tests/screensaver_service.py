"""A desktop's freedesktop ScreenSaver service, for the kiosk's tests: run as
``python screensaver_service.py RECORD COOKIE`` on a session bus of the test's own.

It answers ``Inhibit(app, reason)`` with COOKIE and writes each call it gets to RECORD, one
line each (``Inhibit<TAB>app<TAB>reason<TAB>cookie``, ``UnInhibit<TAB>cookie``), and says
"ready" on stdout once it owns its name. Its methods take the types the specification
gives (strings, then a uint32 cookie), checked as strictly as KDE's QtDBus service checks
them: a cookie sent as another type finds no method.
"""

import sys
from pathlib import Path

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    def __init__(self, record: Path, cookie: int):
        super().__init__()
        self._record, self._cookie = record, cookie

    def _write(self, *fields) -> None:
        with self._record.open("a", encoding="utf-8") as record:
            record.write("\t".join(str(field) for field in fields) + "\n")

    @Slot(str, str, result="uint")
    def Inhibit(self, app: str, reason: str) -> int:  # noqa: N802 (the specification's name)
        self._write("Inhibit", app, reason, self._cookie)
        return self._cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:  # noqa: N802
        self._write("UnInhibit", cookie)


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    screen_saver = ScreenSaver(Path(sys.argv[1]), int(sys.argv[2]))
    if not (bus.registerObject("/org/freedesktop/ScreenSaver", screen_saver, QDBusConnection.ExportAllSlots)
            and bus.registerService("org.freedesktop.ScreenSaver")):
        print(f"cannot serve org.freedesktop.ScreenSaver: {bus.lastError().message()}", flush=True)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
