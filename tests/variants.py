"""The shipped exhibit with another number of chapters, in a folder of the test's own.

``chapters_variant(tmp_path, 12)`` copies ``content/`` and keeps its first chapters, or adds
copies of the shipped ones numbered on (09-roots-of-terror, 10-secret-police …), until there
are as many as asked. Chapters are the folders in ``chapters/`` (exhibit.yaml has no list of
them); what exhibit.yaml points at in a chapter that is left out (an attract highlight, the
home timeline) is left out with it, so every variant loads without a problem.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[1] / "content"
HIGHLIGHT = re.compile(r"^    - chapter: (\S+)\n(?:      .*\n)*", re.M)  # a highlight, with the lines under it
HOME_TIMELINE = re.compile(r"^home_timeline: (\S+?)/.*\n", re.M)


def chapters_variant(tmp_path: Path, count: int, name: str = "") -> Path:
    """A content folder in ``tmp_path`` like the shipped one, with ``count`` chapters."""
    if count < 1:
        raise ValueError("an exhibit has at least one chapter")
    root = tmp_path / (name or f"content-{count}")
    shutil.copytree(CONTENT, root)
    shipped = sorted(p for p in (root / "chapters").iterdir() if p.is_dir())
    for folder in shipped[count:]:
        shutil.rmtree(folder)
    for number in range(len(shipped) + 1, count + 1):
        source = shipped[(number - 1) % len(shipped)]
        slug = source.name.split("-", 1)[1]
        shutil.copytree(CONTENT / "chapters" / source.name, root / "chapters" / f"{number:02d}-{slug}")
    kept = {p.name for p in (root / "chapters").iterdir()}
    exhibit = root / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    for pointer in (HIGHLIGHT, HOME_TIMELINE):
        text = pointer.sub(lambda match: match.group() if match.group(1) in kept else "", text)
    exhibit.write_text(text, encoding="utf-8")
    return root
