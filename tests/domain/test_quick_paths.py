"""The quick paths a large user layer is read through give what the careful ones give: a reserve
row parsed in one pass equals the careful parse (or is handed to it, which then says what is
wrong), an added entry is accepted by the quick check exactly when by the full one, and a
staged state built without its dataclass __init__ equals one built with it."""

from __future__ import annotations

import copy
import dataclasses
import itertools

import pytest

from app.domain import layers as L
from app.domain import records as R
from app.domain.model import Reserve
from app.domain.states import Staged, staged

GOOD = {"id": "usgs-mcs-2025.x-1", "country": "Country 1", "edition": "usgs-mcs-2025", "reserves_t": 1000,
        "confidence": "LOW", "note": "a row"}
ODD_VALUES = [None, "", " ", "  padded  ", "\tTab", "x\ty", "x\ny", "a\u202eb", "a\u200bb", "a\x7fb", "\ud800",
              "x" * 64, "x" * 65, "x" * 80, "x" * 81, " " * 90 + "x", "x" * 320, "x" * 1001, "Ünïcode ✓", 0, -1,
              1, 10_000_000_000, 10_000_000_001, 1.0, 1.5, True, False, [], {}, "HIGH", "MED", "UNCONFIRMED",
              "low", "12", "usgs-mcs-2025", "bad id!", "a" * 65, "a b", "1 2 3", "a" * 64 + " " + "b" * 64,
              "ok\n", "ok\r", "\nok"]
FIELDS = ["id", "country", "edition", "reserves_t", "production_t", "production_prior_t", "confidence", "note"]


def variants():
    yield dict(GOOD)
    yield {k: v for k, v in GOOD.items() if k in ("id", "country", "edition")}
    for name, value in itertools.product(FIELDS, ODD_VALUES):
        yield {**GOOD, name: value}
    for name in FIELDS:
        yield {k: v for k, v in GOOD.items() if k != name}
    yield {**GOOD, "colour": "red"}
    yield {**GOOD, "production_t": 5, "production_prior_t": None}


def careful(raw):
    try:
        return R._parse_reserve_carefully(copy.deepcopy(raw))
    except R.RecordError as exc:
        return ("refused", str(exc), exc.field, exc.rule, exc.label)


def test_a_reserve_row_parsed_quickly_equals_the_careful_parse():
    quick_taken = 0
    for raw in variants():
        expected = careful(raw)
        quick = R._quick_reserve(raw)
        if quick is not None:
            quick_taken += 1
            assert quick == expected and type(quick) is Reserve, raw
            assert dataclasses.asdict(quick) == dataclasses.asdict(expected) and hash(quick) == hash(expected)
            assert vars(quick) == vars(expected) and repr(quick) == repr(expected)
        try:
            got = R.parse_reserve(raw)
        except R.RecordError as exc:
            got = ("refused", str(exc), exc.field, exc.rule, exc.label)
        assert got == expected, raw
    assert quick_taken > 20  # the usual rows do go the quick way


def test_a_quickly_parsed_reserve_is_still_frozen():
    record = R.parse_reserve(dict(GOOD))
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.country = "Elsewhere"  # type: ignore[misc]
    assert dataclasses.replace(record, country="Elsewhere").country == "Elsewhere"


@pytest.mark.parametrize("entry, refused", [
    ({"added": {}}, None), ({"added": dict(GOOD)}, None), ({"added": None}, "reserves.x.added must be an object"),
    ({"added": []}, "reserves.x.added must be an object"),
    ({"added": {}, "deleted": True}, "reserves.x: an added record has nothing beside it"),
    ({"added": {}, "fields": {}}, "reserves.x: an added record has nothing beside it"),
    ({"deleted": True}, None), ({"fields": {}}, None), ({}, "reserves.x has no change (added, deleted or fields)"),
    ([], "reserves.x must be an object"), (None, "reserves.x must be an object"),
])
def test_the_entry_check_with_its_shortcut_for_added_records(entry, refused):
    try:
        L.validate_entry(entry, "reserves.x")
    except ValueError as exc:
        assert str(exc) == refused
    else:
        assert refused is None


def test_added_fields_are_every_field_but_the_id_and_shared():
    a, b = {"id": "a", "country": "x", "note": ""}, {"id": "b", "country": "y", "note": "z"}
    assert L.added_fields(a) == frozenset({"country", "note"}) and L.added_fields(a) is L.added_fields(b)
    raw, edited, conflicts, orphaned = L.merged(None, {"added": a}, "reserves")
    assert raw is a and (set(edited), list(conflicts), orphaned) == L.merge_record(None, {"added": a}, "reserves")[1:]


def test_a_staged_state_built_quickly_equals_one_built_by_its_init():
    entry = {"added": dict(GOOD)}
    record = R.parse_reserve(GOOD)
    args = ("reserves", GOOD["id"], entry, entry["added"], record, frozenset({"country"}), (), True)
    assert staged(*args) == Staged(*args) and vars(staged(*args)) == vars(Staged(*args))
    assert staged(*args[:5]) == Staged(*args[:5])
    with pytest.raises(dataclasses.FrozenInstanceError):
        staged(*args).raw = None  # type: ignore[misc]


def test_an_id_is_refused_with_a_space_or_a_line_break_on_every_path():
    """'a b' read as two good ids to the bulk check (ids joined by spaces); 'ok\\n' passed every
    path ("$" also matches before a final newline). Both are refused, in bulk and one by one."""
    for record_id in ("a b", "a" * 64 + " " + "b" * 64, "ok\n", "ok\r", "\nok"):
        raw = {**GOOD, "id": record_id}
        assert careful(raw)[0] == "refused" and R._quick_reserve(raw) is None, repr(record_id)
        assert R.quick_reserves([{**GOOD, "id": f"g{i}"} for i in range(3)] + [raw])[3] is None, repr(record_id)
        with pytest.raises(R.RecordError):
            R.parse_reserve(raw)
