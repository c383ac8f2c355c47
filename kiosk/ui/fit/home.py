"""The home screen's fit: tile titles over two lines, teasers their tiles cut, too many chapters.

The home screen measures itself (``HomeScreen.misfits()`` and ``fit()``, laid out with the
same text layout its tiles draw with); this turns what it finds into the curator's messages.
"""

from __future__ import annotations

from typing import Iterator

from kiosk.content.problems import plural

from kiosk.ui.tiles import TITLE_LINES

from . import messages as say
from .lines import shown_characters, words

MOST_PAGES = 5  # pages of tiles a visitor will swipe through at normal text size (30 chapters take 4)


def home_misfits(stage) -> Iterator[tuple[int, tuple, str, str]]:
    """(chapter index or -1 for the whole home screen, keys, kind, message) for what does not fit."""
    home = stage.home()
    where = {"size": say.size_text(stage.size), "scaled": say.scaled_text(stage.scale)}
    fit = home.fit()
    if fit.below_minimum:
        yield -1, (), "home", say.HOME_FULL.format(count=fit.chapters, tile_w=fit.tile.width(),
                                                  tile_h=fit.tile.height(), **where)
        return
    if stage.scale == 1.0 and fit.pages > MOST_PAGES:  # larger text is chosen, and pages further
        yield -1, (), "home", say.HOME_PAGES.format(pages=fit.pages, count=fit.chapters,
                                                   most=MOST_PAGES, **where)
    for misfit in home.misfits():
        tile = home.tiles[misfit.chapter_index]
        if misfit.field == "title":
            chars = shown_characters(" ".join(tile.title.whole_lines()[:TITLE_LINES]))
            yield misfit.chapter_index, ("title",), "title", say.TILE_TITLE.format(
                needed=plural(misfit.lines_needed, "line"), shown=misfit.lines_shown, chars=chars, **where)
        else:
            cut = words([tile.teaser.text()]) - words([" ".join(tile.teaser.shown_lines())])
            yield misfit.chapter_index, ("teaser",), "teaser", say.TILE_TEASER.format(
                needed=plural(misfit.lines_needed, "line"), shown=misfit.lines_shown,
                words=plural(max(1, cut), "word"), **where)
