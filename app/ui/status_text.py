"""Statuses and list memberships as the window shows them, in the user's language.

The domain composes an English label for each status (``app.domain.status``), which the CSV
export and the command line keep. The window builds its own text from the status's fields
(kind, dates, flags) with translatable templates, so that a status reads as a sentence in
Chinese too; in English it is the domain's label word for word (a test holds them together).
"""

from __future__ import annotations

import datetime as dt
import re

from app.domain.listings import LIST_LABELS, lists_of
from app.domain.model import Company, Element, Event
from app.domain.status import ANNOUNCED, EXPIRED, IN_FORCE, LIFTED, NOT_LISTED, SUSPENDED, UNKNOWN, Status
from app.ui.i18n import tr

SEPARATOR = " · "
# The day an announced measure takes effect is in the domain's label only (it comes from a
# later event, not from the status's own fields).
_DUE = re.compile(r"in force from ([0-9]{4}-[0-9]{2}-[0-9]{2})")


def _iso(date: dt.date | None) -> str:
    return date.isoformat() if date is not None else "?"


def days_left_text(days: int) -> str:
    """"last day", "1 day left", "12 days left"."""
    if days == 0:
        return tr("last day")
    return (tr("{n} day left") if days == 1 else tr("{n} days left")).format(n=days)


def _base_text(status: Status) -> str:
    kind, since = status.kind, _iso(status.since)
    if kind == LIFTED:
        return tr("Lifted {date}").format(date=since)
    if kind == UNKNOWN:
        return tr("Changed {date}, outcome unconfirmed; verify").format(date=since)
    if kind == SUSPENDED:
        if status.ends is None:
            return tr("Suspended, no end date stated")
        template = tr("Suspended until {date}") if status.ends_confirmed else \
            tr("Suspended until {date} (end date unconfirmed)")
        text = template.format(date=status.ends.isoformat())
        if status.days_left is not None:
            text += SEPARATOR + days_left_text(status.days_left)
        return text
    if kind == EXPIRED:
        return tr("Suspension ended {date}; no later data, verify").format(date=_iso(status.ends))
    if kind == IN_FORCE:
        return tr("In force since {date}").format(date=since)
    if kind == ANNOUNCED:
        due = _DUE.search(status.label)
        if due is not None:
            return tr("Announced {date}, in force from {due}").format(date=since, due=due[1])
        return tr("Announced {date}, not yet in force").format(date=since)
    if kind == NOT_LISTED:
        return tr("Not in force")
    return status.label


def status_text(status: Status) -> str:
    """The status as a table cell and the detail pane say it: "In force since 2025-04-04 · data
    to 2025-11-10, verify" (the tail only for a status date past the data)."""
    text = _base_text(status)
    if status.data_to is not None and status.kind != EXPIRED:
        # An ended suspension already says "no later data, verify"; an unconfirmed change says "verify".
        tail = tr("data to {date}") if status.kind == UNKNOWN else tr("data to {date}, verify")
        text += SEPARATOR + tail.format(date=status.data_to.isoformat())
    return text


def data_age_text(as_of: dt.date, on: dt.date) -> str:
    """One sentence on how old the data is against the status date ("" when it is not)."""
    if on <= as_of:
        return ""
    days = (on - as_of).days
    template = tr("The data reaches {as_of}, {days} day before the status date {on}: later decisions are not "
                  "in it, so verify any status before relying on it.") if days == 1 else \
        tr("The data reaches {as_of}, {days} days before the status date {on}: later decisions are not in it, "
           "so verify any status before relying on it.")
    return template.format(as_of=as_of.isoformat(), days=days, on=on.isoformat())


def _instrument(record: Company | Element, measure: str) -> tuple[str, dt.date | None, dt.date | None, str, str]:
    """(announcement, issued, effective, time of day, what it did) behind a record's implied events."""
    if isinstance(record, Company) and measure == "uel":
        return (record.uel_announcement, record.uel_date, record.uel_effective, record.uel_effective_time,
                tr("Added to the Unreliable Entity List."))
    if isinstance(record, Company):
        return (record.announcement, record.listed, record.effective, record.effective_time,
                tr("Added to the export control list."))
    return record.announcement, record.announced, record.effective, "", tr("Export needs a dual-use licence.")


def event_text(record: Company | Element, event: Event) -> str:
    """An event's text: as the data writes it, or, for the events a record's own dates imply
    (``app.domain.status.measure_events``: its announcement and the day it took effect), the same
    sentences in the user's language."""
    implied = (f"{record.id}.{event.measure}.announced", f"{record.id}.{event.measure}.in_force")
    if event.id not in implied or any(e.id == event.id for e in record.events):
        return event.text
    announcement, issued, effective, at, did = _instrument(record, event.measure)
    if issued is None:
        return event.text
    if effective is not None and effective > issued:
        values = {"announcement": announcement, "date": effective.isoformat(), "time": at}
        if event.kind == "announced":
            return (tr("{announcement} issued; takes effect {date} at {time}.") if at else
                    tr("{announcement} issued; takes effect {date}.")).format(**values)
        text = (tr("{announcement} in force from {date} at {time}.") if at else
                tr("{announcement} in force from {date}.")).format(**values)
    elif effective is None:
        text = tr("{announcement} issued (no separate effective date recorded; taken as in force from the issue "
                  "date).").format(announcement=announcement)
    else:
        text = (tr("{announcement} issued and in force at {time}.") if at else
                tr("{announcement} issued and in force.")).format(announcement=announcement, time=at)
    return f"{text} {did}".strip()


def lists_text(company: Company) -> str:
    """"Export control list (MOFCOM Announcement No. 13 of 2025); Unreliable Entity List (…)"; the
    announcements are data and stay as written."""
    parts = []
    for key in lists_of(company):
        instrument = company.announcement if key == "export_control" else company.uel_announcement
        label = tr(LIST_LABELS[key])
        parts.append(tr("{list} ({announcement})").format(list=label, announcement=instrument)
                     if instrument else label)
    return tr("; ").join(parts)


def dated_text(announcement: str, issued: dt.date, effective: dt.date | None, time: str = "") -> str:
    """An instrument with its issue date and when it took effect (the same day, a later date, a time of
    day), or that no separate in-force date is recorded: as the detail pane and the brief say it."""
    text = tr("{announcement}, issued {date}").format(announcement=announcement, date=issued.isoformat())
    if effective is None:
        text = tr("{text}; no separate in-force date recorded (taken as the issue date)").format(text=text)
    elif effective != issued:
        text = (tr("{text}, in force from {date} at {time}") if time else tr("{text}, in force from {date}")).format(
            text=text, date=effective.isoformat(), time=time)
    else:
        text = (tr("{text}, in force the same day at {time}") if time else tr("{text}, in force the same day")).format(
            text=text, time=time)
    return text
