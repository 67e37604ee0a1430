"""A large user layer merged over the bundled data: the quick paths (JSON copies, a layer handed
over instead of copied, whole tons read straight from a file) give what the careful ones give,
and every bad entry is still left out with the same reason."""

from __future__ import annotations

import copy

import pytest

from app.domain import fields as F
from app.domain import layers as L
from app.domain.kinds import kind_of
from app.domain.workspace import Workspace


def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, bundled_records=bundled.records)


def big_layer(bundled, n=3000):
    layer = L.empty_layer(bundled.dataset.info.dataset_version)
    rows = layer["records"]["reserves"]
    for i in range(n):
        record_id = f"usgs-mcs-2025.big-{i}"
        rows[record_id] = {"added": {"id": record_id, "country": f"Country {i}", "edition": "usgs-mcs-2025",
                                     "reserves_t": i * 1000, "confidence": "LOW", "note": "a row"}}
    bundled_id = bundled.raw["reserves"][0]["id"]
    rows[bundled_id] = L.entry_with_field(None, bundled.raw["reserves"][0], "note", "mine")
    return layer


def spoil(layer):
    """Bad entries of every sort, and the reason each is left out with (as worded before)."""
    rows = layer["records"]["reserves"]
    rows["usgs-mcs-2025.big-10"]["added"]["reserves_t"] = -5
    rows["usgs-mcs-2025.big-11"]["added"]["edition"] = "nowhere"
    rows["usgs-mcs-2025.big-12"]["added"]["colour"] = "red"
    rows["usgs-mcs-2025.big-13"]["deleted"] = True
    rows["usgs-mcs-2025.big-15"] = "nonsense"
    rows["usgs-mcs-2025.big-16"]["added"]["reserves_t"] = 10_000_000_001
    rows["usgs-mcs-2025.big-17"]["added"]["reserves_t"] = True
    rows["usgs-mcs-2025.big-18"]["added"]["reserves_t"] = 1.5
    rows["usgs-mcs-2025.big-19"]["added"]["country"] = "Country 20"
    return {
        "usgs-mcs-2025.big-10": "record 'usgs-mcs-2025.big-10': reserves_t: must not be negative (got -5)",
        "usgs-mcs-2025.big-11": "record 'usgs-mcs-2025.big-11': edition: unknown source 'nowhere'",
        "usgs-mcs-2025.big-12": "record 'usgs-mcs-2025.big-12': colour: unknown field",
        "usgs-mcs-2025.big-13": "reserves.usgs-mcs-2025.big-13: an added record has nothing beside it",
        "usgs-mcs-2025.big-15": "reserves.usgs-mcs-2025.big-15 must be an object",
        "usgs-mcs-2025.big-16": "record 'usgs-mcs-2025.big-16': reserves_t: must be at most 10,000,000,000 t "
                                "(got 10000000001)",
        "usgs-mcs-2025.big-17": "record 'usgs-mcs-2025.big-17': reserves_t: must be a number of metric tons "
                                "(got True)",
        "usgs-mcs-2025.big-18": "record 'usgs-mcs-2025.big-18': reserves_t: must be whole metric tons (got 1.5)",
        "usgs-mcs-2025.big-20": "duplicates 'usgs-mcs-2025.big-19' (country and source)",
    }


def test_copy_json_equals_a_deep_copy_and_shares_nothing():
    value = {"a": [1, 2.5, {"b": None, "c": [True, "x"]}], "d": {"e": {"f": []}}, "g": "text", "h": 0}
    copied = L.copy_json(value)
    assert copied == copy.deepcopy(value) and copied is not value
    assert copied["a"] is not value["a"] and copied["a"][2] is not value["a"][2]
    assert copied["a"][2]["c"] is not value["a"][2]["c"] and copied["d"]["e"]["f"] is not value["d"]["e"]["f"]
    odd = {"t": (1, [2])}  # not JSON: copied as deepcopy copies it
    assert L.copy_json(odd) == copy.deepcopy(odd) and L.copy_json(odd)["t"][1] is not odd["t"][1]


def test_a_big_layer_merges_to_the_records_it_holds(bundled):
    layer = big_layer(bundled)
    ws = workspace(bundled)
    assert ws.replace_layer(copy.deepcopy(layer)) == []
    parse = kind_of("reserves").parse
    rows = layer["records"]["reserves"]
    expected = [parse(raw) for raw in bundled.raw["reserves"]]
    expected[0] = parse({**bundled.raw["reserves"][0], "note": "mine"})
    expected += [parse(entry["added"]) for record_id, entry in rows.items() if "added" in entry]
    assert ws.records("reserves") == expected
    assert ws.layer_view() == layer
    assert ws.edited_fields("reserves", bundled.raw["reserves"][0]["id"]) == {"note"}
    # The merged records are copies: changing one leaves the layer's entry as it was.
    ws.raw("reserves", "usgs-mcs-2025.big-5")["country"] = "Elsewhere"
    assert ws.entry("reserves", "usgs-mcs-2025.big-5")["added"]["country"] == "Country 5"


def test_a_layer_handed_over_merges_as_a_copied_one(bundled):
    layer = big_layer(bundled)
    reasons = spoil(layer)
    copied_layer = copy.deepcopy(layer)
    dropped = L.drop_malformed_entries(copied_layer)
    as_passed = copy.deepcopy(copied_layer)
    copied = workspace(bundled)
    rejected = copied.replace_layer(copied_layer)
    assert copied_layer == as_passed  # copied: the caller's layer is not changed
    handed_layer = copy.deepcopy(layer)
    handed_dropped = L.drop_malformed_entries(handed_layer)
    handed = workspace(bundled)
    handed_rejected = handed.replace_layer(handed_layer, owned=True)
    assert handed_dropped == dropped and handed_rejected == rejected
    assert handed.layer_view() is handed_layer  # used as it is: what was left out is gone from it
    assert handed.records("reserves") == copied.records("reserves")
    assert handed.layer_view() == copied.layer_view()
    left_out = {record_id: reason for _kind, record_id, reason in dropped}
    left_out.update({r.record_id: r.reason for r in rejected})
    assert left_out == reasons
    assert len(handed.records("reserves")) == len(bundled.raw["reserves"]) + 3000 - len(reasons)


@pytest.mark.parametrize("value", [0, 1, 44_000_000, F.TONS_MAX])
def test_whole_tons_from_a_file_are_read_as_they_are(value):
    assert F.parse_tons("reserves_t", value) == value and type(F.parse_tons("reserves_t", value)) is int


@pytest.mark.parametrize("value, rule", [(-1, "must not be negative"), (F.TONS_MAX + 1, "must be at most"),
                                         (True, "must be a number of metric tons"), (False, "must be a number")])
def test_whole_numbers_out_of_range_are_still_refused(value, rule):
    with pytest.raises(F.FieldError) as info:
        F.parse_tons("reserves_t", value)
    assert str(info.value).startswith(f"reserves_t: {rule}")
