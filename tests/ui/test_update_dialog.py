"""File > Import dataset update… and Help > What changed, as a user meets them: choosing the zip,
the preview (SHA-256, the one changed figure, the user's own edits and conflicts, tinted),
applying it, the window following the new dataset, a restart, and refusals that change nothing."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QFileDialog

from app.storage.dataset_update import choose_dataset
from app.storage.userdata import UserData
from app.ui.controller import EditController
from app.ui.help import HelpDialog
from app.ui.main_window import MainWindow
from app.ui.models import BACKGROUND
from app.ui.theme import LIGHT
from app.ui.update_dialog import UpdateDialog
from tests.update_files import BRAZIL, build_zip, record

ON = dt.date(2026, 12, 1)
CHINA = "usgs-mcs-2026.china"


def _cell(window, record_id, column="reserves"):
    tab = window.reserves
    tab.select_id(record_id)
    model = tab.model
    return tab.proxy.mapFromSource(model.index(model.row_of(record_id), model.column_of(column)))


def _edit(window, record_id, text):
    index = _cell(window, record_id)
    assert index.model().setData(index, text)


def _answer(monkeypatch, act):
    """Answer the update dialog: ``act(dialog)`` looks at it and presses what a user would."""
    seen = []

    def exec_(self):
        if not isinstance(self, UpdateDialog):
            raise AssertionError(f"unexpected dialog {self!r}")
        seen.append(self)
        act(self)
        return self.result()

    monkeypatch.setattr(QDialog, "exec", exec_)
    return seen


def _choose(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _rows(dialog):
    table = dialog.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def _menu_action(window, text):
    for menu in window.menuBar().actions():
        for action in menu.menu().actions():
            if action.text() == text:
                return action
    raise AssertionError(text)


@pytest.fixture
def window(make_window):
    return make_window(ON)


def test_import_shows_exactly_the_change_merges_with_an_edit_and_survives_a_restart(window, monkeypatch, tmp_path,
                                                                                    bundled, user_data_dir, qtbot):
    _edit(window, CHINA, "45 Mt")  # the user's own edit, of another record
    path = build_zip(tmp_path / "update.zip")
    _choose(monkeypatch, path)

    def act(dialog):
        dialog.zip_button.click()
        assert _rows(dialog) == [("Changed", "Reserve", "Brazil (USGS MCS 2026)",
                                  "Reserves: 21,000,000 t → 22,000,000 t", "")]
        about = dialog.about.text()
        assert hashlib.sha256(path.read_bytes()).hexdigest() in about and "SHA-256 of the zip file" in about
        assert "0 added, 1 changed (1 field), 0 removed; 1 of your changed records kept." in about
        assert window.workspace.info.dataset_version == "2026.12.1"  # nothing yet
        assert dialog.apply_button.isEnabled()
        dialog.apply_button.click()

    seen = _answer(monkeypatch, act)
    window.import_dataset_action.trigger()
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    ws = window.workspace
    assert ws.info.dataset_version == "2026.12.2"
    assert "Dataset 2026.12.2" in window.as_of.text()
    assert _cell(window, BRAZIL).data() == "22,000,000"
    assert _cell(window, CHINA).data() == "45,000,000" and _cell(window, CHINA).data(BACKGROUND) == QColor(LIGHT.edited)
    assert window.controller.undo_stack.count() == 0 and not window.controller.dirty
    assert any(t.startswith("Dataset 2026.12.2 (as of 2025-11-10) imported: 0 added, 1 changed (1 field), 0 removed. "
                            "Your changes were kept.") for t in window.banner_texts())
    window.close()
    window.controller.userdata.close()

    in_use, notes = choose_dataset(bundled, user_data_dir)  # what `curbwatch` does at start
    userdata = UserData(user_data_dir, in_use)
    report = userdata.open()
    try:
        again = MainWindow(EditController(userdata), ON)
        qtbot.addWidget(again)
        again.show_open_messages(notes + report.messages)
        assert "Dataset 2026.12.2" in again.as_of.text()
        assert notes == [] and not any("dataset was updated" in t for t in again.banner_texts())  # no second merge
        assert _cell(again, BRAZIL).data() == "22,000,000" and _cell(again, CHINA).data() == "45,000,000"
    finally:
        userdata.close()


def test_an_edit_of_the_same_figure_is_kept_and_marked_as_a_conflict(window, monkeypatch, tmp_path):
    _edit(window, BRAZIL, "20 Mt")
    _choose(monkeypatch, build_zip(tmp_path / "update.zip"))

    def act(dialog):
        dialog.zip_button.click()
        [row] = _rows(dialog)
        assert row[4] == "yours: 20,000,000 t (kept; in conflict until you resolve it)"
        assert dialog.table.item(0, 3).background().color() == QColor(LIGHT.conflict)
        assert "1 field in conflict with the update" in dialog.about.text()
        dialog.apply_button.click()

    _answer(monkeypatch, act)
    window.import_dataset_action.trigger()
    cell = _cell(window, BRAZIL)
    assert cell.data() == "20,000,000" and cell.data(BACKGROUND) == QColor(LIGHT.conflict)
    assert any("1 of them conflict with the update" in t for t in window.banner_texts())


def _broken(docs):
    record(docs, "reserves", BRAZIL)["reserves_t"] = -1


@pytest.mark.parametrize("make,reason", [
    (lambda tmp: build_zip(tmp / "bad.zip", _broken), "reserves.json: reserves["),
    (lambda tmp: (tmp / "notes.zip").write_text("hello") and tmp / "notes.zip", "is not a zip file or a folder"),
    (lambda tmp: build_zip(tmp / "same.zip", version="2026.12.1"), "you already have it"),
])
def test_a_malformed_or_old_update_is_refused_in_the_dialog_and_changes_nothing(window, monkeypatch, tmp_path, make,
                                                                                 reason, user_data_dir):
    _choose(monkeypatch, make(tmp_path))

    def act(dialog):
        dialog.zip_button.click()
        assert reason in dialog.error and "Not imported:" in dialog.about.text()
        assert "Nothing was changed" in dialog.about.text() or "Nothing to import" in dialog.about.text()
        assert not dialog.apply_button.isEnabled() and dialog.table.rowCount() == 0
        dialog.buttons.rejected.emit()

    seen = _answer(monkeypatch, act)
    window.import_dataset_action.trigger()
    assert seen[0].result() == QDialog.DialogCode.Rejected
    assert window.workspace.info.dataset_version == "2026.12.1"
    assert not (user_data_dir / "datasets").exists()


def test_a_folder_can_be_chosen(window, monkeypatch, tmp_path):
    from tests.update_files import build_folder

    folder = build_folder(tmp_path / "update")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))

    def act(dialog):
        dialog.folder_button.click()
        assert "in that order" in dialog.about.text() and len(_rows(dialog)) == 1
        dialog.buttons.rejected.emit()

    _answer(monkeypatch, act)
    window.import_dataset_action.trigger()
    assert window.workspace.info.dataset_version == "2026.12.1"


def test_what_changed_lists_versions_differences_and_my_edits_with_times(monkeypatch, tmp_path, qtbot, bundled,
                                                                         user_data_dir):
    now = [dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)]
    userdata = UserData(user_data_dir, bundled, clock=lambda: now[0])
    userdata.open()
    try:
        window = MainWindow(EditController(userdata), ON)
        qtbot.addWidget(window)
        _edit(window, CHINA, "45 Mt")
        assert window.controller.save_now()
        now[0] = now[0].replace(hour=10)
        path = build_zip(tmp_path / "update.zip")
        _choose(monkeypatch, path)
        _answer(monkeypatch, lambda d: (d.zip_button.click(), d.apply_button.click()))
        window.import_dataset_action.trigger()
        now[0] = now[0].replace(hour=11)
        _edit(window, "usgs-mcs-2026.india", "7 Mt")  # after the import: its journal line gives the exact time
        assert window.controller.save_now()

        shown = []

        def exec_(self):
            assert isinstance(self, HelpDialog)
            shown.append(self.view.toPlainText())
            return 0

        monkeypatch.setattr(QDialog, "exec", exec_)
        _menu_action(window, "What &changed…").trigger()
    finally:
        userdata.close()
    [text] = shown
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert "2026.12.1 (as of 2025-11-10): bundled with this copy of Curbwatch" in text
    assert (f"2026.12.2 (as of 2025-11-10): imported 2026-12-01 10:00:00 UTC from update.zip, SHA-256 of the zip "
            f"file {sha} · in use") in text
    assert "2026.12.1 → 2026.12.2: 0 added, 1 changed (1 field), 0 removed" in text
    assert "Brazil (USGS MCS 2026)\nReserves: 21,000,000 t → 22,000,000 t" in text
    mine = text[text.index("Your changes (2), newest first"):]
    # The edit after the import is in the journal (exact); the one before it is in the backup made
    # before the import (the journal was cut there), of the file saved at 09:00: no later than that.
    assert "2026-12-01 11:00 UTC\nReserve\nIndia (USGS MCS 2026)\nReserves\nNA\n7,000,000 t" in mine
    assert "on or before 2026-12-01 09:00 UTC\nReserve\nChina (USGS MCS 2026)\nReserves\n44,000,000 t\n45,000,000 t" \
        in mine
    assert mine.index("India") < mine.index("China")


def test_a_new_reserve_source_appears_in_the_reserves_tab(window, monkeypatch, tmp_path):
    def new_source(docs):
        reserves = docs["reserves.json"]
        edition = dict(reserves["editions"][0], id="usgs-mcs-2027", short="USGS MCS 2027", published="2027-01-29")
        reserves["editions"].insert(0, edition)
        row = dict(record(docs, "reserves", BRAZIL), id="usgs-mcs-2027.brazil", edition="usgs-mcs-2027")
        reserves["reserves"].append(row)

    window.tabs.setCurrentIndex(2)
    chosen = window.reserves.source.currentData()
    _choose(monkeypatch, build_zip(tmp_path / "update.zip", new_source))

    def act(dialog):
        dialog.zip_button.click()
        assert {(r[0], r[1], r[2]) for r in _rows(dialog)} == {
            ("Added", "Reserve", "Brazil (USGS MCS 2027)"), ("Added", "Reserve source", "USGS MCS 2027 (2027-01-29)")}
        dialog.apply_button.click()

    _answer(monkeypatch, act)
    window.import_dataset_action.trigger()
    source = window.reserves.source
    assert source.itemData(0) == "usgs-mcs-2027" and source.itemText(0) == "USGS MCS 2027 (2027-01-29)"
    assert source.currentData() == chosen  # the source the user was looking at stays chosen
    assert window.reserves.select_id("usgs-mcs-2027.brazil") and source.currentData() == "usgs-mcs-2027"
