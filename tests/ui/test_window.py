"""The main window as a user meets it: three tabs, filled, searchable, with a chart."""

from __future__ import annotations

from PySide6.QtCore import Qt

import datetime as dt
import subprocess
import sys

import pytest

from tests.conftest import REPO

ON = dt.date(2026, 11, 29)


@pytest.fixture
def window(make_window):
    return make_window(ON)


def test_three_tabs_with_45_companies(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == \
        ["Companies", "Element restrictions", "Reserves"]
    assert window.companies.proxy.rowCount() == 45  # the 28 of April and 17 more US entities
    assert "as of 2025-11-10" in window.as_of.text()


def test_search_narrows_ignoring_case_and_accents(window, qtbot):
    qtbot.keyClicks(window.companies.search, "ÉCHODYNE")
    assert window.companies.proxy.rowCount() == 1
    assert window.companies.current_record().name == "Echodyne"
    assert "Echodyne" in window.companies.detail.toPlainText()
    window.companies.search.clear()
    qtbot.keyClicks(window.companies.search, "no. 22")
    assert window.companies.proxy.rowCount() == 12
    assert window.companies.count.text() == "12 of 45"


def test_detail_pane_shows_dated_timeline_and_sources(window):
    tab = window.companies
    row = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of("sierra-nevada-corporation"), 0)).row()
    tab.select_row(row)
    text = tab.detail.toPlainText()
    for needle in ("2025-04-04", "2025-05-14", "2025-08-12", "2025-11-10", "Unreliable Entity List",
                   "Suspension ended 2026-11-10", "Sources", "VietnamPlus"):
        assert needle in text


def test_status_date_recomputes(window, qtbot):
    field = window.status_date
    field.selectAll()
    qtbot.keyClicks(field, "2025-11-29")  # typed as a user does: the whole date, exactly
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.on.isoformat() == "2025-11-29"
    tab = window.companies
    status = tab.model.data(tab.model.index(tab.model.row_of("high-point-aerotechnologies-llc"),
                                            tab.model.column_of("status")))
    assert status.startswith("Suspended until 2026-11-10")


def test_element_filter(window):
    tab = window.elements
    assert tab.proxy.rowCount() == 21
    assert tab.facets.choose("group", "rare_earth")
    assert tab.proxy.rowCount() == 12
    assert tab.facets.choose("group", "mineral")
    assert tab.proxy.rowCount() == 9
    tab.search.setText("antimony")  # Sb, and the minerals whose notes or timelines mention it
    symbols = {tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())}
    assert "Sb" in symbols and symbols <= {"Sb", "Ga", "Ge", "C"} and tab.current_record() is not None
    tab.search.setText("galium")  # misspelt: still gallium (and germanium, whose notes mention it)
    assert {"Ga", "Ge"} <= {tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())}
    tab.select_row(next(r for r in range(2) if tab.proxy.index(r, 0).data() == "Ga"))
    detail = tab.detail.toPlainText()
    assert "≈80%" in detail and "99%" in detail and "Critical Raw Materials Alliance" in detail


def test_chart_one_bar_per_country_of_each_source(window, qtbot, dataset):
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.reserves.chart is not None)
    tab = window.reserves
    for edition in dataset.editions:
        tab.select_source(edition.id)
        with_value = [r for r in dataset.reserves if r.edition == edition.id and r.reserves_t is not None]
        assert tab.chart.bar_count() == len(with_value)
        assert tab.chart.bar_values() == sorted((r.reserves_t for r in with_value), reverse=True)
        assert tab.proxy.rowCount() == len([r for r in dataset.reserves if r.edition == edition.id])
    tab.select_source("article-2025")
    assert "match no USGS edition" in tab.caption.text()
    assert [b.highlight for b in tab.chart._data] == [False, True, True, False]


def test_pyqtgraph_not_imported_until_reserves_tab_shown(user_data_dir):
    code = """
import sys, datetime as dt
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.storage.bundled import load_bundled
from app.storage.paths import bundled_data_dir
from app.storage.userdata import UserData
from app.ui.controller import EditController
from app.ui.main_window import MainWindow
userdata = UserData(sys.argv[1], load_bundled(bundled_data_dir())); userdata.open()
w = MainWindow(EditController(userdata), dt.date(2026, 11, 29)); w.show(); app.processEvents()
before = 'pyqtgraph' in sys.modules or 'numpy' in sys.modules
w.tabs.setCurrentIndex(2); app.processEvents()
print(before, 'pyqtgraph' in sys.modules, w.reserves.chart.bar_count())
"""
    result = subprocess.run([sys.executable, "-c", code, str(user_data_dir)], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "11"]  # MCS 2026: 11 countries with reserves


def test_every_column_starts_wide_enough_for_its_header(make_window):
    """A column's default width shows its whole header, sort arrow included (the Elements tab's
    "Symbol" was cut to "Symbo"), and View > Reset layout returns to those widths."""
    window = make_window(ON)
    for key in ("companies", "elements", "reserves"):
        table = window.tab(key).table
        header = table.horizontalHeader()
        short = [table.model().headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())
                 if not header.isSectionHidden(i) and header.sectionSize(i) < header.sectionSizeHint(i)]
        assert short == [], key
    elements = window.tab("elements").table
    elements.setColumnWidth(0, 20)
    window.reset_layout()
    assert elements.columnWidth(0) == elements.default_widths[0] >= elements.horizontalHeader().sectionSizeHint(0)
