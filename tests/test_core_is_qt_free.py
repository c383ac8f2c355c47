"""The core knows nothing of Qt: the content engine and the command line load without it.

Each check runs in a fresh interpreter, because this test session has long since imported
PySide6 for other tests. Only ``kiosk/ui/`` may import PySide6 or pyqtgraph; ``kiosk
validate`` imports it lazily, for its image pass, which is why its check stops at the loader.
The visitor's session and the admin lock are core too: their tests run without Qt. Every
``.py`` outside ``kiosk/ui/``, in every subfolder, is checked file by file as well.
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


def core_files(package: Path) -> list[Path]:
    """Every ``.py`` file of ``package`` outside its ``ui/`` folder, in every subfolder."""
    return sorted(path for path in package.rglob("*.py") if path.relative_to(package).parts[0] != "ui")


CORE = core_files(REPO / "kiosk")

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
    "kiosk.content.timeline", "kiosk.schedule", "kiosk.restart", "kiosk.content.shipped_pin",
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
        module = "." * node.level + (node.module or "")
        self.found.add(module)
        joint = "" if module.endswith(".") or not module else "."
        self.found.update(f"{module}{joint}{alias.name}" for alias in node.names if alias.name != "*")

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
    return name.split(".")[0] in QT or name == "kiosk.ui" or name.startswith(("kiosk.ui.", ".ui", "..ui"))


def absolute(name: str, path: Path, package: Path) -> str:
    """``name`` as imported by the file at ``path`` in ``package``, relative imports resolved."""
    level = len(name) - len(name.lstrip("."))
    if not level:
        return name
    parts = (package.name, *path.relative_to(package).with_suffix("").parts[:-1])
    base = parts[:len(parts) - (level - 1)]
    return ".".join([*base, name[level:]] if name[level:] else base)


def qt_or_ui_imports(path: Path, package: Path = REPO / "kiosk") -> set[str]:
    """What the file at ``path`` in ``package`` imports of Qt or the ui, relative imports resolved."""
    names = {absolute(name, path, package) for name in imports_on_import(path.read_text(encoding="utf-8"))}
    return {name for name in names if is_qt_or_ui(name)}


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_core_module_imports_qt_or_the_ui(path):
    """Also for modules no test above imports: a new file in kiosk/content stays Qt-free."""
    assert qt_or_ui_imports(path) == set()


def test_the_core_files_are_every_file_outside_the_ui_however_deep(tmp_path):
    package = tmp_path / "kiosk"
    files = {
        "session.py": "import time\n",
        "floor.py": "from PySide6.QtCore import QTimer\n",
        "content/model.py": "import dataclasses\n",
        "content/deep/nested/figures.py": "import pyqtgraph\n",
        "commands/more/report.py": "from ...ui.theme import UiTheme\n",
        "content/deep/local.py": "from ..ui import names\n",  # kiosk.content.ui: not the ui
        "content/sneaky.py": "from .. import ui\n",
        "ui/window.py": "from PySide6.QtWidgets import QWidget\n",
        "ui/pages/base.py": "import PySide6\n",
    }
    for name, source in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(source, encoding="utf-8")
    found = {path.relative_to(package).as_posix(): qt_or_ui_imports(path, package)
             for path in core_files(package)}
    assert found == {
        "session.py": set(), "floor.py": {"PySide6.QtCore", "PySide6.QtCore.QTimer"},
        "content/model.py": set(), "content/deep/nested/figures.py": {"pyqtgraph"},
        "commands/more/report.py": {"kiosk.ui.theme", "kiosk.ui.theme.UiTheme"},
        "content/deep/local.py": set(), "content/sneaky.py": {"kiosk.ui"},
    }


@pytest.mark.parametrize("source, found", [
    ("import PySide6.QtCore", {"PySide6.QtCore"}),
    ("try:\n    import pyqtgraph\nexcept ImportError:\n    pass", {"pyqtgraph"}),
    ("if True:\n    from ..ui import theme", {"..ui", "..ui.theme"}),
    ("from .. import ui", {"..", "..ui"}),  # a submodule imported by name
    ("with suppress(ImportError):\n    from PySide6 import QtGui", {"PySide6", "PySide6.QtGui"}),
    ("class A:\n    from kiosk.ui.theme import UiTheme", {"kiosk.ui.theme", "kiosk.ui.theme.UiTheme"}),
    ("import importlib\nQt = importlib.import_module('PySide6.QtWidgets')", {"importlib", "PySide6.QtWidgets"}),
    ("def later():\n    from kiosk.ui.imagecheck import check_images", set()),
    ("async def later():\n    import PySide6", set()),
])
def test_the_import_check_sees_every_import_that_runs_on_import(source, found):
    assert imports_on_import(source) == found
    assert any(map(is_qt_or_ui, found)) == bool(found - {"importlib"})
