"""Input is taken exactly or refused with a message (issue 8): dates typed into a cell, the
record form and "Status on"; messages in the user's words."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.ui.date_field import DateLineEdit
from app.ui.editors import FormDialog
from tests.ui.test_editing import start_editing

ON = dt.date(2026, 11, 29)


def type_into(qtbot, editor, text):
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def listed_cell(window):
    model = window.companies.model
    return model.index(model.row_of("high-point-aerotechnologies-llc"), model.column_of("listed"))


def test_impossible_date_in_a_cell_is_refused_with_a_message(make_window, qtbot):
    window = make_window(ON)
    before = listed_cell(window).data()
    editor = start_editing(qtbot, window.companies, "high-point-aerotechnologies-llc", "listed", DateLineEdit)
    type_into(qtbot, editor, "2025-02-30")
    qtbot.waitUntil(lambda: any("Listed" in t for t in window.banner_texts()), timeout=1000)
    assert listed_cell(window).data() == before  # not 2025-02-03, not anything else
    assert any("Listed: is not a date that exists" in t for t in window.banner_texts())
    assert window.controller.undo_stack.count() == 0


def test_whole_typed_date_is_taken_exactly_in_a_cell(make_window, qtbot):
    window = make_window(ON)
    editor = start_editing(qtbot, window.companies, "high-point-aerotechnologies-llc", "listed", DateLineEdit)
    type_into(qtbot, editor, "2024-07-15")
    qtbot.waitUntil(lambda: listed_cell(window).data() == "2024-07-15", timeout=1000)
    assert window.workspace.record("companies", "high-point-aerotechnologies-llc").listed == dt.date(2024, 7, 15)


def test_the_calendar_picker_still_works(make_window, qtbot):
    window = make_window(ON)
    editor = start_editing(qtbot, window.companies, "high-point-aerotechnologies-llc", "listed", DateLineEdit)
    calendar = editor.show_calendar()
    from PySide6.QtCore import QDate

    calendar.clicked.emit(QDate(2025, 4, 3))
    qtbot.waitUntil(lambda: listed_cell(window).data() == "2025-04-03", timeout=1000)


def test_editing_listed_is_told_in_terms_of_listed(make_window):
    window = make_window(ON)
    record = window.workspace.record("companies", "high-point-aerotechnologies-llc")
    window.controller.edit_field("companies", record.id, "effective", "2025-04-04")
    assert not window.controller.edit_field("companies", record.id, "listed", "2025-05-01")
    text = window.banners.get("edit").text()
    assert text.startswith("Not changed: Listed: must not be after the date it took effect")
    assert "effective" not in text


def test_status_date_takes_a_whole_typed_date_and_refuses_an_impossible_one(make_window, qtbot):
    window = make_window(ON)
    field = window.status_date
    type_into(qtbot, field, "2025-09-01")
    assert window.on == dt.date(2025, 9, 1)  # not 2026-09-01: the whole date, year included
    assert window.companies.model.on == dt.date(2025, 9, 1)
    type_into(qtbot, field, "2025-02-30")
    assert window.on == dt.date(2025, 9, 1)  # unchanged
    assert "Status date: is not a date that exists" in window.statusBar().currentMessage()


@pytest.mark.parametrize("typed, expected", [("2025-02-30", "Listed: is not a date that exists"),
                                             ("2025-13-01", "Listed: is not a date that exists"),
                                             ("1.5.2025", "Listed: must be a date YYYY-MM-DD")])
def test_record_form_refuses_impossible_dates(make_window, monkeypatch, typed, expected):
    window = make_window(ON)
    window.companies.select_id("high-point-aerotechnologies-llc")
    seen = []

    def fill(dialog):
        if seen:
            seen.append(dialog.error.text())
            return FormDialog.DialogCode.Rejected
        dialog.widget("listed").setText(typed)
        seen.append("filled")
        return FormDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDialog, "exec", fill)
    assert not window.companies.actions.edit_current()
    assert seen[1].startswith("Not saved: " + expected)
    assert window.controller.undo_stack.count() == 0


def test_reserve_messages_use_the_column_label(make_window):
    window = make_window(ON)
    for typed, words in (("-5", "Reserves: must not be negative"), ("1,5", "a decimal comma is not accepted")):
        assert not window.controller.edit_field("reserves", "usgs-mcs-2025.brazil", "reserves_t", typed)
        assert words in window.banners.get("edit").text()
        assert "reserves_t" not in window.banners.get("edit").text()


def test_the_name_column_stays_in_view_and_is_edited_where_it_shows(make_window, qtbot):
    """Issue 8: scrolling right loses the Name column no more; F2 on a name edits it in place."""
    from PySide6.QtWidgets import QLineEdit

    window = make_window(ON)
    window.resize(1024, 640)
    table = window.companies.table
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.maximum() > 0  # the columns do not all fit at 1024 px...
    frozen = table.frozen
    assert frozen.isVisible() and frozen.columnWidth(0) == table.columnWidth(0) > 100  # ...the names do
    assert frozen.geometry().left() <= table.viewport().geometry().left()
    window.companies.select_id("echodyne")
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editors = [w for w in frozen.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1 and editors[0].text() == "Echodyne"
    type_into(qtbot, editors[0], "Echodyne Corp.")
    qtbot.waitUntil(lambda: window.workspace.record("companies", "echodyne").name == "Echodyne Corp.", timeout=1000)
