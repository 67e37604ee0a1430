"""The window (PySide6). Importing this package first makes PySide6's per-import check cheap.

PySide6 hooks every import made after it is loaded (PYSIDE-2029) to find out whether the new
module uses PySide6, by searching its source for "PySide6". It gets the source with
``inspect.getsource``, which tokenizes the file and keeps every line in ``linecache`` for the
rest of the process: about 5 MB of strings for the modules Curbwatch imports at start-up, and
a few milliseconds a module. The same question is answered here by searching the file's
bytes, which keeps nothing. Where the hook is not there (another PySide6 version) or a
module has no ``.py`` file (the installed bundle), PySide6's own check runs unchanged."""

from __future__ import annotations

import sys

import PySide6  # noqa: F401 - loads shiboken6, which installs the hook patched below


def _uses_pyside_from_bytes(original):
    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.curbwatch = True
    return uses_pyside


def _cheap_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if callable(original) and not getattr(original, "curbwatch", False):
        feature._mod_uses_pyside = _uses_pyside_from_bytes(original)


_cheap_feature_check()
