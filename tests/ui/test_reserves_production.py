"""The Reserves tab with USGS MCS 2026: the default source, reserves or mine production of
either year on the chart (axis title, value labels and caption follow), NA bars left out and
listed, production columns named with the source's years, and production edits in the table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

DISPLAY = Qt.ItemDataRole.DisplayRole


def _caption(tab) -> str:
    """The caption as the user reads it (its HTML rendered to text)."""
    doc = QTextDocument()
    doc.setHtml(tab.caption.text())
    return doc.toPlainText()


def _reserves_tab(make_window, qtbot):
    window = make_window(dt.date(2026, 12, 1))
    window.tabs.setCurrentWidget(window.reserves)
    qtbot.waitUntil(lambda: window.reserves.chart is not None)
    return window, window.reserves


def _headers(tab):
    return {tab.proxy.headerData(i, Qt.Orientation.Horizontal, DISPLAY): i for i in range(tab.proxy.columnCount())
            if not tab.table.isColumnHidden(i)}


def test_mcs_2026_is_the_default_source_with_reserves_charted(make_window, qtbot):
    _window, tab = _reserves_tab(make_window, qtbot)
    assert tab.source.currentData() == "usgs-mcs-2026" and tab.source.currentIndex() == 0
    assert tab.shown_figure() == "reserves_t"
    assert [tab.figure.itemText(i) for i in range(tab.figure.count())] == \
        ["Reserves", "Mine production 2025", "Mine production 2024"]
    chart = tab.chart
    assert chart.bar_count() == 11 and chart.bar_values()[:2] == [44_000_000, 21_000_000]
    assert chart.value_texts()[:3] == ["44 Mt", "21 Mt", "6.3 Mt"]
    assert chart.axis_title().startswith("Reserves, million metric tons")
    caption = _caption(tab)
    assert "No figure (NA), not charted: Burma (Myanmar), India, Madagascar, Nigeria, Other, Thailand." in caption
    assert "World total (reserves): more than 85 Mt." in caption and "Confidence MED" in caption
    assert "pranava0x0/usgs-mineral-commodity-summaries" in caption
    headers = _headers(tab)
    assert "Production 2025 (t)" in headers and "Production 2024 (t)" in headers
    assert "Against USGS" not in headers


def test_showing_mine_production_changes_axis_labels_and_caption(make_window, qtbot):
    _window, tab = _reserves_tab(make_window, qtbot)
    assert tab.select_figure("production_t")
    qtbot.waitUntil(lambda: tab.chart.bar_values()[:1] == [270_000], timeout=1000)
    chart = tab.chart
    assert chart.bar_labels()[:4] == ["China", "United States", "Australia", "Burma (Myanmar)"]
    assert chart.bar_count() == 17  # every row has a 2025 figure; "–" is drawn as zero
    assert chart.value_texts()[:2] == ["270,000 t", "51,000 t"]
    assert chart.axis_title() == ("Mine production 2025, thousand metric tons of rare-earth oxide (REO) "
                                  "equivalent")
    caption = _caption(tab)
    assert "Mine production 2025" in caption and "390,000 t (rounded)" in caption
    assert "Zero ('–' in USGS): Canada, Greenland, South Africa, Tanzania." in caption
    assert "not charted" not in caption
    tab.select_figure("production_prior_t")
    qtbot.waitUntil(lambda: tab.chart.axis_title().startswith("Mine production 2024"), timeout=1000)
    assert tab.chart.bar_values()[:2] == [270_000, 45_500]


def test_production_years_follow_the_source_and_na_production_is_left_out(make_window, qtbot):
    window, tab = _reserves_tab(make_window, qtbot)
    tab.select_figure("production_t")
    tab.select_source("usgs-mcs-2025")
    qtbot.waitUntil(lambda: tab.chart.axis_title().startswith("Mine production 2024"), timeout=1000)
    assert [tab.figure.itemText(i) for i in range(tab.figure.count())] == \
        ["Reserves", "Mine production 2024", "Mine production 2023"]
    assert tab.shown_figure() == "production_t"  # the same kind of figure stays chosen
    assert "Production 2024 (t)" in _headers(tab) and "Production 2023 (t)" in _headers(tab)
    # the article has no production: only reserves, and its production columns are hidden
    tab.select_source("article-2025")
    qtbot.waitUntil(lambda: tab.chart.axis_title().startswith("Reserves"), timeout=1000)
    assert tab.figure.count() == 1 and not tab.figure.isEnabled()
    assert not any(h.startswith("Production") for h in _headers(tab))
    # a production figure taken away (NA) leaves the chart and is listed in the caption
    tab.select_source("usgs-mcs-2026")
    tab.select_figure("production_t")
    qtbot.waitUntil(lambda: "India" in tab.chart.bar_labels(), timeout=1000)
    assert window.controller.edit_field("reserves", "usgs-mcs-2026.india", "production_t", "")
    qtbot.waitUntil(lambda: "India" not in tab.chart.bar_labels(), timeout=1000)
    assert "No figure (NA), not charted: India." in _caption(tab)


def test_production_is_edited_like_reserves_in_the_table(make_window, qtbot):
    window, tab = _reserves_tab(make_window, qtbot)
    tab.select_figure("production_t")
    model = tab.model
    row = model.row_of("usgs-mcs-2026.brazil")
    index = tab.proxy.mapFromSource(model.index(row, model.column_of("production_t")))
    assert tab.proxy.setData(index, "2.5 kt")
    assert next(r for r in window.workspace.dataset.reserves if r.id == "usgs-mcs-2026.brazil").production_t == 2_500
    qtbot.waitUntil(lambda: 2_500 in tab.chart.bar_values(), timeout=1000)
    assert not tab.proxy.setData(index, "-5")  # refused, nothing changed
    assert next(r for r in window.workspace.dataset.reserves if r.id == "usgs-mcs-2026.brazil").production_t == 2_500
