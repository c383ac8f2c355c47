"""The content's theme made concrete for one screen: pixel sizes, fonts, colours, one stylesheet.

Sizes in the content are design pixels on a 1080-pixel-high screen; ``UiTheme.px`` scales
them to the real screen, so the same content fills a laptop, a portrait panel or a 4K wall.
Widgets never set colours or fonts themselves: they set a ``role`` property and the one
stylesheet made here styles them.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont

from kiosk.content.model import Theme
from kiosk.content.exhibit import Colours

DESIGN_HEIGHT = 1080
MIN_TAP_PX_AT_1080 = 64
MM_PER_INCH = 25.4
HEADING_SHARE = 0.62  # a heading inside a page (an event's title, "Sources") to the title size
TILE_TITLE_SHARE = 1.1  # a chapter tile's title to the body size
LEAD_SHARE = 1.35  # the attract screen's one large line to the title size
CARD_TITLE_SHARE = 1.0  # the home screen's timeline cards: the caption size, the legible floor

# High contrast: white on black, a yellow accent, every colour at least 4.5:1 on black (the muted
# grey 7:1 and more). The chart colours are Okabe and Ito's, less their blue and black: told apart
# with every common kind of colour blindness, and each light enough to read on black.
HIGH_CONTRAST = Colours(
    background="#000000", surface="#000000", text="#ffffff", muted="#d6d6d6", accent="#ffd21f",
    accent_text="#000000", series=("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#cc79a7", "#d55e00"),
    unknown="#bdbdbd",
)


@dataclass(frozen=True)
class UiTheme:
    """The theme at one screen size: everything a widget needs to draw itself."""

    theme: Theme
    scale: float
    tap_px: int
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False

    def px(self, design: float) -> int:
        """Design pixels (at 1080p) in real pixels on this screen."""
        return max(1, round(design * self.scale))

    def text_px(self, design: float) -> int:
        return max(1, round(design * self.scale * self.text_scale))

    @property
    def margin(self) -> int:
        return self.px(self.theme.sizes.margin)

    @property
    def gap(self) -> int:
        return self.px(self.theme.sizes.margin / 3)

    @property
    def colours(self) -> Colours:
        """The palette in force: the content's, or the high-contrast one."""
        return HIGH_CONTRAST if self.high_contrast else self.theme.colours

    @property
    def edge(self) -> str:
        """The colour of a panel's or button's edge: none to see (the surface), or white."""
        return self.colours.text if self.high_contrast else self.colours.surface

    def colour(self, name: str) -> QColor:
        return QColor(getattr(self.colours, name))

    def series_colour(self, index: int) -> QColor:
        palette = self.colours.series
        return QColor(palette[index % len(palette)])

    def _motion(self, ms: int) -> int:
        return 0 if self.reduced_motion else ms

    @property
    def turn_ms(self) -> int:
        """How long a page slides when it turns: 0 (at once) with reduced motion."""
        return self._motion(self.theme.timings.page_turn_ms)

    @property
    def grow_ms(self) -> int:
        """How long a chart's bars grow in: 0 (in full at once) with reduced motion."""
        return self._motion(self.theme.timings.chart_grow_ms)

    @property
    def fade_ms(self) -> int:
        """How long a cross-fade lasts: 0 (a plain change) with reduced motion."""
        return self._motion(self.theme.timings.fade_ms)

    def font(self, role: str) -> QFont:
        """The font of a text role: body, caption, card-title, button, heading, title, lead, tile-title,
        display."""
        sizes, fonts = self.theme.sizes, self.theme.fonts
        family, size, weight = {
            "body": (fonts.body, sizes.body, QFont.Weight.Normal),
            "caption": (fonts.body, sizes.caption, QFont.Weight.Normal),
            "card-title": (fonts.body, sizes.caption * CARD_TITLE_SHARE, QFont.Weight.Normal),
            "button": (fonts.body, sizes.caption, QFont.Weight.Bold),
            "heading": (fonts.heading, sizes.title * HEADING_SHARE, QFont.Weight.Bold),
            "title": (fonts.heading, sizes.title, QFont.Weight.Bold),
            "lead": (fonts.heading, sizes.title * LEAD_SHARE, QFont.Weight.Bold),
            "tile-title": (fonts.heading, sizes.body * TILE_TITLE_SHARE, QFont.Weight.Bold),
            "display": (fonts.heading, sizes.display, QFont.Weight.Bold),
        }[role]
        font = QFont(family)
        font.setPixelSize(self.text_px(size))
        font.setWeight(weight)
        return font

    def stylesheet(self) -> str:
        return stylesheet(self)


def make_theme(theme: Theme, screen: QSize, dpi: float, text_scale: float = 1.0, high_contrast: bool = False,
               reduced_motion: bool = False) -> UiTheme:
    """The theme for a screen of ``screen`` pixels at ``dpi`` physical dots per inch, with the
    visitor's text size, contrast and motion."""
    scale = min(screen.width(), screen.height()) / DESIGN_HEIGHT
    from_mm = theme.sizes.tap_target_mm * dpi / MM_PER_INCH
    tap = round(max(from_mm, MIN_TAP_PX_AT_1080 * scale))
    return UiTheme(theme, scale, tap, text_scale, high_contrast, reduced_motion)


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours: 1 (the same) to 21 (black and white)."""

    def luminance(colour: QColor) -> float:
        channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                    for c in (colour.redF(), colour.greenF(), colour.blueF())]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def configure_charts(pg: ModuleType) -> None:
    """pyqtgraph's process-wide options, set once before the first chart is made.

    The chart modules pass pyqtgraph in, so that importing the theme never imports it: the
    attract screen paints before pyqtgraph (slow to import) is loaded.
    """
    if getattr(pg, "_kiosk_configured", False):
        return
    pg.setConfigOptions(antialias=True, background=None)
    pg._kiosk_configured = True


def stylesheet(ui: UiTheme) -> str:
    """One stylesheet for the whole kiosk, keyed on each widget's ``role`` property."""
    c, s, f = ui.colours, ui.theme.sizes, ui.theme.fonts
    radius = ui.px(10)
    border = max(1, ui.px(2))
    pad = ui.px(s.caption * 0.9)
    edge = ui.edge
    # High contrast draws panels on black: a white edge shows where they are.
    panel_edge = f"border: {border}px solid {edge};" if ui.high_contrast else ""
    return f"""
* {{ outline: none; }}
QWidget {{ background: transparent; color: {c.text}; font-family: "{f.body}";
    font-size: {ui.text_px(s.body)}px; }}
QWidget[role="screen"] {{ background: {c.background}; }}
QWidget[role="panel"] {{ background: {c.surface}; border-radius: {radius}px; {panel_edge} }}
QWidget[role="scrim"] {{ background: rgba(0, 0, 0, 190); }}
QLabel {{ background: transparent; }}
QLabel[role="display"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.display)}px;
    font-weight: bold; color: {c.text}; }}
QLabel[role="figure"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.display)}px;
    font-weight: bold; color: {c.text}; }}
QLabel[role="title"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.title)}px; font-weight: bold; }}
QLabel[role="lead"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.title * LEAD_SHARE)}px;
    font-weight: bold; color: {c.text}; }}
QLabel[role="heading"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.title * HEADING_SHARE)}px;
    font-weight: bold; color: {c.text}; }}
QLabel[role="date"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.title)}px; font-weight: bold;
    color: {c.accent}; }}
QLabel[role="subtitle"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.title * 0.62)}px;
    color: {c.muted}; }}
QLabel[role="eyebrow"] {{ font-size: {ui.text_px(s.caption)}px; color: {c.muted};
    letter-spacing: {ui.px(2)}px; text-transform: uppercase; }}
QLabel[role="body"] {{ font-size: {ui.text_px(s.body)}px; }}
QLabel[role="caption"] {{ font-size: {ui.text_px(s.caption)}px; color: {c.muted}; }}
QLabel[role="card-title"] {{ font-size: {ui.text_px(s.caption * CARD_TITLE_SHARE)}px; color: {c.muted}; }}
QLabel[role="legend"] {{ font-size: {ui.text_px(s.caption)}px; color: {c.text}; }}
QLabel[role="tile-title"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.body * TILE_TITLE_SHARE)}px;
    font-weight: bold; }}
QLabel[role="invitation"] {{ font-size: {ui.text_px(s.body)}px; font-weight: bold; color: {c.accent_text};
    background: {c.accent}; border-radius: {ui.tap_px // 2}px; padding: 0 {ui.px(48)}px; }}
QLabel[role="quote"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.title * 0.9)}px;
    font-style: italic; }}
QPushButton {{ background: {c.surface}; color: {c.text}; border: {border}px solid {edge};
    border-radius: {radius}px; padding: 0 {pad}px; min-height: {ui.tap_px}px; min-width: {ui.tap_px}px;
    font-size: {ui.text_px(s.caption)}px; font-weight: bold; }}
QPushButton:pressed, QPushButton[pressed="true"] {{ background: {c.accent}; color: {c.accent_text};
    border-color: {c.accent}; }}
QPushButton:disabled {{ color: {c.muted}; background: transparent; border-color: {c.surface}; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}
QPushButton[role="primary"]:pressed {{ background: {c.text}; color: {c.background}; border-color: {c.text}; }}
QPushButton[role="primary"]:disabled {{ background: transparent; color: {c.muted}; border-color: {c.surface}; }}
QPushButton[role="quiet"] {{ background: transparent; border-color: {c.muted}; }}
QPushButton[role="quiet"]:pressed {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}
QPushButton[role="tile"] {{ background: {c.surface}; border-radius: {radius}px; padding: 0;
    text-align: left; }}
QPushButton[role="tile"]:pressed {{ background: {c.background}; border-color: {c.accent}; }}
QPushButton[role="tile"][selected="true"] {{ border-color: {c.accent}; }}
QPushButton[role="arrow"] {{ background: transparent; border-color: {c.muted}; padding: 0;
    min-width: {ui.tap_px - 2 * border}px; max-width: {ui.tap_px - 2 * border}px;
    min-height: {ui.tap_px - 2 * border}px; max-height: {ui.tap_px - 2 * border}px; font-family: "{f.heading}"; font-size: {ui.text_px(s.title * 0.8)}px; }}
QPushButton[role="arrow"]:pressed {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}
QPushButton[role="arrow"]:disabled {{ color: {c.surface}; border-color: {c.surface}; }}
QPushButton[role="key"] {{ font-family: "{f.heading}"; font-size: {ui.text_px(s.title)}px; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QScrollBar:vertical {{ background: transparent; width: {ui.px(6)}px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {c.muted}; border-radius: {ui.px(3)}px; min-height: {ui.px(40)}px; }}
QScrollBar:horizontal {{ background: transparent; height: {ui.px(6)}px; margin: 0; }}
QScrollBar::handle:horizontal {{ background: {c.muted}; border-radius: {ui.px(3)}px; min-width: {ui.px(40)}px; }}
QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page {{
    background: none; border: none; width: 0; height: 0; }}
"""
