"""Reading a content folder into an :class:`~kiosk.content.model.Exhibit`.

``load_exhibit`` never raises for bad content: it returns what could be loaded together
with every problem found. Only a folder that is no content folder at all raises
:class:`NotContentFolder`. A wrong value in exhibit.yaml falls back (to its default, a label
to its name, an untranslated text to the first language's); only an exhibit.yaml that is not
YAML, or has no usable ``title`` or ``languages``, leaves the exhibit out (the floor then runs
its last good snapshot, see :mod:`kiosk.owner`).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Optional

import yaml

from . import model
from .charts import resolve_chart
from .contrast import failing
from .context import INVALID, Context, child
from .convert import convert, convert_mapping
from .model import Chapter, Exhibit, Language
from .problems import Problems, shown_path
from .result import LoadResult, NotContentFolder, collector_paused  # noqa: F401 (the loader's own names too)
from .references import LeftOut, check_references, value_node
from .timeline import place_event
from .unused import report_unused
from .walk import folder_message, is_link_loop, link_target_outside, unreadable_folder
from .yamlsource import read_yaml_source

EXHIBIT_FILE = "exhibit.yaml"
CHAPTERS = "chapters"
CHAPTER_FILE = "chapter.yaml"
CHAPTER_NAME = re.compile(r"^\d+-[a-z0-9][a-z0-9-]*$")


def load_exhibit(root: Path, shown_as: Optional[str] = None) -> LoadResult:
    """Load the content folder ``root``; file names in problems start with ``shown_as``."""
    root = Path(root)
    if not root.is_dir():
        raise NotContentFolder(f"{root} is not a folder: give the content folder, the one that holds {EXHIBIT_FILE}")
    try:
        found = (root / EXHIBIT_FILE).is_file()
    except OSError as exc:
        raise NotContentFolder(f"{root} cannot be read ({exc.strerror}): let the kiosk's user open "
                               "the folder and read its files") from None
    if not found:
        raise NotContentFolder(f"{root} is not a content folder: it has no {EXHIBIT_FILE}")
    real_root = root.resolve()
    prefix = (shown_as if shown_as is not None else str(root)).rstrip("/")
    with collector_paused():
        return _load(real_root, prefix)


def _load(real_root: Path, prefix: str) -> LoadResult:
    problems = Problems()
    used: dict = {}
    files = (used, set(), {})  # files used, names named, files measured
    left_out = LeftOut()
    exhibit, ctx, node, languages = _load_exhibit_file(real_root, prefix, problems, files)
    if exhibit is None and link_target_outside(real_root / EXHIBIT_FILE, real_root):
        left_out.unread_folders.add(real_root / EXHIBIT_FILE)  # reported as such, not as a link again
    chapters = _load_chapters(real_root, prefix, languages, problems, files, left_out)
    if exhibit is not None:
        exhibit = dataclasses.replace(exhibit, chapters=chapters, root=str(real_root))
        exhibit = check_references(exhibit, node, ctx, left_out)
    report_unused(real_root, prefix, files[1], problems, left_out.unread_folders)
    files = tuple((path, *where) for path, places in used.items() for where in places)
    return LoadResult(exhibit, tuple(problems.sorted()), files, chapters, languages)


def _context(root: Path, prefix: str, rel: str, languages, problems, files) -> Context:
    used, named, checked = files
    return Context(
        file=shown_path(prefix, rel), folder=(root / rel).parent, root=root, languages=languages,
        problems=problems, used_files=used, named=named, checked=checked, prefix=prefix,
        hooks={model.ChartSpec: resolve_chart, model.TimelineEvent: place_event},
    )


def _load_exhibit_file(root, prefix, problems, used):
    ctx = _context(root, prefix, EXHIBIT_FILE, (), problems, used)
    ctx.forgiving = True
    outside = link_target_outside(root / EXHIBIT_FILE, root)
    if outside:
        problems.error(ctx.file, 0, (), _LINK_OUT.format(kind="file", target=outside))
        return None, ctx, None, ()
    node, ctx.source = read_yaml_source(root / EXHIBIT_FILE, ctx.file, problems)
    if node is None:
        return None, ctx, None, ()
    # Without languages the kiosk does not start; its texts are then read as they are, rather
    # than each reported against a guess.
    languages = ctx.languages = _languages(node, ctx)
    exhibit = convert_mapping(node, Exhibit, ctx, ())
    if exhibit is INVALID:
        return None, ctx, node, languages
    _check_contrast(exhibit, node, ctx)
    _check_legible(exhibit, node, ctx)
    first_of_each: dict[str, Language] = {}
    for language in exhibit.languages:  # a code listed twice is reported (in _languages), shown once
        first_of_each.setdefault(language.code, language)
    return dataclasses.replace(exhibit, languages=tuple(first_of_each.values())), ctx, node, languages


def _check_contrast(exhibit, node: yaml.Node, ctx: Context) -> None:
    """A warning at each colour of the theme that visitors could not read well enough."""
    theme = child(node, "theme")
    colours = child(theme, "colours", theme if theme is not None else node)
    for pair in failing(exhibit.theme.colours):
        ctx.warning(child(colours, pair.key, colours), ("theme", "colours", pair.key), pair.problem())


LEGIBLE_PX = 28  # the least size of any text a visitor reads, px at 1080p: read from 1 to 2 metres
TEXT_SIZES = ("body", "caption", "title", "display")


def _check_legible(exhibit, node: yaml.Node, ctx: Context) -> None:
    """A warning at each text size too small to read from where visitors stand."""
    theme = child(node, "theme")
    sizes = child(theme, "sizes", theme if theme is not None else node)
    for key in TEXT_SIZES:
        size = getattr(exhibit.theme.sizes, key)
        if size < LEGIBLE_PX:
            ctx.warning(child(sizes, key, sizes), ("theme", "sizes", key),
                        f"{size:g} px is too small to read from one or two metres away: visitors "
                        f"read nothing under {LEGIBLE_PX} px (on a 1080-pixel-high screen); set "
                        f"{key}: {LEGIBLE_PX} or more")


def _languages(node: yaml.Node, ctx: Context) -> tuple[str, ...]:
    """The language codes, read first: every translated text is checked against them. Their
    problems are reported when the exhibit itself is read, except a code listed twice."""
    found = child(node, "languages")
    if found is None:
        return ()
    quiet = Context(ctx.file, ctx.folder, ctx.root, ("en",), Problems())
    languages = convert(found, tuple[Language, ...], quiet, ("languages",))
    if languages is INVALID or not languages:
        return ()
    codes = tuple(dict.fromkeys(l.code for l in languages))
    if len(codes) != len(languages):
        ctx.error(found, ("languages",), "a language is listed twice: list each code once")
    return codes


_LINK_OUT = ("this is a link to a {kind} outside the content folder ({target}), which the kiosk "
             "does not read: put the {kind} itself here in place of the link")


def _chapter_folders(root: Path, prefix: str, problems: Problems, left_out: LeftOut) -> Optional[list[Path]]:
    """The folders in chapters/, in order; None after reporting why there are none to read."""
    folder = root / CHAPTERS
    where = shown_path(prefix, CHAPTERS)
    outside = link_target_outside(folder, root)
    if outside or is_link_loop(folder):
        problems.error(where, 0, (), _LINK_OUT.format(kind="folder", target=outside) if outside else
                       "this is a link that leads round in a circle (a link loop): put the chapters folder itself here")
        left_out.unread_folders.add(folder)
        return None
    if not folder.is_dir():
        problems.error(where, 0, (), "there is no chapters folder: make one "
                       "with a folder per chapter, like chapters/01-introduction/chapter.yaml")
        return None
    reason = unreadable_folder(folder)
    if reason:
        problems.error(where, 0, (), folder_message(reason))
        left_out.unread_folders.add(folder)
        return None
    return sorted(folder.iterdir(), key=lambda p: _order(p.name))


def _unusable_chapter_folder(path: Path, root: Path) -> Optional[str]:
    """Why a chapter folder (a folder, or a link to one) cannot be read, or None."""
    outside = link_target_outside(path, root)
    if outside:
        return _LINK_OUT.format(kind="folder", target=outside)
    reason = unreadable_folder(path)
    return folder_message(reason) if reason else None


def _load_chapters(root, prefix, languages, problems, used, left_out: LeftOut) -> tuple[Chapter, ...]:
    folders = _chapter_folders(root, prefix, problems, left_out)
    if folders is None:
        return ()
    chapters = []
    for path in folders:
        if not path.is_dir() or path.name.startswith("."):
            continue
        rel = f"{CHAPTERS}/{path.name}"
        unusable = _unusable_chapter_folder(path, root)
        if unusable:
            problems.error(shown_path(prefix, rel), 0, (), unusable)
            left_out.unread_folders.add(path)
            left_out.chapters.add(path.name)
            continue
        if not CHAPTER_NAME.match(path.name):
            problems.error(shown_path(prefix, rel), 0, (), "a chapter folder's name starts with its "
                           "number and a dash, in lower case without spaces, like 03-penal-code: rename it")
            left_out.unread_folders.add(path)
            continue
        chapter = _load_chapter(root, prefix, f"{rel}/{CHAPTER_FILE}", languages, problems, used, left_out)
        if chapter is not None:
            chapters.append(chapter)
        else:
            left_out.chapters.add(path.name)
    if not chapters and not problems.errors:
        problems.error(shown_path(prefix, CHAPTERS), 0, (), "no chapters: add a folder like "
                       "chapters/01-introduction with a chapter.yaml in it")
    return tuple(chapters)


def _order(name: str) -> tuple:
    number = re.match(r"^(\d+)", name)
    return (int(number.group(1)) if number else 10**9, name)


def _load_chapter(root, prefix, rel, languages, problems, used, left_out) -> Optional[Chapter]:
    ctx = _context(root, prefix, rel, languages, problems, used)
    outside = link_target_outside(root / rel, root)
    if outside:
        problems.error(ctx.file, 0, (), _LINK_OUT.format(kind="file", target=outside))
        left_out.unread_folders.add((root / rel).parent)
        return None
    if is_link_loop(root / rel):
        problems.error(ctx.file, 0, (), "this is a link that leads round in a circle (a link loop): "
                       "put the chapter.yaml itself here")
        left_out.unread_folders.add((root / rel).parent)
        return None
    if not (root / rel).is_file():
        problems.error(ctx.file, 0, (), "this chapter folder has no chapter.yaml: add one (see "
                       "content/README.md), or remove the folder")
        left_out.unread_folders.add((root / rel).parent)
        return None
    node, ctx.source = read_yaml_source(root / rel, ctx.file, problems)
    if node is None:
        left_out.unread_folders.add((root / rel).parent)
        return None
    chapter = convert_mapping(node, Chapter, ctx, ())
    if chapter is INVALID:
        return None
    folder = str(Path(rel).parent.as_posix())
    _check_page_ids(chapter, ctx, node)
    _note_pages_left_out(chapter, node, left_out.pages.setdefault(Path(folder).name, set()))
    return dataclasses.replace(chapter, id=Path(folder).name, folder=folder, origin=model.Origin(ctx.file, 1))


def _note_pages_left_out(chapter: Chapter, node: yaml.Node, left_out: set) -> None:
    """The ids of pages written in the chapter but left out for their errors."""
    pages = value_node(node, "pages")
    if not isinstance(pages, yaml.SequenceNode) or len(pages.value) == len(chapter.pages):
        return
    loaded = {page.id for page in chapter.pages}
    for item in pages.value:
        found = value_node(item, "id")
        if isinstance(found, yaml.ScalarNode) and found.value not in loaded:
            left_out.add(found.value)


def _check_page_ids(chapter: Chapter, ctx: Context, node: yaml.Node) -> None:
    seen: dict[str, int] = {}
    for number, page in enumerate(chapter.pages, 1):
        if page.id is None:
            continue
        if page.id in seen:
            ctx.problems.error(ctx.file, page.origin.line, ("pages", number, "id"),
                               f"the id '{page.id}' is also used by page {seen[page.id]}: give each page its own id")
        else:
            seen[page.id] = number


__all__ = ["load_exhibit", "LoadResult", "NotContentFolder"]
