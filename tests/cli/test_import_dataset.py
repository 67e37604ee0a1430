"""`curbwatch --import-dataset FILE [--dry-run]`: the summary printed first, --dry-run changing
nothing, the import merging with the user's edit of another record and lasting across starts
(--export, --version, --screen see it), refusals with a reason and exit status 2, and no display
or Qt needed."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys

import pytest

from app.main import main
from app.storage.bundled import load_bundled
from app.storage.paths import bundled_data_dir
from app.storage.userdata import UserData
from tests.conftest import REPO
from tests.update_files import BRAZIL, build_folder, build_zip, record

CHINA = "usgs-mcs-2026.china"


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _edit_china(user_data_dir):
    userdata = UserData(user_data_dir, load_bundled(bundled_data_dir()))
    userdata.open()
    try:
        ws = userdata.workspace
        ws.set_entry("reserves", CHINA, ws.entry_for_field("reserves", CHINA, "reserves_t", 45_000_000))
        userdata.save()
    finally:
        userdata.close()


def _exported(capsys, tmp_path):
    code, _out, err = _run(capsys, "--export", tmp_path / "out", "--on", "2026-12-01")
    assert code == 0, err
    text = (tmp_path / "out" / "reserves.csv").read_text(encoding="utf-8-sig")
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def test_dry_run_prints_the_summary_and_changes_nothing(tmp_path, capsys, user_data_dir):
    _edit_china(user_data_dir)
    before = (user_data_dir / "userdata.json").read_bytes()
    path = build_zip(tmp_path / "update.zip")
    code, out, err = _run(capsys, "--import-dataset", path, "--dry-run")
    assert code == 0, err
    assert out.splitlines() == [
        f"Dataset update: {path}",
        f"SHA-256 of the zip file: {hashlib.sha256(path.read_bytes()).hexdigest()}",
        "Dataset 2026.12.1 (as of 2025-11-10) -> 2026.12.2 (as of 2025-11-10)",
        "0 added, 1 changed (1 field), 0 removed; 1 of your changed records kept.",
        "  changed  Reserve: Brazil (USGS MCS 2026): Reserves: 21,000,000 t → 22,000,000 t",
        "Dry run: nothing was changed.",
    ]
    assert (user_data_dir / "userdata.json").read_bytes() == before
    assert not (user_data_dir / "datasets").exists()


def test_import_merges_with_an_edit_and_lasts(tmp_path, capsys, user_data_dir):
    _edit_china(user_data_dir)
    path = build_zip(tmp_path / "update.zip")
    code, out, err = _run(capsys, "--import-dataset", path)
    assert code == 0, err
    assert "  changed  Reserve: Brazil (USGS MCS 2026): Reserves: 21,000,000 t → 22,000,000 t" in out
    assert out.splitlines()[-1] == (f"Imported: dataset 2026.12.2 is in use now, and stays in use after a restart "
                                    f"(kept in {user_data_dir / 'datasets' / '2026.12.2'}). Your changes were kept.")
    rows = _exported(capsys, tmp_path)  # a new start
    assert rows[BRAZIL]["reserves_t"] == "22000000" and rows[BRAZIL]["local_edit"] == ""
    assert rows[CHINA]["reserves_t"] == "45000000" and rows[CHINA]["local_edit"] == "edited"
    assert {r["dataset_version"] for r in rows.values()} == {"2026.12.2"}
    code, out, _err = _run(capsys, "--version")
    assert code == 0 and "dataset 2026.12.2" in out
    names = tmp_path / "names.txt"
    names.write_text("Echodyne\n")
    code, out, err = _run(capsys, "--screen", names, "--on", "2025-12-01")
    assert code == 0 and "dataset 2026.12.2, with your local edits" in out, err
    # The same file again: already had.
    code, out, err = _run(capsys, "--import-dataset", path)
    assert code == 2
    assert err.strip() == ("curbwatch: not imported: This is dataset 2026.12.2, the one in use: you already have it. "
                           "Nothing to import.")


def test_a_conflicting_edit_is_reported(tmp_path, capsys, user_data_dir):
    userdata = UserData(user_data_dir, load_bundled(bundled_data_dir()))
    userdata.open()
    ws = userdata.workspace
    ws.set_entry("reserves", BRAZIL, ws.entry_for_field("reserves", BRAZIL, "reserves_t", 20_000_000))
    userdata.save()
    userdata.close()
    code, out, err = _run(capsys, "--import-dataset", build_folder(tmp_path / "update"))
    assert code == 0, err
    assert ("  changed  Reserve: Brazil (USGS MCS 2026): Reserves: 21,000,000 t → 22,000,000 t  "
            "[CONFLICT: yours: 20,000,000 t (kept; in conflict until you resolve it)]") in out
    assert out.rstrip().endswith("Your changes were kept; 1 conflict with the update (Edit > Show my changes).")
    assert _exported(capsys, tmp_path)[BRAZIL]["reserves_t"] == "20000000"


def _invalid(docs):
    record(docs, "companies", docs["companies.json"]["companies"][0]["id"])["listed"] = "2025-02-30"


@pytest.mark.parametrize("make,message", [
    (lambda tmp: build_zip(tmp / "bad.zip", _invalid), "companies.json: companies[0]"),
    (lambda tmp: build_zip(tmp / "old.zip", version="2025.1.1"), "older than the one in use (2026.12.1)"),
    (lambda tmp: tmp / "missing.zip", "does not exist"),
])
def test_a_malformed_update_is_refused(tmp_path, capsys, user_data_dir, make, message):
    _edit_china(user_data_dir)
    before = (user_data_dir / "userdata.json").read_bytes()
    code, _out, err = _run(capsys, "--import-dataset", make(tmp_path))
    assert code == 2 and err.startswith("curbwatch: not imported: ") and message in err
    assert (user_data_dir / "userdata.json").read_bytes() == before
    assert not (user_data_dir / "datasets" / "2026.12.2").exists()


def test_no_display_and_no_qt_needed(tmp_path, user_data_dir):
    path = build_zip(tmp_path / "update.zip")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    probe = ("import sys\nfrom app.main import main\ncode = main(sys.argv[1:])\n"
             "print('QT', any(m.startswith('PySide6') for m in sys.modules))\nsys.exit(code)\n")
    result = subprocess.run([sys.executable, "-c", probe, "--import-dataset", str(path)], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Imported: dataset 2026.12.2" in result.stdout and "QT False" in result.stdout
