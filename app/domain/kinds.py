"""One description per kind of record (companies, elements, reserves): everything the rest of
the app would otherwise switch on the kind string for.

A fourth kind of record needs one new ``Kind`` here, its data file and its tab.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from app.domain import records as R
from app.domain import schema as S
from app.domain.fields import FieldSpec
from app.domain.model import Edition
from app.domain.text import QT_TRANSLATE_NOOP


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48] or "record"


@dataclass(frozen=True)
class Kind:
    key: str  # the user layer's key and the bundled file's stem: "companies"
    # The words below are marked for translation (app.domain.text); the window shows tr(noun).
    noun: str  # "company"
    label: str  # "Company"
    plural: str  # "Companies"
    fields: tuple[FieldSpec, ...]  # the record's scalar fields (table cells and the record form)
    form_extra: tuple[FieldSpec, ...]  # lists edited as text in the record form only
    parse: Callable[[Any], Any]  # raw JSON record -> domain record (raises RecordError)
    unique: Callable[[dict[str, Any]], tuple | None]  # two records may not share this key
    unique_what: str  # the key as the user knows it
    describe: Callable[[dict[str, Any], Mapping[str, Edition]], str]  # the record as the user knows it
    id_base: Callable[[dict[str, Any]], str]  # the readable part of a new record's id
    defaults: Callable[[dt.date, Mapping[str, Any]], dict[str, Any]]  # a new record's values
    measures: tuple[str, ...] = ()  # measures its timeline events may belong to (none: no timeline)
    date_pairs: tuple[tuple[str, str], ...] = ()  # (issued, effective) fields: effective never before issued

    @property
    def form_fields(self) -> tuple[FieldSpec, ...]:
        return self.fields + self.form_extra

    def field(self, name: str) -> FieldSpec:
        for spec in self.form_fields:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.key} has no field {name}")

    def has_field(self, name: str) -> bool:
        return any(spec.name == name for spec in self.form_fields)

    def field_label(self, name: str) -> str:
        return self.field(name).label if self.has_field(name) else name.replace("_", " ").capitalize()

    def new_id(self, raw: dict[str, Any], taken: Callable[[str], bool]) -> str:
        """A fresh id for a record the user adds. The "user." prefix keeps it out of the way of
        ids a future bundled dataset may bring."""
        base = f"user.{self.id_base(raw)}"[:58]
        candidate, n = base, 2
        while taken(candidate):
            candidate, n = f"{base}-{n}", n + 1
        return candidate[:64]


def _company_defaults(on: dt.date, _context: Mapping[str, Any]) -> dict[str, Any]:
    return {"name": "", "name_confidence": "MED", "announcement": "", "listed": on.isoformat(),
            "uel_announcement": "", "notes": "", "events": [], "sources": []}


def _element_defaults(on: dt.date, _context: Mapping[str, Any]) -> dict[str, Any]:
    return {"symbol": "", "name": "", "atomic_number": 1, "category": "mineral", "announcement": "",
            "announced": on.isoformat(), "effective": on.isoformat(), "control_code": "",
            "control_code_confirmed": True, "items": "", "notes": "", "events": [], "sources": [], "shares": []}


def _reserve_defaults(_on: dt.date, context: Mapping[str, Any]) -> dict[str, Any]:
    return {"country": "", "edition": context.get("edition", ""), "reserves_t": None, "production_t": None,
            "production_prior_t": None, "confidence": "MED", "note": ""}


def _reserve_label(raw: dict[str, Any], editions: Mapping[str, Edition]) -> str:
    edition = editions.get(raw.get("edition", ""))
    return f"{raw.get('country', '?')} ({edition.short if edition else raw.get('edition', '?')})"


COMPANIES = Kind(
    key="companies", noun=QT_TRANSLATE_NOOP("", "company"), label=QT_TRANSLATE_NOOP("", "Company"),
    plural=QT_TRANSLATE_NOOP("", "Companies"),
    fields=S.COMPANY_FIELDS, form_extra=(S.SOURCES_FIELD,), parse=R.parse_company,
    unique=lambda raw: None, unique_what="",
    describe=lambda raw, _e: str(raw.get("name") or raw.get("id") or "?"),
    id_base=lambda raw: slug(str(raw.get("name", ""))),
    defaults=_company_defaults, measures=("export_control", "uel"),
    date_pairs=(("listed", "effective"), ("uel_date", "uel_effective")),
)

ELEMENTS = Kind(
    key="elements", noun=QT_TRANSLATE_NOOP("", "element"), label=QT_TRANSLATE_NOOP("", "Element"),
    plural=QT_TRANSLATE_NOOP("", "Element restrictions"),
    fields=S.ELEMENT_FIELDS, form_extra=(S.SHARES_FIELD, S.SOURCES_FIELD), parse=R.parse_element,
    unique=lambda raw: ("symbol", raw.get("symbol")), unique_what=QT_TRANSLATE_NOOP("", "symbol"),
    describe=lambda raw, _e: f"{raw.get('name', '?')} ({raw.get('symbol', '?')})",
    id_base=lambda raw: slug(str(raw.get("name", ""))),
    defaults=_element_defaults, measures=("export_control", "us_military", "us_ban"),
    date_pairs=(("announced", "effective"),),
)

RESERVES = Kind(
    key="reserves", noun=QT_TRANSLATE_NOOP("", "reserve row"), label=QT_TRANSLATE_NOOP("", "Reserve"),
    plural=QT_TRANSLATE_NOOP("", "Reserves"),
    fields=S.RESERVE_FIELDS, form_extra=(), parse=R.parse_reserve,
    unique=lambda raw: ("country and source", str(raw.get("country", "")).casefold(), raw.get("edition")),
    unique_what=QT_TRANSLATE_NOOP("", "country and source"),
    describe=_reserve_label,
    id_base=lambda raw: f"{raw.get('edition', 'source')}.{slug(str(raw.get('country', '')))}",
    defaults=_reserve_defaults,
)

KINDS: dict[str, Kind] = {kind.key: kind for kind in (COMPANIES, ELEMENTS, RESERVES)}
KIND_KEYS: tuple[str, ...] = tuple(KINDS)


def kind_of(key: str) -> Kind:
    return KINDS[key]
