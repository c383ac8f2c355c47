"""Checks across files: exhibit.yaml's pointers to pages in the chapters."""

from __future__ import annotations

from typing import Optional

import yaml

from .convert import Context
from .model import Exhibit, TimelinePage


def value_node(node: Optional[yaml.Node], *keys) -> Optional[yaml.Node]:
    """The node at a path of keys (names for mappings, 0-based numbers for lists)."""
    for key in keys:
        if isinstance(node, yaml.MappingNode) and isinstance(key, str):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return None
    return node


def check_references(exhibit: Exhibit, node: yaml.Node, ctx: Context) -> None:
    """Every page that exhibit.yaml names must exist; the home timeline must be a timeline."""
    for index, highlight in enumerate(exhibit.attract.highlights):
        where = value_node(node, "attract", "highlights", index, "page")
        _check(exhibit, highlight.page, where, ("attract", "highlights", index + 1, "page"), ctx)
    if exhibit.home_timeline:
        where = value_node(node, "home_timeline")
        page = _check(exhibit, exhibit.home_timeline, where, ("home_timeline",), ctx)
        if page is not None and not isinstance(page, TimelinePage):
            ctx.error(where, ("home_timeline",), f"'{exhibit.home_timeline}' is a {page.type} page; "
                      "the home screen shows a timeline page here")


def _check(exhibit, ref, where, keys, ctx):
    chapter, page = exhibit.find_page(ref)
    if "/" not in ref:
        ctx.error(where, keys, f"'{ref}' names no page: write chapter-folder/page-id, like 02-police/letters")
    elif chapter is None:
        ids = ", ".join(c.id for c in exhibit.chapters)
        ctx.error(where, keys, f"no chapter '{ref.partition('/')[0]}': the chapters are {ids}")
    elif page is None:
        ids = ", ".join(p.id for p in chapter.pages if p.id) or "none yet"
        ctx.error(where, keys, f"chapter '{chapter.id}' has no page with id '{ref.partition('/')[2]}': "
                  f"give the page 'id: {ref.partition('/')[2]}' (ids in this chapter: {ids})")
    return page
