"""Reserve figures by source, and how a non-USGS figure compares with every USGS edition.

The comparison is computed from the data (not typed), so when a user corrects a figure the
verdict follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.domain.model import Edition, Reserve

MATCH, ROUNDED, NO_MATCH, NO_DATA = "match", "rounded", "no_match", "no_data"


@dataclass(frozen=True)
class Comparison:
    kind: str
    text: str


def rows_for(reserves: list[Reserve], edition_id: str) -> list[Reserve]:
    """One source's rows, largest first; rows with no figure (NA) last, by country."""
    rows = [r for r in reserves if r.edition == edition_id]
    return sorted(rows, key=lambda r: (r.reserves_t is None, -(r.reserves_t or 0), r.country))


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


def compare_with_usgs(row: Reserve, reserves: list[Reserve], editions: list[Edition]) -> Comparison:
    """How a figure from a non-USGS source compares with the USGS editions in the data."""
    usgs = [e for e in editions if e.is_usgs]
    figures = []
    for edition in usgs:
        same = [r for r in reserves if r.edition == edition.id and r.country == row.country
                and r.reserves_t is not None]
        if same:
            figures.append((edition, same[0].reserves_t))
    if row.reserves_t is None or not figures:
        return Comparison(NO_DATA, "No USGS figure to compare")
    listed = "; ".join(f"{e.short}: {format_mt(t)}" for e, t in figures)
    exact = [e.short for e, t in figures if t == row.reserves_t]
    if exact:
        return Comparison(MATCH, f"Matches {', '.join(exact)}")
    rounded = [e.short for e, t in figures if _rounds_to(t, row.reserves_t)]
    if rounded:
        return Comparison(ROUNDED, f"Rounded from {', '.join(rounded)} ({listed})")
    return Comparison(NO_MATCH, f"Matches no USGS edition ({listed})")


def compare_all(reserves: list[Reserve], editions: list[Edition]) -> dict[str, Comparison]:
    """The comparison of every non-USGS figure with the USGS editions, by reserve id: computed
    once per change and shared by the table, the chart, the caption and the export."""
    usgs_ids = {e.id for e in editions if e.is_usgs}
    known = {e.id for e in editions}
    return {r.id: compare_with_usgs(r, reserves, editions) for r in reserves
            if r.edition in known and r.edition not in usgs_ids}
