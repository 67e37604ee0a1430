"""Opening a whole user layer in a Workspace (``Workspace.replace_layer``): every entry staged
and checked as an edit is (merged, parsed, its record's rules and the uniqueness rules), the
ones that break a rule left out with the reason (``Workspace.rejected``), and user-added ids a
newer bundle took renamed (``Workspace.renamed``). Kept apart from the workspace's edits so
the start-up path can be read (and made quick) on its own. No Qt, no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain import layers as L
from app.domain.fields import FieldError
from app.domain.kinds import KIND_KEYS, kind_of
from app.domain.records import RecordError
from app.domain.states import Rejected

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
    rename_colliding_additions(ws)
    for kind in KIND_KEYS:
        states = ws._states[kind]
        states.clear()
        ws._lists[kind] = None
        for record_id in ws._bundled_order[kind]:
            if record_id not in records[kind]:
                states[record_id] = ws._bundled_state(kind, record_id)
        for record_id in list(records[kind]):
            try:
                state = ws._stage(kind, record_id, records[kind][record_id])
            except LOAD_ERRORS as exc:
                ws.rejected.append(Rejected(kind, record_id, str(exc)))
                records[kind].pop(record_id)
                if record_id in ws._bundled[kind]:
                    states[record_id] = ws._bundled_state(kind, record_id)
                continue
            states[record_id] = state
    check_unique_all(ws)
    ws.revision += 1
    ws._notify("", None)
    return ws.rejected


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
        unique = kind_of(kind).unique
        seen: dict[Any, str] = {}
        for record_id in ws._order(kind):
            key = unique(ws._states[kind][record_id].raw)
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
