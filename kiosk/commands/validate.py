"""``kiosk validate``: every problem in a content folder, then a one-line summary."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

from kiosk.content.loader import LoadResult, NotContentFolder, load_exhibit
from kiosk.content.model import ChartPage
from kiosk.content.problems import plural
from kiosk.content.shipped_pin import shipped_pin_problem
from kiosk.paths import ContentFolder, locate_content, shipped_content


def run_validate(folder: Optional[str], strict: bool, fit: bool = True) -> int:
    """Print every problem and the summary; the exit code. With ``fit``, content without errors
    is also measured on its target screens (:mod:`kiosk.ui.fit`); content with errors is not,
    since what fails to load cannot be measured: the fit warnings follow once they are fixed."""
    content = locate_content(folder)
    path = content.path
    try:
        # The working folder itself is shown as nothing, so that its files read chapters/…
        result = load_exhibit(path, "" if str(path) == "." else None)
    except NotContentFolder as exc:
        print(f"kiosk validate: {exc}", file=sys.stderr)
        return 2
    problems = sorted(result.problems + tuple(_qt_checks(result, fit)) + _shipped_pin(result, path),
                      key=lambda p: (p.file, p.line, p.severity != "error"))
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(summary(result, errors, warnings, content))
    return 1 if errors or (strict and warnings) else 0


def _shipped_pin(result: LoadResult, path: Path) -> tuple:
    """The warning that the admin PIN is still the shipped one, at its line in exhibit.yaml."""
    if result.exhibit is None:
        return ()
    found = shipped_pin_problem(result.exhibit.admin.pin_hash, path, "" if str(path) == "." else str(path))
    return (found,) if found is not None else ()


def _qt_checks(result: LoadResult, fit: bool):
    try:
        from kiosk.ui.imagecheck import check_images
    except ImportError as exc:  # PySide6 missing: the checks that need it are skipped, and said so
        print(f"kiosk validate: images not decoded, fit on screen not measured ({exc})", file=sys.stderr)
        return []
    found = check_images(result.files)
    if fit and not result.errors and not any(p.severity == "error" for p in found):
        from kiosk.ui.fit import check_fit

        found += check_fit(result)
    return found


def checked(content: ContentFolder) -> str:
    """Which folder was checked, as the summary line starts: 'checked ../..: '."""
    path = content.path
    shown = str(Path.cwd()) if str(path) == "." else str(path)
    if content.how == "shipped":
        return (f"checked the exhibit shipped with the kiosk, {shown}, as no content folder was "
                "found here or in a folder above: ")
    try:
        shipped = path.resolve() == shipped_content().resolve()
    except OSError:
        shipped = False
    if shipped:
        shown += " (the exhibit shipped with the kiosk)"
    elif content.how == "found" and path.parts[:1] == ("..",):  # ../.. alone does not say which
        shown += f" ({Path(os.path.abspath(path))})"
    return f"checked {shown}: "


def summary(result: LoadResult, errors: int, warnings: int, content: Optional[ContentFolder] = None) -> str:
    """The closing line: which folder was checked (when ``content`` is given), what loaded (of
    the chapters, also when exhibit.yaml did not) and how many problems the content has."""
    where = checked(content) if content is not None else ""
    chapters = result.exhibit.chapters if result.exhibit else result.chapters
    pages = [p for c in chapters for p in c.pages]
    charts = sum(isinstance(p, ChartPage) for p in pages)
    images = len({path for path, *_ in result.files if path.suffix.lower() != ".csv"})
    held = ", ".join([plural(len(chapters), "chapter"), plural(len(pages), "page"),
                      plural(charts, "chart"), plural(images, "image"),
                      plural(len(result.languages), "language")])
    problems = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    if result.exhibit is None:
        return (f"{where}{held}; exhibit.yaml could not be used, so the kiosk would go on showing its "
                f"last good content: {problems}")
    return f"{where}{held}: {problems}"
