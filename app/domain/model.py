"""Records of the Curbwatch dataset: companies, elements, reserves, their events and sources.

Plain dataclasses with no Qt and no I/O. Dates are ``datetime.date``; reserves are whole
metric tons (``int``) so that nothing is lost to float rounding and the chart reads domain
values, never display text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.text import QT_TRANSLATE_NOOP

CONFIDENCES = ("HIGH", "MED", "LOW", "UNCONFIRMED")

# What an event does to the status of the measure it belongs to (see app.domain.status).
EVENT_KINDS = (
    "announced",  # published; takes effect later
    "in_force",  # measures take effect
    "suspended",  # measures suspended (until a date, or with no end stated)
    "lifted",  # measures lifted / ceased
    "changed_unknown",  # a change is reported but its outcome is unconfirmed
    "note",  # informational; no effect on status
)

# Which measure an event belongs to. Companies: the export control list and the Unreliable
# Entity List. Elements: the export licence requirement and the two clauses of the US-specific
# Announcement No. 46 of 2024, which had different fates (clause 2 was suspended in Nov 2025,
# clause 1 was not): "us_military" is clause 1, "us_ban" (the key older data uses) clause 2.
MEASURES = ("export_control", "uel", "us_military", "us_ban")
MEASURE_LABELS = {
    "export_control": QT_TRANSLATE_NOOP("", "Export control"),
    "uel": QT_TRANSLATE_NOOP("", "Unreliable Entity List"),
    "us_military": QT_TRANSLATE_NOOP("", "US military users and uses (No. 46 of 2024, clause 1)"),
    "us_ban": QT_TRANSLATE_NOOP("", "Exports to the US (No. 46 of 2024, clause 2)"),
}

ELEMENT_CATEGORIES = ("rare_earth", "mineral")
CATEGORY_LABELS = {"rare_earth": QT_TRANSLATE_NOOP("", "Rare earth"),
                   "mineral": QT_TRANSLATE_NOOP("", "Other mineral")}
EVENT_KIND_LABELS = {"announced": QT_TRANSLATE_NOOP("", "Announced"), "in_force": QT_TRANSLATE_NOOP("", "In force"),
                     "suspended": QT_TRANSLATE_NOOP("", "Suspended"), "lifted": QT_TRANSLATE_NOOP("", "Lifted"),
                     "changed_unknown": QT_TRANSLATE_NOOP("", "Changed (outcome unconfirmed)"),
                     "note": QT_TRANSLATE_NOOP("", "Note")}
# Every coded choice and how the user reads it (editors, detail pane, exports). The labels are
# marked for translation (app.domain.text); the window shows them through tr().
CHOICE_LABELS = {**CATEGORY_LABELS, **MEASURE_LABELS, **EVENT_KIND_LABELS}


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    confidence: str


@dataclass(frozen=True)
class Event:
    id: str
    date: dt.date
    measure: str
    kind: str
    text: str
    until: dt.date | None = None
    until_confirmed: bool = True
    confidence: str = "HIGH"
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Company:
    id: str
    name: str
    announcement: str = ""  # the export-control listing: its instrument, issue and effective dates
    listed: dt.date | None = None
    effective: dt.date | None = None
    name_confidence: str = "HIGH"
    name_zh: str = ""  # the Chinese name, where a source gives one
    aliases: tuple[str, ...] = ()  # other spellings and short names, for search and screening
    effective_time: str = ""  # the time of day it took effect, where a source gives one ("12:01 (midday)")
    uel_announcement: str = ""  # the Unreliable Entity List entry, if any
    uel_date: dt.date | None = None
    uel_effective: dt.date | None = None
    uel_effective_time: str = ""
    notes: str = ""
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Share:
    """China's share of world production of a mineral, as one source states it."""

    percent: float
    approximate: bool
    basis: str
    year: int
    confidence: str
    source: Source


@dataclass(frozen=True)
class Element:
    id: str
    symbol: str
    name: str
    atomic_number: int
    category: str
    announcement: str
    announced: dt.date
    effective: dt.date
    control_code: str = ""
    control_code_confirmed: bool = True
    items: str = ""
    notes: str = ""
    shares: tuple[Share, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class WorldTotals:
    """An edition's world totals as USGS prints them ("World (rounded)"), kept apart from the
    country rows so that a share can be worked out without pretending a bound is a figure."""

    reserves_t: int | None = None
    reserves_more_than: bool = False  # ">85,000,000": a lower bound, not a figure
    production_t: int | None = None  # the edition's data year
    production_prior_t: int | None = None  # the year before
    rounded: bool = True


@dataclass(frozen=True)
class Edition:
    """A source of reserve (and mine production) figures: a USGS edition or the news article."""

    id: str
    title: str
    short: str
    published: str
    data_year: int | None
    url: str
    confidence: str
    is_usgs: bool
    note: str = ""
    how_read: str = ""  # how the figures were read (a transcription, a chart, a secondary source)
    world: WorldTotals | None = None

    @property
    def prior_year(self) -> int | None:
        return self.data_year - 1 if self.data_year is not None else None


@dataclass(frozen=True)
class Reserve:
    """One country's figures in one source. ``None`` is NA (not available), never zero; USGS's
    "–" (zero) is 0. Production is for the source's data year and the year before."""

    id: str
    country: str
    edition: str
    reserves_t: int | None = None  # absent from a file or layer entry: NA, like an explicit null
    confidence: str = "HIGH"
    note: str = ""
    production_t: int | None = None
    production_prior_t: int | None = None


@dataclass(frozen=True)
class DatasetInfo:
    dataset_version: str
    as_of: dt.date
    schema_version: int


@dataclass
class Dataset:
    info: DatasetInfo
    companies: list[Company] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    reserves: list[Reserve] = field(default_factory=list)

    def edition(self, edition_id: str) -> Edition | None:
        return next((e for e in self.editions if e.id == edition_id), None)
