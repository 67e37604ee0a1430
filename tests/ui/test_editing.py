"""Editing as a user does it: in the cells, with undo, marks, reverts, and saved by itself."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.storage.atomic import SaveError
from PySide6.QtGui import QColor

from app.ui import dialogs
from app.ui.models import BACKGROUND
from app.ui.theme import LIGHT

EDITED_BG = QColor(LIGHT.edited)
CONFLICT_BG = QColor(LIGHT.conflict)

BRAZIL = "usgs-mcs-2025.brazil"


def reserve_index(window, record_id, column="reserves"):
    """The index of a reserve cell in the view (through the tab's proxy), after selecting it."""
    tab = window.reserves
    tab.select_id(record_id)
    model = tab.model
    return tab.proxy.mapFromSource(model.index(model.row_of(record_id), model.column_of(column)))


def saved_layer(window):
    return json.loads(window.controller.userdata.path.read_text(encoding="utf-8"))["data"]


def wait_saved(qtbot, window):
    qtbot.waitUntil(lambda: not window.controller.dirty, timeout=1000)


def test_edit_reserve_updates_chart_marks_cell_and_survives_restart(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.reserves.chart is not None)
    index = reserve_index(window, BRAZIL)
    assert index.model().setData(index, "20 Mt")
    assert window.controller.undo_stack.undoText() == "Edit reserves of Brazil (USGS MCS 2025)"
    qtbot.waitUntil(lambda: 20_000_000 in window.reserves.chart.bar_values(), timeout=1000)
    index = reserve_index(window, BRAZIL)
    assert index.data(BACKGROUND) == EDITED_BG
    assert "Bundled value: 21000000" in index.data(Qt.ItemDataRole.ToolTipRole)
    wait_saved(qtbot, window)  # on disk within a second
    assert saved_layer(window)["records"]["reserves"][BRAZIL]["fields"] == {"reserves_t": 20_000_000}
    window.close()
    window.controller.userdata.close()

    again = make_window()
    again.tabs.setCurrentIndex(2)
    index = reserve_index(again, BRAZIL)
    assert index.data() == "20,000,000" and index.data(BACKGROUND) == EDITED_BG


@pytest.mark.parametrize("typed", ["abc", "-5", "1e309", "NaN", "1_000", "1,5", "", "9" * 30])
def test_invalid_reserve_is_refused_at_the_cell(make_window, qtbot, typed):
    window = make_window()
    index = reserve_index(window, BRAZIL)
    before = index.data()
    if typed == "":  # clearing a figure is allowed: it becomes "NA", undoably
        assert index.model().setData(index, typed)
        assert reserve_index(window, BRAZIL).data() == "NA"  # the row re-sorts: look it up again
        assert window.workspace.record("reserves", BRAZIL).reserves_t is None
        window.controller.undo_stack.undo()
        assert reserve_index(window, BRAZIL).data() == before
        return
    assert not index.model().setData(index, typed)
    assert index.data() == before and window.controller.undo_stack.count() == 0
    assert any("Not changed: Reserves" in text for text in window.banner_texts())
    assert not window.controller.userdata.path.exists()


def test_invalid_company_edits_are_refused(make_window):
    window = make_window()
    tab = window.companies
    model = tab.model
    row = model.row_of("echodyne")
    name = model.index(row, model.column_of("name"))
    listed = model.index(row, model.column_of("listed"))
    for index, typed, rule in [(name, "   ", "must not be empty"), (name, "x" * 1_000_000, "at most"),
                               (listed, "2025-02-30", "not a date that exists"),
                               (listed, "2025-04-11", "Listed: must not be after the date it took effect")]:
        assert not model.setData(index, typed)
        assert rule in window.banner_texts()[-1]
    assert model.index(row, 0).data() == "Echodyne" and window.controller.undo_stack.count() == 0


def test_duplicate_symbol_refused(make_window):
    window = make_window()
    model = window.elements.model
    index = model.index(model.row_of("gadolinium"), model.column_of("symbol"))
    assert not model.setData(index, "Sm")
    assert "Symbol: already used by Samarium (Sm)" in window.banner_texts()[-1]


def test_suspension_ending_before_it_starts_is_refused(make_window):
    window = make_window()
    tab = window.companies
    tab.select_id("echodyne")
    assert not tab.events.add_event({"date": "2025-06-01", "measure": "export_control", "kind": "suspended",
                                     "text": "t", "until": "2025-05-01", "until_confirmed": True,
                                     "confidence": "MED"})
    assert "before it starts" in window.banner_texts()[-1]


def test_undo_redo_every_kind_of_change(make_window, qtbot):
    window = make_window()
    stack = window.controller.undo_stack
    companies = window.companies
    model = companies.model
    row = model.row_of("echodyne")
    assert model.setData(model.index(row, 0), "Echodyne Corp.")
    assert stack.undoText() == "Edit name of Echodyne"
    stack.undo()
    assert model.index(model.row_of("echodyne"), 0).data() == "Echodyne"
    stack.redo()
    assert model.index(model.row_of("echodyne"), 0).data() == "Echodyne Corp."

    new_id = companies.actions.add_new({"name": "Example Robotics", "name_confidence": "MED",
                                "announcement": "MOFCOM Announcement No. 99 of 2026", "listed": "2026-01-05",
                                "effective": None, "uel_announcement": "", "uel_date": None, "notes": ""})
    assert new_id == "user.example-robotics" and model.rowCount() == 46
    assert stack.undoText() == "Add company Example Robotics"
    assert companies.current_record().id == new_id
    assert model.index(model.row_of(new_id), 0).data(BACKGROUND) is not None
    assert companies.actions.delete_current()
    assert model.rowCount() == 45 and stack.undoText() == "Delete company Example Robotics"
    stack.undo()
    assert model.row_of(new_id) >= 0
    companies.select_id("echodyne")
    assert companies.actions.delete_current() and model.row_of("echodyne") < 0
    stack.undo()
    assert model.row_of("echodyne") >= 0
    for _ in range(stack.index()):
        stack.undo()
    assert window.workspace.change_count() == 0
    wait_saved(qtbot, window)
    path = window.controller.userdata.path
    # Everything undone before the save fired: nothing needed writing, or an empty layer was.
    assert not path.exists() or saved_layer(window)["records"] == {"companies": {}, "elements": {}, "reserves": {}}


def test_add_and_delete_rows_in_elements_and_reserves(make_window):
    window = make_window()
    new_el = window.elements.actions.add_new({"symbol": "Nd", "name": "Neodymium", "atomic_number": "60",
                                      "category": "rare_earth", "announcement": "Hypothetical",
                                      "announced": "2026-01-01", "effective": "2026-01-01"})
    assert new_el and window.elements.model.rowCount() == 22
    window.tabs.setCurrentIndex(2)
    window.reserves.select_source("usgs-mcs-2025")
    new_row = window.reserves.actions.add_new({"country": "Peru", "edition": "usgs-mcs-2025", "reserves_t": "1 kt",
                                       "confidence": "LOW", "note": "test"})
    assert new_row == "user.usgs-mcs-2025.peru"
    assert any(r.country == "Peru" and r.reserves_t == 1000 for r in window.workspace.dataset.reserves)
    assert window.reserves.actions.add_new({"country": "peru", "edition": "usgs-mcs-2025", "reserves_t": "5",
                                    "confidence": "LOW", "note": ""}) is None
    assert "Country and source: already used" in window.banner_texts()[-1]
    window.reserves.select_id(BRAZIL)
    assert window.reserves.actions.delete_current()
    assert all(r.id != BRAZIL for r in window.workspace.dataset.reserves)
    assert window.controller.undo_stack.undoText() == "Delete reserve row Brazil (USGS MCS 2025)"


def test_timeline_events_add_edit_delete_follow_status(make_window):
    window = make_window()
    tab = window.companies
    tab.select_id("high-point-aerotechnologies-llc")
    record = tab.current_record()
    assert "Suspension ended 2026-11-10" in tab.detail.toPlainText()
    assert tab.events.add_event({"date": "2026-11-11", "measure": "export_control", "kind": "suspended",
                                 "text": "Suspension continued (test)", "until": "2027-11-10",
                                 "until_confirmed": True, "confidence": "MED"})
    model = tab.model
    status = model.index(model.row_of(record.id), model.column_of("status")).data()
    assert status == "Suspended until 2027-11-10 · data to 2025-11-10, verify"  # the status date is past as_of
    assert "Suspension continued (test)" in tab.detail.toPlainText()
    rows = tab.events.table.rowCount()
    tab.events.table.selectRow(rows - 1)
    assert tab.events.edit_event({"until": "2027-01-31"})
    assert model.index(model.row_of(record.id), model.column_of("status")).data() == \
        "Suspended until 2027-01-31 · data to 2025-11-10, verify"
    tab.events.table.selectRow(rows - 1)
    assert tab.events.delete_event()
    assert tab.events.table.rowCount() == rows - 1
    assert model.index(model.row_of(record.id), model.column_of("status")).data().startswith("Suspension ended")


def test_revert_cell_row_and_reset_all(make_window, monkeypatch):
    window = make_window()
    model = window.companies.model
    row = model.row_of("echodyne")
    model.setData(model.index(row, model.column_of("name")), "Echo")
    model.setData(model.index(row, model.column_of("announcement")), "Other announcement")
    window.companies.select_id("echodyne")
    menu = window.companies.actions.build_context_menu(
        window.companies.proxy.mapFromSource(model.index(row, model.column_of("name"))))
    revert = next(a for a in menu.actions() if a.text().replace("&", "") == "Revert to bundled value")
    assert revert.isEnabled()
    revert.trigger()
    assert model.index(row, 0).data() == "Echodyne"
    assert window.workspace.edited_fields("companies", "echodyne") == {"announcement"}
    assert window.controller.revert_record("companies", "echodyne")
    assert window.workspace.change_count() == 0

    model.setData(model.index(row, 0), "Echo")
    window.elements.model.setData(window.elements.model.index(0, 1), "Samarium metal")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not dialogs.confirm_reset(window) and window.workspace.change_count() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Reset)
    assert dialogs.confirm_reset(window) and window.workspace.change_count() == 0
    assert model.index(model.row_of("echodyne"), 0).data() == "Echodyne"
    window.controller.undo_stack.undo()
    assert window.workspace.change_count() == 2


def test_show_my_changes_lists_and_reverts(make_window):
    from app.ui.changes import ChangesDialog

    window = make_window()
    model = window.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo")
    window.reserves.select_source("article-2025")  # irrelevant view state must not matter
    dialog = ChangesDialog(window.controller, window)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(5)]
    assert cells == ["Company", "Echo", "Name", "Echodyne", "Echo"]
    dialog.select_row(0)
    dialog.revert_selected()
    assert dialog.table.rowCount() == 0 and window.workspace.change_count() == 0


def test_failed_save_keeps_edits_warns_retries_and_asks_before_quitting(make_window, qtbot, monkeypatch):
    window = make_window()
    store = window.controller.userdata.store
    real_save = store.save
    calls = []

    def disk_full(*args, **kwargs):
        calls.append(1)
        raise SaveError("disk_full", f"Not saved: the disk is full (free some space) at {store.path}",
                        path=store.path)

    monkeypatch.setattr(store, "save", disk_full)
    monkeypatch.setattr("app.ui.controller.RETRY_MS", (100, 200))  # the real backoff is 2 s to 30 s
    model = window.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo")
    qtbot.waitUntil(lambda: bool(calls), timeout=1000)
    assert any("disk is full" in t and "not saved yet" in t for t in window.banner_texts())
    assert "Not saved" in window.save_status.text()
    assert model.index(model.row_of("echodyne"), 0).data() == "Echo"

    asked = []
    monkeypatch.setattr(window, "ask_unsaved", lambda: asked.append(1) or QMessageBox.StandardButton.Cancel)
    window.close()
    assert asked and window.isVisible()

    monkeypatch.setattr(store, "save", real_save)  # space freed
    qtbot.waitUntil(lambda: not window.controller.dirty, timeout=2000)  # the retry timer saves it
    assert len(calls) >= 2
    assert not any("not saved yet" in t for t in window.banner_texts())
    window.close()
    assert not window.isVisible()
    assert saved_layer(window)["records"]["companies"]["echodyne"]["fields"] == {"name": "Echo"}


def test_second_copy_opens_read_only(make_window, user_data_dir):
    first = make_window()
    model = first.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo")
    first.controller.save_now()
    second = make_window()
    assert second.controller.read_only
    assert any(t.startswith("Read-only") for t in second.banner_texts())
    index = second.companies.model.index(second.companies.model.row_of("echodyne"), 0)
    assert index.data() == "Echo"  # it shows the first copy's saved edits
    assert not (index.flags() & Qt.ItemFlag.ItemIsEditable)
    assert not second.controller.edit_field("companies", "echodyne", "name", "Other")
    assert not second.add_action.isEnabled()


def test_damaged_user_file_is_set_aside_with_a_message(make_window, user_data_dir):
    user_data_dir.mkdir(parents=True)
    (user_data_dir / "userdata.json").write_bytes(b"\x00" * 300)
    window = make_window()
    texts = " ".join(window.banner_texts())
    assert "damaged" in texts.lower() and "corrupt" in texts
    kept = list(user_data_dir.glob("userdata.json.corrupt.*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00" * 300
    assert window.companies.model.rowCount() == 45


def test_file_with_one_bad_record_loses_only_that_record(make_window, user_data_dir):
    window = make_window()
    model = window.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo")
    model.setData(model.index(model.row_of("exovera"), 0), "Exo")
    window.controller.save_now()
    window.close()
    window.controller.userdata.close()
    path = user_data_dir / "userdata.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["data"]["records"]["companies"]["exovera"]["fields"]["listed"] = "2025-13-45"
    path.write_text(json.dumps(doc), encoding="utf-8")

    again = make_window()
    texts = " ".join(again.banner_texts())
    assert "1 of your changed records could not be used" in texts and "'exovera'" in texts and "listed" in texts
    names = {r.id: r.name for r in again.workspace.dataset.companies}
    assert names["echodyne"] == "Echo" and names["exovera"] == "Exovera"
    backups = list((user_data_dir / "backups").glob("*pre-discard*"))
    assert backups and b"2025-13-45" in backups[0].read_bytes()


def test_file_from_a_newer_version_is_never_overwritten(make_window, user_data_dir):
    user_data_dir.mkdir(parents=True)
    path = user_data_dir / "userdata.json"
    original = json.dumps({"format": "curbwatch-userdata", "schema_version": 99, "app_version": "9.0.0",
                           "saved_at": "2030-01-01T00:00:00Z", "data": {"future": True}}).encode()
    path.write_bytes(original)
    window = make_window()
    assert window.controller.read_only
    assert any("newer version" in t for t in window.banner_texts())
    model = window.companies.model
    assert not window.controller.edit_field("companies", "echodyne", "name", "Echo")
    window.controller.save_now()
    window.close()
    assert path.read_bytes() == original
    assert model.rowCount() == 45


def test_cell_editors_commit_with_enter_and_cancel_with_escape(make_window, qtbot):
    """Through the real delegate editors, as a user types (and no Qt warning on the way)."""
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from app.ui.date_field import DateLineEdit

    window = make_window()
    window.tabs.setCurrentIndex(2)
    tab = window.reserves
    view = tab.table
    index = reserve_index(window, BRAZIL)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = open_editor(view, QLineEdit)
    assert editor.text() == "21000000"
    editor.selectAll()
    qtbot.keyClicks(editor, "19.5 Mt")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: 19_500_000 in tab.chart.bar_values() if tab.chart else False, timeout=1000)

    index = reserve_index(window, BRAZIL)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = open_editor(view, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=1000)
    assert window.controller.undo_stack.count() == 1

    window.tabs.setCurrentIndex(0)
    model = window.companies.model
    editor = start_editing(qtbot, window.companies, "echodyne", "listed", DateLineEdit)
    assert editor.text() == "2025-04-09"
    editor.selectAll()
    qtbot.keyClicks(editor, "2025-04-08")  # a whole date typed over the old one is taken exactly
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop pass
    qtbot.waitUntil(lambda: model.index(model.row_of("echodyne"), model.column_of("listed")).data() == "2025-04-08",
                    timeout=1000)

    window.tabs.setCurrentIndex(1)
    em = window.elements.model
    editor = start_editing(qtbot, window.elements, "gallium", "group", QComboBox)
    assert editor.currentData() == "mineral"
    editor.setCurrentIndex(editor.findData("rare_earth"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: em.index(em.row_of("gallium"), em.column_of("group")).data() == "Rare earth",
                    timeout=1000)
    assert window.controller.undo_stack.count() == 3


def start_editing(qtbot, tab, record_id, column, cls):
    """Press F2 on one cell of a tab's table, as a user would, and return the editor."""
    tab.select_id(record_id)
    model = tab.model
    index = tab.proxy.mapFromSource(model.index(model.row_of(record_id), model.column_of(column)))
    tab.table.setCurrentIndex(index)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    return open_editor(tab.table, cls)


def open_editor(view, cls):
    """The cell editor the view opened (offscreen windows do not take focus, so look for it)."""
    editors = [w for w in view.viewport().findChildren(cls) if w.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def test_add_dialog_keeps_itself_open_until_values_parse(make_window, monkeypatch):
    """Edit > Add record… through the form: a bad value keeps the dialog open with the reason."""
    from PySide6.QtWidgets import QLineEdit

    from app.ui.editors import FormDialog

    window = make_window()
    window.tabs.setCurrentIndex(2)
    window.reserves.select_source("article-2025")
    seen = []

    def fake_exec(dialog):
        country = dialog.widget("country")
        tons = dialog.widget("reserves_t")
        assert isinstance(country, QLineEdit)
        if not seen:
            country.setText("Peru")
            tons.setText("-3")
        else:
            seen.append(dialog.error.text())
            tons.setText("0.5 Mt")
        seen.append("shown")
        return FormDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDialog, "exec", fake_exec)
    window.add_action.trigger()
    assert seen[1].startswith("Not saved: Reserves: must not be negative")
    peru = next(r for r in window.workspace.dataset.reserves if r.country == "Peru")
    assert (peru.edition, peru.reserves_t) == ("article-2025", 500_000)
    assert window.controller.undo_stack.undoText() == "Add reserve row Peru (News article)"


def test_restore_from_backup_shows_what_it_would_change_first(make_window, qtbot, monkeypatch, user_data_dir):
    from PySide6.QtWidgets import QDialog

    from app.ui.restore_dialog import RestoreDialog

    window = make_window()
    model = window.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo one")
    assert window.controller.save_now()
    window.controller.userdata.backup_now("manual")  # a backup holding "Echo one"
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo two")
    window.elements.model.setData(window.elements.model.index(window.elements.model.row_of("gallium"), 1), "Ga!")
    assert window.controller.save_now()
    (user_data_dir / "userdata.json.corrupt.20260101T000000Z").write_bytes(b"{broken")
    entries = window.controller.userdata.backups()
    manual = next(i for i, e in enumerate(entries) if e.reason == "manual")
    seen = {}

    def choose(dialog):
        if not isinstance(dialog, RestoreDialog):
            raise AssertionError("unexpected dialog")
        dialog.list.setCurrentRow(manual)
        seen["preview"] = dialog.preview.toPlainText()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", choose)
    assert dialogs.restore_dialog(window)
    preview = seen["preview"]
    assert "Changed (2)" in preview and "Company Echo two: Name" in preview and "Ga!" in preview  # by label
    assert "userdata.json.corrupt.20260101T000000Z" in preview  # the damaged file kept aside is listed
    assert model.index(model.row_of("echodyne"), 0).data() == "Echo one"
    assert window.controller.undo_stack.count() == 0
    saved = json.loads(window.controller.userdata.path.read_text(encoding="utf-8"))
    assert saved["data"]["records"]["companies"]["echodyne"]["fields"]["name"] == "Echo one"
    pre_restore = [e for e in window.controller.userdata.backups() if e.reason == "pre-restore"]
    assert pre_restore and b"Echo two" in pre_restore[0].path.read_bytes()


def test_cancelling_a_restore_changes_nothing(make_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    window = make_window()
    model = window.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo one")
    assert window.controller.save_now()
    window.controller.userdata.backup_now("manual")
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo two")
    monkeypatch.setattr(QDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert not dialogs.restore_dialog(window)
    assert model.index(model.row_of("echodyne"), 0).data() == "Echo two"


def _external_edit(path, name):
    """Another program rewrites the data file (as a second, unlocked writer would)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["data"]["records"]["companies"]["novotech-inc"] = {
        "fields": {"name": name}, "base": {"name": "Novotech, Inc."}}
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_file_changed_on_disk_offers_overwrite_and_reload(make_window, qtbot):
    from PySide6.QtWidgets import QPushButton

    window = make_window()
    model = window.companies.model
    path = window.controller.userdata.path
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo")
    assert window.controller.save_now()
    _external_edit(path, "Novo (other program)")
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo 2")
    assert not window.controller.save_now()
    banner = window.banners.get("save")
    assert "changed by another program" in banner.text()
    buttons = {b.text(): b for b in banner.findChildren(QPushButton)}
    assert set(buttons) == {"Overwrite", "Reload"}
    assert b"Novo (other program)" in path.read_bytes()  # nothing was clobbered silently
    buttons["Overwrite"].click()
    saved = json.loads(path.read_text(encoding="utf-8"))["data"]["records"]["companies"]
    assert saved["echodyne"]["fields"]["name"] == "Echo 2" and "novotech-inc" not in saved
    kept = [e for e in window.controller.userdata.backups() if e.reason == "pre-overwrite"]
    assert kept and b"Novo (other program)" in kept[0].path.read_bytes()
    assert not any("changed by another program" in t for t in window.banner_texts())

    _external_edit(path, "Novo again")
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo 3")
    assert not window.controller.save_now()
    next(b for b in window.banners.get("save").findChildren(QPushButton) if b.text() == "Reload").click()
    names = {c.id: c.name for c in window.workspace.dataset.companies}
    assert names["novotech-inc"] == "Novo again" and names["echodyne"] == "Echo 2"
    assert model.index(model.row_of("novotech-inc"), 0).data() == "Novo again"
    assert not window.controller.dirty and window.controller.undo_stack.count() == 0


def test_reset_refused_when_no_backup_can_be_made(make_window, monkeypatch):
    window = make_window()
    model = window.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo")
    window.controller.save_now()

    def full(*_a, **_k):
        raise SaveError("disk_full", "no free space left", path=window.controller.userdata.path)

    monkeypatch.setattr(window.controller.userdata, "backup_now", full)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Reset)
    assert not dialogs.confirm_reset(window)
    assert "no backup could be made first" in window.banner_texts()[-1]
    assert window.workspace.change_count() == 1


def test_open_data_folder_that_cannot_be_created(make_window, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    window = make_window()
    window.controller.userdata.data_dir = blocker / "sub"
    assert not dialogs.open_data_folder(window)
    assert "cannot be opened" in window.banner_texts()[-1]


def test_conflict_with_a_newer_bundle_is_shown_until_resolved(make_window, user_data_dir):
    from app.ui.changes import ChangesDialog

    user_data_dir.mkdir(parents=True)
    # Edited when the bundle said 22 Mt; the bundle now says 21 Mt; the user's 20 Mt is kept.
    layer = {"base_dataset_version": "2025.11.1", "records": {"companies": {}, "elements": {}, "reserves": {
        BRAZIL: {"fields": {"reserves_t": 20_000_000}, "base": {"reserves_t": 22_000_000}}}}}
    (user_data_dir / "userdata.json").write_text(json.dumps(
        {"format": "curbwatch-userdata", "schema_version": 1, "app_version": "0.1.0",
         "saved_at": "2026-11-01T00:00:00Z", "data": layer}), encoding="utf-8")
    window = make_window()
    index = reserve_index(window, BRAZIL)
    assert index.data() == "20,000,000" and index.data(BACKGROUND) == CONFLICT_BG
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Bundled before: 22000000" in tip and "Bundled now: 21000000" in tip and "Yours (kept): 20000000" in tip
    dialog = ChangesDialog(window.controller, window)
    assert "1 in conflict" in dialog.summary.text() and dialog.keep_button.isEnabled()
    dialog.select_row(0)
    dialog.keep_selected()
    index = reserve_index(window, BRAZIL)
    assert index.data(BACKGROUND) == EDITED_BG and index.data() == "20,000,000"
    assert window.workspace.conflicts() == []


def test_sources_are_edited_in_the_record_form(make_window, monkeypatch):
    from PySide6.QtWidgets import QPlainTextEdit

    from app.ui.editors import FormDialog

    window = make_window()
    window.companies.select_id("echodyne")
    shown = []

    def fake_exec(dialog):
        box = dialog.widget("sources")
        assert isinstance(box, QPlainTextEdit)
        if not shown:
            shown.append(box.toPlainText())
            box.setPlainText(box.toPlainText() + "\nMy own check | javascript:alert(1) | HIGH")
        else:
            shown.append(dialog.error.text())
            box.setPlainText(shown[0] + "\nMy own check | https://example.org/check | high")
        return FormDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDialog, "exec", fake_exec)
    window.edit_action.trigger()
    assert "FinancialExpress" in shown[0] and "| https://www.financialexpress.com/" in shown[0]
    assert "must start with http" in shown[1]
    record = window.companies.current_record()
    assert record.sources[-1].title == "My own check" and record.sources[-1].confidence == "HIGH"
    assert "My own check" in window.companies.detail.toPlainText()
    assert window.controller.undo_stack.undoText() == "Edit Echodyne"


def test_context_menu_actions_on_reserves(make_window, monkeypatch):
    from app.ui.editors import FormDialog

    window = make_window()
    window.tabs.setCurrentIndex(2)
    index = reserve_index(window, BRAZIL)
    menu = window.reserves.actions.build_context_menu(index)
    actions = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    assert not actions["Revert to bundled value"].isEnabled()

    def accept_with_note(dialog):
        dialog.widget("note").setText("checked")
        return FormDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDialog, "exec", accept_with_note)
    actions["Edit reserve row…"].trigger()
    assert {r.id: r.note for r in window.workspace.dataset.reserves}[BRAZIL] == "checked"
    menu = window.reserves.actions.build_context_menu(reserve_index(window, BRAZIL, "note"))
    actions = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    assert actions["Revert to bundled value"].isEnabled()
    actions["Revert to bundled value"].trigger()
    assert {r.id: r.note for r in window.workspace.dataset.reserves}[BRAZIL] == ""
    menu = window.reserves.actions.build_context_menu(reserve_index(window, BRAZIL))
    next(a for a in menu.actions() if a.text().replace("&", "") == "Delete reserve row").trigger()
    assert all(r.id != BRAZIL for r in window.workspace.dataset.reserves)


def test_china_share_figures_are_edited_in_the_record_form(make_window, monkeypatch):
    from app.ui.editors import FormDialog

    window = make_window()
    window.tabs.setCurrentIndex(1)
    tab = window.elements
    tab.select_id("germanium")

    def add_line(dialog):
        box = dialog.widget("shares")
        box.setPlainText(box.toPlainText() + "\n~70 | refined germanium, 2024 | 2024 | LOW | My estimate |")
        return FormDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDialog, "exec", add_line)
    window.edit_action.trigger()
    model = tab.model
    share = model.index(model.row_of("germanium"), model.column_of("share")).data()
    assert share == "≈60% / ≈86% / ≈70%"
    assert "refined germanium, 2024" in tab.detail.toPlainText()
