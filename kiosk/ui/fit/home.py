"""The home screen's fit: tile titles over two lines, teasers their tiles cut, too many chapters.

The measuring of the tiles is in ``_home_misfits`` and ``_home_holds`` alone, against today's
``HomeScreen`` and ``ChapterTile``; a home screen that measures itself can stand in for them
(``misfits()`` giving the same ``TileMisfit`` list).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from kiosk.content.problems import plural

from . import messages as say
from .lines import text_lines, words

TITLE_LINES = 2  # a tile's title in at most two lines


@dataclass(frozen=True)
class TileMisfit:
    """A chapter's title or teaser that its home tile cannot show whole."""

    chapter_index: int
    field: str  # 'title' or 'teaser'
    lines_needed: int
    lines_shown: int


def _home_misfits(home) -> list[TileMisfit]:
    """Today's tiles measured: the title's lines at the tile's width (two show well), the
    teaser's lines against the whole lines its tile leaves it."""
    found = []
    for index, tile in enumerate(home.tiles):
        width = _inner_width(tile)
        title = text_lines(tile.title.text(), tile.title.font(), width)
        if len(title) > TITLE_LINES:
            found.append(TileMisfit(index, "title", len(title), TITLE_LINES))
        needed = len(text_lines(tile.teaser.text(), tile.teaser.font(), width))
        shown = 0 if tile.teaser.isHidden() else tile.teaser.height() // tile.teaser.fontMetrics().lineSpacing()
        if needed > shown:
            found.append(TileMisfit(index, "teaser", needed, shown))
    return found


def _inner_width(tile) -> int:
    """The width the tile's words are set in: the tile less its padding."""
    return tile.layout().contentsRect().width()


def _home_holds(home) -> bool:
    """Whether every tile has room for its title and at least one line of its teaser."""
    return all(not tile.teaser.isHidden() and tile.title.height() >= tile.title.heightForWidth(tile.title.width())
               for tile in home.tiles)


def home_misfits(stage) -> Iterator[tuple[int, tuple, str, str]]:
    """(chapter index or -1 for the whole home screen, keys, kind, message) for what does not fit."""
    home = stage.home()
    where = {"size": say.size_text(stage.size), "scaled": say.scaled_text(stage.scale)}
    if not _home_holds(home):
        tile = home.tiles[0]
        yield -1, (), "home", say.HOME_FULL.format(count=len(home.tiles), tile_w=tile.width(),
                                                  tile_h=tile.height(), **where)
        return
    for misfit in _home_misfits(home):
        tile = home.tiles[misfit.chapter_index]
        if misfit.field == "title":
            lines = text_lines(tile.title.text(), tile.title.font(), _inner_width(tile))
            chars = len(" ".join(" ".join(lines[:TITLE_LINES]).split()))
            yield misfit.chapter_index, ("title",), "title", say.TILE_TITLE.format(
                needed=plural(misfit.lines_needed, "line"), shown=misfit.lines_shown, chars=chars, **where)
        else:
            lines = text_lines(tile.teaser.text(), tile.teaser.font(), _inner_width(tile))
            yield misfit.chapter_index, ("teaser",), "teaser", say.TILE_TEASER.format(
                needed=plural(misfit.lines_needed, "line"), shown=misfit.lines_shown,
                words=plural(max(1, words(lines[misfit.lines_shown:])), "word"), **where)
