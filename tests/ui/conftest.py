"""Qt test guards: a modal dialog nobody answers would hang the run, so any dialog a test
did not expect fails it instead."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox


def _unexpected(*args, **kwargs):
    raise AssertionError(f"unexpected modal dialog: {args[1:3] if len(args) > 2 else args}")


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    for name in ("warning", "question", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, _unexpected)
    monkeypatch.setattr(QDialog, "exec", _unexpected)
    monkeypatch.setattr(QMessageBox, "exec", _unexpected)


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp):
    """Copy tests put QMimeData on the clipboard; left there, Qt frees it after Python has torn
    the application down and the process dies with a segfault at exit (exit 139)."""
    yield
    qapp.clipboard().clear()
