"""The user's layer over the bundled dataset, and the three-way merge that applies it.

The layer is plain JSON-ready data, keyed by record kind and stable record id::

    {"base_dataset_version": "2025.11.1",
     "records": {"reserves": {
         "usgs-mcs-2025.brazil": {"fields": {"reserves_t": 20000000},
                                  "base": {"reserves_t": 21000000},
                                  "snapshot": {...bundled record when first edited...}},
         "mine.peru": {"added": {...whole record...}},
         "article-2025.vietnam": {"deleted": true, "snapshot": {...}}}}}

Only what the user changed is stored, with the bundled value it replaced (``base``). Merging
a bundled dataset under the layer is then field by field:

- the user did not touch a field: the bundled value wins, so a newer bundle's fixes arrive;
- the user changed it and the bundle still has ``base``: the user's value;
- both changed it: the user's value is kept and a ``Conflict`` (base, bundled now, yours) is
  reported until the user resolves it;
- a record the user edited but the bundle removed is kept (from its snapshot) and flagged;
- records the user added stay; records the user deleted stay deleted.

``merge_record`` is a pure function of (bundled record, entry), so merging again changes nothing.
"""

from __future__ import annotations

import copy
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from app.domain.kinds import KIND_KEYS as KINDS  # the layer holds entries of each kind of record
LAYER_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Conflict:
    kind: str
    record_id: str
    field: str
    base: Any  # the bundled value the user's edit replaced
    bundled: Any  # the bundled value now
    mine: Any  # the user's value (kept)


_ATOMIC = frozenset({str, int, float, bool, type(None)})


def copy_json(value: Any) -> Any:
    """A deep copy of JSON data (dicts, lists, text, numbers, true/false, null), equal to what
    ``copy.deepcopy`` gives but several times faster: no memo, since JSON data shares nothing
    and has no cycles. Anything else inside is copied by ``copy.deepcopy``."""
    cls = type(value)
    if cls is dict:
        return {key: item if type(item) in _ATOMIC else copy_json(item) for key, item in value.items()}
    if cls is list:
        return [item if type(item) in _ATOMIC else copy_json(item) for item in value]
    if cls in _ATOMIC:
        return value
    return copy.deepcopy(value)


@contextmanager
def collector_paused():
    """No cyclic garbage collection while a whole layer is read or merged (usable as a decorator):
    the objects made then stay alive, and with a large layer the collections their allocations
    set off were a third of the time. Reference counting frees memory as before. As it ends, the
    young objects made meanwhile are collected at once (``gc.collect(1)``), not in one long pass
    at a later moment: at 1,000,000 records that pass took 0.2-0.5 s and could fall inside the
    typing. It stays off if it was off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(1)  # the young objects made meanwhile, now: not in one long pass at a later keystroke


def empty_layer(base_dataset_version: str = "") -> dict[str, Any]:
    return {"base_dataset_version": base_dataset_version, "records": {kind: {} for kind in KINDS}}


def merge_record(bundled: dict[str, Any] | None, entry: dict[str, Any] | None, kind: str
                 ) -> tuple[dict[str, Any] | None, set[str], list[Conflict], bool]:
    """One record: (merged raw or None when deleted, edited fields, conflicts, orphaned)."""
    if entry is None:
        return (copy_json(bundled) if bundled is not None else None), set(), [], False
    if "added" in entry:
        record = copy_json(entry["added"])
        return record, set(record) - {"id"}, [], False
    if entry.get("deleted"):
        return None, set(), [], False
    fields: dict[str, Any] = entry.get("fields", {})
    base: dict[str, Any] = entry.get("base", {})
    orphaned = bundled is None
    source = bundled if bundled is not None else entry.get("snapshot")
    if source is None:
        return None, set(), [], False
    record = copy_json(source)
    conflicts = []
    for name, mine in fields.items():
        record[name] = copy_json(mine)
        if bundled is not None:
            now = bundled.get(name)
            was = base.get(name)
            if now != was and now != mine:
                conflicts.append(Conflict(kind, str(source.get("id")), name, was, now, mine))
    return record, set(fields), conflicts, orphaned


def merged(bundled: dict[str, Any] | None, entry: dict[str, Any] | None, kind: str
           ) -> tuple[dict[str, Any] | None, frozenset[str] | set[str], list[Conflict] | tuple, bool]:
    """``merge_record`` for the workspace, which changes neither a layer entry nor a merged
    record in place: a record the user added is the entry's own (not copied), with the field
    set it shares with the records that have the same fields."""
    added = entry.get("added") if entry is not None else None
    if added is not None:
        return added, added_fields(added), (), False
    return merge_record(bundled, entry, kind)


# --- mutations of one record's entry (pure: each returns a new entry or None) ------------------

def entry_with_field(entry: dict[str, Any] | None, bundled: dict[str, Any] | None, name: str,
                     value: Any) -> dict[str, Any] | None:
    """The layer entry after the user sets ``name`` to ``value``."""
    entry = copy.deepcopy(entry) if entry else {}
    if "added" in entry:
        entry["added"][name] = copy.deepcopy(value)
        return entry
    if bundled is None and "snapshot" not in entry:
        raise KeyError(name)
    fields = entry.setdefault("fields", {})
    base = entry.setdefault("base", {})
    if bundled is not None:
        entry.setdefault("snapshot", copy.deepcopy(bundled))
    reference = bundled if bundled is not None else entry["snapshot"]
    if name not in base:
        base[name] = copy.deepcopy(reference.get(name))
    if bundled is not None and value == bundled.get(name):
        # Back to the bundled value: the edit disappears.
        fields.pop(name, None)
        base.pop(name, None)
    else:
        fields[name] = copy.deepcopy(value)
    if not fields:
        return None
    return entry


def entry_without_field(entry: dict[str, Any] | None, bundled: dict[str, Any] | None,
                        name: str) -> dict[str, Any] | None:
    """The layer entry after reverting ``name`` to the bundled value."""
    if not entry or "added" in entry or entry.get("deleted"):
        return entry
    entry = copy.deepcopy(entry)
    entry.get("fields", {}).pop(name, None)
    entry.get("base", {}).pop(name, None)
    if not entry.get("fields"):
        # Nothing of the user's is left. A record the bundle has since removed goes with it:
        # its bundled version (the only one left to revert to) no longer exists.
        return None
    return entry


def entry_keep_mine(entry: dict[str, Any], bundled: dict[str, Any], name: str) -> dict[str, Any]:
    """Resolve a conflict by keeping the user's value against the current bundled value."""
    entry = copy.deepcopy(entry)
    entry.setdefault("base", {})[name] = copy.deepcopy(bundled.get(name))
    entry["snapshot"] = copy.deepcopy(bundled)
    return entry


def deleted_entry(bundled: dict[str, Any] | None, entry: dict[str, Any] | None) -> dict[str, Any] | None:
    """The layer entry for a deleted record (None: a user-added record simply disappears)."""
    if entry and "added" in entry:
        return None
    snapshot = bundled if bundled is not None else (entry or {}).get("snapshot")
    return {"deleted": True, "snapshot": copy.deepcopy(snapshot)}


def added_entry(record: dict[str, Any]) -> dict[str, Any]:
    return {"added": copy.deepcopy(record)}


def validate_entry(entry: Any, where: str) -> None:
    """Refuse a layer entry that is not one of the three shapes (raises ValueError naming it):
    ``{"added": {...}}``, ``{"deleted": true, "snapshot": {...} | null}`` or
    ``{"fields": {...}, "base": {...}, "snapshot": {...}}``. Nothing is reinterpreted: a
    ``null`` where an object belongs, or ``"deleted": "no"``, is an error, not a default."""
    if type(entry) is dict and len(entry) == 1 and type(entry.get("added")) is dict:
        return  # an added record, the usual entry of a large layer: what the checks below accept
    if not isinstance(entry, dict):
        raise ValueError(f"{where} must be an object")
    if "added" in entry:
        if not isinstance(entry["added"], dict):
            raise ValueError(f"{where}.added must be an object")
        if set(entry) != {"added"}:
            raise ValueError(f"{where}: an added record has nothing beside it")
        return
    if "deleted" in entry:
        if entry["deleted"] is not True:
            raise ValueError(f"{where}.deleted must be true")
        if entry.get("snapshot") is not None and not isinstance(entry["snapshot"], dict):
            raise ValueError(f"{where}.snapshot must be an object")
        return
    if "fields" not in entry:
        raise ValueError(f"{where} has no change (added, deleted or fields)")
    for key in ("fields", "base"):
        if not isinstance(entry.get(key, {}), dict):
            raise ValueError(f"{where}.{key} must be an object")
    if "snapshot" in entry and not isinstance(entry["snapshot"], dict):
        raise ValueError(f"{where}.snapshot must be an object")
    unknown = set(entry) - {"fields", "base", "snapshot"}
    if unknown:
        raise ValueError(f"{where}: unknown key {sorted(unknown)[0]!r}")


_ADDED_FIELDS: dict[tuple[str, ...], frozenset[str]] = {}


def added_fields(record: dict[str, Any]) -> frozenset[str]:
    """The fields of a record the user added (all but its id: each is the user's), one frozenset
    shared by the records with the same fields."""
    names = tuple(record)
    fields = _ADDED_FIELDS.get(names)
    if fields is None:
        fields = frozenset(names) - {"id"}
        if len(_ADDED_FIELDS) < 256:
            _ADDED_FIELDS[names] = fields
    return fields


def rename_colliding_additions(entries: dict[str, Any], bundled: dict[str, Any], kind: str,
                               new_id) -> list[tuple[str, str, str]]:
    """Give the user's added records whose ids the bundle now uses a new id (``new_id(raw)``);
    returns (kind, old id, new id) for each."""
    renamed = []
    for record_id in [i for i, e in entries.items() if isinstance(e, dict) and "added" in e and i in bundled]:
        entry = entries.pop(record_id)
        if not isinstance(entry.get("added"), dict):
            continue
        fresh = new_id(entry["added"])
        entry["added"]["id"] = fresh
        entries[fresh] = entry
        renamed.append((kind, record_id, fresh))
    return renamed


def count_changes(layer: dict[str, Any]) -> int:
    return sum(len(v) for v in layer.get("records", {}).values())


def validate_layer_shape(data: Any) -> None:
    """Structural check of a whole layer document (raises ValueError naming the place).

    Entries are not checked here: each is validated on its own (``validate_entry``), so that
    a hand-edited or damaged file with one bad entry loses only that entry
    (``drop_malformed_entries`` when loading, ``Workspace.replace_layer`` for the records)."""
    if not isinstance(data, dict):
        raise ValueError("the user layer must be an object")
    if not isinstance(data.get("base_dataset_version", ""), str):
        raise ValueError("base_dataset_version must be text")
    records = data.get("records")
    if not isinstance(records, dict):
        raise ValueError("records must be an object")
    unknown = set(records) - set(KINDS)
    if unknown:
        raise ValueError(f"records: unknown kind {sorted(unknown)[0]!r}")
    for kind, entries in records.items():
        if not isinstance(entries, dict):
            raise ValueError(f"records.{kind} must be an object")


def drop_malformed_entries(layer: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Remove, in place, every entry of a structurally valid layer that ``validate_entry``
    refuses; returns (kind, record id, reason) for each, so it can be reported. Nothing is
    repaired or reinterpreted: an entry is used whole or not at all."""
    dropped = []
    for kind, entries in layer.get("records", {}).items():
        values = list(entries.values())
        if values and set(map(type, values)) == {dict} and set(map(len, values)) == {1} and \
                set(map(type, map(dict.get, values, repeat("added")))) == {dict}:
            continue  # all added records, each what validate_entry's shortcut accepts: checked as sets
        for record_id in list(entries):
            try:
                validate_entry(entries[record_id], f"{kind}.{record_id}")
            except ValueError as exc:
                del entries[record_id]
                dropped.append((kind, record_id, str(exc)))
    return dropped
