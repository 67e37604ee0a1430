"""Opening a large user layer: the data's fingerprint is read off the file's bytes only when the
journal names them, recovery from the journal stays exact, and bad entries are still left out
with the same reasons."""

from __future__ import annotations

import copy
import gc
import json

import pytest

from app.storage.envelope import PRETTY_LIMIT, Decoded, Envelope
from app.storage.recovery import replay
from app.storage.userdata import UserData, apply_change
from tests.domain.test_big_layer import big_layer, spoil


@pytest.fixture
def saved_big_layer(bundled, user_data_dir):
    """A data folder whose file holds a 3,000-edit layer (written compact: above PRETTY_LIMIT)."""
    userdata = UserData(user_data_dir, bundled)
    userdata.open()
    userdata.workspace.replace_layer(big_layer(bundled))
    userdata.save()
    userdata.close()
    assert userdata.path.stat().st_size > PRETTY_LIMIT and userdata.path.read_bytes().startswith(b'{"app_version":')
    return big_layer(bundled)


def count_fingerprints(monkeypatch):
    calls = []
    original = Envelope.fingerprint

    def counted(self, data):
        calls.append(data)
        return original(self, data)

    monkeypatch.setattr(Envelope, "fingerprint", counted)
    return calls


def test_a_big_file_is_named_by_its_bytes_when_the_journal_knows_them(saved_big_layer, open_userdata,
                                                                      monkeypatch):
    calls = count_fingerprints(monkeypatch)
    userdata, report = open_userdata()
    assert report.state == "ok" and report.messages == [] and report.left_out == []
    assert calls == []  # not encoded again to be named
    monkeypatch.undo()
    layer = userdata.workspace.layer_view()
    assert layer == saved_big_layer
    assert userdata.store.disk.data_fp == userdata.store.envelope.fingerprint(layer)
    assert userdata.store.disk.marker == userdata.store.disk.data_fp.hex()
    before = userdata.path.read_bytes()
    userdata.save()  # nothing changed: nothing written
    assert userdata.path.read_bytes() == before


def test_journal_lines_after_a_big_file_are_replayed(saved_big_layer, open_userdata, bundled):
    userdata, _ = open_userdata()
    ws = userdata.workspace
    ws.set_entry("reserves", "usgs-mcs-2025.big-7", ws.entry_for_field("reserves", "usgs-mcs-2025.big-7",
                                                                        "note", "changed"))
    userdata.commit()  # in the journal only: the file is not rewritten
    userdata.close()
    again, report = open_userdata()
    assert report.state == "recovered_journal"
    assert again.workspace.raw("reserves", "usgs-mcs-2025.big-7")["note"] == "changed"
    assert again.workspace.layer_view() == ws.layer_view()
    assert again.store.disk.data_fp == again.store.envelope.fingerprint(again.workspace.layer_view())


def test_bytes_that_are_not_the_compact_encoding_are_named_by_encoding(saved_big_layer, open_userdata,
                                                                       user_data_dir, monkeypatch):
    userdata, _ = open_userdata()
    ws = userdata.workspace
    ws.set_entry("reserves", "usgs-mcs-2025.big-8", ws.entry_for_field("reserves", "usgs-mcs-2025.big-8",
                                                                        "note", "kept"))
    userdata.commit()
    userdata.close()
    path = user_data_dir / "userdata.json"
    raw = path.read_bytes()
    assert raw.count(b'"records":{') == 1
    path.write_bytes(raw.replace(b'"records":{', b'"records": {'))  # same data, other bytes
    calls = count_fingerprints(monkeypatch)
    again, report = open_userdata()
    assert len(calls) >= 1  # the bytes' hash is no marker: the data was encoded to be named
    monkeypatch.undo()
    # The same data, so the journal still belongs to the file: the edit after it comes back.
    assert report.state == "recovered_journal"
    assert again.workspace.raw("reserves", "usgs-mcs-2025.big-8")["note"] == "kept"


def test_bad_entries_of_a_big_file_are_left_out_with_their_reasons(bundled, open_userdata, user_data_dir):
    layer = big_layer(bundled)
    reasons = spoil(layer)
    user_data_dir.mkdir(parents=True, exist_ok=True)
    document = {"format": "curbwatch-userdata", "schema_version": 1, "app_version": "0.1",
                "saved_at": "2025-11-30T10:00:00Z", "data": layer}
    (user_data_dir / "userdata.json").write_text(json.dumps(document, sort_keys=True, separators=(",", ":")),
                                                 encoding="utf-8")
    userdata, report = open_userdata()
    assert {r.record_id: r.reason for r in report.left_out} == reasons
    assert any("could not be used and were left out" in str(m) and "backups folder" in str(m)
               for m in report.messages)
    assert len(userdata.workspace.records("reserves")) == len(bundled.raw["reserves"]) + 3000 - len(reasons)
    for record_id in reasons:
        assert userdata.workspace.entry("reserves", record_id) is None


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_as_it_was_after_opening(saved_big_layer, open_userdata, enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        open_userdata()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_replaying_over_a_big_layer_leaves_the_base_as_it_was(bundled, saved_big_layer, open_userdata):
    userdata, _ = open_userdata()
    envelope = userdata.store.envelope
    original = copy.deepcopy(saved_big_layer)
    base = Decoded(original, 1, "0.1", original)
    changed = {"added": {**saved_big_layer["records"]["reserves"]["usgs-mcs-2025.big-3"]["added"], "note": "new"}}
    edits = [{"op": "change", "changes": [{"kind": "reserves", "id": "usgs-mcs-2025.big-3", "entry": changed},
                                          {"kind": "reserves", "id": "usgs-mcs-2025.big-4", "entry": None}]}]
    replayed = replay(envelope, base, edits, apply_change)
    assert original == saved_big_layer  # the base is copied, not changed
    expected = copy.deepcopy(saved_big_layer)
    expected["records"]["reserves"]["usgs-mcs-2025.big-3"] = changed
    del expected["records"]["reserves"]["usgs-mcs-2025.big-4"]
    assert replayed.decoded.data == expected and replayed.failed == 0 and len(replayed.applied) == 2


def spy_parses(monkeypatch):
    """(size, ours) of every envelope parse."""
    import app.storage.envelope as envelope_module

    calls = []
    original = envelope_module.strict_json_loads

    def spied(data, **kwargs):
        calls.append((len(data), kwargs.get("ours", False)))
        return original(data, **kwargs)

    monkeypatch.setattr(envelope_module, "strict_json_loads", spied)
    return calls


def test_a_big_file_of_ours_is_read_without_the_foreign_file_checks(saved_big_layer, open_userdata,
                                                                    user_data_dir, monkeypatch):
    """Its data's bytes hash to a marker this store wrote: no key can be there twice, so the
    per-object duplicate check and the depth scan are skipped; the data is the same."""
    calls = spy_parses(monkeypatch)
    userdata, report = open_userdata()
    size = (user_data_dir / "userdata.json").stat().st_size
    assert (size, True) in calls and (size, False) not in calls
    assert report.state == "ok" and userdata.workspace.layer_view() == saved_big_layer


def test_compact_fingerprint_is_the_data_fingerprint_only_in_the_compact_layout(saved_big_layer, open_userdata,
                                                                                 user_data_dir):
    envelope = open_userdata()[0].store.envelope
    raw = (user_data_dir / "userdata.json").read_bytes()
    assert envelope.compact_fingerprint(raw) == envelope.fingerprint(saved_big_layer)
    small = envelope.encode({"base_dataset_version": "x", "records": {"companies": {}, "elements": {},
                                                                      "reserves": {}}}).file_bytes
    assert small.startswith(b"{\n") and envelope.compact_fingerprint(small) is None  # written indented
    for spoilt in (raw[:-1], raw + b" ", raw.replace(b',"schema_version":', b',"schema_version":1,"schema_version":'),
                   raw.replace(b'{"app_version":', b'{ "app_version":', 1)):
        assert envelope.compact_fingerprint(spoilt) is None


@pytest.mark.parametrize("spoil_bytes", [
    # A key put twice into a record by hand: the data's bytes are no longer the ones marked.
    lambda raw: raw.replace(b'"note":"', b'"note":"twice","note":"', 1),
    # A key twice in the envelope around untouched data: not the layout this store writes.
    lambda raw: raw.replace(b',"saved_at":', b',"saved_at":"2020-01-01T00:00:00Z","saved_at":', 1),
], ids=["in the data", "around the data"])
def test_a_key_put_twice_into_a_big_file_by_hand_is_still_refused(saved_big_layer, open_userdata, user_data_dir,
                                                                  monkeypatch, spoil_bytes):
    path = user_data_dir / "userdata.json"
    raw = path.read_bytes()
    spoilt = spoil_bytes(raw)
    assert spoilt != raw
    path.write_bytes(spoilt)
    calls = spy_parses(monkeypatch)
    userdata, report = open_userdata()
    assert (len(spoilt), True) not in calls  # read strictly
    assert report.state != "ok"
    assert any("twice" in str(message) for message in report.messages), report.messages
