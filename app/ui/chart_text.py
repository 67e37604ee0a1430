"""The Reserves tab's words in the user's language: figure names and headers, units, the chart's
axis title and title, bar labels and world totals.

``app.domain.reserves`` and ``app.domain.chart_data`` word these in English for the exports and
the command line (--chart, --evidence keep that English). The window says the same things
through templates built from the same values; in English they are the domain's words exactly.
"""

from __future__ import annotations

import re

from app.domain.reserves import PRODUCTION, RESERVES, figure_year, format_mt, format_t, world_total
from app.ui.i18n import tr

_AXIS = re.compile(r"(?P<what>.+?), (?P<unit>.+) of rare-earth oxide \(REO\) equivalent(?P<log> \(log scale\))?\Z")
_TITLE = re.compile(r"Rare-earth (?P<what>.+) by country: (?P<sources>.+)\Z")
_PRODUCTION = re.compile(r"Mine production (?P<years>[0-9][0-9 /]*)\Z")


def figure_label_text(figure: str, edition) -> str:
    """"Reserves", "Mine production 2025" (``app.domain.reserves.figure_label``)."""
    if figure == RESERVES:
        return tr("Reserves")
    year = figure_year(edition, figure)
    if year is not None:
        return tr("Mine production {year}").format(year=year)
    return tr("Mine production (data year)") if figure == PRODUCTION else tr("Mine production (year before)")


def figure_header_text(figure: str, edition) -> str:
    """A table header: "Reserves (t REO)", "Production 2025 (t)" (``figure_header``)."""
    if figure == RESERVES:
        return tr("Reserves (t REO)")
    year = figure_year(edition, figure)
    if year is not None:
        return tr("Production {year} (t)").format(year=year)
    return tr("Production, data year (t)") if figure == PRODUCTION else tr("Production, year before (t)")


def what_text(what: str) -> str:
    """"Reserves", "Mine production 2025 / 2024", "Mine production (data year)"."""
    production = _PRODUCTION.match(what)
    if production is not None:
        return tr("Mine production {year}").format(year=production["years"])
    return tr(what)


def axis_title_text(text: str) -> str:
    """The chart's axis title ("Reserves, million metric tons of rare-earth oxide (REO) equivalent")."""
    match = _AXIS.match(text)
    if match is None:
        return text
    title = tr("{what}, {unit} of rare-earth oxide (REO) equivalent").format(what=what_text(match["what"]),
                                                                             unit=tr(match["unit"]))
    return tr("{axis} (log scale)").format(axis=title) if match["log"] else title


def chart_title_text(text: str) -> str:
    """The chart's title ("Rare-earth reserves by country: USGS MCS 2026")."""
    match = _TITLE.match(text)
    if match is None:
        return text
    what = what_text(match["what"][:1].upper() + match["what"][1:])
    return tr("Rare-earth {what} by country: {sources}").format(what=what[:1].lower() + what[1:],
                                                                 sources=match["sources"].replace(" and ", tr(" and ")))


def bar_label_text(label: str) -> str:
    """A bar's label: a figure as written, or "NA" / "not listed" in words."""
    return {"NA": tr("NA"), "not listed": tr("not listed")}.get(label, label)


def world_words(text: str) -> str:
    """A world total as ``world_total_text`` wrote it, in the user's language."""
    if text.startswith("more than "):
        return tr("more than {total}").format(total=text[len("more than "):])
    if text.endswith(" (rounded)"):
        return tr("{total} (rounded)").format(total=text[:-len(" (rounded)")])
    return text


def world_text(edition, figure: str) -> str:
    """A source's world total as it gives it ("more than 85 Mt", "390,000 t (rounded)")."""
    total = world_total(edition, figure)
    if total is None:
        return ""
    tons, how = total
    shown = format_mt(tons) if figure == RESERVES else format_t(tons)
    if how == ">":
        return tr("more than {total}").format(total=shown)
    return tr("{total} (rounded)").format(total=shown) if how == "≈" else shown
