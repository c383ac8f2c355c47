"""The review PDF of ``kiosk proof --pdf``: every screen in order under chapter headings, each
with its page's curator notes, sources, word count and warnings beside it.

Drawn with Qt's own PDF writer (QPdfWriter and QPainter) in the kiosk's bundled fonts, on A4
landscape: the screen on the left, as large as a 16:9 screen fits with a column beside it; the
warnings and notes in that column; what the visitor did, the words and the sources under the
screen. Qt stores each screen as a JPEG, at up to 200 pixels an inch (sharp in print).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QTextDocument

from kiosk.content.model import Chapter, Exhibit
from kiosk.content.problems import Problem
from kiosk.ui.review_index import ProblemIndex, Shot, page_words, problem_line
from kiosk.ui.review_text import (ACCENT, INK, MUTED, WARN, counted, for_print, heading, para, pre,
                                  slice_tops, table)

DPI = 300
MARGIN, GAP, HEADER = 12.0, 7.0, 11.0  # mm
SCREEN_MAX = (190.0, 174.0)  # mm: the most a screen may take, wide and high
UNDER_LEAST = 30.0  # mm under the screen, at least, for text there (else it all goes beside)
BODY_PT, LEAST_PT = 9.0, 6.5  # a column's type, and the least it shrinks to before it goes on


@dataclass(frozen=True)
class Review:
    """What the PDF shows: the exhibit, the screens rendered of it, and the warnings."""

    exhibit: Exhibit
    shots: list[Shot]
    problems: list[Problem]
    content_dir: str
    size: tuple[int, int]
    lang: str
    date: datetime.date = field(default_factory=datetime.date.today)


def write_review_pdf(target: Path, review: Review) -> int:
    """Write the PDF; the number of its pages. OSError if the file cannot be written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return ReviewPdf(target, review).write()


def mm(value: float) -> float:
    return value * DPI / 25.4


class ReviewPdf:
    def __init__(self, target: Path, review: Review):
        self.review, self.target = review, target
        self.index = ProblemIndex(review.exhibit, review.problems)
        fonts = review.exhibit.theme.fonts
        self.body_font, self.heading_font = fonts.body, fonts.heading
        self.pages = 0

    # --- the whole ----------------------------------------------------------------------

    def write(self) -> int:
        writer = self.writer = QPdfWriter(str(self.target))
        writer.setResolution(DPI)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(0, 0, 0, 0)))
        writer.setTitle(f"{self._text(self.review.exhibit.title)} — review proof")
        writer.setCreator("kiosk proof")
        self.painter = QPainter()
        if not self.painter.begin(writer):
            raise OSError(f"cannot write {self.target}")
        self.page_rect = QRectF(0, 0, writer.width(), writer.height())
        try:
            self._title_page()
            chapter: Optional[int] = -1
            for shot in self.review.shots:
                if shot.chapter is not None and shot.chapter != chapter:
                    self._chapter_page(shot.chapter)
                chapter = shot.chapter if shot.chapter is not None else chapter
                self._screen_page(shot, after_chapters=chapter not in (-1, None))
        finally:
            self.painter.end()
        return self.pages

    def _new_page(self) -> None:
        if self.pages:
            self.writer.newPage()
        self.pages += 1
        painter = self.painter
        painter.setPen(QColor(MUTED))
        painter.setFont(self._font(self.body_font, 7))
        exhibit = self._text(self.review.exhibit.title)
        foot = QRectF(mm(MARGIN), self.page_rect.height() - mm(MARGIN) + mm(3),
                      self.page_rect.width() - 2 * mm(MARGIN), mm(5))
        painter.drawText(foot, Qt.AlignmentFlag.AlignLeft, f"{exhibit} — review proof, {self.review.date.isoformat()}")
        painter.drawText(foot, Qt.AlignmentFlag.AlignRight, str(self.pages))

    # --- the pages ----------------------------------------------------------------------

    def _title_page(self) -> None:
        review, exhibit = self.review, self.review.exhibit
        pages = [page for chapter in exhibit.chapters for page in chapter.pages]
        words = sum(count for page in pages for _, count in page_words(page, review.lang))
        rows = [("Date", review.date.isoformat()), ("Content folder", review.content_dir),
                ("Screen size", f"{review.size[0]} × {review.size[1]} pixels"),
                ("Language", review.lang), ("Chapters", len(exhibit.chapters)), ("Pages", len(pages)),
                ("Charts", sum(page.type == "chart" for page in pages)),
                ("Pictures", sum(page.type == "image" for page in pages)),
                ("Words on the pages", words), ("Screens in this proof", len(review.shots)),
                ("Warnings", self.index.count())]
        html = [heading(escape(self._text(exhibit.title)), 30, self.heading_font)]
        if exhibit.subtitle is not None:
            html.append(para(escape(self._text(exhibit.subtitle)), 14, MUTED))
        html.append(para("Review proof: every screen a visitor can reach, each with its page's curator "
                            "notes, sources, word count and warnings.", 11, MUTED))
        html.append(table(rows))
        html.append(heading("Chapters", 12))
        chapters = []
        for number, chapter in enumerate(exhibit.chapters):
            screens = sum(1 for shot in review.shots if shot.chapter == number)
            warnings = len(self.index.for_chapter(number)) + sum(
                len(self.index.for_page(number, p)) for p in range(len(chapter.pages)))
            chapters.append((f"{number + 1}.", counted(escape(self._text(chapter.title)), [
                f"{len(chapter.pages)} page{'s' * (len(chapter.pages) != 1)}",
                f"{screens} screen{'s' * (screens != 1)}"], warnings)))
        html.append(table(chapters, raw=True, key_width=4))
        if self.index.general:
            html.append(heading("Warnings not about one page", 12, colour=WARN))
            html += [para(escape(str(problem)), 9, WARN) for problem in self.index.general]
        self._flow("".join(html), self._full_rect(), BODY_PT, shrink=False)

    def _chapter_page(self, index: int) -> None:
        chapter: Chapter = self.review.exhibit.chapters[index]
        html = [para(f"Chapter {index + 1} of {len(self.review.exhibit.chapters)} · "
                        f"{escape(chapter.origin.file)}", 9, MUTED),
                heading(escape(self._text(chapter.title)), 26, self.heading_font),
                para(escape(self._text(chapter.teaser)), 13, MUTED)]
        if chapter.advisory is not None:
            html.append(para(f"<b>Content advisory:</b> {escape(self._text(chapter.advisory))}", 10))
        html += self._warnings(self.index.for_chapter(index), "Warnings about the chapter")
        if chapter.notes:
            html += [heading("Curator's notes", 11), pre(chapter.notes)]
        html.append(heading("Pages", 11))
        rows = []
        for number, page in enumerate(chapter.pages):
            words = sum(count for _, count in page_words(page, self.review.lang))
            warnings = len(self.index.for_page(index, number))
            screens = sum(1 for s in self.review.shots if (s.chapter, s.page) == (index, number))
            title = escape(self._text(page.title)) if page.title is not None else \
                f"<i style='color:{MUTED}'>no title</i>"
            rows.append((f"{number + 1}. {page.type}", counted(title, [
                f"{words} words", f"{screens} screen{'s' * (screens != 1)}"], warnings)))
        html.append(table(rows, raw=True, key_width=10))
        self._flow("".join(html), self._full_rect(), BODY_PT, shrink=False)

    def _screen_page(self, shot: Shot, after_chapters: bool) -> None:
        self._new_page()
        image = QImage(str(shot.path))
        box = QRectF(mm(MARGIN), mm(MARGIN + HEADER), mm(SCREEN_MAX[0]), mm(SCREEN_MAX[1]))
        screen = self._fit(image, box)
        self._header(shot, after_chapters)
        self.painter.drawImage(screen, for_print(image, screen.width() / DPI))
        self.painter.setPen(QPen(QColor("#b9b4ab"), mm(0.25)))
        self.painter.drawRect(screen)
        side = QRectF(screen.right() + mm(GAP), box.top(), 0, box.height())
        side.setRight(self.page_rect.width() - mm(MARGIN))
        under = QRectF(box.left(), screen.bottom() + mm(5), screen.width(), 0)
        under.setBottom(self.page_rect.height() - mm(MARGIN))
        beside, below = self._column(shot), self._below(shot)
        if under.height() < mm(UNDER_LEAST):  # a tall screen: all beside it, what was shown first
            beside, below = below[:1] + beside + below[1:], []
        rest = []
        for html, rect in ((below, under), (beside, side)):
            if html:
                rest += self._flow("".join(html), rect, BODY_PT, own_page=False)
        self._continue(shot, after_chapters, rest, box)

    def _continue(self, shot: Shot, after_chapters: bool, rest: list, box: QRectF) -> None:
        """What did not fit beside a screen even in small type: on pages after it, its parts
        side by side as columns, under the same heading marked as continued."""
        while rest:
            self._new_page()
            self._header(shot, after_chapters, continued=True)
            x, right = mm(MARGIN), self.page_rect.width() - mm(MARGIN)
            while rest and (x == mm(MARGIN) or x + rest[0][0] <= right):
                width, draw = rest.pop(0)
                draw(QRectF(x, box.top(), width, box.height()))
                x += width + mm(GAP)
    def _header(self, shot: Shot, after_chapters: bool, continued: bool = False) -> None:
        painter = self.painter
        rect = QRectF(mm(MARGIN), mm(MARGIN), self.page_rect.width() - 2 * mm(MARGIN), mm(HEADER - 4))
        painter.setPen(QColor(MUTED))
        painter.setFont(self._font(self.body_font, 7.5))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, shot.path.name)
        painter.setPen(QColor(INK))
        painter.setFont(self._font(self.heading_font, 12, bold=True))
        where = self._where(shot, after_chapters) + (" (continued)" if continued else "")
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, where)
        painter.setPen(QPen(QColor(ACCENT), mm(0.4)))
        y = rect.bottom() + mm(1.8)
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + mm(12), y))

    def _where(self, shot: Shot, after_chapters: bool) -> str:
        if shot.chapter is None:
            return "Idle and staff screens" if after_chapters else "Before the chapters"
        chapter = self.review.exhibit.chapters[shot.chapter]
        title = self._text(chapter.title)
        if shot.page is None:
            return f"{shot.chapter + 1}. {title}"
        page = chapter.pages[shot.page]
        named = f": {self._text(page.title)}" if page.title is not None else ""
        return f"{shot.chapter + 1}. {title} · page {shot.page + 1} of {len(chapter.pages)} ({page.type}){named}"

    # --- the words beside a screen ------------------------------------------------------

    def _column(self, shot: Shot) -> list[str]:
        """Beside the screen: the page's warnings, then its curator's notes."""
        if shot.chapter is None or shot.page is None:
            return []
        page = self.review.exhibit.chapters[shot.chapter].pages[shot.page]
        html = self._warnings(self.index.for_page(shot.chapter, shot.page), "Warnings")
        html.append(heading("Curator's notes", 10))
        html.append(pre(page.notes) if page.notes else para("No notes for this page.", BODY_PT, MUTED))
        return html

    def _below(self, shot: Shot) -> list[str]:
        """Under the screen: what the visitor did, the page's words, its sources, where it is written."""
        html = [para(f"<b>Shown:</b> {escape(shot.state)}", BODY_PT)] if shot.state else []
        if shot.chapter is None or shot.page is None:
            return html
        page = self.review.exhibit.chapters[shot.chapter].pages[shot.page]
        counts = page_words(page, self.review.lang)
        detail = ", ".join(f"{escape(key)} {count}" for key, count in counts)
        total = sum(count for _, count in counts)
        html.append(para(f"<b>Words:</b> {total}" + (f" ({detail})" if detail else ""), BODY_PT))
        if page.sources:
            sources = "".join(f"<li>{escape(self._text(s))}</li>" for s in page.sources)
            html.append(f"<p style='margin:0'><b>Sources:</b></p><ul style='margin-top:0'>{sources}</ul>")
        else:
            html.append(para("<b>Sources:</b> none given", BODY_PT, WARN))
        html.append(para(f"Written at {escape(str(page.origin))}", BODY_PT - 1, MUTED))
        return html

    def _warnings(self, problems: list[Problem], title: str) -> list[str]:
        if not problems:
            return []
        items = "".join(f"<li>{escape(problem_line(p))}</li>" for p in problems)
        return [heading(f"{title} ({len(problems)})", 10, colour=WARN),
                f"<ul style='color:{WARN}; margin-top:0'>{items}</ul>"]

    # --- drawing text -------------------------------------------------------------------

    def _flow(self, html: str, rect: QRectF, point_size: float, shrink: bool = True,
              own_page: bool = True) -> list:
        """Draw ``html`` in ``rect``: on new pages of its own (``own_page``), or its first part
        on this page and the rest returned, as (width, draw into a rect) for each part still
        to draw. Where it does
        not fit it is set smaller (``shrink``, down to LEAST_PT) and then goes on over further
        pages: never cut."""
        doc = self._document(html, rect.width(), point_size)
        while shrink and doc.size().height() > rect.height() and point_size > LEAST_PT:
            point_size = max(LEAST_PT, point_size - 0.5)
            doc = self._document(html, rect.width(), point_size)
        cuts = slice_tops(doc, rect.height())
        ends = cuts[1:] + [doc.size().height()]
        slices = [(rect.width(), lambda target, top=top, end=end: self._draw_slice(doc, target, top, end))
                  for top, end in zip(cuts, ends)]
        if not own_page:
            slices.pop(0)[1](rect)
            return slices
        for _, draw in slices:
            self._new_page()
            draw(rect)
        return []

    def _draw_slice(self, doc: QTextDocument, rect: QRectF, top: float, end: float) -> None:
        """The part of ``doc`` from ``top`` to ``end``, at the top of ``rect``."""
        self.painter.save()
        self.painter.translate(rect.left(), rect.top() - top)
        doc.drawContents(self.painter, QRectF(0, top, rect.width(), end - top))
        self.painter.restore()

    def _document(self, html: str, width: float, point_size: float) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        doc.setDefaultFont(self._font(self.body_font, point_size))
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"body {{ color: {INK}; }} li {{ margin-bottom: 3px; }}")
        doc.setHtml(f"<body>{html}</body>")
        doc.setTextWidth(width)
        return doc

    def _font(self, family: str, point_size: float, bold: bool = False) -> QFont:
        font = QFont(family)
        font.setPointSizeF(point_size)
        font.setBold(bold)
        return font

    def _full_rect(self) -> QRectF:
        return QRectF(mm(MARGIN), mm(MARGIN), self.page_rect.width() - 2 * mm(MARGIN),
                      self.page_rect.height() - 2 * mm(MARGIN) - mm(2))

    @staticmethod
    def _fit(image: QImage, box: QRectF) -> QRectF:
        """The largest rect of the image's shape in ``box``, at its top left."""
        if image.isNull() or image.width() <= 0:
            return QRectF(box.topLeft(), QSizeF(box.width(), box.width() * 9 / 16))
        scale = min(box.width() / image.width(), box.height() / image.height())
        return QRectF(box.left(), box.top(), image.width() * scale, image.height() * scale)

    def _text(self, text) -> str:
        return text.get(self.review.lang) if text is not None else ""
