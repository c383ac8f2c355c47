"""``kiosk proof``: every screen of the exhibit rendered to PNG offscreen, plus a contact sheet.

Curators use it to review a change; CI runs it as a smoke test. It drives the real kiosk
through the same session calls a visitor's taps make, with animations set to none so
every picture shows the finished screen.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path
from typing import Optional

from kiosk.content.loader import LoadResult, NotContentFolder, load_exhibit
from kiosk.content.model import CellKind
from kiosk.paths import content_dir
from kiosk.screen_size import parse_size, size_problem

SHEET_COLUMNS = 6
THUMB_WIDTH = 480


def still(result):
    """The same content with every animation set to none, so each picture shows the end state."""
    theme = result.exhibit.theme
    timings = dataclasses.replace(theme.timings, page_turn_ms=0, chart_grow_ms=0, fade_ms=0)
    exhibit = dataclasses.replace(result.exhibit, theme=dataclasses.replace(theme, timings=timings))
    return dataclasses.replace(result, exhibit=exhibit)


def load(folder: Optional[str]) -> tuple[Optional[LoadResult], Path, int]:
    """The content to show, or an exit code with the reason on stderr."""
    path = content_dir(folder)
    try:
        result = load_exhibit(path)
    except NotContentFolder as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return None, path, 2
    if result.exhibit is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(f"kiosk: {path}/exhibit.yaml cannot be used: fix the problems above "
              f"(kiosk validate {path})", file=sys.stderr)
        return None, path, 1
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return result, path, 0


def run_proof(folder: Optional[str], out: str, size: str, lang: Optional[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        width, height = parse_size(size)
    except ValueError:
        print(f"kiosk proof: {size_problem('--size', size)}", file=sys.stderr)
        return 2
    result, path, code = load(folder)
    if result is None:
        return code
    codes = [language.code for language in result.exhibit.languages]
    if lang is not None and lang not in codes:
        print(f"kiosk proof: the exhibit has no language {lang!r}; it has {', '.join(codes)}",
              file=sys.stderr)
        return 2
    return Proof(still(result), str(path), (width, height), lang).run(Path(out))


class Proof:
    """Walks the kiosk through every screen and saves each one."""

    def __init__(self, result, content_dir: str, size: tuple[int, int], lang: Optional[str]):
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QApplication

        from kiosk.paths import assets_dir
        from kiosk.ui.fonts import register_fonts
        from kiosk.ui.kiosk import Kiosk

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        register_fonts(assets_dir() / "fonts", Path(content_dir) / "fonts")
        self.kiosk = Kiosk(result, content_dir, QSize(*size), 96, kiosk_mode=False)
        self.kiosk.window.resize(*size)
        self.kiosk.window.show()
        if lang:
            self.kiosk.session.set_language(lang)
        self.shots: list[tuple[str, Path]] = []
        self.failures: list[str] = []

    def run(self, out: Path) -> int:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        kiosk, session = self.kiosk, self.kiosk.session
        kiosk.screens.build_ahead()
        kiosk.screens.add_all_highlights()
        self.shoot("attract")
        session.start_visit()
        self.shoot("home")
        for index, chapter in enumerate(kiosk.result.exhibit.chapters):
            self._chapter(index, chapter)
        session.reset("proof")
        session.start_visit()
        session.open_chapter(0)
        kiosk.idle_overlay.show_countdown(round(kiosk.result.exhibit.idle.warning))
        self.shoot("idle-warning")
        kiosk.idle_overlay.hide()
        kiosk.staff._on_gesture()
        self.shoot("admin-pin-pad")
        kiosk.staff.close()
        session.open_admin()
        self.shoot("admin")
        sheet = self.contact_sheet()
        kiosk.stop()
        for failure in self.failures:
            print(f"kiosk proof: {failure}", file=sys.stderr)
        print(f"{len(self.shots)} screens rendered to {out}; contact sheet {sheet}")
        return 1 if self.failures else 0

    def _chapter(self, index: int, chapter) -> None:
        session = self.kiosk.session
        session.open_chapter(index)
        stem = chapter.id
        if chapter.advisory:
            self.shoot(f"{stem}-advisory")
            session.accept_advisory()
        for number in range(len(chapter.pages)):
            session.go_to_page(number)
            self.shoot(f"{stem}-p{number + 1:02d}")
            view = self.kiosk.screens.chapter.stack.current_view()
            if getattr(view, "chart", None) is not None and self._reveal(view):
                self.shoot(f"{stem}-p{number + 1:02d}-value")
                view.reset()

    @staticmethod
    def _reveal(view) -> bool:
        """Reveal the most telling figure: one with a note, else the first known one."""
        series = view.page.chart.series_resolved
        cells = [(s, c, cell) for s, one in enumerate(series) for c, cell in enumerate(one.cells)]
        noted = [(s, c) for s, c, cell in cells if cell.note is not None]
        known = [(s, c) for s, c, cell in cells if cell.kind is CellKind.KNOWN]
        choice = (noted or known or [None])[0]
        if choice is None:
            return False
        view.chart.reveal(*choice)
        return True

    def shoot(self, name: str) -> None:
        self.app.processEvents()
        image = self.kiosk.window.grab().toImage()
        path = self.out / f"{len(self.shots):03d}-{name}.png"
        if image.isNull() or not image.save(str(path)):
            self.failures.append(f"{name}: the screen could not be rendered")
            return
        self.shots.append((name, path))

    def contact_sheet(self) -> Path:
        from PySide6.QtCore import QRect, Qt
        from PySide6.QtGui import QColor, QFont, QImage, QPainter

        size = self.kiosk.window.size()
        thumb_h = round(THUMB_WIDTH * size.height() / size.width())
        label_h, gap = 34, 16
        rows = -(-len(self.shots) // SHEET_COLUMNS)
        sheet = QImage(SHEET_COLUMNS * (THUMB_WIDTH + gap) + gap, rows * (thumb_h + label_h + gap) + gap,
                       QImage.Format_RGB32)
        sheet.fill(QColor("#0d0e10"))
        painter = QPainter(sheet)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        font = QFont(self.kiosk.result.exhibit.theme.fonts.body)
        font.setPixelSize(18)
        painter.setFont(font)
        painter.setPen(QColor("#d8d2c8"))
        for index, (name, path) in enumerate(self.shots):
            x = gap + (index % SHEET_COLUMNS) * (THUMB_WIDTH + gap)
            y = gap + (index // SHEET_COLUMNS) * (thumb_h + label_h + gap)
            painter.drawImage(QRect(x, y, THUMB_WIDTH, thumb_h), QImage(str(path)))
            painter.drawText(QRect(x, y + thumb_h, THUMB_WIDTH, label_h), Qt.AlignLeft | Qt.AlignVCenter,
                             f"{index:03d}  {name}")
        painter.end()
        target = self.out / "contact-sheet.png"
        if not sheet.save(str(target)):
            self.failures.append("the contact sheet could not be saved")
        return target
