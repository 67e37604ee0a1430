"""Reading name lists (text and CSV, every layout users send) and writing the screening report."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from app.domain.screening import screen
from app.storage import screening_io
from app.storage.screening_io import (REPORT_COLUMNS, NameListError, csv_columns, file_columns, parse_names,
                                      read_names, report_bytes, write_report)

ON = dt.date(2025, 12, 1)


def _file(tmp_path, data: bytes, name="names.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data", [
    b"Insitu, Inc.\nEchodyne\nCubic Corp\n",
    b"name\nInsitu, Inc.\nEchodyne\nCubic Corp\n",  # a header line
    b"\xef\xbb\xbfInsitu, Inc.\r\nEchodyne\r\nCubic Corp\r\n",  # BOM, CRLF
    b"\n\nInsitu, Inc.\n   \n\tEchodyne  \n\nCubic   Corp",  # blank lines, stray spaces, no final newline
    b"Insitu, Inc.\rEchodyne\rCubic Corp\r",  # old Mac line ends
    "Insitu, Inc.\nEchodyne\nCubic Corp\n".encode("utf-16"),  # UTF-16 with its BOM
    b"\xef\xbb\xbfCompany\r\nInsitu, Inc.\r\n\r\nEchodyne\r\nCubic Corp\r\n",
])
def test_text_lists(tmp_path, data):
    names = read_names(_file(tmp_path, data))
    assert names.names == ["Insitu, Inc.", "Echodyne", "Cubic Corp"] and names.format == "text"


def test_text_list_reports_header_and_blank_lines(tmp_path):
    names = read_names(_file(tmp_path, b"name\n\nInsitu\n\n\nEchodyne\n"))
    assert names.header and names.blank_lines == 3


@pytest.mark.parametrize("data,column", [
    (b"id,name,country\n1,\"Insitu, Inc.\",US\n2,Echodyne,US\n\n3,Cubic Corp,US\n", None),
    (b"\xef\xbb\xbfid;Name;country\r\n1;Insitu, Inc.;US\r\n2;Echodyne;US\r\n3;Cubic Corp;US\r\n", None),
    (b"id\tname\n1\tInsitu, Inc.\n2\tEchodyne\n3\tCubic Corp\n", None),
    (b"id,supplier\n1,\"Insitu, Inc.\"\n2,Echodyne\n3,Cubic Corp\n", "supplier"),
    (b"id,supplier\n1,\"Insitu, Inc.\"\n2,Echodyne\n3,Cubic Corp\n", "SUPPLIER"),
    (b"1,\"Insitu, Inc.\"\n2,Echodyne\n3,Cubic Corp\n", "2"),  # no header: column by number
])
def test_csv_lists(tmp_path, data, column):
    names = read_names(_file(tmp_path, data, "list.csv"), column=column)
    assert names.names == ["Insitu, Inc.", "Echodyne", "Cubic Corp"] and names.format == "csv"


def test_a_txt_file_with_a_name_column_is_read_as_csv(tmp_path):
    names = read_names(_file(tmp_path, b"id,name\n1,Echodyne\n"))
    assert (names.format, names.column, names.names) == ("csv", "name", ["Echodyne"])


def test_single_column_csv_keeps_unquoted_commas(tmp_path):
    names = read_names(_file(tmp_path, b"name\nInsitu, Inc.\nEchodyne\n", "list.csv"))
    assert names.names == ["Insitu, Inc.", "Echodyne"]
    names = read_names(_file(tmp_path, b"Echodyne\nInsitu, Inc.\n", "list.csv"))
    assert names.names == ["Echodyne", "Insitu, Inc."] and not names.header


def test_csv_columns_for_a_chooser(tmp_path):
    assert csv_columns("\ufeffid;Supplier name;Country\r\n1;x;y\r\n") == ["id", "Supplier name", "Country"]
    path = _file(tmp_path, b"\xef\xbb\xbf\r\nid,Supplier name\r\n1,Echodyne\r\n", "list.csv")
    assert file_columns(path) == ["id", "Supplier name"]
    assert read_names(path, column="supplier name").names == ["Echodyne"]


@pytest.mark.parametrize("data,name,column,message", [
    ("Insitu\nÉchodyne\n".encode("cp1252"), "names.txt", None, "not UTF-8 text (byte 0xc9 on line 2)"),
    (b"PK\x03\x04\x00\x00binary", "names.txt", None, "binary file"),
    (b"", "names.txt", None, "holds no names"),
    (b"\n \n\r\n", "names.txt", None, "holds no names"),
    (b"name\n", "names.txt", None, "holds no names"),
    (b"id,name\n1,\"Insitu\n2,Echodyne\n", "list.csv", None, "not valid CSV"),
    (b"id,country\n1,US\n", "list.csv", None, "no `name` column"),
    (b"id,name\n1,Insitu\n", "list.csv", "supplier", "no column 'supplier'"),
    (b"id,name\n1,Insitu\n", "list.csv", "7", "no column '7'"),
    (b"x" * 600 + b"\n", "names.txt", None, "600 characters long"),
])
def test_unreadable_lists_say_why(tmp_path, data, name, column, message):
    with pytest.raises(NameListError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_names(_file(tmp_path, data, name), column=column)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(NameListError, match="cannot read"):
        read_names(tmp_path / "nope.txt")
    with pytest.raises(NameListError, match="is a folder"):
        read_names(tmp_path)


def test_caps_on_size_and_count(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(screening_io.MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(NameListError, match="at most 16 MB"):
        read_names(big)
    many = _file(tmp_path, b"".join(b"Name %d\n" % i for i in range(screening_io.MAX_NAMES + 1)))
    with pytest.raises(NameListError, match="100,001 names; screening takes at most 100,000"):
        read_names(many)


def test_pasted_text():
    assert parse_names("  Insitu \n\nEchodyne\r\n").names == ["Insitu", "Echodyne"]


# --- report --------------------------------------------------------------------------------
def _run(dataset, names, **kw):
    return screen(dataset.companies, names, ON, dataset_version="2025.11.1", as_of=dt.date(2025, 11, 10), **kw)


def _read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_report_rows_per_match_and_per_cleared_name(dataset, tmp_path):
    run = _run(dataset, ["Insito Inc", "Technologies Inc", "Sierra Nevada Corp", "nobody"], local_edits=True)
    path = write_report(tmp_path / "out" / "report.csv", run)
    rows = _read(path.read_bytes())
    assert list(rows[0]) == list(REPORT_COLUMNS)
    assert [r["input"] for r in rows] == ["Insito Inc", "Technologies Inc", "Sierra Nevada Corp", "nobody"]
    insitu, generic, sierra, nobody = rows
    assert insitu["match"] == "Insitu, Inc." and insitu["matched_on"] == "Insitu, Inc." and insitu["score"] == "83"
    assert insitu["status"].startswith("Export control: Lifted 2025-08-12 · data to 2025-11-10, verify; "
                                       "Unreliable Entity List: Suspended")
    assert insitu["outcome"] == "possible match" and insitu["record_id"] == "insitu-inc"
    assert sierra["score"] == "100"
    assert (generic["match"], generic["score"], generic["outcome"]) == ("", "", "cleared (only generic words)")
    assert (nobody["match"], nobody["outcome"]) == ("", "cleared")
    for row in rows:
        assert (row["dataset_version"], row["data_as_of"], row["status_on"], row["threshold"],
                row["local_edits"], row["run"]) == ("2025.11.1", "2025-11-10", "2025-12-01", "80", "yes", "complete")


def test_report_has_a_row_per_possible_match(dataset):
    rows = _read(report_bytes(_run(dataset, ["Teledyne Technologies"], threshold=55)))
    assert rows and all(r["input"] == "Teledyne Technologies" and r["match"] for r in rows)


def test_report_defuses_formulas_and_keeps_unicode(dataset):
    rows = _read(report_bytes(_run(dataset, ['=HYPERLINK("http://x","Insitu")', "-Echodyne", "@cmd", "英西图"])))
    assert rows[0]["input"] == "'=HYPERLINK(\"http://x\",\"Insitu\")"
    assert rows[1]["input"] == "'-Echodyne" and rows[1]["match"] == "Echodyne"
    assert rows[2]["input"] == "'@cmd" and rows[3]["input"] == "英西图"


def test_report_of_a_cancelled_run_says_so(dataset):
    run = _run(dataset, ["Insitu"] * 5, progress=lambda done, total: False, chunk_size=2)
    rows = _read(report_bytes(run))
    assert len(rows) == 2 and rows[0]["run"] == "cancelled: 2 of 5 names screened"


def test_report_where_no_folder_can_be_made_raises_a_save_error(dataset, tmp_path):
    from app.storage.atomic import SaveError

    blocker = _file(tmp_path, b"a file, not a folder", "blocker")
    with pytest.raises(SaveError):
        write_report(blocker / "report.csv", _run(dataset, ["Insitu"]))
