"""The core knows nothing of Qt: the content engine and the command line load without it.

Each check runs in a fresh interpreter, because this test session has long since imported
PySide6 for other tests. Only ``kiosk/ui/`` may import PySide6 or pyqtgraph; ``kiosk
validate`` imports it lazily, for its image pass, which is why its check stops at the loader.
The visitor's session and the admin lock are core too: their tests run without Qt.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
QT = ("PySide6", "pyqtgraph", "shiboken6")
CORE_FILES = ("cli.py", "pin.py", "paths.py", "session.py", "admin_lock.py", "__init__.py", "__main__.py")
CORE = sorted(
    p for folder in ("kiosk/content", "kiosk/commands") for p in (REPO / folder).glob("*.py")
) + [REPO / "kiosk" / name for name in CORE_FILES]

REPORT = f"""
import json, sys
loaded = sorted({{name.split(".")[0] for name in sys.modules}} & {set(QT)!r})
ui = sorted(name for name in sys.modules if name.startswith("kiosk.ui"))
print(json.dumps(loaded + ui))
"""


def modules_after(code: str) -> list[str]:
    """The Qt modules (and kiosk.ui modules) loaded once ``code`` has run in a fresh Python."""
    done = subprocess.run(
        [sys.executable, "-c", code + REPORT], cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("module", [
    "kiosk.content.loader", "kiosk.content.schema", "kiosk.cli", "kiosk.commands.validate",
    "kiosk.commands.schema", "kiosk.commands.adminpin", "kiosk.pin", "kiosk.session", "kiosk.admin_lock",
    "kiosk.content.timeline",
])
def test_importing_pulls_in_no_qt(module):
    assert modules_after(f"import {module}") == []


def test_loading_and_validating_the_shipped_content_pulls_in_no_qt():
    code = f"""
from pathlib import Path
from kiosk.content.loader import load_exhibit
from kiosk.commands.validate import summary
result = load_exhibit(Path({str(REPO / "content")!r}))
assert result.exhibit is not None and not result.errors, result.errors
summary(result, len(result.errors), len(result.warnings))
"""
    assert modules_after(code) == []


def test_printing_the_schema_pulls_in_no_qt():
    code = """
import contextlib, io
from kiosk.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    assert main(["schema"]) == 0
"""
    assert modules_after(code) == []


class _ImportsOnImport(ast.NodeVisitor):
    """Collects the modules a file imports when it is imported: every import statement, at the
    top or inside a top-level ``if``, ``try``, ``with`` or class body, and ``importlib.
    import_module("…")`` / ``__import__("…")`` with a written name. Function bodies run only
    when called (``kiosk validate`` loads its Qt image pass so, on purpose), so they are skipped."""

    def __init__(self) -> None:
        self.found: set[str] = set()

    def visit_Import(self, node: ast.Import) -> None:
        self.found.update(alias.name for alias in node.names)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.found.add("." * node.level + (node.module or ""))

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            self.found.add(str(node.args[0].value))
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for decorator in node.decorator_list:  # decorators and defaults run at import
            self.visit(decorator)
        self.visit(node.args)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.visit(node.args)


def imports_on_import(source: str) -> set[str]:
    """The modules a file with ``source`` imports when it is imported."""
    visitor = _ImportsOnImport()
    visitor.visit(ast.parse(source))
    return visitor.found


def is_qt_or_ui(name: str) -> bool:
    return name.split(".")[0] in QT or name.startswith(("kiosk.ui", ".ui", "..ui"))


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_core_module_imports_qt_or_the_ui(path):
    """Also for modules no test above imports: a new file in kiosk/content stays Qt-free."""
    bad = {name for name in imports_on_import(path.read_text(encoding="utf-8")) if is_qt_or_ui(name)}
    assert bad == set()


@pytest.mark.parametrize("source, found", [
    ("import PySide6.QtCore", {"PySide6.QtCore"}),
    ("try:\n    import pyqtgraph\nexcept ImportError:\n    pass", {"pyqtgraph"}),
    ("if True:\n    from ..ui import theme", {"..ui"}),
    ("with suppress(ImportError):\n    from PySide6 import QtGui", {"PySide6"}),
    ("class A:\n    from kiosk.ui.theme import UiTheme", {"kiosk.ui.theme"}),
    ("import importlib\nQt = importlib.import_module('PySide6.QtWidgets')", {"importlib", "PySide6.QtWidgets"}),
    ("def later():\n    from kiosk.ui.imagecheck import check_images", set()),
    ("async def later():\n    import PySide6", set()),
])
def test_the_import_check_sees_every_import_that_runs_on_import(source, found):
    assert imports_on_import(source) == found
    assert any(map(is_qt_or_ui, found)) == bool(found - {"importlib"})
