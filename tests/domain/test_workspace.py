"""The user's layer merged over a bundled dataset that changes under it (upgrades)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import DatasetInfo, Edition
from app.domain.workspace import EditError, Workspace

EDITIONS = [Edition("usgs", "USGS", "USGS", "2025", 2024, "", "HIGH", True)]
INFO1 = DatasetInfo("v1", dt.date(2025, 11, 10), 1)
INFO2 = DatasetInfo("v2", dt.date(2026, 5, 1), 1)


def row(country, tons):
    return {"id": f"usgs.{country.lower()}", "country": country, "edition": "usgs", "reserves_t": tons,
            "confidence": "HIGH", "note": ""}


def bundle(rows):
    return {"companies": [], "elements": [], "reserves": rows}


V1 = [row("A", 100), row("B", 200), row("D", 400), row("E", 500), row("G", 700)]
V2 = [row("A", 150), row("B", 200), row("D", 450), row("G2", 1), row("F", 600)]  # E, G gone; F added


def edit(ws, record_id, name, value):
    ws.set_entry("reserves", record_id, ws.entry_for_field("reserves", record_id, name, value))


@pytest.fixture
def upgraded():
    ws1 = Workspace(INFO1, bundle(copy.deepcopy(V1)), EDITIONS)
    edit(ws1, "usgs.a", "reserves_t", 120)  # both change A
    ws1.set_entry("reserves", "usgs.b", ws1.entry_for_delete("reserves", "usgs.b"))  # user deletes B
    new_id, entry = ws1.entry_for_new("reserves", {"country": "C", "edition": "usgs", "reserves_t": 300,
                                                  "confidence": "LOW", "note": ""})
    ws1.set_entry("reserves", new_id, entry)  # user adds C
    edit(ws1, "usgs.g", "note", "mine")  # v2 deletes G, which the user edited
    layer = copy.deepcopy(ws1.layer)
    ws2 = Workspace(INFO2, bundle(copy.deepcopy(V2)), EDITIONS, layer)
    return ws2, layer


def values(ws):
    return {r.country: r.reserves_t for r in ws.dataset.reserves}


def test_three_way_merge(upgraded):
    ws, _layer = upgraded
    got = values(ws)
    assert got["A"] == 120  # both changed: the user's value is kept...
    conflict = ws.conflict("reserves", "usgs.a", "reserves_t")
    assert (conflict.base, conflict.bundled, conflict.mine) == (100, 150, 120)  # ...and the conflict shown
    assert "B" not in got  # the user's deletion stays
    assert got["C"] == 300 and ws.is_added("reserves", "user.usgs.c")  # the user's addition stays
    assert got["D"] == 450  # only the bundle changed: take it
    assert "E" not in got  # the bundle removed an untouched record
    assert got["G"] == 700 and ws.is_orphaned("reserves", "usgs.g")  # removed but edited: kept, flagged
    assert got["F"] == 600  # the bundle's new record arrives


def test_merging_again_changes_nothing(upgraded):
    ws, layer = upgraded
    again = Workspace(INFO2, bundle(copy.deepcopy(V2)), EDITIONS, copy.deepcopy(ws.layer))
    assert values(again) == values(ws) and again.layer == ws.layer == layer


def test_resolving_a_conflict(upgraded):
    ws, _ = upgraded
    ws.set_entry("reserves", "usgs.a", ws.entry_keep_mine("reserves", "usgs.a", "reserves_t"))
    assert ws.conflict("reserves", "usgs.a", "reserves_t") is None and values(ws)["A"] == 120
    ws.set_entry("reserves", "usgs.a", ws.entry_without_field("reserves", "usgs.a", "reserves_t"))
    assert values(ws)["A"] == 150 and ws.change_count() == 3


def test_setting_the_bundled_value_removes_the_edit():
    ws = Workspace(INFO1, bundle(copy.deepcopy(V1)), EDITIONS)
    edit(ws, "usgs.a", "reserves_t", 101)
    edit(ws, "usgs.a", "reserves_t", 100)
    assert ws.change_count() == 0


def test_invalid_edits_change_nothing():
    ws = Workspace(INFO1, bundle(copy.deepcopy(V1)), EDITIONS)
    for name, value in [("reserves_t", -1), ("country", ""), ("edition", "nope"), ("country", "a")]:
        with pytest.raises(EditError):
            ws.entry_for_field("reserves", "usgs.d", name, value)
    assert ws.change_count() == 0


def test_layer_entries_that_no_longer_validate_are_rejected_one_by_one():
    ws1 = Workspace(INFO1, bundle(copy.deepcopy(V1)), EDITIONS)
    edit(ws1, "usgs.a", "reserves_t", 120)
    edit(ws1, "usgs.d", "reserves_t", 410)
    layer = copy.deepcopy(ws1.layer)
    layer["records"]["reserves"]["usgs.d"]["fields"]["reserves_t"] = -3
    ws = Workspace(INFO1, bundle(copy.deepcopy(V1)), EDITIONS, layer)
    assert [(r.record_id, "reserves_t" in r.reason) for r in ws.rejected] == [("usgs.d", True)]
    assert values(ws)["A"] == 120 and values(ws)["D"] == 400


tons = st.integers(min_value=0, max_value=10_000)


@settings(max_examples=60, deadline=None)
@given(user=st.dictionaries(st.sampled_from(["usgs.a", "usgs.b", "usgs.d", "usgs.e", "usgs.g"]), tons),
       upstream=st.dictionaries(st.sampled_from(["usgs.a", "usgs.b", "usgs.d", "usgs.e", "usgs.g"]), tons))
def test_property_user_values_survive_upgrades(user, upstream):
    """For any edits and any upgrade: a field the user changed keeps the user's value, and a
    field the user did not change (or set to the value it already had) takes the new bundled
    value."""
    ws1 = Workspace(INFO1, bundle(copy.deepcopy(V1)), EDITIONS)
    for record_id, value in user.items():
        edit(ws1, record_id, "reserves_t", value)
    v2 = copy.deepcopy(V1)
    for r in v2:
        if r["id"] in upstream:
            r["reserves_t"] = upstream[r["id"]]
    ws2 = Workspace(INFO2, bundle(v2), EDITIONS, copy.deepcopy(ws1.layer))
    got = {r.id: r.reserves_t for r in ws2.dataset.reserves}
    before = {r["id"]: r["reserves_t"] for r in V1}
    for r in v2:
        changed_by_user = r["id"] in user and user[r["id"]] != before[r["id"]]
        assert got[r["id"]] == (user[r["id"]] if changed_by_user else r["reserves_t"])


def test_user_addition_whose_id_a_new_bundle_takes_is_renamed_not_hidden():
    ws1 = Workspace(INFO1, bundle(copy.deepcopy(V1)), EDITIONS)
    layer = copy.deepcopy(ws1.layer)
    layer["records"]["reserves"]["usgs.f"] = {"added": {**row("Fmine", 42), "id": "usgs.f"}}  # an old-style id
    ws = Workspace(INFO2, bundle(copy.deepcopy(V2)), EDITIONS, layer)
    got = values(ws)
    assert got["F"] == 600 and got["Fmine"] == 42  # both kept
    assert [(old, new.startswith("user.")) for _k, old, new in ws.renamed] == [("usgs.f", True)]


def test_duplicate_symbol_after_upgrade_drops_the_users_entry_whatever_the_order():
    element = {"id": "gallium", "symbol": "Ga", "name": "Gallium", "atomic_number": 31, "category": "mineral",
               "announcement": "No. 23", "announced": "2023-07-03", "effective": "2023-08-01"}
    v1 = {"companies": [], "elements": [element], "reserves": []}
    ws1 = Workspace(INFO1, v1, EDITIONS)
    ws1.set_entry("elements", "gallium", ws1.entry_for_field("elements", "gallium", "symbol", "Gx"))
    newer = {**element, "id": "gx", "symbol": "Gx", "name": "Newer element"}
    v2 = {"companies": [], "elements": [newer, element], "reserves": []}  # the new one comes first
    ws = Workspace(INFO2, v2, EDITIONS, copy.deepcopy(ws1.layer))
    symbols = {e.id: e.symbol for e in ws.dataset.elements}
    assert symbols == {"gx": "Gx", "gallium": "Ga"}
    assert [(r.record_id, "symbol" in r.reason) for r in ws.rejected] == [("gallium", True)]
    ws.set_entry("elements", "gallium", ws.entry_for_field("elements", "gallium", "name", "Gallium (edited)"))


def test_reverting_the_last_edit_of_a_record_the_bundle_removed():
    ws1 = Workspace(INFO1, bundle(copy.deepcopy(V1)), EDITIONS)
    edit(ws1, "usgs.e", "note", "mine")
    ws = Workspace(INFO2, bundle(copy.deepcopy(V2)), EDITIONS, copy.deepcopy(ws1.layer))
    assert ws.is_orphaned("reserves", "usgs.e") and ws.change_count() == 1
    ws.set_entry("reserves", "usgs.e", ws.entry_without_field("reserves", "usgs.e", "note"))
    assert ws.change_count() == 0 and "E" not in values(ws) and ws.changes() == []


def test_revert_whole_record(upgraded):
    ws, _ = upgraded
    assert ws.entry_for_revert("reserves", "usgs.a") is None
    with pytest.raises(EditError, match="delete it instead"):
        ws.entry_for_revert("reserves", "user.usgs.c")
