"""The working dataset: bundled records merged with the user's layer, and every way to change it.

All mutations go through here, validate the whole resulting record (and the uniqueness rules
across records) before anything changes, and return the layer entries before and after, so
an undo command only has to put the old entry back. No Qt, no I/O: the UI listens through
``listeners`` and the storage layer saves ``layer``.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

from app.domain import layers as L
from app.domain.fields import FieldError, spec, to_json_value
from app.domain.model import Dataset, DatasetInfo, Edition
from app.domain.records import RecordError, parse_record

Listener = Callable[[str, "str | None"], None]


class EditError(ValueError):
    """An edit refused by validation; the message names the field and the rule."""


@dataclass(frozen=True)
class Change:
    kind: str
    record_id: str
    label: str  # the record as a user knows it
    field: str  # "" for a whole-record change (added, deleted)
    action: str  # "edited" | "added" | "deleted"
    bundled: Any
    mine: Any
    conflict: L.Conflict | None = None
    orphaned: bool = False


@dataclass(frozen=True)
class Rejected:
    kind: str
    record_id: str
    reason: str


def record_label(kind: str, raw: dict[str, Any], editions: dict[str, Edition] | None = None) -> str:
    if kind == "reserves":
        edition = (editions or {}).get(raw.get("edition", ""))
        return f"{raw.get('country', '?')} ({edition.short if edition else raw.get('edition', '?')})"
    if kind == "elements":
        return f"{raw.get('name', '?')} ({raw.get('symbol', '?')})"
    return str(raw.get("name", raw.get("id", "?")))


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48] or "record"


class Workspace:
    def __init__(self, info: DatasetInfo, bundled_raw: dict[str, list[dict[str, Any]]],
                 editions: list[Edition], layer: dict[str, Any] | None = None) -> None:
        self.info = info
        self.editions = list(editions)
        self._editions_by_id = {e.id: e for e in editions}
        self._bundled = {kind: {r["id"]: r for r in bundled_raw.get(kind, [])} for kind in L.KINDS}
        self._bundled_order = {kind: [r["id"] for r in bundled_raw.get(kind, [])] for kind in L.KINDS}
        self.layer = L.empty_layer(info.dataset_version)
        self.listeners: list[Listener] = []
        self.rejected: list[Rejected] = []
        self.renamed: list[tuple[str, str, str]] = []  # (kind, old id, new id)
        self.revision = 0  # bumped by every change of the layer
        self._records: dict[str, dict[str, Any]] = {kind: {} for kind in L.KINDS}
        self._raw: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in L.KINDS}
        self._edited: dict[tuple[str, str], set[str]] = {}
        self._conflicts: dict[tuple[str, str], list[L.Conflict]] = {}
        self._orphaned: set[tuple[str, str]] = set()
        self._dataset: Dataset | None = None
        self.replace_layer(layer)

    # --- loading --------------------------------------------------------------------------
    def replace_layer(self, layer: dict[str, Any] | None) -> list[Rejected]:
        """Use ``layer`` (from disk, a backup, or empty). Entries whose merged record does not
        validate are left out and listed in ``rejected``, each with its reason."""
        layer = copy.deepcopy(layer) if layer else L.empty_layer(self.info.dataset_version)
        records = layer.setdefault("records", {})
        for kind in L.KINDS:
            records.setdefault(kind, {})
        self.layer = layer
        self.rejected = []
        self.renamed = []
        self._rename_colliding_additions()
        for kind in L.KINDS:
            self._records[kind].clear()
            self._raw[kind].clear()
            ids = list(self._bundled_order[kind]) + [i for i in records[kind] if i not in self._bundled[kind]]
            for record_id in ids:
                try:
                    self._remerge(kind, record_id)
                except (RecordError, FieldError, KeyError, TypeError, ValueError) as exc:
                    self.rejected.append(Rejected(kind, record_id, str(exc)))
                    records[kind].pop(record_id, None)
                    self._remerge(kind, record_id)
        self._check_unique_all()
        self._dataset = None
        self.revision += 1
        self._notify("", None)
        return self.rejected

    def _rename_colliding_additions(self) -> None:
        """A record the user added whose id a newer bundled dataset now uses for one of its
        own: both are kept, the user's under a new id (reported in ``renamed``)."""
        for kind in L.KINDS:
            entries = self.layer["records"][kind]
            for record_id in [i for i, e in entries.items() if "added" in e and i in self._bundled[kind]]:
                entry = entries.pop(record_id)
                if not isinstance(entry.get("added"), dict):
                    continue
                new_id = self.new_record_id(kind, entry["added"])
                entry["added"]["id"] = new_id
                entries[new_id] = entry
                self.renamed.append((kind, record_id, new_id))

    def _check_unique_all(self) -> None:
        """Drop user entries that collide with another record (a hand-edited duplicate, or a
        newer bundled record with the same symbol), whichever of the two comes first."""
        for kind in L.KINDS:
            entries = self.layer["records"][kind]
            seen: dict[Any, str] = {}
            for record_id in list(self._order(kind)):
                raw = self._raw[kind].get(record_id)
                key = self._unique_key(kind, raw) if raw is not None else None
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
                self.rejected.append(Rejected(kind, victim, f"duplicates {survivor!r} ({key[0]})"))
                entries.pop(victim)
                self._remerge(kind, victim)
                seen[key] = survivor

    @staticmethod
    def _unique_key(kind: str, raw: dict[str, Any]) -> tuple | None:
        if kind == "elements":
            return ("symbol", raw.get("symbol"))
        if kind == "reserves":
            return ("country and source", raw.get("country", "").casefold(), raw.get("edition"))
        return None

    # --- reading --------------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = Dataset(
                info=self.info,
                companies=[self._records["companies"][i] for i in self._order("companies")],
                elements=[self._records["elements"][i] for i in self._order("elements")],
                editions=self.editions,
                reserves=[self._records["reserves"][i] for i in self._order("reserves")],
            )
        return self._dataset

    def _order(self, kind: str) -> list[str]:
        extra = [i for i in self.layer["records"][kind] if i not in self._bundled[kind]]
        return [i for i in self._bundled_order[kind] + extra if i in self._records[kind]]

    def raw(self, kind: str, record_id: str) -> dict[str, Any] | None:
        return copy.deepcopy(self._raw[kind].get(record_id))

    def bundled_raw(self, kind: str, record_id: str) -> dict[str, Any] | None:
        return copy.deepcopy(self._bundled[kind].get(record_id))

    def entry(self, kind: str, record_id: str) -> dict[str, Any] | None:
        return copy.deepcopy(self.layer["records"][kind].get(record_id))

    def edited_fields(self, kind: str, record_id: str) -> set[str]:
        return set(self._edited.get((kind, record_id), ()))

    def is_edited(self, kind: str, record_id: str, name: str) -> bool:
        """Whether the user changed this field (no copy: the models ask for every painted cell)."""
        return name in self._edited.get((kind, record_id), ())

    def is_added(self, kind: str, record_id: str) -> bool:
        return "added" in self.layer["records"][kind].get(record_id, {})

    def is_orphaned(self, kind: str, record_id: str) -> bool:
        return (kind, record_id) in self._orphaned

    def conflicts(self, kind: str | None = None, record_id: str | None = None) -> list[L.Conflict]:
        out = []
        for (k, i), items in self._conflicts.items():
            if (kind is None or k == kind) and (record_id is None or i == record_id):
                out.extend(items)
        return out

    def conflict(self, kind: str, record_id: str, name: str) -> L.Conflict | None:
        return next((c for c in self._conflicts.get((kind, record_id), []) if c.field == name), None)

    def label(self, kind: str, record_id: str) -> str:
        raw = self._raw[kind].get(record_id) or self._bundled[kind].get(record_id) or \
            (self.layer["records"][kind].get(record_id) or {}).get("snapshot") or {"id": record_id}
        return record_label(kind, raw, self._editions_by_id)

    def changes(self) -> list[Change]:
        out: list[Change] = []
        for kind in L.KINDS:
            for record_id, entry in self.layer["records"][kind].items():
                label = self.label(kind, record_id)
                if "added" in entry:
                    out.append(Change(kind, record_id, label, "", "added", None, entry["added"]))
                elif entry.get("deleted"):
                    out.append(Change(kind, record_id, label, "", "deleted", entry.get("snapshot"), None))
                else:
                    bundled = self._bundled[kind].get(record_id) or entry.get("snapshot") or {}
                    for name, mine in entry.get("fields", {}).items():
                        out.append(Change(kind, record_id, label, name, "edited", bundled.get(name), mine,
                                          self.conflict(kind, record_id, name),
                                          (kind, record_id) in self._orphaned))
        return out

    def change_count(self) -> int:
        return L.count_changes(self.layer)

    # --- mutating -------------------------------------------------------------------------
    def set_entry(self, kind: str, record_id: str, entry: dict[str, Any] | None) -> None:
        """Put a layer entry in place (the one primitive behind every edit, undo and redo)."""
        entries = self.layer["records"][kind]
        if entry is None:
            entries.pop(record_id, None)
        else:
            entries[record_id] = copy.deepcopy(entry)
        self._remerge(kind, record_id)
        self._dataset = None
        self.revision += 1
        self._notify(kind, record_id)

    def parse_input(self, kind: str, name: str, value: Any) -> Any:
        """A typed value (text or JSON) for one field, parsed to its JSON form, or EditError."""
        try:
            return to_json_value(spec(kind, name).parse(value))
        except FieldError as exc:
            raise EditError(str(exc)) from None

    def entry_for_field(self, kind: str, record_id: str, name: str, value: Any) -> dict[str, Any] | None:
        """The layer entry that sets one field (validated; nothing changes yet)."""
        if record_id not in self._raw[kind]:
            raise EditError(f"{kind} has no record {record_id!r}")
        new = L.entry_with_field(self.entry(kind, record_id), self._bundled[kind].get(record_id), name,
                                 to_json_value(value))
        self._validate(kind, record_id, new)
        return new

    def entry_without_field(self, kind: str, record_id: str, name: str) -> dict[str, Any] | None:
        new = L.entry_without_field(self.entry(kind, record_id), self._bundled[kind].get(record_id), name)
        self._validate(kind, record_id, new)
        return new

    def entry_for_record(self, kind: str, record_id: str, raw: dict[str, Any]) -> dict[str, Any] | None:
        """The layer entry that makes a record equal ``raw`` (a whole-record edit)."""
        if raw.get("id") != record_id:
            raise EditError("id: cannot be changed")
        entry = self.entry(kind, record_id)
        bundled = self._bundled[kind].get(record_id)
        if entry and "added" in entry:
            new: dict[str, Any] | None = L.added_entry(raw)
        else:
            new = entry
            current = self._raw[kind][record_id]
            for name in sorted(set(raw) | set(current)):
                if name != "id" and raw.get(name) != current.get(name):
                    new = L.entry_with_field(new, bundled, name, raw.get(name))
        self._validate(kind, record_id, new)
        return new

    def new_record_id(self, kind: str, raw: dict[str, Any]) -> str:
        """A fresh id for a record the user adds. The "user." prefix keeps it out of the way
        of ids a future bundled dataset may bring."""
        if kind == "reserves":
            base = f"user.{raw.get('edition', 'source')}.{slug(str(raw.get('country', '')))}"
        else:
            base = f"user.{slug(str(raw.get('name', '')))}"
        base = base[:58]
        candidate, n = base, 2
        taken = set(self._raw[kind]) | set(self._bundled[kind]) | set(self.layer["records"][kind])
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate[:64]

    def entry_for_new(self, kind: str, raw: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        raw = copy.deepcopy(raw)
        raw["id"] = raw.get("id") or self.new_record_id(kind, raw)
        if raw["id"] in self._raw[kind] or raw["id"] in self._bundled[kind]:
            raise EditError(f"id: {raw['id']!r} is already used")
        entry = L.added_entry(raw)
        self._validate(kind, raw["id"], entry)
        return raw["id"], entry

    def entry_for_revert(self, kind: str, record_id: str) -> None:
        """Reverting a whole record to its bundled version: the entry goes (None), once the
        bundled version is known to fit among the other records (e.g. no symbol clash)."""
        if self.is_added(kind, record_id):
            raise EditError("a record you added has no bundled version; delete it instead")
        self._validate(kind, record_id, None)
        return None

    def entry_for_delete(self, kind: str, record_id: str) -> dict[str, Any] | None:
        return L.deleted_entry(self._bundled[kind].get(record_id), self.entry(kind, record_id))

    def entry_keep_mine(self, kind: str, record_id: str, name: str) -> dict[str, Any]:
        return L.entry_keep_mine(self.entry(kind, record_id) or {}, self._bundled[kind][record_id], name)

    # --- internals ------------------------------------------------------------------------
    def _validate(self, kind: str, record_id: str, entry: dict[str, Any] | None) -> None:
        raw, _edited, _conflicts, _orphaned = L.merge_record(self._bundled[kind].get(record_id), entry, kind)
        if raw is None:
            return
        try:
            parsed = parse_record(kind, raw)
        except RecordError as exc:
            raise EditError(f"{exc.field}: {exc.rule}") from None
        if kind == "reserves" and parsed.edition not in self._editions_by_id:
            raise EditError(f"edition: unknown source {parsed.edition!r}")
        key = self._unique_key(kind, raw)
        if key is not None:
            for other_id, other in self._raw[kind].items():
                if other_id != record_id and self._unique_key(kind, other) == key:
                    what = "symbol" if kind == "elements" else "country and source"
                    raise EditError(f"{what}: already used by {record_label(kind, other, self._editions_by_id)}")

    def _remerge(self, kind: str, record_id: str) -> None:
        entry = self.layer["records"][kind].get(record_id)
        raw, edited, conflicts, orphaned = L.merge_record(self._bundled[kind].get(record_id), entry, kind)
        key = (kind, record_id)
        self._edited.pop(key, None)
        self._conflicts.pop(key, None)
        self._orphaned.discard(key)
        if raw is None:
            self._records[kind].pop(record_id, None)
            self._raw[kind].pop(record_id, None)
            return
        record = parse_record(kind, raw)
        if kind == "reserves" and record.edition not in self._editions_by_id:
            raise RecordError(record_id, "edition", f"unknown source {record.edition!r}")
        self._records[kind][record_id] = record
        self._raw[kind][record_id] = raw
        if edited:
            self._edited[key] = edited
        if conflicts:
            self._conflicts[key] = conflicts
        if orphaned:
            self._orphaned.add(key)

    def _notify(self, kind: str, record_id: str | None) -> None:
        for listener in list(self.listeners):
            listener(kind, record_id)
