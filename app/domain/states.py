"""The small values the Workspace hands out: a record's staged state, a change the user made,
a record left out on load with the reason, and an edit refused (with its message in the words
the user sees: labels, and the field the user edited)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain import layers as L
from app.domain.kinds import kind_of
from app.domain.records import RecordError


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


@dataclass(frozen=True)
class Staged:
    """One record's state in full: its layer entry and what merging and parsing it gave."""

    kind: str
    record_id: str
    entry: dict[str, Any] | None  # owned by the workspace once applied: never edited in place
    raw: dict[str, Any] | None  # the merged JSON record (None: deleted or absent)
    record: Any  # the parsed domain record (None with raw)
    edited: frozenset[str] = frozenset()
    conflicts: tuple[L.Conflict, ...] = ()
    orphaned: bool = False


_new = object.__new__


def staged(kind: str, record_id: str, entry: dict[str, Any] | None, raw: dict[str, Any] | None, record: Any,
           edited: frozenset[str] = frozenset(), conflicts: tuple[L.Conflict, ...] = (),
           orphaned: bool = False) -> Staged:
    """``Staged(...)`` without the frozen dataclass's __init__, which sets its eight fields one
    ``object.__setattr__`` call at a time: a fifth of the time, for the state of every record of
    a layer at start."""
    state = _new(Staged)
    state.__dict__.update(kind=kind, record_id=record_id, entry=entry, raw=raw, record=record, edited=edited,
                          conflicts=conflicts, orphaned=orphaned)
    return state


class EditError(ValueError):
    """An edit refused by validation; the message names the field (as the user sees it) and the rule."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field  # the field the rule is about (its key), when one is


def field_words(kind: str, exc: RecordError) -> str:
    """The field a refusal is about, as the user sees it (its label, not its key)."""
    if exc.label:
        return exc.label
    name = exc.field.split(".")[0].split("[")[0]
    if exc.field == name and kind_of(kind).has_field(name):
        return kind_of(kind).field_label(name)
    return exc.field


def about_edited_field(kind: str, raw: dict[str, Any], name: str, exc: EditError) -> EditError:
    """A date-order rule broken by editing the first date of a pair is told in terms of the field
    the user edited ("Listed: must not be after ..."), not of the other one."""
    info = kind_of(kind)
    for issued, effective in info.date_pairs:
        if name == issued and exc.field == effective:
            return EditError(f"{info.field_label(issued)}: must not be after the date it took effect "
                             f"({info.field_label(effective)}: {raw.get(effective)})", issued)
    return exc


def changes_of(workspace, bundled: dict[str, dict[str, dict[str, Any]]]) -> list[Change]:
    """Every change in ``workspace``'s layer: records added or deleted, and each edited field with
    its bundled value, the user's value, its conflict and whether the record left the bundle."""
    out: list[Change] = []
    for kind, entries in workspace.layer_view()["records"].items():
        for record_id, entry in entries.items():
            label = workspace.label(kind, record_id)
            if "added" in entry:
                out.append(Change(kind, record_id, label, "", "added", None, entry["added"]))
            elif entry.get("deleted"):
                out.append(Change(kind, record_id, label, "", "deleted", entry.get("snapshot"), None))
            else:
                base = bundled[kind].get(record_id) or entry.get("snapshot") or {}
                for name, mine in entry.get("fields", {}).items():
                    out.append(Change(kind, record_id, label, name, "edited", base.get(name), mine,
                                      workspace.conflict(kind, record_id, name),
                                      workspace.is_orphaned(kind, record_id)))
    return out


def record_label(kind: str, raw: dict[str, Any], editions: dict[str, Any] | None = None) -> str:
    """A record as the user knows it ("Gallium (Ga)", "Brazil (USGS MCS 2025)")."""
    return kind_of(kind).describe(raw, editions or {})
