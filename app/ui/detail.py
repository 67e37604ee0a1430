"""HTML for the detail panes: a record's facts, its dated timeline per measure and its sources.

Built with ``app.ui.html``: data goes in escaped; confidence other than HIGH is shown next to
the fact it qualifies. Every instrument shows its issue date and, apart, the date (and time,
where known) it took effect. Given the dataset's ``as_of``, a status date past it is said once
at the top and on every status.
"""

from __future__ import annotations

import datetime as dt

from app.domain.listings import APRIL_28_LABEL, is_april_28
from app.domain.model import CATEGORY_LABELS, EVENT_KIND_LABELS, MEASURE_LABELS, Company, Element, Event, Source
from app.domain.status import Status, measure_events, measures_of, record_status
from app.ui.html import Markup, br, esc, join, styled, tag
from app.ui.i18n import QT_TRANSLATE_NOOP, confidence, tr
from app.ui.status_text import data_age_text, dated_text, event_text, status_text
from app.ui.theme import Theme

# The bundled elements' names, for the catalogue: a Chinese reader gets 镓 beside "Gallium" in the
# title of the detail pane (the name itself is data and stays as written).
ELEMENT_NAMES = (
    QT_TRANSLATE_NOOP("", "Samarium"), QT_TRANSLATE_NOOP("", "Gadolinium"), QT_TRANSLATE_NOOP("", "Terbium"),
    QT_TRANSLATE_NOOP("", "Dysprosium"), QT_TRANSLATE_NOOP("", "Lutetium"), QT_TRANSLATE_NOOP("", "Scandium"),
    QT_TRANSLATE_NOOP("", "Yttrium"), QT_TRANSLATE_NOOP("", "Holmium"), QT_TRANSLATE_NOOP("", "Erbium"),
    QT_TRANSLATE_NOOP("", "Thulium"), QT_TRANSLATE_NOOP("", "Europium"), QT_TRANSLATE_NOOP("", "Ytterbium"),
    QT_TRANSLATE_NOOP("", "Gallium"), QT_TRANSLATE_NOOP("", "Germanium"), QT_TRANSLATE_NOOP("", "Graphite"),
    QT_TRANSLATE_NOOP("", "Antimony"), QT_TRANSLATE_NOOP("", "Tungsten"), QT_TRANSLATE_NOOP("", "Tellurium"),
    QT_TRANSLATE_NOOP("", "Bismuth"), QT_TRANSLATE_NOOP("", "Molybdenum"), QT_TRANSLATE_NOOP("", "Indium"),
)


def element_title(element: Element) -> str:
    """"Gallium (Ga, Z=31)", with the name in the reader's language beside it where it differs."""
    local = tr(element.name) if element.name in ELEMENT_NAMES else element.name
    name = element.name if local == element.name else f"{element.name} {local}"
    return f"{name} ({element.symbol}, Z={element.atomic_number})"


def _conf(code: str, theme: Theme) -> Markup:
    if code == "HIGH":
        return Markup("")
    colour = theme.warn if code in ("UNCONFIRMED", "LOW") else theme.muted
    return join([" ", styled(f"[{confidence(code)}]", colour)])


def source_link(source: Source) -> Markup:
    if source.url:
        return tag("a", source.title, href=source.url, title=source.url)
    return esc(source.title)


def _sources(sources: tuple[Source, ...], theme: Theme) -> Markup:
    if not sources:
        return tag("p", tag("i", tr("No source recorded.")))
    seen, items = set(), []
    for source in sources:
        if (source.title, source.url) in seen:
            continue
        seen.add((source.title, source.url))
        items.append(tag("li", source_link(source), _conf(source.confidence, theme)))
    return tag("ul", *items)


def status_html(status: Status | None, theme: Theme) -> Markup:
    if status is None:
        return Markup("")
    text = status_text(status)
    if not status.ends_confirmed and "unconfirmed" not in status.label:  # said once, by the label or here
        text = tr("{status} (end date unconfirmed)").format(status=text)
    colour = theme.status.get(status.kind, theme.chart_fg)
    return styled(text, colour, bold=status.needs_verification or status.days_left is not None)


def _event_row(record: Company | Element, event: Event, on: dt.date, theme: Theme) -> Markup:
    until = Markup("")
    if event.until is not None:
        until = join([" ", tr("until {date}").format(date=event.until.isoformat()),
                      "" if event.until_confirmed else join([" ", styled(tr("(end date unconfirmed)"), theme.warn)])])
    refs = Markup("")
    if event.sources:
        refs = join([br(), tag("small", join((source_link(s) for s in event.sources), "; "))])
    what = join([tr(EVENT_KIND_LABELS.get(event.kind, event.kind)), until, _conf(event.confidence, theme), br(),
                 event_text(record, event), refs])
    style = f"color:{theme.muted}" if event.date > on else None
    return tag("tr", tag("td", tag("b", event.date.isoformat()), valign="top"), tag("td", what, valign="top"),
               style=style)


def _timelines(record: Company | Element, on: dt.date, theme: Theme, as_of: dt.date | None) -> Markup:
    parts = []
    for measure in measures_of(record):
        events = measure_events(record, measure)
        if not events:
            continue
        status = record_status(record, measure, on, as_of)
        parts.append(tag("h3", tr("{measure}: ").format(measure=tr(MEASURE_LABELS.get(measure, measure))),
                         status_html(status, theme)))
        parts.append(tag("table", *(_event_row(record, e, on, theme) for e in events), cellspacing="4",
                         width="100%"))
    return join(parts)


def _dated(announcement: str, issued: dt.date | None, effective: dt.date | None, time: str = "") -> Markup:
    return esc(dated_text(announcement, issued, effective, time) if issued is not None else tr("none"))


def _data_age(on: dt.date, as_of: dt.date | None, theme: Theme) -> Markup:
    text = data_age_text(as_of, on) if as_of is not None else ""
    return tag("p", styled(text, theme.warn)) if text else Markup("")


def company_html(company: Company, on: dt.date, theme: Theme, as_of: dt.date | None = None) -> Markup:
    title = [company.name, _conf(company.name_confidence, theme)]
    if company.name_zh:
        title += [" ", tag("span", company.name_zh, lang="zh")]
    facts: list[object] = []
    if is_april_28(company):
        facts += [tag("i", tr(APRIL_28_LABEL)), br()]
    facts += [tag("b", tr("Export control list:")), " ",
              _dated(company.announcement, company.listed, company.effective, company.effective_time),
              br(), tag("b", tr("Unreliable Entity List:")), " ",
              _dated(company.uel_announcement, company.uel_date, company.uel_effective, company.uel_effective_time),
              br()]
    if company.aliases:
        facts += [tag("b", tr("Also known as:")), " ", "; ".join(company.aliases), br()]
    for measure in measures_of(company):
        facts += [tag("b", tr("{measure} on {date}:").format(measure=tr(MEASURE_LABELS.get(measure, measure)),
                                                               date=on.isoformat())), " ",
                  status_html(record_status(company, measure, on, as_of), theme), br()]
    return join([tag("h2", *title), _data_age(on, as_of, theme), tag("p", *facts),
                 tag("p", company.notes) if company.notes else "",
                 _timelines(company, on, theme, as_of), tag("h3", tr("Sources")), _sources(company.sources, theme)])


def element_html(element: Element, on: dt.date, theme: Theme, as_of: dt.date | None = None) -> Markup:
    code: list[object] = [element.control_code or "–"]
    if element.control_code and not element.control_code_confirmed:
        code += [" ", styled(tr("(unconfirmed, inferred from the sequence)"), theme.warn)]
    shares = Markup("")
    if element.shares:
        rows = [tag("tr", tag("td", tag("b", f"{'≈' if s.approximate else ''}{s.percent:g}%"), align="right"),
                    tag("td", f"{s.basis} ({s.year})", _conf(s.confidence, theme), br(),
                        tag("small", source_link(s.source))))
                for s in element.shares]
        shares = join([tag("h3", tr("China's share of world production")), tag("table", *rows, cellspacing="4")])
    facts = [tag("b", tr("Group:")), " ", tr(CATEGORY_LABELS.get(element.category, element.category)), br(),
             tag("b", tr("Announcement:")), " ", element.announcement, br(),
             tag("b", tr("Issued:")), f" {element.announced.isoformat()}  ", tag("b", tr("Effective:")),
             f" {element.effective.isoformat()}", br(), tag("b", tr("Control code:")), " ", *code, br(),
             tag("b", tr("Status on {date}:").format(date=on.isoformat())), " ",
             status_html(record_status(element, "export_control", on, as_of), theme)]
    return join([tag("h2", element_title(element)),
                 _data_age(on, as_of, theme), tag("p", *facts),
                 tag("p", tag("b", tr("Items covered:")), " ", element.items) if element.items else "",
                 tag("p", element.notes) if element.notes else "", shares,
                 _timelines(element, on, theme, as_of), tag("h3", tr("Sources")), _sources(element.sources, theme)])
