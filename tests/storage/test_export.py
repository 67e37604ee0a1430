"""CSV export: no cell runs as a formula whatever separator a spreadsheet splits on, every row
says where its values came from, unconfirmed dates stay marked, files open in a spreadsheet
with accents intact and get ordinary file permissions."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import stat
import subprocess
import sys

import pytest

from app.domain.status import record_status
from app.domain.workspace import Workspace
from app.storage.export import export_csv, neutralise
from tests.conftest import REPO

ON = dt.date(2026, 11, 29)
FORMULA = ("=", "+", "-", "@")
HOSTILE = ["a;=1+1;b", "x,@SUM(A1)", "y;-2+3", 'q;"=1+1"', "s; +HYPERLINK(1)", "n,-7"]


@pytest.fixture
def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)


def _read(path, delimiter=","):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def _runs_as_formula(field: str) -> bool:
    text = field.lstrip(' "')
    return text.startswith(FORMULA) and not _is_number(text.rstrip(' "'))


def test_no_part_of_a_cell_becomes_a_formula_under_any_separator(workspace, tmp_path):
    for i, name in enumerate(HOSTILE):
        record_id = ["echodyne", *[c.id for c in workspace.dataset.companies[1:]]][i]
        workspace.set_entry("companies", record_id, workspace.entry_for_field("companies", record_id, "name", name))
    export_csv(workspace, tmp_path, ON)
    text = (tmp_path / "companies.csv").read_bytes().decode("utf-8-sig")
    for delimiter in (",", ";", "\t"):
        for line in text.replace("\r\n", "\n").split("\n"):  # a reader that ignores quoting
            for field in line.split(delimiter):
                assert not _runs_as_formula(field), (delimiter, field)
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for field in row:
                assert not _runs_as_formula(field), (delimiter, field)
    # Read back with the right separator, each name is still there, defused and readable.
    names = {r["id"]: r["name"] for r in _read(tmp_path / "companies.csv")}
    assert names["echodyne"] == "a;'=1+1;b"
    assert {"x,'@SUM(A1)", "y;'-2+3", "s; '+HYPERLINK(1)", "n,-7"} <= set(names.values())


def test_neutralise_keeps_the_old_rule_and_plain_numbers():
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("@x") == "'@x" and neutralise("\tx") == "'\tx"
    assert neutralise("-5") == "-5" and neutralise("+2.5e3") == "+2.5e3"
    assert neutralise("-5+1") == "'-5+1"
    assert neutralise("a;-5") == "a;-5" and neutralise("range 1,-2") == "range 1,-2"
    assert neutralise("a;-5+cmd") == "a;'-5+cmd"
    assert neutralise("Nd, Pr; Sm") == "Nd, Pr; Sm"
    # Names and notes refuse control characters, but a cell is defused whatever it holds.
    assert neutralise("tab\t-2+3") == "tab\t'-2+3" and neutralise("line\n=cmd") == "line\n'=cmd"
    assert neutralise("cr\r\n@x") == "cr\r\n'@x"
    assert neutralise(None) == "" and neutralise(44_000_000) == "44000000"


def test_every_row_says_where_its_values_came_from(workspace, tmp_path):
    workspace.set_entry("companies", "echodyne", workspace.entry_for_field("companies", "echodyne", "name", "Echo"))
    new_id, entry = workspace.entry_for_new("reserves", {"country": "Atlantis", "edition": "usgs-mcs-2025",
                                                         "reserves_t": 7, "confidence": "LOW", "note": ""})
    workspace.set_entry("reserves", new_id, entry)
    export_csv(workspace, tmp_path, ON)
    info = workspace.info
    for name in ("companies", "elements", "reserves"):
        rows = _read(tmp_path / f"{name}.csv")
        assert rows
        for row in rows:
            assert row["dataset_version"] == info.dataset_version == "2026.12.1"
            assert row["data_as_of"] == info.as_of.isoformat() and row["status_on"] == "2026-11-29"
            assert row["local_edit"] in ("", "edited", "added")
    companies = {r["id"]: r["local_edit"] for r in _read(tmp_path / "companies.csv")}
    assert companies["echodyne"] == "edited" and set(companies.values()) == {"", "edited"}
    reserves = {r["id"]: r["local_edit"] for r in _read(tmp_path / "reserves.csv")}
    assert reserves[new_id] == "added" and list(reserves.values()).count("added") == 1
    assert set(reserves.values()) == {"", "added"}


def test_unconfirmed_dates_keep_their_mark(workspace, tmp_path):
    export_csv(workspace, tmp_path, ON)
    rows = {r["id"]: r for r in _read(tmp_path / "companies.csv")}
    unconfirmed = 0
    for company in workspace.dataset.companies:
        status = record_status(company, "export_control", ON)
        if status is not None and status.ends is not None:
            expected = status.ends.isoformat() + ("" if status.ends_confirmed else " (unconfirmed)")
            assert rows[company.id]["status_ends"] == expected
            unconfirmed += not status.ends_confirmed
    assert unconfirmed > 0, "the bundled data has unconfirmed end dates on this date"
    elements = _read(tmp_path / "elements.csv")
    assert {r["control_code_confirmed"] for r in elements} <= {"yes", "unconfirmed"}
    for element in workspace.dataset.elements:
        status = record_status(element, "export_control", ON)
        row = next(r for r in elements if r["id"] == element.id)
        if status is not None and status.ends is not None and not status.ends_confirmed:
            assert row["status_ends"].endswith(" (unconfirmed)")


def test_a_spreadsheet_reads_accents_the_bom_says_utf8(workspace, tmp_path):
    workspace.set_entry("companies", "echodyne",
                        workspace.entry_for_field("companies", "echodyne", "name", "Société Générale Ünïcode 北京"))
    export_csv(workspace, tmp_path, ON)
    for name in ("companies", "elements", "reserves"):
        raw = (tmp_path / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbfid,") and raw.count(b"\xef\xbb\xbf") == 1
    assert "Société Générale Ünïcode 北京" in {r["name"] for r in _read(tmp_path / "companies.csv")}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_exported_files_get_ordinary_permissions(workspace, tmp_path, umask, expected):
    old = os.umask(umask)
    try:
        (tmp_path / "elements.csv").write_text("old export")
        os.chmod(tmp_path / "elements.csv", 0o600)  # as the versions before this fix left it
        paths = export_csv(workspace, tmp_path, ON)
    finally:
        os.umask(old)
    assert len(paths) == 3
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == expected, path.name


def test_export_needs_no_qt(tmp_path):
    code = ("import sys, datetime as dt\n"
            "from pathlib import Path\n"
            "from app.storage.bundled import load_bundled\n"
            "from app.storage.paths import bundled_data_dir\n"
            "from app.domain.workspace import Workspace\n"
            "from app.storage.export import export_csv\n"
            "b = load_bundled(bundled_data_dir())\n"
            "ws = Workspace(b.dataset.info, b.raw, b.dataset.editions)\n"
            "export_csv(ws, Path(sys.argv[1]), dt.date(2026, 11, 29))\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=REPO, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(list(tmp_path.glob("*.csv"))) == 3


def test_the_same_data_and_date_give_the_same_bytes(workspace, tmp_path):
    export_csv(workspace, tmp_path / "a", ON)
    export_csv(workspace, tmp_path / "b", ON)
    export_csv(workspace, tmp_path / "c", ON + dt.timedelta(days=400))
    for name in ("companies", "elements", "reserves"):
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (tmp_path / "b" / f"{name}.csv").read_bytes()
    assert (tmp_path / "a" / "companies.csv").read_bytes() != (tmp_path / "c" / "companies.csv").read_bytes()
