"""Files in the content folder that nothing uses: a leftover, or a name misspelt elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .problems import Problems, shown_path
from .walk import content_files

EXPECTED = {"exhibit.yaml", "README.md", "chapter.yaml"}
IGNORED_FOLDERS = {"fonts", "__pycache__"}


def report_unused(root: Path, prefix: str, named: set, problems: Problems,
                  unread: Iterable[Path] = ()) -> None:
    """A warning for every file that no YAML names (``named``: the paths YAML files name).

    Files in an ``unread`` folder (a chapter whose chapter.yaml could not be read) are left
    alone: what names them is unknown, and the unreadable file is reported already. Link loops,
    links out of the folder, unreadable folders and odd names are reported as what they are."""
    for path in content_files(root, prefix, problems, named, unread, _skipped):
        rel = path.relative_to(root)
        if path.name in EXPECTED:
            continue
        # A file that is named but unusable (a link out of the folder) is reported where it is
        # named; a file reached through a link is used, and so is a link to a used file.
        if path not in named and path.resolve() not in named:
            problems.warning(shown_path(prefix, rel.as_posix()), 0, (), "nothing uses this file: name it in a page (file:, "
                             "artwork: or data:), or move it out of the content folder")


def _skipped(rel: Path) -> bool:
    parts = rel.parts
    return any(p.startswith(".") for p in parts) or parts[0] in IGNORED_FOLDERS or rel.suffix == ".json"
