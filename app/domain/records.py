"""Conversion between the JSON form of records (files, user layer, imports) and domain records.

Each ``parse_*`` validates every field with the specs of ``app.domain.schema`` and refuses
unknown fields, so a typo in a hand-edited file is reported instead of ignored (the kind
descriptions in ``app.domain.kinds`` say which parser a kind uses). ``record_to_raw`` is the
inverse: ``parse_company(record_to_raw(c)) == c``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import deque
from itertools import repeat
from operator import itemgetter
from typing import Any, Callable

from app.domain import fields as F
from app.domain import schema as S
from app.domain.model import (
    Company,
    Edition,
    Element,
    Event,
    Reserve,
    Share,
    Source,
    WorldTotals,
)


class RecordError(ValueError):
    """A record that breaks a rule; says which record and which field."""

    def __init__(self, record_id: str, field: str, rule: str, label: str | None = None) -> None:
        self.record_id = record_id
        self.field = field
        self.rule = rule
        self.label = label  # what the user sees for ``field`` (a column or form label), if known
        super().__init__(f"record {record_id!r}: {field}: {rule}")


def _fail(record_id: str, err: F.FieldError, prefix: str = "") -> RecordError:
    shown = "" if err.value is None else f" (got {F._truncate(err.value)})"
    label = f"{prefix}{err.label}" if err.label and not prefix else None
    return RecordError(record_id, prefix + err.field, err.rule + shown, label)


def _keys(raw: Any, record_id: str, required: set[str], optional: set[str], prefix: str = "") -> dict:
    if not isinstance(raw, dict):
        raise RecordError(record_id, prefix.rstrip(".") or "record", "must be an object")
    keys = raw.keys()
    missing = required - keys
    if missing:
        raise RecordError(record_id, prefix + sorted(missing)[0], "is missing")
    unknown = keys - required - optional
    if unknown:
        raise RecordError(record_id, prefix + str(sorted(unknown)[0]), "unknown field")
    return raw


def _scalars(raw: dict, specs: tuple[F.FieldSpec, ...], record_id: str, prefix: str = "") -> dict:
    out = {}
    for field_spec in specs:
        if field_spec.name not in raw:
            continue
        try:
            out[field_spec.name] = field_spec.parse(raw[field_spec.name])
        except F.FieldError as err:
            raise _fail(record_id, err, prefix) from None
    return out


def _list(raw: Any, record_id: str, field: str, item: Callable[[Any, str], Any]) -> tuple:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RecordError(record_id, field, "must be a list")
    if len(raw) > 1000:
        raise RecordError(record_id, field, "has more than 1000 entries")
    return tuple(item(entry, f"{field}[{i}].") for i, entry in enumerate(raw))


def parse_source(raw: Any, record_id: str, prefix: str = "") -> Source:
    _keys(raw, record_id, {"title"}, {"url", "confidence"}, prefix)
    values = _scalars({"url": "", "confidence": "MED", **raw}, S.SOURCE_FIELDS, record_id, prefix)
    return Source(**values)


def parse_event(raw: Any, record_id: str, prefix: str = "") -> Event:
    names = {s.name for s in S.EVENT_FIELDS}
    _keys(raw, record_id, {"id", "date", "measure", "kind", "text"}, names | {"sources"}, prefix)
    try:
        event_id = F.parse_id("id", raw["id"])
    except F.FieldError as err:
        raise _fail(record_id, err, prefix) from None
    values = _scalars(raw, S.EVENT_FIELDS, record_id, prefix)
    sources = _list(raw.get("sources"), record_id, prefix + "sources",
                    lambda s, p: parse_source(s, record_id, p))
    event = Event(id=event_id, sources=sources, **values)
    if event.kind != "suspended" and event.until is not None:
        raise RecordError(record_id, prefix + "until", "only a suspension has an end date")
    if event.until is not None and event.until < event.date:
        raise RecordError(record_id, prefix + "until", f"ends ({event.until}) before it starts ({event.date})")
    return event


def parse_share(raw: Any, record_id: str, prefix: str = "") -> Share:
    _keys(raw, record_id, {"percent", "basis", "year", "source"}, {"approximate", "confidence"}, prefix)
    percent = raw["percent"]
    if isinstance(percent, bool) or not isinstance(percent, (int, float)) or not 0 <= percent <= 100:
        raise RecordError(record_id, prefix + "percent", "must be a number from 0 to 100")
    try:
        basis = F.parse_text("basis", raw["basis"], max_len=500)
        year = F.parse_int("year", raw["year"], lo=1900, hi=2100)
        approximate = F.parse_bool("approximate", raw.get("approximate", False))
        confidence = F.parse_choice("confidence", raw.get("confidence", "MED"), F.CONFIDENCES)
    except F.FieldError as err:
        raise _fail(record_id, err, prefix) from None
    source = parse_source(raw["source"], record_id, prefix + "source.")
    return Share(float(percent), approximate, basis, year, confidence, source)


def _record_id(raw: Any) -> str:
    if not isinstance(raw, dict):
        raise RecordError("?", "record", "must be an object")
    try:
        return F.parse_id("id", raw.get("id"))
    except F.FieldError as err:
        raise RecordError(str(raw.get("id"))[:64], "id", err.rule) from None


def parse_company(raw: Any) -> Company:
    record_id = _record_id(raw)
    names = {s.name for s in S.COMPANY_FIELDS}
    _keys(raw, record_id, {"id", "name"}, names | {"events", "sources"})
    values = _scalars(raw, S.COMPANY_FIELDS, record_id)
    events = _list(raw.get("events"), record_id, "events", lambda e, p: parse_event(e, record_id, p))
    sources = _list(raw.get("sources"), record_id, "sources", lambda s, p: parse_source(s, record_id, p))
    company = Company(id=record_id, events=events, sources=sources, **values)
    for instrument, issued, effective, time, what in (
            ("announcement", "listed", "effective", "effective_time", "export control listing"),
            ("uel_announcement", "uel_date", "uel_effective", "uel_effective_time", "UEL entry")):
        if getattr(company, time) and getattr(company, effective) is None:
            raise RecordError(record_id, time, f"an {what}'s time of day needs its in-force date")
        has_issued = getattr(company, issued) is not None
        if bool(getattr(company, instrument)) != has_issued:
            raise RecordError(record_id, issued, f"an {what} needs both its announcement and its date")
        if getattr(company, effective) is not None and not has_issued:
            raise RecordError(record_id, effective, f"an {what} needs its announcement date first")
        if has_issued and getattr(company, effective) is not None \
                and getattr(company, effective) < getattr(company, issued):
            raise RecordError(record_id, effective, "is before the date it was announced")
    if company.listed is None and company.uel_date is None:
        raise RecordError(record_id, "listed", "a company needs a listing (export control list or UEL)")
    _unique_event_ids(record_id, events)
    return company


def parse_element(raw: Any) -> Element:
    record_id = _record_id(raw)
    names = {s.name for s in S.ELEMENT_FIELDS}
    _keys(raw, record_id, {"id", "symbol", "name", "atomic_number", "category", "announcement", "announced",
                           "effective"}, names | {"events", "sources", "shares"})
    values = _scalars(raw, S.ELEMENT_FIELDS, record_id)
    events = _list(raw.get("events"), record_id, "events", lambda e, p: parse_event(e, record_id, p))
    sources = _list(raw.get("sources"), record_id, "sources", lambda s, p: parse_source(s, record_id, p))
    shares = _list(raw.get("shares"), record_id, "shares", lambda s, p: parse_share(s, record_id, p))
    element = Element(id=record_id, events=events, sources=sources, shares=shares, **values)
    if element.effective < element.announced:
        raise RecordError(record_id, "effective", "is before the announcement date")
    _unique_event_ids(record_id, events)
    return element


_RESERVE_REQUIRED = frozenset({"id", "country", "edition"})
_RESERVE_NAMES = frozenset(s.name for s in S.RESERVE_FIELDS)
_RESERVE_KEYS = _RESERVE_NAMES | {"id"}
# For _quick_reserve, the rules of S.RESERVE_FIELDS by type, with what an absent field is (the
# dataclass's default: what the careful path's Reserve(**values) gives it).
_DEFAULTS = {f.name: None if f.default is dataclasses.MISSING else f.default for f in dataclasses.fields(Reserve)}
_QUICK_TEXT = tuple((s.name, _DEFAULTS[s.name], s.max_len, s.required) for s in S.RESERVE_FIELDS if s.type == "text")
_QUICK_TONS = tuple((s.name, _DEFAULTS[s.name], s.required) for s in S.RESERVE_FIELDS if s.type == "tons")
_QUICK_CHOICE = tuple((s.name, _DEFAULTS[s.name], s.choices) for s in S.RESERVE_FIELDS if s.type == "choice")
_QUICK = len(_QUICK_TEXT) + len(_QUICK_TONS) + len(_QUICK_CHOICE) == len(S.RESERVE_FIELDS)  # else: careful only
_new = object.__new__


def _quick_reserve(raw: dict) -> Reserve | None:
    """A reserve row as the app writes it (plain JSON types, every value within its rules),
    checked field by field by the rules of ``S.RESERVE_FIELDS`` in one pass; None for anything
    else, which the careful path then parses or refuses with its message. It takes only what the
    careful path takes unchanged, so the two give equal records. A layer of 100,000 added rows
    is parsed at every start: this takes under half the careful path's time."""
    keys = raw.keys()
    record_id = raw.get("id")
    if not (_QUICK and keys >= _RESERVE_REQUIRED and keys <= _RESERVE_KEYS) or type(record_id) is not str \
            or not F.ID_RE.match(record_id):
        return None
    get = raw.get
    values = {"id": record_id}
    texts = []
    for name, default, max_len, required in _QUICK_TEXT:
        value = get(name, default)
        if type(value) is not str or len(value) > max_len:
            return None
        value = values[name] = value.strip()
        if required and not value:
            return None
        texts.append(value)
    for name, default, required in _QUICK_TONS:
        value = values[name] = get(name, default)
        if value is None:
            if required:
                return None
        elif type(value) is not int or not 0 <= value <= F.TONS_MAX:
            return None
    for name, default, choices in _QUICK_CHOICE:
        value = values[name] = get(name, default)
        if type(value) is not str or value not in choices:
            return None
    if F._BAD_LINE.search(" ".join(texts)):  # one scan for all the texts
        return None
    record = _new(Reserve)  # frozen: its __init__ sets the fields one object.__setattr__ at a time
    record.__dict__.update(values)
    return record


_ID_RUN = re.compile(r"(?:[A-Za-z0-9_.-]{1,64}+ )*+")  # ids joined by spaces: each a whole ID_RE match
_ORDER = ("id",) + tuple(n for n, *_ in _QUICK_TEXT) + tuple(n for n, *_ in _QUICK_TONS) + \
    tuple(n for n, *_ in _QUICK_CHOICE)  # the order _quick_reserve fills a record's fields in


def quick_reserves(raws: list[dict]) -> list[Reserve | None]:
    """``_quick_reserve`` of each of ``raws`` (dicts), with equal results, but checked a column
    at a time in C (types, lengths, ranges and choices as sets, the ids and texts by one regex
    scan each) for the rows that have the same fields. Rows of a group that is not plainly good
    (a value to strip, a bad character, an odd type anywhere) go through ``_quick_reserve`` one
    by one; None is for the careful path to parse or refuse."""
    out: list[Reserve | None] = [None] * len(raws)
    if not _QUICK:
        return out
    shapes = list(map(tuple, raws))
    if len(set(shapes)) == 1:
        groups = {shapes[0]: range(len(raws))} if raws else {}
    else:
        groups = {}
        for i, shape in enumerate(shapes):
            groups.setdefault(shape, []).append(i)
    for shape, where in groups.items():
        rows = raws if len(where) == len(raws) else [raws[i] for i in where]
        records = _quick_group(shape, rows)
        if records is None:
            records = list(map(_quick_reserve, rows))
        for i, record in zip(where, records):
            out[i] = record
    return out


def _quick_group(shape: tuple, rows: list[dict]) -> list[Reserve] | None:
    """Records for ``rows`` (dicts with the fields ``shape``), when every value of every row is
    one ``_quick_reserve`` takes unchanged (nothing to strip); else None."""
    keys = frozenset(shape)
    if not (keys >= _RESERVE_REQUIRED and keys <= _RESERVE_KEYS):
        return None
    columns = dict(zip(shape, zip(*map(itemgetter(*shape), rows)))) if len(shape) > 1 else {}
    if len(columns) != len(shape):
        return None
    ids = columns["id"]
    # One regex scan of the ids joined by spaces, each token a whole id: sound only when no id
    # holds a space itself ("a b" would read as two good ids).
    if set(map(type, ids)) != {str} or " " in "".join(ids) or not _ID_RUN.fullmatch(" ".join(ids) + " "):
        return None
    texts = []
    for name, default, max_len, required in _QUICK_TEXT:
        column = columns.get(name, (default,))
        if set(map(type, column)) != {str} or max(map(len, column)) > max_len:
            return None
        if list(map(str.strip, column)) != list(column) or (required and not all(column)):
            return None
        texts.append(" ".join(column))
    for name, default, required in _QUICK_TONS:
        column = columns.get(name, (default,))
        kinds = set(map(type, column))
        if not kinds <= ({int} if required else {int, type(None)}):
            return None
        numbers = column if type(None) not in kinds else list(filter(None, column))
        if numbers and not (0 <= min(numbers) and max(numbers) <= F.TONS_MAX):
            return None
    for name, default, choices in _QUICK_CHOICE:
        column = columns.get(name, (default,))
        if set(map(type, column)) != {str} or not set(column) <= set(choices):
            return None
    if F._BAD_LINE.search(" ".join(texts)):  # one scan for all the texts
        return None
    # Each record's fields in _quick_reserve's order: the defaults, then the row's own values.
    template = {name: _DEFAULTS.get(name) for name in _ORDER}
    records = list(map(_new, repeat(Reserve, len(rows))))
    fields = list(map(vars, records))
    deque(map(dict.update, fields, repeat(template)), maxlen=0)
    deque(map(dict.update, fields, rows), maxlen=0)
    return records


def parse_reserve(raw: Any) -> Reserve:
    record = _quick_reserve(raw) if type(raw) is dict else None
    return record if record is not None else _parse_reserve_carefully(raw)


def _parse_reserve_carefully(raw: Any) -> Reserve:
    record_id = _record_id(raw)
    _keys(raw, record_id, _RESERVE_REQUIRED, _RESERVE_NAMES)
    values = _scalars(raw, S.RESERVE_FIELDS, record_id)
    return Reserve(id=record_id, **values)


def parse_world(raw: Any, record_id: str) -> WorldTotals | None:
    if raw is None:
        return None
    _keys(raw, record_id, set(), {"reserves_t", "reserves_more_than", "production_t", "production_prior_t",
                                  "rounded"}, "world.")
    try:
        return WorldTotals(
            reserves_t=F.parse_tons("world.reserves_t", raw.get("reserves_t")),
            reserves_more_than=F.parse_bool("world.reserves_more_than", raw.get("reserves_more_than", False)),
            production_t=F.parse_tons("world.production_t", raw.get("production_t")),
            production_prior_t=F.parse_tons("world.production_prior_t", raw.get("production_prior_t")),
            rounded=F.parse_bool("world.rounded", raw.get("rounded", True)),
        )
    except F.FieldError as err:
        raise _fail(record_id, err) from None


def parse_edition(raw: Any) -> Edition:
    record_id = _record_id(raw)
    _keys(raw, record_id, {"id", "title", "short", "published", "url", "confidence", "is_usgs"},
          {"data_year", "note", "how_read", "world"})
    world = parse_world(raw.get("world"), record_id)
    try:
        data_year = raw.get("data_year")
        if data_year is not None:
            data_year = F.parse_int("data_year", data_year, lo=1900, hi=2100)
        return Edition(
            id=record_id,
            title=F.parse_text("title", raw["title"], max_len=500),
            short=F.parse_text("short", raw["short"], max_len=40),
            published=F.parse_text("published", raw["published"], max_len=200),
            data_year=data_year,
            url=F.parse_text("url", raw["url"], max_len=2000, required=False),
            confidence=F.parse_choice("confidence", raw["confidence"], F.CONFIDENCES),
            is_usgs=F.parse_bool("is_usgs", raw["is_usgs"]),
            note=F.parse_text("note", raw.get("note", ""), max_len=2000, required=False),
            how_read=F.parse_text("how_read", raw.get("how_read", ""), max_len=2000, required=False),
            world=world,
        )
    except F.FieldError as err:
        raise _fail(record_id, err) from None


def _unique_event_ids(record_id: str, events: tuple[Event, ...]) -> None:
    seen: set[str] = set()
    for event in events:
        if event.id in seen:
            raise RecordError(record_id, "events", f"duplicate event id {event.id!r}")
        seen.add(event.id)


def new_event_id(events: list[dict[str, Any]], date: str, kind: str) -> str:
    """A fresh id for an event the user adds to a record's timeline ("user-" keeps it apart from
    the bundled ids, which a newer dataset may extend)."""
    taken = {e.get("id") for e in events}
    base = f"user-{date}-{kind}"[:60]
    event_id, n = base, 2
    while event_id in taken:
        event_id, n = f"{base}-{n}", n + 1
    return event_id


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def record_to_raw(record: Any) -> dict:
    """The JSON form of any record (dates as ISO strings, tuples as lists)."""
    raw = _jsonable(record)
    for share in raw.get("shares", ()):
        if float(share["percent"]).is_integer():
            share["percent"] = int(share["percent"])
    return raw
