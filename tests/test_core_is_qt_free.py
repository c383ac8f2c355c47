"""The core knows nothing of Qt: the content engine and the command line load without it.

Each check runs in a fresh interpreter, because this test session has long since imported
PySide6 for other tests. Only ``kiosk/ui/`` may import PySide6 or pyqtgraph; ``kiosk
validate`` imports it lazily, for its image pass, which is why its check stops at the loader.
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
CORE = sorted(
    p for folder in ("kiosk/content", "kiosk/commands") for p in (REPO / folder).glob("*.py")
) + [REPO / "kiosk" / name for name in ("cli.py", "pin.py", "paths.py", "__init__.py", "__main__.py")]

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
    "kiosk.commands.schema", "kiosk.commands.adminpin", "kiosk.pin",
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


def _top_level_imports(path: Path) -> set[str]:
    """Modules a file imports when it is imported (not those imported inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            found.add(base)
    return found


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_core_module_imports_qt_or_the_ui(path):
    """Also for modules no test above imports: a new file in kiosk/content stays Qt-free."""
    bad = {name for name in _top_level_imports(path)
           if name.split(".")[0] in QT or name.startswith(("kiosk.ui", ".ui", "..ui"))}
    assert bad == set()
