"""What each table shows: one ``Column`` per column (label, the field it edits, how a cell reads)
for companies, elements and reserves. Cells are computed from domain records, never typed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from app.domain.model import CATEGORY_LABELS, Company, Element, Reserve
from app.domain.reserves import NO_MATCH, ROUNDED, Comparison, format_mt
from app.domain.search import fold
from app.domain.status import Status, record_status


@dataclass(frozen=True)
class Cell:
    text: str
    sort: Any
    tooltip: str = ""
    kind: str = ""  # a status kind or comparison kind, for colour


class Context:
    """What cells may depend on besides their record: the status date and the reserve comparisons."""

    def __init__(self) -> None:
        self.on = dt.date.today()
        self.comparisons: dict[str, Comparison] = {}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    cell: Callable[[Any, Context], Cell]
    right: bool = False
    field: str | None = None  # the record field the column shows and edits, if any
    width: int = 100
    tooltip: str = ""  # the header's tooltip


def _date(value: dt.date | None) -> Cell:
    return Cell(value.isoformat() if value else "", value.isoformat() if value else "")


def _text(value: str, tooltip: str = "") -> Cell:
    return Cell(value, fold(value), tooltip)


def status_cell(status: Status | None) -> Cell:
    if status is None:
        return Cell("", "")
    return Cell(status.label, (status.kind, status.ends or dt.date.min), status.label, status.kind)


def ends_cell(status: Status | None) -> Cell:
    if status is None or status.ends is None:
        return Cell("", "")
    text = status.ends.isoformat() + ("" if status.ends_confirmed else " (unconf.)")
    tip = "End date not confirmed by a source" if not status.ends_confirmed else ""
    return Cell(text, status.ends.isoformat(), tip, status.kind)


def _name(company: Company, _ctx: Context) -> Cell:
    tips = []
    if company.name_zh:
        tips.append(company.name_zh)
    if company.aliases:
        tips.append("Also: " + "; ".join(company.aliases))
    if company.name_confidence != "HIGH":
        tips.append(f"Spelling confidence {company.name_confidence}")
    return Cell(company.name, fold(company.name), "\n".join(tips))


def _uel(company: Company, _ctx: Context) -> Cell:
    if company.uel_date is None:
        return Cell("–", "", "Not on the Unreliable Entity List")
    return Cell(company.uel_date.isoformat(), company.uel_date.isoformat(),
                f"Unreliable Entity List: {company.uel_announcement}")


COMPANY_COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", _name, field="name", width=240),
    Column("status", "Status", lambda c, x: status_cell(record_status(c, "export_control", x.on)), width=300),
    Column("ends", "Status ends", lambda c, x: ends_cell(record_status(c, "export_control", x.on)), width=150),
    Column("listed", "Listed", lambda c, _x: _date(c.listed), field="listed", width=85),
    Column("announcement", "Announcement", lambda c, _x: _text(c.announcement, c.announcement),
           field="announcement", width=230),
    Column("uel", "UEL entry", _uel, field="uel_date", width=85),
)


def _share(element: Element, _ctx: Context) -> Cell:
    if not element.shares:
        return Cell("", -1.0)
    parts = [f"{'≈' if s.approximate else ''}{s.percent:g}% ({s.source.title.split(',')[0].split('(')[0].strip()})"
             for s in element.shares]
    return Cell(" / ".join(f"{'≈' if s.approximate else ''}{s.percent:g}%" for s in element.shares),
                element.shares[0].percent, "\n".join(parts))


ELEMENT_COLUMNS: tuple[Column, ...] = (
    Column("symbol", "Symbol", lambda e, _x: _text(e.symbol), field="symbol", width=55),
    Column("name", "Name", lambda e, _x: _text(e.name), field="name", width=95),
    Column("z", "Z", lambda e, _x: Cell(str(e.atomic_number), e.atomic_number), right=True,
           field="atomic_number", width=35),
    Column("status", "Status", lambda e, x: status_cell(record_status(e, "export_control", x.on)), width=365),
    Column("ends", "Status ends", lambda e, x: ends_cell(record_status(e, "export_control", x.on)), width=85),
    Column("us_ban", "US-specific (No. 46)", lambda e, x: status_cell(record_status(e, "us_ban", x.on)), width=330),
    Column("group", "Group", lambda e, _x: _text(CATEGORY_LABELS.get(e.category, e.category)), field="category",
           width=100),
    Column("announcement", "Announcement", lambda e, _x: _text(e.announcement, e.announcement),
           field="announcement", width=260),
    Column("effective", "Effective", lambda e, _x: _date(e.effective), field="effective", width=85),
    Column("share", "China's share", _share, right=True, width=100),
)


def _comparison(reserve: Reserve, ctx: Context) -> Cell:
    comparison = ctx.comparisons.get(reserve.id)
    if comparison is None:
        return Cell("USGS figure", "")
    mark = {NO_MATCH: "✗ ", ROUNDED: "≈ "}.get(comparison.kind, "✓ ")
    return Cell(mark + comparison.text, comparison.kind, comparison.text, comparison.kind)


RESERVE_COLUMNS: tuple[Column, ...] = (
    Column("country", "Country", lambda r, _x: _text(r.country), field="country", width=125),
    Column("reserves", "Reserves (t REO)",
           lambda r, _x: Cell(f"{r.reserves_t:,}" if r.reserves_t is not None else "NA",
                              -1 if r.reserves_t is None else r.reserves_t, format_mt(r.reserves_t)),
           right=True, field="reserves_t", width=120),
    Column("usgs", "Against USGS", _comparison, width=260),
    Column("confidence", "Confidence", lambda r, _x: _text(r.confidence), field="confidence", width=80),
    Column("note", "Note", lambda r, _x: _text(r.note, r.note), field="note", width=200),
)


COLUMNS_BY_KIND: dict[str, tuple[Column, ...]] = {
    "companies": COMPANY_COLUMNS, "elements": ELEMENT_COLUMNS, "reserves": RESERVE_COLUMNS}
