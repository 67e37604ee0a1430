"""app.domain and app.storage import no Qt: checked in a subprocess where PySide6 is blocked."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

CODE = """
import sys
sys.modules['PySide6'] = None
sys.modules['pyqtgraph'] = None
import pkgutil, importlib, app.domain, app.storage
for pkg in (app.domain, app.storage):
    for info in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(pkg.__name__ + '.' + info.name)
print('ok')
"""


def test_domain_and_storage_import_without_qt():
    result = subprocess.run([sys.executable, "-c", CODE], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_import_contract_holds():
    """The import-linter contract of pyproject.toml: ui > storage > domain, no Qt or pyqtgraph below
    the ui, no storage or I/O modules in the domain."""
    from pathlib import Path

    linter = Path(sys.executable).with_name("lint-imports")  # installed by the test extra, beside python
    result = subprocess.run([str(linter)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_every_module_says_what_it_holds_and_stays_readable():
    """One place for each thing (issue 7): each module of app/ opens with a docstring saying what it
    holds, and none grows past 400 lines (a module that does is holding more than one thing)."""
    import ast

    modules = [p for p in (REPO / "app").rglob("*.py") if p.name != "__init__.py"]
    assert len(modules) > 50
    undocumented = [str(p) for p in modules if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    too_long = {str(p): n for p in modules if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert undocumented == [] and too_long == {}
