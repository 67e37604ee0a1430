"""Reserve and mine production figures by source, and how a non-USGS reserve figure compares
with every USGS edition.

A source's rows carry up to three figures (``FIGURES``): reserves, and mine production in the
source's data year and the year before; ``figure_label`` names the years. NA (``None``) is
never zero. The comparison is computed from the data (not typed), so when a user corrects a
figure the verdict follows. World totals are kept as USGS prints them (rounded, reserves as a
lower bound), and a share of one is written with the qualifier that implies ("<", "≈").

Units (``UNITS``): metric tons, thousand and million metric tons, long and short tons (the
article quotes metric and imperial). Conversions are exact decimals: a metric figure is written
exactly, an imperial one rounded only where it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.model import Edition, Reserve
from app.domain.text import QT_TRANSLATE_NOOP, Msg

MATCH, ROUNDED, NO_MATCH, NO_DATA = "match", "rounded", "no_match", "no_data"

RESERVES, PRODUCTION, PRODUCTION_PRIOR = "reserves_t", "production_t", "production_prior_t"
FIGURES = (RESERVES, PRODUCTION, PRODUCTION_PRIOR)


def figure_of(row: Reserve, figure: str = RESERVES) -> int | None:
    return getattr(row, figure)


def figure_year(edition: Edition | None, figure: str) -> int | None:
    if edition is None or figure == RESERVES:
        return None
    return edition.data_year if figure == PRODUCTION else edition.prior_year


def figure_label(figure: str, edition: Edition | None) -> Msg:
    """"Reserves", "Mine production 2025" (the year from the source, where it has one)."""
    if figure == RESERVES:
        return Msg(QT_TRANSLATE_NOOP("", "Reserves"))
    year = figure_year(edition, figure)
    if year is not None:
        return Msg(QT_TRANSLATE_NOOP("", "Mine production {year}"), year=year)
    return Msg(QT_TRANSLATE_NOOP("", "Mine production (data year)") if figure == PRODUCTION
               else QT_TRANSLATE_NOOP("", "Mine production (year before)"))


# Each label as it reads inside a sentence ("Rare-earth reserves by country"): its own words to translate.
IN_SENTENCE = {"Reserves": QT_TRANSLATE_NOOP("", "reserves"),
               "Mine production {year}": QT_TRANSLATE_NOOP("", "mine production {year}"),
               "Mine production (data year)": QT_TRANSLATE_NOOP("", "mine production (data year)"),
               "Mine production (year before)": QT_TRANSLATE_NOOP("", "mine production (year before)")}


def in_sentence(label: Msg) -> Msg:
    """``figure_label``'s label as it reads inside a sentence."""
    return Msg(IN_SENTENCE[label.template], **label.params)


def figure_header(figure: str, edition: Edition | None) -> Msg:
    """A table header: "Reserves (t REO)", "Production 2025 (t)"."""
    if figure == RESERVES:
        return Msg(QT_TRANSLATE_NOOP("", "Reserves (t REO)"))
    year = figure_year(edition, figure)
    if year is not None:
        return Msg(QT_TRANSLATE_NOOP("", "Production {year} (t)"), year=year)
    return Msg(QT_TRANSLATE_NOOP("", "Production, data year (t)") if figure == PRODUCTION
               else QT_TRANSLATE_NOOP("", "Production, year before (t)"))


def figures_in(rows: list[Reserve]) -> tuple[str, ...]:
    """The figures at least one of ``rows`` has (reserves always: they are what a source is for)."""
    return tuple(f for f in FIGURES if f == RESERVES or any(figure_of(r, f) is not None for r in rows))


def format_t(tons: int | None) -> str:
    return "NA" if tons is None else f"{tons:,} t"


def world_total(edition: Edition | None, figure: str) -> tuple[int, str] | None:
    """The world total of ``figure`` and how it is meant: ">" (a lower bound), "≈" (rounded) or ""."""
    world = edition.world if edition is not None else None
    if world is None:
        return None
    tons = {RESERVES: world.reserves_t, PRODUCTION: world.production_t,
            PRODUCTION_PRIOR: world.production_prior_t}[figure]
    if tons is None:
        return None
    if figure == RESERVES and world.reserves_more_than:
        return tons, ">"
    return tons, "≈" if world.rounded else ""


def world_total_text(edition: Edition | None, figure: str) -> str:
    """A source's world total as it gives it ("more than 85 Mt", "390,000 t (rounded)"); "" without one."""
    total = world_total(edition, figure)
    if total is None:
        return ""
    tons, how = total
    shown = format_mt(tons) if figure == RESERVES else format_t(tons)
    if how == ">":
        return Msg(QT_TRANSLATE_NOOP("", "more than {total}"), total=shown)
    return Msg(QT_TRANSLATE_NOOP("", "{total} (rounded)"), total=shown) if how == "≈" else shown


def world_share_text(tons: int | None, edition: Edition | None, figure: str) -> str:
    """A country's share of the world total: "<52%" when the total is a lower bound (the share
    can only be smaller), "≈69%" when it is rounded; "" when there is nothing to divide by."""
    total = world_total(edition, figure)
    if tons is None or total is None or total[0] == 0:
        return ""
    percent = Decimal(tons) * 100 / Decimal(total[0])
    shown = percent.quantize(Decimal(1) if percent >= 10 else Decimal("0.1"), rounding=ROUND_HALF_UP)
    return {">": "<", "≈": "≈"}.get(total[1], "") + f"{shown}%"


@dataclass(frozen=True)
class Comparison:
    kind: str
    text: str


def rows_for(reserves: list[Reserve], edition_id: str, figure: str = RESERVES) -> list[Reserve]:
    """One source's rows, largest ``figure`` first; rows with no figure (NA) last, by country."""
    rows = [r for r in reserves if r.edition == edition_id]
    return sorted(rows, key=lambda r: (figure_of(r, figure) is None, -(figure_of(r, figure) or 0), r.country))


def format_mt(tons: int | None) -> str:
    if tons is None:
        return "NA"
    if tons < 100_000:
        return f"{tons:,} t"
    mt = Decimal(tons) / Decimal(1_000_000)
    text = f"{mt:.3f}".rstrip("0").rstrip(".")
    return f"{text} Mt"


def _rounds_to(usgs_t: int, other_t: int) -> bool:
    """True when ``usgs_t`` rounded to the precision ``other_t`` is written in equals it."""
    step = 1
    while other_t % (step * 10) == 0 and step < 1_000_000_000:
        step *= 10
    rounded = (Decimal(usgs_t) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return int(rounded) == other_t


def _names(shorts: list[str]) -> str:
    """"USGS MCS 2026, 2025" rather than "USGS MCS 2026, USGS MCS 2025"."""
    if len(shorts) > 1:
        head = shorts[0].rsplit(" ", 1)[0] + " "
        if head.strip() and all(s.startswith(head) for s in shorts):
            return head + ", ".join(s[len(head):] for s in shorts)
    return ", ".join(shorts)


def _first_figures(reserves: list[Reserve]) -> dict[tuple[str, str], int]:
    """The first reserves figure given for each (source, country), in the rows' order."""
    first: dict[tuple[str, str], int] = {}
    for r in reserves:
        if r.reserves_t is not None:
            first.setdefault((r.edition, r.country), r.reserves_t)
    return first


def compare_with_usgs(row: Reserve, reserves: list[Reserve], editions: list[Edition],
                      first: dict[tuple[str, str], int] | None = None) -> Comparison:
    """How a figure from a non-USGS source compares with the USGS editions in the data
    (``first``: ``_first_figures(reserves)``, when it is made once for many rows)."""
    first = _first_figures(reserves) if first is None else first
    figures = [(e, first[e.id, row.country]) for e in editions if e.is_usgs and (e.id, row.country) in first]
    if row.reserves_t is None or not figures:
        return Comparison(NO_DATA, "No USGS figure to compare")
    # Editions agreeing on a figure are named together, newest first, so the list stays short
    # however many editions there are: "USGS MCS 2026, USGS MCS 2025: 3.5 Mt; …".
    grouped: dict[int, list[str]] = {}
    for edition, tons in figures:
        grouped.setdefault(tons, []).append(edition.short)
    listed = "; ".join(f"{_names(names)}: {format_mt(t)}" for t, names in grouped.items())
    exact = [e.short for e, t in figures if t == row.reserves_t]
    if exact:
        return Comparison(MATCH, f"Matches {_names(exact)}")
    rounded = [e.short for e, t in figures if _rounds_to(t, row.reserves_t)]
    if rounded:
        return Comparison(ROUNDED, f"Rounded from {_names(rounded)} ({listed})")
    return Comparison(NO_MATCH, f"Matches no USGS edition ({listed})")


def compare_all(reserves: list[Reserve], editions: list[Edition]) -> dict[str, Comparison]:
    """The comparison of every non-USGS figure with the USGS editions, by reserve id: computed
    once per change and shared by the table, the chart, the caption and the export."""
    usgs_ids = {e.id for e in editions if e.is_usgs}
    known = {e.id for e in editions}
    rows = [r for r in reserves if r.edition in known and r.edition not in usgs_ids]
    first = _first_figures(reserves) if rows else {}
    return {r.id: compare_with_usgs(r, reserves, editions, first) for r in rows}


@dataclass(frozen=True)
class Unit:
    key: str  # what --units and the settings store: "Mt", "long-tons"
    symbol: str  # after a number: "Mt", "long tons"
    name: str  # in an axis title: "million metric tons"
    tons: Decimal  # metric tons in one of it
    metric: bool


# 1 long ton = 2,240 lb and 1 short ton = 2,000 lb, with 1 lb = 0.45359237 kg exactly.
UNITS: dict[str, Unit] = {u.key: u for u in (
    Unit("t", "t", QT_TRANSLATE_NOOP("", "metric tons"), Decimal(1), True),
    Unit("kt", "kt", QT_TRANSLATE_NOOP("", "thousand metric tons"), Decimal(1_000), True),
    Unit("Mt", "Mt", QT_TRANSLATE_NOOP("", "million metric tons"), Decimal(1_000_000), True),
    Unit("long-tons", QT_TRANSLATE_NOOP("", "long tons"), QT_TRANSLATE_NOOP("", "long tons (2,240 lb)"),
         Decimal("1.0160469088"), False),
    Unit("short-tons", QT_TRANSLATE_NOOP("", "short tons"), QT_TRANSLATE_NOOP("", "short tons (2,000 lb)"),
         Decimal("0.90718474"), False),
)}
AUTO_UNIT = "auto"  # Mt for reserves and kt for production on the axis, labels as the table writes them


_UNIT_ALIASES = {"long-ton": "long-tons", "long": "long-tons", "short-ton": "short-tons", "short": "short-tons"}


def unit_of(key: str, figure: str = RESERVES) -> Unit:
    """The unit a key names ("auto": the figure's usual one); ValueError naming the choices.
    Metric keys are taken as written ("mt" could be a metric ton or a megatonne)."""
    if key in ("", AUTO_UNIT):
        return UNITS["Mt" if figure == RESERVES else "kt"]
    if key in UNITS:
        return UNITS[key]
    folded = key.strip().lower().replace("_", "-").replace(" ", "-")
    folded = _UNIT_ALIASES.get(folded, folded)
    if folded in UNITS and not UNITS[folded].metric:
        return UNITS[folded]
    raise ValueError(f"unknown unit {key!r}: choose {', '.join(UNITS)} (or {AUTO_UNIT})")


def in_unit(tons: int, unit: Unit) -> Decimal:
    return Decimal(tons) / unit.tons


def number_text(value: Decimal) -> str:
    """A decimal with thousands separators and no trailing zeros: 44,000 / 0.0045."""
    try:
        text = f"{value.normalize():,f}"
    except InvalidOperation:  # pragma: no cover - finite decimals only
        return str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _significant(value: Decimal, digits: int = 3) -> Decimal:
    if value == 0:
        return value
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def exact_text(tons: int | None, unit: Unit) -> str:
    """The figure in ``unit`` as exactly as it can be written: every digit of a metric figure;
    an imperial one to the whole ton (to three decimals under 100)."""
    if tons is None:
        return "NA"
    value = in_unit(tons, unit)
    if not unit.metric:
        value = value.quantize(Decimal(1) if value >= 100 else Decimal("0.001"), rounding=ROUND_HALF_UP)
    return f"{number_text(value)} {unit.symbol}"


def short_text(tons: int | None, unit: Unit) -> str:
    """A bar label, rounded for reading (``exact_text`` has every digit): millions as
    "44 million t", whole numbers from 100 up ("6,300 kt"), three significant digits below."""
    if tons is None:
        return "NA"
    value = in_unit(tons, unit)
    if value >= 1_000_000:
        return f"{number_text(_significant(value / 1_000_000))} million {unit.symbol}"
    if value >= 100:
        return f"{number_text(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))} {unit.symbol}"
    return f"{number_text(_significant(value))} {unit.symbol}"
