"""What every page view shares: the context it is drawn in, and its life as the visitor turns pages."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional, Union

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QPushButton, QWidget

from kiosk.content.model import Exhibit, Labels, Text
from kiosk.hyphens import hyphenate, plain
from kiosk.ui.theme import UiTheme
from kiosk.ui.widgets import MarkdownLabel, overflows, scroll_to_start


MAX_DECIMALS = 9


def decimals_of(value: float) -> int:
    """How many decimals write ``value`` exactly as the curator gave it (6.8 → 1, 0.00012 → 5)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return min(max(0, -exponent), MAX_DECIMALS) if isinstance(exponent, int) else 0


@dataclass(frozen=True)
class ViewContext:
    """What a view needs besides its own page: the theme, the language, the kiosk's words."""

    exhibit: Exhibit
    ui: UiTheme
    lang: str

    @property
    def labels(self) -> Labels:
        return self.exhibit.labels

    def text(self, text: Optional[Text]) -> str:
        """A content text in the visitor's language ("" for none), with soft hyphens where its
        long words may break."""
        return hyphenate(text.get(self.lang), self.lang) if text is not None else ""

    def spoken(self, text: Optional[Text]) -> str:
        """A content text as a screen reader should read it: no soft hyphens."""
        return plain(self.text(text))

    def label(self, name: str, **values) -> str:
        """One of the kiosk's own words, with {placeholders} filled in."""
        text = getattr(self.labels, name).get(self.lang)
        return text.format(**values) if values else text

    def number(self, value: float) -> str:
        """A figure written the visitor's way: 5,078,174 in English, 5 078 174 in Swedish."""
        return QLocale(self.lang).toString(float(value), "f", decimals_of(value))

    def path(self, ref: str) -> Path:
        """A file named in the content (FileRef paths are relative to the content folder)."""
        return Path(self.exhibit.root) / ref


class Texts:
    """The words a view shows, each bound to how it is made from the view's context.

    ``bind`` sets a word now; ``apply`` sets every bound word again from a new context (another
    language), on the same widgets. A target is a label, a Markdown label, a button (its
    accessible name follows its text) or any callable taking the text.
    """

    def __init__(self, ctx) -> None:
        self._ctx = ctx
        self._bound: list[tuple[object, Callable]] = []

    def bind(self, target, make: Callable) -> None:
        self._bound.append((target, make))
        set_words(target, make(self._ctx))

    def apply(self, ctx) -> None:
        self._ctx = ctx
        for target, make in self._bound:
            set_words(target, make(ctx))


def set_words(target: Union[QWidget, Callable[[str], None]], text: str) -> None:
    """Show ``text`` on ``target`` (see ``Texts``)."""
    if isinstance(target, MarkdownLabel):
        target.set_markdown(text)
    elif isinstance(target, QPushButton):
        target.setText(text)
        target.setAccessibleName(plain(text))
    elif isinstance(target, QLabel):
        target.setText(text)
    else:
        target(text)


def set_theme_all(root: QWidget, ui: UiTheme) -> None:
    """Give ``root`` and every widget inside it that draws with the theme in code (``set_theme``)
    the theme ``ui``: the accent rules, the fades, the page grid's measure."""
    for widget in [root, *root.findChildren(QWidget)]:
        if hasattr(widget, "set_theme"):
            widget.set_theme(ui)


class PageView(QWidget):
    """A page of a chapter. The chapter screen builds it ahead of need and tells it when it shows.

    ``apply`` shows it in another context (language, text size, contrast, motion) on the same
    widgets: the words bound in ``texts`` are set again, then ``_update_texts`` and
    ``_update_style`` redo what the view itself sets from the context. The window's stylesheet
    (the caller sets it first) restyles the rest. The visitor's place on the page is kept.
    """

    def __init__(self, page, ctx: ViewContext, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.page = page
        self.ctx = ctx
        self.texts = Texts(ctx)

    def apply(self, ctx: ViewContext) -> None:
        """Show the page in ``ctx``, as a view freshly built in it would, on the same widgets."""
        self.ctx = ctx
        self.texts.apply(ctx)
        self._update_texts()
        set_theme_all(self, ctx.ui)
        self._update_style()

    def bind_text(self, target, text: Optional[Text]) -> None:
        """Show the content's ``text`` on ``target`` in the language of the day (nothing: no target)."""
        if target is not None:
            self.texts.bind(target, lambda ctx: ctx.text(text))

    def bind_spoken(self, target, text: Optional[Text]) -> None:
        """As ``bind_text``, for what only a screen reader reads (an accessible name)."""
        if target is not None:
            self.texts.bind(target, lambda ctx: ctx.spoken(text))

    def _update_texts(self) -> None:
        """Words the view sets itself, beyond those bound in ``texts``."""

    def _update_style(self) -> None:
        """Sizes and looks the view sets itself from ``self.ctx.ui`` (after the parts' ``set_theme``)."""

    def page_shown(self) -> None:
        """The page has become the current one (charts grow their bars here)."""

    def page_hidden(self) -> None:
        """The page is no longer the current one."""

    def reset(self) -> None:
        """Back to how it first looked: scrolled to the top, panels closed, nothing revealed."""

    def scroll_area_for(self, orientation: Qt.Orientation) -> Optional[QAbstractScrollArea]:
        """The area a drag in ``orientation`` scrolls (kinetically), if this page has one."""
        return None


class ScrollingPageView(PageView):
    """A page whose words sit in one vertical scroll area, ``self._area``, which scrolls only
    where they do not fit (a long text, or large text on a small screen)."""

    _area: QAbstractScrollArea

    def reset(self) -> None:
        scroll_to_start(self._area)

    def scroll_area_for(self, orientation: Qt.Orientation) -> Optional[QAbstractScrollArea]:
        if orientation == Qt.Orientation.Vertical and overflows(self._area, orientation):
            return self._area
        return None
