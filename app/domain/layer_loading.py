"""Opening a whole user layer in a Workspace (``Workspace.replace_layer``): every entry staged
and checked as an edit is (merged, parsed, its record's rules and the uniqueness rules), the
ones that break a rule left out with the reason (``Workspace.rejected``), and user-added ids a
newer bundle took renamed (``Workspace.renamed``). Kept apart from the workspace's edits so
the start-up path can be read (and made quick) on its own. No Qt, no I/O.
"""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from app.domain import layers as L
from app.domain.fields import FieldError
from app.domain.kinds import KIND_KEYS, kind_of
from app.domain.records import RecordError, quick_reserves
from app.domain.states import Rejected, Staged, staged

if TYPE_CHECKING:
    from app.domain.workspace import Workspace

LOAD_ERRORS = (RecordError, FieldError, KeyError, TypeError, ValueError, AttributeError)


def replace_layer(ws: Workspace, layer: dict[str, Any] | None, owned: bool) -> list[Rejected]:
    """The body of ``Workspace.replace_layer`` (which see)."""
    layer = (layer if owned else L.copy_json(layer)) if layer else L.empty_layer(ws.info.dataset_version)
    records = layer.setdefault("records", {})
    for kind in KIND_KEYS:
        records.setdefault(kind, {})
    ws.layer = layer
    ws.rejected = []
    ws.renamed = []
    ws._recent.clear()
    ws._keys.clear()  # the unique-key index, made again when next needed
    rename_colliding_additions(ws)
    for kind in KIND_KEYS:
        states = ws._states[kind]
        states.clear()
        ws._lists[kind] = None
        for record_id in ws._bundled_order[kind]:
            if record_id not in records[kind]:
                states[record_id] = ws._bundled_state(kind, record_id)
        stage_entries(ws, kind)
    check_unique_all(ws)
    ws.revision += 1
    ws._notify("", None)
    return ws.rejected


def stage_entries(ws: Workspace, kind: str) -> None:
    """Stage every entry of one kind of the layer, in the layer's order, as ``Workspace._stage``
    does one by one: an entry it refuses is dropped from the layer, with the reason in
    ``rejected``, and the record is the bundled one again if there is one. Added records of
    a kind with a quick bulk parse are staged in bulk (``quick_states``); the rest one by one."""
    entries = ws.layer["records"][kind]
    states = ws._states[kind]
    ids = list(entries)
    results: list[Any] = quick_states(ws, kind, ids, list(entries.values()))
    refused = False
    if not all(results):  # states are true (no __len__): "None in" would call each one's __eq__
        for i in [i for i, state in enumerate(results) if state is None]:
            try:
                results[i] = ws._stage(kind, ids[i], entries[ids[i]])
            except LOAD_ERRORS as exc:
                results[i] = Rejected(kind, ids[i], str(exc))
                refused = True
    if not refused:
        states.update(zip(ids, results))
        return
    for record_id, state in zip(ids, results):
        if type(state) is Rejected:
            ws.rejected.append(state)
            entries.pop(record_id)
            if record_id in ws._bundled[kind]:
                states[record_id] = ws._bundled_state(kind, record_id)
        else:
            states[record_id] = state


def quick_states(ws: Workspace, kind: str, ids: list[str], entries: list[Any]) -> list[Staged | None]:
    """The staged states of the entries that are added records ``_stage`` would accept, equal to
    its (None for every other entry, left to ``_stage``): the entries' shape checked as
    ``validate_entry``'s shortcut does, the records parsed by the kind's bulk parse
    (``records.quick_reserves``), and each reserve's source known."""
    out: list[Staged | None] = [None] * len(entries)
    if kind != "reserves" or not entries:
        return out
    if set(map(type, entries)) == {dict} and set(map(len, entries)) == {1}:
        added = list(map(dict.get, entries, repeat("added")))
        where = range(len(entries)) if set(map(type, added)) == {dict} else None
    else:
        where = None
    if where is None:  # not all of them added records: the ones that are
        where = [i for i, entry in enumerate(entries)
                 if type(entry) is dict and len(entry) == 1 and type(entry.get("added")) is dict]
        added = [entries[i]["added"] for i in where]
    records = quick_reserves(added)
    known = ws._editions_by_id
    if not set(map(attrgetter("edition"), filter(None, records))) <= known.keys():
        records = [r if r is not None and r.edition in known else None for r in records]
    shapes = list(map(tuple, added))
    fields = {shape: L.added_fields(raw) for shape, raw in dict(zip(shapes, added)).items()}
    edited = map(fields.__getitem__, shapes)
    if type(where) is range and all(records):  # all of them (records are true): no loop in Python
        return list(map(staged, repeat(kind), ids, entries, added, records, edited))
    for i, entry, raw, record, names in zip(where, map(entries.__getitem__, where), added, records, edited):
        if record is not None:
            out[i] = staged(kind, ids[i], entry, raw, record, names)
    return out


def rename_colliding_additions(ws: Workspace) -> None:
    """User-added ids a newer bundle took: both records kept, the user's renamed (``renamed``)."""
    for kind in KIND_KEYS:
        ws.renamed += L.rename_colliding_additions(ws.layer["records"][kind], ws._bundled[kind], kind,
                                                   lambda raw, k=kind: ws.new_record_id(k, raw))


def check_unique_all(ws: Workspace) -> None:
    """Drop user entries that collide with another record (a hand-edited duplicate, or a
    newer bundled record with the same symbol), whichever of the two comes first."""
    for kind in KIND_KEYS:
        entries = ws.layer["records"][kind]
        order = ws._order(kind)
        keys = unique_keys(kind, [state.raw for state in map(ws._states[kind].__getitem__, order)])
        if None not in keys and len(set(keys)) == len(keys):
            continue  # no two records share a key: nothing to drop
        seen: dict[Any, str] = {}
        for record_id, key in zip(order, keys):
            if key is None:
                continue
            other = seen.get(key)
            if other is None:
                seen[key] = record_id
                continue
            victim = record_id if record_id in entries else other if other in entries else None
            if victim is None:
                continue  # two bundled records: the bundled loader refuses those
            survivor = other if victim == record_id else record_id
            ws.rejected.append(Rejected(kind, victim, f"duplicates {survivor!r} ({key[0]})"))
            entries.pop(victim)
            ws._states[kind].pop(victim)
            if victim in ws._bundled[kind]:
                ws._states[kind][victim] = ws._bundled_state(kind, victim)
            seen[key] = survivor


def unique_keys(kind: str, raws: list[dict[str, Any]]) -> list[Any]:
    """``kind_of(kind).unique(raw)`` of each of ``raws``; for reserve rows worked out a column at a
    time in C (the same expressions: ``str(raw.get("country", "")).casefold()`` and
    ``raw.get("edition")``)."""
    if kind != "reserves":
        return list(map(kind_of(kind).unique, raws))
    countries = map(str.casefold, map(str, map(dict.get, raws, repeat("country"), repeat(""))))
    return list(zip(repeat("country and source"), countries, map(dict.get, raws, repeat("edition"))))
