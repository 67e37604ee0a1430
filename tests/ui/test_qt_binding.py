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
