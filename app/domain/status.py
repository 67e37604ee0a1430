"""Status of a measure on a given date, computed from dated events (never typed in).

A measure (a company's export-control listing, its Unreliable Entity List entry, an element's
licence requirement, or either clause of the US-specific Announcement No. 46 of 2024) starts
with an ``announced``/``in_force`` event. A ``suspended`` event overlays a suspension until its
``until`` date (inclusive) or with no end; a later suspension replaces the earlier one
(extensions); ``lifted`` ends the measure and any suspension. A suspension whose end date has
passed, with no later event, is reported as ended with a request to verify: the app never
guesses what happened next.

Two things are said on top of the status itself, because both change what a reader should do:
a suspension ending within ``ENDING_SOON_DAYS`` of the status date carries the days left, and a
status computed for a date after the dataset's as-of date says how far the data reaches
("· data to 2025-11-10, verify"): past that date it is an extrapolation, not data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from app.domain.model import MEASURES, Company, Element, Event

# Same-day order: the measure starts before it is suspended, and a lifting wins last.
_KIND_ORDER = {"announced": 0, "in_force": 1, "note": 2, "changed_unknown": 3, "suspended": 4, "lifted": 5}

# Status kinds, in order of how much attention they need.
NOT_LISTED, ANNOUNCED, IN_FORCE, SUSPENDED, EXPIRED, UNKNOWN, LIFTED = (
    "none", "announced", "in_force", "suspended", "expired", "unknown", "lifted")

ENDING_SOON_DAYS = 30


@dataclass(frozen=True)
class Status:
    kind: str
    label: str  # everything the reader needs, as shown in the tables and written to the export
    ends: dt.date | None = None
    ends_confirmed: bool = True
    since: dt.date | None = None
    days_left: int | None = None  # set when a suspension ends within ENDING_SOON_DAYS of the status date
    data_to: dt.date | None = None  # the data's as-of date, set when the status date is later

    @property
    def needs_verification(self) -> bool:
        return self.kind in (EXPIRED, UNKNOWN) or not self.ends_confirmed

    @property
    def beyond_data(self) -> bool:
        return self.data_to is not None


def sorted_events(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date, _KIND_ORDER.get(e.kind, 9)))


def days_left_text(days: int) -> str:
    return "last day" if days == 0 else f"{days} day{'s' if days != 1 else ''} left"


def _base_status(events: list[Event], on: dt.date) -> Status:
    started: Event | None = None
    announced: Event | None = None
    suspension: Event | None = None
    lifted: Event | None = None
    unknown: Event | None = None
    for event in events:
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
            days = (until - on).days
            soon = days if days <= ENDING_SOON_DAYS else None
            label = f"Suspended until {until.isoformat()}{note}"
            if soon is not None:
                label += f" · {days_left_text(soon)}"
            return Status(SUSPENDED, label, until, suspension.until_confirmed, suspension.date, days_left=soon)
        # An unconfirmed end date is already a reason to verify; the "Status ends" column and
        # the detail pane say it is unconfirmed, so the label stays short enough to read.
        return Status(EXPIRED, f"Suspension ended {until.isoformat()}; no later data, verify", until,
                      suspension.until_confirmed, suspension.date)
    if started is not None:
        return Status(IN_FORCE, f"In force since {started.date.isoformat()}", since=started.date)
    if announced is not None:
        # The date it takes effect is known when it is announced: say it.
        due = next((e for e in events if e.kind == "in_force" and e.date > on), None)
        then = f"in force from {due.date.isoformat()}" if due is not None else "not yet in force"
        return Status(ANNOUNCED, f"Announced {announced.date.isoformat()}, {then}", since=announced.date)
    return Status(NOT_LISTED, "Not in force")


def status_on(events: Iterable[Event], on: dt.date, as_of: dt.date | None = None) -> Status:
    """The status of one measure on ``on``, from that measure's events. With ``as_of`` (the
    dataset's as-of date) a status for a later date says how far the data reaches."""
    status = _base_status(sorted_events(events), on)
    if as_of is None or on <= as_of or status.kind == EXPIRED:
        # An ended suspension already says "no later data, verify".
        return status
    tail = f" · data to {as_of.isoformat()}" + ("" if status.kind == UNKNOWN else ", verify")
    return Status(status.kind, status.label + tail, status.ends, status.ends_confirmed, status.since,
                  status.days_left, as_of)


def data_age_text(as_of: dt.date, on: dt.date) -> str:
    """One plain sentence on how old the data is against the status date ("" when it is not)."""
    if on <= as_of:
        return ""
    days = (on - as_of).days
    return (f"The data reaches {as_of.isoformat()}, {days} day{'s' if days != 1 else ''} before the status date "
            f"{on.isoformat()}: later decisions are not in it, so verify any status before relying on it.")


def _start_events(record_id: str, measure: str, announcement: str, announced: dt.date | None,
                  effective: dt.date | None, text: str, at: str = "") -> list[Event]:
    """The events a record's own fields imply: its announcement and the day it took effect."""
    if announced is None:
        return []
    time = f" at {at}" if at else ""
    if effective is not None and effective > announced:
        return [
            Event(f"{record_id}.{measure}.announced", announced, measure, "announced",
                  f"{announcement} issued; takes effect {effective.isoformat()}{time}."),
            Event(f"{record_id}.{measure}.in_force", effective, measure, "in_force",
                  f"{announcement} in force from {effective.isoformat()}{time}. {text}".strip()),
        ]
    if effective is None:
        return [Event(f"{record_id}.{measure}.in_force", announced, measure, "in_force",
                      f"{announcement} issued (no separate effective date recorded; taken as in force "
                      f"from the issue date). {text}".strip())]
    return [Event(f"{record_id}.{measure}.in_force", effective, measure, "in_force",
                  f"{announcement} issued and in force{time}. {text}".strip())]


def measure_events(record: Company | Element, measure: str) -> list[Event]:
    """All events of one measure of a record, including those implied by its fields, sorted."""
    implied: list[Event] = []
    if isinstance(record, Company):
        if measure == "export_control":
            implied = _start_events(record.id, measure, record.announcement, record.listed, record.effective,
                                    "Added to the export control list.", record.effective_time)
        elif measure == "uel":
            implied = _start_events(record.id, measure, record.uel_announcement, record.uel_date,
                                    record.uel_effective, "Added to the Unreliable Entity List.",
                                    record.uel_effective_time)
    elif isinstance(record, Element) and measure == "export_control":
        implied = _start_events(record.id, measure, record.announcement, record.announced, record.effective,
                                "Export needs a dual-use licence.")
    return sorted_events(implied + [e for e in record.events if e.measure == measure])


def measures_of(record: Company | Element) -> list[str]:
    """The measures a record has, in the order of ``MEASURES`` (export control first); a company
    on the Unreliable Entity List only has no export-control measure."""
    found = {e.measure for e in record.events}
    if isinstance(record, Element) or record.listed is not None:
        found.add("export_control")
    if isinstance(record, Company) and record.uel_date is not None:
        found.add("uel")
    order = {m: i for i, m in enumerate(MEASURES)}
    return sorted(found, key=lambda m: (order.get(m, len(order)), m))


def record_status(record: Company | Element, measure: str, on: dt.date,
                  as_of: dt.date | None = None) -> Status | None:
    """The status of one measure of a record on ``on`` (None when it has no such measure); pass
    the dataset's ``as_of`` so that a status past it says how far the data reaches."""
    events = measure_events(record, measure)
    if not events:
        return None
    return status_on(events, on, as_of)
