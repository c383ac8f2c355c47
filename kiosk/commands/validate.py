"""``kiosk validate``: every problem in a content folder, then a one-line summary."""

from __future__ import annotations

import sys
from typing import Optional

from kiosk.content.loader import LoadResult, NotContentFolder, load_exhibit
from kiosk.content.model import ChartPage
from kiosk.content.problems import plural
from kiosk.paths import content_dir


def run_validate(folder: Optional[str], strict: bool, fit: bool = True) -> int:
    """Print every problem and the summary; the exit code. With ``fit``, content without errors
    is also measured on its target screens (:mod:`kiosk.ui.fit`); content with errors is not,
    since what fails to load cannot be measured: the fit warnings follow once they are fixed."""
    path = content_dir(folder)
    try:
        result = load_exhibit(path)
    except NotContentFolder as exc:
        print(f"kiosk validate: {exc}", file=sys.stderr)
        return 2
    problems = sorted(result.problems + tuple(_qt_checks(result, fit)),
                      key=lambda p: (p.file, p.line, p.severity != "error"))
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(summary(result, errors, warnings))
    return 1 if errors or (strict and warnings) else 0


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


def summary(result: LoadResult, errors: int, warnings: int) -> str:
    """The closing line: what loaded (of the chapters, also when exhibit.yaml did not) and how
    many problems the content has."""
    chapters = result.exhibit.chapters if result.exhibit else result.chapters
    pages = [p for c in chapters for p in c.pages]
    charts = sum(isinstance(p, ChartPage) for p in pages)
    images = len({path for path, *_ in result.files if path.suffix.lower() != ".csv"})
    held = ", ".join([plural(len(chapters), "chapter"), plural(len(pages), "page"),
                      plural(charts, "chart"), plural(images, "image"),
                      plural(len(result.languages), "language")])
    problems = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    if result.exhibit is None:
        return f"{held}; exhibit.yaml could not be used, so the kiosk would go on showing its last good content: {problems}"
    return f"{held}: {problems}"
