"""Status of a measure on a given date, computed from dated events (never typed in).

A measure (a company's export-control listing, its Unreliable Entity List entry, an element's
licence requirement or the US-specific ban) starts with an ``announced``/``in_force`` event.
A ``suspended`` event overlays a suspension until its ``until`` date (inclusive) or with no end;
a later suspension replaces the earlier one (extensions); ``lifted`` ends the measure and any
suspension. A suspension whose end date has passed, with no later event, is reported as ended
with a request to verify: the app never guesses what happened next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from app.domain.model import Company, Element, Event

# Same-day order: the measure starts before it is suspended, and a lifting wins last.
_KIND_ORDER = {"announced": 0, "in_force": 1, "note": 2, "changed_unknown": 3, "suspended": 4, "lifted": 5}

# Status kinds, in order of how much attention they need.
NOT_LISTED, ANNOUNCED, IN_FORCE, SUSPENDED, EXPIRED, UNKNOWN, LIFTED = (
    "none", "announced", "in_force", "suspended", "expired", "unknown", "lifted")


@dataclass(frozen=True)
class Status:
    kind: str
    label: str
    ends: dt.date | None = None
    ends_confirmed: bool = True
    since: dt.date | None = None

    @property
    def needs_verification(self) -> bool:
        return self.kind in (EXPIRED, UNKNOWN) or not self.ends_confirmed


def sorted_events(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date, _KIND_ORDER.get(e.kind, 9)))


def status_on(events: Iterable[Event], on: dt.date) -> Status:
    """The status of one measure on ``on``, from that measure's events."""
    started: Event | None = None
    announced: Event | None = None
    suspension: Event | None = None
    lifted: Event | None = None
    unknown: Event | None = None
    for event in sorted_events(events):
        if event.date > on:
            break
        if event.kind == "announced":
            announced = event
        elif event.kind == "in_force":
            started, lifted, unknown = event, None, None
            # Measures taking effect after a suspension ran out end it; taking effect during
            # one (October 2025: suspended the day before they were due) leaves it in place.
            if suspension is not None and suspension.until is not None and event.date > suspension.until:
                suspension = None
        elif event.kind == "suspended":
            suspension, lifted, unknown = event, None, None
        elif event.kind == "lifted":
            lifted, suspension, unknown = event, None, None
        elif event.kind == "changed_unknown":
            unknown, lifted = event, None
    if lifted is not None:
        return Status(LIFTED, f"Lifted {lifted.date.isoformat()}", since=lifted.date)
    if unknown is not None:
        return Status(UNKNOWN, f"Changed {unknown.date.isoformat()}, outcome unconfirmed; verify",
                      since=unknown.date)
    if suspension is not None:
        until = suspension.until
        note = "" if suspension.until_confirmed else " (end date unconfirmed)"
        if until is None:
            return Status(SUSPENDED, "Suspended, no end date stated", since=suspension.date)
        if on <= until:
            return Status(SUSPENDED, f"Suspended until {until.isoformat()}{note}", until,
                          suspension.until_confirmed, suspension.date)
        # An unconfirmed end date is already a reason to verify; the "Status ends" column and
        # the detail pane say it is unconfirmed, so the label stays short enough to read.
        return Status(EXPIRED, f"Suspension ended {until.isoformat()}; no later data, verify", until,
                      suspension.until_confirmed, suspension.date)
    if started is not None:
        return Status(IN_FORCE, f"In force since {started.date.isoformat()}", since=started.date)
    if announced is not None:
        return Status(ANNOUNCED, f"Announced {announced.date.isoformat()}, not yet in force", since=announced.date)
    return Status(NOT_LISTED, "Not in force")


def _start_events(record_id: str, measure: str, announcement: str, announced: dt.date | None,
                  effective: dt.date | None, text: str) -> list[Event]:
    """The events a record's own fields imply: its announcement and the day it took effect."""
    if announced is None:
        return []
    effective = effective or announced
    if effective > announced:
        return [
            Event(f"{record_id}.{measure}.announced", announced, measure, "announced",
                  f"{announcement} published; takes effect {effective.isoformat()}."),
            Event(f"{record_id}.{measure}.in_force", effective, measure, "in_force", f"{announcement} in force. {text}".strip()),
        ]
    return [Event(f"{record_id}.{measure}.in_force", effective, measure, "in_force",
                  f"{announcement} published and in force. {text}".strip())]


def measure_events(record: Company | Element, measure: str) -> list[Event]:
    """All events of one measure of a record, including those implied by its fields, sorted."""
    implied: list[Event] = []
    if isinstance(record, Company):
        if measure == "export_control":
            implied = _start_events(record.id, measure, record.announcement, record.listed, record.effective,
                                    "Added to the export control list.")
        elif measure == "uel" and record.uel_date is not None:
            implied = _start_events(record.id, measure, record.uel_announcement, record.uel_date, None,
                                    "Added to the Unreliable Entity List.")
    elif isinstance(record, Element) and measure == "export_control":
        implied = _start_events(record.id, measure, record.announcement, record.announced, record.effective,
                                "Export needs a dual-use licence.")
    return sorted_events(implied + [e for e in record.events if e.measure == measure])


def measures_of(record: Company | Element) -> list[str]:
    """The measures a record has, export control first."""
    found = ["export_control"]
    if isinstance(record, Company) and record.uel_date is not None:
        found.append("uel")
    for event in record.events:
        if event.measure not in found:
            found.append(event.measure)
    return found


def record_status(record: Company | Element, measure: str, on: dt.date) -> Status | None:
    events = measure_events(record, measure)
    if not events:
        return None
    return status_on(events, on)
