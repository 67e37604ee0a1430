"""What an update changes (app/domain/dataset_diff.py): versions compared as dotted numbers,
records added, changed field by field and removed, reserve sources, and how the update meets the
user's own edits (kept, in conflict, the same, deleted, orphaned, renamed, left out), worked out
by the same merge an app upgrade uses."""

from __future__ import annotations

import copy

import pytest

from app.domain.dataset_diff import (
    SOURCES,
    compare_versions,
    diff_datasets,
    preview_update,
    value_text,
    version_key,
)
from app.domain.model import DatasetInfo
from app.domain.workspace import Workspace
from tests.update_files import BRAZIL

CHINA = "usgs-mcs-2026.china"


def _new(bundled, change=None, version="2026.12.2"):
    raw = copy.deepcopy(bundled.raw)
    if change:
        change(raw)
    info = DatasetInfo(version, bundled.dataset.info.as_of, 1)
    return info, raw


def _rec(raw, kind, record_id):
    return next(r for r in raw[kind] if r["id"] == record_id)


def _brazil_22(raw):
    _rec(raw, "reserves", BRAZIL)["reserves_t"] = 22_000_000


def _workspace(bundled):
    d = bundled.dataset
    return Workspace(d.info, bundled.raw, d.editions, bundled_records=bundled.records)


@pytest.mark.parametrize("older,newer", [("2026.12.1", "2026.12.2"), ("2026.9.30", "2026.12.1"),
                                         ("2026.12.9", "2026.12.10"), ("2026.12", "2026.12.0.1"), ("9", "10")])
def test_versions_compare_number_by_number(older, newer):
    assert compare_versions(older, newer) == -1
    assert compare_versions(newer, older) == 1
    assert version_key(older) < version_key(newer)


def test_trailing_zeros_are_the_same_version():
    assert compare_versions("2026.12", "2026.12.0") == 0
    assert compare_versions("2026.12.1", "2026.12.1") == 0


@pytest.mark.parametrize("bad", ["", "2026.12.1-beta", "v2026", "2026..1", ".1", "1.", "../x", "2026 12",
                                 "1234567890.1", None, 2026])
def test_anything_but_dotted_numbers_is_refused(bad):
    with pytest.raises(ValueError, match="dotted numbers"):
        version_key(bad)


def test_one_changed_figure_is_exactly_one_change(bundled):
    info, raw = _new(bundled, _brazil_22)
    d = bundled.dataset
    diff = diff_datasets(d.info, bundled.raw, d.editions, info, raw, d.editions)
    assert len(diff.records) == 1
    change = diff.records[0]
    assert (change.kind, change.record_id, change.action, change.label) == \
        ("reserves", BRAZIL, "changed", "Brazil (USGS MCS 2026)")
    assert [(f.field, f.before, f.after) for f in change.fields] == [("reserves_t", 21_000_000, 22_000_000)]
    assert change.fields[0].text("reserves") == "Reserves: 21,000,000 t → 22,000,000 t"
    assert diff.summary() == "0 added, 1 changed (1 field), 0 removed"


def test_the_same_data_under_a_new_version_changes_nothing(bundled):
    info, raw = _new(bundled)
    d = bundled.dataset
    assert diff_datasets(d.info, bundled.raw, d.editions, info, raw, d.editions).records == []


def test_added_removed_and_several_fields(bundled):
    def change(raw):
        company = raw["companies"][0]
        company["notes"] = "Corrected by the sender."
        company["name_zh"] = "测试"
        gone = raw["reserves"].pop()
        added = dict(gone, id="usgs-mcs-2026.peru", country="Peru", reserves_t=None)
        raw["reserves"].append(added)
        change.gone = gone

    info, raw = _new(bundled, change)
    d = bundled.dataset
    diff = diff_datasets(d.info, bundled.raw, d.editions, info, raw, d.editions)
    by_action = {(c.action, c.record_id): c for c in diff.records}
    company = by_action[("changed", raw["companies"][0]["id"])]
    assert [f.field for f in company.fields] == ["name_zh", "notes"]
    assert ("added", "usgs-mcs-2026.peru") in by_action
    assert ("removed", change.gone["id"]) in by_action
    assert diff.summary() == "1 added, 1 changed (2 fields), 1 removed"


def test_timeline_events_are_described_by_id(bundled):
    def change(raw):
        events = raw["companies"][0]["events"]
        events[0] = dict(events[0], text="Corrected wording.")
        events.append(dict(events[0], id="e-new", text="A later decision."))

    info, raw = _new(bundled, change)
    d = bundled.dataset
    [company] = diff_datasets(d.info, bundled.raw, d.editions, info, raw, d.editions).records
    text = company.fields[0].text("companies")
    first = bundled.raw["companies"][0]["events"][0]["id"]
    assert text.startswith("Events: ") and "added e-new" in text and f"{first}: text " in text and "→ Corrected wording." in text


def test_sources_of_a_record_are_named_by_title(bundled):
    def change(raw):
        raw["companies"][0]["sources"].append({"title": "A new report", "url": "https://example.org/r",
                                               "confidence": "MED"})

    info, raw = _new(bundled, change)
    d = bundled.dataset
    [company] = diff_datasets(d.info, bundled.raw, d.editions, info, raw, d.editions).records
    assert company.fields[0].text("companies") == "Sources: added 1: A new report"


def test_a_new_reserve_source_is_listed(bundled):
    from dataclasses import replace

    d = bundled.dataset
    info, raw = _new(bundled)
    editions = [replace(d.editions[0], note="Revised by USGS.")] + d.editions[1:]
    [change] = diff_datasets(d.info, bundled.raw, d.editions, info, raw, editions).records
    assert change.kind == SOURCES and change.action == "changed"
    assert [f.field for f in change.fields] == ["note"]


def test_value_text():
    assert value_text(None, "tons") == "NA"
    assert value_text(0, "tons") == "0 t"
    assert value_text(None) == "(none)"
    assert value_text("") == "(empty)"
    assert value_text(True) == "yes"
    assert value_text("x" * 500).endswith("…") and len(value_text("x" * 500)) == 160


# --- the update seen from the user's data -------------------------------------------------------------

def test_an_edit_of_another_record_is_kept_without_conflict(bundled):
    ws = _workspace(bundled)
    ws.set_entry("reserves", CHINA, ws.entry_for_field("reserves", CHINA, "reserves_t", 45_000_000))
    info, raw = _new(bundled, _brazil_22)
    preview = preview_update(ws, bundled.raw, info, raw, bundled.dataset.editions)
    assert [(r.record_id, r.what, r.yours, r.conflict) for r in preview.rows] == \
        [(BRAZIL, "Reserves: 21,000,000 t → 22,000,000 t", "", False)]
    assert (preview.conflicts, preview.kept, preview.left_out, preview.renamed) == (0, 1, [], [])
    assert preview.summary() == "0 added, 1 changed (1 field), 0 removed; 1 of your changed records kept"
    assert ws.info.dataset_version == bundled.dataset.info.dataset_version  # nothing changed


def test_an_edit_of_the_same_field_conflicts(bundled):
    ws = _workspace(bundled)
    ws.set_entry("reserves", BRAZIL, ws.entry_for_field("reserves", BRAZIL, "reserves_t", 20_000_000))
    info, raw = _new(bundled, _brazil_22)
    preview = preview_update(ws, bundled.raw, info, raw, bundled.dataset.editions)
    [row] = preview.rows
    assert row.conflict and row.yours == "yours: 20,000,000 t (kept; in conflict until you resolve it)"
    assert preview.conflicts == 1
    assert "1 field in conflict with the update" in preview.summary()


def test_an_edit_the_update_agrees_with_is_no_conflict(bundled):
    ws = _workspace(bundled)
    ws.set_entry("reserves", BRAZIL, ws.entry_for_field("reserves", BRAZIL, "reserves_t", 22_000_000))
    info, raw = _new(bundled, _brazil_22)
    [row] = preview_update(ws, bundled.raw, info, raw, bundled.dataset.editions).rows
    assert not row.conflict and row.yours == "yours: 22,000,000 t (kept; no conflict)"


def test_deleted_orphaned_and_renamed_records(bundled):
    ws = _workspace(bundled)
    ws.set_entry("reserves", BRAZIL, ws.entry_for_delete("reserves", BRAZIL))
    ws.set_entry("reserves", CHINA, ws.entry_for_field("reserves", CHINA, "note", "my note"))
    mine = dict(ws.raw("reserves", BRAZIL) or bundled.raw["reserves"][1], id="usgs-mcs-2026.peru", country="Peru")
    ws.set_entry("reserves", "usgs-mcs-2026.peru", {"added": mine})

    def change(raw):
        _brazil_22(raw)
        raw["reserves"] = [r for r in raw["reserves"] if r["id"] != CHINA]
        raw["reserves"].append(dict(mine, country="Peru (USGS)"))

    info, raw = _new(bundled, change)
    preview = preview_update(ws, bundled.raw, info, raw, bundled.dataset.editions)
    yours = {r.record_id: (r.action, r.yours) for r in preview.rows}
    assert yours[BRAZIL] == ("changed", "you deleted it: it stays deleted")
    assert yours[CHINA] == ("removed", "you edited it: kept as yours, marked no longer bundled")
    assert yours["usgs-mcs-2026.peru"] == ("added", "you added a record with this id: yours is kept under a new id")
    assert preview.orphaned == 1
    assert [(k, old) for k, old, _new_id in preview.renamed] == [("reserves", "usgs-mcs-2026.peru")]


def test_an_edit_that_no_longer_fits_is_listed_as_left_out(bundled):
    ws = _workspace(bundled)
    ws.set_entry("reserves", BRAZIL, ws.entry_for_field("reserves", BRAZIL, "country", "Peru"))

    def change(raw):  # the update brings its own Peru row for the same source: the user's would duplicate it
        raw["reserves"].append(dict(_rec(raw, "reserves", CHINA), id="usgs-mcs-2026.peru", country="Peru"))

    info, raw = _new(bundled, change)
    preview = preview_update(ws, bundled.raw, info, raw, bundled.dataset.editions)
    assert [(r.kind, r.record_id) for r in preview.left_out] == [("reserves", BRAZIL)]
    assert "1 left out" in preview.summary()


def test_rebase_onto_merges_like_the_preview_said_and_can_be_put_back(bundled):
    ws = _workspace(bundled)
    ws.set_entry("reserves", BRAZIL, ws.entry_for_field("reserves", BRAZIL, "reserves_t", 20_000_000))
    ws.set_entry("reserves", CHINA, ws.entry_for_field("reserves", CHINA, "note", "mine"))
    before = ws.layer_view()
    heard = []
    ws.listeners.append(lambda kind, record_id: heard.append((kind, record_id)))
    info, raw = _new(bundled, _brazil_22)
    preview = preview_update(ws, bundled.raw, info, raw, bundled.dataset.editions)
    assert ws.rebase_onto(info, raw, bundled.dataset.editions) == []
    assert heard == [("", None)]
    assert ws.info.dataset_version == ws.base_dataset_version == "2026.12.2"
    assert [(c.record_id, c.bundled, c.mine) for c in ws.conflicts()] == [(BRAZIL, 22_000_000, 20_000_000)]
    assert len(ws.conflicts()) == preview.conflicts and ws.change_count() == preview.kept
    assert ws.record("reserves", CHINA).note == "mine"
    ws.rebase_onto(bundled.dataset.info, bundled.raw, bundled.dataset.editions, bundled.records, layer=before)
    assert ws.info.dataset_version == ws.base_dataset_version == "2026.12.1"
    assert ws.conflicts() == [] and ws.record("reserves", BRAZIL).reserves_t == 20_000_000
