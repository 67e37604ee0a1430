"""The Qt binding must not leak or drop references: PySide6 6.12.0 dropped one reference to
None per void Qt call, which aborted the app after a few hundred clicks."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    obj = QObject()
    for _ in range(50):  # warm up caches
        label.setText("x")
        obj.setObjectName("x")
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        obj.setObjectName("x")
    assert sys.getrefcount(None) - before > -100


def test_many_source_switches_and_selections_survive(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.reserves.chart is not None)
    before = sys.getrefcount(None)
    editions = [e.id for e in window.workspace.dataset.editions]
    for i in range(40):
        window.reserves.select_source(editions[i % len(editions)])
    window.tabs.setCurrentIndex(0)
    for i in range(200):
        window.companies.select_row(i % 28)
    assert sys.getrefcount(None) - before > -500


def _import_fresh(tmp_path, name: str, source: str):
    import importlib

    (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        importlib.invalidate_caches()
        return __import__(name)  # the import statement's way: PySide6 hooks __import__
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(name, None)


def test_pyside_import_check_keeps_no_source_lines_and_still_answers(tmp_path):
    """PySide6 checks each module imported after it for "PySide6" (PYSIDE-2029) through
    inspect.getsource, which kept every line of every module in linecache (5 MB at start-up).
    app.ui answers the same question from the file's bytes."""
    import linecache

    import app.ui  # noqa: F401 - installs the cheaper check

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        import pytest

        pytest.skip("this PySide6 has no per-import check")
    assert getattr(feature._mod_uses_pyside, "curbwatch", False)
    plain = _import_fresh(tmp_path, "curbwatch_plain_probe", "VALUE = 1\n")
    qt = _import_fresh(tmp_path, "curbwatch_qt_probe", "import PySide6.QtCore\nVALUE = 2\n")
    assert plain.__file__ not in linecache.cache and qt.__file__ not in linecache.cache
    assert feature.pyside_feature_dict["curbwatch_plain_probe"] == -1  # ignored by feature switching
    assert feature.pyside_feature_dict["curbwatch_qt_probe"] == 0  # uses PySide6: switching default
    assert feature._mod_uses_pyside(sys) is False  # no file: PySide6's own check answers
