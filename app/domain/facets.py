"""Facets for narrowing a table: companies by list, announcement and status on the status date;
elements by group and status. Each value carries its count; counts follow the choices made in
the *other* facets (the usual faceted-search rule), so a count is what picking that value
would show. Also the links between records that share an announcement. No Qt, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
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


# Facet values are worked out once a record and status date (a record is immutable; an edit
# makes a new one), and records with the same values share one mapping, so counting a
# million records is counting a few dozen distinct mappings.
_VALUES: dict[int, tuple[Any, dt.date, Mapping[str, frozenset[str]]]] = {}
_SHARED: dict[tuple, Mapping[str, frozenset[str]]] = {}
_CACHE_LIMIT = 2_000_000


def record_values(record: Any, on: dt.date) -> Mapping[str, frozenset[str]]:
    """The facet values a record has: facet key -> value keys (a company can be on two lists).
    Shared between records: read it, never change it."""
    cached = _VALUES.get(id(record))
    if cached is not None and cached[0] is record and cached[1] == on:
        return cached[2]
    values = _record_values(record, on)
    key = tuple((k, tuple(sorted(v))) for k, v in values.items())
    values = _SHARED.setdefault(key, values)
    if len(_VALUES) >= _CACHE_LIMIT or len(_SHARED) >= _CACHE_LIMIT:
        _VALUES.clear()
        _SHARED.clear()
    _VALUES[id(record)] = (record, on, values)
    return values


def _record_values(record: Any, on: dt.date) -> dict[str, frozenset[str]]:
    if isinstance(record, Company):
        lists = set(lists_of(record))  # a company on the UEL only has no export-control listing
        if is_april_28(record):
            lists.add(APRIL_28)  # most users come for these: one choice picks them out
        announcements = frozenset(a for a in (record.announcement, record.uel_announcement) if a)
        return {"list": frozenset(lists), "announcement": announcements,
                "status": frozenset({_status_key(record, on)})}
    if isinstance(record, Element):
        return {"group": frozenset({record.category}),
                "announcement": frozenset({record.announcement} if record.announcement else ()),
                "status": frozenset({_status_key(record, on)})}
    return {}


def passes(values: Mapping[str, set[str]], chosen: Mapping[str, set[str]], skip: str = "") -> bool:
    """Whether a record with these ``record_values`` has, in every facet with a choice (but
    ``skip``), at least one chosen value: the facet bar's filter and the counts' condition."""
    return all(not picked or values.get(key, set()) & picked for key, picked in chosen.items() if key != skip)


def facets(records: Sequence[Any], on: dt.date, chosen: Mapping[str, set[str]] | None = None) -> list[Facet]:
    """The facets of ``records`` (all companies or all elements) with their counts."""
    chosen = chosen or {}
    distinct: dict[int, list[Any]] = {}  # shared mapping -> [it, how many records have it]
    for r in records:
        v = record_values(r, on)
        entry = distinct.get(id(v))
        if entry is None:
            distinct[id(v)] = [v, 1]
        else:
            entry[1] += 1
    values = [(v, n) for v, n in distinct.values()]
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
        counts: Counter[str] = Counter()
        for v, n in values:
            if passes(v, chosen, skip=key):
                for value in v.get(key, ()):
                    counts[value] += n
        counted = tuple(FacetValue(value, text, counts[value]) for value, text in options)
        out.append(Facet(key, label, counted))
    return out


def _announcements(values: Sequence[tuple[Mapping[str, frozenset[str]], int]]) -> list[tuple[str, str]]:
    seen = sorted({a for v, _ in values for a in v.get("announcement", ())})
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
    return list(_covered(dataset).get(announcement, ()))


# The announcement -> records map of the last lists asked about (the workspace hands out the same
# list objects until the data changes), with each record's place in its lists, so showing a
# record's links is neither a scan of every record nor a copy of thousands of them.
_COVERED: list[Any] = [None, None, {}, 0, 0, {}]  # companies, elements, the map, their lengths, places


def _covered(dataset: Dataset) -> dict[str, list[Company | Element]]:
    companies, elements, index, n_companies, n_elements, _places = _COVERED
    if companies is dataset.companies and elements is dataset.elements \
            and (n_companies, n_elements) == (len(companies), len(elements)):
        return index
    index, places = {}, {}
    for record in [*dataset.companies, *dataset.elements]:
        for announcement in announcements_of(record):
            covered = index.get(announcement)
            if covered is None:
                covered = index[announcement] = []
                places[announcement] = {}
            at = places[announcement]
            at[record.id] = len(covered) if record.id not in at else -2  # -2: a company and an element
            covered.append(record)
    _COVERED[:] = [dataset.companies, dataset.elements, index, len(dataset.companies), len(dataset.elements),
                   places]
    return index


class Others(Sequence):
    """The records an announcement covers but one: a view of its list, not a copy of thousands."""

    def __init__(self, records: list[Company | Element], skip: int) -> None:
        self._records, self._skip = records, skip  # skip: the place left out, or -1

    def __len__(self) -> int:
        return len(self._records) - (self._skip >= 0)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._records[i + (0 <= self._skip <= i)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Others({list(self)!r})"


def listed_with(dataset: Dataset, record: Company | Element) -> dict[str, Sequence[Company | Element]]:
    """For each announcement of ``record``, the other records it covers."""
    out: dict[str, Sequence[Company | Element]] = {}
    for announcement in announcements_of(record):
        records = _covered(dataset).get(announcement, [])
        place = _COVERED[5].get(announcement, {}).get(record.id, -1)
        out[announcement] = [r for r in records if r.id != record.id] if place == -2 else Others(records, place)
    return out
