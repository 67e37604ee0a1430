"""HTML for the detail panes: a record's facts, its dated timeline per measure and its sources.

Everything from the data is escaped; confidence other than HIGH is shown next to the fact.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from app.domain.model import CATEGORY_LABELS, MEASURE_LABELS, Company, Element, Event, Source
from app.domain.status import Status, measure_events, measures_of, record_status

_KIND_WORDS = {
    "announced": "Announced",
    "in_force": "In force",
    "suspended": "Suspended",
    "lifted": "Lifted",
    "changed_unknown": "Changed (outcome unconfirmed)",
    "note": "Note",
}
_STATUS_STYLE = {
    "in_force": "color:#b3261e",
    "suspended": "color:#1f5fa8",
    "expired": "color:#b35c00;font-weight:bold",
    "unknown": "color:#b35c00;font-weight:bold",
    "lifted": "color:#2e7d32",
}


def _conf(confidence: str) -> str:
    if confidence == "HIGH":
        return ""
    colour = "#b35c00" if confidence in ("UNCONFIRMED", "LOW") else "#666"
    return f' <span style="color:{colour}">[{escape(confidence)}]</span>'


def _source_line(source: Source) -> str:
    title = escape(source.title)
    if source.url:
        title = f'<a href="{escape(source.url, quote=True)}">{title}</a>'
    return f"<li>{title}{_conf(source.confidence)}</li>"


def _sources(sources: tuple[Source, ...] | list[Source]) -> str:
    if not sources:
        return "<p><i>No source recorded.</i></p>"
    seen, lines = set(), []
    for source in sources:
        if (source.title, source.url) in seen:
            continue
        seen.add((source.title, source.url))
        lines.append(_source_line(source))
    return "<ul>" + "".join(lines) + "</ul>"


def _status_html(status: Status | None) -> str:
    if status is None:
        return ""
    unconfirmed = "" if status.ends_confirmed or "unconfirmed" in status.label else " (end date unconfirmed)"
    return f'<span style="{_STATUS_STYLE.get(status.kind, "")}">{escape(status.label + unconfirmed)}</span>'


def _event_row(event: Event, on: dt.date) -> str:
    future = event.date > on
    until = ""
    if event.until is not None:
        until = f" until {event.until.isoformat()}" + ("" if event.until_confirmed else
                                                        ' <span style="color:#b35c00">(end date unconfirmed)</span>')
    refs = ""
    if event.sources:
        refs = "<br><small>" + "; ".join(
            (f'<a href="{escape(s.url, quote=True)}">{escape(s.title)}</a>' if s.url else escape(s.title))
            for s in event.sources) + "</small>"
    style = ' style="color:#888"' if future else ""
    return (f"<tr{style}><td valign=top><b>{event.date.isoformat()}</b></td>"
            f"<td valign=top>{_KIND_WORDS.get(event.kind, escape(event.kind))}{until}{_conf(event.confidence)}"
            f"<br>{escape(event.text)}{refs}</td></tr>")


def _timelines(record: Company | Element, on: dt.date) -> str:
    parts = []
    for measure in measures_of(record):
        events = measure_events(record, measure)
        if not events:
            continue
        status = record_status(record, measure, on)
        parts.append(f"<h3>{escape(MEASURE_LABELS.get(measure, measure))}: {_status_html(status)}</h3>")
        parts.append('<table cellspacing=4 width="100%">' + "".join(_event_row(e, on) for e in events) + "</table>")
    return "".join(parts)


def company_html(company: Company, on: dt.date) -> str:
    uel = (f"{escape(company.uel_announcement)} ({company.uel_date.isoformat()})" if company.uel_date else "none")
    effective = f", effective {company.effective.isoformat()}" if company.effective else ""
    return (
        f"<h2>{escape(company.name)}{_conf(company.name_confidence)}</h2>"
        f"<p><b>Listed:</b> {escape(company.announcement)}, {company.listed.isoformat()}{effective}<br>"
        f"<b>Unreliable Entity List:</b> {uel}<br>"
        f"<b>Status on {on.isoformat()}:</b> {_status_html(record_status(company, 'export_control', on))}</p>"
        + (f"<p>{escape(company.notes)}</p>" if company.notes else "")
        + _timelines(company, on)
        + "<h3>Sources</h3>" + _sources(company.sources)
    )


def element_html(element: Element, on: dt.date) -> str:
    code = escape(element.control_code) if element.control_code else "–"
    if element.control_code and not element.control_code_confirmed:
        code += ' <span style="color:#b35c00">(unconfirmed, inferred from the sequence)</span>'
    shares = ""
    if element.shares:
        rows = "".join(
            f"<tr><td align=right><b>{'≈' if s.approximate else ''}{s.percent:g}%</b></td>"
            f"<td>{escape(s.basis)} ({s.year}){_conf(s.confidence)}<br><small>{_source_inline(s.source)}</small></td></tr>"
            for s in element.shares)
        shares = f"<h3>China's share of world production</h3><table cellspacing=4>{rows}</table>"
    return (
        f"<h2>{escape(element.name)} ({escape(element.symbol)}, Z={element.atomic_number})</h2>"
        f"<p><b>Group:</b> {escape(CATEGORY_LABELS.get(element.category, element.category))}<br>"
        f"<b>Announcement:</b> {escape(element.announcement)}<br>"
        f"<b>Issued:</b> {element.announced.isoformat()} &nbsp; <b>Effective:</b> {element.effective.isoformat()}<br>"
        f"<b>Control code:</b> {code}<br>"
        f"<b>Status on {on.isoformat()}:</b> {_status_html(record_status(element, 'export_control', on))}</p>"
        + (f"<p><b>Items covered:</b> {escape(element.items)}</p>" if element.items else "")
        + (f"<p>{escape(element.notes)}</p>" if element.notes else "")
        + shares
        + _timelines(element, on)
        + "<h3>Sources</h3>" + _sources(element.sources)
    )


def _source_inline(source: Source) -> str:
    if source.url:
        return f'<a href="{escape(source.url, quote=True)}">{escape(source.title)}</a>'
    return escape(source.title)
