"""The working dataset: bundled records merged with the user's layer, and every way to change it.

All mutations go through here. Each one is *staged* first: the merged record is parsed and the
uniqueness rules checked before anything changes, and the result (``Staged``) is what gets put in
place, so an edit is parsed once. Undo commands keep the staged states before and after and put
one back. No Qt, no I/O: the UI listens through ``listeners`` and storage saves ``layer_view()``.
"""

from __future__ import annotations

import copy
from itertools import chain, compress, filterfalse, repeat
from operator import attrgetter, is_not
from typing import Any, Callable

from app.domain import layer_loading
from app.domain import layers as L
from app.domain.states import (Change, EditError, Rejected, Staged, about_edited_field, changes_of,  # noqa: F401
                               field_words, record_label, staged)
from app.domain.fields import FieldError, to_json_value
from app.domain.kinds import KIND_KEYS, kind_of
from app.domain.model import Dataset, DatasetInfo, Edition
from app.domain.records import RecordError

# A listener gets (kind, record id) after each change; (kind, None) after many records of one
# kind changed at once; ("", None) after the whole layer was replaced.
Listener = Callable[[str, "str | None"], None]
BATCH_NOTIFY_FROM = 20
_LOAD_ERRORS = layer_loading.LOAD_ERRORS
_RAW = attrgetter("raw")


class Workspace:
    def __init__(self, info: DatasetInfo, bundled_raw: dict[str, list[dict[str, Any]]],
                 editions: list[Edition], layer: dict[str, Any] | None = None,
                 bundled_records: dict[str, list[Any]] | None = None) -> None:
        self.info = info
        self.editions = list(editions)
        self._editions_by_id = {e.id: e for e in editions}
        self._bundled = {kind: {r["id"]: r for r in bundled_raw.get(kind, [])} for kind in KIND_KEYS}
        self._bundled_order = {kind: [r["id"] for r in bundled_raw.get(kind, [])] for kind in KIND_KEYS}
        # Parsed bundled records (from the loader), so records the user never touched are not
        # parsed a second time: start-up work grows with the edits, not with the dataset.
        self._bundled_parsed = {kind: {r.id: r for r in (bundled_records or {}).get(kind, [])}
                                for kind in KIND_KEYS}
        self.layer = L.empty_layer(info.dataset_version)
        self.listeners: list[Listener] = []
        self.rejected: list[Rejected] = []
        self.renamed: list[tuple[str, str, str]] = []  # (kind, old id, new id)
        self.revision = 0  # bumped by every change of the layer
        self._states: dict[str, dict[str, Staged]] = {kind: {} for kind in KIND_KEYS}
        self._lists: dict[str, list[Any] | None] = {kind: None for kind in KIND_KEYS}
        self._recent: dict[int, Staged] = {}  # staged by an entry_for_* call, by entry identity
        self._keys: dict[str, dict[Any, dict[str, None]]] = {}  # see _unique_index
        self.replace_layer(layer)

    # --- loading (app.domain.layer_loading) ---------------------------------------------------
    @L.collector_paused()
    def replace_layer(self, layer: dict[str, Any] | None, *, owned: bool = False) -> list[Rejected]:
        """Use ``layer`` (from disk, a backup, or empty). Entries that are malformed or whose merged
        record does not validate are left out and listed in ``rejected``. ``owned``: ``layer`` is
        handed over (just read, held nowhere else): used as it is, not copied, and changed."""
        return layer_loading.replace_layer(self, layer, owned)

    def _bundled_state(self, kind: str, record_id: str) -> Staged:
        raw = self._bundled[kind][record_id]
        record = self._bundled_parsed[kind].get(record_id)
        if record is None:
            record = kind_of(kind).parse(raw)
        return Staged(kind, record_id, None, raw, record)

    # --- reading --------------------------------------------------------------------------
    def records(self, kind: str) -> list[Any]:
        """The records of one kind, bundled order first, then the user's additions."""
        cached = self._lists[kind]
        if cached is None:
            states = self._states[kind]
            cached = self._lists[kind] = [states[i].record for i in self._order(kind)]
        return cached

    def record(self, kind: str, record_id: str) -> Any:
        state = self._states[kind].get(record_id)
        return None if state is None else state.record

    @property
    def dataset(self) -> Dataset:
        return Dataset(info=self.info, companies=self.records("companies"), elements=self.records("elements"),
                       editions=self.editions, reserves=self.records("reserves"))

    def edition(self, edition_id: str) -> Edition | None:
        return self._editions_by_id.get(edition_id)

    def _order(self, kind: str) -> list[str]:
        # The ids with a record: bundled order first, then the layer's own; filtered in C.
        states = self._states[kind]
        extra = filterfalse(self._bundled[kind].__contains__, self.layer["records"][kind])
        present = list(filter(states.__contains__, chain(self._bundled_order[kind], extra)))
        return list(compress(present, map(is_not, map(_RAW, map(states.__getitem__, present)), repeat(None))))

    def raw(self, kind: str, record_id: str) -> dict[str, Any] | None:
        state = self._states[kind].get(record_id)
        return copy.deepcopy(state.raw) if state is not None else None

    def bundled_raw(self, kind: str, record_id: str) -> dict[str, Any] | None:
        return copy.deepcopy(self._bundled[kind].get(record_id))

    def entry(self, kind: str, record_id: str) -> dict[str, Any] | None:
        return copy.deepcopy(self.layer["records"][kind].get(record_id))

    def edited_fields(self, kind: str, record_id: str) -> set[str]:
        state = self._states[kind].get(record_id)
        return set(state.edited) if state is not None else set()

    def is_edited(self, kind: str, record_id: str, name: str) -> bool:
        """Whether the user changed this field (no copy: the models ask for every painted cell)."""
        state = self._states[kind].get(record_id)
        return state is not None and name in state.edited

    def is_added(self, kind: str, record_id: str) -> bool:
        return "added" in self.layer["records"][kind].get(record_id, {})

    def is_orphaned(self, kind: str, record_id: str) -> bool:
        state = self._states[kind].get(record_id)
        return state is not None and state.orphaned

    def conflicts(self, kind: str | None = None, record_id: str | None = None) -> list[L.Conflict]:
        out = []
        for k in KIND_KEYS if kind is None else (kind,):
            # One record: a lookup, not a walk over every record.
            states = [self._states[k].get(record_id)] if record_id is not None else self._states[k].values()
            out.extend(c for state in states if state is not None for c in state.conflicts)
        return out

    def conflict(self, kind: str, record_id: str, name: str) -> L.Conflict | None:
        state = self._states[kind].get(record_id)
        return next((c for c in state.conflicts if c.field == name), None) if state is not None else None

    def label(self, kind: str, record_id: str) -> str:
        state = self._states[kind].get(record_id)
        raw = (state.raw if state is not None else None) or self._bundled[kind].get(record_id) or \
            (self.layer["records"][kind].get(record_id) or {}).get("snapshot") or {"id": record_id}
        return record_label(kind, raw, self._editions_by_id)

    def changes(self) -> list[Change]:
        """Every change the user made, field by field (see ``states.changes_of``)."""
        return changes_of(self, self._bundled)

    def change_count(self) -> int:
        return L.count_changes(self.layer)

    def layer_view(self) -> dict[str, Any]:
        """The user's layer as it is now, for storage to serialise. Read-only by contract:
        entries are replaced (``set_entry``), never edited in place, so a caller may cache
        per-entry encodings by object identity."""
        return self.layer

    @property
    def base_dataset_version(self) -> str:
        return str(self.layer.get("base_dataset_version") or "")

    def rebase(self, dataset_version: str) -> None:
        """Record that the layer now sits over ``dataset_version`` (after an upgrade merge)."""
        self.layer["base_dataset_version"] = dataset_version
        self.revision += 1

    # --- staging and applying ---------------------------------------------------------------
    def current(self, kind: str, record_id: str) -> Staged:
        """The record's state now (for an undo command to put back)."""
        state = self._states[kind].get(record_id)
        entry = self.layer["records"][kind].get(record_id)
        if state is None:
            return Staged(kind, record_id, entry, None, None)
        return state

    def stage(self, kind: str, record_id: str, entry: dict[str, Any] | None) -> Staged:
        """Validate ``entry`` as the record's new layer entry (EditError if it breaks a rule)."""
        remembered = self._recent.get(id(entry)) if entry is not None else None
        if remembered is not None and remembered.entry is entry and remembered.record_id == record_id:
            return remembered
        try:
            state = self._stage(kind, record_id, entry)
        except RecordError as exc:
            raise EditError(f"{field_words(kind, exc)}: {exc.rule}", exc.field) from None
        except _LOAD_ERRORS as exc:
            raise EditError(str(exc)) from None
        self._check_unique(state)
        if entry is not None:
            if len(self._recent) > 32:
                self._recent.clear()
            self._recent[id(entry)] = state
        return state

    def apply(self, state: Staged) -> None:
        """Put a staged state in place (the one primitive behind every edit, undo and redo)."""
        self._put(state)
        self._notify(state.kind, state.record_id)

    def apply_many(self, states: list[Staged]) -> None:
        """Put several staged states in place, then tell the listeners once: record by record for
        a few, else once per kind changed (``record_id`` None), so a large import or reset costs
        one refresh per view instead of one per record."""
        for state in states:
            self._put(state)
        if len(states) <= BATCH_NOTIFY_FROM:
            for state in states:
                self._notify(state.kind, state.record_id)
        else:
            for kind in dict.fromkeys(state.kind for state in states):
                self._notify(kind, None)

    def _put(self, state: Staged) -> None:
        kind, record_id = state.kind, state.record_id
        index = self._keys.get(kind)
        if index is not None:  # the unique-key index follows the change
            unique = kind_of(kind).unique
            old = self._states[kind].get(record_id)
            if old is not None and old.raw is not None and (key := unique(old.raw)) is not None:
                index.get(key, {}).pop(record_id, None)
            if state.raw is not None and (key := unique(state.raw)) is not None:
                index.setdefault(key, {})[record_id] = None
        entries = self.layer["records"][kind]
        if state.entry is None:
            entries.pop(record_id, None)
        else:
            entries[record_id] = state.entry
        if state.raw is None:
            self._states[kind].pop(record_id, None)
        else:
            self._states[kind][record_id] = state
        self._lists[kind] = None
        self._recent.pop(id(state.entry), None)
        self.revision += 1

    def set_entry(self, kind: str, record_id: str, entry: dict[str, Any] | None) -> None:
        """Put a layer entry in place: staged already by an ``entry_for_*`` call, or staged now."""
        remembered = self._recent.get(id(entry)) if entry is not None else None
        if remembered is not None and remembered.entry is entry and remembered.record_id == record_id:
            self.apply(remembered)
        else:
            self.apply(self._stage(kind, record_id, copy.deepcopy(entry)))

    def _stage(self, kind: str, record_id: str, entry: dict[str, Any] | None) -> Staged:
        if entry is not None:
            L.validate_entry(entry, f"{kind}.{record_id}")
        bundled = self._bundled[kind].get(record_id)
        if entry is None and bundled is not None:
            return self._bundled_state(kind, record_id)
        raw, edited, conflicts, orphaned = L.merged(bundled, entry, kind)
        if raw is None:
            return Staged(kind, record_id, entry, None, None)
        record = kind_of(kind).parse(raw)
        if kind == "reserves" and record.edition not in self._editions_by_id:
            raise RecordError(record_id, "edition", f"unknown source {record.edition!r}")
        return staged(kind, record_id, entry, raw, record, frozenset(edited), tuple(conflicts), orphaned)

    def _check_unique(self, state: Staged) -> None:
        kind = kind_of(state.kind)
        key = kind.unique(state.raw) if state.raw is not None else None
        if key is None:
            return
        for other_id in self._unique_index(state.kind).get(key, ()):
            other = self._states[state.kind].get(other_id)
            if other_id != state.record_id and other is not None and other.raw is not None:
                raise EditError(f"{kind.unique_what.capitalize()}: already used by "
                                f"{record_label(state.kind, other.raw, self._editions_by_id)}")

    def _unique_index(self, kind: str) -> dict[Any, dict[str, None]]:
        """Each unique key of a kind's records, and the records that have it: kept up to date by
        ``_put``, made again after a whole layer is read (layer_loading clears it). Checking a row
        against every record instead made an import of 5,000 rows into 25,000 take minutes."""
        index = self._keys.get(kind)
        if index is None:
            unique, index = kind_of(kind).unique, {}
            for record_id, state in self._states[kind].items():
                if state.raw is not None and (key := unique(state.raw)) is not None:
                    index.setdefault(key, {})[record_id] = None
            self._keys[kind] = index
        return index

    # --- the edits (each returns the new layer entry, staged and validated) -------------------
    def parse_input(self, kind: str, name: str, value: Any) -> Any:
        """A typed value (text or JSON) for one field, parsed to its JSON form, or EditError."""
        try:
            return to_json_value(kind_of(kind).field(name).parse(value))
        except FieldError as exc:
            raise EditError(str(exc), name) from None

    def _staged_entry(self, kind: str, record_id: str, entry: dict[str, Any] | None) -> dict[str, Any] | None:
        return self.stage(kind, record_id, entry).entry

    def entry_for_field(self, kind: str, record_id: str, name: str, value: Any) -> dict[str, Any] | None:
        """The layer entry that sets one field (validated; nothing changes yet)."""
        if record_id not in self._states[kind] or self._states[kind][record_id].raw is None:
            raise EditError(f"{kind} has no record {record_id!r}")
        new = L.entry_with_field(self.entry(kind, record_id), self._bundled[kind].get(record_id), name,
                                 to_json_value(value))
        try:
            return self._staged_entry(kind, record_id, new)
        except EditError as exc:
            raise about_edited_field(kind, self._states[kind][record_id].raw or {}, name, exc) from None

    def entry_without_field(self, kind: str, record_id: str, name: str) -> dict[str, Any] | None:
        new = L.entry_without_field(self.entry(kind, record_id), self._bundled[kind].get(record_id), name)
        return self._staged_entry(kind, record_id, new)

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
            current = self._states[kind][record_id].raw or {}
            for name in sorted(set(raw) | set(current)):
                if name != "id" and raw.get(name) != current.get(name):
                    new = L.entry_with_field(new, bundled, name, raw.get(name))
        return self._staged_entry(kind, record_id, new)

    def new_record_id(self, kind: str, raw: dict[str, Any]) -> str:
        entries = self.layer["records"][kind]
        return kind_of(kind).new_id(raw, lambda i: i in self._states[kind] or i in self._bundled[kind]
                                    or i in entries)

    def entry_for_new(self, kind: str, raw: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        raw = copy.deepcopy(raw)
        raw["id"] = raw.get("id") or self.new_record_id(kind, raw)
        if raw["id"] in self._states[kind] or raw["id"] in self._bundled[kind]:
            raise EditError(f"id: {raw['id']!r} is already used")
        entry = self._staged_entry(kind, raw["id"], L.added_entry(raw))
        assert entry is not None
        return raw["id"], entry

    def entry_for_revert(self, kind: str, record_id: str) -> None:
        """Reverting a whole record to its bundled version: the entry goes (None), once the
        bundled version is known to fit among the other records (e.g. no symbol clash)."""
        if self.is_added(kind, record_id):
            raise EditError("a record you added has no bundled version; delete it instead")
        self.stage(kind, record_id, None)
        return None

    def entry_for_delete(self, kind: str, record_id: str) -> dict[str, Any] | None:
        new = L.deleted_entry(self._bundled[kind].get(record_id), self.entry(kind, record_id))
        return self._staged_entry(kind, record_id, new)

    def entry_keep_mine(self, kind: str, record_id: str, name: str) -> dict[str, Any]:
        new = L.entry_keep_mine(self.entry(kind, record_id) or {}, self._bundled[kind][record_id], name)
        return self._staged_entry(kind, record_id, new)  # type: ignore[return-value]

    def _notify(self, kind: str, record_id: str | None) -> None:
        for listener in list(self.listeners):
            listener(kind, record_id)

    def rebase_onto(self, info: DatasetInfo, bundled_raw: dict[str, list[dict[str, Any]]], editions: list[Edition],
                    bundled_records: dict[str, list[Any]] | None = None,
                    layer: dict[str, Any] | None = None) -> list[Rejected]:
        """Put another bundled dataset under the user's layer (``layer``, or the one in use) and
        merge it as an app upgrade does (layers.merge_record, field by field); the layer then
        sits over ``info.dataset_version``. Returns the entries left out (as replace_layer)."""
        fresh = Workspace(info, bundled_raw, editions, bundled_records=bundled_records)
        self.info, self.editions, self._editions_by_id = info, fresh.editions, fresh._editions_by_id
        self._bundled, self._bundled_order = fresh._bundled, fresh._bundled_order
        self._bundled_parsed = fresh._bundled_parsed
        rejected = self.replace_layer(self.layer if layer is None else layer)
        self.layer["base_dataset_version"] = info.dataset_version
        return rejected
