"""The user's file as the app uses it: every released schema still loads, upgrades of the
bundled dataset merge with a backup first, and the export carries the user's edits."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from app.domain.layers import LAYER_SCHEMA_VERSION
from app.storage.export import export_csv
from app.storage.userdata import FILE_NAME, MIGRATIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_fixture_exists_for_every_schema_version():
    for version in range(1, LAYER_SCHEMA_VERSION + 1):
        assert (FIXTURES / f"userdata_v{version}.json").exists(), version
    assert set(MIGRATIONS) == set(range(1, LAYER_SCHEMA_VERSION))


def test_every_historical_user_file_loads(open_userdata, user_data_dir):
    for version in range(1, LAYER_SCHEMA_VERSION + 1):
        folder = user_data_dir / f"v{version}"
        folder.mkdir(parents=True)
        shutil.copy(FIXTURES / f"userdata_v{version}.json", folder / FILE_NAME)
        userdata, report = open_userdata(folder)
        # The fixtures were written over dataset 2025.11.1; a newer bundled dataset merges under them.
        assert not report.read_only
        assert all(m.startswith("The bundled dataset was updated (2025.11.1 → ") for m in report.messages)
        ws = userdata.workspace
        reserves = {r.id: r for r in ws.dataset.reserves}
        assert reserves["usgs-mcs-2025.brazil"].reserves_t == 20_000_000
        assert reserves["usgs-mcs-2025.peru"].reserves_t == 1000
        assert "article-2025.vietnam" not in reserves
        assert {r.id: r for r in ws.dataset.companies}["echodyne"].notes.startswith("Checked against")
        assert ws.change_count() == 5


def test_newer_bundled_dataset_merges_with_a_backup_first(bundled, open_userdata, user_data_dir, tmp_path):
    user_data_dir.mkdir(parents=True)
    doc = json.loads((FIXTURES / "userdata_v1.json").read_text(encoding="utf-8"))
    doc["data"]["base_dataset_version"] = "2025.01.0"
    (user_data_dir / FILE_NAME).write_text(json.dumps(doc), encoding="utf-8")
    userdata, report = open_userdata()
    current = bundled.dataset.info.dataset_version
    assert any(f"bundled dataset was updated (2025.01.0 → {current})" in m for m in report.messages)
    backups = list((user_data_dir / "backups").glob("*pre-merge*"))
    assert backups and b"2025.01.0" in backups[0].read_bytes()
    saved = json.loads((user_data_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert saved["data"]["base_dataset_version"] == current


def test_export_applies_the_users_edits(open_userdata, user_data_dir, tmp_path):
    user_data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "userdata_v1.json", user_data_dir / FILE_NAME)
    userdata, _ = open_userdata()
    import datetime as dt

    export_csv(userdata.workspace, tmp_path / "out", dt.date(2026, 11, 29))
    with open(tmp_path / "out" / "reserves.csv", encoding="utf-8-sig", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert rows["usgs-mcs-2025.brazil"]["reserves_t"] == "20000000"
    assert "usgs-mcs-2025.peru" in rows and "article-2025.vietnam" not in rows


def test_csv_export_defuses_formulas(open_userdata, tmp_path):
    import datetime as dt

    userdata, _ = open_userdata()
    ws = userdata.workspace
    ws.set_entry("companies", "echodyne", ws.entry_for_field("companies", "echodyne", "name", "=HYPERLINK(\"x\")"))
    export_csv(ws, tmp_path / "out", dt.date(2026, 11, 29))
    with open(tmp_path / "out" / "companies.csv", encoding="utf-8-sig", newline="") as f:
        names = [r["name"] for r in csv.DictReader(f)]
    assert "'=HYPERLINK(\"x\")" in names


def test_layer_encoder_matches_a_full_encoding_through_edits(bundled):
    """The incremental encoder must give exactly the bytes of a full sorted compact encoding,
    whatever was edited, added, deleted or reverted in between."""
    import random

    from app.domain.workspace import Workspace
    from app.storage.layer_encoder import LayerEncoder
    from app.storage.strict_json import json_dumps_bytes

    ws = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)
    encoder = LayerEncoder()
    rng = random.Random(3)
    reserve_ids = [r["id"] for r in bundled.raw["reserves"]]
    added = []
    for step in range(300):
        action = rng.choice(["edit", "edit", "add", "delete", "revert", "note"])
        record_id = rng.choice(reserve_ids)
        if action == "edit":
            ws.set_entry("reserves", record_id, ws.entry_for_field("reserves", record_id, "reserves_t", step * 7))
        elif action == "note":
            ws.set_entry("companies", "echodyne", ws.entry_for_field("companies", "echodyne", "notes", f"ünï {step}"))
        elif action == "add":
            new_id, entry = ws.entry_for_new("reserves", {"country": f"Land {step}", "edition": "usgs-mcs-2025",
                                                          "reserves_t": step, "confidence": "LOW", "note": ""})
            ws.set_entry("reserves", new_id, entry)
            added.append(new_id)
        elif action == "delete" and added:
            gone = added.pop(rng.randrange(len(added)))
            ws.set_entry("reserves", gone, ws.entry_for_delete("reserves", gone))
        elif action == "revert":
            ws.set_entry("reserves", record_id, None)
        if step % 10 == 0 or step == 299:
            assert encoder.encode(ws.layer_view()) == json_dumps_bytes(ws.layer_view(), pretty=False), step


def test_priming_the_encoder_spares_the_first_save_and_changes_no_byte(bundled, open_userdata, monkeypatch):
    """UserData.prepare_save encodes the layer a few entries at a time before the first save;
    the save then encodes only what changed since, and writes the same bytes. An entry that
    would not load back is not primed, so the save still refuses with the message."""
    from app.storage.layer_encoder import LayerEncoder
    from app.storage.strict_json import json_dumps_bytes

    userdata, _report = open_userdata()
    ws = userdata.workspace
    for step in range(40):
        new_id, entry = ws.entry_for_new("reserves", {"country": f"Land {step}", "edition": "usgs-mcs-2025",
                                                      "reserves_t": step, "confidence": "LOW", "note": ""})
        ws.set_entry("reserves", new_id, entry)
    entries = sum(len(e) for e in ws.layer_view()["records"].values())
    steps = 0
    while not userdata.prepare_save(count=7):
        steps += 1
    assert steps == (entries - 1) // 7  # a step encodes up to 7 entries, and the last says so
    encoded = []
    fragment = LayerEncoder._fragment
    monkeypatch.setattr(LayerEncoder, "_fragment", lambda self, kind, rid, e: encoded.append(rid) or
                        fragment(self, kind, rid, e))
    ws.set_entry("reserves", new_id, ws.entry_for_field("reserves", new_id, "reserves_t", 99))
    userdata.save()
    assert encoded == [new_id]  # only the entry changed since priming
    assert userdata.path.read_bytes() != b"" and userdata._encoder.encode(ws.layer_view()) == \
        json_dumps_bytes(ws.layer_view(), pretty=False)

    odd = LayerEncoder()
    layer = {"records": {"reserves": {"x": {"added": {"n": float("nan")}}, "y": {"added": {"n": 1}}}}}
    assert odd.prime(layer, 10) is True and list(odd._cache) == [("reserves", "y")]


def test_a_read_only_copy_has_nothing_to_prepare(open_userdata, user_data_dir):
    first, _ = open_userdata()
    new_id, entry = first.workspace.entry_for_new("reserves", {"country": "Land", "edition": "usgs-mcs-2025",
                                                               "reserves_t": 1, "confidence": "LOW", "note": ""})
    first.workspace.set_entry("reserves", new_id, entry)
    first.save()
    second, _ = open_userdata()  # the same folder, while the first holds the lock
    assert second.read_only and second.prepare_save() is True and second._encoder._cache == {}


HOLD_LOCK = ("import sys; from app.storage.lock import DataLock; lock = DataLock(sys.argv[1]); "
             "print('ready', lock.acquire(), flush=True); sys.stdin.read()")


def test_a_read_only_copy_retries_the_lock_and_can_write_once_it_is_free(open_userdata, user_data_dir):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    user_data_dir.mkdir(parents=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(user_data_dir)], cwd=REPO, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)}, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().split() == ["ready", "True"]
        userdata, report = open_userdata()
        assert report.read_only and "read-only until the other one is closed" in report.read_only_reason
        assert not any("Save a copy" in m for m in report.messages)
        assert userdata.retry_write_access() is False and userdata.read_only
        # Meanwhile the other copy saves an edit.
        shutil.copy(FIXTURES / "userdata_v1.json", user_data_dir / FILE_NAME)
    finally:
        holder.communicate("", timeout=30)  # the other copy quits
    assert userdata.retry_write_access() is True and not userdata.read_only
    reserves = {r.id: r for r in userdata.workspace.dataset.reserves}
    assert reserves["usgs-mcs-2025.brazil"].reserves_t == 20_000_000  # what the other copy saved
    ws = userdata.workspace
    ws.set_entry("reserves", "usgs-mcs-2025.brazil",
                 ws.entry_for_field("reserves", "usgs-mcs-2025.brazil", "reserves_t", 123))
    userdata.save()
    assert json.loads((user_data_dir / FILE_NAME).read_text(encoding="utf-8"))["data"]["records"]["reserves"][
        "usgs-mcs-2025.brazil"]["fields"]["reserves_t"] == 123


def test_retrying_write_access_never_unlocks_a_newer_file(open_userdata, user_data_dir):
    user_data_dir.mkdir(parents=True)
    doc = json.loads((FIXTURES / "userdata_v1.json").read_text(encoding="utf-8"))
    doc["schema_version"] = LAYER_SCHEMA_VERSION + 1
    (user_data_dir / FILE_NAME).write_text(json.dumps(doc), encoding="utf-8")
    userdata, report = open_userdata()
    assert report.read_only
    assert userdata.retry_write_access() is False and userdata.read_only
