"""The index of unique keys (country and source for a reserve row, the symbol of an element, ...)
the workspace checks new values against: kept up to date edit by edit, it must always equal
one made afresh from the records."""

from __future__ import annotations

import random

import pytest

from app.domain.kinds import KIND_KEYS, kind_of
from app.domain.workspace import EditError, Workspace
from tests.conftest import load_bundled_for_tests


def fresh(ws: Workspace, kind: str) -> dict:
    index: dict = {}
    for record_id, state in ws._states[kind].items():
        if state.raw is not None and (key := kind_of(kind).unique(state.raw)) is not None:
            index.setdefault(key, set()).add(record_id)
    return index


def kept(ws: Workspace, kind: str) -> dict:
    return {key: set(ids) for key, ids in ws._unique_index(kind).items() if ids}


def test_the_index_follows_adds_edits_renames_deletes_undo_and_a_new_layer():
    bundled = load_bundled_for_tests()
    ws = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, bundled_records=bundled.records)
    rng = random.Random(5)
    added, undo = [], []
    for step in range(400):
        action = rng.choice(["add", "add", "rename", "delete", "undo", "revert"])
        if action == "add":
            try:
                new_id, entry = ws.entry_for_new("reserves", {
                    "country": f"Land {rng.randrange(60)}", "edition": rng.choice(["usgs-mcs-2025", "usgs-mcs-2026"]),
                    "reserves_t": step, "confidence": "LOW"})
            except EditError:
                continue  # the country is already listed in that source: refused, as it must be
            ws.set_entry("reserves", new_id, entry)
            added.append(new_id)
        elif action == "rename" and added:
            record_id = rng.choice(added)
            before = ws._states["reserves"][record_id]
            try:
                ws.set_entry("reserves", record_id, ws.entry_for_field("reserves", record_id, "country",
                                                                      f"Land {rng.randrange(60)}"))
            except EditError:
                continue
            undo.append(before)
        elif action == "undo" and undo:
            state = undo.pop()
            if state.record_id in added:  # as the undo stack does it: the staged state from before
                ws.apply(state)
        elif action == "delete" and added:
            gone = added.pop(rng.randrange(len(added)))
            ws.set_entry("reserves", gone, ws.entry_for_delete("reserves", gone))
        elif action == "revert":
            record_id = rng.choice([r["id"] for r in bundled.raw["reserves"]])
            ws.set_entry("reserves", record_id, None)
        for kind in KIND_KEYS:
            assert kept(ws, kind) == fresh(ws, kind), (step, action, kind)
    ws.replace_layer(None)  # a whole new layer: the index is made again
    assert all(kept(ws, kind) == fresh(ws, kind) for kind in KIND_KEYS)
    with pytest.raises(EditError, match="already used"):
        first = bundled.raw["reserves"][0]
        ws.entry_for_new("reserves", {"country": first["country"], "edition": first["edition"], "reserves_t": 1,
                                      "confidence": "LOW"})
