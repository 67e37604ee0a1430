"""Status on a date, computed from events, for every kind of event."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.model import Company, Event
from app.domain.status import (
    ANNOUNCED, EXPIRED, IN_FORCE, LIFTED, NOT_LISTED, SUSPENDED, UNKNOWN, measure_events, record_status, status_on,
)

D = dt.date


def ev(date, kind, until=None, confirmed=True, measure="export_control"):
    return Event(id=f"e-{date}-{kind}", date=date, measure=measure, kind=kind, text=kind, until=until,
                 until_confirmed=confirmed)


def test_no_events_is_not_in_force():
    assert status_on([], D(2025, 1, 1)).kind == NOT_LISTED


def test_announced_then_in_force():
    events = [ev(D(2025, 4, 9), "announced"), ev(D(2025, 4, 10), "in_force")]
    assert status_on(events, D(2025, 4, 8)).kind == NOT_LISTED
    assert status_on(events, D(2025, 4, 9)).kind == ANNOUNCED
    assert status_on(events, D(2025, 4, 10)).kind == IN_FORCE


def test_suspension_until_is_inclusive_then_reported_as_ended():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12))]
    assert status_on(events, D(2025, 5, 13)).kind == IN_FORCE
    during = status_on(events, D(2025, 8, 12))
    assert (during.kind, during.ends) == (SUSPENDED, D(2025, 8, 12))
    after = status_on(events, D(2025, 8, 13))
    assert after.kind == EXPIRED
    assert after.label == "Suspension ended 2025-08-12; no later data, verify"
    assert after.needs_verification


def test_extension_replaces_the_earlier_end_date():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
              ev(D(2025, 8, 12), "suspended", D(2025, 11, 10))]
    status = status_on(events, D(2025, 9, 1))
    assert (status.kind, status.ends) == (SUSPENDED, D(2025, 11, 10))


def test_open_ended_suspension():
    events = [ev(D(2025, 4, 9), "in_force"), ev(D(2025, 5, 14), "suspended")]
    status = status_on(events, D(2030, 1, 1))
    assert status.kind == SUSPENDED and status.ends is None and "no end date" in status.label


def test_lifting_ends_measure_and_suspension():
    events = [ev(D(2025, 4, 9), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
              ev(D(2025, 8, 12), "lifted")]
    assert status_on(events, D(2025, 8, 12)).kind == LIFTED
    assert status_on(events, D(2027, 1, 1)).label == "Lifted 2025-08-12"


def test_unconfirmed_end_date_is_said():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 10), "suspended", D(2026, 11, 10), confirmed=False)]
    during = status_on(events, D(2026, 1, 1))
    assert "(end date unconfirmed)" in during.label and not during.ends_confirmed and during.needs_verification
    after = status_on(events, D(2026, 11, 29))
    assert "ended 2026-11-10" in after.label and not after.ends_confirmed


def test_change_with_unconfirmed_outcome():
    events = [ev(D(2025, 3, 4), "in_force"), ev(D(2025, 11, 10), "changed_unknown")]
    assert status_on(events, D(2025, 12, 1)).kind == UNKNOWN


def test_note_changes_nothing():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 1), "note")]
    assert status_on(events, D(2025, 12, 1)).kind == IN_FORCE


def test_suspension_before_entry_into_force_still_holds():
    # October 2025 rare earths: suspended on 7 Nov, the day before they were due to take effect.
    events = [ev(D(2025, 10, 9), "announced"), ev(D(2025, 11, 7), "suspended", D(2026, 11, 10)),
              ev(D(2025, 11, 8), "in_force")]
    assert status_on(events, D(2025, 11, 8)).kind == SUSPENDED


def test_record_status_uses_fields_and_events_per_measure():
    company = Company(id="x", name="X", announcement="No. 22", listed=D(2025, 4, 9), effective=D(2025, 4, 10),
                      uel_announcement="UEL No. 8", uel_date=D(2025, 4, 9),
                      events=(ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
                              ev(D(2025, 8, 12), "lifted", measure="uel")))
    assert record_status(company, "export_control", D(2025, 4, 9)).kind == ANNOUNCED
    assert record_status(company, "export_control", D(2025, 6, 1)).kind == SUSPENDED
    assert record_status(company, "uel", D(2025, 6, 1)).kind == IN_FORCE
    assert record_status(company, "uel", D(2025, 9, 1)).kind == LIFTED
    dates = [e.date for e in measure_events(company, "export_control")]
    assert dates == sorted(dates) == [D(2025, 4, 9), D(2025, 4, 10), D(2025, 5, 14)]


@pytest.mark.parametrize("on, expected", [
    (D(2025, 4, 3), NOT_LISTED), (D(2025, 4, 4), IN_FORCE), (D(2025, 6, 1), SUSPENDED),
    (D(2025, 10, 1), SUSPENDED), (D(2026, 6, 1), SUSPENDED), (D(2026, 11, 29), EXPIRED),
])
def test_bundled_no21_company_through_time(dataset, on, expected):
    company = next(c for c in dataset.companies if c.name.startswith("High Point"))
    assert record_status(company, "export_control", on).kind == expected


def test_in_force_again_after_a_suspension_ran_out():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
              ev(D(2025, 9, 1), "in_force")]
    assert status_on(events, D(2025, 8, 20)).kind == EXPIRED
    assert status_on(events, D(2025, 10, 1)).label == "In force since 2025-09-01"


def test_in_force_during_a_suspension_keeps_it():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
              ev(D(2025, 6, 1), "in_force")]
    assert status_on(events, D(2025, 7, 1)).kind == SUSPENDED


def test_unconfirmed_change_after_a_lifting_is_reported():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "lifted"), ev(D(2025, 11, 10), "changed_unknown")]
    assert status_on(events, D(2025, 12, 1)).kind == UNKNOWN
    events.append(ev(D(2026, 1, 1), "lifted"))
    assert status_on(events, D(2026, 2, 1)).kind == LIFTED
