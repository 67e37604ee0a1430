"""Facets for narrowing a table: companies by list, announcement and status on the status date;
elements by group and status. Each value carries its count; counts follow the choices made in
the *other* facets (the usual faceted-search rule), so a count is what picking that value
would show. Also the links between records that share an announcement. No Qt, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from app.domain.listings import APRIL_28, APRIL_28_LABEL, LIST_LABELS, is_april_28, lists_of
from app.domain.model import CATEGORY_LABELS, MEASURE_LABELS, Company, Dataset, Element
from app.domain.status import (ANNOUNCED, EXPIRED, IN_FORCE, LIFTED, NOT_LISTED, SUSPENDED, UNKNOWN,
                               record_status)
from app.domain.text import QT_TRANSLATE_NOOP

# Status kinds as facet values, in the order shown. Expired suspensions and unconfirmed
# changes are the ones to verify.
STATUS_VALUES = (("in_force", QT_TRANSLATE_NOOP("", "In force")), ("suspended", QT_TRANSLATE_NOOP("", "Suspended")),
                 ("lifted", QT_TRANSLATE_NOOP("", "Lifted")), ("verify", QT_TRANSLATE_NOOP("", "Needs verifying")),
                 ("announced", QT_TRANSLATE_NOOP("", "Announced")), ("none", QT_TRANSLATE_NOOP("", "Not in force")))
_STATUS_KEY = {IN_FORCE: "in_force", SUSPENDED: "suspended", LIFTED: "lifted", EXPIRED: "verify",
               UNKNOWN: "verify", ANNOUNCED: "announced", NOT_LISTED: "none"}


@dataclass(frozen=True)
class FacetValue:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    key: str  # "list", "announcement", "status", "group"
    label: str  # facet and value labels are marked for translation; announcements are data
    values: tuple[FacetValue, ...]


def _status_key(record: Company | Element, on: dt.date) -> str:
    # Straight from status.py: facets are built at start-up, and screening.py pulls in rapidfuzz.
    status = record_status(record, "export_control", on)
    return _STATUS_KEY.get(status.kind, "none") if status is not None else "none"


def record_values(record: Any, on: dt.date) -> dict[str, set[str]]:
    """The facet values a record has: facet key -> value keys (a company can be on two lists)."""
    if isinstance(record, Company):
        lists = set(lists_of(record))  # a company on the UEL only has no export-control listing
        if is_april_28(record):
            lists.add(APRIL_28)  # most users come for these: one choice picks them out
        announcements = {a for a in (record.announcement, record.uel_announcement) if a}
        return {"list": lists, "announcement": announcements, "status": {_status_key(record, on)}}
    if isinstance(record, Element):
        return {"group": {record.category}, "announcement": {record.announcement} if record.announcement else set(),
                "status": {_status_key(record, on)}}
    return {}


def _passes(values: Mapping[str, set[str]], chosen: Mapping[str, set[str]], skip: str = "") -> bool:
    return all(not picked or values.get(key, set()) & picked for key, picked in chosen.items() if key != skip)


def filter_records(records: Sequence[Any], on: dt.date, chosen: Mapping[str, set[str]]) -> list[Any]:
    """Records having, in every facet with a choice, at least one chosen value."""
    return [r for r in records if _passes(record_values(r, on), chosen)]


def facets(records: Sequence[Any], on: dt.date, chosen: Mapping[str, set[str]] | None = None) -> list[Facet]:
    """The facets of ``records`` (all companies or all elements) with their counts."""
    chosen = chosen or {}
    values = [record_values(r, on) for r in records]
    is_company = any(isinstance(r, Company) for r in records)
    if is_company:
        layout = [("list", QT_TRANSLATE_NOOP("", "List"),
                   [(APRIL_28, APRIL_28_LABEL), ("export_control", LIST_LABELS["export_control"]),
                    ("uel", MEASURE_LABELS["uel"])]),
                  ("announcement", QT_TRANSLATE_NOOP("", "Announcement"), _announcements(values)),
                  ("status", QT_TRANSLATE_NOOP("", "Status"), list(STATUS_VALUES))]
    else:
        layout = [("group", QT_TRANSLATE_NOOP("", "Group"), [(k, CATEGORY_LABELS[k]) for k in CATEGORY_LABELS]),
                  ("announcement", QT_TRANSLATE_NOOP("", "Announcement"), _announcements(values)),
                  ("status", QT_TRANSLATE_NOOP("", "Status"), list(STATUS_VALUES))]
    out = []
    for key, label, options in layout:
        pool = [v for v in values if _passes(v, chosen, skip=key)]
        counted = tuple(FacetValue(value, text, sum(1 for v in pool if value in v.get(key, ())))
                        for value, text in options)
        out.append(Facet(key, label, counted))
    return out


def _announcements(values: Sequence[Mapping[str, set[str]]]) -> list[tuple[str, str]]:
    seen = sorted({a for v in values for a in v.get("announcement", ())})
    return [(a, a) for a in seen]


# --- links ---------------------------------------------------------------------------------
def announcements_of(record: Company | Element) -> list[str]:
    """The announcements a record is listed under (a company's export-control one, then its UEL one)."""
    found = [record.announcement]
    if isinstance(record, Company):
        found.append(record.uel_announcement)
    return [a for a in dict.fromkeys(found) if a]


def covered_by(dataset: Dataset, announcement: str) -> list[Company | Element]:
    """Every company and element an announcement covers, companies first, in data order."""
    records: list[Company | Element] = [*dataset.companies, *dataset.elements]
    return [r for r in records if announcement in announcements_of(r)]


def listed_with(dataset: Dataset, record: Company | Element) -> dict[str, list[Company | Element]]:
    """For each announcement of ``record``, the other records it covers."""
    return {a: [r for r in covered_by(dataset, a) if r.id != record.id] for a in announcements_of(record)}
