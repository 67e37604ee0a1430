"""When the user made each of their changes, worked out from what the data folder already
keeps: the journal (a UTC time on every committed edit since the newest backup) and the
backups (each a whole copy of the user's layer at a known time). The layer itself has no
times, and none is added to it.

A change's time is exact when the journal line that gave the field its present value is
there; otherwise it lies between the saves of the newest backup without that value and of the
oldest one (in an unbroken run up to now) with it, or before the oldest backup that has it. A
backup is dated by its content's "saved_at" (the data was so then), not by when it was copied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.states import Change
from app.storage.clock import as_utc, utc_now
from app.storage.journal import data_of
from app.storage.safe_open import read_regular
from app.storage.strict_json import MAX_DOCUMENT_BYTES

_MISSING = object()
_SAVED_AT = re.compile(rb'"saved_at":\s*"([0-9TZ:-]{20})"')
MAX_BACKUPS_READ = 60  # the thinned backups of half a year are fewer; beyond this, "before"


@dataclass(frozen=True)
class EditTime:
    at: datetime | None = None  # exact (from the journal)
    after: datetime | None = None  # a lower bound (a backup without the change)
    before: datetime | None = None  # an upper bound (the oldest state known to have it)

    def text(self) -> str:
        if self.at is not None:
            return _fmt(self.at)
        if self.after is not None and self.before is not None:
            return f"between {_fmt(self.after)} and {_fmt(self.before)}"
        if self.before is not None:
            return f"on or before {_fmt(self.before)}"
        return "not known"


def _fmt(when: datetime) -> str:
    return as_utc(when).strftime("%Y-%m-%d %H:%M UTC")


def _parse_at(text: Any) -> datetime | None:
    try:
        return datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _value(layer: dict[str, Any] | None, kind: str, record_id: str, name: str) -> Any:
    """The part of a layer a change is about: a field's value, or the whole entry."""
    entry = ((layer or {}).get("records", {}).get(kind) or {}).get(record_id)
    if not isinstance(entry, dict):
        return _MISSING
    if not name:
        return entry
    fields = entry.get("fields")
    return fields.get(name, _MISSING) if isinstance(fields, dict) else _MISSING


def _journal_states(userdata, base: dict[str, Any] | None, since: datetime | None
                    ) -> list[tuple[datetime, bool, dict[str, Any]]]:
    """(time, exact, layer after the line) for each edit line of the journal made since the
    newest backup (``since``), replayed over that backup's layer ``base``, oldest first."""
    from app.storage.userdata import apply_change

    journal = getattr(userdata.store, "journal", None)
    try:
        contents = journal.read() if journal is not None else None
    except Exception:  # noqa: BLE001 - a journal that cannot be read only costs the exact times
        return []
    if contents is None:
        return []
    layer: dict[str, Any] = _copy(base) if base else {"records": {}}
    states = []
    for edit in contents.edits_after(-1):
        at = _parse_at(edit.get("at"))
        if at is None or (since is not None and at < since):
            continue
        if edit.get("op") == "data":
            whole = data_of(edit)
            if not isinstance(whole, dict):
                continue
            layer, exact = _copy(whole), False
        else:
            try:
                for change in edit.get("changes") or []:
                    apply_change(layer, change)
            except ValueError:
                continue
            exact = True
        states.append((at, exact, layer))
        layer = _copy(layer)
    return states


def _copy(layer: dict[str, Any]) -> dict[str, Any]:
    # Entries are replaced, never edited in place, by apply_change: a copy of the two dict levels is enough.
    return {**layer, "records": {k: dict(v) for k, v in (layer.get("records") or {}).items()
                                 if isinstance(v, dict)}}


def edit_times(userdata, changes: Iterable[Change], *, now: datetime | None = None) -> dict[tuple, EditTime]:
    """The time of each change, keyed by (kind, record id, field)."""
    wanted = {(c.kind, c.record_id, c.field) for c in changes}
    current = userdata.workspace.layer_view()
    present = {key: _value(current, *key) for key in wanted}
    backups = userdata.backups()
    newest = _read(userdata, backups[0]) if backups else None
    newest_at = _saved_at(backups[0]) if backups else None
    # Newest first: the layer now, each journal line's layer, then the backups.
    states: list[tuple[datetime, bool, dict[str, Any] | None]] = [(as_utc(now or utc_now()), False, current)]
    if newest is not None or not backups:  # the journal is replayed over the newest backup, or from nothing
        states += reversed(_journal_states(userdata, newest, newest_at))
    out: dict[tuple, EditTime] = {}
    pending = set(wanted)
    newer: dict[tuple, tuple[datetime, bool]] = {}

    def visit(when: datetime, exact: bool, layer: dict[str, Any] | None) -> None:
        for key in list(pending):
            if _value(layer, *key) == present[key]:
                newer[key] = (when, exact)
                continue
            pending.discard(key)
            when_had, exact_had = newer.get(key, (None, False))
            out[key] = EditTime(at=when_had) if exact_had else EditTime(after=when, before=when_had)

    for when, exact, layer in states:
        visit(when, exact, layer)
    for entry in backups[:MAX_BACKUPS_READ]:
        if not pending:
            break
        layer = newest if entry is backups[0] else _read(userdata, entry)
        if layer is not None:
            visit(newest_at if entry is backups[0] else _saved_at(entry), False, layer)
    for key in pending:
        when_had, exact_had = newer.get(key, (None, False))
        out[key] = EditTime(at=when_had) if exact_had else EditTime(before=when_had)
    return out


def _saved_at(entry) -> datetime:
    """When a backup's content was saved (its "saved_at"): the data was like that then, and until
    the backup was taken only the journal holds later edits. The backup's own time if unknown."""
    try:
        raw = read_regular(entry.path, MAX_DOCUMENT_BYTES + 1) or b""
    except OSError:
        raw = b""
    # The last "saved_at" key: sorted after "data", and a quote inside a string is escaped, so
    # text in the user's notes cannot match it.
    found = _SAVED_AT.findall(raw[-4096:]) or _SAVED_AT.findall(raw)
    when = _parse_at(found[-1].decode("ascii", "replace")) if found else None
    return when if when is not None and when <= as_utc(entry.when) else as_utc(entry.when)


def _read(userdata, entry) -> dict[str, Any] | None:
    try:
        data, _dropped = userdata.store.read_backup(entry)
    except Exception:  # noqa: BLE001 - an unusable backup only narrows nothing
        return None
    return data if isinstance(data, dict) else None
