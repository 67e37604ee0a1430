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
