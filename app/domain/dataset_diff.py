"""What a dataset update changes, and how it meets the user's own edits. Pure: no I/O, no Qt.

- ``version_key`` / ``compare_versions``: dataset versions are dotted numbers ("2026.12.1"),
  compared number by number, a missing part counting as 0 ("2026.12" == "2026.12.0").
- ``diff_datasets``: the records an update adds, changes (field by field) and removes,
  between the bundled raw records of two versions; the sources of reserve figures too.
- ``preview_update``: the same diff seen from the user's data: for each changed field, the
  user's own value if they edited it and whether it conflicts; records the user edited that
  the update removes; what the three-way merge (the one an app upgrade uses) would keep,
  rename or leave out. It merges into a throwaway Workspace, so what it says is what applying
  the update does.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from typing import Any

from app.domain.kinds import KIND_KEYS, kind_of
from app.domain.model import DatasetInfo, Edition
from app.domain.states import Rejected
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.workspace import Workspace

SOURCES = "sources"  # the "kind" of a source of reserve figures (an edition) in a diff
_VERSION = re.compile(r"\d{1,9}(?:\.\d{1,9}){0,7}")
_NO_VALUE = object()


def version_key(text: str) -> tuple[int, ...]:
    """``"2026.12.1"`` -> ``(2026, 12, 1)``, trailing zeros dropped so that "2026.12" and
    "2026.12.0" are the same version. ValueError for anything but dotted numbers."""
    if not isinstance(text, str) or not _VERSION.fullmatch(text):
        raise ValueError(f"dataset_version {text!r} is not dotted numbers such as 2026.12.1")
    parts = [int(p) for p in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as version ``a`` is older than, the same as, or newer than ``b``."""
    ka, kb = version_key(a), version_key(b)
    return (ka > kb) - (ka < kb)


def value_text(value: Any, spec_type: str = "", limit: int = 160) -> str:
    """A raw JSON value as a short text for a person (tons with separators, NA for none)."""
    if value is _NO_VALUE:
        return "(not there)"
    if value is None:
        return "NA" if spec_type == "tons" else "(none)"
    if spec_type == "tons" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,} t"
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = text if text != "" else "(empty)"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _spec_type(kind: str, name: str) -> str:
    if kind == SOURCES or not kind_of(kind).has_field(name):
        return ""
    return kind_of(kind).field(name).type


def field_label(kind: str, name: str) -> str:
    if kind == SOURCES:
        return name.replace("_", " ").capitalize()
    return kind_of(kind).field_label(name).split(" (one per line")[0]  # the form's typing hint is not a name


def _item_text(item: Any) -> str:
    if isinstance(item, dict) and isinstance(item.get("title"), str):
        return item["title"]  # a source
    return value_text(item, limit=80)


def kind_label(kind: str) -> str:
    return QT_TRANSLATE_NOOP("", "Reserve source") if kind == SOURCES else kind_of(kind).label


def _list_change(before: list, after: list) -> str:
    """Items of a list field that came, went or changed: by ``id`` when the items have one
    (timeline events), else by equality (sources, shares)."""
    def keyed(items: list) -> dict | None:
        if all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items):
            out = {i["id"]: i for i in items}
            return out if len(out) == len(items) else None
        return None

    old, new = keyed(before), keyed(after)
    parts = []
    if old is not None and new is not None:
        for item_id in new.keys() - old.keys():
            parts.append(f"added {item_id}")
        for item_id in old.keys() - new.keys():
            parts.append(f"removed {item_id}")
        for item_id in sorted(old.keys() & new.keys()):
            if old[item_id] != new[item_id]:
                names = sorted(k for k in old[item_id].keys() | new[item_id].keys()
                               if old[item_id].get(k, _NO_VALUE) != new[item_id].get(k, _NO_VALUE))
                parts.append(f"{item_id}: " + "; ".join(
                    f"{k} {value_text(old[item_id].get(k, _NO_VALUE), limit=60)} → "
                    f"{value_text(new[item_id].get(k, _NO_VALUE), limit=60)}" for k in names))
        return ", ".join(parts)
    gone = [_item_text(i) for i in before if i not in after]
    came = [_item_text(i) for i in after if i not in before]
    if came:
        parts.append(f"added {len(came)}: " + " | ".join(came))
    if gone:
        parts.append(f"removed {len(gone)}: " + " | ".join(gone))
    return ", ".join(parts) or "reordered"


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any  # raw JSON value (_NO_VALUE-free: a field not there is None)
    after: Any

    def text(self, kind: str) -> str:
        """"Reserves: 21,000,000 t → 22,000,000 t"; lists say which items changed."""
        label = field_label(kind, self.field)
        if isinstance(self.before, list) and isinstance(self.after, list):
            return f"{label}: {_list_change(self.before, self.after)}"
        kind_type = _spec_type(kind, self.field)
        return f"{label}: {value_text(self.before, kind_type)} → {value_text(self.after, kind_type)}"


@dataclass(frozen=True)
class RecordChange:
    kind: str  # a record kind, or SOURCES
    record_id: str
    label: str  # the record as the user knows it
    action: str  # "added" | "changed" | "removed"
    fields: tuple[FieldChange, ...] = ()


@dataclass
class DatasetDiff:
    old: DatasetInfo
    new: DatasetInfo
    records: list[RecordChange] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for r in self.records if r.action == action)

    @property
    def field_count(self) -> int:
        return sum(len(r.fields) for r in self.records)

    def summary(self) -> str:
        changed = self.count("changed")
        return (f"{self.count('added')} added, {changed} changed ({self.field_count} "
                f"field{'s' * (self.field_count != 1)}), {self.count('removed')} removed")


def _edition_raw(edition: Edition) -> dict[str, Any]:
    return dataclasses.asdict(edition)


def _fields(before: dict[str, Any], after: dict[str, Any]) -> tuple[FieldChange, ...]:
    names = sorted((before.keys() | after.keys()) - {"id"})
    return tuple(FieldChange(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n))


def _diff_kind(kind: str, old: list[dict[str, Any]], new: list[dict[str, Any]], describe_new,
               describe_old) -> list[RecordChange]:
    old_by = {r["id"]: r for r in old}
    new_ids = {r["id"] for r in new}
    out = []
    for raw in new:
        before = old_by.get(raw["id"])
        if before is None:
            out.append(RecordChange(kind, raw["id"], describe_new(raw), "added"))
        elif before != raw:
            out.append(RecordChange(kind, raw["id"], describe_new(raw), "changed", _fields(before, raw)))
    out.extend(RecordChange(kind, raw["id"], describe_old(raw), "removed") for raw in old if raw["id"] not in new_ids)
    return out


def _source_label(raw: dict[str, Any]) -> str:
    return f"{raw.get('short')} ({raw.get('published')})"


def diff_datasets(old_info: DatasetInfo, old_raw: dict[str, list[dict[str, Any]]], old_editions: list[Edition],
                  new_info: DatasetInfo, new_raw: dict[str, list[dict[str, Any]]],
                  new_editions: list[Edition]) -> DatasetDiff:
    """Record by record, in the order of the new data (then what it removed), kind by kind,
    followed by the sources of reserve figures."""
    diff = DatasetDiff(old_info, new_info)
    old_eds = {e.id: e for e in old_editions}
    new_eds = {e.id: e for e in new_editions}
    for kind in KIND_KEYS:
        describe = kind_of(kind).describe
        diff.records += _diff_kind(kind, old_raw.get(kind, []), new_raw.get(kind, []),
                                   lambda raw, d=describe: d(raw, new_eds), lambda raw, d=describe: d(raw, old_eds))
    diff.records += _diff_kind(SOURCES, [_edition_raw(e) for e in old_editions],
                               [_edition_raw(e) for e in new_editions], _source_label, _source_label)
    return diff


@dataclass(frozen=True)
class PreviewRow:
    """One line of what an update would do: a record added or removed, or one changed field,
    with what the user's own data says about it."""

    kind: str
    record_id: str
    label: str
    action: str  # "added" | "changed" | "removed"
    field: str  # "" for a whole record
    what: str  # "Reserves: 21,000,000 t → 22,000,000 t", or "" for a whole record
    yours: str = ""  # the user's side: "" when they did not touch it
    conflict: bool = False


@dataclass
class UpdatePreview:
    diff: DatasetDiff
    rows: list[PreviewRow]
    conflicts: int  # fields the user changed that the update changes differently (shown until resolved)
    kept: int  # the user's changed records, kept
    renamed: list[tuple[str, str, str]]  # records the user added whose id the update now uses
    left_out: list[Rejected]  # entries that would no longer fit (kept only in the backup made first)
    orphaned: int  # records the user edited that the update removes (kept from their snapshot)

    def summary(self) -> str:
        text = f"{self.diff.summary()}; {self.kept} of your changed records kept"
        if self.conflicts:
            text += f", {self.conflicts} field{'s' * (self.conflicts != 1)} in conflict with the update"
        if self.left_out:
            text += f", {len(self.left_out)} left out"
        return text


def _yours(workspace: Workspace, change: RecordChange, name: str, conflicted: set) -> tuple[str, bool]:
    if change.kind == SOURCES:
        return "", False
    entry = workspace.entry(change.kind, change.record_id)
    if not entry:
        return "", False
    if "added" in entry:
        return "you added a record with this id: yours is kept under a new id", False
    if entry.get("deleted"):
        return "you deleted it: it stays deleted", False
    if change.action == "removed":
        return "you edited it: kept as yours, marked no longer bundled", False
    fields = entry.get("fields", {})
    if name not in fields:
        return "", False
    mine = value_text(fields[name], _spec_type(change.kind, name))
    if (change.kind, change.record_id, name) in conflicted:
        return f"yours: {mine} (kept; in conflict until you resolve it)", True
    return f"yours: {mine} (kept; no conflict)", False


def preview_update(workspace: Workspace, old_raw: dict[str, list[dict[str, Any]]], info: DatasetInfo,
                   raw: dict[str, list[dict[str, Any]]], editions: list[Edition],
                   records: dict[str, list[Any]] | None = None) -> UpdatePreview:
    """What putting dataset (``info``, ``raw``, ``editions``) under ``workspace``'s layer would
    change, without changing anything. ``old_raw``: the raw records of the dataset in use (the
    workspace's base)."""
    diff = diff_datasets(workspace.info, old_raw, workspace.editions, info, raw, editions)
    # The merge itself, into a throwaway workspace: what it keeps, flags, renames or leaves out.
    trial = Workspace(info, raw, editions, workspace.layer_view(), bundled_records=records)
    now = {(c.kind, c.record_id, c.field, repr(c.bundled)) for c in workspace.conflicts()}
    new_conflicts = [c for c in trial.conflicts() if (c.kind, c.record_id, c.field, repr(c.bundled)) not in now]
    conflicted = {(c.kind, c.record_id, c.field) for c in new_conflicts}
    rows: list[PreviewRow] = []
    for change in diff.records:
        for fc in change.fields if change.action == "changed" else (None,):
            yours, conflict = _yours(workspace, change, fc.field if fc else "", conflicted)
            rows.append(PreviewRow(change.kind, change.record_id, change.label, change.action,
                                   fc.field if fc else "", fc.text(change.kind) if fc else "", yours, conflict))
    orphaned = sum(1 for k in KIND_KEYS for i in trial.layer["records"][k]
                   if trial.is_orphaned(k, i) and not workspace.is_orphaned(k, i))
    return UpdatePreview(diff, rows, conflicts=len(new_conflicts), kept=trial.change_count(),
                         renamed=list(trial.renamed), left_out=list(trial.rejected), orphaned=orphaned)
