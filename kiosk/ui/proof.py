"""``kiosk proof``: every screen of the exhibit rendered to PNG offscreen, plus a contact sheet,
and with ``--pdf`` one PDF of them all for a review meeting.

Curators use it to review a change; CI runs it as a smoke test. It drives the real kiosk
through the same session calls and button taps a visitor's taps make, with animations set to
none so every picture shows the finished screen. Every state a visitor can reach is rendered
(``proof_states``): each screen of a page that scrolls, each timeline event, each chart
figure revealed, each sources panel.

Files are named in order: ``NNN-<chapter>-pPP-<type>[-<state>].png``, for example
``013-02-secret-police-p02-chart-reveal-04.png``.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

from kiosk.content.loader import LoadResult, NotContentFolder, load_exhibit
from kiosk.content.problems import Problem
from kiosk.paths import content_dir
from kiosk.screen_size import parse_size, size_problem
from kiosk.ui.review_index import Shot

SHEET_COLUMNS = 6
THUMB_WIDTH = 480
PNG_QUALITY = 80  # Qt's PNG "quality" is zlib's effort: 80 saves a fifth of the time for 8% more bytes
SETTLE_ROUNDS = 8  # event-loop passes before a shot: a wrapped text that changed its height for its width
# reaches its scroll area only after several posted layout requests, one pass each; the real window
# runs them all before it paints, and a proof must show what the window shows


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


def run_proof(folder: Optional[str], out: Optional[str], size: str, lang: Optional[str],
              pdf: Optional[str] = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if out is None and pdf is None:
        print("kiosk proof: say where to put the proof: --out DIR for the PNG files, "
              "--pdf FILE.pdf for the review PDF, or both", file=sys.stderr)
        return 2
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
    _quiet_offscreen()
    proof = Proof(still(result), str(path), (width, height), lang)
    if pdf is None:
        return proof.run(Path(out))
    with tempfile.TemporaryDirectory(prefix="kiosk-proof-") as scratch:
        code = proof.run(Path(out) if out is not None else Path(scratch), report=out is not None)
        if code == 0:
            code = proof.write_pdf(Path(pdf), result)
    return code


def _quiet_offscreen() -> None:
    """Keep the offscreen platform's note that it cannot pass a window's size hints on (it has
    no window manager to tell) out of the curator's output; every other Qt message is printed."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind, context, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def fit_problems(result: LoadResult) -> list[Problem]:
    """The warnings the review PDF shows beside the pages: the validator's, and the fit checks'
    (measured with the real layout) where this kiosk has them."""
    warnings = list(result.warnings)
    try:
        from kiosk.ui.fit import check_fit
    except ImportError:
        return warnings
    return warnings + [p for p in check_fit(result) if p not in warnings]


class Proof:
    """Walks the kiosk through every screen and saves each one."""

    def __init__(self, result, content_dir: str, size: tuple[int, int], lang: Optional[str]):
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QApplication

        from kiosk.paths import assets_dir
        from kiosk.ui.fonts import register_fonts
        from kiosk.ui.idle import NoDeadline
        from kiosk.ui.kiosk import Kiosk

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        register_fonts(assets_dir() / "fonts", Path(content_dir) / "fonts")
        # No idle reset: each screen is shot as a visitor leaves it, however long the proof takes.
        self.kiosk = Kiosk(result, content_dir, QSize(*size), 96, kiosk_mode=False, new_deadline=NoDeadline)
        self.kiosk.window.resize(*size)
        self.kiosk.window.show()
        if lang:
            self.kiosk.session.set_language(lang)
        self.content_dir = content_dir
        self.size = size
        self.lang = lang or result.exhibit.default_language
        self.shots: list[Shot] = []
        self._thumbs: list = []  # each shot's thumbnail for the contact sheet, as JPEG bytes
        self.failures: list[str] = []

    def run(self, out: Path, report: bool = True) -> int:
        """Render every screen to ``out``; ``report``: say where (not for a PDF's scratch folder)."""
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        kiosk, session = self.kiosk, self.kiosk.session
        kiosk.screens.build_ahead()
        attract = kiosk.screens.attract
        for index in range(max(1, len(attract.highlights))):
            attract.show_highlight(index)
            name = "attract" if index == 0 else f"attract-{index + 1:02d}"
            self.shoot(name, state=f"the attract loop, before a visitor touches: highlight {index + 1} "
                       f"of {len(attract.highlights)}" if attract.highlights else "the attract loop")
        session.start_visit()
        self.shoot("home", state="the home screen, after the first touch")
        home = kiosk.screens.home
        pages = home.fit().pages
        for page in range(1, pages):  # each further page of chapter tiles, as a swipe shows it
            home.grid.show_page(page, animate=False)
            self.shoot(f"home-{page + 1:02d}", state=f"the home screen's chapter tiles, page {page + 1} of {pages}")
        home.grid.show_page(0, animate=False)
        for index, chapter in enumerate(kiosk.result.exhibit.chapters):
            self._chapter(index, chapter)
        session.reset("proof")  # the next visitor's first language: the proof's own again
        session.start_visit()
        session.set_language(self.lang)
        session.open_chapter(0)
        kiosk.idle_overlay.show_countdown(round(kiosk.result.exhibit.idle.warning))
        self.shoot("idle-warning", state="no touch for a while: the idle warning")
        kiosk.idle_overlay.hide()
        kiosk.staff._on_gesture()
        self.shoot("admin-pin-pad", state="staff's corner gesture: the PIN pad")
        kiosk.staff.close()
        session.open_admin()
        self.shoot("admin", state="the admin screen, after the PIN")
        if kiosk.result.exhibit.opening_hours is not None:
            self._closed()
        self._renumber()
        sheet = self.contact_sheet()
        kiosk.stop()
        for failure in self.failures:
            print(f"kiosk proof: {failure}", file=sys.stderr)
        if report:
            print(f"{len(self.shots)} screens rendered to {out}; contact sheet {sheet}")
        return 1 if self.failures else 0

    def _closed(self) -> None:
        """The closed screen, as it shows after the next closing time."""
        from datetime import datetime

        from kiosk.schedule import Week
        from kiosk.session import State
        from kiosk.ui.closed import ClosedScreen

        kiosk = self.kiosk
        exhibit = kiosk.result.exhibit
        kiosk.session.reset()
        week, now = Week.of(exhibit.opening_hours), datetime.now()
        closing = (week.next_change(now) or now) if week.is_open(now) else now
        screen = ClosedScreen(kiosk.context(State(language=exhibit.default_language)),
                              black=exhibit.closed_screen == "black")
        kiosk.window.add_screen(screen)
        screen.show_reopening(week.next_opening(closing))
        kiosk.window.show_screen(screen)
        self.shoot("closed", state="outside the opening hours: the closed screen")
        kiosk.window.show_screen(kiosk.screens.attract)
        kiosk.window.remove_screen(screen)
        screen.deleteLater()

    def _chapter(self, index: int, chapter) -> None:
        from kiosk.ui.proof_states import page_states

        session = self.kiosk.session
        session.open_chapter(index)
        if chapter.advisory:
            self.shoot(f"{chapter.id}-advisory", index, state="the content advisory, before the chapter")
            session.accept_advisory()
        for number, page in enumerate(chapter.pages):
            session.go_to_page(number)
            stem = f"{chapter.id}-p{number + 1:02d}-{page.type}"
            page_states(self.kiosk, lambda suffix, state: self.shoot(
                f"{stem}-{suffix}" if suffix else stem, index, number, state))

    def shoot(self, name: str, chapter: Optional[int] = None, page: Optional[int] = None,
              state: str = "") -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt

        for _ in range(SETTLE_ROUNDS):
            self.app.processEvents()
        image = self.kiosk.window.grab().toImage()
        path = self.out / f"{len(self.shots):03d}-{name}.png"
        if image.isNull() or not image.save(str(path), "PNG", PNG_QUALITY):
            self.failures.append(f"{name}: the screen could not be rendered")
            return
        self.shots.append(Shot(path.stem, path, chapter, page, state))
        # The contact sheet's thumbnail now, small and compressed, rather than the PNG read back
        # at the end: reading every PNG again took a fifth of the run.
        thumb, data = image.scaledToWidth(THUMB_WIDTH, Qt.SmoothTransformation), QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        thumb.save(buffer, "JPG", 90)
        self._thumbs.append(data)

    def _renumber(self) -> None:
        """Past 1,000 screens, every number one digit wider, so the files still sort in order."""
        width = len(str(len(self.shots) - 1))
        if width <= 3:
            return
        for index, shot in enumerate(self.shots):
            name = f"{index:0{width}d}-{shot.name.split('-', 1)[1]}"
            path = shot.path.with_name(f"{name}.png")
            shot.path.rename(path)
            self.shots[index] = dataclasses.replace(shot, name=name, path=path)

    def write_pdf(self, target: Path, result: LoadResult) -> int:
        """The review PDF of the screens rendered (``run`` first)."""
        from kiosk.ui.review_pdf import Review, write_review_pdf

        review = Review(self.kiosk.result.exhibit, self.shots, fit_problems(result),
                        str(Path(self.content_dir).resolve()),
                        self.size, self.lang)
        try:
            pages = write_review_pdf(target, review)
        except OSError as exc:
            print(f"kiosk proof: {target}: the PDF cannot be written ({exc.strerror or exc})", file=sys.stderr)
            return 1
        print(f"{len(self.shots)} screens on {pages} pages written to {target}")
        return 0

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
        metrics = painter.fontMetrics()
        for index, (shot, thumb) in enumerate(zip(self.shots, self._thumbs)):
            number, name = shot.name.split("-", 1)
            x = gap + (index % SHEET_COLUMNS) * (THUMB_WIDTH + gap)
            y = gap + (index // SHEET_COLUMNS) * (thumb_h + label_h + gap)
            painter.drawImage(QRect(x, y, THUMB_WIDTH, thumb_h), QImage.fromData(thumb, "JPG"))
            caption = metrics.elidedText(f"{number}  {name}", Qt.ElideMiddle, THUMB_WIDTH)
            painter.drawText(QRect(x, y + thumb_h, THUMB_WIDTH, label_h), Qt.AlignLeft | Qt.AlignVCenter,
                             caption)
        painter.end()
        target = self.out / "contact-sheet.png"
        if not sheet.save(str(target)):
            self.failures.append("the contact sheet could not be saved")
        return target
