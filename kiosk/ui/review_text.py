"""The words of the review PDF: its bits of HTML (for QTextDocument), and how a text too long
for its place is cut into parts between lines; and the screens' pictures at print resolution."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument

INK, MUTED, ACCENT, WARN = "#1d1d1f", "#6a665f", "#9c2219", "#a34a00"
PRINT_PPI = 200  # the screens' pixels per inch on paper, at most


def heading(text: str, size: float, family: str = "", colour: str = INK) -> str:
    font = f"font-family:\"{family}\"; " if family else ""
    return (f"<p style='{font}font-size:{size}pt; font-weight:bold; color:{colour}; "
            f"margin-top:{size * 0.9:.0f}pt; margin-bottom:{size * 0.3:.0f}pt'>{text}</p>")


def para(text: str, size: float, colour: str = INK) -> str:
    return f"<p style='font-size:{size}pt; color:{colour}; margin:0 0 4pt 0'>{text}</p>"


def pre(text: str) -> str:
    """A curator's plain text, its lines kept as written."""
    return f"<p style='white-space:pre-wrap; margin:0'>{escape(text.strip())}</p>"


def table(rows, raw: bool = False, key_width: int = 22) -> str:
    """Two columns: each key in grey, then its value (HTML already if ``raw``)."""
    cells = "".join(f"<tr><td style='color:{MUTED}' width='{key_width}%'>{escape(str(key))}</td>"
                    f"<td>{value if raw else escape(str(value))}</td></tr>" for key, value in rows)
    return f"<table cellspacing='0' cellpadding='3' width='100%' style='margin-top:6pt'>{cells}</table>"


def counted(title: str, counts: list[str], warnings: int) -> str:
    """A title, then its counts in grey and its warnings (if any) in the warnings' colour."""
    warned = f", <span style='color:{WARN}'>{warnings} warning{'s' * (warnings != 1)}</span>" if warnings else ""
    return f"{title}<span style='color:{MUTED}'> — {', '.join(counts)}</span>{warned}"


def slice_tops(doc: QTextDocument, height: float) -> list[float]:
    """Where each page's part of ``doc`` starts: as far down as ``height`` allows, at the top of a
    line, so that no line is cut in two (a line taller than a page is cut where it must be).
    (QTextDocument's own pages cut lines in two when it lays out for a PDF writer.)"""
    lines, block, layout = [], doc.firstBlock(), doc.documentLayout()
    while block.isValid():
        top, text = layout.blockBoundingRect(block).top(), block.layout()
        lines += [top + text.lineAt(i).y() for i in range(text.lineCount())]
        block = block.next()
    lines, total, tops = sorted(set(lines)), doc.size().height(), [0.0]
    while total - tops[-1] > height:
        fitting = [y for y in lines if tops[-1] < y <= tops[-1] + height]
        tops.append(fitting[-1] if fitting else tops[-1] + height)
    return tops


def for_print(image: QImage, inches: float) -> QImage:
    """The screen at no more than PRINT_PPI over ``inches``: sharp on paper, and a PDF two thirds
    the size of one at a 1920-pixel screen's own pixels."""
    most = round(inches * PRINT_PPI)
    if image.width() <= most:
        return image
    return image.scaledToWidth(most, Qt.TransformationMode.SmoothTransformation)
