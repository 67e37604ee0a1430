"""What each table shows: one ``Column`` per column (label, the field it edits, how a cell reads)
for companies, elements and reserves. Cells are computed from domain records, never typed.

Labels and header tooltips are marked for translation and shown through ``tr`` (the model's
headers, View > Show columns); cell texts are built in the user's language when a row is built."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from app.domain.listings import is_april_28
from app.domain.model import CATEGORY_LABELS, Company, Element, Reserve
from app.domain.reserves import NO_MATCH, PRODUCTION, PRODUCTION_PRIOR, ROUNDED, Comparison, format_mt, format_t
from app.domain.matching import fold
from app.domain.status import Status, record_status
from app.ui.i18n import QT_TRANSLATE_NOOP, confidence, tr
from app.ui.status_text import days_left_text, lists_text, status_text


@dataclass(frozen=True)
class Cell:
    text: str
    sort: Any
    tooltip: str = ""
    kind: str = ""  # a status kind or comparison kind, for colour


class Context:
    """What cells may depend on besides their record: the status date, the dataset's as-of date
    (a status for a later date says how far the data reaches) and the reserve comparisons."""

    def __init__(self) -> None:
        self.on = dt.date.today()
        self.as_of: dt.date | None = None
        self.comparisons: dict[str, Comparison] = {}

    def status(self, record: Company | Element, measure: str) -> Status | None:
        return record_status(record, measure, self.on, self.as_of)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    cell: Callable[[Any, Context], Cell]
    right: bool = False
    field: str | None = None  # the record field the column shows and edits, if any
    width: int = 100
    tooltip: str = ""  # the header's tooltip
    # The cell's sort key without making the cell (its text and tooltip), where that is cheap: a
    # table of 100,000 reserve rows is sorted by figure at start. Must equal ``cell(...).sort``.
    sort: Callable[[Any, Context], Any] | None = None


def _date(value: dt.date | None) -> Cell:
    return Cell(value.isoformat() if value else "", value.isoformat() if value else "")


def _text(value: str, tooltip: str = "") -> Cell:
    return Cell(value, fold(value), tooltip)


def status_cell(status: Status | None) -> Cell:
    if status is None:
        return Cell("", "")
    text = status_text(status)
    return Cell(text, (status.kind, status.ends or dt.date.min), text, status.kind)


def ends_cell(status: Status | None) -> Cell:
    if status is None or status.ends is None:
        return Cell("", "")
    text = status.ends.isoformat() if status.ends_confirmed else \
        tr("{date} (unconf.)").format(date=status.ends.isoformat())
    tips = [tr("End date not confirmed by a source")] if not status.ends_confirmed else []
    if status.days_left is not None:
        left = days_left_text(status.days_left)
        text += f" · {left}"
        tips.append(tr("Ends within 30 days of the status date: {left}").format(left=left))
    return Cell(text, status.ends.isoformat(), "\n".join(tips), status.kind)


def _name(company: Company, _ctx: Context) -> Cell:
    tips = []
    if company.name_zh:
        tips.append(company.name_zh)
    if company.aliases:
        tips.append(tr("Also: {names}").format(names="; ".join(company.aliases)))
    if company.name_confidence != "HIGH":
        tips.append(tr("Spelling confidence {confidence}").format(confidence=confidence(company.name_confidence)))
    on = tr("On: {lists}").format(lists=lists_text(company))
    tips.append(tr("One of the 28 of April 2025. {on}").format(on=on) if is_april_28(company) else on)
    return Cell(company.name, fold(company.name), "\n".join(tips))


def _export_status(company: Company, ctx: Context) -> Cell:
    status = ctx.status(company, "export_control")
    if status is None and company.listed is None:
        return Cell("–", ("", dt.date.min), tr("On the Unreliable Entity List only (no export control listing)"))
    return status_cell(status)


def _uel(company: Company, _ctx: Context) -> Cell:
    if company.uel_date is None:
        return Cell("–", "", tr("Not on the Unreliable Entity List"))
    return Cell(company.uel_date.isoformat(), company.uel_date.isoformat(),
                tr("Unreliable Entity List: {announcement}").format(announcement=company.uel_announcement))


def _uel_status(company: Company, ctx: Context) -> Cell:
    status = ctx.status(company, "uel")
    if status is None:
        return Cell("–", ("", dt.date.min), tr("Not on the Unreliable Entity List"))
    return status_cell(status)


COMPANY_COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("", "Name"), _name, field="name", width=240),
    Column("status", QT_TRANSLATE_NOOP("", "Export control"), _export_status, width=300,
           tooltip=QT_TRANSLATE_NOOP("", "Export control list: status on the status date")),
    Column("ends", QT_TRANSLATE_NOOP("", "Ends"), lambda c, x: ends_cell(x.status(c, "export_control")), width=150,
           tooltip=QT_TRANSLATE_NOOP("", "When the export control status ends (a suspension's last day)")),
    Column("uel_status", QT_TRANSLATE_NOOP("", "Unreliable Entity List"), _uel_status, width=270,
           tooltip=QT_TRANSLATE_NOOP("", "Unreliable Entity List: status on the status date")),
    Column("listed", QT_TRANSLATE_NOOP("", "Listed"), lambda c, _x: _date(c.listed), field="listed", width=85),
    Column("announcement", QT_TRANSLATE_NOOP("", "Announcement"), lambda c, _x: _text(c.announcement, c.announcement),
           field="announcement", width=230),
    Column("uel", QT_TRANSLATE_NOOP("", "UEL entry"), _uel, field="uel_date", width=85),
)


def _share(element: Element, _ctx: Context) -> Cell:
    if not element.shares:
        return Cell("", -1.0)
    parts = [f"{'≈' if s.approximate else ''}{s.percent:g}% ({s.source.title.split(',')[0].split('(')[0].strip()})"
             for s in element.shares]
    return Cell(" / ".join(f"{'≈' if s.approximate else ''}{s.percent:g}%" for s in element.shares),
                element.shares[0].percent, "\n".join(parts))


ELEMENT_COLUMNS: tuple[Column, ...] = (
    Column("symbol", QT_TRANSLATE_NOOP("", "Symbol"), lambda e, _x: _text(e.symbol), field="symbol", width=55),
    Column("name", QT_TRANSLATE_NOOP("", "Name"), lambda e, _x: _text(e.name), field="name", width=95),
    Column("z", QT_TRANSLATE_NOOP("", "Z"), lambda e, _x: Cell(str(e.atomic_number), e.atomic_number), right=True,
           field="atomic_number", width=35),
    Column("status", QT_TRANSLATE_NOOP("", "Status"), lambda e, x: status_cell(x.status(e, "export_control")),
           width=365),
    Column("ends", QT_TRANSLATE_NOOP("", "Status ends"), lambda e, x: ends_cell(x.status(e, "export_control")),
           width=85),
    Column("us_military", QT_TRANSLATE_NOOP("", "No. 46 cl. 1: US military"),
           lambda e, x: status_cell(x.status(e, "us_military")), width=230,
           tooltip=QT_TRANSLATE_NOOP("", "No. 46 of 2024, clause 1: no dual-use items to US military users or uses")),
    Column("us_ban", QT_TRANSLATE_NOOP("", "No. 46 cl. 2: to the US"), lambda e, x: status_cell(x.status(e, "us_ban")),
           width=330,
           tooltip=QT_TRANSLATE_NOOP("", "No. 46 of 2024, clause 2: Ga, Ge, Sb and superhard materials to the US "
                                         "'in principle not permitted'; graphite under stricter review")),
    Column("group", QT_TRANSLATE_NOOP("", "Group"),
           lambda e, _x: _text(tr(CATEGORY_LABELS.get(e.category, e.category))), field="category", width=100),
    Column("announcement", QT_TRANSLATE_NOOP("", "Announcement"), lambda e, _x: _text(e.announcement, e.announcement),
           field="announcement", width=260),
    Column("effective", QT_TRANSLATE_NOOP("", "Effective"), lambda e, _x: _date(e.effective), field="effective",
           width=85),
    Column("share", QT_TRANSLATE_NOOP("", "China's share"), _share, right=True, width=100),
)


# How app.domain.reserves words a comparison, and the same in the user's language (edition
# names and figures are data).
_COMPARISONS = (
    (re.compile(r"No USGS figure to compare\Z"), QT_TRANSLATE_NOOP("", "No USGS figure to compare")),
    (re.compile(r"Matches no USGS edition \((?P<listed>.*)\)\Z"),
     QT_TRANSLATE_NOOP("", "Matches no USGS edition ({listed})")),
    (re.compile(r"Rounded from (?P<names>.*) \((?P<listed>.*)\)\Z"),
     QT_TRANSLATE_NOOP("", "Rounded from {names} ({listed})")),
    (re.compile(r"Matches (?P<names>.*)\Z"), QT_TRANSLATE_NOOP("", "Matches {names}")),
)


def comparison_text(text: str) -> str:
    """A reserve comparison ("Matches no USGS edition (…)") in the user's language."""
    for pattern, template in _COMPARISONS:
        match = pattern.match(text)
        if match is not None:
            return tr(template).format(**match.groupdict())
    return text


def _comparison(reserve: Reserve, ctx: Context) -> Cell:
    comparison = ctx.comparisons.get(reserve.id)
    if comparison is None:
        return Cell(tr("USGS figure"), "")
    mark = {NO_MATCH: "✗ ", ROUNDED: "≈ "}.get(comparison.kind, "✓ ")
    text = comparison_text(comparison.text)
    return Cell(mark + text, comparison.kind, text, comparison.kind)


def _tons(tons: int | None, tooltip: str) -> Cell:
    return Cell(f"{tons:,}" if tons is not None else tr("NA"), _tons_key(tons), tooltip)


def _tons_key(tons: int | None) -> int:
    return -1 if tons is None else tons  # NA below zero


# The production headers name the years of the chosen source ("Production 2025 (t)"): the
# Reserves tab asks app.domain.reserves.figure_header; these labels are for elsewhere.
RESERVE_COLUMNS: tuple[Column, ...] = (
    Column("country", QT_TRANSLATE_NOOP("", "Country"), lambda r, _x: _text(r.country), field="country", width=125,
           sort=lambda r, _x: fold(r.country)),  # every row's key at start: the first column breaks ties
    Column("reserves", QT_TRANSLATE_NOOP("", "Reserves (t REO)"),
           lambda r, _x: _tons(r.reserves_t, format_mt(r.reserves_t)), right=True, field="reserves_t", width=120,
           sort=lambda r, _x: -1 if r.reserves_t is None else r.reserves_t),  # _tons_key, the column sorted at start
    Column(PRODUCTION, QT_TRANSLATE_NOOP("", "Production, data year (t)"),
           lambda r, _x: _tons(r.production_t, format_t(r.production_t)), right=True, field="production_t",
           width=120, sort=lambda r, _x: _tons_key(r.production_t)),
    Column(PRODUCTION_PRIOR, QT_TRANSLATE_NOOP("", "Production, year before (t)"),
           lambda r, _x: _tons(r.production_prior_t, format_t(r.production_prior_t)),
           right=True, field="production_prior_t", width=120, sort=lambda r, _x: _tons_key(r.production_prior_t)),
    Column("usgs", QT_TRANSLATE_NOOP("", "Against USGS"), _comparison, width=260),
    Column("confidence", QT_TRANSLATE_NOOP("", "Confidence"), lambda r, _x: _text(confidence(r.confidence)),
           field="confidence", width=80),
    Column("note", QT_TRANSLATE_NOOP("", "Note"), lambda r, _x: _text(r.note, r.note), field="note", width=200),
)


COLUMNS_BY_KIND: dict[str, tuple[Column, ...]] = {
    "companies": COMPANY_COLUMNS, "elements": ELEMENT_COLUMNS, "reserves": RESERVE_COLUMNS}
