"""Every fit warning's words, in one place: the review PDF and the guide quote the same ones."""

from __future__ import annotations

SCROLLS = "needs {screens} screens at {size}; cut about {words} or split the page"
SIDE_SCROLLS = ("does not fit beside its chart at {size} (needs {needed}, {shown} show, the rest "
                "scrolls); cut about {words}")
CHART_SCROLLS = ("needs {screens} screens at {size} to show its bars and their names whole; show fewer "
                 "bars or shorter names, or split the chart")
CAPTION = "does not fit its space at {size}{scaled} (needs {needed}, {shown} show); cut about {words}"
BLURRED = ("will look blurred at {size}: the picture is {width}×{height} px and fills {shown_w}×{shown_h}; "
           "use one at least {need} px wide")
LABEL_CUT = "the label '{name}' is cut to '{shown}' at {size}{scaled}; shorten it to about {chars} characters"
AXIS_CUT = "the axis title '{name}' is cut to '{shown}' at {size}{scaled}; shorten it to about {chars} characters"
TOO_MANY_BARS = ("too many bars to read from two metres at {size}: each of its {count} categories gets "
                 "{band} px, less than a fingertip ({tap} px); show at most {most}, or split the chart")
FIGURES_OVERLAP = ("the figures at the ends of its bars run into each other at {size}{scaled}; show fewer "
                   "bars, or split the chart")
TILE_TITLE = ("takes {needed} on its home tile at {size}{scaled}; the tile shows {shown}, shorten it "
              "to about {chars} characters")
TILE_TEASER = "does not fit its home tile at {size}{scaled} (needs {needed}, {shown} show); cut about {words}"
ATTRACT_LINE = ("takes {needed} on the attract screen at {size}{scaled}, which has room for {most}; "
                "shorten it to about {chars} characters")
HOME_FULL = ("the home screen cannot hold {count} chapters at {size}{scaled}: a tile gets {tile_w}×{tile_h} px, "
             "too small for its title and a line of its teaser; take chapters out or merge some")
HOME_PAGES = ("the home screen needs {pages} pages of tiles for {count} chapters at {size}, more than a "
              "visitor will page through (at most {most}); take chapters out or merge some")


def size_text(size: tuple[int, int]) -> str:
    """1920×1080."""
    return f"{size[0]}×{size[1]}"


def scaled_text(scale: float) -> str:
    """'' at normal text size, ' with text at 1.5×' at a larger one."""
    return "" if scale == 1.0 else f" with text at {scale:g}×"
