"""Whether a theme's colours can be read from a distance: WCAG contrast ratios of the pairs the
kiosk draws, worked out from the hex codes alone (no Qt).

Body text and captions need 7:1 (WCAG's AAA); large text, figures, chart colours and controls
4.5:1. The kiosk draws each pair listed here somewhere: ``kiosk validate`` warns of one below its
ratio, at the colour's line, and tests hold the shipped and the high-contrast palettes to them.
"""

from __future__ import annotations

from dataclasses import dataclass

BODY = 7.0  # body text and captions
LARGE = 4.5  # large text, figures, graphics and controls


def luminance(colour: str) -> float:
    """The relative luminance of ``#rrggbb``, ``#rgb`` or ``#aarrggbb`` (the opacity is ignored)."""
    digits = colour.lstrip("#")
    if len(digits) == 8:
        digits = digits[2:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(one: str, other: str) -> float:
    """The contrast ratio of two colours: 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Pair:
    """A colour drawn on another, what it is, and the ratio it needs."""

    key: str  # the key of the colour to change (``series`` for a chart colour)
    what: str
    fore: str
    back: str
    least: float

    @property
    def ratio(self) -> float:
        return ratio(self.fore, self.back)

    def problem(self) -> str:
        lighter = luminance(self.fore) >= luminance(self.back)
        return (f"{self.what} ({self.fore} on {self.back}) has a contrast of {self.ratio:.2f}:1, less than the "
                f"{self.least:g}:1 visitors need to read it from a step or two away: make {self.key} "
                f"{'lighter' if lighter else 'darker'}")


def pairs(colours) -> list[Pair]:
    """Every pair of ``colours`` (a content.exhibit.Colours) the kiosk draws."""
    c = colours
    drawn = [
        Pair("text", "body text on the background", c.text, c.background, BODY),
        Pair("text", "text on tiles, panels and buttons", c.text, c.surface, BODY),
        Pair("muted", "captions and hints on the background", c.muted, c.background, BODY),
        Pair("muted", "captions on tiles and panels", c.muted, c.surface, BODY),
        Pair("accent", "the accent (dates, the chosen event, the current page) on the background",
             c.accent, c.background, LARGE),
        Pair("accent", "the accent on tiles and panels", c.accent, c.surface, LARGE),
        Pair("accent_text", "text on accent-coloured buttons", c.accent_text, c.accent, LARGE),
        Pair("unknown", "the hatching of unknown figures", c.unknown, c.background, LARGE),
    ]
    return drawn + [Pair("series", f"chart colour {number} of series", colour, c.background, LARGE)
                    for number, colour in enumerate(c.series, 1)]


def failing(colours) -> list[Pair]:
    """The pairs of ``colours`` below the ratio they need."""
    return [pair for pair in pairs(colours) if pair.ratio < pair.least]
