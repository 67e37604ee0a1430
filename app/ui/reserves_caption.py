"""The caption under the Reserves chart, as HTML: where the figures come from (each source with
its date, confidence and world total), what is shown and in which unit, what is not charted and
why (NA, not listed, left out, zero on a log scale), the figures matching no USGS edition, and
how the source was read. One source gets its note in full; a comparison names every source."""

from __future__ import annotations

from app.domain.chart_data import ChartData
from app.domain.reserves import AUTO_UNIT, NO_MATCH, RESERVES, figure_of, format_mt
from app.ui import theme as themes
from app.ui.chart_text import chart_words, figure_label_text, world_text
from app.ui.html import esc, join, styled, tag
from app.ui.i18n import QT_TRANSLATE_NOOP, confidence, tr, tr_msg

ORANGE = QT_TRANSLATE_NOOP("", "Orange bars: figures that match no USGS edition")  # through tr() where shown


def _notes(data: ChartData) -> list[str]:
    kinds = ["left_out", "log_zero", "years"] + (["world"] if data.spec.shares else [])
    return [esc(chart_words(text)) for text in data.notes_of(*kinds)]


def _unit_words(data: ChartData) -> str:
    if data.spec.unit == AUTO_UNIT:
        return ""
    return tr(" (the chart in {unit}, the table in metric tons)").format(unit=tr(data.unit.name))


def source_caption(edition, rows, comparisons, data: ChartData, left_out: set[str]) -> str:
    """One source: ``rows`` are its rows, ``left_out`` the (case-folded) countries left out."""
    theme = themes.current()
    figure = data.spec.figure
    title = tag("a", edition.title, href=edition.url) if edition.url else esc(edition.title)
    first = [tag("b", tr("Source:")), " ", title, tr(". Published {published}").format(published=edition.published)]
    if edition.data_year:
        first.append(tr("; data year {year}").format(year=edition.data_year))
    first.append(tr(". Confidence {confidence}.").format(confidence=confidence(edition.confidence)))
    what = figure_label_text(figure, edition)
    parts = [join(first), join([tag("b", tr("Shown:")), " ", tr("{what}; metric tons of rare-earth oxide (REO) "
                                                                "equivalent{unit}.").format(
        what=what, unit=_unit_words(data))])]
    world = world_text(edition, figure)
    if world:
        parts.append(esc(tr("World total ({what}): {total}.").format(what=what.lower(), total=world)))
    missing = [r.country for r in rows if figure_of(r, figure) is None and r.country.casefold() not in left_out]
    if missing:
        parts.append(esc(tr("No figure (NA), not charted: {countries}.").format(countries=", ".join(missing))))
    zero = [r.country for r in rows if figure_of(r, figure) == 0]
    if zero and figure != RESERVES:
        parts.append(esc(tr("Zero ('–' in USGS): {countries}.").format(countries=", ".join(zero))))
    if not edition.is_usgs and figure == RESERVES:
        bad = [r for r in rows if getattr(comparisons.get(r.id), "kind", "") == NO_MATCH]
        if bad:
            listed = ", ".join(f"{r.country} {format_mt(r.reserves_t)}" for r in bad)
            parts.append(styled(join([tag("b", tr(ORANGE)), f" ({listed})."]), theme.warn))
    parts += _notes(data)
    if edition.note:
        parts.append(esc(edition.note))
    if edition.how_read:
        parts.append(join([tag("b", tr("How it was read:")), " ", edition.how_read]))
    return join(parts, " ")


def compare_caption(data: ChartData) -> str:
    """Two or three sources side by side."""
    theme = themes.current()
    sources = []
    for series in data.series:
        title = tag("a", series.title, href=series.url) if series.url else esc(series.title)
        world = tr("; world total {total}").format(total=tr_msg(series.world)) if series.world else ""
        sources.append(join([tag("b", series.label), ": ", title, tr(" (published {published}; confidence "
                                                                     "{confidence}{world})").format(
            published=series.published, confidence=confidence(series.confidence), world=world)]))
    parts = [join([tag("b", tr("Sources compared:")), " ", join(sources, "; "), "."]),
             join([tag("b", tr("Shown:")), " ", esc(tr_msg(data.axis_title)), esc(_unit_words(data)),
                   tr(".")])]
    parts += [esc(chart_words(text)) for text in data.notes_of("na", "listed")]
    bad = [b for b in data.bars if b.highlight]
    if bad:
        listed = ", ".join(f"{b.country} {format_mt(b.tons)} ({b.source})" for b in bad)
        parts.append(styled(join([tag("b", tr(ORANGE)), f" ({listed})."]), theme.warn))
    parts += _notes(data)
    return join(parts, " ")
