"""Small widgets the page views share: the page grid, text labels, an accent rule, scroll areas.

The page grid: every page keeps ``ui.margin`` at its sides. Between them, a column one
*measure* wide — a comfortable line of body text, about 65 characters — is centred, and
every title and text on every page starts at its left edge. Large things (a key figure, a
quotation) may run on from that edge to the right margin.
"""

from __future__ import annotations

import math
from typing import Optional

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QColor, QLinearGradient, QPainter, QPalette, QTextBlockFormat, QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QScroller, QSizePolicy, QVBoxLayout,
    QWidget,
)

from kiosk.hyphens import plain
from kiosk.ui.theme import UiTheme

MEASURE_EMS = 33  # body-text ems in a line: about 65 characters of Noto Sans
LINE_HEIGHT_PERCENT = 110  # of the font's own line spacing: about 1.5 for Noto Sans
PARAGRAPH_EMS = 0.75
ITEM_EMS = 0.3


def measure(ui: UiTheme) -> int:
    """The width of a comfortable line of body text."""
    return round(ui.text_px(ui.theme.sizes.body) * MEASURE_EMS)


def button(text: str, role: str = "", name: str = "") -> QPushButton:
    """A kiosk button: themed by its role, no focus frame; ``name`` also names it for screen readers."""
    widget = QPushButton(text)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setAccessibleName(plain(text))
    return widget


TEXT_SIZE_MARK = "Aa"


def text_size_button(ctx, texts) -> QPushButton:
    """The larger-text button: the mark and the exhibit's word for it, lit while texts are large."""
    widget = button("", "quiet", "text-size")
    texts.bind(widget.setText, lambda c: f"{TEXT_SIZE_MARK}  {c.label('text_size')}")
    texts.bind(widget.setAccessibleName, lambda c: c.label("text_size"))
    texts.bind(lambda lit: restyle(widget, role=lit), lambda c: "primary" if c.ui.text_scale > 1 else "quiet")
    return widget


def language_buttons(ctx, texts, chosen) -> list[QPushButton]:
    """A button for each of the exhibit's languages, named in itself ("Svenska"), the visitor's
    own lit; a tap calls ``chosen`` with its code. None for an exhibit in one language."""
    if len(ctx.exhibit.languages) < 2:
        return []
    found = []
    for language in ctx.exhibit.languages:
        widget = button(language.name, "quiet", f"language-{language.code}")
        widget.setProperty("lang", language.code)
        widget.clicked.connect(lambda _=False, code=language.code: chosen(code))
        texts.bind(widget.setAccessibleDescription, lambda c: c.label("language"))
        texts.bind(lambda lit, w=widget: restyle(w, role=lit),
                   lambda c, code=language.code: "primary" if c.lang == code else "quiet")
        found.append(widget)
    return found


def restyle(widget: QWidget, **properties) -> None:
    """Set stylesheet properties (role, selected …) after the widget is shown: the stylesheet
    only looks again when told."""
    if all(widget.property(key) == value for key, value in properties.items()):
        return
    for key, value in properties.items():
        widget.setProperty(key, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def text_label(text: str, role: str, parent: Optional[QWidget] = None) -> QLabel:
    """A word-wrapped label of plain text (content is never read as HTML) in a stylesheet role."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setProperty("role", role)
    return label


class MarkdownLabel(QLabel):
    """Markdown (paragraphs, emphasis, lists) read by Qt's own Markdown parser, set for reading.

    Qt's Markdown text format leaves paragraphs 6 px apart at any size, which runs a 30 px
    text together. So the label reads the Markdown into its own QTextDocument, spaces
    paragraphs and lines in proportion to its font (which its stylesheet role sets) and draws
    that. It is still a QLabel: roles, colours and screen readers (its plain text) work as usual.
    Not selectable; links are drawn as text and never opened.
    """

    def __init__(self, markdown: str, role: str = "body", parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setProperty("role", role)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setOpenExternalLinks(False)
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._styled_for = None
        self._heights: dict[int, int] = {}  # width -> height, for the style it was measured in
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.set_markdown(markdown)

    def set_markdown(self, markdown: str) -> None:
        """Show another text."""
        self._doc.setMarkdown(markdown.strip(), QTextDocument.MarkdownFeature.MarkdownDialectCommonMark)
        self._styled_for = None
        self._heights = {}
        self.setText(self._doc.toPlainText())
        self.updateGeometry()
        self.update()

    def plain_text(self) -> str:
        """The words shown, without the Markdown (and without the soft hyphens of long words)."""
        return plain(self._doc.toPlainText())

    def _update_document(self) -> None:
        font = self.font()
        size = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 96 / 72)
        if self._styled_for == (font.key(), size):
            return
        self._styled_for = (font.key(), size)
        self._heights.clear()
        self._doc.setDefaultFont(font)
        self._doc.setIndentWidth(round(size * 1.3))
        block = self._doc.begin()
        cursor = QTextCursor(self._doc)
        while block.isValid():
            in_list = block.textList() is not None
            last_in_list = in_list and block.next().textList() != block.textList()
            fmt = block.blockFormat()
            fmt.setTopMargin(0)
            fmt.setBottomMargin(size * (PARAGRAPH_EMS if not in_list or last_in_list else ITEM_EMS))
            fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            block = block.next()
        # The last paragraph's space after would only push what follows further away.
        last = self._doc.lastBlock().blockFormat()
        last.setBottomMargin(0)
        cursor.setPosition(self._doc.lastBlock().position())
        cursor.setBlockFormat(last)

    def laid_out_lines(self, width: int) -> list[tuple[float, str]]:
        """The text's lines as laid out ``width`` px wide: where each ends below the label's top,
        and its words (the fit checks count the words past the screen's edge)."""
        self._update_document()
        self._doc.setTextWidth(width)
        layout, lines = self._doc.documentLayout(), []
        block = self._doc.begin()
        while block.isValid():
            top, text, text_layout = layout.blockBoundingRect(block).top(), block.text(), block.layout()
            for k in range(text_layout.lineCount()):
                line = text_layout.lineAt(k)
                start = line.textStart()
                lines.append((top + line.y() + line.height(), text[start:start + line.textLength()]))
            block = block.next()
        return lines

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self._update_document()
        if width not in self._heights:  # layouts ask again and again while they settle
            self._doc.setTextWidth(width)
            self._heights[width] = math.ceil(self._doc.size().height())
        return self._heights[width]

    def sizeHint(self) -> QSize:
        # The text's own width unwrapped (capped by the label's), not the width it was last
        # wrapped to: a label once laid out narrow would otherwise ask for that height forever.
        self._update_document()
        self._doc.setTextWidth(-1)
        width = min(math.ceil(self._doc.idealWidth()), self.maximumWidth())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 12, 0)

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._styled_for = None
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        self._update_document()
        self._doc.setTextWidth(self.width())
        painter = QPainter(self)
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.WindowText))
        palette.setColor(QPalette.ColorRole.Link, palette.color(QPalette.ColorRole.WindowText))
        context.palette = palette
        self._doc.documentLayout().draw(painter, context)


class Rule(QWidget):
    """A short accent line under a heading: the exhibit's one recurring ornament."""

    def __init__(self, ui: UiTheme, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.set_theme(ui)

    def set_theme(self, ui: UiTheme) -> None:
        self._colour = ui.colour("accent")
        self.setFixedSize(ui.px(64), max(2, ui.px(4)))
        self.update()

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(self.rect(), self._colour)


def capped(widget: QWidget, width: int) -> QHBoxLayout:
    """A row holding ``widget`` at most ``width`` wide, at the row's start; the rest stays empty."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(0)
    widget.setMaximumWidth(width)
    row.addWidget(widget, 1)
    row.addStretch(0)
    return row


class ElidedLabel(QLabel):
    """One line of text that ends in an ellipsis where it is too long for its width, never cut
    through a letter at either end; screen readers read it whole."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width) if width > 0 else self._full
        super().setText(shown)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()


class GridColumn(QWidget):
    """The page grid: every page's title and matter hang from one left edge, the page's margin,
    so that nothing jumps sideways from one page kind to the next.

    Text added with ``add_text`` keeps to the measure (a comfortable line); widgets added with
    ``add_wide`` start at the same edge and may run on to the right margin (a large figure, a
    quotation).
    """

    def __init__(self, ui: UiTheme, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.measure = measure(ui)
        self._capped: list[QWidget] = []
        self.column = QVBoxLayout(self)
        self.column.setSpacing(0)
        self.column.setContentsMargins(ui.margin, 0, ui.margin, 0)

    def set_theme(self, ui: UiTheme) -> None:
        """Another measure and margin (the text size or the screen changed): the column follows."""
        self.measure = measure(ui)
        for widget in self._capped:
            widget.setMaximumWidth(self.measure)
        margins = self.column.contentsMargins()
        self.column.setContentsMargins(ui.margin, margins.top(), ui.margin, margins.bottom())

    def add_text(self, widget: QWidget) -> QWidget:
        self.column.addLayout(capped(widget, self.measure))
        self._capped.append(widget)
        return widget

    def add_wide(self, widget: QWidget) -> QWidget:
        # In a row of its own, as a text is: a box's height for its width is then settled in
        # the first layout pass, not a frame later.
        self.column.addLayout(capped(widget, widget.maximumWidth()))
        return widget


def title_block(title: str, ui: UiTheme, grid: GridColumn) -> Optional[QLabel]:
    """The page's title and its rule, added to ``grid``; nothing when the page has no title."""
    if not title:
        return None
    label = grid.add_text(text_label(title, "title"))
    grid.column.addSpacing(ui.px(20))
    grid.column.addWidget(Rule(ui))
    grid.column.addSpacing(ui.px(44))
    return label


def page_column(title: str, ui: UiTheme) -> tuple[GridColumn, Optional[QLabel]]:
    """The page's centred column with its margins and, when it has one, its title."""
    grid = GridColumn(ui)
    grid.column.setContentsMargins(ui.margin, ui.gap, ui.margin, ui.gap)
    return grid, title_block(title, ui, grid)


def close_page(view: QWidget, grid: GridColumn, context: str, space: int) -> tuple[Optional[QLabel], QScrollArea]:
    """End a centred page: its context text (if any) ``space`` below, room beneath, and the
    column filling ``view`` in a scroll area, which scrolls only where the words do not fit
    (large text on a small screen). The context label, or None, and the area."""
    label = None
    if context:
        grid.column.addSpacing(space)
        label = grid.add_text(MarkdownLabel(context, "body"))
    grid.column.addStretch(2)
    area = scroll_area(Qt.Orientation.Vertical, view)
    area.setWidget(grid)
    layout = QVBoxLayout(view)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
    return label, area


def scroll_area(orientation: Qt.Orientation, parent: Optional[QWidget] = None) -> QScrollArea:
    """A frameless, transparent scroll area that scrolls one way, with the theme's slim bar.

    The chapter screen owns every gesture and feeds this area's QScroller by hand, so no
    gesture is grabbed here.
    """
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    vertical = orientation == Qt.Orientation.Vertical
    off, needed = Qt.ScrollBarPolicy.ScrollBarAlwaysOff, Qt.ScrollBarPolicy.ScrollBarAsNeeded
    area.setVerticalScrollBarPolicy(needed if vertical else off)
    area.setHorizontalScrollBarPolicy(off if vertical else needed)
    return area


def overflows(area: QScrollArea, orientation: Qt.Orientation) -> bool:
    """Whether the area's content is larger than the area in ``orientation``."""
    bar = area.verticalScrollBar() if orientation == Qt.Orientation.Vertical else area.horizontalScrollBar()
    return bar.maximum() > bar.minimum()


def scroll_to_start(area: QScrollArea) -> None:
    """Stop any kinetic scroll and go back to the top (and left)."""
    if QScroller.hasScroller(area.viewport()):
        QScroller.scroller(area.viewport()).stop()
    area.verticalScrollBar().setValue(0)
    area.horizontalScrollBar().setValue(0)


class EdgeFade(QWidget):
    """A soft fade to the background over one edge of a scroll area: there is more this way.

    It follows the area's scroll bar: shown while the content goes on past that edge.
    Mouse and touch pass through it.
    """

    def __init__(self, ui: UiTheme, area: QScrollArea, edge: Qt.Edge, parent: QWidget):
        super().__init__(parent)
        self._area, self._edge = area, edge
        self.set_theme(ui)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bar = area.horizontalScrollBar()
        bar.valueChanged.connect(self._update_visibility)
        bar.rangeChanged.connect(self._update_visibility)
        self.hide()

    def set_theme(self, ui: UiTheme) -> None:
        self._colour, self._width = ui.colour("background"), ui.margin
        self.update()

    def place(self) -> None:
        """Lay itself over its edge of the area's viewport (call when the area moves or resizes)."""
        port = self._area.viewport()
        top_left = port.mapTo(self.parentWidget(), port.rect().topLeft())
        x = top_left.x() if self._edge == Qt.Edge.LeftEdge else top_left.x() + port.width() - self._width
        self.setGeometry(x, top_left.y(), self._width, port.height())
        self._update_visibility()

    def _update_visibility(self, *_) -> None:
        bar = self._area.horizontalScrollBar()
        more = bar.value() > bar.minimum() if self._edge == Qt.Edge.LeftEdge else bar.value() < bar.maximum()
        self.setVisible(more)
        self.raise_()

    def paintEvent(self, event) -> None:
        gradient = QLinearGradient(0, 0, self.width(), 0)
        clear = QColor(self._colour)
        clear.setAlpha(0)
        outer, inner = (0.0, 1.0) if self._edge == Qt.Edge.LeftEdge else (1.0, 0.0)
        gradient.setColorAt(outer, self._colour)
        gradient.setColorAt(inner, clear)
        QPainter(self).fillRect(self.rect(), gradient)
