"""Importing records: files exported by the app import back as no change; changes and additions
are previewed field by field; every problem is named by row and field label; malformed files
are refused with a message before anything is planned."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from app.domain.kinds import kind_of
from app.domain.workspace import Workspace
from app.storage.import_plan import auto_mapping, guess_kind, plan_import
from app.storage.record_import import MAX_ROWS, ImportFileError, parse_table, read_table
from app.storage.view_export import View, view_csv, view_json

ON = dt.date(2026, 11, 29)


@pytest.fixture
def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)


def _edit(ws, kind, record_id, name, value):
    ws.apply(ws.stage(kind, record_id, ws.entry_for_field(kind, record_id, name, value)))


def _export(ws, kind, fmt):
    ids = tuple(r.id for r in ws.records(kind))
    view = View(kind, kind, ids, ON, len(ids))
    return view_csv(ws, view) if fmt == "csv" else view_json(ws, view)


def _plan(ws, data: bytes, name: str, kind: str | None = None, mapping=None):
    table = parse_table(data, name)
    kind = kind or guess_kind(table)
    return plan_import(ws, table, kind, mapping or auto_mapping(table, kind_of(kind)), ON)


def _csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def _apply(ws, plan):
    for kind, record_id, entry in plan.entries():
        ws.apply(ws.stage(kind, record_id, entry))


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("kind", ["companies", "elements", "reserves"])
def test_an_exported_file_imports_back_as_no_change(workspace, kind, fmt):
    # With edits of the user's in it, a formula-like name (defused in the CSV) and an added record.
    _edit(workspace, "elements", "gallium", "name", "=1+1, -x")
    _edit(workspace, "reserves", "usgs-mcs-2025.brazil", "reserves_t", 20_000_000)
    _edit(workspace, "companies", "high-point-aerotechnologies-llc", "aliases", ["HPA", "-HP"])
    workspace.apply(workspace.stage("reserves", *workspace.entry_for_new(
        "reserves", {"country": "Peru", "edition": "usgs-mcs-2025", "reserves_t": 5, "confidence": "LOW"})))
    plan = _plan(workspace, _export(workspace, kind, fmt), f"{kind}.{fmt}")
    assert guess_kind(parse_table(_export(workspace, kind, fmt), f"{kind}.{fmt}")) == kind
    assert plan.problems == [] and plan.changes == []
    assert plan.unchanged == len(workspace.records(kind))
    assert "status_on" in plan.ignored and "local_edit" in plan.ignored


def test_a_changed_figure_and_a_new_row_are_previewed_and_applied(workspace):
    rows = list(csv.reader(io.StringIO(_export(workspace, "reserves", "csv").decode("utf-8-sig"))))
    header = rows[0]
    brazil = next(r for r in rows if r[0] == "usgs-mcs-2025.brazil")
    brazil[header.index("reserves_t")] = "21,500,000"
    new = [""] * len(header)
    for name, value in (("country", "Peru"), ("source_id", "usgs-mcs-2025"), ("reserves_t", "2 Mt"),
                        ("confidence", "LOW")):
        new[header.index(name)] = value
    plan = _plan(workspace, _csv(rows + [new]), "edited.csv")
    assert plan.problems == []
    assert (plan.added, plan.changed) == (1, 1)
    change = next(c for c in plan.changes if c.action == "change")
    assert change.label.startswith("Brazil") and change.where == f"Row {rows.index(brazil) + 1}"
    assert [(f.label, f.before, f.after) for f in change.fields] == [("Reserves", "21,000,000 t", "21,500,000 t")]
    _apply(workspace, plan)
    assert workspace.record("reserves", "usgs-mcs-2025.brazil").reserves_t == 21_500_000
    peru = next(r for r in workspace.records("reserves") if r.country == "Peru")
    assert peru.reserves_t == 2_000_000 and workspace.is_added("reserves", peru.id)


def test_header_mapped_csv_matches_by_key_and_reports_missing_fields_by_label(workspace):
    data = _csv([["Chemical symbol", "Element name", "Comment"], ["Ga", "Gallium (Ga)", "x"],
                 ["Xx", "Unobtainium", "y"]])
    table = parse_table(data, "mine.csv")
    assert auto_mapping(table, kind_of("elements")) == ["", "", ""]
    plan = plan_import(workspace, table, "elements", ["", "", ""], ON)
    assert "choose which column is which field" in plan.problems[0] and not plan.can_apply
    plan = plan_import(workspace, table, "elements", ["symbol", "name", ""], ON)
    assert plan.changed == 1 and plan.changes[0].record_id == "gallium"  # matched by symbol
    # Nothing is invented for a new record: every missing required field is named at once.
    assert plan.problems == ["Row 3: a new element needs Z, Announcement, Issued, Effective, which no "
                             "column of the file gives"]
    assert plan.ignored == ["Comment"] and not plan.can_apply


def test_companies_match_by_name_ignoring_case_and_spacing(workspace):
    plan = _plan(workspace, _csv([["name", "notes"], ["  echodyne ", "Seen in a report"]]), "c.csv", "companies")
    assert plan.problems == [] and plan.changed == 1
    assert workspace.record("companies", plan.changes[0].record_id).name == "Echodyne"
    assert [f.label for f in plan.changes[0].fields] == ["Notes"]  # the name's case is not a change


def test_every_problem_names_its_row_and_field(workspace):
    data = _csv([["id", "country", "source_id", "reserves_t", "confidence"],
                 ["usgs-mcs-2025.brazil", "Brazil", "usgs-mcs-2025", "12abc", "HIGH"],
                 ["", "Chile", "nowhere", "5", "HIGH"],
                 ["", "Peru", "usgs-mcs-2025", "1,5", "HIGH"],
                 ["", "Bolivia", "usgs-mcs-2025", "-4", "SURE"],
                 ["usgs-mcs-2025.brazil", "Brazil", "usgs-mcs-2025", "1", "HIGH"],
                 ["usgs-mcs-2025.brazil", "Brazil", "usgs-mcs-2025", "2", "HIGH"]])
    plan = _plan(workspace, data, "bad.csv")
    text = "\n".join(plan.problems)
    assert "Row 2: Reserves: must be a number of metric tons" in text
    assert "Row 3: Source: no source of that name" in text
    assert "Row 4: Reserves: a decimal comma is not accepted" in text
    assert "Row 5: Reserves: must not be negative" in text and "Row 5: Confidence: must be one of" in text
    assert "Row 7: the same record as Row 6" in text
    assert not plan.can_apply


def test_a_deleted_record_is_not_silently_brought_back(workspace):
    workspace.apply(workspace.stage("elements", "gallium", workspace.entry_for_delete("elements", "gallium")))
    plan = _plan(workspace, _csv([["id", "symbol", "name"], ["gallium", "Ga", "Gallium"]]), "g.csv", "elements")
    assert plan.problems and "you deleted Gallium" in plan.problems[0]


def test_two_new_rows_with_one_symbol_are_refused(workspace):
    row = ["Xe", "Xenon", "54", "Other mineral", "No. 1", "2025-01-01", "2025-01-02"]
    header = ["symbol", "name", "atomic_number", "group", "announcement", "announced", "effective"]
    plan = _plan(workspace, _csv([header, row, row]), "x.csv", "elements")
    assert plan.added == 1 and plan.problems == ["Row 3: symbol already given by Row 2."]


@pytest.mark.parametrize("data, message", [
    (b'id,name\nx,"Lockheed\n', "quote that is never closed"),
    ("id,name\nx,Société Générale\n".encode("latin-1"), "is not UTF-8 text"),
    (b"PK\x03\x04rest", "workbook"),
    (b"id,name,name\n", "two columns named 'name'"),
    (b"id,name\nx,y,z\n", "row 2: 3 cells, but the header has 2"),
    (b"", "is empty"),
    (b'{"rows": 3}', "no list of records"),
    (b'[{"id": "a"}, 3]', "record 2: not an object"),
    (b'[{"id": NaN}]', "not valid JSON"),
    (b"\x00\x01\x02", "binary"),
])
def test_malformed_files_are_refused_with_a_clear_message(data, message):
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_table(data, "file.json" if data.startswith((b"[", b"{")) else "file.csv")


def test_a_hundred_thousand_rows_are_refused(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("id,name\n" + "".join(f"x{i},Name {i}\n" for i in range(100_000)), encoding="utf-8")
    with pytest.raises(ImportFileError, match=f"more than {MAX_ROWS:,} rows"):
        read_table(path)
    path.write_text(json.dumps([{"name": "n"}] * 100_000), encoding="utf-8")
    with pytest.raises(ImportFileError, match="100,000 records"):
        read_table(path.rename(tmp_path / "big.json"))


def test_utf16_semicolons_and_row_numbers_as_a_spreadsheet_counts(workspace):
    data = "\ufeffsymbol;name\n\nGa;Gallium metal\n".encode("utf-16")
    table = parse_table(data, "g.csv")
    assert table.header == ("symbol", "name") and table.where(0) == "Row 3"
    plan = plan_import(workspace, table, "elements", auto_mapping(table, kind_of("elements")), ON)
    assert plan.changes[0].fields[0].after == "Gallium metal" and plan.changes[0].where == "Row 3"
