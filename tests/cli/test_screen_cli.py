"""`curbwatch --screen FILE [--out REPORT.csv] [--threshold N] [--on DATE]`: the files users
send (header or not, BOM, blank lines, CSV, 10,000 names), the summary line, the report, the
user's edits, and clear failures."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from app.main import main
from tests.conftest import REPO


def _report(path):
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _screen(capsys, *args):
    code = main(["--screen", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err.strip()


LIST = ["Insito Inc", "Echodine", "Technologies Inc", "Kratos UAS", "Walmart Stores"]


@pytest.mark.parametrize("name,data", [
    ("plain.txt", "\n".join(LIST).encode() + b"\n"),
    ("header.txt", ("name\n" + "\n".join(LIST)).encode()),
    ("bom.txt", b"\xef\xbb\xbf" + "\r\n".join(LIST).encode() + b"\r\n"),
    ("blank.txt", ("\n\n" + "\n\n  \n".join(LIST) + "\n\n").encode()),
    ("suppliers.csv", ("id,name,country\n" + "\n".join(f"{i},{n},US" for i, n in enumerate(LIST))).encode()),
    ("bom-header.csv", b"\xef\xbb\xbf" + ("Name\r\n" + "\r\n".join(LIST) + "\r\n").encode()),
])
def test_screen_a_file(tmp_path, capsys, name, data):
    source = tmp_path / name
    source.write_bytes(data)
    code, out, err = _screen(capsys, source, "--on", "2025-12-01")
    assert code == 0, err
    report = source.with_name(source.stem + "-screening.csv")
    assert out == (f"Curbwatch: screened 5 names: 3 possible matches for 3 names, 2 cleared (threshold 80, "
                   f"statuses on 2025-12-01, dataset 2026.12.1); report: {report}")
    rows = _report(report)
    assert [r["input"] for r in rows] == LIST
    assert [r["match"] for r in rows] == ["Insitu, Inc.", "Echodyne", "", "Kratos Unmanned Aerial Systems, Inc.", ""]
    assert rows[0]["status"].startswith("Export control: Lifted 2025-08-12")
    assert {r["local_edits"] for r in rows} == {"no"} and {r["status_on"] for r in rows} == {"2025-12-01"}


def test_ten_thousand_names(tmp_path, capsys):
    names = [f"Supplier {i} Holdings LLC" for i in range(9_990)] + LIST + ["Cubic Corp"] * 5
    source = tmp_path / "big.txt"
    source.write_text("\n".join(names), encoding="utf-8")
    code, out, err = _screen(capsys, source, "--out", tmp_path / "out" / "r.csv")
    assert code == 0, err
    assert out.startswith("Curbwatch: screened 10,000 names: 8 possible matches for 8 names, 9,992 cleared")
    rows = _report(tmp_path / "out" / "r.csv")
    assert len(rows) == 10_000 and sum(1 for r in rows if r["match"]) == 8


def test_threshold_and_date(tmp_path, capsys):
    source = tmp_path / "names.txt"
    source.write_text("Kratos\nInsitu\n", encoding="utf-8")
    code, out, _ = _screen(capsys, source, "--threshold", "75", "--on", "2025-04-20", "--out", tmp_path / "r.csv")
    assert code == 0 and "2 possible matches for 2 names, 0 cleared (threshold 75, statuses on 2025-04-20" in out
    rows = _report(tmp_path / "r.csv")
    assert rows[0]["match"] == "Kratos Unmanned Aerial Systems, Inc." and rows[0]["score"] == "78"
    assert rows[1]["status"].startswith("Export control: In force since 2025-04-10")
    assert {r["threshold"] for r in rows} == {"75"}


def test_the_users_edits_are_screened(tmp_path, capsys, open_userdata):
    userdata, _ = open_userdata()
    workspace = userdata.workspace
    workspace.set_entry("companies", "exovera",
                        workspace.entry_for_field("companies", "exovera", "name", "Zanzibar Photonics"))
    userdata.save()
    userdata.close()
    source = tmp_path / "names.txt"
    source.write_text("Zanzibar Photonics Inc\n", encoding="utf-8")
    code, out, err = _screen(capsys, source)
    assert code == 0, err
    assert "with your local edits" in out
    row = _report(tmp_path / "names-screening.csv")[0]
    assert (row["match"], row["record_id"], row["local_edits"]) == ("Zanzibar Photonics", "exovera", "yes")


@pytest.mark.parametrize("data,args,message", [
    ("Insitu\nÉchodyne\n".encode("cp1252"), [], "is not UTF-8 text (byte 0xc9 on line 2)"),
    (b"\n\n", [], "holds no names"),
    (b"Insitu\n", ["--threshold", "0"], "--threshold must be from 1 to 100"),
    (b"Insitu\n", ["--threshold", "101"], "--threshold must be from 1 to 100"),
])
def test_failures_are_one_clear_line(tmp_path, capsys, data, args, message):
    source = tmp_path / "names.txt"
    source.write_bytes(data)
    code, out, err = _screen(capsys, source, *args)
    assert code == 2 and out == "" and err.startswith("curbwatch: ") and message in err
    assert not (tmp_path / "names-screening.csv").exists()


def test_missing_list_and_unwritable_report(tmp_path, capsys):
    code, _, err = _screen(capsys, tmp_path / "nope.txt")
    assert code == 2 and "cannot read" in err
    source = tmp_path / "names.txt"
    source.write_text("Insitu\n", encoding="utf-8")
    code, _, err = _screen(capsys, source, "--out", source)
    assert code == 2 and "would overwrite the list itself" in err
    (tmp_path / "blocker").write_text("a file")
    code, _, err = _screen(capsys, source, "--out", tmp_path / "blocker" / "r.csv")
    assert code == 2 and "the report could not be written" in err


def test_screen_runs_without_qt(tmp_path):
    source = tmp_path / "names.txt"
    source.write_text("Echodyne\n", encoding="utf-8")
    code = ("import sys; sys.modules['PySide6'] = None; sys.modules['pyqtgraph'] = None\n"
            "from app.main import main\n"
            f"sys.exit(main(['--data-dir', {str(tmp_path / 'data')!r}, '--screen', {str(source)!r}]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "1 possible match for 1 name, 0 cleared" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="no named pipes in the Windows file system")
def test_a_pipe_the_user_made_is_read_on_the_command_line(tmp_path, capsys):
    """`curbwatch --screen <(cmd) --out report.csv`: the command line reads a named pipe to its end
    (the window refuses one, since it would hang there: tests/storage/test_user_file.py)."""
    import os
    import threading

    fifo = tmp_path / "names.fifo"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "wb") as handle:
            handle.write("\n".join(LIST).encode() + b"\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    code, out, err = _screen(capsys, fifo, "--out", tmp_path / "report.csv", "--on", "2025-12-01")
    writer.join(timeout=10)
    assert code == 0, err
    assert out.startswith("Curbwatch: screened 5 names: 3 possible matches for 3 names, 2 cleared")
    assert [r["input"] for r in _report(tmp_path / "report.csv")] == LIST
