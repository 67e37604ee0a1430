"""Opening a layer in bulk (app.domain.layer_loading, records.quick_reserves) gives exactly what
staging each entry one by one gave: the same records (fields, values and their order), the
same states in the same order, the same entries left out with the same reasons in the same
order, and the same uniqueness keys and record order."""

from __future__ import annotations

import copy
import itertools
import random

from app.domain import layer_loading
from app.domain import layers as L
from app.domain import records as R
from app.domain.kinds import KIND_KEYS, kind_of
from app.domain.states import Rejected
from app.domain.workspace import Workspace
from tests.domain.test_big_layer import big_layer, spoil
from tests.domain.test_quick_paths import GOOD, variants


def same_record(a, b):
    return (a is None and b is None) or (a == b and type(a) is type(b) and list(vars(a).items()) ==
                                         list(vars(b).items()) and repr(a) == repr(b))


def good_rows(n, start=0):
    return [{**GOOD, "id": f"usgs-mcs-2025.r-{i}", "country": f"Country {i}", "reserves_t": i} for i in
            range(start, start + n)]


def check_bulk(rows):
    bulk = R.quick_reserves(copy.deepcopy(rows))
    one_by_one = [R._quick_reserve(row) for row in copy.deepcopy(rows)]
    assert len(bulk) == len(one_by_one)
    for raw, a, b in zip(rows, bulk, one_by_one):
        assert same_record(a, b), raw
    return bulk


def test_bulk_reserves_equal_one_by_one_for_every_odd_value():
    odd = [raw for raw in variants() if isinstance(raw, dict)]
    assert all(r is not None for r in check_bulk(good_rows(50)))
    for raw in odd:  # one odd row among good ones of the same fields, and alone
        rows = good_rows(5) + [raw] + good_rows(5, 5)
        check_bulk(rows)
        check_bulk([raw])
    rng = random.Random(12)
    for _ in range(30):  # mixed groups of fields, odd rows scattered
        rows = good_rows(40)
        for i in rng.sample(range(40), 6):
            rows[i] = dict(rng.choice(odd))
        for i in rng.sample(range(40), 6):
            rows[i] = {k: v for k, v in rows[i].items() if k not in ("note", "reserves_t")}
        check_bulk(rows)
    check_bulk([])
    padded = good_rows(3)
    padded[1]["country"] = " Country 1 "  # a value to strip: the group goes one by one
    assert check_bulk(padded)[1].country == "Country 1"


def careful_open(ws, layer):
    """The one-by-one opening as it was before the bulk paths (kept here as the reference)."""
    layer = L.copy_json(layer)
    records = layer.setdefault("records", {})
    for kind in KIND_KEYS:
        records.setdefault(kind, {})
    ws.layer, ws.rejected, ws.renamed = layer, [], []
    layer_loading.rename_colliding_additions(ws)
    for kind in KIND_KEYS:
        states = ws._states[kind]
        states.clear()
        ws._lists[kind] = None
        for record_id in ws._bundled_order[kind]:
            if record_id not in records[kind]:
                states[record_id] = ws._bundled_state(kind, record_id)
        for record_id in list(records[kind]):
            try:
                state = ws._stage(kind, record_id, records[kind][record_id])
            except layer_loading.LOAD_ERRORS as exc:
                ws.rejected.append(Rejected(kind, record_id, str(exc)))
                records[kind].pop(record_id)
                if record_id in ws._bundled[kind]:
                    states[record_id] = ws._bundled_state(kind, record_id)
                continue
            states[record_id] = state
    for kind in KIND_KEYS:
        entries = ws.layer["records"][kind]
        unique, seen = kind_of(kind).unique, {}
        extra = [i for i in entries if i not in ws._bundled[kind]]
        order = [i for i in ws._bundled_order[kind] + extra if i in ws._states[kind] and
                 ws._states[kind][i].raw is not None]
        for record_id in order:
            key = unique(ws._states[kind][record_id].raw)
            if key is None:
                continue
            other = seen.get(key)
            if other is None:
                seen[key] = record_id
                continue
            victim = record_id if record_id in entries else other if other in entries else None
            if victim is None:
                continue
            survivor = other if victim == record_id else record_id
            ws.rejected.append(Rejected(kind, victim, f"duplicates {survivor!r} ({key[0]})"))
            entries.pop(victim)
            ws._states[kind].pop(victim)
            if victim in ws._bundled[kind]:
                ws._states[kind][victim] = ws._bundled_state(kind, victim)
            seen[key] = survivor
    return ws.rejected


def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, bundled_records=bundled.records)


def same_opening(bundled, layer):
    bulk, careful = workspace(bundled), workspace(bundled)
    got = bulk.replace_layer(copy.deepcopy(layer))
    expected = careful_open(careful, layer)
    assert got == expected
    assert bulk.layer == careful.layer and list(bulk.layer["records"]["reserves"]) == \
        list(careful.layer["records"]["reserves"])
    for kind in KIND_KEYS:
        assert list(bulk._states[kind]) == list(careful._states[kind])
        for a, b in zip(bulk._states[kind].values(), careful._states[kind].values()):
            assert a == b and same_record(a.record, b.record) and vars(a) == vars(b)
        assert bulk.records(kind) == careful.records(kind)
    return got


def test_a_big_layer_opens_in_bulk_as_one_by_one(bundled):
    layer = big_layer(bundled, 400)
    assert same_opening(bundled, layer) == []
    reasons = spoil(layer)
    got = same_opening(bundled, layer)
    assert {r.record_id for r in got} >= set(reasons)
    # Odd rows of every sort, a bundled row's id taken by an addition, a duplicate of a bundled row.
    rows = layer["records"]["reserves"]
    for i, raw in enumerate(itertools.islice(variants(), 0, None, 7)):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            rows[f"odd-{i}"] = {"added": {**raw, "id": f"odd-{i}", "country": f"Odd {i}"}}
    first = bundled.raw["reserves"][0]
    rows[first["id"]] = {"added": dict(first)}
    rows["copy-of-bundled"] = {"added": {**first, "id": "copy-of-bundled"}}
    second = bundled.raw["reserves"][1]
    rows[second["id"]] = L.deleted_entry(second, None)  # a deleted row: no record, out of the order
    rows["no-edition"] = {"added": {**GOOD, "id": "no-edition", "country": "Nowhere", "edition": "unknown"}}
    assert len(same_opening(bundled, layer)) > len(reasons)


def test_unique_keys_and_record_order_as_before(bundled):
    ws = workspace(bundled)
    layer = big_layer(bundled, 200)
    second = bundled.raw["reserves"][1]
    layer["records"]["reserves"][second["id"]] = L.deleted_entry(second, None)
    ws.replace_layer(layer)
    assert second["id"] in ws._states["reserves"] and second["id"] not in ws._order("reserves")
    for kind in KIND_KEYS:
        raws = [state.raw for state in ws._states[kind].values() if state.raw is not None]
        raws += [{"id": "x"}, {"id": "y", "country": 5, "edition": None}, {"id": "z", "country": "ÉTÉ ß"}]
        if kind != "reserves":
            raws = raws[:-3]
        assert layer_loading.unique_keys(kind, raws) == [kind_of(kind).unique(raw) for raw in raws]
        states = ws._states[kind]
        extra = [i for i in ws.layer["records"][kind] if i not in ws._bundled[kind]]
        expected = [i for i in ws._bundled_order[kind] + extra if i in states and states[i].raw is not None]
        assert ws._order(kind) == expected


def test_malformed_entries_dropped_as_one_by_one(bundled):
    def one_by_one(layer):
        out = []
        for kind, entries in layer["records"].items():
            for record_id in list(entries):
                try:
                    L.validate_entry(entries[record_id], f"{kind}.{record_id}")
                except ValueError as exc:
                    del entries[record_id]
                    out.append((kind, record_id, str(exc)))
        return out

    layer = big_layer(bundled, 50)
    del layer["records"]["reserves"][bundled.raw["reserves"][0]["id"]]  # only added records
    for spoilt in (None, {"added": None}, {"added": {}, "x": 1}, "text", {"deleted": True}, {"fields": []}):
        for where in (0, 25, 49):
            mine = copy.deepcopy(layer)
            key = list(mine["records"]["reserves"])[where]
            if spoilt is not None:
                mine["records"]["reserves"][key] = copy.deepcopy(spoilt)
            theirs = copy.deepcopy(mine)
            assert L.drop_malformed_entries(mine) == one_by_one(theirs) and mine == theirs
