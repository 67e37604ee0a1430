"""What the reserves chart draws, worked out without Qt: the bars of one to three sources side
by side (grouped by country), in the chosen unit, on a linear or log scale, with countries left
out on request, each bar's label, tooltip, share of its source's world total and local edit, and
the words around the chart (title, axis title, notes). The on-screen chart, the PNG and SVG
exports, ``curbwatch --chart`` and the evidence pack all draw from one ``ChartData``.

A share is only written the way the source allows: USGS gives world reserves as "more than
85 Mt", so a share of it is an upper bound ("<52%"), never a made-up exact figure; a source
with no world total gets no shares, and the notes say why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Mapping

from app.domain.chart_ticks import linear_ticks, log_ticks
from app.domain.model import Edition, Reserve
from app.domain.reserves import (
    AUTO_UNIT, NO_MATCH, PRODUCTION, RESERVES, Comparison, Unit, number_text, compare_all, exact_text, figure_label,
    figure_of, figure_year, format_mt, format_t, in_unit, rows_for, short_text, unit_of, world_share_text,
    in_sentence, world_total, world_total_text,
)
from app.domain.text import QT_TRANSLATE_NOOP, Msg

MAX_SOURCES = 3
SHOWN_FIELDS = ("country", "edition")  # with the figure itself: what a bar shows of its record


@dataclass(frozen=True)
class ChartSpec:
    sources: tuple[str, ...]  # one to three edition ids; the first is the main one
    figure: str = RESERVES
    unit: str = AUTO_UNIT
    log: bool = False
    leave_out: tuple[str, ...] = ()  # countries left out ("China",)
    shares: bool = False  # value labels also give the share of the source's world total


@dataclass(frozen=True)
class LocalEdit:
    kind: str  # "added" or "edited"
    fields: tuple[str, ...] = ()  # the shown fields the user changed
    bundled: int | None = None  # the bundled figure, when the figure itself was changed

    def describe(self, figure: str) -> Msg:
        if self.kind == "added":
            return Msg(QT_TRANSLATE_NOOP("", "Local edit: a row you added"))
        if figure in self.fields:
            return Msg(QT_TRANSLATE_NOOP("", "Local edit: your figure (bundled: {bundled})"),
                       bundled=format_t(self.bundled))
        return Msg(QT_TRANSLATE_NOOP("", "Local edit: you changed {fields}"), fields=", ".join(self.fields))


@dataclass(frozen=True)
class Series:
    edition_id: str
    name: str  # "USGS MCS 2026"
    label: str  # in the legend: "USGS MCS 2026", "USGS MCS 2026 (2025)" for production
    title: str
    url: str
    confidence: str
    published: str
    world: str  # the world total as the source gives it ("more than 85 Mt"), or ""


@dataclass(frozen=True)
class ChartBar:
    country: str
    series: int
    source: str
    record_id: str | None  # None: the source does not list the country
    tons: int | None  # None: NA, or not listed
    label: str  # written at the bar's end ("44 Mt", "NA", "not listed")
    tip: Callable[[], Msg] = field(compare=False, repr=False)  # the tooltip, worded when first asked for
    share: str = ""  # "<52%", "≈69%" or ""
    highlight: bool = False  # a figure matching no USGS edition
    local: LocalEdit | None = None

    @property
    def drawn(self) -> bool:
        return self.tons is not None

    @property
    def tooltip(self) -> Msg:
        """Lines (a Msg: each translated where shown). Made on demand: a chart of 25,000 bars
        spent 3 s wording tooltips nobody had hovered yet."""
        return self.tip()


@dataclass(frozen=True)
class ChartData:
    spec: ChartSpec
    unit: Unit
    series: tuple[Series, ...]
    countries: tuple[str, ...]
    bars: tuple[ChartBar, ...]  # every (country, series) slot, country by country, in series order
    title: str
    subtitle: str
    axis_title: str
    remarks: tuple[tuple[str, str], ...]  # (kind, text): "left_out", "na", "listed", "world", "log_zero", "years"
    local_edits: tuple[str, ...]  # the local edits in what is charted, in words
    floor: int = 0  # log scale: the decade the bars start from (10**floor in the unit)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(text for _kind, text in self.remarks)

    def notes_of(self, *kinds: str) -> list[str]:
        return [text for kind, text in self.remarks if kind in kinds]

    def drawn(self) -> list[ChartBar]:
        return [b for b in self.bars if b.drawn]

    def value(self, bar: ChartBar) -> float:
        return float(in_unit(bar.tons or 0, self.unit))

    def extent(self, bar: ChartBar) -> tuple[float, float]:
        """Where a bar starts and ends on the axis (log10 of the value on a log scale)."""
        if not self.spec.log:
            return 0.0, self.value(bar)
        if not bar.tons:
            return float(self.floor), float(self.floor)  # zero (or NA) has no length on a log scale
        return float(self.floor), math.log10(self.value(bar))

    def top(self) -> float:
        return max((self.extent(b)[1] for b in self.drawn()), default=1.0)

    def ticks(self, end: float) -> list[tuple[float, str]]:
        return log_ticks(self.floor, end) if self.spec.log else linear_ticks(end)

    def bars_by_country(self) -> dict[str, list[ChartBar]]:
        """The bars of each country, in their order: one pass, not one per country."""
        grouped: dict[str, list[ChartBar]] = {}
        for bar in self.bars:
            grouped.setdefault(bar.country, []).append(bar)
        return grouped

    def description(self) -> Msg:
        """Every bar in words, for a screen reader and for anyone who cannot see the chart."""
        sentence = QT_TRANSLATE_NOOP("", "{sentence}.")
        lines = [Msg(sentence, sentence=self.title), Msg(sentence, sentence=self.axis_title)]
        by_country = self.bars_by_country()
        for country in self.countries:
            parts = [f"{b.source} {b.label}" for b in by_country.get(country, ())]
            lines.append(f"{country}: {'; '.join(parts)}.")
        return Msg.join_lines(lines + list(self.notes))


def _label(tons: int | None, spec: ChartSpec, unit: Unit) -> str:
    if spec.unit == AUTO_UNIT:  # as the table writes them
        return format_mt(tons) if spec.figure == RESERVES else format_t(tons)
    return short_text(tons, unit)


def _exact(tons: int, spec: ChartSpec, unit: Unit) -> str:
    exact = exact_text(tons, unit)
    return exact if unit.key == "t" else Msg(QT_TRANSLATE_NOOP("", "{exact} ({tons:,} metric tons)"), exact=exact,
                                             tons=tons)


def _series(edition: Edition, figure: str) -> Series:
    year = figure_year(edition, figure)
    label = f"{edition.short} ({year})" if year is not None else edition.short
    return Series(edition.id, edition.short, label, edition.title, edition.url, edition.confidence,
                  edition.published, world_total_text(edition, figure))


def _what(figure: str, editions: list[Edition]) -> Msg:
    """"Reserves", "Mine production 2025", "Mine production 2025 / 2024" (each source's year)."""
    labels = list(dict.fromkeys(figure_label(figure, e) for e in editions))
    if len(labels) == 1:
        return labels[0]
    years = [str(figure_year(e, figure)) for e in editions if figure_year(e, figure) is not None]
    return Msg(QT_TRANSLATE_NOOP("", "Mine production {year}"), year=" / ".join(dict.fromkeys(years)))


def _and(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return Msg(QT_TRANSLATE_NOOP("", "{first} and {last}"), first=", ".join(names[:-1]), last=names[-1])


def build_chart(reserves: list[Reserve], editions: list[Edition], spec: ChartSpec, *,
                comparisons: Mapping[str, Comparison] | None = None,
                local: Mapping[str, LocalEdit] | None = None, deleted: tuple[str, ...] = ()) -> ChartData:
    """The chart of ``spec`` over ``reserves``; ``local`` says which records carry local edits,
    ``deleted`` names the charted rows the user deleted (a local edit too). ValueError for an
    unknown source or unit, or more than three sources."""
    by_id = {e.id: e for e in editions}
    ids = list(dict.fromkeys(spec.sources))
    if not ids or len(ids) > MAX_SOURCES:
        raise ValueError(f"choose one to {MAX_SOURCES} sources, not {len(ids)}")
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise ValueError(f"unknown source {unknown[0]!r}: choose from {', '.join(by_id)}")
    unit = unit_of(spec.unit, spec.figure)
    chosen = [by_id[i] for i in ids]
    comparisons = comparisons if comparisons is not None else compare_all(reserves, editions)
    local = local or {}
    series = tuple(_series(e, spec.figure) for e in chosen)
    out = {c.casefold() for c in spec.leave_out}
    rows = [{r.country: r for r in rows_for(reserves, e.id, spec.figure)} for e in chosen]
    figure = spec.figure

    def value(i: int, country: str) -> int | None:
        row = rows[i].get(country)
        return figure_of(row, figure) if row is not None else None

    # The main source's order (largest first), then countries only the others chart.
    order = list(rows[0]) + sorted({c for r in rows[1:] for c in r if c not in rows[0]},
                                   key=lambda c: (-max(value(i, c) or 0 for i in range(len(rows))), c))
    charted = [c for c in order if any(value(i, c) is not None for i in range(len(rows)))]
    left = [c for c in charted if c.casefold() in out]
    countries = tuple(c for c in charted if c.casefold() not in out)
    bars = []
    for country in countries:
        for i, edition in enumerate(chosen):
            bars.append(_bar(country, i, edition, rows[i].get(country), spec, unit, comparisons, local))
    drawn = [b for b in bars if b.drawn]
    floor = 0
    if spec.log:
        positive = [in_unit(b.tons, unit) for b in drawn if b.tons]
        floor = math.floor(math.log10(min(positive))) if positive else 0
    what = _what(figure, chosen)
    title = Msg(QT_TRANSLATE_NOOP("", "Rare-earth {what} by country: {sources}"), what=in_sentence(what),
                sources=_and([s.name for s in series]))
    scale = "log scale" if spec.log else "linear scale"
    subtitle = f"{unit.name[0].upper() + unit.name[1:]} of rare-earth oxide (REO) equivalent, {scale}"
    if left:
        subtitle += f"; {_and(left)} left out"
    axis = Msg(QT_TRANSLATE_NOOP("", "{what}, {unit} of rare-earth oxide (REO) equivalent"), what=what,
               unit=Msg(unit.name))
    if spec.log:
        axis = Msg(QT_TRANSLATE_NOOP("", "{axis} (log scale)"), axis=axis)
    notes = _notes(spec, series, chosen, rows, left, countries, drawn, value)
    edits = [f"{b.country} ({b.source}): {b.local.describe(figure)[len('Local edit: '):]}" for b in bars if b.local]
    edits += [f"deleted: {label}" for label in deleted]
    return ChartData(spec, unit, series, countries, tuple(bars), title, subtitle, axis, tuple(notes), tuple(edits),
                     floor)


def _bar(country: str, i: int, edition: Edition, row: Reserve | None, spec: ChartSpec, unit: Unit,
         comparisons: Mapping[str, Comparison], local: Mapping[str, LocalEdit]) -> ChartBar:
    if row is None:
        return ChartBar(country, i, edition.short, None, None, "not listed",
                        partial(Msg, QT_TRANSLATE_NOOP("", "{country}: not listed in {source}"), country=country,
                                source=edition.short), "")
    tons = figure_of(row, spec.figure)
    edit = local.get(row.id)
    share = "" if tons is None else world_share_text(tons, edition, spec.figure)
    comparison = comparisons.get(row.id)
    highlight = spec.figure == RESERVES and not edition.is_usgs and getattr(comparison, "kind", "") == NO_MATCH
    label = _label(tons, spec, unit)
    if spec.shares and share:
        label += f" · {share}"
    tip = partial(_tooltip, country, edition, spec, unit, tons, share, comparison, edit)
    return ChartBar(country, i, edition.short, row.id, tons, label, tip, share, highlight, edit)


def _tooltip(country: str, edition: Edition, spec: ChartSpec, unit: Unit, tons: int | None, share: str,
             comparison: Comparison | None, edit: LocalEdit | None) -> Msg:
    what = figure_label(spec.figure, edition)
    lines = [f"{country} · {edition.short}"]
    if tons is None:
        lines.append(Msg(QT_TRANSLATE_NOOP("", "{what}: NA (not available in this source; not zero)"), what=what))
    else:
        lines.append(Msg(QT_TRANSLATE_NOOP("", "{what}: {value}"), what=what, value=_exact(tons, spec, unit)))
        total = world_total(edition, spec.figure)
        if share and total and total[1] == ">":
            lines.append(Msg(QT_TRANSLATE_NOOP("", "Share of the world total ({total}): {share} (the total is a lower "
                                                   "bound, so the share is at most this)"),
                             total=world_total_text(edition, spec.figure), share=share))
        elif share:
            lines.append(Msg(QT_TRANSLATE_NOOP("", "Share of the world total ({total}): {share}"),
                             total=world_total_text(edition, spec.figure), share=share))
        else:
            lines.append(Msg(QT_TRANSLATE_NOOP("", "Share of the world total: none (this source gives no world "
                                                   "total)")))
    if comparison is not None and spec.figure == RESERVES:
        lines.append(comparison.text)
    lines.append(edit.describe(spec.figure) if edit
                 else Msg(QT_TRANSLATE_NOOP("", "No local edit: the bundled figure")))
    lines.append(Msg(QT_TRANSLATE_NOOP("", "Source: {title} (confidence {confidence})"), title=edition.title,
                     confidence=edition.confidence))
    return Msg.join_lines(lines)


def _notes(spec: ChartSpec, series, chosen, rows, left, countries, drawn, value) -> list[tuple[str, str]]:
    notes: list[tuple[str, str]] = []
    figure = spec.figure
    for country in left:
        shown = "; ".join(f"{e.short}: {_label(value(i, country), spec, unit_of(spec.unit, figure))}"
                          for i, e in enumerate(chosen) if value(i, country) is not None)
        notes.append(("left_out", Msg(QT_TRANSLATE_NOOP("", "{country} left out ({shown})."), country=country,
                                      shown=shown)))
    for i, edition in enumerate(chosen):
        missing = [c for c, r in rows[i].items() if figure_of(r, figure) is None]
        if missing:
            template = (QT_TRANSLATE_NOOP("", "{source}: no figure (NA), not charted: {countries}.") if len(chosen) == 1
                        else QT_TRANSLATE_NOOP("", "{source}: no figure (NA): {countries}."))
            notes.append(("na", Msg(template, source=edition.short, countries=", ".join(missing))))
        listed = [c for c in countries if c in rows[i]]
        if len(chosen) > 1 and len(listed) < len(countries):
            notes.append(("listed", Msg(QT_TRANSLATE_NOOP("", "{source} lists only {countries}."), source=edition.short,
                                        countries=_and(listed)) if listed else
                          Msg(QT_TRANSLATE_NOOP("", "{source} lists none of them."), source=edition.short)))
        total = world_total(edition, figure)
        if total is None:
            notes.append(("world", Msg(QT_TRANSLATE_NOOP("", "{source} gives no world total: no shares."),
                                       source=edition.short)))
        elif total[1] == ">":
            notes.append(("world", Msg(QT_TRANSLATE_NOOP("", "{source} gives the world total only as {total}: each "
                                                             "share of it is an upper bound ('<')."),
                                       source=edition.short, total=series[i].world)))
    if spec.log:
        zero = [f"{b.country} ({b.source})" for b in drawn if b.tons == 0]
        if zero:
            notes.append(("log_zero", Msg(QT_TRANSLATE_NOOP("", "Zero has no bar on a log scale: {bars}."),
                                          bars=", ".join(zero))))
    if figure == PRODUCTION and len({s.label for s in series}) > 1:
        notes.append(("years", Msg(QT_TRANSLATE_NOOP("", "Each source gives production for its own data year (in "
                                                         "brackets in the legend)."))))
    return notes


def provenance_lines(data: ChartData, dataset_version: str, as_of: Any, listed: int | None = None) -> list[str]:
    """What a copy of the chart must say about itself: its sources, the data's date, and its
    local edits (or that it has none); at most ``listed`` of them by name, then how many more
    (an image of 25,000 edits listed under it was 169 MB and took half a minute)."""
    lines = [f"Source: {s.name} = {s.title} ({s.published}; confidence {s.confidence})" + (f" {s.url}" if s.url else "")
             for s in data.series]
    lines.append(f"Data as of {as_of.isoformat()}; Curbwatch dataset {dataset_version}.")
    edits = data.local_edits
    if not edits:
        lines.append("No local edits: the bundled data as published.")
    elif listed is None or len(edits) <= listed:
        lines.append("Includes local edits: " + "; ".join(edits) + ".")
    else:
        lines.append(f"Includes local edits: {'; '.join(edits[:listed])}; and {len(edits) - listed:,} more "
                     "not listed here.")
    return lines


def local_edits(workspace: Any, spec: ChartSpec) -> tuple[dict[str, LocalEdit], tuple[str, ...]]:
    """The local edits of the charted sources' rows, from a Workspace: by record id, and the
    labels of rows the user deleted from those sources."""
    edits: dict[str, LocalEdit] = {}
    shown = set(spec.sources)
    for record in workspace.records("reserves"):
        if record.edition not in shown:
            continue
        if workspace.is_added("reserves", record.id):
            edits[record.id] = LocalEdit("added")
            continue
        fields = tuple(f for f in (*SHOWN_FIELDS, spec.figure) if workspace.is_edited("reserves", record.id, f))
        if fields:
            bundled = (workspace.bundled_raw("reserves", record.id) or {}).get(spec.figure)
            edits[record.id] = LocalEdit("edited", fields, bundled if isinstance(bundled, int) else None)
    # The deleted rows among the user's changes (Workspace.changes, without labelling the others).
    entries = workspace.layer_view()["records"]["reserves"]
    deleted = tuple(workspace.label("reserves", record_id) for record_id, entry in entries.items()
                    if "added" not in entry and entry.get("deleted")
                    and (workspace.bundled_raw("reserves", record_id) or {}).get("edition") in shown)
    return edits, deleted


def chart_of(workspace: Any, spec: ChartSpec, comparisons: Mapping[str, Comparison] | None = None) -> ChartData:
    """``build_chart`` over a Workspace's records, with its local edits."""
    edits, deleted = local_edits(workspace, spec)
    return build_chart(workspace.records("reserves"), workspace.editions, spec, comparisons=comparisons,
                       local=edits, deleted=deleted)
