"""Checks across files: exhibit.yaml's pointers to pages in the chapters.

A pointer that leads nowhere is reported and taken out of the exhibit (a highlight whose
chapter is not there, or has no artwork, is left out of the attract loop; the home screen shows
no timeline), so that the kiosk never has to
show a page that is not there."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from .context import Context, child
from .model import Exhibit, TimelinePage


@dataclass
class LeftOut:
    """What was in the folder but could not be loaded: pointers at it and files in it say so,
    instead of calling it missing or unused."""

    chapters: set[str] = field(default_factory=set)
    """Ids of chapter folders that could not be loaded."""
    pages: dict[str, set[str]] = field(default_factory=dict)
    """Chapter id → ids of its pages left out for their own errors."""
    unread_folders: set[Path] = field(default_factory=set)
    """Chapter folders whose chapter.yaml could not be read, so nothing is known of their files."""


def value_node(node: Optional[yaml.Node], *keys) -> Optional[yaml.Node]:
    """The node at a path of keys (names for mappings, 0-based numbers for lists)."""
    for key in keys:
        if isinstance(node, yaml.MappingNode) and isinstance(key, str):
            node = child(node, key)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return None
    return node


def check_references(exhibit: Exhibit, node: yaml.Node, ctx: Context,
                     left_out: Optional[LeftOut] = None) -> Exhibit:
    """Every chapter and page that exhibit.yaml names must exist, and the home timeline must be a timeline.
    The exhibit without the pointers that lead nowhere, each reported."""
    left_out = left_out or LeftOut()
    highlights = []
    for index, highlight in enumerate(exhibit.attract.highlights):
        where = value_node(node, "attract", "highlights", index, "chapter")
        if _check_artwork(exhibit, highlight.chapter, where, ("attract", "highlights", index + 1, "chapter"),
                          ctx, left_out):
            highlights.append(highlight)
    home_timeline = exhibit.home_timeline
    if home_timeline:
        where = value_node(node, "home_timeline")
        page = _check(exhibit, home_timeline, where, ("home_timeline",), ctx, left_out)
        if page is not None and not isinstance(page, TimelinePage):
            ctx.error(where, ("home_timeline",), f"'{home_timeline}' is a {page.type} page; "
                      "the home screen shows a timeline page here")
        if not isinstance(page, TimelinePage):
            home_timeline = None
    attract = dataclasses.replace(exhibit.attract, highlights=tuple(highlights))
    return dataclasses.replace(exhibit, attract=attract, home_timeline=home_timeline)


def _check_artwork(exhibit, chapter_id, where, keys, ctx, left_out) -> bool:
    """True if the chapter is there and has artwork for the attract screen to show."""
    chapter = exhibit.chapter(chapter_id)
    if chapter_id in left_out.chapters:
        ctx.error(where, keys, f"the chapter '{chapter_id}' could not be loaded (see its own errors): "
                  "fix those, and this highlight shows again")
    elif chapter is None:
        ids = ", ".join(c.id for c in exhibit.chapters)
        hint = " (name the chapter's folder alone, without a page)" if "/" in chapter_id else ""
        ctx.error(where, keys, f"no chapter '{chapter_id}'{hint}: the chapters are {ids}")
    elif chapter.artwork is None:
        ctx.error(where, keys, f"chapter '{chapter_id}' has no artwork for the attract screen to show: "
                  "give the chapter an 'artwork:' picture, or choose another chapter")
    else:
        if chapter.advisory is not None:
            ctx.warning(where, keys, f"chapter '{chapter_id}' opens with an advisory, but everyone walking "
                        "past sees the attract screen: choose a chapter without one, unless its artwork "
                        "and this line are fit for everyone")
        return True
    return False


def _check(exhibit, ref, where, keys, ctx, left_out):
    chapter, page = exhibit.find_page(ref)
    chapter_id, _, page_id = ref.partition("/")
    if "/" not in ref:
        ctx.error(where, keys, f"'{ref}' names no page: write chapter-folder/page-id, like "
                  "02-secret-police/letters")
    elif chapter_id in left_out.chapters:
        ctx.error(where, keys, f"the chapter '{chapter_id}' could not be loaded (see its own errors): "
                  "fix those, and this pointer works again")
    elif page is None and page_id in left_out.pages.get(chapter_id, ()):
        ctx.error(where, keys, f"the page '{page_id}' of chapter '{chapter_id}' could not be loaded "
                  "(see its own errors): fix those, and this pointer works again")
    elif chapter is None:
        ids = ", ".join(c.id for c in exhibit.chapters)
        ctx.error(where, keys, f"no chapter '{chapter_id}': the chapters are {ids}")
    elif page is None:
        ids = ", ".join(p.id for p in chapter.pages if p.id) or "none yet"
        ctx.error(where, keys, f"chapter '{chapter.id}' has no page with id '{page_id}': "
                  f"give the page 'id: {page_id}' (ids in this chapter: {ids})")
    return page
