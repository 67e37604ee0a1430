"""One description per kind of record: fields say whether they are required, messages name
labels, and everything that used to switch on the kind string asks the description."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import fields as F
from app.domain.kinds import KINDS, kind_of
from app.domain.layers import validate_entry
from app.domain.workspace import EditError, Workspace


def test_every_kind_describes_itself(bundled):
    for key, kind in KINDS.items():
        assert kind.key == key and kind.noun and kind.label and kind.plural
        names = [f.name for f in kind.fields]
        assert len(names) == len(set(names)), f"{key}: duplicate field"
        for raw in bundled.raw[key][:3]:
            assert kind.parse(raw).id == raw["id"]
            assert kind.describe(raw, {e.id: e for e in bundled.dataset.editions})
        defaults = kind.defaults(dt.date(2026, 1, 2), {"edition": "usgs-mcs-2025"})
        assert set(defaults) - {"events", "sources", "shares"} <= set(names)


def test_required_is_explicit_and_drives_none():
    # An element's effective date is required: its editor must not offer "none"; a company's
    # effective date is optional. The bug this guards: the date editor kept its own list.
    assert kind_of("elements").field("effective").required
    assert not kind_of("companies").field("effective").required
    with pytest.raises(F.FieldError, match="Effective: is required"):
        kind_of("elements").field("effective").parse("")
    assert kind_of("companies").field("effective").parse("") is None


@pytest.mark.parametrize("kind, name, typed, words", [
    ("reserves", "reserves_t", "-5", "Reserves: must not be negative"),
    ("reserves", "reserves_t", "1,5", "Reserves: a decimal comma is not accepted"),
    ("companies", "listed", "2025-02-30", "Listed: is not a date that exists"),
    ("companies", "name", "Cubic\u200bCorporation", "Name: contains an invisible character (U+200B)"),
    ("companies", "name", "Cubic\U000e0041", "Name: contains an invisible character"),
    ("companies", "name", "Cubic\ufeff", "Name: contains an invisible character (U+FEFF)"),
    ("elements", "atomic_number", "\u0666\u0666", "Z: must be a whole number"),  # Arabic-Indic 66
    ("reserves", "reserves_t", "\uff12\uff11", "Reserves: must be a number"),  # fullwidth 21
])
def test_messages_name_labels_and_refuse_lookalikes(kind, name, typed, words):
    with pytest.raises(F.FieldError) as info:
        kind_of(kind).field(name).parse(typed)
    assert words in str(info.value)


def test_edit_messages_use_labels(bundled):
    ws = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)
    with pytest.raises(EditError, match=r"^In force from: is before the date it was announced"):
        ws.entry_for_field("companies", "echodyne", "effective", "2025-01-01")


def test_new_ids_come_from_the_kind():
    taken = {"user.cubic", "user.cubic-2"}
    assert kind_of("companies").new_id({"name": "Cubic"}, taken.__contains__) == "user.cubic-3"
    assert kind_of("reserves").new_id({"edition": "x", "country": "Côte d'Ivoire"}, taken.__contains__) == \
        "user.x.cote-d-ivoire"


@pytest.mark.parametrize("entry", [
    {"fields": None}, {"fields": {"a": 1}, "base": None}, {"added": None}, {"deleted": "no"},
    {"deleted": True, "snapshot": []}, None, [], {"something": 1}, {"added": {}, "fields": {}},
])
def test_malformed_entries_are_refused(entry):
    with pytest.raises(ValueError):
        validate_entry(entry, "records.reserves.x")


def test_malformed_entry_is_dropped_alone_on_load(bundled):
    layer = {"base_dataset_version": bundled.dataset.info.dataset_version, "records": {
        "companies": {"echodyne": {"fields": None}},
        "elements": {"gallium": {"fields": {"name": "Gallium (mine)"}, "base": {"name": "Gallium"}}},
        "reserves": {"usgs-mcs-2025.brazil": {"deleted": "no"}}}}
    ws = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, layer)
    assert sorted(r.record_id for r in ws.rejected) == ["echodyne", "usgs-mcs-2025.brazil"]
    assert ws.record("elements", "gallium").name == "Gallium (mine)"
    assert ws.record("companies", "echodyne").name == "Echodyne"


def test_an_edit_is_parsed_once(bundled, monkeypatch):
    ws = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)
    calls = []
    kind = kind_of("reserves")
    original = kind.parse
    monkeypatch.setattr(type(kind), "parse", property(lambda self: (lambda raw: calls.append(1) or original(raw))),
                        raising=False)
    entry = ws.entry_for_field("reserves", "usgs-mcs-2025.brazil", "reserves_t", 20_000_000)
    ws.set_entry("reserves", "usgs-mcs-2025.brazil", entry)
    assert len(calls) == 1
    assert ws.record("reserves", "usgs-mcs-2025.brazil").reserves_t == 20_000_000
