"""Export current view, copy rows and the one-page brief, driven through the real window: the
menu actions, the table's selection, the clipboard, the file dialogs (answered by the test)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from app.ui.brief import SIZES, brief_document, brief_html

ON = dt.date(2026, 11, 29)
ROWS = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


@pytest.fixture
def window(make_window):
    return make_window(ON)


def _answer_save(monkeypatch, path, chosen=""):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), chosen))


def test_export_current_view_keeps_filter_and_sort_as_csv_json_and_xlsx(window, qtbot, monkeypatch, tmp_path):
    tab = window.companies
    qtbot.keyClicks(tab.search, "no. 22")
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    shown = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert 1 < len(shown) < tab.model.rowCount()
    _answer_save(monkeypatch, tmp_path / "view.csv")
    window.export_view_action.trigger()
    with open(tmp_path / "view.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["name"] for r in rows] == shown  # the view's rows, in the view's order
    assert {r["status_on"] for r in rows} == {ON.isoformat()} and "local_edit" in rows[0]
    assert "Exported" in window.statusBar().currentMessage()

    _answer_save(monkeypatch, tmp_path / "view", "Excel workbook (*.xlsx)")  # no suffix: the chosen type
    window.export_view_action.trigger()
    book = openpyxl.load_workbook(tmp_path / "view.xlsx")
    sheet = book["Companies"]
    assert [sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)] == shown
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about["Narrowed by"] == 'Filter: "no. 22"' and about["Sorted by"] == "Name, descending"

    _answer_save(monkeypatch, tmp_path / "view.json")
    window.export_view_action.trigger()
    assert (tmp_path / "view.json").read_text(encoding="utf-8").count('"id":') == len(shown)


def test_export_to_an_unwritable_place_is_a_banner_not_a_crash(window, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _answer_save(monkeypatch, blocker / "view.csv")
    window.export_view_action.trigger()
    assert any("Not exported" in t for t in window.banner_texts())


def test_ctrl_c_copies_selected_rows_as_tsv_and_html(window, qtbot):
    tab = window.elements
    window.tabs.setCurrentIndex(1)
    table = tab.table
    table.setFocus()
    table.selectionModel().clearSelection()
    for row in (0, 2):  # Ctrl+click two rows
        table.selectionModel().select(tab.proxy.index(row, 0), ROWS)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QApplication.clipboard().mimeData()
    lines = mime.text().rstrip("\r\n").split("\r\n")
    header = lines[0].split("\t")
    assert header[:3] == ["Symbol", "Name", "Z"] and len(lines) == 3
    assert lines[1].split("\t")[1] == tab.proxy.index(0, 1).data()
    assert lines[2].split("\t")[1] == tab.proxy.index(2, 1).data()
    html = mime.html()
    assert html.count("<tr>") == 3 and "<th" in html and tab.proxy.index(2, 1).data() in html
    assert "dataset" in html and ON.isoformat() in html and "local edits" not in html


def test_copy_follows_hidden_and_moved_columns_and_defuses_formulas(window, qtbot):
    window.tabs.setCurrentIndex(1)
    tab = window.elements
    assert window.controller.edit_field("elements", tab.current_record().id, "name", "=1+2")
    table = tab.table
    table.setColumnHidden(2, True)  # Z
    table.horizontalHeader().moveSection(1, 0)  # Name first
    table.setFocus()
    tab.select_row(tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(tab.current_record().id), 0)).row())
    window.copy_action.trigger()
    lines = QApplication.clipboard().text().split("\r\n")
    assert lines[0].split("\t")[:2] == ["Name", "Symbol"] and "Z" not in lines[0].split("\t")
    assert lines[1].startswith("'=1+2\t")
    assert "includes your local edits" in QApplication.clipboard().mimeData().html()


def test_brief_saved_as_a_one_page_pdf_with_the_record(window, monkeypatch, tmp_path):
    tab = window.companies
    tab.select_id("high-point-aerotechnologies-llc")
    _answer_save(monkeypatch, tmp_path / "brief")
    path = window.save_brief_pdf()
    assert path == tmp_path / "brief.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    if shutil.which("pdftotext"):  # poppler-utils, where installed: the text is really in it
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "High Point Aerotechnologies" in text and "as of" in text
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)


def test_brief_says_status_sources_confidence_version_and_local_edits(window):
    workspace = window.workspace
    record = workspace.record("elements", "gallium")
    html = brief_html(workspace, "elements", record, ON)
    document = brief_document(html)
    text = document.toPlainText()
    assert "Gallium" in text and f"status on {ON.isoformat()}" in text
    assert "Exports to the US" in text and "[HIGH]" in text and workspace.info.dataset_version in text
    assert "No local edits" in text
    assert window.controller.edit_field("elements", "gallium", "notes", "Checked against the gazette.")
    html = brief_html(workspace, "elements", workspace.record("elements", "gallium"), ON)
    assert "Includes your local edits: you changed Notes" in brief_document(html).toPlainText()


def test_every_bundled_brief_fits_one_page(window):
    workspace = window.workspace
    smallest = SIZES[-1]
    for kind in ("companies", "elements"):
        for record in workspace.records(kind):
            document = brief_document(brief_html(workspace, kind, record, ON))
            assert document.pageCount() == 1, (record.id, document.defaultFont().pointSizeF(), smallest)


def test_print_brief_opens_a_preview_and_prints_through_the_print_dialog(window, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    shown = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    window.companies.select_id("high-point-aerotechnologies-llc")
    dialog = window.print_brief()
    assert shown == [dialog] and "High Point" in dialog.view.toPlainText()

    def accept(self):
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(tmp_path / "printed.pdf"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog.print_button.click()
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_no_brief_for_a_reserve_row(window):
    window.tabs.setCurrentIndex(2)
    assert window.print_brief() is None and window.save_brief_pdf() is None
    assert "company or an element" in window.statusBar().currentMessage()


def test_the_brief_dates_an_instrument_as_the_detail_pane_does(window):
    """Issue and in-force dates, the time of day included, in the detail pane's words: the brief
    used to drop the 12:01 of UEL No. 8 and word the same day differently."""
    from app.ui.detail import company_html
    from app.ui.theme import current

    workspace = window.workspace
    record = workspace.record("companies", "shield-ai-inc")
    brief = brief_document(brief_html(workspace, "companies", record, ON)).toPlainText()
    pane = brief_document(str(company_html(record, ON, current(), workspace.info.as_of))).toPlainText()
    said = f"{record.uel_announcement}, issued 2025-04-09, in force from 2025-04-10 at 12:01 (midday)"
    assert said in brief and said in pane
    listed = workspace.record("companies", "high-point-aerotechnologies-llc")  # No. 21: issued and in force 4 Apr
    brief = brief_document(brief_html(workspace, "companies", listed, ON)).toPlainText()
    assert f"{listed.announcement}, issued 2025-04-04, in force the same day" in brief
