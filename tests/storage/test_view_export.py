"""Exporting a table view: its rows in its order, the --export columns with provenance, as CSV
(defused like --export), JSON and XLSX (read back by openpyxl: text never a formula)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat
import zipfile

import openpyxl
import pytest

from app.domain.workspace import Workspace
from app.storage.export import PROVENANCE, export_tables
from app.storage.view_export import View, format_of, view_csv, view_json, view_xlsx, write_view
from app.storage.xlsx import Sheet, column_letter, sheet_name, xlsx_bytes

ON = dt.date(2026, 11, 29)
HOSTILE = "=HYPERLINK(\"http://evil.example\",\"click\")"


@pytest.fixture
def workspace(bundled):
    ws = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)
    ws.apply(ws.stage("elements", "gallium", ws.entry_for_field("elements", "gallium", "name", HOSTILE)))
    return ws


def _view(ws, kind="elements", ids=("indium", "gallium", "germanium"), **kw):
    return View(kind, "Element restrictions" if kind == "elements" else kind.capitalize(), tuple(ids), ON,
                len(ws.records(kind)), **kw)


def test_rows_follow_the_view_and_columns_are_the_export_ones(workspace):
    rows = list(csv.reader(io.StringIO(view_csv(workspace, _view(workspace)).decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header == export_tables(workspace, ON)["elements.csv"][0]
    assert header[-4:] == PROVENANCE
    assert [r[0] for r in body] == ["indium", "gallium", "germanium"]  # the view's order, nothing else
    local = header.index("local_edit")
    assert [r[local] for r in body] == ["", "edited", ""]
    assert {r[header.index("status_on")] for r in body} == {ON.isoformat()}
    assert {r[header.index("dataset_version")] for r in body} == {workspace.info.dataset_version}


def test_csv_has_a_bom_and_defuses_formulas_like_the_export(workspace):
    data = view_csv(workspace, _view(workspace))
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    row = next(r for r in csv.reader(io.StringIO(data.decode("utf-8-sig"))) if r[0] == "gallium")
    assert row[2] == "'" + HOSTILE


def test_xlsx_opens_with_text_never_a_formula_and_an_about_sheet(workspace, tmp_path):
    path = write_view(tmp_path / "view.xlsx", workspace, _view(workspace, narrowed=('Filter: "ga"',),
                                                                 sort="Name, A to Z"))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Element restrictions", "About"]
    sheet = book["Element restrictions"]
    header = [c.value for c in sheet[1]]
    assert header == export_tables(workspace, ON)["elements.csv"][0]
    assert [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)] == ["indium", "gallium", "germanium"]
    name = sheet.cell(3, header.index("name") + 1)
    assert name.value == HOSTILE and name.data_type == "s"  # the text itself, not a formula
    assert name.quotePrefix  # and marked as text if someone edits the cell
    number = sheet.cell(2, header.index("atomic_number") + 1)
    assert number.value == 49 and number.data_type == "n"
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about["Dataset version"] == workspace.info.dataset_version
    assert about["Statuses on"] == ON.isoformat()
    assert about["Narrowed by"] == 'Filter: "ga"' and about["Sorted by"] == "Name, A to Z"
    assert about["Records"] == "3 of 21"
    assert about["Local edits"].startswith("includes your local edits")


def test_xlsx_of_bundled_data_says_no_local_edits(bundled):
    ws = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)
    book = openpyxl.load_workbook(io.BytesIO(view_xlsx(ws, _view(ws, "reserves", [r.id for r in
                                                                              ws.records("reserves")]))))
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about["Local edits"].startswith("none")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    figures = [sheet.cell(r, header.index("reserves_t") + 1).value for r in range(2, sheet.max_row + 1)]
    assert all(v is None or isinstance(v, int) for v in figures)  # NA stays empty, never 0 or text
    assert any(v is None for v in figures) and any(isinstance(v, int) for v in figures)


def test_json_has_about_columns_and_typed_rows(workspace):
    document = json.loads(view_json(workspace, _view(workspace)))
    assert document["format"] == "curbwatch-view" and document["kind"] == "elements"
    assert document["about"]["status_on"] == ON.isoformat()
    assert [r["id"] for r in document["rows"]] == ["indium", "gallium", "germanium"]
    gallium = document["rows"][1]
    assert gallium["name"] == HOSTILE  # JSON is not a spreadsheet: the text as it is
    assert gallium["atomic_number"] == 31 and gallium["local_edit"] == "edited"
    assert document["rows"][0]["local_edit"] is None  # empty is null
    assert list(gallium) == document["columns"]


def test_written_file_gets_ordinary_permissions(workspace, tmp_path):
    old = os.umask(0o022)
    try:
        path = write_view(tmp_path / "out" / "view.csv", workspace, _view(workspace))
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_format_comes_from_the_suffix_or_the_choice():
    assert format_of("a/b.XLSX") == "xlsx"
    assert format_of("view", "json") == "json"
    with pytest.raises(ValueError, match=r"\.csv, \.json or \.xlsx"):
        format_of("view.txt")
    with pytest.raises(ValueError) as refused:
        format_of("view.txt")
    assert str(refused.value) == "view.txt: choose a file ending in .csv, .json or .xlsx"
    # the chart export's formats and message, from the same function
    assert format_of("a/chart.SVG", None, ("png", "svg")) == "svg" and format_of("c", "png", ("png", "svg")) == "png"
    with pytest.raises(ValueError) as refused:
        format_of("chart.xlsx", "csv", ("png", "svg"))
    assert str(refused.value) == "chart.xlsx: choose a file ending in .png or .svg"
    assert "ending in .zip" in str(pytest.raises(ValueError, format_of, "pack.tar", None, ("zip",)).value)


def test_xlsx_writer_edges():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    taken: set[str] = set()
    assert sheet_name("Reserves: [2025]/all", taken) == "Reserves   2025  all"
    assert sheet_name("reserves   2025  all", taken) == "reserves   2025  all (2)"
    data = xlsx_bytes([Sheet("T", ["a", "b"], [["x\x01y", 1.5], ["-3", True], ["long" * 10_000, None]])])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == "x\ufffdy" and sheet["B2"].value == 1.5
    assert sheet["A3"].value == "-3" and sheet["A3"].data_type == "s" and sheet["B3"].value is True
    assert len(sheet["A4"].value) == 32_767 and sheet["B4"].value is None
