"""The window without a mouse: tab switching, Find, Esc, Enter, the View and Help menus,
accessible names of every visible control, and the layout remembered by meaning."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

from app.ui.help import SHORTCUTS

ON = dt.date(2026, 11, 29)


def shortcut_map(window) -> dict[str, object]:
    found = {}
    for action in window.findChildren(type(window.find_action)):
        for key in action.shortcuts():
            found[key.toString(QKeySequence.SequenceFormat.PortableText)] = action
    return found


def test_tabs_switch_from_the_keyboard(make_window, qtbot):
    window = make_window(ON)
    window.activateWindow()
    keys = shortcut_map(window)
    for text, index in (("Ctrl+2", 1), ("Ctrl+3", 2), ("Ctrl+1", 0), ("Alt+2", 1)):
        keys[text].trigger()
        assert window.tabs.currentIndex() == index, text
    keys["Ctrl+PgDown"].trigger()
    assert window.tabs.currentIndex() == 2
    keys["Ctrl+Tab"].trigger()
    assert window.tabs.currentIndex() == 0  # wraps around
    keys["Ctrl+PgUp"].trigger()
    assert window.tabs.currentIndex() == 2


def test_every_listed_shortcut_exists(make_window):
    window = make_window(ON)
    keys = shortcut_map(window)
    expected = {"Ctrl+F", "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+Tab", "Ctrl+PgDown", "Ctrl+PgUp", "Ctrl+N", "Ctrl+E",
                "Ctrl+Del", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl++", "Ctrl+-", "Ctrl+0", "F1", "Ctrl+Q"}
    assert expected <= set(keys), sorted(expected - set(keys))
    listed = " ".join(k for k, _ in SHORTCUTS)
    for key in expected:  # and Help > Keyboard shortcuts lists each of them
        assert key in listed, key


def test_find_escape_and_enter(make_window, qtbot):
    window = make_window(ON)
    tab = window.companies
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.find_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.box)
    qtbot.keyClicks(window.search.box, "kratos uas")
    assert window.search.hits()[0] == ("companies", "kratos-unmanned-aerial-systems-inc")
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)  # opens the first result in its tab
    assert window.current_tab() is tab and tab.current_record().id == "kratos-unmanned-aerial-systems-inc"
    qtbot.keyClick(window.search.box, Qt.Key.Key_Escape)
    assert window.search.box.text() == "" and not window.search.panel.isVisible()

    qtbot.keyClicks(tab.search, "kratos")  # the tab's own filter box
    assert 0 < tab.proxy.rowCount() < tab.model.rowCount()
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == "" and tab.proxy.rowCount() == tab.model.rowCount()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_End)
    last = tab.proxy.mapToSource(tab.proxy.index(tab.proxy.rowCount() - 1, 0)).row()
    assert tab.current_record().id == tab.model.record(last).id
    activated = []
    tab.table.activated.connect(lambda index: activated.append(index.row()))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert activated, "Enter on a row must open its details"


def test_tab_leaves_the_table(make_window):
    window = make_window(ON)
    for tab in (window.companies, window.elements, window.reserves):
        assert not tab.table.tabKeyNavigation()


def test_every_visible_control_has_an_accessible_name(make_window, qtbot):
    window = make_window(ON)
    missing = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        for widget in window.findChildren(QWidget):
            if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            if not isinstance(widget, (QLineEdit, QComboBox, QAbstractItemView, QTextBrowser, QAbstractButton)):
                continue
            if isinstance(widget, QAbstractButton) and widget.text().strip():
                continue
            if not widget.accessibleName().strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r} on tab {index}")
    assert not missing, missing


def test_help_pages_open_from_the_menu(make_window, monkeypatch):
    window = make_window(ON)
    shown = []
    monkeypatch.setattr(QDialog, "exec", lambda dialog: shown.append(dialog.view.toPlainText()) or 0)
    shortcut_map(window)["F1"].trigger()
    assert "Unreliable Entity List" in shown[-1] and "UNCONFIRMED" in shown[-1]
    assert window.workspace.info.as_of.isoformat() in shown[-1]
    next(a for a in window.findChildren(type(window.find_action)) if a.text() == "&Keyboard shortcuts").trigger()
    assert "Ctrl+F" in shown[-1] and "Esc" in shown[-1]


def test_zoom_changes_and_resets_the_text_size(make_window):
    window = make_window(ON)
    start = QApplication.font().pointSizeF()
    window.zoom(1)
    window.zoom(1)
    assert QApplication.font().pointSizeF() == start + 2 and window.zoom_steps == 2
    window.zoom(0)
    assert QApplication.font().pointSizeF() == start and window.zoom_steps == 0


def test_layout_is_remembered_by_meaning(make_window, tmp_path, qtbot):
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    window = make_window(ON)
    window.settings = settings
    table = window.elements.table
    header = table.horizontalHeader()
    model = window.elements.model
    header.moveSection(header.visualIndex(model.column_of("group")), 1)
    header.resizeSection(model.column_of("announcement"), 333)
    table.setColumnHidden(model.column_of("share"), True)
    table.sortByColumn(model.column_of("z"), Qt.SortOrder.DescendingOrder)
    window.tabs.setCurrentIndex(2)
    window.reserves.select_source("usgs-mcs-2025")
    figure = window.reserves.figure
    figure.setCurrentIndex(figure.count() - 1)
    chosen_figure = figure.currentData()
    assert figure.count() > 1 and chosen_figure != figure.itemData(0)
    window.save_state()
    stored = {key: settings.value(key) for key in settings.allKeys()}
    assert stored["window/tab"] == "reserves" and stored["chart/source"] == "usgs-mcs-2025"
    assert stored["tables/elements/sort"] == "z:desc"
    assert "announcement=333" in stored["tables/elements/widths"]
    assert not any(k.startswith("tables/companies") for k in stored)  # unchanged: nothing stored
    window.close()
    window.controller.userdata.close()

    again = make_window(ON)
    again.settings = settings
    again.restore_state()
    assert again.tabs.currentIndex() == 2 and again.reserves.source.currentData() == "usgs-mcs-2025"
    assert again.reserves.figure.currentData() == chosen_figure
    t2, m2 = again.elements.table, again.elements.model
    assert t2.horizontalHeader().visualIndex(m2.column_of("group")) == 1
    assert t2.horizontalHeader().sectionSize(m2.column_of("announcement")) == 333
    assert t2.isColumnHidden(m2.column_of("share"))
    assert t2.horizontalHeader().sortIndicatorSection() == m2.column_of("z")
    again.reset_layout()
    assert not t2.isColumnHidden(m2.column_of("share"))
    assert t2.horizontalHeader().visualIndex(m2.column_of("group")) == m2.column_of("group")



def test_tab_order_is_sensible(make_window):
    """Tab goes: status date, search everything, (banners), facets, the tab's filter box, its table,
    then the details: the table is one stop, not one stop per cell."""
    window = make_window(ON)
    tab = window.companies
    chain, widget = [], window.status_date
    for _ in range(80):
        widget = widget.nextInFocusChain()
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        if widget is window.status_date:
            break
    order = [window.search.box, *tab.facets.combos.values(), tab.search, tab.table, tab.detail]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions), [type(w).__name__ for w in order]
    assert chain.count(tab.table) == 1
