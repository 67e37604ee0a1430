"""What importing a table of records would do, worked out before anything changes. No Qt.

Each column of the file is mapped to a target: a field of the kind (by its name, its label or
the ``--export`` column name), the record ``id``, or nothing. ``auto_mapping`` proposes one and
the user may change it. ``plan_import`` then takes every row to one of: a record to add, a
record to change (with each field's before and after), an unchanged record, or problems (row
and field, by the field's label). The plan's layer entries were staged and validated by the
Workspace, so applying them (one undoable command) cannot fail halfway; with any problem the
plan applies nothing.

A row is matched to a record by its id when the file has one the data knows; otherwise by the
kind's key: the symbol for elements, the country and source for reserves, the name for
companies (case and spacing ignored). An empty cell in a mapped column means an empty field:
the file says so; columns the file does not have leave fields as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from app.domain import fields as F
from app.domain.kinds import Kind, kind_of
from app.domain.model import CATEGORY_LABELS
from app.domain.records import RecordError, parse_source
from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.domain.workspace import EditError, Workspace
from app.storage.record_import import SourceTable
from app.storage.strict_json import json_dumps_bytes

ID = "id"
SOURCES = "sources"
_SOURCE_PIECE = re.compile(r"\s*(?P<title>.*?)(?: <(?P<url>[^<>]*)>)? \[(?P<conf>HIGH|MED|LOW|UNCONFIRMED)\]"
                           r"(?: \| |\s*$)", re.DOTALL)
_TRUE, _FALSE = {"yes", "true", "1", "y"}, {"no", "false", "0", "n", "unconfirmed", ""}
# --export column names that are a field under another name.
_ALIASES = {"group": "category", "source_id": "edition", "source": "edition", "z": "atomic_number"}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class RowChange:
    where: str  # "Row 4"
    action: str  # "add" or "change"
    record_id: str
    label: str  # the record as the user knows it
    fields: tuple[FieldChange, ...]
    entry: dict[str, Any] | None  # the record's new layer entry (None: back to the bundled record)
    raw: dict[str, Any]  # the record as it would be


@dataclass
class ImportPlan:
    kind: str
    changes: list[RowChange] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # columns not imported

    @property
    def added(self) -> int:
        return sum(1 for c in self.changes if c.action == "add")

    @property
    def changed(self) -> int:
        return sum(1 for c in self.changes if c.action == "change")

    @property
    def can_apply(self) -> bool:
        return not self.problems and bool(self.changes)

    def entries(self) -> list[tuple[str, str, dict[str, Any]]]:
        return [(self.kind, c.record_id, c.entry) for c in self.changes]

    def summary(self) -> str:
        text = (f"{self.added} record{'s' if self.added != 1 else ''} to add, {self.changed} to change, "
                f"{self.unchanged} unchanged")
        if self.problems:
            text += f"; {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}: nothing is imported " \
                    "until each is fixed"
        elif not self.changes:
            text += ": nothing to import"
        return text


def targets(kind: Kind) -> list[tuple[str, str]]:
    """(target, label) a column can be mapped to: the id, the kind's fields, its sources."""
    out = [(ID, "Id")] + [(spec.name, spec.label) for spec in kind.fields]
    if kind.has_field(SOURCES):
        out.append((SOURCES, "Sources"))
    return out


def _norm(text: str) -> str:
    text = re.sub(r"\(.*?\)", " ", str(text).casefold())
    return " ".join(re.sub(r"[_\-]+", " ", text).split())


def auto_mapping(table: SourceTable, kind: Kind) -> list[str]:
    """The target of each column ("" for none): by field name, label or --export column name."""
    known: dict[str, str] = {}
    for target, label in targets(kind):
        known.setdefault(_norm(target), target)
        known.setdefault(_norm(label), target)
    for alias, target in _ALIASES.items():
        if kind.has_field(target):
            known.setdefault(_norm(alias), target)
    # The --export file has both "source" (the short name) and "source_id": the id is exact.
    order = sorted(range(len(table.header)), key=lambda i: table.header[i] != "source_id")
    out, used = [""] * len(table.header), set()
    for index in order:
        target = known.get(_norm(table.header[index]), "")
        if target and target not in used:
            out[index] = target
            used.add(target)
    return out


def guess_kind(table: SourceTable) -> str | None:
    """The kind a table holds: what the file says, else the kind most of its columns fit."""
    if table.kind:
        return table.kind
    scores = {key: sum(1 for t in auto_mapping(table, kind_of(key)) if t not in ("", ID, "name", "announcement"))
              for key in ("companies", "elements", "reserves")}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] and list(scores.values()).count(scores[best]) == 1 else None


def _sources(value: Any, label: str) -> list[dict[str, str]]:
    """Sources from a JSON list, the --export layout (``title <url> [CONFIDENCE] | ...``) or the
    record form's (one a line: ``title | URL | confidence``)."""
    try:
        if isinstance(value, list):
            return [_plain_source(parse_source(item, "?")) for item in value]
        text = "" if value is None else str(value).strip()
        pieces, position = [], 0
        while position < len(text):
            match = _SOURCE_PIECE.match(text, position)
            if match is None or match.end() == position:
                break
            pieces.append({"title": match["title"].strip(), "url": match["url"] or "", "confidence": match["conf"]})
            position = match.end()
        if position >= len(text):
            return [_plain_source(parse_source(p, "?")) for p in pieces]
        return kind_of("companies").field(SOURCES).parse(text)
    except RecordError as exc:
        raise F.FieldError(SOURCES, f"{exc.field}: {exc.rule}", label=label) from None


def _plain_source(source: Any) -> dict[str, str]:
    return {"title": source.title, "url": source.url, "confidence": source.confidence}


def _sources_text(sources: Any) -> str:
    return "; ".join(f"{s.get('title', '')} [{s.get('confidence', 'MED')}]" for s in sources or ()) or "(none)"


class _Converter:
    """Cells of one kind to field values (JSON form), with the workspace's editions known."""

    def __init__(self, workspace: Workspace, kind: Kind) -> None:
        self.kind = kind
        self.editions: dict[str, str] = {}
        self.shorts = {e.id: e.short for e in workspace.editions}
        for e in workspace.editions:
            for name in (e.id, e.short, e.title):
                self.editions.setdefault(name.casefold(), e.id)
        self.categories = {k.casefold(): k for k in CATEGORY_LABELS} | \
            {v.casefold(): k for k, v in CATEGORY_LABELS.items()}

    def value(self, target: str, cell: Any) -> Any:
        """The JSON value of a cell for ``target`` (FieldError naming the field by its label)."""
        spec = self.kind.field(target)
        if target == SOURCES:
            return _sources(cell, spec.label)
        if isinstance(cell, str):
            cell = cell.strip()
            if target == "category":
                cell = self.categories.get(cell.casefold(), cell)
            elif target == "edition" and cell:
                if cell.casefold() not in self.editions:
                    raise F.FieldError(target, "no source of that name (known: " + ", ".join(self.shorts.values())
                                       + ")", cell, label=spec.label)
                cell = self.editions[cell.casefold()]
            elif spec.type == "bool":
                if cell.casefold() not in _TRUE | _FALSE:
                    raise F.FieldError(target, "must be yes or no", cell, label=spec.label)
                cell = cell.casefold() in _TRUE
        elif cell is None and spec.type == "bool":
            cell = False
        return F.to_json_value(spec.parse(cell))

    @staticmethod
    def of(record: Any, target: str) -> Any:
        """A record's value of ``target`` in JSON form (with the defaults parsing gave it)."""
        if target == SOURCES:
            return [_plain_source(s) for s in record.sources]
        return F.to_json_value(getattr(record, target))

    def text(self, target: str, value: Any) -> str:
        if target == SOURCES:
            return _sources_text(value)
        if value in (None, "", []):
            return "(empty)"
        if target == "edition":
            return self.shorts.get(value, value)
        if self.kind.field(target).type == "tons":
            return f"{value:,} t"
        return self.kind.field(target).to_text(value)


def _key(kind: Kind, raw: dict[str, Any]) -> Any:
    if kind.key == "companies":
        return ("name", " ".join(str(raw.get("name") or "").casefold().split()))
    key = kind.unique(raw)
    return key if key is None or kind.key != "elements" else (key[0], str(key[1] or ""))


def _new_raw(kind: Kind, on: dt.date) -> dict[str, Any]:
    """A new record's starting values: the kind's defaults, except dates and numbers, which an
    import never invents (a missing one is reported as missing)."""
    raw = kind.defaults(on, {})
    for spec in kind.fields:
        if spec.type in ("date", "int", "tons") and spec.name in raw:
            del raw[spec.name]
    return raw


def file_bytes_after(workspace: Workspace, entries: list[tuple[str, str, dict[str, Any]]]) -> int:
    """About how large the user's data file would be, written compact, with ``entries`` (kind,
    record id, layer entry) in place: an import must not make a file Curbwatch cannot read back."""
    records = workspace.layer_view()["records"]
    size = len(json_dumps_bytes(workspace.layer_view(), pretty=False)) + 512  # with the envelope around it
    for kind, record_id, entry in entries:
        old = records.get(kind, {}).get(record_id)
        size += len(json_dumps_bytes({record_id: entry}, pretty=False))
        size -= len(json_dumps_bytes({record_id: old}, pretty=False)) if old is not None else 0
    return size


def plan_import(workspace: Workspace, table: SourceTable, kind_key: str, mapping: list[str],
                on: dt.date) -> ImportPlan:
    kind = kind_of(kind_key)
    plan = ImportPlan(kind_key, ignored=[h for h, t in zip(table.header, mapping) if not t])
    columns = [(i, t) for i, t in enumerate(mapping) if t and (t == ID or kind.has_field(t))]
    mapped = {t for _i, t in columns}
    if not mapped & {ID, "name", "symbol", "country"}:
        plan.problems.append(Msg(QT_TRANSLATE_NOOP("", "No column gives the id or the {what} of the records, so they "
                                                       "can be neither matched nor added: choose which column is "
                                                       "which field."), what=_unique_what(kind)))
        return plan
    convert = _Converter(workspace, kind)
    existing = {_key(kind, workspace.raw(kind_key, r.id) or {}): r.id for r in workspace.records(kind_key)}
    taken: set[str] = set()
    seen: dict[str, str] = {}  # record id -> where it was in the file
    keys: dict[Any, str] = {}
    for index, row in enumerate(table.rows):
        where = table.where(index)
        values: dict[str, Any] = {}
        for column, target in columns:
            cell = row[column] if column < len(row) else None
            try:
                values[target] = _id(cell) if target == ID else convert.value(target, cell)
            except F.FieldError as exc:
                plan.problems.append(_problem(where, exc))
        if len(values) < len(columns):
            continue
        record_id = values.pop(ID, None)
        entry = workspace.entry(kind_key, record_id) if record_id else None
        if entry and entry.get("deleted"):
            plan.problems.append(Msg(QT_TRANSLATE_NOOP("", "{where}: you deleted {record}; restore it (Edit > Undo, or "
                                                           "Edit > Show my changes) before importing into it."),
                                     where=where, record=workspace.label(kind_key, record_id)))
            continue
        if (record_id is None or workspace.record(kind_key, record_id) is None) and _key(kind, values) in existing:
            record_id = existing[_key(kind, values)]
            # Matched on a name or country written in another case: that is not a change to it.
            for name in ("name", "country") if kind_key != "elements" else ():
                if str(values.get(name, "")).casefold() == str(getattr(workspace.record(kind_key, record_id), name,
                                                                       "")).casefold():
                    values.pop(name, None)
        current = workspace.record(kind_key, record_id) if record_id else None
        if record_id in seen:
            plan.problems.append(Msg(QT_TRANSLATE_NOOP("", "{where}: the same record as {other} ({record})."),
                                     where=where, other=seen[record_id],
                                     record=workspace.label(kind_key, record_id) if current else record_id))
            continue
        try:
            change = _row_change(workspace, kind, convert, where, record_id, current, values, on, taken)
        except EditError as exc:
            plan.problems.append(_problem(where, exc))
            continue
        if change is None:
            plan.unchanged += 1
            seen[str(record_id)] = where
            continue
        seen[change.record_id] = where
        key = _key(kind, change.raw)
        if key is not None and key in keys and (kind_key != "companies" or change.action == "add"):
            plan.problems.append(Msg(QT_TRANSLATE_NOOP("", "{where}: {what} already given by {other}."),
                                     where=where, what=_unique_what(kind), other=keys[key]))
            continue
        keys[key] = where
        plan.changes.append(change)
    return plan


def _id(cell: Any) -> str | None:
    text = "" if cell is None else str(cell).strip()
    if not text:
        return None
    try:
        return F.parse_id("id", text)
    except F.FieldError as exc:
        raise F.FieldError(ID, exc.rule, text, label="Id") from None


def _row_change(workspace: Workspace, kind: Kind, convert: _Converter, where: str, record_id: str | None,
                current: Any, values: dict[str, Any], on: dt.date, taken: set[str]) -> RowChange | None:
    """The change one row makes (None: none), staged by the workspace (EditError: refused)."""
    if current is None:
        raw = {**_new_raw(kind, on), **values}
        missing = [spec.label for spec in kind.fields if spec.required and raw.get(spec.name) in (None, "")]
        if missing:
            raise EditError(Msg(QT_TRANSLATE_NOOP("", "a new {noun} needs {fields}, which no column of the file gives"),
                                noun=Msg(kind.noun), fields=Msg.join_list([Msg(label) for label in missing])))
        if not record_id:
            record_id = kind.new_id(raw, lambda i: i in taken or workspace.record(kind.key, i) is not None
                                    or workspace.entry(kind.key, i) is not None)
        raw["id"] = record_id
        taken.add(record_id)
        new_id, entry = workspace.entry_for_new(kind.key, raw)
        label = kind.describe(raw, {e.id: e for e in workspace.editions})
        shown = tuple(FieldChange(kind.field_label(t), "", convert.text(t, v)) for t, v in values.items()
                      if v not in (None, "", []))
        return RowChange(where, "add", new_id, label, shown, entry, raw)
    assert record_id is not None
    new = workspace.raw(kind.key, record_id) or {}
    fields = []
    for target, value in values.items():
        before = convert.of(current, target)
        if before != value:
            fields.append(FieldChange(kind.field_label(target), convert.text(target, before),
                                      convert.text(target, value)))
            new[target] = value
    if not fields:
        return None
    entry = workspace.entry_for_record(kind.key, record_id, new)
    return RowChange(where, "change", record_id, workspace.label(kind.key, record_id), tuple(fields), entry, new)


def _unique_what(kind: Kind) -> Msg:
    return Msg(kind.unique_what or QT_TRANSLATE_NOOP("", "name"))


def _problem(where: Msg | str, exc: Exception) -> Msg:
    """"Row 3: <what the domain refused>"; the window says the refusal in the user's language."""
    return Msg(QT_TRANSLATE_NOOP("", "{where}: {problem}"), where=where, problem=exc)
