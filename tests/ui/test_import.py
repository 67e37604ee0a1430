"""File > Import records… as a user meets it: the file dialog, the preview (kind, column mapping,
problems, what would be added and changed), Import as one undoable command, refusals that
change nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.storage.view_export import View, write_view
from app.ui.import_dialog import ImportDialog

ON = dt.date(2026, 11, 29)


@pytest.fixture
def window(make_window):
    return make_window(ON)


def _open(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _run_dialog(monkeypatch, act):
    """Answer the import dialog: ``act(dialog)`` looks at it and says whether to press Import."""
    seen = []

    def exec_(self):
        if not isinstance(self, ImportDialog):
            raise AssertionError(f"unexpected dialog {self!r}")
        seen.append(self)
        if act(self) and self.import_button.isEnabled():
            self.import_button.click()
        return self.result()

    monkeypatch.setattr(QDialog, "exec", exec_)
    return seen


def _reserves_csv(window, path, change):
    ids = tuple(r.id for r in window.workspace.records("reserves"))
    write_view(path, window.workspace, View("reserves", "Reserves", ids, ON, len(ids)))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    change(rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def test_import_previews_applies_as_one_command_and_undo_removes_it_all(window, monkeypatch, tmp_path):
    path = tmp_path / "reserves.csv"

    def change(rows):
        header = rows[0]
        for row in rows[1:]:
            if row[0] in ("usgs-mcs-2025.brazil", "usgs-mcs-2025.india"):
                row[header.index("reserves_t")] = "1 Mt"
        new = [""] * len(header)
        new[header.index("country")], new[header.index("source_id")] = "Peru", "usgs-mcs-2025"
        new[header.index("reserves_t")], new[header.index("confidence")] = "500000", "LOW"
        rows.append(new)

    _reserves_csv(window, path, change)
    _open(monkeypatch, path)
    undo_before = window.controller.undo_stack.count()
    seen = _run_dialog(monkeypatch, lambda d: True)
    window.import_action.trigger()
    dialog = seen[0]
    assert dialog.kind.currentData() == "reserves"
    assert dialog.plan.summary().startswith("1 record to add, 2 to change")
    preview = dialog.preview.toPlainText()
    assert "To add (1)" in preview and "Peru" in preview and "To change (2)" in preview
    assert "Reserves: 21,000,000 t → 1,000,000 t" in preview
    ws = window.workspace
    assert ws.record("reserves", "usgs-mcs-2025.brazil").reserves_t == 1_000_000
    assert any(r.country == "Peru" for r in ws.records("reserves"))
    assert window.controller.undo_stack.count() == undo_before + 1  # one command for the whole import
    assert window.controller.undo_stack.undoText().startswith("Import 3 reserves from reserves.csv")
    # Imported values are ordinary edits: one reverts by itself, like any other.
    assert window.workspace.edited_fields("reserves", "usgs-mcs-2025.india") == {"reserves_t"}
    assert window.controller.revert_record("reserves", "usgs-mcs-2025.india")
    assert ws.record("reserves", "usgs-mcs-2025.india").reserves_t != 1_000_000
    window.undo_action.trigger()  # the revert
    assert ws.record("reserves", "usgs-mcs-2025.india").reserves_t == 1_000_000
    window.undo_action.trigger()  # the whole import
    assert ws.record("reserves", "usgs-mcs-2025.brazil").reserves_t == 21_000_000
    assert not any(r.country == "Peru" for r in ws.records("reserves"))
    assert ws.change_count() == 0


def test_reimporting_an_export_is_no_change_and_import_stays_off(window, monkeypatch, tmp_path):
    assert window.controller.edit_field("companies", "echodyne", "notes", "Seen in a report")
    window.tabs.setCurrentIndex(0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "c.json"), ""))
    window.export_view_action.trigger()
    _open(monkeypatch, tmp_path / "c.json")
    seen = _run_dialog(monkeypatch, lambda d: True)
    count = window.controller.undo_stack.count()
    window.import_action.trigger()
    assert seen[0].plan.changes == [] and not seen[0].import_button.isEnabled()
    assert "nothing to import" in seen[0].summary.text()
    assert window.controller.undo_stack.count() == count


def test_header_mapped_csv_the_user_maps_and_problems_block_import(window, monkeypatch, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("Element,Sym,Number\nGallium metal,Ga,31\nNewthing,Nw,abc\n", encoding="utf-8")
    _open(monkeypatch, path)
    shots = {}

    def act(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("elements"))
        assert "choose which column is which field" in dialog.preview.toPlainText()
        dialog.set_mapping("Sym", "symbol")
        dialog.set_mapping("Element", "name")
        dialog.set_mapping("Number", "atomic_number")
        text = dialog.preview.toPlainText()
        assert "Row 3: Z: must be a whole number (got 'abc')" in text
        assert not dialog.import_button.isEnabled()
        dialog.grab().save(str(tmp_path / "import-preview.png"))
        shots["png"] = tmp_path / "import-preview.png"
        dialog.set_mapping("Number", "")
        return False

    seen = _run_dialog(monkeypatch, act)
    window.import_action.trigger()
    assert "Not imported" in seen[0].preview.toPlainText() or seen[0].plan.problems
    assert window.workspace.record("elements", "gallium").name == "Gallium"  # nothing changed
    assert shots["png"].stat().st_size > 10_000


@pytest.mark.parametrize("content, message", [
    (b'id,name\nx,"never closed\n', "quote that is never closed"),
    ("name\nSoci\xe9t\xe9\n".encode("latin-1"), "not UTF-8"),
])
def test_malformed_file_is_refused_with_a_message_and_changes_nothing(window, monkeypatch, tmp_path, content,
                                                                      message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    _open(monkeypatch, path)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    monkeypatch.setattr(QDialog, "exec", lambda self: pytest.fail("no preview for a file that cannot be read"))
    revision = window.workspace.revision
    window.import_action.trigger()
    assert message in said[0] and "Nothing was changed" in said[0]
    assert window.workspace.revision == revision


def test_import_is_off_when_the_data_is_read_only(window, make_window):
    second = make_window(ON)  # the same data folder, already open: read-only
    assert second.controller.read_only
    assert window.import_action.isEnabled() and not second.import_action.isEnabled()


def test_an_import_that_would_make_the_file_too_large_to_read_back_is_refused(window, monkeypatch, tmp_path):
    """The data file is read back only up to MAX_DOCUMENT_BYTES: an import past it applied, then
    could never be saved. Now it is refused with the reason, and nothing changes."""
    from app.storage.import_plan import file_bytes_after
    from app.ui import import_dialog

    path = tmp_path / "reserves.csv"

    def change(rows):
        header = rows[0]
        for i in range(40):
            new = [""] * len(header)
            new[header.index("country")], new[header.index("source_id")] = f"Land {i}", "usgs-mcs-2025"
            new[header.index("reserves_t")], new[header.index("confidence")] = "1000", "LOW"
            rows.append(new)

    _reserves_csv(window, path, change)
    _open(monkeypatch, path)
    now = file_bytes_after(window.workspace, [])
    monkeypatch.setattr(import_dialog, "MAX_DOCUMENT_BYTES", now + 1000)  # room for a few rows, not forty
    refused = []
    window.controller.rejected.connect(refused.append)
    _run_dialog(monkeypatch, lambda d: True)
    assert not window.import_records()
    assert refused and refused[0].startswith("Not imported: your data file would grow to about")
    assert window.workspace.change_count() == 0 and not any(r.country == "Land 0" for r in window.workspace.records(
        "reserves"))
